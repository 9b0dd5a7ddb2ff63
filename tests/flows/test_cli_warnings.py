"""The command line on a run that landed with validation warnings: loud in the summary, and
the exit status says so (5; 6 with refusals or quarantined rows)."""
from __future__ import annotations

import os

import pytest
from rich.console import Console

from flows import cli

SUMMARY = {"run_id": "r1", "out": "/data/out", "pipeline_version": "0.1.0", "inputs": {"new": 7, "changed": 0, "unchanged": 0},
           "articles_written": 7, "articles_removed": 0, "rows": {"articles": 7}, "quarantined": {}, "validation_passed": True,
           "rejected": [], "seconds": {"total": 1.0}}
FLOOR = {"severity": "warning", "table": "articles", "metric": "articles_below_word_floor",
         "message": "1 of 7 articles under the 69-word floor; by source: news.example.com: 1 of 7 - in/[b]cookie.html (22 words)"}


@pytest.mark.parametrize("refused, quarantined, warnings, status", [
    ([], {}, [], 0), ([{"source": "x", "reason": "binary"}], {}, [], 3), ([], {"quotes": 2}, [], 3),
    ([], {}, [FLOOR], 5), ([{"source": "x", "reason": "binary"}], {}, [FLOOR], 6), ([], {"quotes": 2}, [FLOOR], 6)])
def test_the_exit_status_says_whether_rows_were_lost_and_whether_warnings_fired(refused, quarantined, warnings, status):
    assert cli.exit_status(dict(SUMMARY, rejected=refused, quarantined=quarantined, warnings=warnings)) == status
    assert cli.exit_status(SUMMARY) == 0  # a summary of before warnings existed


def test_warnings_are_printed_loud_and_as_text():
    console = Console(record=True, width=300, file=open(os.devnull, "w"))
    cli._print_summary(dict(SUMMARY, warnings=[FLOOR], info=[]), console)
    text = console.export_text()
    assert "validation: passed" in text
    assert "1 validation warnings (the rows landed; exit status 5, or 6 with refusals):" in text
    assert "  WARNING articles: 1 of 7 articles under the 69-word floor; by source: news.example.com: 1 of 7 - in/[b]cookie.html (22 words)" in text
