"""Quotations: direct (full, partial), split, colon-introduced, multi-paragraph and unclosed
quotes, and indirect speech, each tied to its speaker."""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.entities import EntityIndex
from tasks.model import Article


def extract(art: Article, doc: Doc, ents: EntityIndex) -> list[dict]:
    return []
