"""A batch, worker side: its inputs read, its rows as Arrow tables, each input's articles."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from tasks.common.hashing import sha256_file
from tasks.extract.batch import BatchSpec, articles_of_inputs, extract_batch, read_batch
from tasks.model import Rejection
from tasks.schemas import TABLES

WHEN = datetime(2026, 4, 1, tzinfo=timezone.utc)
TEXT = "Council votes\nThe council voted on Monday to close the pool.\n"
AID = "7f21604b5d870594"


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a copy.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "r1", "title": "Pool closes", "text": "The pool closed on Friday."}\n'
        '{"id": "r2", "title": "Park opens", "text": "The park opened on Saturday."}\n'
        '{"id": "r3", "title": "Road shuts", "text": "The road shut on Sunday."}\n', encoding="utf-8")
    return tmp_path


def _spec(folder, names, batch=0, span=()):
    return BatchSpec(batch=batch, files=[(str(folder / n), n, sha256_file(folder / n), *span) for n in names], run_id="R",
                     model="en_core_web_sm", ingested_at=WHEN)


def test_a_batch_comes_back_as_arrow_tables_with_each_inputs_articles(inputs, nlp):
    spec = _spec(inputs, ["a.txt", "a copy.txt", "empty.txt"])
    ex = extract_batch(spec)
    assert {t: ex.tables[t].num_rows for t in TABLES} == {"articles": 1, "paragraphs": 2, "sentences": 2, "entities": 0,
                                                          "mentions": 0, "quotes": 0, "numeric_facts": 0}
    assert all(ex.tables[t].schema.equals(schema) for t, schema in TABLES.items())
    assert ex.articles == 1
    assert ex.tables["articles"].column("ingested_at").to_pylist() == [WHEN]
    sha = {n: f[2] for n, f in zip(["a.txt", "a copy.txt", "empty.txt"], spec.files)}
    assert ex.inputs == {"a.txt": {"sha": sha["a.txt"], "article_ids": [AID]}, "a copy.txt": {"sha": sha["a copy.txt"], "article_ids": [AID]},
                         "empty.txt": {"sha": sha["empty.txt"], "article_ids": []}}
    assert ex.rejections == [Rejection("empty.txt", "ValueError: empty or whitespace-only file", None)]
    assert list(ex.seconds) == ["clean", "spacy", "extract", "read", "arrow"]
    assert ex.worker[0] == os.getpid() and ex.worker[1] > 0


def test_a_slice_of_a_bulk_input_reads_only_its_items(inputs):
    docs, rejections, input_of = read_batch(_spec(inputs, ["rows.jsonl"], span=(1, 3)))
    assert [(d.source, d.title) for d in docs] == [("rows.jsonl#r2", "Park opens"), ("rows.jsonl#r3", "Road shuts")]
    assert rejections == []
    assert input_of == {"rows.jsonl#r2": "rows.jsonl", "rows.jsonl#r3": "rows.jsonl"}


def test_an_article_is_listed_under_every_input_that_holds_it():
    spec = BatchSpec(batch=0, files=[("/x/d.jsonl", "d.jsonl", "s1"), ("/x/a.txt", "a.txt", "s2")], run_id="R", model="-",
                     ingested_at=WHEN)
    rows = [{"article_id": "k1", "sources": ["d.jsonl#1", "a.txt"]}, {"article_id": "k2", "sources": ["d.jsonl#2", "d.jsonl#3"]}]
    assert articles_of_inputs(spec, rows, {"d.jsonl#1": "d.jsonl", "d.jsonl#2": "d.jsonl", "d.jsonl#3": "d.jsonl"}) == {
        "d.jsonl": {"sha": "s1", "article_ids": ["k1", "k2"]}, "a.txt": {"sha": "s2", "article_ids": ["k1"]}}
