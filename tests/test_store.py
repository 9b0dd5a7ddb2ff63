"""Writing: tables readable by pandas/DuckDB/polars, idempotent, incremental, atomic, locked."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.pipeline import run_pipeline
from tasks.store import tables as store
from tasks.paths import OutputLayout
from tasks.schemas import TABLES

ART_A = "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n"
ART_B = "Storm hits coast\nA storm struck the coast on Monday, cutting power to 3,000 homes.\n"


def tables(out: Path) -> dict:
    return {t: store.read_table(out, t).drop(columns=["month"], errors="ignore") for t in TABLES}


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
    assert s["inputs"] == {"new": 2, "changed": 0, "unchanged": 0}
    assert s["validation_passed"] and not s["rejected"]
    for name, schema in TABLES.items():
        files = list((out / name).rglob("*.parquet"))
        assert files, name
        assert pq.read_schema(files[0]).remove_metadata().equals(schema.remove_metadata()), name
    arts = store.read_table(out, "articles")
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
        for r in store.read_table(out, t).itertuples():
            assert texts[r.article_id][r.char_start:r.char_end] == r.text


def test_second_run_changes_nothing(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    run_pipeline([str(inputs)], str(out), workers=1)
    before = snapshot(out)
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["inputs"] == {"new": 0, "changed": 0, "unchanged": 2} and s["articles_written"] == 0
    assert snapshot(out) == before


def test_changed_file_replaces_its_rows_and_duplicates_become_one_article(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    run_pipeline([str(inputs)], str(out), workers=1)
    (inputs / "b.txt").write_text(ART_B.replace("3,000", "4,000"), encoding="utf-8")
    (inputs / "c copy.txt").write_text(ART_A, encoding="utf-8")
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["inputs"] == {"new": 1, "changed": 1, "unchanged": 1}
    arts = store.read_table(out, "articles").sort_values("title")
    assert len(arts) == 2
    a = arts.iloc[0]
    assert a["source"].endswith("a.txt") and [Path(x).name for x in a["sources"]] == ["a.txt", "c copy.txt"]
    assert "4,000" in arts.iloc[1]["text"]
    ids = set(arts["article_id"])
    for t in TABLES:
        assert set(store.read_table(out, t)["article_id"]) <= ids, t


def test_a_second_run_on_the_same_output_is_refused_while_one_holds_the_lock(inputs, tmp_path):
    out = tmp_path / "out"
    with store.output_lock(OutputLayout(out)):
        with pytest.raises(store.LockedError, match="another newsfacts run"):
            run_pipeline([str(inputs)], str(out), workers=1)


def test_interrupted_commit_is_finished_by_the_next_run(inputs, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    ref = tmp_path / "ref"
    run_pipeline([str(inputs)], str(ref), workers=1)

    def crash(layout, plan):
        raise KeyboardInterrupt("killed after the journal was written")

    monkeypatch.setattr(store, "_apply", crash)
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
    assert sorted(Path(s).name for s in store.read_table(out, "rejections")["source"]) == ["empty.txt", "loop.txt"]


def test_rows_failing_validation_are_quarantined_with_the_expectation(inputs, tmp_path, nlp, monkeypatch):
    from tasks.extract import article as extract

    real = extract.article_rows

    def with_a_bad_row(art, doc):
        rows = real(art, doc)
        if rows["paragraphs"]:
            rows["paragraphs"][-1] = dict(rows["paragraphs"][-1], kind="sidebar")
        return rows

    monkeypatch.setattr(extract, "article_rows", with_a_bad_row)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["quarantined"] == {"paragraphs": 2} and not s["validation_passed"]
    assert "sidebar" not in set(store.read_table(out, "paragraphs")["kind"])
    import pandas as pd

    q = pd.read_parquet(out / "quarantine" / "paragraphs")
    assert list(q["kind"]) == ["sidebar", "sidebar"]
    assert set(q["failed_expectations"]) == {"expect_column_values_to_be_in_set(column=kind)"}


def _bad_storm_paragraph(monkeypatch):
    from tasks.extract import article as extract

    real = extract.article_rows

    def with_a_bad_row(art, doc):
        rows = real(art, doc)
        if art.title == "Storm hits coast":
            rows["paragraphs"][-1] = dict(rows["paragraphs"][-1], kind="sidebar")
        return rows

    monkeypatch.setattr(extract, "article_rows", with_a_bad_row)


def _quarantine(out: Path, table: str):
    import pandas as pd

    return pd.read_parquet(out / "quarantine" / table).drop(columns=["ingested_at"], errors="ignore").reset_index(drop=True)


def _no_ingested_at(df):
    return df.drop(columns=["ingested_at"], errors="ignore")


@pytest.mark.parametrize("duplicate", [False, True], ids=["one-layer", "duplicate-in-group"])
def test_batches_validated_together_give_the_tables_of_batches_validated_alone(inputs, tmp_path, nlp, monkeypatch, duplicate):
    """One file per batch; the tables and the quarantine do not depend on how many batches
    share a GX call (the failing row is in the group's second batch), and an exact duplicate
    in another batch of the same group is not taken for a duplicated key."""
    _bad_storm_paragraph(monkeypatch)
    if duplicate:
        (inputs / "c copy.txt").write_text(ART_A, encoding="utf-8")
    runs = {}
    for every in (1, 1000):
        out = tmp_path / f"out{every}"
        s = run_pipeline([str(inputs)], str(out), workers=1, batch_size=1, validate_every=every)
        assert s["quarantined"] == {"paragraphs": 1} and not s["validation_passed"], every
        assert s["articles_written"] == 2
        runs[every] = (tables(out), _quarantine(out, "paragraphs"))
    for t in TABLES:
        assert _no_ingested_at(runs[1][0][t]).equals(_no_ingested_at(runs[1000][0][t])), t
    assert runs[1][1].equals(runs[1000][1])
    assert list(runs[1000][1]["kind"]) == ["sidebar"]
    assert list(runs[1000][1]["failed_expectations"]) == ["expect_column_values_to_be_in_set(column=kind)"]
    arts = runs[1000][0]["articles"].sort_values("title")
    assert [Path(x).name for x in arts.iloc[0]["sources"]] == (["a.txt", "c copy.txt"] if duplicate else ["a.txt"])


def test_an_expectation_naming_no_rows_fails_only_its_own_batch(inputs, tmp_path, nlp, monkeypatch):
    from tasks.validate import suites as validate

    real = validate.validate_table

    def table_level_failure(table, data, *args):
        v = real(table, data, *args)
        if table == "paragraphs" and "Storm hits coast" in data.column("text").to_pylist():
            v.success, v.table_failures = False, ["expect_table_row_count_to_be_between()"]
        return v

    monkeypatch.setattr(validate, "validate_table", table_level_failure)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1, batch_size=1, validate_every=1000)
    assert s["quarantined"] == {"paragraphs": 2}
    assert list(store.read_table(out, "paragraphs")["text"]) == ART_A.splitlines()  # a.txt's batch passed
    assert set(_quarantine(out, "paragraphs")["failed_expectations"]) == {"expect_table_row_count_to_be_between()"}


def test_an_article_failing_validation_takes_all_its_rows_to_quarantine(inputs, tmp_path, nlp, monkeypatch):
    from tasks.extract import article as extract

    clean = run_pipeline([str(inputs)], str(tmp_path / "clean"), workers=1)
    storm = store.read_table(tmp_path / "clean", "articles").set_index("title").loc["Storm hits coast", "article_id"]
    expected = {t: int((store.read_table(tmp_path / "clean", t)["article_id"] == storm).sum()) for t in TABLES}
    assert clean["validation_passed"] and expected["numeric_facts"] >= 1
    real = extract.article_rows

    def bad_article(art, doc):
        rows = real(art, doc)
        if art.title == "Storm hits coast":
            rows["articles"][0] = dict(rows["articles"][0], n_paragraphs=0)  # min 1
            rows["paragraphs"][-1] = dict(rows["paragraphs"][-1], kind="sidebar")
        return rows

    monkeypatch.setattr(extract, "article_rows", bad_article)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["quarantined"] == {t: n for t, n in expected.items() if n}
    assert list(store.read_table(out, "articles")["title"]) == ["Minister quits over budget"]
    q = _quarantine(out, "paragraphs").sort_values("paragraph_idx")
    # the failing row and the orphan row are both kept, each with its reason
    assert list(q["failed_expectations"]) == ["article row quarantined", "expect_column_values_to_be_in_set(column=kind)"]
    ids = set(store.read_table(out, "articles")["article_id"])
    for t in TABLES:
        assert set(store.read_table(out, t)["article_id"]) <= ids, t
