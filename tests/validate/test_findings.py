"""The run's warnings as the findings say them: the articles and sources a row-level warning
names, and statistics judged on too few articles recorded as info."""
from __future__ import annotations

import pyarrow as pa

from tasks.validate.findings import Found, warnings
from tasks.validate.gx import Finding
from tasks.validate.metrics import site_of

FLOOR = {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_words", "min_value": 69},
         "meta": {"metric": "articles_below_word_floor", "min_articles": 0, "min_value": None, "max_value": 0.05}}
SHARE = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "speaker_entity_id", "mostly": 0.62},
         "meta": {"metric": "quotes_named_speaker", "min_articles": 100, "min_value": 0.62, "max_value": None}}


def articles(*rows: tuple[str, str | None, int]) -> pa.Table:
    return pa.table({"source": [r[0] for r in rows], "url": [r[1] for r in rows], "n_words": [r[2] for r in rows]})


def test_a_row_level_warning_names_its_articles_and_counts_them_per_source():
    data = articles(("in/site/ferry.html", "https://news.example.com/a", 412), ("in/site/cookie.html", "https://news.example.com/b", 22),
                    ("in/wire/a.txt", None, 300), ("in/wire/b.txt", None, 41), ("dump.jsonl#7", None, 500))
    f = Finding("articles", "expect_column_values_to_be_between(column=n_words)", "warning", FLOOR, 5, 2, rows=[1, 3])
    (w,) = warnings([Found(f, data, 5, (2, 5))])
    assert w == {"severity": "warning", "table": "articles", "expectation": "expect_column_values_to_be_between(column=n_words)",
                 "metric": "articles_below_word_floor", "articles": 5, "value": 0.4, "count": [2, 5],
                 "message": "2 of 5 articles under the 69-word floor; by source: in/wire: 1 of 2; news.example.com: 1 of 2"
                            " - in/site/cookie.html (22 words), in/wire/b.txt (41 words)",
                 "by_source": {"in/wire": [1, 2], "news.example.com": [1, 2]},
                 "sources": [{"source": "in/site/cookie.html", "n_words": 22}, {"source": "in/wire/b.txt", "n_words": 41}]}


def test_a_statistic_on_enough_articles_warns_and_on_too_few_is_info():
    f = Finding("quotes", "expect_column_values_to_not_be_null(column=speaker_entity_id)", "warning", SHARE, 1400, 900)
    big, small = warnings([Found(f, None, 200, (500, 1400)), Found(f, None, 40, (10, 30))])
    assert (big["severity"], big["message"]) == ("warning", "share of quotes whose speaker is a named entity: 0.3571 in a group of "
                                                            "200 articles, below 0.62")
    assert small["severity"] == "info" and small["message"].endswith("(only 40 articles, fewer than 100: too few to judge, recorded as info)")


def test_the_source_of_an_article_is_its_site_else_its_folder_or_bulk_file():
    assert site_of("in/x.html", "https://www.bbc.co.uk/news/1") == "www.bbc.co.uk"
    assert site_of("corpus/bbc/tech/001.txt", None) == "corpus/bbc/tech"
    assert site_of("dump.jsonl.gz#guid-17", float("nan")) == "dump.jsonl.gz"
