"""Sports reports (Reuters-style headline "SOCCER - ...") for the entity fixer: which kind of
report a document is, and, in a team-sports report, which place names are the team.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tasks.nlp.gazetteer import Gazetteer

VENUE_WORDS = {"at", "in", "near", "from", "to", "outside", "into", "of", "on", "north", "south", "east", "west", "central",
               "northern", "southern", "eastern", "western"}


def sports_report(doc: Doc, gaz: Gazetteer) -> str | None:
    """Reuters-style sports headline ('SOCCER - ...', 'Boxing-Bruno quits ...', 'NFL AMERICAN FOOTBALL-...'):
    None if not a sports report, else "team" or "individual"."""
    head = doc[: min(len(doc), 16)].text.split("\n", 1)[0].lower()
    m = re.match(r"\s*([a-z][a-z .]*?)\s*-", head)
    if not m:
        return None
    words = m.group(1).strip()
    for h, team in gaz.sports_headings.items():
        if words == h or words.endswith(" " + h) or words.startswith(h + " "):
            return "team" if team else "individual"
    return None


def as_team(sp: Span, gaz: Gazetteer) -> Span:
    """In a team-sports report, a club town or county that is not a venue is the team (ORG)."""
    if sp.label_ not in {"GPE", "LOC", "PERSON", "FAC"} or not _club_place(sp, gaz) or _venue_or_dateline(sp):
        return sp
    return Span(sp.doc, sp.start, sp.end, label="ORG")


def _club_place(sp: Span, gaz: Gazetteer) -> bool:
    """A known club, a known town (GPE), or an unknown one-word place; never a country or a group."""
    text = sp.text
    title = text.title() if text.isupper() else text
    if text.lower() in gaz.country_of or text.lower() in gaz.demonym_country or text.lower() in gaz.norp:
        return False
    known_place = title in gaz.places
    return (title in gaz.clubs or (known_place and gaz.places[title] == "GPE")
            or (not known_place and sp.label_ in {"GPE", "LOC"} and len(sp) == 1))  # an unknown "place": a club


def _venue_or_dateline(sp: Span) -> bool:
    """'at Leicester', 'Leicester :', '( at Lord 's , London )', 'LONDON 1996-08-30'."""
    doc = sp.doc
    prev = doc[sp.start - 1] if sp.start > 0 else None
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if prev is not None and prev.lower_ in VENUE_WORDS:
        return True
    if nxt is not None and (nxt.text == ":" or nxt.text == "," and sp.start == 0 or nxt.shape_ == "dddd"):
        return True
    if prev is not None and prev.text == "," and nxt is not None and nxt.text in {")", "."}:
        return True  # "( at Lord 's , London )"
    if prev is None or "\n" in prev.text or "\n" in prev.whitespace_:
        if nxt is not None and (nxt.shape_ == "dddd" or nxt.text == ","):
            return True  # dateline
    return False
