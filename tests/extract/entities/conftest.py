"""Fixtures of the entity tests: extract an invented article's entities, and compare them compactly."""
from __future__ import annotations

import pytest

from tasks.extract.entities.index import extract


@pytest.fixture(scope="session")
def ents_of(parse):
    """ents_of(text) -> (Article, EntityIndex)."""
    def _ents_of(text: str):
        art, doc = parse(text)
        return art, extract(art, doc)

    return _ents_of


def _table(idx, art):
    """{name: (label, aliases, role, mention texts)} for compact exact comparisons."""
    return {e.name: (e.label, e.aliases, e.role, [art.text[s:t] for s, t in e.mentions]) for e in idx.entities}


@pytest.fixture(scope="session")
def table():
    return _table
