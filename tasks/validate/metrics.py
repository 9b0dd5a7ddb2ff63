"""Batch-level statistics of a run's rows, and their expectations (severity warning): the one
place that says what each is, how it is counted, and how its GX expectation reads.

A metric is a count of hits over a total in a group of rows: quotes whose speaker is a named
entity over quotes, money facts with a currency over money facts, articles with no sentence
over articles, articles under the word floor over articles, mentions over words (x 1,000).
Four are GX expectations of their table's suite (`mostly` and `min_value` carry the
threshold); mentions per 1,000 words needs two tables (mentions, articles), so the validation
stage computes it and records it in GX's result format (`tasks.validate.checks`).

Their thresholds are data, `expectations/thresholds.json`, derived from a corpus run with
their reasons by `tasks.validate.thresholds`; `tasks.validate.suites` writes them into the
suites (each expectation's `meta` keeps its reason).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import urlsplit

import pandas as pd

from tasks.paths import EXPECTATIONS_DIR

THRESHOLDS = EXPECTATIONS_DIR / "thresholds.json"
COMPUTED_RATE = "expect_mentions_per_1000_words_to_be_between"  # the one metric GX cannot count in one table


@dataclass(frozen=True)
class Metric:
    name: str
    table: str  # the table whose rows it counts (mentions per 1,000 words: mentions, over articles' words)
    what: str  # what its value is, for messages
    bound: str  # "min": warn below min_value; "max": warn above max_value; "both"
    scale: float = 1.0
    row_level: bool = False  # warns on each row that breaks it (the word floor), at any group size


METRICS: dict[str, Metric] = {m.name: m for m in (
    Metric("quotes_named_speaker", "quotes", "share of quotes whose speaker is a named entity", "min"),
    Metric("money_with_currency", "numeric_facts", "share of money facts with a currency", "min"),
    Metric("articles_without_sentences", "articles", "share of articles with no sentence", "max"),
    Metric("articles_below_word_floor", "articles", "share of articles under the word floor", "max", row_level=True),
    Metric("mentions_per_1000_words", "mentions", "mentions per 1,000 words", "both", scale=1000.0),
)}


def load_thresholds(path: Path = THRESHOLDS) -> dict:
    """expectations/thresholds.json; a missing file is an error (it is committed data)."""
    if not path.exists():
        raise FileNotFoundError(f"thresholds missing: {path} (derive them: `python benchmarks/expectation_thresholds.py OUT`)")
    return json.loads(path.read_text(encoding="utf-8"))


def expectation(metric: Metric, th: dict) -> dict:
    """The expectation of a metric, as stored in its table's suite: a GX expectation with
    severity warning, or (mentions per 1,000 words) a computed one in the same shape."""
    t = th["metrics"][metric.name]
    meta = {"metric": metric.name, "counts": "unexpected", "min_articles": 0 if metric.row_level else th["min_articles"],
            "min_value": t["min_value"], "max_value": t["max_value"], "drift": t["drift"], "reason": t["reason"]}
    if metric.name == "quotes_named_speaker":
        typ, kwargs = "expect_column_values_to_not_be_null", {"column": "speaker_entity_id", "mostly": t["min_value"]}
        meta["counts"] = "expected"
    elif metric.name == "money_with_currency":
        typ, kwargs = "expect_column_values_to_not_be_null", {"column": "unit", "mostly": t["min_value"],
                                                              "row_condition": 'kind=="money"', "condition_parser": "pandas"}
        meta["counts"] = "expected"
    elif metric.name == "articles_without_sentences":
        typ, kwargs = "expect_column_values_to_be_between", {"column": "n_sentences", "min_value": 1,
                                                             "mostly": round(1 - t["max_value"], 4)}
    elif metric.name == "articles_below_word_floor":
        typ, kwargs = "expect_column_values_to_be_between", {"column": "n_words", "min_value": th["word_floor"]["value"]}
        meta["reason"] = th["word_floor"]["reason"]
    else:
        typ, kwargs = COMPUTED_RATE, {"min_value": t["min_value"], "max_value": t["max_value"]}
    return {"type": typ, "kwargs": kwargs, "meta": meta, "severity": "warning"}


def contributions(name: str, tables: dict[str, pd.DataFrame], word_floor: int) -> pd.DataFrame:
    """Per article: (hits, total) of a metric, counted as its expectation counts them
    (thresholds are derived from these). `tables`: articles and the metric's table."""
    arts = tables["articles"][["article_id", "n_words", "n_sentences"]]
    if name == "articles_without_sentences":
        return pd.DataFrame({"article_id": arts["article_id"], "hits": (arts["n_sentences"] < 1).astype(int), "total": 1})
    if name == "articles_below_word_floor":
        return pd.DataFrame({"article_id": arts["article_id"], "hits": (arts["n_words"] < word_floor).astype(int), "total": 1})
    if name == "mentions_per_1000_words":
        n = tables["mentions"].groupby("article_id").size()
        return pd.DataFrame({"article_id": arts["article_id"], "hits": arts["article_id"].map(n).fillna(0).astype(int),
                             "total": arts["n_words"]})
    if name == "quotes_named_speaker":
        rows = tables["quotes"].assign(hit=tables["quotes"]["speaker_entity_id"].notna())
    else:
        facts = tables["numeric_facts"]
        money = facts[facts["kind"] == "money"]
        rows = money.assign(hit=money["unit"].notna())
    g = rows.groupby("article_id")["hit"].agg(["sum", "size"])
    return pd.DataFrame({"article_id": arts["article_id"], "hits": arts["article_id"].map(g["sum"]).fillna(0).astype(int),
                         "total": arts["article_id"].map(g["size"]).fillna(0).astype(int)})


def value(metric: Metric, hits: int, total: int) -> float | None:
    """The metric's value from its counts; None when there is nothing to count."""
    return hits / total * metric.scale if total else None


def counts_of(exp_config: dict, element_count: int, unexpected_count: int) -> tuple[int, int]:
    """(hits, total) of a metric expectation from GX's counts."""
    if exp_config.get("meta", {}).get("counts") == "expected":
        return element_count - unexpected_count, element_count
    return unexpected_count, element_count


def site_of(source: str, url: str | None) -> str:
    """Where an article came from, for counts per source: its URL's host, else its input's
    folder (a bulk file's name, for a row of one)."""
    if isinstance(url, str) and url:  # (pandas reads a missing url as NaN)
        host = urlsplit(url).hostname
        if host:
            return host
    if "#" in source:
        return source.split("#", 1)[0]
    return str(PurePath(source).parent)


def add_counts(counts: dict[str, list[int]], name: str, hits: int, total: int) -> None:
    """Add a metric's (hits, total) to the running counts under `name`."""
    c = counts.setdefault(name, [0, 0])
    c[0] += hits
    c[1] += total
