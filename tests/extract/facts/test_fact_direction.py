"""tasks.extract.facts.direction: up / down for a number that is a change."""
from __future__ import annotations

import pytest

from tasks.extract.facts import context, direction, scan
from tasks.extract.facts.records import Fact


def directions(parse, text: str) -> list[tuple[str, str | None]]:
    art, doc = parse(text)
    dx = context.TokenIndex(doc, art.text)
    sent = art.sentences[0]
    out = []
    for n in scan.scan(sent.text, direction.keep_apart(dx, sent.start)):
        site = context.locate(dx, sent, n)
        out.append((art.text[site.start:site.end], direction.of_number(dx, site.start, site.base, n)))
    return out


@pytest.mark.parametrize("text,expected", [
    ("Profits climbed 12% this year.", [("12%", "up")]),
    ("The bakery shed 40 staff.", [("40", "down")]),
    ("Output was down by 3.5 per cent.", [("3.5 per cent", "down")]),
    ("Output was up to 9 tonnes.", [("up to 9 tonnes", None)]),
    ("Index +1.2% at noon.", [("+1.2%", "up")]),
    ("They made up 30 per cent of staff.", [("30 per cent", None)]),
    ("The pier is 30 metres long.", [("30 metres", None)]),
    ("Fares rose $3 to $40.", [("$3", "up"), ("$40", None)]),
    # the verb a "by" hangs on, past its object; "raise" is a change only through "by"
    ("The trust trimmed its queues by 40 per cent.", [("40 per cent", "down")]),
    ("The landlord raised the rent by 8%.", [("8%", "up")]),
    ("The landlord raised $8,000 for the roof.", [("$8,000", None)]),
    ("The ferry was crewed by 14 sailors.", [("14", None)]),
    # "up" before a currency sign, which the model tags a noun after a dash
    ("The pair own £40m - up £5m on last year.", [("£40m", None), ("£5m", "up")]),
    # the verb a passive "by" hangs on, past "an average of" / "a total of"
    ("Bus fares were slashed by an average of £12.", [("£12", "down")]),
    ("The shop hit a high of $9 and a low of $4.", [("$9", None), ("$4", None)]),
])
def test_of_number(parse, text, expected):
    assert directions(parse, text) == expected


def test_keep_apart(parse):
    art, doc = parse("Fares rose $3 to $40.")
    dx = context.TokenIndex(doc, art.text)
    apart = direction.keep_apart(dx, art.sentences[0].start)
    assert [apart(art.text.index(w)) for w in ("$3", "$40", "Fares")] == [True, False, False]
    art, doc = parse("Fares rose by $3 to $40 and the sign by 2 to 4.")
    dx = context.TokenIndex(doc, art.text)
    apart = direction.keep_apart(dx, art.sentences[0].start)
    assert [apart(art.text.index(w)) for w in ("$3", "$40", "2 to")] == [True, False, False]


def facts_in(text: str, spec: list[tuple[str, str, str | None]]) -> list[Fact]:
    out, pos = [], 0
    for words, kind, change in spec:
        start = text.index(words, pos)
        pos = start + len(words)
        out.append(Fact(sentence_idx=0, char_start=start, char_end=pos, text=words, value=1.0, value_low=None, value_high=None,
                        unit=None, unit_text=None, qualifier=None, kind=kind, relation="=", direction=change, subject=None, location=None))
    return out


def test_share_direction():
    text = "Jobs grew by 1,200 posts or 2.2 per cent; Acme was down 2.3%, Zeta by 2.6%, and Ion 4%."
    facts = facts_in(text, [("1,200 posts", "count", "up"), ("2.2 per cent", "percent", None), ("2.3%", "percent", "down"),
                            ("2.6%", "percent", None), ("4%", "percent", None)])
    direction.share_direction(text, facts)
    assert [(f.text, f.direction) for f in facts] == [
        ("1,200 posts", "up"), ("2.2 per cent", "up"), ("2.3%", "down"), ("2.6%", "down"), ("4%", None)]
