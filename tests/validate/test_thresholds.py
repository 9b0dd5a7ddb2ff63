"""Thresholds derived from a corpus's tables, each with its reason."""
from __future__ import annotations

import pandas as pd
import pytest

from tasks.validate import thresholds


def corpus(n: int, words: int = 400, named: int = 3, quotes: int = 4, mentions: int = 20, source: str = "c/news") -> dict[str, pd.DataFrame]:
    """n invented articles of `words` words, each with `quotes` quotes (`named` of them with an
    entity for a speaker), one money fact with a currency and `mentions` mentions."""
    ids = [f"{source}:{i}" for i in range(n)]
    return {"articles": pd.DataFrame({"article_id": ids, "source": [f"{source}/{i}.txt" for i in range(n)], "url": [None] * n,
                                      "n_words": [words] * n, "n_sentences": [20] * n}),
            "quotes": pd.DataFrame({"article_id": [a for a in ids for _ in range(quotes)],
                                    "speaker_entity_id": [f"{a}:1" if k < named else None for a in ids for k in range(quotes)]}),
            "numeric_facts": pd.DataFrame({"article_id": ids, "kind": ["money"] * n, "unit": ["GBP"] * n}),
            "mentions": pd.DataFrame({"article_id": [a for a in ids for _ in range(mentions)]})}


def joined(*parts: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {t: pd.concat([p[t] for p in parts], ignore_index=True) for t in parts[0]}


def test_the_word_floor_is_half_the_first_percentile():
    n_words = pd.Series([40] + [300] * 99 + [1000] * 100)  # 1st percentile: 300 (the 2nd lowest of 200)
    assert thresholds.word_floor(n_words) == {"value": 150, "reason": "half the 1st-percentile word count (300) of 200 articles "
                                                                      "(shortest 40, median 650)"}


def test_a_uniform_corpus_gives_its_values_widened_by_the_margins():
    th = thresholds.derive(corpus(300), "invented")
    assert (th["corpus"], th["articles"], th["min_articles"], th["sources"]) == ("invented", 300, 100, ["c/news"])
    assert th["word_floor"]["value"] == 200
    m = th["metrics"]
    assert {k: m["quotes_named_speaker"][k] for k in ("value", "min_value", "max_value", "drift")} == {
        "value": 0.75, "min_value": 0.7, "max_value": None, "drift": 0.05}
    assert {k: m["money_with_currency"][k] for k in ("value", "min_value", "drift")} == {"value": 1.0, "min_value": 0.95, "drift": 0.05}
    assert {k: m["articles_without_sentences"][k] for k in ("value", "min_value", "max_value")} == {"value": 0.0, "min_value": None, "max_value": 0.05}
    assert {k: m["mentions_per_1000_words"][k] for k in ("value", "min_value", "max_value", "drift")} == {
        "value": 50.0, "min_value": 45.0, "max_value": 55.0, "drift": 5.0}
    assert m["mentions_per_1000_words"]["reason"].startswith("50 over the corpus (6,000 of 120,000); in 4,000 random groups of 100 "
                                                             "articles (half within one source) the 0.1%-99.9% range was 50-50")


def test_bounds_cover_a_run_of_one_source_as_well_as_a_mixed_one():
    th = thresholds.derive(joined(corpus(200, mentions=10, source="c/tech"), corpus(200, mentions=40, source="c/sport")), "two")
    rate = th["metrics"]["mentions_per_1000_words"]
    assert th["sources"] == ["c/sport", "c/tech"]
    assert rate["min_value"] == pytest.approx(25 * 0.9) and rate["max_value"] == pytest.approx(100 * 1.1)
    # paired groups are of one source (no difference) or mixed (a few points): far less than tech against sport (75)
    assert 62.5 * 0.1 < rate["drift"] < 30
