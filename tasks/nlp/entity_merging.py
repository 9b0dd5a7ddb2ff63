"""How the entity fixer combines the model's spans with the rules' spans, and its last touches.

A rule span relabels a model span of the same extent, replaces the spans it covers or crosses,
and yields to a longer model name that contains it (unless forced; in ALL CAPS, where the
model is blind, the rule wins). Afterwards two group words in a row become one group ("Iraqi
Kurds"), an acronym in brackets after a name is named too ("Kurdistan Democratic Party (KDP)"),
and a body's name whose first words are joined by "and" is whole ("the Public and Commercial
Services Union", of which the model tags only "Commercial Services Union").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from tasks.common.datafiles import DataFiles
from tasks.nlp.gazetteer import Gazetteer

BODIES_BY_ONE_WORD = frozenset(DataFiles.beside(__file__).lines("entity_bodies_by_one_word.txt"))


def merge(current: list[Span], rules: list[Span], gaz: Gazetteer, sports: bool, from_model: set[tuple[int, int]],
          force: bool = False) -> list[Span]:
    """`current` with the rule spans merged in. `from_model` holds the extents the model itself made."""
    keep: dict[int, Span] = dict(enumerate(current))
    owner: dict[int, int] = {}  # token -> key in keep
    for k, m in keep.items():
        for i in range(m.start, m.end):
            owner[i] = k
    add = []
    for r in rules:
        ids = {owner[i] for i in range(r.start, r.end) if i in owner and owner[i] in keep}
        same = [k for k in ids if keep[k].start == r.start and keep[k].end == r.end]
        if same:
            add.append(Span(r.doc, r.start, r.end, label=_relabel(r, keep.pop(same[0]), gaz, sports)))
            continue
        k0 = owner.get(r.start)
        inside = k0 is not None and k0 in keep and keep[k0].end >= r.end
        if inside and not force and not (keep[k0].text.isupper() and (keep[k0].start, keep[k0].end) in from_model):
            continue  # (the model is blind in ALL CAPS: there the gazetteer wins)
        for k in ids:
            keep.pop(k, None)
        add.append(r)
    return list(keep.values()) + add


def _relabel(rule: Span, current: Span, gaz: Gazetteer, sports: bool) -> str:
    """The label of a rule span over a span of the same extent: a known place the rules call an
    organisation stays a place outside sports reports."""
    if rule.label_ == "ORG" and current.label_ in {"GPE", "LOC"} and rule.text in gaz.places and not sports:
        return current.label_
    return rule.label_


def uncovered(spans: list[Span], by: list[Span]) -> list[Span]:
    """The spans that share no token with any span of `by`."""
    taken = {i for sp in by for i in range(sp.start, sp.end)}
    return [sp for sp in spans if not any(i in taken for i in range(sp.start, sp.end))]


def join_norp(ents: list[Span]) -> list[Span]:
    """'Iraqi Kurds', 'Iraqi Kurdish': two group words in a row are one group."""
    ents = sorted(ents, key=lambda sp: sp.start)
    out: list[Span] = []
    for sp in ents:
        if out and out[-1].label_ == "NORP" and sp.label_ == "NORP" and out[-1].end == sp.start:
            out[-1] = Span(sp.doc, out[-1].start, sp.end, label="NORP")
            continue
        out.append(sp)
    return out


def bracketed_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Kurdistan Democratic Party ( KDP )': the acronym in brackets after a name is named too."""
    out = []
    starts = {sp.start for sp in ents}
    for sp in ents:
        i = sp.end
        if (sp.label_ in {"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"} and i + 2 < len(doc) and doc[i].text == "("
                and doc[i + 2].text == ")" and i + 1 not in starts):
            t = doc[i + 1].text.replace(".", "")
            if 2 <= len(t) <= 8 and t[:1].isupper() and sum(c.isupper() for c in t) >= 2:
                out.append(Span(doc, i + 1, i + 2, label=sp.label_))
    return out


def names_joined_by_and(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """`the Public and Commercial Services Union`, `the Finance and Economy Ministry`, `the Culture,
    Media and Sport Committee`: an organisation ending in a head word of bodies ("Union",
    "Ministry") takes in the capitalised words before it joined by "and" (and commas), when a
    "the" opens them and none of them is named as something else ("the British and European
    Union" are two) or is a body by itself ("the Treasury and Foreign Office", "the Pentagon and
    State Department": `_body_by_itself`); the spans it takes in go. New spans only: filter them in."""
    label = {i: sp.label_ for sp in ents for i in range(sp.start, sp.end)}
    alone = {sp.text for sp in ents if len(sp) == 1 and (sp.end >= len(doc) or doc[sp.end].lower_ not in ("and", ","))}
    out = []
    for sp in ents:
        if sp.label_ != "ORG" or doc[sp.end - 1].text not in gaz.org_heads or sp.start < 3 or doc[sp.start - 1].lower_ != "and":
            continue
        k = sp.start - 2
        while k >= 2 and doc[k - 1].text == "," and doc[k - 2].is_title:
            k -= 2  # "the Culture, Media and ..."
        if doc[k].is_title and k >= 1 and doc[k - 1].lower_ == "the" and all(label.get(i, "ORG") == "ORG" for i in range(k, sp.start)) \
                and not any(_body_by_itself(doc[i].text, alone, gaz) for i in range(k, sp.start, 2)):
            out.append(Span(doc, k, sp.end, label="ORG"))
    return out


def _body_by_itself(word: str, alone: set[str], gaz: Gazetteer) -> bool:
    """A word that names a body (or a person's title) on its own: one news names by one word
    (data/entity_bodies_by_one_word.txt), an organisation or title the gazetteer knows, or one the
    article names alone elsewhere ("the Treasury said")."""
    return word in BODIES_BY_ONE_WORD or word in gaz.orgs or word.lower() in gaz.titles or word in alone
