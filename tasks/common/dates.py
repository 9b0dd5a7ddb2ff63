"""Dates: publication dates found in URLs, and time expressions resolved against a date.

`url_date(url)` reads the publication day many news sites put in their URLs
(`/2022/02/10/`, `/2022-02-10/`, `/20220210/`).

`resolve(expression, published_at)` turns a time expression from an article into the
period it names, written as ISO 8601 at the precision the expression has:

    day "2022-02-07" | ISO week "2022-W05" | month "2022-02" | year "2022"

It follows the conventions of news writing, which reports what happened: a bare weekday
("Monday", "on Thursday", "earlier Thursday") is the most recent such day on or before
the publication day; "last Monday" the most recent one strictly before it, "next Monday"
the first one after it. A day or month given without its year ("10 February", "Feb. 10",
"in March") is taken in the year that puts it nearest to the publication date.
It returns None, never a guess, when there is no publication date or the expression is
not understood. The words (months, weekdays, number words, modifiers such as "earlier",
parts of the day) are data files `data/date_*.txt` beside this module.

Why not the date libraries trafilatura brings (measured in the ingest refactor):
  * dateparser (RELATIVE_BASE = publication, PREFER_DATES_FROM = past) agrees on the days
    ("Monday", "last Monday", "three days ago", "Feb. 10", "December 15") but always answers
    with a day: "last week" 2022-02-03 for our ISO week 2022-W05, "last month" 2022-01-10 for
    2022-01; and it puts "in March" in 2021 where the nearest March is 2022. The precision of
    the expression is what the facts table records (resolved_date), so resolve stays.
  * htmldate's URL date (extract_url_date) finds /2022/02/10/ and /2022-02-10- too, but not
    the compact /20220210/, and it reads a date from the host name (2022-02-10.example.com),
    which url_date refuses; so url_date stays.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)

MIN_YEAR = 1900
MAX_YEAR = 2100
# a 4-digit number read as a year only inside this range around the publication year
YEAR_WINDOW = 200


@lru_cache(maxsize=None)
def _numbered(name: str) -> dict[str, int]:
    """'N word word ...' lines -> {word: N} (multi-word entries joined by spaces are kept)."""
    out: dict[str, int] = {}
    for line in DATA.lines(name):
        num, _, words = line.partition(" ")
        for w in _split_entries(words):
            out[w] = int(num)
    return out


def _split_entries(words: str) -> list[str]:
    # "a couple of" is one entry: words that cannot stand alone are joined to the next
    toks = words.split()
    out: list[str] = []
    i = 0
    while i < len(toks):
        if toks[i] == "a" and i + 2 < len(toks) and toks[i + 1] == "couple" and toks[i + 2] == "of":
            out.append("a couple of")
            i += 3
            continue
        out.append(toks[i])
        i += 1
    return out


def _months() -> dict[str, int]:
    return _numbered("date_months.txt")


def _weekdays() -> dict[str, int]:
    return _numbered("date_weekdays.txt")


def _numbers() -> dict[str, int]:
    return _numbered("date_numbers.txt")


@lru_cache(maxsize=None)
def _modifiers() -> tuple[tuple[str, ...], ...]:
    """Modifier phrases as token tuples, longest first."""
    return tuple(sorted((tuple(m.lower().split()) for m in DATA.lines("date_modifiers.txt")), key=len, reverse=True))


@lru_cache(maxsize=None)
def _dayparts() -> frozenset[str]:
    return frozenset(x.lower() for x in DATA.lines("date_dayparts.txt"))


# --- dates in URLs -------------------------------------------------------------------

_URL_YMD = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[/_-]([01]?[0-9])[/_-]([0-3]?[0-9])(?![0-9])")
_URL_COMPACT = re.compile(r"/((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?=[/_.-]|$)")


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def url_date(url: str | None) -> date | None:
    """The day named in a URL's path (/2022/02/10/, /2022-02-10-, /20220210/), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.I)
    path = path.split("?", 1)[0].split("#", 1)[0]
    for rx in (_URL_YMD, _URL_COMPACT):
        for m in rx.finditer(path):
            d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d is not None:
                return d
    return None


