"""tasks.extract.facts.subject: the entity a fact is about, and its place."""
from __future__ import annotations

import pytest

from tasks.extract.entities import index as entities
from tasks.extract.facts import context, scan, subject, units


def about(parse, text: str) -> list[tuple[str, str | None, str | None]]:
    art, doc = parse(text)
    ents = entities.extract(art, doc)
    dx = context.TokenIndex(doc, art.text)
    out = []
    for sent in art.sentences:
        for n in scan.scan(sent.text):
            site = context.locate(dx, sent, n)
            m = units.decide(n, site)
            anchor = m.head if m.head is not None else site.tok
            out.append((art.text[site.ns:site.ne], *subject.subject_and_place(anchor, ents)))
    return out


@pytest.mark.parametrize("text,expected", [
    ("Germany will send 500 engineers to Lithuania.", [("500", "Germany", "Lithuania")]),
    ("Microsoft's 200 engineers moved.", [("200", "Microsoft", None)]),
    ("The grant of 300 laptops was paid by Oxfam.", [("300", "Oxfam", None)]),  # the agent of a passive
    ("300 laptops were donated by Oxfam.", [("300", "Oxfam", None)]),
    ("The bakers sold 40 pies in Leeds.", [("40", None, "Leeds")]),
    ("The 40 pies sold well.", [("40", None, None)]),
])
def test_subject_and_place(parse, text, expected):
    assert about(parse, text) == expected
