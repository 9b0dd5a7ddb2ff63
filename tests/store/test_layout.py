"""The output folder's layout and how its parts are named."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from tasks.store.layout import (OutputLayout, month_of, month_part, new_run_id, part_name, quarantine_part, run_of_part, run_time,
                                table_part)


def test_state_files_live_under_newsfacts():
    layout = OutputLayout("/data/out")
    assert layout.table("quotes") == Path("/data/out/quotes")
    assert layout.quarantine("quotes") == Path("/data/out/quarantine/quotes")
    assert layout.manifest == Path("/data/out/_newsfacts/manifest.json")
    assert layout.journal == Path("/data/out/_newsfacts/journal.json")
    assert layout.lock == Path("/data/out/_newsfacts/lock")
    assert layout.runs_log == Path("/data/out/_newsfacts/runs.jsonl")
    assert layout.staging("R1") == Path("/data/out/_newsfacts/staging/R1")
    assert layout.validations() == Path("/data/out/_newsfacts/validations")
    assert layout.validations("R1") == Path("/data/out/_newsfacts/validations/R1")


def test_part_names_say_which_run_and_batch_wrote_them():
    assert part_name("R1", 7) == "part-R1-00007.parquet"
    assert part_name("R1", "plan") == "part-R1-plan.parquet"
    assert month_part("2026-03", "R1", 12) == "month=2026-03/part-R1-00012.parquet"
    assert table_part("quotes", "2026-03", "R1", 12) == "quotes/month=2026-03/part-R1-00012.parquet"
    assert table_part("articles", "2026-03", "R1", "empty") == "articles/month=2026-03/part-R1-empty.parquet"
    assert quarantine_part("paragraphs", "R1", 3) == "quarantine/paragraphs/part-R1-00003.parquet"


def test_month_of_a_timestamp_and_run_ids_sort_by_time():
    assert month_of(datetime(2025, 11, 30, 23, 59, tzinfo=timezone.utc)) == "2025-11"
    assert re.fullmatch(r"\d{4}-\d{2}", month_of(None))
    rid = new_run_id()
    assert re.fullmatch(r"\d{8}T\d{6}-[0-9a-f]{6}", rid)
    assert rid[:8] <= datetime.now(timezone.utc).strftime("%Y%m%d")


def test_a_run_is_read_back_from_its_id_and_its_parts_names():
    rid = "20260105T090000-aaaaaa"
    assert run_time(rid) == datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    assert run_time("yesterday-1") is None
    assert run_of_part(Path(part_name(rid, 12))) == rid
    assert run_of_part(Path(part_name("20260203T101500-bbbbbb", "plan"))) == "20260203T101500-bbbbbb"
    assert run_of_part(Path("part-other.parquet")) is None
