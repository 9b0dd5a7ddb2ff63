"""The cross-article key of an entity, and which keys of a corpus name the same real thing.

  * the key of one entity is its canonical label and a slug of its canonical name
    (`tasks.extract.entities.canonical`): "PERSON:jens-stoltenberg", "GPE:united-kingdom",
    "ORG:bank-of-england". The slug is the name in lower case, accents dropped ("José" -> "jose"),
    apostrophes dropped ("O'Neill" -> "oneill"), every other run of non-alphanumeric characters
    one hyphen. So a key depends on the article alone: rows once written never change.
  * across a corpus (`canonical_keys`), a person key of fewer words ("PERSON:stoltenberg", from an
    article that names him by his surname only) is an alias of the one person key whose last words
    are those words ("PERSON:jens-stoltenberg"), when the corpus holds exactly one such key; with two
    or more ("PERSON:tony-blair", "PERSON:cherie-blair") or none, it stays a thing of its own. Other
    labels are never merged across articles: "GPE:jordan" and "PERSON:jordan" are two things.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

APOSTROPHES = "'’`ʼ‘"
_HYPHENS = re.compile(r"-+")
MERGED_LABELS = {"PERSON"}  # the labels whose short keys join a longer key across articles


def slug(name: str) -> str:
    """'Jens Stoltenberg' -> 'jens-stoltenberg', 'José Álvarez' -> 'jose-alvarez', "O'Neill" -> 'oneill'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = "".join(c if c.isalnum() else "-" for c in text if c not in APOSTROPHES)
    return _HYPHENS.sub("-", text).strip("-")


def entity_key(label: str, name: str) -> str:
    """The key of one entity: 'PERSON:jens-stoltenberg'; a name with no letter or digit keys by its
    text in lower case."""
    return f"{label}:{slug(name) or name.strip().lower()}"


def split_key(key: str) -> tuple[str, list[str]]:
    """'PERSON:jens-stoltenberg' -> ('PERSON', ['jens', 'stoltenberg'])."""
    label, _, words = key.partition(":")
    return label, [w for w in words.split("-") if w]


def canonical_keys(keys: Iterable[str]) -> dict[str, str]:
    """Every key -> the key of the real thing it names (itself, or for a short person key the one
    longer person key that ends in its words)."""
    keys = sorted(set(keys))
    by_tail: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for key in keys:
        label, words = split_key(key)
        if label not in MERGED_LABELS:
            continue
        for k in range(1, len(words)):
            by_tail.setdefault((label, tuple(words[k:])), set()).add(key)
    out = {}
    for key in keys:
        label, words = split_key(key)
        longer = _longest(by_tail.get((label, tuple(words)), set()))
        out[key] = longer[0] if len(longer) == 1 else key
    return out


def _longest(cands: set[str]) -> list[str]:
    """The candidates that are no tail of another ('PERSON:w-bush' is one of 'PERSON:george-w-bush')."""
    words = {c: split_key(c)[1] for c in cands}
    return sorted(c for c in cands
                  if not any(len(words[o]) > len(words[c]) and words[o][-len(words[c]):] == words[c] for o in cands))
