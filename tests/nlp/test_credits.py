"""tasks.nlp.credits: the people of bylines and picture credits."""
from __future__ import annotations

from tasks.nlp.credits import credit_spans
from tasks.nlp.gazetteer import gazetteer


def credits(nlp, text: str) -> list[tuple[str, str]]:
    return [(sp.text, sp.label_) for sp in credit_spans(nlp.make_doc(text), gazetteer())]


def test_every_name_of_a_byline(nlp):
    text = "The fleet stayed in port.\n( Reporting by Ingrid Maelstrom and Tomas Ekberg in Oslo ; Editing by Clara Whitfield )"
    assert credits(nlp, text) == [("Ingrid Maelstrom", "PERSON"), ("Tomas Ekberg", "PERSON"), ("Clara Whitfield", "PERSON")]
    assert credits(nlp, "Additional reporting by Jonas Kvale , Writing by Ellen Voss") == [
        ("Jonas Kvale", "PERSON"), ("Ellen Voss", "PERSON")]


def test_the_people_and_agencies_of_a_picture_credit(nlp):
    assert credits(nlp, "REUTERS / Jonas Kvale / File Photo") == [("REUTERS", "ORG"), ("Jonas Kvale", "PERSON")]
    assert credits(nlp, "Ellen Voss / Pool via REUTERS") == [("Ellen Voss", "PERSON"), ("Pool", "ORG"), ("REUTERS", "ORG")]
    assert credits(nlp, "NTB / Reuters TV / via REUTERS") == [("NTB", "ORG"), ("Reuters TV", "ORG"), ("REUTERS", "ORG")]


def test_ordinary_lines_with_slashes_or_by_are_no_credits(nlp):
    assert credits(nlp, "Prices rose 3 % / year , driven by Oslo Energy demand .") == []
    assert credits(nlp, "OSLO / BERGEN ( Reuters ) - Norway said on Monday it would act .") == []


def test_by_inside_a_sentence_is_no_byline(nlp):
    assert credits(nlp, "The report was written by Home Office Minister Lord Halvorsen and Downing Street staff .") == []
    assert credits(nlp, "( Reporting by Ellen Voss Writing by Jonas Kvale )") == [("Ellen Voss", "PERSON"), ("Jonas Kvale", "PERSON")]
