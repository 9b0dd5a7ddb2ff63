"""Fixtures of the quotation tests: an article parsed and prepared the way extract() does."""
from __future__ import annotations

import pytest

from tasks.extract.entities import index as entities
from tasks.extract.quotes.classify import without_markup
from tasks.extract.quotes.context import QuoteContext
from tasks.extract.quotes.marks import find_spans
from tasks.extract.quotes.profiles import EntityProfiles, token_sentences


@pytest.fixture(scope="session")
def quote_context(parse):
    """quote_context(text) -> QuoteContext: parsed, entities found, markup spans dropped."""

    def _build(text: str) -> QuoteContext:
        art, doc = parse(text)
        profiles = EntityProfiles.build(doc, entities.extract(art, doc), token_sentences(doc))
        spans = without_markup(art.text, art.paragraphs, find_spans(art.text, art.paragraphs))
        return QuoteContext(art, doc, profiles, spans)

    return _build