# --- relative expressions ------------------------------------------------------------

_TOKEN = re.compile(r"[a-z]+\.?|[0-9]+(?:st|nd|rd|th)?|[-/,]")


def _tokens(expression: str) -> list[str]:
    s = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"[\"'()\u201c\u201d\u2018]", " ", s)
    return [t.rstrip(".") for t in _TOKEN.findall(s) if t not in (",", "-", "/")]


def _strip(toks: list[str]) -> tuple[list[str], bool]:
    """Drop leading modifiers ("on", "earlier", "the") and trailing parts of the day;
    returns the rest and whether a part of the day was dropped."""
    mods = _modifiers()
    changed = True
    while toks and changed:
        changed = False
        for m in mods:
            if tuple(toks[: len(m)]) == m and len(toks) > len(m):
                toks = toks[len(m):]
                changed = True
                break
    parts = _dayparts()
    daypart = False
    while toks and toks[-1] in parts:
        toks = toks[:-1]
        daypart = True
        while toks and toks[-1] in ("in", "at", "on", "the", "during"):
            toks = toks[:-1]
    return toks, daypart


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _day_number(t: str) -> int | None:
    m = re.fullmatch(r"([0-9]{1,2})(?:st|nd|rd|th)?", t)
    if not m:
        return None
    n = int(m.group(1))
    return n if 1 <= n <= 31 else None


def _year_number(t: str, pub: date) -> int | None:
    if re.fullmatch(r"[0-9]{4}", t):
        y = int(t)
        if MIN_YEAR <= y <= MAX_YEAR and abs(y - pub.year) <= YEAR_WINDOW:
            return y
    return None


def _nearest_year(pub: date, month: int, day: int | None) -> int | None:
    """The year putting (month, day) nearest the publication day."""
    best: tuple[int, int] | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _valid(y, month, day or 15)
        if d is None:
            continue
        gap = abs((d - pub).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def _count(toks: list[str]) -> tuple[int, list[str]] | None:
    """A leading count ("3", "three", "a couple of") and the rest."""
    if not toks:
        return None
    if toks[0].isdigit():
        return int(toks[0]), toks[1:]
    nums = _numbers()
    for k in (3, 1):
        w = " ".join(toks[:k])
        if w in nums and len(toks) > k:
            return nums[w], toks[k:]
    return None


def resolve(expression: str, published_at: datetime | None) -> str | None:
    """The period a time expression names, relative to the publication date (see module doc)."""
    if published_at is None or not expression or not expression.strip():
        return None
    pub = published_at.date() if isinstance(published_at, datetime) else published_at
    toks, daypart = _strip(_tokens(expression))
    if daypart and len(toks) == 1 and toks[0] in ("this", "last"):  # "this morning", "last night"
        return (pub - timedelta(days=1 if toks[0] == "last" else 0)).isoformat()
    if not toks or daypart and not _day_like(toks):
        return None
    try:
        return _resolve(toks, pub)
    except (ValueError, OverflowError):
        return None


def _day_like(toks: list[str]) -> bool:
    """Can a part of the day follow this ("Monday morning", "yesterday evening")?"""
    return toks[-1] in _weekdays() or toks[-1] in ("today", "yesterday", "tomorrow") or _day_number(toks[-1]) is not None or (
        len(toks) > 1 and toks[-2] in _months()
    ) or toks[-1] in _months() and len(toks) > 1


_STEPS = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}


def _resolve(toks: list[str], pub: date) -> str | None:
    if len(toks) == 1:
        return _one_word(toks[0], pub)
    if toks == ["day", "before", "yesterday"]:
        return (pub - timedelta(days=2)).isoformat()
    if toks == ["day", "after", "tomorrow"]:
        return (pub + timedelta(days=2)).isoformat()
    if len(toks) == 2 and toks[0] in _STEPS:
        return _stepped(_STEPS[toks[0]], toks[1], pub)
    if toks[-1] == "ago":
        return _ago(toks[:-1], pub)
    if toks[0] in _weekdays():  # weekday followed by a date: "Monday, Feb. 7" -> the date decides
        return _explicit(toks[1:], pub)
    return _explicit(toks, pub)


