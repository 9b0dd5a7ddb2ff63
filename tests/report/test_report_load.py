"""tasks.report.load: what the report reads from an output folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from tasks.report.load import NoTables, RunLog, load


def test_load_reads_tables_refusals_quarantine_log_and_results(invented):
    data = load(invented.out)
    assert sorted(data.tables["articles"]["article_id"]) == ["a1", "a2", "a3"]
    assert sorted(data.tables["articles"]["month"]) == ["2026-01", "2026-01", "2026-02"]
    assert list(data.tables["quotes"].columns) == ["article_id", "quote_id", "char_start", "text", "kind", "speaker",
                                                   "speaker_entity_id", "month"]
    assert data.rejections[["source", "run_id"]].values.tolist() == [["site/<img src=x onerror=alert(1)>.pdf", invented.run_b]]
    assert data.quarantine.values.tolist() == [["expect_column_values_to_be_in_set(kind)", "quotes", invented.run_b]] * 2
    assert [r["run_id"] for r in data.run_log.runs] == [invented.run_a, invented.run_b]
    assert data.run_log.unreadable == [(2, "not JSON (Expecting property name enclosed in double quotes)")]
    assert sorted(data.validations) == [invented.run_a, invented.run_b] and sorted(data.validations[invented.run_b]) == ["articles", "quotes"]


def test_sentences_are_read_only_for_the_keys_asked(invented):
    data = load(invented.out)
    assert data.sentences([("a1", 1), ("a2", 0)]) == {("a1", 1): (30, "40,000 troops crossed it."),
                                                     ("a2", 0): (0, "It costs 5 pounds, up 3.5%.")}
    assert data.sentences([]) == {}


def test_a_folder_without_tables_is_refused(tmp_path):
    with pytest.raises(NoTables, match=f"no newsfacts tables in {tmp_path}"):
        load(tmp_path)


def test_run_log_lines_that_cannot_be_read_are_named(tmp_path):
    log = tmp_path / "runs.jsonl"
    log.write_text('{"run_id": "r1"}\n\n[1, 2]\n{"rows": {}}\n{"run_id": "r2"', encoding="utf-8")
    read = RunLog.read(log)
    assert [r["run_id"] for r in read.runs] == ["r1"]
    assert read.unreadable == [(3, "no run_id"), (4, "no run_id"), (5, "not JSON (Expecting ',' delimiter)")]
    assert RunLog.read(tmp_path / "absent.jsonl") == RunLog()
