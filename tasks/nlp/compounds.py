"""Step 5 of the entity fixer: hyphenated compounds built on a name are one name of their own.

"London-based", "U.S.-led", "Surinamese-born", "COVID-safe": a name joined by a hyphen (no space)
to a lower-case word is an adjective, not the place or body itself. "UAE-Israel", "Israeli-
Palestinian": two places or groups joined by a hyphen are one adjective too. CoNLL annotates both
as MISC; here they are NORP (EVENT when built on an event: "COVID-related").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tasks.nlp.gazetteer import Gazetteer

HYPHENS = {"-", "–"}
JOINED_LABELS = {"GPE", "LOC", "NORP"}  # two of these joined by a hyphen are one adjective ("UAE-Israel")


def hyphen_compounds(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans with every compound built on a name made one NORP (or EVENT) span."""
    ents = sorted(ents, key=lambda sp: sp.start)
    surnames = {sp[-1].text for sp in ents if sp.label_ == "PERSON"}  # "the Ferguson-Wenger feud": two people
    out: list[Span] = []
    for sp in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ in JOINED_LABELS and sp.label_ in JOINED_LABELS and sp.start == prev.end + 1 \
                and _glued_hyphen(doc, prev.end):
            out[-1] = Span(doc, prev.start, sp.end, label="NORP")  # "UAE - Israel" written "UAE-Israel"
            continue
        out.append(_with_suffix(doc, sp, surnames))
    taken = {i for sp in out for i in range(sp.start, sp.end)}
    out += [Span(doc, t.i, t.i + 1, label="NORP") for t in doc if t.i not in taken and _one_token_compound(t, gaz)]
    return sorted(out, key=lambda sp: sp.start)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen with no space on either side, between two tokens."""
    return 0 < i < len(doc) - 1 and doc[i].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _suffix_word(t: Token) -> bool:
    """'based', 'led', 'safe': a lower-case word of three letters or more ('Moon Jae-in' is a name)."""
    return t.is_alpha and t.is_lower and len(t.text) >= 3


def _with_suffix(doc: Doc, sp: Span, surnames: set[str]) -> Span:
    """'New York' before '-based' -> 'New York-based' (NORP); a span that already ends so is
    relabelled. A person's name is left alone ('Chung Man-ho'), but takes the rest of a
    double-barrelled surname the model cut at its hyphen ('Ann Cole' before '-Hart': a word not tagged,
    that ends no person's name in `surnames`)."""
    e = sp.end
    if sp.label_ == "PERSON":
        nxt = doc[e + 1] if e + 1 < len(doc) else None
        if nxt is not None and _glued_hyphen(doc, e) and nxt.is_title and nxt.is_alpha and not nxt.ent_type_ and nxt.text not in surnames:
            return Span(doc, sp.start, e + 2, label="PERSON")
        return sp
    if e + 1 < len(doc) and _glued_hyphen(doc, e) and _suffix_word(doc[e + 1]):
        e += 2
    elif not (len(sp) >= 3 and _glued_hyphen(doc, e - 2) and _suffix_word(doc[e - 1])):
        return sp
    return Span(doc, sp.start, e, label="EVENT" if sp.label_ == "EVENT" else "NORP")


def _one_token_compound(t: Token, gaz: Gazetteer) -> bool:
    """'U.S.-led' (one token): a known place or group, a hyphen, a lower-case word."""
    head, hyphen, tail = t.text.rpartition("-")
    if not hyphen or not head or not tail.isalpha() or not tail.islower() or len(tail) < 3:
        return False
    low = head.lower()
    return low in gaz.country_of or low in gaz.demonym_country or low in gaz.norp or head in gaz.places
