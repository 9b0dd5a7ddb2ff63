"""tasks.report.quality: validation per run and table, the quarantine, the refusals."""
from __future__ import annotations

from datetime import datetime, timezone

from tasks.report.load import load
from tasks.report.quality import FailedExpectation, Refusal, TableCheck, failed_expectations, quality


def test_quality_of_the_invented_folder(invented):
    q = quality(load(invented.out))
    assert [r.run_id for r in q.runs] == [invented.run_b, invented.run_a]  # newest first
    b, a = q.runs
    assert b.when == datetime(2026, 2, 3, 10, 15, tzinfo=timezone.utc)
    assert b.tables["quotes"] == TableCheck(validated=True, evaluated=24, failed=1, quarantined=2) and not b.tables["quotes"].passed
    assert b.tables["articles"] == TableCheck(validated=True, evaluated=25, failed=0, quarantined=0) and b.tables["articles"].passed
    assert b.tables["mentions"] == TableCheck(validated=False, evaluated=0, failed=0, quarantined=0)
    assert b.failures == [FailedExpectation("quotes", "expect_column_values_to_be_in_set", "kind", 2, ["shouted", "sung"])]
    assert all(t == TableCheck(True, 10, 0, 0) for t in a.tables.values()) and a.failures == []
    assert q.tables == ["articles", "paragraphs", "sentences", "entities", "mentions", "quotes", "numeric_facts"]
    assert q.quarantine == [("quotes", "expect_column_values_to_be_in_set(kind)", 2)] and q.quarantined == 2
    assert (q.refused, q.refusal_reasons) == (1, [("binary file (PDF document), not text", 1)])
    assert q.latest_refusals == [Refusal("site/<img src=x onerror=alert(1)>.pdf", "binary file (PDF document), not text", invented.feb)]
    assert [r.run_id for r in quality(load(invented.out), recent=1).runs] == [invented.run_b]


def test_failed_expectations_merge_over_groups_and_keep_a_few_examples():
    def group(n, examples):
        return {"results": [{"success": False, "expectation_config": {"type": "expect_x", "kwargs": {"column": "unit"}},
                             "result": {"unexpected_count": n, "partial_unexpected_list": examples}},
                            {"success": False, "expectation_config": {"type": "expect_table_columns_to_match_ordered_list", "kwargs": {}},
                             "result": {"observed_value": ["a"]}}]}

    assert failed_expectations("numeric_facts", [group(2, ["kg", "lb"]), group(3, ["lb", "oz", "st", "ton"])]) == [
        FailedExpectation("numeric_facts", "expect_table_columns_to_match_ordered_list", None, 0, []),
        FailedExpectation("numeric_facts", "expect_x", "unit", 5, ["kg", "lb", "oz"])]
