"""What the warning and info expectations that failed say: the one place that turns them
into the run's warnings (the summary, the run log, the report, the exit status).

A finding's severity is GX's own (`severity` of the expectation: critical quarantines rows,
tasks.validate.quarantine; warning and info land). A statistic judged on fewer articles than
its `meta.min_articles` is too noisy to warn about: its failure is recorded as info. A
row-level warning (the word floor) names its articles and counts them per source (the page's
site, else the input's folder or bulk file), so that a site whose pages all turned into
cookie walls shows as that site.
"""
from __future__ import annotations

from dataclasses import dataclass
import pyarrow as pa

from tasks.validate.gx import Finding
from tasks.validate.metrics import METRICS, site_of, value

NAMED_ROWS = 20  # articles named per row-level warning
WARNING, INFO = "warning", "info"


@dataclass
class Found:
    """A finding with what it was judged on: its frame's rows and articles."""

    finding: Finding
    data: pa.Table | None  # the rows it was judged on (row-level findings name some of them)
    articles: int  # articles of the batches in its frame
    counts: tuple[int, int] | None  # (hits, total) of its metric in its frame


def warnings(found: list[Found]) -> list[dict]:
    """The findings of a validation group as warning/info records (JSON)."""
    return [_record(f) for f in found]


def _record(f: Found) -> dict:
    x = f.finding
    meta = x.config.get("meta", {})
    metric = METRICS.get(meta.get("metric", ""))
    severity = x.severity
    rec = {"severity": severity, "table": x.table, "expectation": x.name, "metric": metric.name if metric else None,
           "articles": f.articles}
    if metric and f.counts:
        rec["value"] = value(metric, *f.counts)
        rec["count"] = list(f.counts)
    if metric and metric.row_level and f.data is not None:
        rec.update(_row_level(x, f.data))
    else:
        rec["message"] = _aggregate_message(x, rec.get("value"), f.articles, metric.what if metric else x.name)
    if severity == WARNING and f.articles < int(meta.get("min_articles", 0)):
        rec["severity"] = INFO
        rec["message"] += f" (only {f.articles} articles, fewer than {meta['min_articles']}: too few to judge, recorded as info)"
    return rec


def _aggregate_message(x: Finding, v: float | None, articles: int, what: str) -> str:
    """'<what>: <value> in a group of N articles, below|above|outside <bounds>' (bounds in the metric's terms, meta)."""
    meta = x.config.get("meta", {})
    lo, hi = meta.get("min_value"), meta.get("max_value")
    if lo is not None and hi is not None:
        bound = f"outside {lo:.4g}-{hi:.4g}"
    elif lo is not None or hi is not None:
        bound = f"below {lo:.4g}" if lo is not None else f"above {hi:.4g}"
    else:  # a warning expectation that is no metric of ours: GX's own verdict
        bound = f"{x.unexpected_count} of {x.element_count} unexpected"
    shown = "n/a" if v is None else f"{v:.4g}"
    return f"{what}: {shown} in a group of {articles:,} articles, {bound}"


def _row_level(x: Finding, data: pa.Table) -> dict:
    """The articles a row-level warning names, counted per source."""
    cols = data.select(["source", "url", "n_words"]).to_pylist()
    sites = [site_of(r["source"], r["url"]) for r in cols]
    per_site: dict[str, list[int]] = {}
    for s in sites:
        per_site.setdefault(s, [0, 0])[1] += 1
    for i in x.rows:
        per_site[sites[i]][0] += 1
    named = [{"source": cols[i]["source"], "n_words": cols[i]["n_words"]} for i in x.rows[:NAMED_ROWS]]
    floor = x.config["kwargs"].get("min_value")
    by_site = {s: c for s, c in sorted(per_site.items()) if c[0]}
    message = (f"{len(x.rows)} of {len(cols)} articles under the {floor:g}-word floor; by source: "
               + "; ".join(f"{s}: {n} of {m}" for s, (n, m) in by_site.items())
               + " - " + ", ".join(f"{a['source']} ({a['n_words']} words)" for a in named))
    return {"message": message, "by_source": by_site, "sources": named}
