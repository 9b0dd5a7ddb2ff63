"""An upgrade for real: tables written by newsfacts 0.1.0 (tests/data/v0.1.0, see its README),
then a run of the current code over them."""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tasks import PIPELINE_VERSION
from tasks.schemas import ALL_TABLES, SCHEMA_VERSION, TABLES
from tasks.store.io import read_part, versions_of
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest
from tasks.store.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "v0.1.0"
SEED = ROOT / "raw" / "putin-macron-nato.txt"
BAKERY = "in/bakery-jobs.txt"


def _old_folder(where: Path) -> Path:
    """The 0.1.0 folder as it was written: in/ (with the seed article) and out/, paths relative to `where`."""
    shutil.copytree(FIXTURE / "in", where / "in")
    shutil.copy(SEED, where / "in" / SEED.name)
    shutil.copytree(FIXTURE / "out", where / "out")
    return where


def _rows(out: str, table: str):
    df = read_table(out, table).drop(columns=["month", "ingested_at"], errors="ignore").astype(str)
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.parquet")) if "_newsfacts" not in p.parts}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, nlp):
    """The same three inputs run by the current code into an empty folder (the tables an upgrade must end with)."""
    from flows.pipeline import run_pipeline

    where = _old_folder(tmp_path_factory.mktemp("fresh"))
    with contextlib.chdir(where):  # relative paths, as the old run had them
        run_pipeline(["in"], "ref", workers=1)
    return where / "ref"


def _one_schema_for_every_reader(out: Path) -> None:
    import duckdb
    import pandas as pd
    import polars as pl

    for table, schema in ALL_TABLES.items():
        for path in (out / table).rglob("*.parquet"):
            assert pq.read_schema(path).remove_metadata().equals(schema.remove_metadata()), path
            assert versions_of(path) == {"pipeline_version": PIPELINE_VERSION, "schema_version": SCHEMA_VERSION}, path
    for table in TABLES:
        n = len(pd.read_parquet(out / table))
        assert duckdb.sql(f"select count(*) from read_parquet('{out}/{table}/**/*.parquet', hive_partitioning=true)").fetchall()[0][0] == n
        assert pl.read_parquet(f"{out}/{table}/**/*.parquet", hive_partitioning=True).height == n


@pytest.mark.slow
def test_a_run_over_tables_of_0_1_extracts_every_article_again_and_ends_with_one_schema(tmp_path, monkeypatch, fresh):
    from flows.pipeline import dry_run, run_pipeline

    monkeypatch.chdir(_old_folder(tmp_path))
    plan = dry_run(["in"], "out")
    assert plan["inputs"] == {"new": 0, "changed": 0, "unchanged": 0, "upgrade": 3, "repair": 0} and plan["damaged"] == []
    assert plan["upgrade"].startswith("the tables were written by newsfacts 0.1.0")
    s = run_pipeline(["in"], "out", workers=1)
    assert s["inputs"]["upgrade"] == 3 and s["articles_replaced"] == 3 and s["retired"] == []
    _one_schema_for_every_reader(tmp_path / "out")
    for table in TABLES:  # the rows a fresh run of this version writes, no copy of the old ones left
        assert _rows("out", table).equals(_rows(str(fresh), table)), table
    m = Manifest.load(OutputLayout("out"))
    assert m.schema_version == SCHEMA_VERSION and {i["version"] for i in m.inputs.values()} == {PIPELINE_VERSION}
    before = _snapshot(tmp_path / "out")
    again = run_pipeline(["in"], "out", workers=1)  # idempotent: the upgrade is done once
    assert again["inputs"]["unchanged"] == 3 and again["articles_written"] == 0 and _snapshot(tmp_path / "out") == before


@pytest.mark.slow
def test_an_article_whose_input_is_gone_is_retired_unchanged_and_comes_back_with_its_input(tmp_path, monkeypatch, fresh):
    from flows.pipeline import dry_run, run_pipeline

    monkeypatch.chdir(_old_folder(tmp_path))
    old_rows = {t: read_part(p) for t in TABLES for p in (tmp_path / "out" / t).rglob("*.parquet")}
    bakery = Manifest.load(OutputLayout("out")).inputs[BAKERY]["articles"][0]
    shutil.move(BAKERY, tmp_path / "bakery-jobs.txt")
    plan = dry_run(["in"], "out")
    assert plan["articles_kept_as_they_are"] == 1 and plan["held_without_input"].startswith("retired")
    s = run_pipeline(["in"], "out", workers=1)
    assert s["retired"] == [{"article_id": bakery, "sources": [BAKERY]}]
    _one_schema_for_every_reader(tmp_path / "out")
    assert bakery not in set(read_table("out", "articles")["article_id"])
    retired = tmp_path / "out" / "_newsfacts" / "retired" / "unversioned"
    for table, rows in old_rows.items():  # nothing lost: its rows as 0.1.0 wrote them
        kept = [read_part(p) for p in (retired / table).rglob("*.parquet")]
        want = rows.filter(rows.column("article_id").to_numpy(zero_copy_only=False) == bakery)
        assert sum(k.num_rows for k in kept) == want.num_rows, table
        if want.num_rows:
            assert kept[0].equals(want), table
    shutil.move(tmp_path / "bakery-jobs.txt", BAKERY)  # the input is back: extracted by this version
    back = run_pipeline(["in"], "out", workers=1)
    assert back["inputs"]["upgrade"] == 1 and back["articles_written"] == 1
    for table in TABLES:
        assert _rows("out", table).equals(_rows(str(fresh), table)), table


@pytest.mark.slow
def test_a_damaged_part_of_0_1_is_found_by_its_footer_and_the_repair_upgrades_too(tmp_path, monkeypatch, fresh):
    from flows.pipeline import DamagedTables, run_pipeline

    monkeypatch.chdir(_old_folder(tmp_path))
    (quotes,) = Path("out/quotes").rglob("*.parquet")
    quotes.write_bytes(quotes.read_bytes()[:100])  # 0.1 registered no file: the footer tells
    with pytest.raises(DamagedTables, match=str(quotes.relative_to("out"))):
        run_pipeline(["in"], "out", workers=1)
    s = run_pipeline([], "out", workers=1, repair=True)
    assert s["repaired"] == {"files": [str(quotes.relative_to("out"))], "articles": 3, "lost": []}
    _one_schema_for_every_reader(tmp_path / "out")
    for table in TABLES:
        assert _rows("out", table).equals(_rows(str(fresh), table)), table
