"""tasks.nlp.sports: which kind of sports report a document is, and which places are its teams."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from tasks.nlp.gazetteer import gazetteer
from tasks.nlp.sports import as_team, sports_report


@pytest.mark.parametrize("headline, kind", [
    ("SOCCER - ENGLISH LEAGUE RESULTS .", "team"),
    ("CRICKET - ESSEX BEAT KENT .", "team"),
    ("NFL AMERICAN FOOTBALL-RESULTS", "team"),
    ("Boxing-Bruno quits the ring .", "individual"),
    ("TENNIS - RESULTS AT THE U.S. OPEN .", "individual"),
    ("Talks resume - officials say", None),
    ("Soccer results", None),
    ("\nSOCCER - X", None),  # the headline is the first line
])
def test_sports_report(nlp, headline, kind):
    assert sports_report(nlp.make_doc(headline), gazetteer()) == kind


def test_club_towns_and_counties_are_teams_unless_venue_dateline_or_country(nlp):
    doc = nlp.make_doc("Leicester : Leicestershire beat Somerset at Taunton .\nLONDON 1996-08-30\nItaly drew with Hove , and Bath won .")
    spans = {t.text: Span(doc, t.i, t.i + 1, "GPE") for t in doc if t.text[:1].isupper()}
    teams = {text: as_team(sp, gazetteer()).label_ for text, sp in spans.items()}
    assert teams == {"Leicester": "GPE", "Leicestershire": "ORG", "Somerset": "ORG", "Taunton": "GPE", "LONDON": "GPE",
                     "Italy": "GPE", "Hove": "ORG", "Bath": "ORG"}


def test_only_place_and_person_labels_become_teams(nlp):
    doc = nlp.make_doc("Somerset won .")
    assert [as_team(Span(doc, 0, 1, label), gazetteer()).label_ for label in ("GPE", "LOC", "PERSON", "FAC", "ORG", "NORP", "EVENT")] == [
        "ORG", "ORG", "ORG", "ORG", "ORG", "NORP", "EVENT"]
