"""Credits in news copy, for the entity fixer: the people of bylines and picture credits.

  * a byline: "Reporting by A B and C D ; Editing by E F": after "WORD by" (a byline word of
    `entity_credits.txt`) at the start of a line or after a bracket or semicolon, each capitalised
    name, joined to the next by "and", "&" or a comma, is a person;
  * a picture credit: a short line of parts between slashes with no lower-case word but credit
    words ("REUTERS / A B / File Photo", "A B / Pool via REUTERS"): a part of two to four
    capitalised words is a person, a part of one word or holding a known organisation an agency (ORG).
The model reads these lines badly (no verb, names it has not seen): the spans found here override it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from tasks.nlp.gazetteer import Gazetteer

NAME_JOINERS = {"and", "&", ","}
BYLINE_OPENERS = {"(", ";", "|", "-", "–", "—", "/", "["}
MAX_NAME = 5  # tokens
MAX_CREDIT_LINE = 24  # tokens


def credit_spans(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """Person (and agency) spans of the doc's bylines and picture credits."""
    low = doc.text.lower()
    if "/" not in low and not any(f"{w} by " in low for w in gaz.byline_words):
        return []  # most documents: no credit line to look at
    out: list[Span] = []
    for a, b in _lines(doc):
        out += _bylines(doc, a, b, gaz)
        if _is_picture_credit(doc, a, b, gaz):
            out += _credit_parts(doc, a, b, gaz)
    return out


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the doc's lines (space tokens left out)."""
    out, start = [], None
    for t in doc:
        if t.is_space or "\n" in t.text:
            if start is not None:
                out.append((start, t.i))
            start = None
            continue
        if start is None:
            start = t.i
        if "\n" in t.whitespace_:
            out.append((start, t.i + 1))
            start = None
    if start is not None:
        out.append((start, len(doc)))
    return out


def _name_end(doc: Doc, i: int, b: int, gaz: Gazetteer) -> int:
    """End of the capitalised name starting at i (up to MAX_NAME tokens, before b; a byline word ends it)."""
    j = i
    while j < b and j - i < MAX_NAME and doc[j].text[:1].isupper() and not doc[j].is_punct \
            and doc[j].lower_ not in gaz.byline_words:
        j += 1
    return j


def _bylines(doc: Doc, a: int, b: int, gaz: Gazetteer) -> list[Span]:
    """A byline starts its line, or follows a bracket, a semicolon or the names of another byline
    ("; Editing by", "Reporting by A B Writing by C D"): "written by" in a sentence is none."""
    out: list[Span] = []
    for i in range(a + 1, b - 1):
        if doc[i].lower_ != "by" or doc[i - 1].lower_ not in gaz.byline_words:
            continue
        k = i - 2 if i - 2 < a or doc[i - 2].lower_ != "additional" else i - 3
        if not (k < a or doc[k].text in BYLINE_OPENERS or (out and out[-1].end >= k)):
            continue
        j = i + 1
        while j < b:
            e = _name_end(doc, j, b, gaz)
            if e == j:
                break
            out.append(Span(doc, j, e, label="PERSON"))
            if e < b and doc[e].lower_ in NAME_JOINERS:
                j = e + 1
                continue
            break
    return out


def _is_picture_credit(doc: Doc, a: int, b: int, gaz: Gazetteer) -> bool:
    """A short line with a slash whose words are all capitalised, or credit words."""
    toks = doc[a:b]
    if not 3 <= len(toks) <= MAX_CREDIT_LINE or not any(t.text == "/" for t in toks):
        return False
    return all(t.is_punct or t.text[:1].isupper() or t.text in gaz.credit_words or t.lower_ in {"'s", "’s"} for t in toks)


def _credit_parts(doc: Doc, a: int, b: int, gaz: Gazetteer) -> list[Span]:
    """The people (two to four capitalised words) and agencies (one word) between the slashes and credit words."""
    out = []
    bounds = [a - 1] + [t.i for t in doc[a:b] if t.text == "/" or t.text in gaz.credit_words] + [b]
    for s, e in zip(bounds, bounds[1:]):
        s += 1
        part = doc[s:e]
        if not part or any(t.is_punct or not t.text[:1].isupper() or t.text in gaz.credit_words for t in part):
            continue
        agency = len(part) == 1 or any(t.text in gaz.orgs for t in part) or part.text in gaz.orgs
        if agency and part.text.lower() not in gaz.country_of and part.text not in gaz.places:
            out.append(Span(doc, s, e, label="ORG"))  # "REUTERS", "Reuters TV"
        elif 2 <= len(part) <= 4 and not part.text.isupper() and part.text not in gaz.places:
            out.append(Span(doc, s, e, label="PERSON"))
    return out
