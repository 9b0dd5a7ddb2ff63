"""tasks.extract.facts.scan: sentences in, exact number candidates out (before any parse)."""
from __future__ import annotations

import pytest

from tasks.extract.facts.scan import scan


def cands(text: str, keep_apart=None) -> list[tuple]:
    """(words with the cue, kind as written, value, low, high, unit as written, relation)."""
    return [(text[n.cue_start:n.end], n.kind, n.value, n.low, n.high, n.unit, n.rel) for n in scan(text, keep_apart)]


CASES = [
    # scales attached and in words; "m" is million before a counted word, metres before a sport word
    ("Roughly 2.7m visitors paid $12.50 each.",
     [("Roughly 2.7m", "count", 2.7e6, None, None, None, "~"), ("$12.50", "money", 12.5, None, None, "USD", "=")]),
    ("The pool hosts the 400m freestyle.", [("400m", "quantity", 400.0, None, None, "meter", "=")]),
    ("Crowds of 25k and a 4K screen.", [("25k", "count", 25000.0, None, None, None, "=")]),
    # spelled numbers and fractions (a trailing scale after "and a half" is not read)
    ("It grew to five and a half thousand.", [("five and a half", "count", 5.5, None, None, None, "=")]),
    ("Half a dozen riders and a third of the field.",
     [("Half a dozen", "count", 6.0, None, None, None, "="), ("a third", "fraction", 1 / 3, None, None, None, "=")]),
    ("Only 2¼ cups and 6.02 x 10^23 atoms.",
     [("2¼", "count", 2.25, None, None, None, "="), ("6.02 x 10^23", "count", 6.02e23, None, None, None, "=")]),
    # digits glued to names, times, phone numbers: no candidates
    ("The G7 met after COVID-19 in the S23 era.", []),
    ("Call 0161 496 0000 at 9am on 3 May.", [("3 May", "date", 3.0, None, None, None, "=")]),
    # ranges, decades, seasons, scores
    ("Prices fell 3-4% to 1.5 per cent.",
     [("3-4%", "percent", 3.0, 3.0, 4.0, "%", "="), ("1.5 per cent", "percent", 1.5, None, None, "%", "=")]),
    ("The 1980s and the 2019-20 season ended 3-1.",
     [("1980s", "year", 1980.0, None, None, None, "="), ("2019-20", "year", 2019.0, None, None, None, "=")]),
    ("between 3 and 4 million", [("between 3 and 4 million", "count", 3e6, 3e6, 4e6, None, "=")]),
    # signs, bounds, ordinals
    ("Temperatures hit minus 12 degrees, or -5C.",
     [("minus 12 degrees", "quantity", -12.0, None, None, "degree_Celsius", "="), ("-5C", "quantity", -5.0, None, None, "degree_Celsius", "=")]),
    ("The team won its 21st title, 30 or more times.",
     [("21st", "ordinal", 21.0, None, None, None, "="), ("30", "count", 30.0, None, None, None, ">")]),
    ("A 250-mile ride took 11 hours or so.",
     [("250-mile", "quantity", 250.0, None, None, "mile", "="), ("11 hours", "quantity", 11.0, None, None, "hour", "~")]),
    # currencies and the pound that weighs
    ("It weighs 300 pounds and costs 300 pounds.",
     [("300 pounds", "money", 300.0, None, None, "GBP", "="), ("300 pounds", "money", 300.0, None, None, "GBP", "=")]),
    ("He sold 40 of the 300 cars for RM79 each and 5 million EUR.",
     [("40", "count", 40.0, None, None, None, "="), ("300", "count", 300.0, None, None, None, "="),
      ("RM79", "money", 79.0, None, None, "MYR", "="), ("5 million EUR", "money", 5e6, None, None, "EUR", "=")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_candidates(text, expected):
    assert cands(text) == expected


def test_a_change_and_a_level_stay_apart():
    assert cands("Oil rose $2 to $85.") == [("$2 to $85", "money", 2.0, 2.0, 85.0, "USD", "=")]
    assert cands("Oil rose $2 to $85.", keep_apart=lambda pos: True) == [
        ("$2", "money", 2.0, None, None, "USD", "="), ("$85", "money", 85.0, None, None, "USD", "=")]


def test_no_number_no_candidate():
    assert scan("") == [] and scan("nothing here") == []


def test_spans_are_relative_to_the_text():
    (n,) = scan("Over 40,000 troops.")
    assert (n.rel_start, n.start, n.num_start, n.num_end, n.end, n.plain_int, n.form) == (0, 5, 5, 11, 11, False, "number")
