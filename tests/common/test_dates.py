"""Dates: days in URLs, and time expressions resolved against the publication date."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tasks.common.dates import resolve, url_date

PUB = datetime(2022, 2, 10, 15, 30, tzinfo=timezone.utc)  # a Thursday


@pytest.mark.parametrize("expression, expected", [
    # weekdays: the most recent such day on or before publication (news past tense)
    ("Monday", "2022-02-07"),
    ("on Monday", "2022-02-07"),
    ("Monday morning", "2022-02-07"),
    ("Thursday", "2022-02-10"),
    ("earlier Thursday", "2022-02-10"),
    ("Friday", "2022-02-04"),
    ("last Monday", "2022-02-07"),
    ("last Thursday", "2022-02-03"),
    ("next Monday", "2022-02-14"),
    ("this past Sunday", "2022-02-06"),
    # deictic days
    ("today", "2022-02-10"),
    ("this morning", "2022-02-10"),
    ("yesterday", "2022-02-09"),
    ("yesterday afternoon", "2022-02-09"),
    ("last night", "2022-02-09"),
    ("tomorrow", "2022-02-11"),
    ("the day before yesterday", "2022-02-08"),
    ("three days ago", "2022-02-07"),
    # weeks (ISO), months, years
    ("last week", "2022-W05"),
    ("this week", "2022-W06"),
    ("earlier this week", "2022-W06"),
    ("next week", "2022-W07"),
    ("two weeks ago", "2022-W04"),
    ("this month", "2022-02"),
    ("earlier this month", "2022-02"),
    ("last month", "2022-01"),
    ("next month", "2022-03"),
    ("six months ago", "2021-08"),
    ("last year", "2021"),
    ("late last year", "2021"),
    ("this year", "2022"),
    ("next year", "2023"),
    ("a year ago", "2021"),
    # explicit dates
    ("10 February", "2022-02-10"),
    ("Feb. 10", "2022-02-10"),
    ("February 10th", "2022-02-10"),
    ("the 10th of February", "2022-02-10"),
    ("Feb 10, 2021", "2021-02-10"),
    ("10 February 2021", "2021-02-10"),
    ("Thursday, Feb. 3", "2022-02-03"),
    ("February 2022", "2022-02"),
    ("in March", "2022-03"),
    ("December 15", "2021-12-15"),  # the nearest December 15
    ("mid-February", "2022-02"),
    ("last December", "2021-12"),
    ("2024", "2024"),
    ("in 2019", "2019"),
    ("2022-02-07", "2022-02-07"),
])
def test_resolve(expression, expected):
    assert resolve(expression, PUB) == expected


@pytest.mark.parametrize("expression", [
    "", "   ", "soon", "the weekend", "recently", "30 February", "March 32", "the 1990s", "Monday Tuesday", "12345",
    "last", "ago", "two", "in the past", "next decade",
])
def test_resolve_not_understood(expression):
    assert resolve(expression, PUB) is None


def test_resolve_needs_publication_date():
    assert resolve("Monday", None) is None
    assert resolve("2024", None) is None


def test_resolve_week_across_year_end():
    pub = datetime(2021, 1, 4, tzinfo=timezone.utc)  # Monday of ISO week 2021-W01
    assert resolve("last week", pub) == "2020-W53"
    assert resolve("Sunday", pub) == "2021-01-03"
    assert resolve("last month", pub) == "2020-12"
    assert resolve("December 30", pub) == "2020-12-30"


@pytest.mark.parametrize("url, expected", [
    ("https://www.gadget-news.example/2019/7/3/20680681/phone-os-beta", date(2019, 7, 3)),
    ("https://news.example.com/2022/02/10/harbour-town", date(2022, 2, 10)),
    ("https://example.com/news/2022-02-10-storm", date(2022, 2, 10)),
    ("https://example.com/20220210/storm.html", date(2022, 2, 10)),
    ("https://example.com/2022/13/40/x", None),
    ("https://example.com/2022/02/x", None),  # no day: not guessed
    ("https://example.com/article/146774/", None),
    ("https://2022-02-10.example.com/x", None),  # host names are not dates
    (None, None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected
