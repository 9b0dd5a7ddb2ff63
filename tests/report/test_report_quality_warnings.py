"""The report's validation section: a run's warnings (from the run log) and failed expectations
by GX severity (a warning's failure is no critical failure: nothing was quarantined)."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from tasks.report.load import RunLog
from tasks.report.quality import FailedExpectation, TableCheck, quality

FLOOR = {"severity": "warning", "table": "articles", "metric": "articles_below_word_floor",
         "message": "1 of 7 articles under the 69-word floor; by source: news.example.com: 1 of 2 - in/cookie.html (22 words)"}


def result(success: bool, typ: str, column: str, severity: str, unexpected: int = 0) -> dict:
    return {"success": success, "expectation_config": {"type": typ, "kwargs": {"column": column}, "severity": severity},
            "result": {"unexpected_count": unexpected, "partial_unexpected_list": [22] if unexpected else []}}


def test_warnings_come_from_the_run_log_and_count_apart_from_critical_failures():
    run = "20260203T101500-abcdef"
    articles = {"success": False, "statistics": {"evaluated_expectations": 3, "unsuccessful_expectations": 1},
                "results": [result(True, "expect_column_values_to_not_be_null", "article_id", "critical"),
                            result(False, "expect_column_values_to_be_between", "n_words", "warning", 1),
                            result(True, "expect_column_values_to_be_between", "published_at", "critical")]}
    data = SimpleNamespace(run_log=RunLog(runs=[{"run_id": run, "warnings": [FLOOR], "info": []}]),
                           validations={run: {"articles": [articles]}},
                           quarantine=pd.DataFrame({"failed_expectations": [], "table": [], "run_id": []}),
                           rejections=pd.DataFrame({"source": [], "reason": [], "rejected_at": [], "run_id": []}))
    (r,) = quality(data).runs
    assert r.warnings == [FLOOR]
    assert r.tables["articles"] == TableCheck(validated=True, evaluated=3, failed=0, quarantined=0, warned=1) and r.tables["articles"].passed
    assert r.failures == [FailedExpectation("articles", "expect_column_values_to_be_between", "n_words", 1, ["22"], "warning")]
