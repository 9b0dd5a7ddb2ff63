"""tasks.extract.facts.ranges: two candidates that make a range, a season, a score, or stay apart."""
from __future__ import annotations

import re

import pytest

from tasks.extract.facts.ranges import merge
from tasks.extract.facts.records import Candidate


def digits(text: str, unit: tuple[str, str] | None = None) -> list[Candidate]:
    """Plain-integer candidates for every run of digits; the last one gets `unit` (unit, kind)."""
    out = [Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=float(m.group(0)), plain_int=True)
           for m in re.finditer(r"\d+", text)]
    if unit:
        out[-1].unit, out[-1].unit_kind = unit
    return out


def merged(text: str, unit=None, keep_apart=None) -> list[tuple]:
    return [(text[n.cue_start:n.end], n.kind, n.value, n.low, n.high, n.unit, n.is_range)
            for n in merge(text, digits(text, unit), keep_apart)]


@pytest.mark.parametrize("text,expected", [
    ("hired 10-12 engineers", [("10-12", "count", 10.0, 10.0, 12.0, None, True)]),
    ("between 100 and 200 residents", [("between 100 and 200", "count", 100.0, 100.0, 200.0, None, True)]),
    ("from 5 to 7 a day", [("from 5 to 7", "count", 5.0, 5.0, 7.0, None, True)]),
    ("from 5-7 a day", [("5-7", "count", 5.0, 5.0, 7.0, None, True)]),  # "from" before a dash range is not its cue
    ("100 and 200 residents", [("100", "count", 100.0, None, None, None, False), ("200", "count", 200.0, None, None, None, False)]),
    ("the 2014-15 season", [("2014-15", "year", 2014.0, None, None, None, False)]),
    ("they lost 22-6 away", []),  # a score: a range goes up
    ("from 1998 to 2004", [("from 1998 to 2004", "count", 1998.0, 1998.0, 2004.0, None, True)]),
    ("from 40 up to 60 seats", [("from 40 up to 60", "count", 40.0, 40.0, 60.0, None, True)]),  # "up to" after "from"
    ("40 up to 60 seats", [("40", "count", 40.0, None, None, None, False), ("60", "count", 60.0, None, None, None, False)]),
])
def test_pairs(text, expected):
    assert merged(text) == expected


def test_range_takes_the_unit_written_after_it():
    assert merged("rose 3 to 4 per cent", unit=("%", "percent")) == [("3 to 4", "percent", 3.0, 3.0, 4.0, "%", True)]


def test_a_unit_on_the_first_number_only_keeps_them_apart():
    text = "5 km to 7"
    a, b = digits(text)
    a.unit, a.unit_kind, a.end = "kilometre", "quantity", 4
    assert [(n.value, n.unit) for n in merge(text, [a, b])] == [(5.0, "kilometre"), (7.0, None)]


def test_a_change_word_keeps_a_to_b_apart():
    assert merged("rose 2 to 85", keep_apart=lambda pos: True) == [
        ("2", "count", 2.0, None, None, None, False), ("85", "count", 85.0, None, None, None, False)]
    assert merged("rose 2-85", keep_apart=lambda pos: True) == [("2-85", "count", 2.0, 2.0, 85.0, None, True)]


def test_after_a_change_by_a_to_b_is_apart_only_when_b_is_far_above_a():
    assert merged("grew by 14 to 449", keep_apart=lambda pos: True) == [
        ("14", "count", 14.0, None, None, None, False), ("449", "count", 449.0, None, None, None, False)]
    assert merged("may grow by 4 to 7", keep_apart=lambda pos: True) == [("4 to 7", "count", 4.0, 4.0, 7.0, None, True)]


def test_scale_of_the_second_number_applies_to_the_first():
    text = "four to five thousand"
    a = Candidate(start=0, end=4, num_start=0, num_end=4, value=4.0, spelled=True)
    b = Candidate(start=8, end=21, num_start=8, num_end=21, value=5000.0, spelled=True, scale_word=1000.0)
    (r,) = merge(text, [a, b])
    assert (r.low, r.high, r.scale_word, r.spelled) == (4000.0, 5000.0, 1000.0, True)


def test_minus_sign_of_a_dash_range_is_the_dash():
    text = "10-12"
    a, b = digits(text)
    b.sign = "-"
    (r,) = merge(text, [a, b])
    assert (r.low, r.high, b.sign) == (10.0, 12.0, None)
