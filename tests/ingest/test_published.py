"""Publication times: bulk values, page metadata, the day in the URL; UTC, never guessed."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from lxml import html as lxml_html

from tasks.ingest.published import page_published, parse_timestamp, published_metas

UTC = timezone.utc


@pytest.mark.parametrize("value, expected", [
    ("2022-02-10", datetime(2022, 2, 10, tzinfo=UTC)),
    ("2022-02-10T09:30:00+01:00", datetime(2022, 2, 10, 8, 30, tzinfo=UTC)),
    ("2022-02-10T09:30:00Z", datetime(2022, 2, 10, 9, 30, tzinfo=UTC)),
    ("2022-02-10 09:30", datetime(2022, 2, 10, 9, 30, tzinfo=UTC)),  # naive: taken as UTC
    ("Thu, 10 Feb 2022 12:00:00 +0100", datetime(2022, 2, 10, 11, 0, tzinfo=UTC)),
    (1644451200, datetime(2022, 2, 10, tzinfo=UTC)),
    (1644451200000, datetime(2022, 2, 10, tzinfo=UTC)),  # milliseconds
    (datetime(2022, 2, 10, 9, 30), datetime(2022, 2, 10, 9, 30, tzinfo=UTC)),
    ("10/02/2022", None),  # ambiguous day/month order: not guessed
    ("yesterday", None),
    ("", None),
    (True, None),
    (1e30, None),
])
def test_published_at_values(value, expected):
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("value, expected", [
    (date(2023, 6, 1), datetime(2023, 6, 1, tzinfo=UTC)),
    ("2023-06-01t07:00:00z", datetime(2023, 6, 1, 7, 0, tzinfo=UTC)),  # lower-case z
    ("  2023-06-01  ", datetime(2023, 6, 1, tzinfo=UTC)),
    ("Feb 10 2022", None),
    (["2023-06-01"], None),
])
def test_timestamp_forms(value, expected):
    assert parse_timestamp(value) == expected


PAGE_HEAD = """<html><head>
<meta name="date" content="2023-06-01">
<meta property="article:published_time" content="2023-06-02T07:45:00+01:00">
<meta property="og:title" content="Harbour wall repaired">
<meta itemprop="datePublished" content=" 2023-06-02T08:00:00+01:00 ">
</head><body></body></html>"""


def test_published_metas_in_page_order():
    assert published_metas(lxml_html.fromstring(PAGE_HEAD)) == [
        "2023-06-01", "2023-06-02T07:45:00+01:00", "2023-06-02T08:00:00+01:00"]


@pytest.mark.parametrize("day, url, expected", [
    ("2023-06-02", None, datetime(2023, 6, 2, 6, 45, tzinfo=UTC)),  # the first meta tag of that day gives the time
    ("2023-06-01", None, datetime(2023, 6, 1, tzinfo=UTC)),  # "2023-06-01" alone is no timestamp: midnight
    ("2023-06-05", None, datetime(2023, 6, 5, tzinfo=UTC)),
    (None, "https://example.org/2023/05/30/wall", datetime(2023, 5, 30, tzinfo=UTC)),
    ("June 2023", "https://example.org/2023/05/30/wall", datetime(2023, 5, 30, tzinfo=UTC)),  # not a day: the URL's
    (None, "https://example.org/wall", None),
])
def test_page_published(day, url, expected):
    metas = ["2023-06-01", "2023-06-02T07:45:00+01:00", "2023-06-02T08:00:00+01:00"]
    assert page_published(day, metas, url) == expected
