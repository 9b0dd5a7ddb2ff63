"""Tables of another version: rows migrated column by column, retired when they cannot be, and
replaced when the run extracts their article again."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks import PIPELINE_VERSION
from tasks.schemas import ARTICLES, SCHEMA_VERSION
from tasks.store import staging
from tasks.store.commit import commit
from tasks.store.io import atomic_write_json, read_part, versions_of, write_parquet
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest
from tasks.store.tables import read_table
from tasks.store.upgrade import CannotMigrate, migrate
from tasks.validate.quarantine import quarantine

JAN = datetime(2026, 1, 20, tzinfo=timezone.utc)
SCHEMA = pa.schema([pa.field("article_id", pa.string(), nullable=False), pa.field("n", pa.int64(), nullable=False),
                    pa.field("note", pa.string())])


def test_migrate_adds_a_nullable_column_as_null_drops_a_gone_one_and_casts_a_retyped_one():
    old = pa.table({"n": pa.array([1, 2], pa.int32()), "article_id": ["a", "b"], "gone": ["x", "y"]})
    new = migrate(old, SCHEMA)
    assert new.schema.equals(SCHEMA) and new.to_pylist() == [{"article_id": "a", "n": 1, "note": None},
                                                             {"article_id": "b", "n": 2, "note": None}]


def test_migrate_refuses_rows_that_lack_a_column_that_may_not_be_null():
    with pytest.raises(CannotMigrate, match="column n is new and may not be null"):
        migrate(pa.table({"article_id": ["a"]}), SCHEMA)
    assert migrate(pa.table({"article_id": pa.array([], pa.string())}), SCHEMA).num_rows == 0  # no rows: nothing to fill


def _stage(layout, spec, ex):
    return staging.stage_batch(layout, spec, ex, quarantine(ex.tables, {}), {}, {})


def _older(layout: OutputLayout, table: str, drop: str) -> None:
    """Make the folder look written by a version whose `table` had no column `drop`."""
    for path in layout.table(table).rglob("*.parquet"):
        t = read_part(path)
        write_parquet(t.drop_columns([drop]), path, stamp=False)
    m = Manifest.load(layout)
    m.schema_version = "older"
    atomic_write_json(layout.manifest, {**m.to_json(), "schema_version": "older"})


def _first_run(tmp_path, extracted) -> OutputLayout:
    layout = OutputLayout(tmp_path)
    commit(layout, "R1", [_stage(layout, *extracted(0, [("a1", "a.txt", "Mayor opens bridge", JAN)]))], Manifest())
    return layout


def test_rows_no_run_extracts_again_are_migrated_and_every_part_gets_the_new_schema(tmp_path, extracted):
    layout = _first_run(tmp_path, extracted)
    _older(layout, "articles", "standfirst")  # a nullable column the older version did not have
    counts = commit(layout, "R2", [_stage(layout, *extracted(0, [("b1", "b.txt", "Ferry fares rise", JAN)], run_id="R2"))],
                    Manifest.load(layout))
    assert counts["retired"] == [] and counts["new_articles"] == 1
    arts = read_table(tmp_path, "articles").sort_values("article_id")
    assert list(arts["article_id"]) == ["a1", "b1"] and arts["standfirst"].isna().all()
    for path in layout.table("articles").rglob("*.parquet"):
        assert pq.read_schema(path).remove_metadata().equals(ARTICLES.remove_metadata()), path
        assert versions_of(path) == {"pipeline_version": PIPELINE_VERSION, "schema_version": SCHEMA_VERSION}
    assert Manifest.load(layout).schema_version == SCHEMA_VERSION


def test_rows_that_cannot_be_migrated_are_retired_as_they_were_and_listed(tmp_path, extracted):
    layout = _first_run(tmp_path, extracted)
    _older(layout, "paragraphs", "kind")  # a column that may not be null: a1's rows cannot be migrated
    before = {t: read_part(p) for t in ("articles", "paragraphs") for p in layout.table(t).rglob("*.parquet")}
    counts = commit(layout, "R2", [_stage(layout, *extracted(0, [("b1", "b.txt", "Ferry fares rise", JAN)], run_id="R2"))],
                    Manifest.load(layout))
    assert counts["retired"] == [{"article_id": "a1", "sources": ["a.txt"]}]
    assert list(read_table(tmp_path, "articles")["article_id"]) == ["b1"]
    assert list(read_table(tmp_path, "paragraphs")["kind"]) == ["headline"]
    retired = tmp_path / "_newsfacts" / "retired" / "older"
    for table, rows in before.items():  # nothing lost: the rows as they were, under retired/
        (kept,) = (retired / table).rglob("*.parquet")
        assert read_part(kept).equals(rows), table
    m = Manifest.load(layout)
    assert "a1" not in m.articles and m.inputs["a.txt"]["articles"] == []


def test_an_article_extracted_again_by_a_newer_version_replaces_its_rows(tmp_path, extracted):
    layout = _first_run(tmp_path, extracted)
    m = Manifest.load(layout)
    m.articles["a1"]["version"] = m.inputs["a.txt"]["version"] = "0.0.9"  # as an older version recorded it
    counts = commit(layout, "R2", [_stage(layout, *extracted(0, [("a1", "a.txt", "Mayor opens bridge", JAN)], run_id="R2"))], m)
    assert (counts["replaced_articles"], counts["new_articles"], counts["removed_articles"]) == (1, 1, 0)
    assert [p.name for p in layout.table("articles").rglob("*.parquet")] == ["part-R2-00000.parquet"]
    assert len(read_table(tmp_path, "paragraphs")) == 1  # not two copies
    assert Manifest.load(layout).articles["a1"]["version"] == PIPELINE_VERSION
