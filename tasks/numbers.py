"""Numeric facts: every quantity with its value, unit, bound, direction and subject."""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.entities import EntityIndex
from tasks.model import Article


def extract(art: Article, doc: Doc, ents: EntityIndex, quotes: list[dict]) -> list[dict]:
    return []
