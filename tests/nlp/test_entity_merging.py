"""tasks.nlp.entity_merging: rule spans merged into the model's, joined group words, bracketed acronyms."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from tasks.nlp.entity_merging import bracketed_acronyms, join_norp, merge, names_joined_by_and, uncovered
from tasks.nlp.gazetteer import gazetteer

TEXT = "Officials in Paris said the Bank of Leeds and BANK OF PARIS ( BOP ) joined Kurdish Iraqi groups ."


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp.make_doc(TEXT)


@pytest.fixture(scope="module")
def model(doc):
    """What the model found: Paris, Bank of Leeds, BANK OF PARIS, Kurdish, Iraqi."""
    return [Span(doc, 2, 3, "GPE"), Span(doc, 5, 8, "ORG"), Span(doc, 9, 12, "ORG"), Span(doc, 16, 17, "NORP"), Span(doc, 17, 18, "NORP")]


def merged(model, rule: Span, sports: bool = False, force: bool = False) -> list[tuple[str, str]]:
    from_model = {(m.start, m.end) for m in model}
    return sorted((sp.text, sp.label_) for sp in merge(model, [rule], gazetteer(), sports, from_model, force=force))


UNTOUCHED = [("Iraqi", "NORP"), ("Kurdish", "NORP")]


def test_same_extent_relabels_but_a_known_place_stays_a_place_outside_sports(doc, model):
    rule = Span(doc, 2, 3, "ORG")
    assert merged(model, rule) == [("BANK OF PARIS", "ORG"), ("Bank of Leeds", "ORG"), *UNTOUCHED, ("Paris", "GPE")]
    assert merged(model, rule, sports=True) == [("BANK OF PARIS", "ORG"), ("Bank of Leeds", "ORG"), *UNTOUCHED, ("Paris", "ORG")]


def test_a_rule_inside_a_longer_model_name_yields_unless_forced_or_in_capitals(doc, model):
    assert merged(model, Span(doc, 7, 8, "GPE")) == [("BANK OF PARIS", "ORG"), ("Bank of Leeds", "ORG"), *UNTOUCHED, ("Paris", "GPE")]
    assert merged(model, Span(doc, 7, 8, "GPE"), force=True) == [("BANK OF PARIS", "ORG"), *UNTOUCHED, ("Leeds", "GPE"), ("Paris", "GPE")]
    assert merged(model, Span(doc, 11, 12, "GPE")) == [("Bank of Leeds", "ORG"), *UNTOUCHED, ("PARIS", "GPE"), ("Paris", "GPE")]


def test_a_crossing_rule_replaces_and_a_new_one_is_added(doc, model):
    assert merged(model, Span(doc, 4, 6, "ORG")) == [("BANK OF PARIS", "ORG"), *UNTOUCHED, ("Paris", "GPE"), ("the Bank", "ORG")]
    assert merged(model, Span(doc, 13, 14, "ORG")) == [
        ("BANK OF PARIS", "ORG"), ("BOP", "ORG"), ("Bank of Leeds", "ORG"), *UNTOUCHED, ("Paris", "GPE")]


def test_two_group_words_in_a_row_are_one_group(model):
    assert [(sp.text, sp.label_) for sp in join_norp(model)] == [
        ("Paris", "GPE"), ("Bank of Leeds", "ORG"), ("BANK OF PARIS", "ORG"), ("Kurdish Iraqi", "NORP")]


def test_the_acronym_in_brackets_after_a_name(doc, model):
    assert [(sp.text, sp.label_) for sp in bracketed_acronyms(doc, model)] == [("BOP", "ORG")]
    assert bracketed_acronyms(doc, model + [Span(doc, 13, 14, "ORG")]) == []  # already named


def test_uncovered(doc, model):
    spans = [Span(doc, 0, 1, "X"), Span(doc, 1, 3, "Y"), Span(doc, 3, 5, "Z")]
    assert [sp.text for sp in uncovered(spans, model)] == ["Officials", "said the"]


def test_a_body_s_name_joined_by_and_is_whole(nlp):
    """"the Harbour and Coastal Workers Union", "the Roads, Rail and Ports Ministry": the words
    before "and" (and commas) belong to the body after a "the"; not a place or a people
    before "and", nor a body by itself, nor words after no "the"."""
    def joined(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
        doc = nlp.make_doc(text)
        return [sp.text for sp in names_joined_by_and(doc, [Span(doc, s, e, label) for s, e, label in spans], gazetteer())]

    assert joined("He wrote to the Harbour and Coastal Workers Union .", [(6, 9, "ORG")]) == ["Harbour and Coastal Workers Union"]
    assert joined("He wrote to the Roads , Rail and Ports Ministry .", [(4, 5, "ORG"), (8, 10, "ORG")]) == [
        "Roads , Rail and Ports Ministry"]
    assert joined("He wrote to the Welsh and Coastal Union .", [(4, 5, "NORP"), (6, 8, "ORG")]) == []
    assert joined("Ann Cole and Coastal Union members met .", [(3, 5, "ORG")]) == []
    # a body news names by one word, or one the article names alone, is a body of its own
    assert joined("He wrote to the Treasury and Foreign Office .", [(4, 5, "ORG"), (6, 8, "ORG")]) == []
    assert joined("The Harbour said so . He wrote to the Harbour and Coastal Union .", [(1, 2, "ORG"), (11, 13, "ORG")]) == []
