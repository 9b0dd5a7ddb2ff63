"""A run's warnings: its groups' findings, and sudden changes of its metrics against the
previous runs (kept in the run log, OUT/_newsfacts/runs.jsonl, as each run's `metrics`).

The previous runs are pooled, newest first, up to PREVIOUS_RUNS runs or BASELINE_ARTICLES
articles; a metric is compared when this run and the pool each hold at least its
`min_articles` articles and both have a value. A change larger than its `drift` tolerance
(expectations/*.json, derived by tasks.validate.thresholds) is a warning.
"""
from __future__ import annotations

from tasks.validate import suites
from tasks.validate.metrics import METRICS, add_counts, value

PREVIOUS_RUNS = 10
BASELINE_ARTICLES = 1000
CHANGE = "expect_batch_metric_change_to_be_below"


def run_metrics(validations: list[dict[str, dict]]) -> dict:
    """The run's metrics from its batches' validation records: articles validated, and per
    metric its (hits, total) counts and value."""
    counts: dict[str, list[int]] = {}
    articles = 0
    for record in validations:
        articles += int(record.get("articles", {}).get("rows", 0))
        for rec in record.values():
            for name, (hits, total) in rec.get("metrics", {}).items():
                add_counts(counts, name, hits, total)
    values = {n: value(METRICS[n], *c) for n, c in counts.items() if n in METRICS}
    return {"articles": articles, "counts": counts, "values": {n: None if v is None else round(v, 6) for n, v in values.items()}}


def run_warnings(validations: list[dict[str, dict]], metrics: dict, previous: list[dict]) -> tuple[list[dict], list[dict]]:
    """(warnings, info) of a run: its groups' findings and its sudden changes, by severity."""
    found = [w for record in validations for rec in record.values() for w in rec.get("warnings", [])]
    found += sudden_changes(metrics, previous)
    return [w for w in found if w["severity"] == "warning"], [w for w in found if w["severity"] != "warning"]


def sudden_changes(metrics: dict, previous: list[dict]) -> list[dict]:
    """Warnings for the metrics that moved more than their drift tolerance against the pooled previous runs."""
    pool, runs = _pool(previous)
    out = []
    for name, meta in suites.metric_meta().items():
        now = metrics.get("values", {}).get(name)
        c = pool["counts"].get(name)
        need = int(meta.get("min_articles") or 0)
        if now is None or not c or metrics.get("articles", 0) < need or pool["articles"] < need:
            continue
        before = value(METRICS[name], *c)
        if before is None or abs(now - before) <= meta["drift"]:
            continue
        m = METRICS[name]
        out.append({"severity": "warning", "table": m.table, "expectation": f"{CHANGE}(metric={name})", "metric": name,
                    "value": now, "previous": round(before, 6), "articles": metrics["articles"],
                    "message": f"sudden change of the {m.what}: {now:.4g} against {before:.4g} over the previous {runs} runs "
                               f"({pool['articles']:,} articles), a change of {now - before:+.4g}, more than {meta['drift']:.4g}"})
    return out


def _pool(previous: list[dict]) -> tuple[dict, int]:
    """The previous runs' counts pooled, newest first; and how many runs were pooled."""
    pool: dict = {"articles": 0, "counts": {}}
    runs = 0
    for run in reversed(previous):
        m = run.get("metrics") or {}
        if not m.get("articles"):
            continue
        runs += 1
        pool["articles"] += m["articles"]
        for name, (hits, total) in (m.get("counts") or {}).items():
            add_counts(pool["counts"], name, hits, total)
        if runs >= PREVIOUS_RUNS or pool["articles"] >= BASELINE_ARTICLES:
            break
    return pool, runs
