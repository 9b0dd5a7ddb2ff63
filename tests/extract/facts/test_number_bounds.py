"""tasks.extract.facts.bounds: the relation cue of a number, read from the text and corrected with the parse."""
from __future__ import annotations

import pytest

from tasks.extract.entities import index as entities
from tasks.extract.facts import bounds, context, scan, units
from tasks.extract.facts.facts import extract
from tasks.extract.facts.records import Candidate


def cue(text: str, start: int, end: int, **kw) -> tuple:
    n = Candidate(start=start, end=end, num_start=start, num_end=end, value=float(text[start:end].replace(",", "")), **kw)
    bounds.read_cues(text, n)
    return n.rel, n.rel_start, n.value


@pytest.mark.parametrize("text,start,end,expected", [
    ("around 40 boats", 7, 9, ("~", 0, 40.0)),
    ("They saw more than 1,000 birds", 19, 24, (">", 9, 1000.0)),
    ("up to 400 jobs", 6, 9, ("<", 0, 400.0)),
    ("It fell to minus 12 today", 17, 19, ("=", 11, -12.0)),
    ("about minus 3", 12, 13, ("~", 0, -3.0)),
    ("30 or more", 0, 2, (">", None, 30.0)),
    ("a 40-odd crew", 2, 4, ("~", None, 40.0)),
    ("5 plus 3 is 8", 0, 1, ("=", None, 5.0)),
    ("5 plus, at most", 0, 1, (">", None, 5.0)),
    ("within 10 days", 7, 9, ("<", 0, 10.0)),
])
def test_cues(text, start, end, expected):
    assert cue(text, start, end) == expected


def test_minus_is_no_sign_for_money_and_no_bound_for_a_date():
    assert cue("minus 5", 6, 7, unit="USD", unit_kind="money") == ("=", None, 5.0)
    assert cue("12 or more", 0, 2, form="date") == ("=", None, 12.0)


def test_a_minus_sign_turns_a_range_round():
    n = Candidate(start=0, end=5, num_start=0, num_end=5, value=2.0, low=2.0, high=5.0, is_range=True, sign="-")
    bounds.read_cues("-2-5", n)
    assert (n.value, n.low, n.high) == (-2.0, -5.0, -2.0)


def relation(parse, text: str, i: int = 0) -> tuple[str, str]:
    art, doc = parse(text)
    sent = art.sentences[0]
    dx = context.TokenIndex(doc, art.text)
    n = scan.scan(sent.text)[i]
    site = context.locate(dx, sent, n)
    m = units.decide(n, site)
    rel, start = bounds.relation_of(n, site, m.kind, m.unit, m.head is not None, site.start, m.end)
    return rel, art.text[start:m.end]


def test_relation_with_the_parse(parse):
    assert relation(parse, "He was wrong about one thing.") == ("=", "one thing")
    assert relation(parse, "They talked about 20 cases.") == ("=", "20 cases")
    assert relation(parse, "It has about 20 cases.") == ("~", "about 20 cases")
    assert relation(parse, "They will spend £1bn over ten years.", 1) == ("=", "ten years")
    assert relation(parse, "They waited over ten years.") == ("=", "ten years")  # "over" a time span is read as during
    assert relation(parse, "They waited more than ten years.") == (">", "more than ten years")
    assert relation(parse, "The club needs 50 stewards or more.") == (">", "50 stewards")


def bounded(parse, text: str) -> list[tuple]:
    art, doc = parse(text)
    return [(r["text"], r["relation"], r["direction"]) for r in extract(art, doc, entities.extract(art, doc), [])]


@pytest.mark.parametrize("text,expected", [
    # an amount converted in brackets is bounded, and changes, as the amount it converts
    ("The fund lent almost $4bn (£2.1bn) last year.", [("almost $4bn", "~", None), ("£2.1bn", "~", None)]),
    ("The mayor trimmed the budget by 2.5bn euros ($3.1bn; £2bn).",
     [("2.5bn euros", "=", "down"), ("$3.1bn", "=", "down"), ("£2bn", "=", "down")]),
    ("The wall is at least 40in (102cm) high.", [("at least 40in", ">", None), ("102cm", ">", None)]),
    # not a part in brackets, nor a converted amount with a bound of its own
    ("Over 4,000 jobs (900 of them in Leeds) went.", [("Over 4,000 jobs", ">", None), ("900", "=", None)]),
    ("The deal is worth over $5m (about £3m).", [("over $5m", ">", None), ("about £3m", "~", None)]),
])
def test_a_converted_amount_shares_the_bound(parse, text, expected):
    assert bounded(parse, text) == expected
