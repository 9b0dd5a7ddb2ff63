"""tasks.nlp.entity_matchers: the gazetteer and token rules, and the spans their matches give."""
from __future__ import annotations

import pytest

from tasks.nlp.entity_matchers import dateline_places, gazetteer_spans, phrase_matcher, rule_spans, token_matcher
from tasks.nlp.gazetteer import gazetteer


@pytest.fixture(scope="module")
def matchers(nlp):
    return phrase_matcher(nlp, gazetteer()), token_matcher(nlp, gazetteer())


HONORIFICS = frozenset({"Mr", "Dr", "Miss"})


def rules(nlp, matchers, text: str, sports: bool = False) -> tuple[list, list]:
    doc = nlp.make_doc(text)
    names, datelines = rule_spans(doc, matchers[1], gazetteer(), sports)
    return sorted((sp.start, sp.text, sp.label_) for sp in names), [(sp.text, sp.label_) for sp in datelines]


def test_datelines_at_a_line_start(nlp, matchers):
    assert rules(nlp, matchers, "BONN 1996-08-30\nThe talks went on .") == ([], [("BONN", "GPE")])
    assert rules(nlp, matchers, "KHASAVYURT , Russia 1996-08-31\nRebels left .") == ([], [("KHASAVYURT", "GPE"), ("Russia", "GPE")])
    assert rules(nlp, matchers, "He flew from BONN 1996-08-30 to Paris .") == ([], [])


def test_dateline_places(nlp):
    doc = nlp.make_doc("KHASAVYURT , Russia 1996-08-31")
    assert [(sp.text, sp.label_) for sp in dateline_places(doc, 0, len(doc))] == [("KHASAVYURT", "GPE"), ("Russia", "GPE")]


def test_people_after_honorifics_and_initials(nlp, matchers):
    assert rules(nlp, matchers, "Mr Lebed met Mrs. Anna Smith and P. Simmons .")[0] == [
        (1, "Lebed", "PERSON"), (4, "Anna Smith", "PERSON"), (7, "P. Simmons", "PERSON")]
    # a peer's title names a person too, unless a title or a stop word follows it
    assert rules(nlp, matchers, "Lord Hallam met Baroness Quill , the Lord Chancellor and the Lady Of the Lake .")[0] == [
        (1, "Hallam", "PERSON"), (4, "Quill", "PERSON")]


def test_people_after_a_parliament_member_s_acronym(nlp, matchers):
    assert rules(nlp, matchers, "Green MEP Ines Maribor and Labour MSP Tom Aldane Reid spoke .")[0] == [
        (2, "Ines Maribor", "PERSON"), (7, "Tom Aldane", "PERSON")]  # (a third word only where the model tagged a person)
    # two words at most in a headline, and never a title
    assert rules(nlp, matchers, "Tory MP Ines Maribor Quits Over Row")[0] == [(2, "Ines Maribor", "PERSON")]
    assert rules(nlp, matchers, "MP Chief Minister Ravi Nair visited .")[0] == []
    # not a place or a body after it, and an honorific after it is the honorific rule's
    assert rules(nlp, matchers, "the MP Select Committee met the MEP Sir Alan Dorne .")[0] == [
        (1, "MP Select Committee", "ORG"), (8, "Alan Dorne", "PERSON")]


def test_scorecard_people_in_sports_reports_only(nlp, matchers):
    text = "Salim Malik c Stewart b Hollioake 23\nBowling : Gough 8-0-39-3"
    assert rules(nlp, matchers, text, sports=True)[0] == [(3, "Stewart", "PERSON"), (5, "Hollioake", "PERSON"), (10, "Gough", "PERSON")]
    assert rules(nlp, matchers, text, sports=False)[0] == []


def test_events_organisations_and_clubs(nlp, matchers):
    assert rules(nlp, matchers, "Agassi won the Hong Kong Open and the World Cup of Golf .")[0] == [
        (3, "Hong Kong Open", "EVENT"), (8, "World Cup of Golf", "EVENT")]
    assert rules(nlp, matchers, "ROMANIA BEAT LITHUANIA IN WORLD CUP QUALIFIER .")[0] == [(4, "WORLD CUP", "EVENT")]
    assert rules(nlp, matchers, "OPEN .")[0] == []
    assert rules(nlp, matchers, "Shares in Acme Widgets Bank rose .")[0] == [(2, "Acme Widgets Bank", "ORG")]
    assert rules(nlp, matchers, "The Bank said .")[0] == []
    assert rules(nlp, matchers, "Norwich City beat Real Madrid .")[0] == [(0, "Norwich City", "ORG"), (3, "Real Madrid", "ORG")]


def test_gazetteer_spans_as_written_and_in_capitals(nlp, matchers):
    doc = nlp.make_doc("Britain and the British team beat Leicestershire in ROMANIA and Europe .")
    expected = [("Britain", "GPE"), ("British", "NORP"), ("Leicestershire", "ORG"), ("ROMANIA", "GPE"), ("Europe", "LOC")]
    assert [(sp.text, sp.label_) for sp in gazetteer_spans(doc, matchers[0], club_label="ORG", honorifics=HONORIFICS)] == expected
    expected[2] = ("Leicestershire", "GPE")
    assert [(sp.text, sp.label_) for sp in gazetteer_spans(doc, matchers[0], club_label="GPE", honorifics=HONORIFICS)] == expected


def test_no_gazetteer_name_right_after_an_honorific(nlp, matchers):
    doc = nlp.make_doc("Mr Welsh met Dr French in Paris , then Miss Wales .")
    assert [(sp.text, sp.label_) for sp in gazetteer_spans(doc, matchers[0], club_label="GPE", honorifics=HONORIFICS)] == [
        ("Paris", "GPE"), ("Wales", "GPE")]


def test_datelines_before_the_agency(nlp, matchers):
    assert rules(nlp, matchers, "VALDORA , Norway ( Reuters ) - The fleet stayed .")[1] == [("VALDORA", "GPE"), ("Norway", "GPE")]
    assert rules(nlp, matchers, "OSLO / BERGEN ( Reuters ) - Talks began .")[1] == [("OSLO", "GPE"), ("BERGEN", "GPE")]
    assert rules(nlp, matchers, "OSLO , Dec 5 ( Reuters ) - Talks began .")[1] == [("OSLO", "GPE")]


def test_laws_end_in_a_law_word_and_a_country_exit_is_an_event(nlp, matchers):
    assert rules(nlp, matchers, "The Coastal Waters Protection Bill stalled over Brexit , said President Bill Voss .")[0] == [
        (1, "Coastal Waters Protection Bill", "LAW"), (7, "Brexit", "EVENT")]
