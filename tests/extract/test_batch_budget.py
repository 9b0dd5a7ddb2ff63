"""The per-article time budget: a block over it is stopped in its own thread, nothing else is,
and an article over it is refused with reason "timeout" while the rest of its batch lands."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

import pytest

from tasks.extract import batch as batch_module
from tasks.extract.article import BatchResult
from tasks.extract.batch import BatchSpec, OverBudget, process_within_budget, time_budget
from tasks.model import RawDocument
from tasks.schemas import ARTICLES, PARAGRAPHS, row

WHEN = datetime(2026, 4, 1, tzinfo=timezone.utc)


def _spin(seconds: float) -> int:
    """Pure Python work (no sleep: the budget must stop a busy loop)."""
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        n += 1
    return n


def test_a_busy_block_over_its_budget_is_stopped_even_inside_except_exception():
    t = time.perf_counter()
    with pytest.raises(OverBudget):
        with time_budget(0.2):
            try:
                _spin(10)
            except Exception:  # a stage's own error handling does not take the budget's exception
                pytest.fail("OverBudget was caught as an Exception")
    assert time.perf_counter() - t < 2


def test_a_block_within_its_budget_runs_to_its_end_and_nothing_fires_later():
    with time_budget(0.5):
        _spin(0.05)
    _spin(0.8)  # past the budget: the timer was cancelled


def test_no_budget_is_no_limit():
    with time_budget(0):
        _spin(0.05)


def test_a_budget_works_in_any_thread():
    seen = []

    def work():
        try:
            with time_budget(0.2):
                _spin(10)
        except OverBudget:
            seen.append("stopped")

    th = threading.Thread(target=work)
    th.start()
    th.join(5)
    assert seen == ["stopped"]


def _doc(source: str, text: str) -> RawDocument:
    return RawDocument(source=source, text=text, encoding="utf-8", content_sha256=f"sha-{source}")


def _fake_process(docs, model, ingested_at=None, max_chars=0):
    """process_batch stand-in: one article per distinct text; a text starting "SLOW" spins for 5 s."""
    r, seen = BatchResult(), {}
    for d in docs:
        if d.text.startswith("SLOW"):
            _spin(5)
        aid = f"id-{d.text}"
        if aid in seen:
            seen[aid]["sources"].append(d.source)
            continue
        seen[aid] = row(ARTICLES, article_id=aid, source=d.source, sources=[d.source], title=d.text, standfirst=None, text=d.text,
                        n_paragraphs=1, n_sentences=1, n_words=1, content_sha256=d.content_sha256, encoding="utf-8", url=None,
                        published_at=None, ingested_at=ingested_at, pipeline_version="x")
        r.rows["articles"].append(seen[aid])
        r.rows["paragraphs"].append(row(PARAGRAPHS, article_id=aid, paragraph_idx=0, kind="headline", section=None, char_start=0,
                                        char_end=len(d.text), text=d.text))
    return r


def test_an_article_over_budget_is_refused_and_the_rest_of_its_batch_lands_as_one_call_would_give(monkeypatch):
    monkeypatch.setattr(batch_module, "process_batch", _fake_process)
    monkeypatch.setattr(batch_module, "PARSE_CHUNK", 3)
    docs = [_doc("a.txt", "Alpha"), _doc("b.txt", "SLOW beta"), _doc("c.txt", "Gamma"), _doc("d.txt", "Delta"),
            _doc("a copy.txt", "Alpha"), _doc("e.txt", "Gamma")]
    spec = BatchSpec(batch=0, files=[], run_id="R", model="-", ingested_at=WHEN, article_timeout=0.5)
    t = time.perf_counter()
    r = process_within_budget(docs, spec)
    assert time.perf_counter() - t < 4  # the slow article is stopped twice (in its chunk, then alone), never run for 5 s
    assert [(x.source, x.reason.split(":")[0]) for x in r.rejections] == [("b.txt", "timeout")]
    assert "over the 0.5 s budget per article" in r.rejections[0].reason
    assert [(a["article_id"], a["sources"]) for a in r.rows["articles"]] == [
        ("id-Alpha", ["a.txt", "a copy.txt"]), ("id-Gamma", ["c.txt", "e.txt"]), ("id-Delta", ["d.txt"])]
    assert [p["article_id"] for p in r.rows["paragraphs"]] == ["id-Alpha", "id-Gamma", "id-Delta"]  # duplicates' rows once
    assert r.seconds["over-budget"] > 0.5
