"""A run's metrics and its sudden changes against the previous runs (the run log)."""
from __future__ import annotations

from tasks.validate import drift, suites


def record(articles: int, **metrics: tuple[int, int]) -> dict:
    """A batch's validation record holding its group's metric counts."""
    return {"articles": {"rows": articles, "metrics": {k: list(v) for k, v in metrics.items() if k.startswith("articles")}},
            "quotes": {"rows": 0, "metrics": {k: list(v) for k, v in metrics.items() if k.startswith("quotes")}}}


def logged(articles: int, named: int, quotes: int) -> dict:
    return {"run_id": "r", "metrics": {"articles": articles, "counts": {"quotes_named_speaker": [named, quotes]}}}


def test_a_run_sums_its_groups_metrics():
    m = drift.run_metrics([record(1000, quotes_named_speaker=(700, 1000)), record(150, quotes_named_speaker=(80, 100)), {}])
    assert m == {"articles": 1150, "counts": {"quotes_named_speaker": [780, 1100]}, "values": {"quotes_named_speaker": round(780 / 1100, 6)}}


def test_a_sudden_change_against_the_pooled_previous_runs_warns():
    tolerance = suites.metric_meta()["quotes_named_speaker"]["drift"]
    now = drift.run_metrics([record(400, quotes_named_speaker=(1200, 3000))])  # 0.40
    previous = [logged(500, 3700, 5000), logged(600, 4500, 6000)]  # 0.74, 0.75: pooled 0.7455
    (w,) = drift.sudden_changes(now, previous)
    assert w == {"severity": "warning", "table": "quotes", "expectation": "expect_batch_metric_change_to_be_below(metric=quotes_named_speaker)",
                 "metric": "quotes_named_speaker", "value": 0.4, "previous": round(8200 / 11000, 6), "articles": 400,
                 "message": f"sudden change of the share of quotes whose speaker is a named entity: 0.4 against 0.7455 over the "
                            f"previous 2 runs (1,100 articles), a change of -0.3455, more than {tolerance:.4g}"}
    steady = drift.run_metrics([record(400, quotes_named_speaker=(2200, 3000))])
    assert drift.sudden_changes(steady, previous) == []


def test_no_change_is_judged_on_too_few_articles_or_without_previous_runs():
    now = drift.run_metrics([record(40, quotes_named_speaker=(10, 300))])
    assert drift.sudden_changes(now, [logged(5000, 37000, 50000)]) == []  # this run: 40 articles
    big = drift.run_metrics([record(400, quotes_named_speaker=(100, 3000))])
    assert drift.sudden_changes(big, [logged(30, 200, 300), {"run_id": "old, before metrics"}]) == []  # the pool: 30 articles
    assert drift.sudden_changes(big, []) == []


def test_the_pool_takes_the_newest_runs_up_to_enough_articles():
    pool, runs = drift._pool([logged(900, 0, 10), logged(600, 6, 10), logged(500, 5, 10)])
    assert runs == 2 and pool == {"articles": 1100, "counts": {"quotes_named_speaker": [11, 20]}}


def test_a_runs_warnings_are_its_groups_findings_and_its_changes_split_by_severity():
    w = {"severity": "warning", "table": "articles", "message": "m"}
    i = {"severity": "info", "table": "quotes", "message": "n"}
    validations = [{"articles": {"warnings": [w]}, "quotes": {"warnings": [i]}}]
    assert drift.run_warnings(validations, {"articles": 0, "values": {}}, []) == ([w], [i])
