"""Subject and place of a fact, as canonical entity names.

The subject is the actor of the verb that governs the counted noun ("NATO has ... 40,000
troops" -> NATO), or its owner ("NATO's troops"); the place is a place entity after "to", "in"...
("send 350 troops to Poland" -> Poland). Names come from the article's `EntityIndex`.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from tasks.common.datafiles import DataFiles
from tasks.extract.entities.index import EntityIndex

DATA = DataFiles.beside(__file__)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
# clauses through which the verb of a counted noun passes its subject down
_CLAUSE_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp")


@lru_cache(maxsize=1)
def _place_prepositions() -> frozenset[str]:
    return frozenset(DATA.lines("number_place_prepositions.txt"))


def subject_and_place(anchor: Token, ents: EntityIndex) -> tuple[str | None, str | None]:
    """Walk up from the counted noun (or the number) to the verb that governs it: its subject is the
    actor; a possessor on the way ("NATO's troops") is the owner; "to/in <place>" gives the place."""
    subject = None
    tok = anchor
    location = _place_of(tok, ents)
    for _ in range(10):
        subject = _owner(tok, ents)
        if subject:
            break
        if tok.pos_ in ("VERB", "AUX"):
            if location is None:
                location = _place_of(tok, ents)
            subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
            if subj:
                subject = _actor(tok, subj[0], ents)
                break
            if tok.dep_ not in _CLAUSE_DEPS:
                break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return subject, location


def _owner(tok: Token, ents: EntityIndex) -> str | None:
    """The possessor of a noun: "NATO's troops" -> NATO."""
    for c in tok.children:
        if c.dep_ == "poss" and tok.pos_ in ("NOUN", "PROPN"):
            name = _entity_name(c, ents)
            if name:
                return name
    return None


def _actor(verb: Token, subj: Token, ents: EntityIndex) -> str | None:
    """The entity named by the verb's subject, or by its agent in the passive ("sent by the UK")."""
    name = _entity_name(subj, ents)
    if name is None:
        agent = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if agent:
            name = _entity_name(agent[0], ents)
    return name


def _entity_name(tok: Token, ents: EntityIndex, labels: set[str] | None = None) -> str | None:
    e = ents.at(tok.idx, tok.idx + len(tok.text))
    if e is None:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss") and c.i < tok.i:
                e = ents.at(c.idx, c.idx + len(c.text))
                if e is not None:
                    break
    if e is None:
        return None
    if labels is not None and e.label not in labels:
        return None
    return e.name


def _place_of(tok: Token, ents: EntityIndex) -> str | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _place_prepositions():
            for o in c.children:
                if o.dep_ == "pobj":
                    name = _entity_name(o, ents, PLACE_LABELS)
                    if name:
                        return name
    return None
