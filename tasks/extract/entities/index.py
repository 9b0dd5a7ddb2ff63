"""Entities: one canonical row per real-world entity in an article, with its mentions.

`extract(art, doc)` returns an `EntityIndex`, which the quotation and number extractors use
to resolve speakers and subjects, and which turns into the entities and mentions rows.

How the model's (rule-corrected, see `tasks.nlp.entity_fixer`) mentions become entities:
  1. mentions are grouped and the groups merged (`grouping`): same words, one country under
     its aliases, surnames into full names, short names, numbered names and acronyms;
  2. the canonical label and name of each group are decided (`canonical`);
  3. words of a known entity that the model left untagged elsewhere in the article become
     mentions too (`repeats`: "Lebed" after "Alexander Lebed");
  4. roles come from premodifiers and appositions (`roles`: "Russian President Vladimir Putin").
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

from tasks.extract.entities.canonical import canonical_label, canonical_name
from tasks.extract.entities.grouping import entity_groups
from tasks.extract.entities.keys import entity_key
from tasks.extract.entities.mentions import MentionGroup
from tasks.extract.entities.repeats import add_untagged_repeats
from tasks.extract.entities.roles import description_score, find_roles, parse_description, person_apposition
from tasks.model import Article
from tasks.nlp.gazetteer import Gazetteer, gazetteer
from tasks.nlp.sentences import sentence_index
from tasks.schemas import ENTITIES, MENTIONS, row


@dataclass
class Entity:
    entity_id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (char_start, char_end)
    nationality: str | None = None  # demonym from the role or a possessive ("Russian")
    country: str | None = None  # the country of that nationality ("Russia")
    roles: list[str] = field(default_factory=list)  # every title or description found, in order

    @property
    def key(self) -> str:
        """The cross-article key ('PERSON:jens-stoltenberg', `keys.entity_key`)."""
        return entity_key(self.label, self.name)


@dataclass
class EntityIndex:
    article_id: str
    entities: list[Entity] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _spans: list[tuple[int, int, int]] = field(default_factory=list, repr=False)  # (start, end, entity index)
    _max_len: int = field(default=0, repr=False)

    def _build(self) -> None:
        spans = sorted((s, t, i) for i, e in enumerate(self.entities) for s, t in e.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        self._max_len = max((t - s for s, t, _ in spans), default=0)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), if any (the first such mention)."""
        if len(self._spans) != sum(len(e.mentions) for e in self.entities):
            self._build()
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        for k in range(lo, len(self._spans)):
            s, t, i = self._spans[k]
            if s >= end:
                break
            if t > start:
                return self.entities[i]
        return None

    def by_name(self, name: str) -> Entity | None:
        """The entity named or aliased so (case aside, "the" dropped), or the country the name is an alias of."""
        low = name.lower().strip()
        if low.startswith("the "):
            low = low[4:]
        for e in self.entities:
            if e.name.lower() == low or low in (a.lower() for a in e.aliases):
                return e
        country = gazetteer().country_of.get(low)
        if country:
            for e in self.entities:
                if e.name == country:
                    return e
        return None

    def by_description(self, words: str, before: int | None = None) -> Entity | None:
        """The person a description ('the Russian leader', 'the UK defense minister') refers to, or None.

        Every nationality in the description must be the entity's (from its role or a possessive),
        and its head noun must be in the entity's roles (a leader word matches any leader word);
        the best score wins, then the latest mentioned (`roles.description_score`).
        With `before`, only entities mentioned before that offset count."""
        gaz = gazetteer()
        desc = parse_description(words, gaz)
        if desc is None:
            return None
        best, best_key = None, None
        for e in self.entities:
            if e.label != "PERSON":
                continue
            first = min((s for s, _ in e.mentions), default=0)
            if before is not None and first >= before:
                continue
            score = description_score(desc, e.roles, e.country, gaz)
            if score is None:
                continue
            last = max((s for s, _ in e.mentions if before is None or s < before), default=first)
            key = (score, last)
            if best_key is None or key > best_key:
                best, best_key = e, key
        return best

    def rows(self, art: Article) -> tuple[list[dict], list[dict]]:
        """(entities rows, mentions rows sorted by offset)."""
        ents, ments = [], []
        for e in self.entities:
            ents.append(row(ENTITIES, article_id=art.article_id, entity_id=e.entity_id, entity_key=e.key, name=e.name, label=e.label,
                            mention_count=len(e.mentions), aliases=sorted(set(e.aliases)), role=e.role))
            for s, t in e.mentions:
                ments.append(row(MENTIONS, article_id=art.article_id, entity_id=e.entity_id, entity_key=e.key,
                                 sentence_idx=sentence_index(art.sentences, s), char_start=s, char_end=t,
                                 text=art.text[s:t], label=e.label))
        ments.sort(key=lambda r: r["char_start"])
        return ents, ments


def extract(art: Article, doc: Doc) -> EntityIndex:
    gaz = gazetteer()
    idx = EntityIndex(art.article_id)
    groups = entity_groups(doc, gaz)
    labels = {g: canonical_label(g) for g in groups}  # decided before the repeats join, which take the label
    add_untagged_repeats(doc, groups, labels)
    for g in groups:  # "G Money, a presenter on 1Xtra,": a person, though the model took the name for a body
        if labels.get(g) in ("ORG", "PRODUCT", "WORK_OF_ART") and any(person_apposition(doc, m.start, m.end, gaz) for m in g.mentions):
            labels[g] = "PERSON"
    groups.sort(key=lambda g: g.first)
    for g in groups:
        idx.entities.append(_entity(art, doc, g, labels[g], f"{art.article_id}:{len(idx.entities)}", gaz))
    return idx


def _entity(art: Article, doc: Doc, g: MentionGroup, label: str, entity_id: str, gaz: Gazetteer) -> Entity:
    """The entity of a group: canonical name, mentions as character offsets (each once), aliases, roles."""
    g.mentions.sort(key=lambda m: m.start)
    ent = Entity(entity_id=entity_id, name=canonical_name(g, gaz, doc, label), label=label)
    text = art.text  # the doc's text (doc.text is rebuilt from the tokens on every access)
    seen = set()
    for m in g.mentions:
        sc, ec = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
        if (sc, ec) in seen:
            continue
        seen.add((sc, ec))
        ent.mentions.append((sc, ec))
        ent.aliases.append(text[sc:ec])
    ent.aliases = sorted(set(ent.aliases))
    if label in {"PERSON", "ORG"}:
        roles = find_roles(doc, g.mentions, label, gaz)
        ent.role, ent.roles, ent.country, ent.nationality = roles.role, roles.roles, roles.country, roles.nationality
    return ent
