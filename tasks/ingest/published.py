"""When an article was published: RawDocument.published_at, a tz-aware UTC datetime or None.

Bulk rows (tasks.ingest.formats.bulk): the row's published_at value through parse_timestamp:
a datetime, a date, epoch seconds or milliseconds, an ISO 8601 string or an RFC 2822 string;
a naive value is taken as UTC; anything else is dropped (None), never guessed.

Pages (tasks.ingest.formats.html): page_published: the day trafilatura/htmldate extracts,
with the time of day taken from the page's publication meta tag when that names the same
day, else midnight UTC of that day; without one, the day in the URL
(tasks.common.dates.url_date), as midnight UTC.

Why the standard library and not dateutil or dateparser (both pinned, through trafilatura;
measured in the ingest refactor): dateutil.parser.parse agrees on every ISO and RFC 2822 form
we read, but it also guesses: "10/02/2022" became 2 October 2022 (day/month order is
ambiguous: we drop it) and "Feb 10 2022" a date where we give None; dateparser would read
"yesterday". A stored published_at must be what the input says, so only unambiguous forms.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from tasks.common.dates import url_date

EPOCH_MILLISECONDS_ABOVE = 1e11  # an epoch number this large counts milliseconds, not seconds
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date.issued", "publish-date",
                  "pubdate")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_timestamp(value: Any) -> datetime | None:
    """A tz-aware UTC datetime from a datetime, date, epoch number or ISO/RFC 2822 string, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)):
        dt = _from_epoch(float(value))
    elif isinstance(value, str):
        dt = _from_string(value.strip())
    else:
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def _from_epoch(v: float) -> datetime | None:
    if v > EPOCH_MILLISECONDS_ABOVE:
        v /= 1000
    try:
        return datetime.fromtimestamp(v, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _from_string(s: str) -> datetime | None:
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("z", "Z"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None


def published_metas(tree) -> list[str]:
    """The contents of a parsed page's publication-time meta tags, in page order."""
    out = []
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in PUBLISHED_META and el.get("content"):
            out.append(el.get("content").strip())
    return out


def page_published(day: str | None, metas: list[str], url: str | None) -> datetime | None:
    """A page's publication time from its extracted day ("YYYY-MM-DD"), its meta tags and its URL."""
    published = None
    if day and _DAY.fullmatch(day):
        published = _same_day_timestamp(metas, day) or parse_timestamp(day)
    if published is None:
        d = url_date(url)
        published = parse_timestamp(d) if d else None
    return published


def _same_day_timestamp(metas: list[str], day: str) -> datetime | None:
    """A full timestamp from the page's meta tags when it falls on the extracted day."""
    for content in metas:
        if len(content) > 10 and content[:10] == day:
            dt = parse_timestamp(content)
            if dt is not None:
                return dt
    return None


__all__ = ["parse_timestamp", "published_metas", "page_published", "PUBLISHED_META"]
