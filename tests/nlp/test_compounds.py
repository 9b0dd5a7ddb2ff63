"""tasks.nlp.compounds: hyphenated compounds built on a name are one NORP (or EVENT) span."""
from __future__ import annotations

from spacy.tokens import Span

from tasks.nlp.compounds import hyphen_compounds
from tasks.nlp.gazetteer import gazetteer


def compounds(nlp, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    out = hyphen_compounds(doc, [Span(doc, s, e, label=lab) for s, e, lab in spans], gazetteer())
    return [(sp.text, sp.label_) for sp in out]


def test_a_name_with_a_lower_case_suffix_is_an_adjective(nlp):
    # tokens: a New York - based lender , a COVID - safe plan
    assert compounds(nlp, "a New York-based lender, a COVID-safe plan", [(1, 3, "GPE"), (8, 9, "EVENT")]) == [
        ("New York-based", "NORP"), ("COVID-safe", "EVENT")]


def test_two_places_joined_by_a_hyphen_are_one_adjective(nlp):
    assert compounds(nlp, "the Norway-Sweden border talks", [(1, 2, "GPE"), (3, 4, "GPE")]) == [("Norway-Sweden", "NORP")]


def test_a_one_token_compound_on_a_known_place(nlp):
    assert compounds(nlp, "the U.S.-led fund", []) == [("U.S.-led", "NORP")]


def test_names_with_hyphens_and_spaced_dashes_stay(nlp):
    # a person's hyphenated given name, a short syllable, and a dash between spaces are no compounds
    assert compounds(nlp, "Park Min-ho met Kim Seo-yeon", [(0, 4, "PERSON"), (5, 9, "PERSON")]) == [
        ("Park Min-ho", "PERSON"), ("Kim Seo-yeon", "PERSON")]
    assert compounds(nlp, "Oslo - based on reports", [(0, 1, "GPE")]) == [("Oslo", "GPE")]
    assert compounds(nlp, "the Aker-in group", [(1, 2, "ORG")]) == [("Aker", "ORG")]


def test_a_person_cut_at_the_hyphen_of_a_double_barrelled_surname_is_whole(nlp):
    # tokens: Ann Cole - Hart met Tom Dale - Ford and Ben Ode ; the Tom Dale - Ode feud
    text = "Ann Cole-Hart met Tom Dale-Ford and Ben Ode; the Tom Dale-Ode feud"
    spans = [(0, 2, "PERSON"), (5, 7, "PERSON"), (10, 12, "PERSON"), (14, 16, "PERSON")]
    assert compounds(nlp, text, spans) == [
        ("Ann Cole-Hart", "PERSON"), ("Tom Dale-Ford", "PERSON"), ("Ben Ode", "PERSON"), ("Tom Dale", "PERSON")]
