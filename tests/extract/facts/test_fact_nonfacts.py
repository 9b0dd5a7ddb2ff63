"""tasks.extract.facts.nonfacts: numbers that are names, identifiers, idioms or list markers."""
from __future__ import annotations

import pytest

from tasks.extract.facts import context, nonfacts, scan, units


def verdicts(parse, text: str) -> list[tuple[str, str]]:
    """(number, verdict) for each candidate: 'name' (written as a name), 'noun name' (its noun shows a
    name), 'no quantity' (units: a time span as modifier) or 'fact'."""
    art, doc = parse(text)
    dx = context.TokenIndex(doc, art.text)
    out = []
    for sent in art.sentences:
        idioms = nonfacts.idiom_spans(sent)
        for n in scan.scan(sent.text):
            site = context.locate(dx, sent, n)
            words = art.text[site.ns:site.ne]
            if nonfacts.written_as_name(n, site, idioms):
                out.append((words, "name"))
                continue
            m = units.decide(n, site)
            if m is None:
                out.append((words, "no quantity"))
            elif m.noun is not None and nonfacts.noun_makes_name(m.noun, n, site.prev):
                out.append((words, "noun name"))
            else:
                out.append((words, "fact"))
    return out


@pytest.mark.parametrize("text,expected", [
    ("Work on the Zephyr Line 2 stopped, and 350 workers left.", [("2", "name"), ("350", "fact")]),
    ("Seats are in Block 12, Aisle 4.", [("12", "name"), ("4", "name")]),
    ("1. Fold the paper. 2) Cut it.", [("1", "name"), ("2", "name")]),
    ("The Big Ten and No one else.", [("Ten", "name"), ("one", "name")]),
    ("It will happen one way or another.", [("one", "name")]),
    ("The Vortex 787 Skyliner landed.", [("787", "name")]),
    ("We flew in a Kestrel 340 jet and 12 Kestrel jets.", [("340", "name"), ("12", "fact")]),
    ("Their 787 Skyliner landed.", [("787", "noun name")]),  # a singular proper noun after the digits
    ("We flew a Kestrel +340 jet.", [("340", "noun name")]),  # a model name before a singular noun
    ("He drove 40 Pinehurst Road miles.", [("40", "fact")]),
    ("Over 20 Lions Tests were played.", [("20", "fact")]),
    ("It issued a three-year forecast.", [("three", "no quantity")]),
])
def test_verdicts(parse, text, expected):
    assert verdicts(parse, text) == expected


def test_idiom_spans(parse):
    art, _ = parse("Headline\n\nIn one way or another, it was one of a kind.")
    sent = art.sentences[-1]
    assert [art.text[s:e] for s, e in nonfacts.idiom_spans(sent)] == ["one way or another", "one of a kind"]
