"""Entities: one canonical row per real-world entity in an article, with its mentions.

`extract(art, doc)` returns an `EntityIndex`, which the quotation and number extractors use
to resolve speakers and subjects, and which turns into the entities and mentions rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from tasks.model import Article
from tasks.nlp import sentence_index

NAMED_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


@dataclass
class Entity:
    entity_id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (char_start, char_end)


@dataclass
class EntityIndex:
    article_id: str
    entities: list[Entity] = field(default_factory=list)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), if any."""
        for e in self.entities:
            for s, t in e.mentions:
                if s < end and t > start:
                    return e
        return None

    def by_name(self, name: str) -> Entity | None:
        low = name.lower()
        for e in self.entities:
            if e.name.lower() == low or low in (a.lower() for a in e.aliases):
                return e
        return None

    def by_description(self, words: str, before: int | None = None) -> Entity | None:
        """The entity a description ('the Russian leader') refers to, or None."""
        return None

    def rows(self, art: Article) -> tuple[list[dict], list[dict]]:
        ents, ments = [], []
        for e in self.entities:
            ents.append({"article_id": art.article_id, "entity_id": e.entity_id, "name": e.name, "label": e.label,
                         "mention_count": len(e.mentions), "aliases": sorted(set(e.aliases)), "role": e.role})
            for s, t in e.mentions:
                ments.append({"article_id": art.article_id, "entity_id": e.entity_id, "sentence_idx": sentence_index(art.sentences, s),
                              "char_start": s, "char_end": t, "text": art.text[s:t], "label": e.label})
        ments.sort(key=lambda r: r["char_start"])
        return ents, ments


def extract(art: Article, doc: Doc) -> EntityIndex:
    """First version: model entities, surnames merged into full names, label by majority."""
    idx = EntityIndex(art.article_id)
    spans = [(ent.start_char, ent.end_char, ent.text, ent.label_) for ent in doc.ents if ent.label_ in NAMED_LABELS]
    for s, t, text, label in spans:
        target = None
        for e in idx.entities:
            if text == e.name or (label == "PERSON" and e.label == "PERSON" and e.name.endswith(" " + text)):
                target = e
                break
        if target is None:
            target = Entity(entity_id=f"{art.article_id}:{len(idx.entities)}", name=text, label=label)
            idx.entities.append(target)
        target.aliases.append(text)
        target.mentions.append((s, t))
    return idx
