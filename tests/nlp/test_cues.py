"""tasks.nlp.cues: what the words around a name say about it."""
from __future__ import annotations

from spacy.tokens import Span

from tasks.nlp.cues import cue_labels
from tasks.nlp.gazetteer import gazetteer


def cued(nlp, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = nlp(text)
    doc.ents = []  # as the model might have left it: nothing tagged but the spans given
    out = cue_labels(doc, [Span(doc, s, e, label=lab) for s, e, lab in spans], gazetteer())
    return sorted((sp.start, sp.text, sp.label_) for sp in out)


def test_a_name_after_an_organisation_noun_is_an_organisation_wherever_it_comes_again(nlp):
    # "The fertiliser maker Norvida said output fell . Norvida shares dropped ."
    assert cued(nlp, "The fertiliser maker Norvida said output fell. Norvida shares dropped.", [(3, 4, "PERSON"), (8, 9, "PERSON")]) == [
        (3, "Norvida", "ORG"), (8, "Norvida", "ORG")]


def test_an_untagged_name_after_an_organisation_noun_becomes_one(nlp):
    assert cued(nlp, "Shares of the shipping carrier Fjordline Cargo rose.", []) == [(5, "Fjordline Cargo", "ORG")]


def test_a_capitals_acronym_taken_for_a_person_is_an_organisation(nlp):
    assert cued(nlp, "Inspectors from NORSA visited the plant.", [(2, 3, "PERSON")]) == [(2, "NORSA", "ORG")]
    assert cued(nlp, "VOSS WINS AGAIN", [(0, 1, "PERSON")]) == [(0, "VOSS", "PERSON")]  # an all-caps headline


def test_a_platform_where_things_are_posted_is_a_product(nlp):
    assert cued(nlp, "She wrote on Twitter that Facebook said no.", [(3, 4, "ORG"), (5, 6, "ORG")]) == [
        (3, "Twitter", "PRODUCT"), (5, "Facebook", "ORG")]