def _one_word(one: str, pub: date) -> str | None:
    """'today', 'yesterday', 'tomorrow', a weekday (on or before publication), a month (nearest), a year."""
    months, weekdays = _months(), _weekdays()
    if one in ("today", "tonight", "now"):
        return pub.isoformat()
    if one == "yesterday":
        return (pub - timedelta(days=1)).isoformat()
    if one == "tomorrow":
        return (pub + timedelta(days=1)).isoformat()
    if one in weekdays:
        back = (pub.weekday() - weekdays[one]) % 7
        return (pub - timedelta(days=back)).isoformat()
    if one in months:
        y = _nearest_year(pub, months[one], None)
        return f"{y}-{months[one]:02d}" if y else None
    y = _year_number(one, pub)
    return str(y) if y is not None else None


def _stepped(step: int, unit: str, pub: date) -> str | None:
    """'last week', 'this month', 'next year', 'last Monday', 'next March' (step -1, 0 or 1)."""
    if unit == "week":
        return _iso_week(pub + timedelta(weeks=step))
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, step)
        return f"{y}-{m:02d}"
    if unit == "year":
        return str(pub.year + step)
    if unit in _weekdays():
        return _stepped_weekday(step, _weekdays()[unit], pub).isoformat()
    if unit in _months():
        return _stepped_month(step, _months()[unit], pub)
    return None


def _stepped_weekday(step: int, wd: int, pub: date) -> date:
    if step < 0:  # strictly before the publication day
        return pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
    if step > 0:  # strictly after it
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _stepped_month(step: int, mo: int, pub: date) -> str:
    if step < 0:  # the most recent such month before the current one
        y = pub.year if mo < pub.month else pub.year - 1
    elif step > 0:
        y = pub.year if mo > pub.month else pub.year + 1
    else:
        y = pub.year
    return f"{y}-{mo:02d}"


def _ago(toks: list[str], pub: date) -> str | None:
    """'N days/weeks/months/years' (before "ago")."""
    c = _count(toks)
    if c is None or len(c[1]) != 1:
        return None
    k, (unit,) = c
    unit = unit.rstrip("s")
    if unit == "day":
        return (pub - timedelta(days=k)).isoformat()
    if unit == "week":
        return _iso_week(pub - timedelta(weeks=k))
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, -k)
        return f"{y}-{m:02d}"
    if unit == "year":
        return str(pub.year - k)
    return None


def _explicit(toks: list[str], pub: date) -> str | None:
    """'10 February [2022]', 'Feb. 10[, 2022]', 'the 10th of February', 'February 2022', '2022-02-10'."""
    months = _months()
    toks = [t for t in toks if t not in ("of", "the")]
    n = len(toks)
    day = month = year = None
    if n in (2, 3) and toks[0] in months:
        month = months[toks[0]]
        if n == 2:
            year = _year_number(toks[1], pub)
            if year is not None:
                return f"{year}-{month:02d}"
            day = _day_number(toks[1])
        else:
            day, year = _day_number(toks[1]), _year_number(toks[2], pub)
            if year is None:
                return None
    elif n in (2, 3) and toks[1] in months:
        day, month = _day_number(toks[0]), months[toks[1]]
        if n == 3:
            year = _year_number(toks[2], pub)
            if year is None:
                return None
    elif n == 3 and all(t.isdigit() for t in toks) and len(toks[0]) == 4:
        d = _valid(int(toks[0]), int(toks[1]), int(toks[2]))
        return d.isoformat() if d else None
    else:
        return None
    if day is None:
        return None
    if year is None:
        year = _nearest_year(pub, month, day)
        if year is None:
            return None
    d = _valid(year, month, day)
    return d.isoformat() if d else None


__all__ = ["resolve", "url_date"]
