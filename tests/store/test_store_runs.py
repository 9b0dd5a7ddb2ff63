"""Writing, end to end: tables readable by pandas/DuckDB/polars, idempotent, incremental, atomic, locked."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.pipeline import run_pipeline
from tasks.schemas import TABLES
from tasks.store import journal
from tasks.store.layout import OutputLayout
from tasks.store.lock import LockedError, output_lock
from tasks.store.tables import read_table

ART_A = "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n"
ART_B = "Storm hits coast\nA storm struck the coast on Monday, cutting power to 3,000 homes.\n"


def tables(out: Path) -> dict:
    return {t: read_table(out, t).drop(columns=["month"], errors="ignore") for t in TABLES}


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.parquet")) if "_newsfacts" not in p.parts}


@pytest.fixture()
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ART_A, encoding="utf-8")
    (d / "b.txt").write_text(ART_B, encoding="utf-8")
    return d


def test_all_tables_written_with_their_schema_and_readable_by_pandas_duckdb_polars(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["inputs"] == {"new": 2, "changed": 0, "unchanged": 0, "upgrade": 0, "repair": 0}
    assert s["validation_passed"] and not s["rejected"]
    for name, schema in TABLES.items():
        files = list((out / name).rglob("*.parquet"))
        assert files, name
        assert pq.read_schema(files[0]).remove_metadata().equals(schema.remove_metadata()), name
    arts = read_table(out, "articles")
    assert sorted(arts["title"]) == ["Minister quits over budget", "Storm hits coast"]
    import duckdb
    import polars as pl

    n = duckdb.sql(f"select count(*) from read_parquet('{out}/paragraphs/**/*.parquet', hive_partitioning=true)").fetchall()[0][0]
    assert n == 5
    df = pl.read_parquet(f"{out}/sentences/**/*.parquet", hive_partitioning=True)
    assert df.height == 5
    # every offset slices articles.text to exactly the row's text
    texts = dict(zip(arts["article_id"], arts["text"]))
    for t in ("paragraphs", "sentences", "mentions", "quotes", "numeric_facts"):
        for r in read_table(out, t).itertuples():
            assert texts[r.article_id][r.char_start:r.char_end] == r.text


def test_second_run_changes_nothing(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    run_pipeline([str(inputs)], str(out), workers=1)
    before = snapshot(out)
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["inputs"] == {"new": 0, "changed": 0, "unchanged": 2, "upgrade": 0, "repair": 0} and s["articles_written"] == 0
    assert snapshot(out) == before


def test_changed_file_replaces_its_rows_and_duplicates_become_one_article(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    run_pipeline([str(inputs)], str(out), workers=1)
    (inputs / "b.txt").write_text(ART_B.replace("3,000", "4,000"), encoding="utf-8")
    (inputs / "c copy.txt").write_text(ART_A, encoding="utf-8")
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["inputs"] == {"new": 1, "changed": 1, "unchanged": 1, "upgrade": 0, "repair": 0}
    arts = read_table(out, "articles").sort_values("title")
    assert len(arts) == 2
    a = arts.iloc[0]
    assert a["source"].endswith("a.txt") and [Path(x).name for x in a["sources"]] == ["a.txt", "c copy.txt"]
    assert "4,000" in arts.iloc[1]["text"]
    ids = set(arts["article_id"])
    for t in TABLES:
        assert set(read_table(out, t)["article_id"]) <= ids, t


def test_a_second_run_on_the_same_output_is_refused_while_one_holds_the_lock(inputs, tmp_path):
    out = tmp_path / "out"
    with output_lock(OutputLayout(out)):
        with pytest.raises(LockedError, match="another newsfacts run"):
            run_pipeline([str(inputs)], str(out), workers=1)


def test_interrupted_commit_is_finished_by_the_next_run(inputs, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    ref = tmp_path / "ref"
    run_pipeline([str(inputs)], str(ref), workers=1)

    def crash(layout, plan):
        raise KeyboardInterrupt("killed after the journal was written")

    monkeypatch.setattr(journal, "_apply", crash)
    with pytest.raises(KeyboardInterrupt):
        run_pipeline([str(inputs)], str(out), workers=1)
    assert OutputLayout(out).journal.exists()
    monkeypatch.undo()
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["inputs"]["unchanged"] == 2
    got, want = tables(out), tables(ref)
    for t in TABLES:
        cols = [c for c in want[t].columns if c not in ("ingested_at",)]
        key = [c for c in ("article_id", "paragraph_idx", "sentence_idx", "char_start", "entity_id") if c in cols]
        g = got[t][cols].sort_values(key).reset_index(drop=True)
        w = want[t][cols].sort_values(key).reset_index(drop=True)
        assert g.astype(str).equals(w.astype(str)), t


def test_refusals_are_recorded_once_not_on_every_run(inputs, tmp_path, nlp):
    import os

    os.symlink(inputs / "loop.txt", inputs / "loop.txt")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    first = run_pipeline([str(inputs)], str(out), workers=1)
    assert sorted(Path(r["source"]).name for r in first["rejected"]) == ["empty.txt", "loop.txt"]
    second = run_pipeline([str(inputs)], str(out), workers=1)
    assert second["rejected"] == []
    assert sorted(Path(s).name for s in read_table(out, "rejections")["source"]) == ["empty.txt", "loop.txt"]
