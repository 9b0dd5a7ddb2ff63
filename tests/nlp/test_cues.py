"""tasks.nlp.cues: what the words around a name say about it."""
from __future__ import annotations

from spacy.tokens import Span

from tasks.nlp.cues import cue_labels, lower_case_committees
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


def test_a_name_the_model_already_read_as_an_organisation_after_its_noun_is_one_where_read_as_a_person(nlp):
    # "Danish drugmaker Norvida grew . Norvida said so ."
    assert cued(nlp, "Danish drugmaker Norvida grew. Norvida said so.", [(2, 3, "ORG"), (5, 6, "PERSON")]) == [
        (2, "Norvida", "ORG"), (5, "Norvida", "ORG")]


def test_a_name_after_an_organisation_noun_opening_a_sentence_is_an_organisation(nlp):
    # "Bookmaker Tom Reilly cut the odds . Tom Reilly said so ."
    text = "Bookmaker Tom Reilly cut the odds. Tom Reilly said so."
    assert cued(nlp, text, [(1, 3, "PERSON"), (7, 9, "PERSON")]) == [(1, "Tom Reilly", "ORG"), (7, "Tom Reilly", "ORG")]
    # a noun that is also a job ("Producer Tom Reilly"), and an untagged word after the noun ("Band Aid")
    assert cued(nlp, "Producer Tom Reilly cut the film.", [(1, 3, "PERSON")]) == [(1, "Tom Reilly", "PERSON")]
    assert cued(nlp, "Producer Reilly cut the film.", [(1, 2, "PERSON")]) == [(1, "Reilly", "PERSON")]
    assert cued(nlp, "Band Aid sold well.", []) == []


def test_a_person_s_full_name_after_a_noun_that_is_also_a_job_stays_a_person(nlp):
    # "Record producer Sam Okafor and potash producer Norvida ."
    assert cued(nlp, "Record producer Sam Okafor met potash producer Norvida.", [(2, 4, "PERSON"), (7, 8, "PERSON")]) == [
        (2, "Sam Okafor", "PERSON"), (7, "Norvida", "ORG")]
    # "Fellow broadcaster Sam Okafor joined broadcaster Norvida ."
    assert cued(nlp, "Fellow broadcaster Sam Okafor joined broadcaster Norvida.", [(2, 4, "PERSON"), (6, 7, "PERSON")]) == [
        (2, "Sam Okafor", "PERSON"), (6, "Norvida", "ORG")]
    # "Film - maker Lena Brandt sued car maker Rosso Motors ."
    assert cued(nlp, "Film-maker Lena Brandt sued car maker Rosso Motors.", [(3, 5, "PERSON"), (8, 10, "PERSON")]) == [
        (3, "Lena Brandt", "PERSON"), (8, "Rosso Motors", "ORG")]


def test_a_name_with_an_organisation_noun_in_apposition_is_an_organisation(nlp):
    # "Norvida , the fertiliser group , said ... Tom Reilly , the group 's chairman , ..."
    text = "Norvida, the fertiliser group, said output fell. Tom Reilly, the group's chairman, agreed."
    assert cued(nlp, text, [(0, 1, "PERSON"), (10, 12, "PERSON")]) == [(0, "Norvida", "ORG"), (10, "Tom Reilly", "PERSON")]


def test_an_untagged_name_after_an_organisation_noun_becomes_one(nlp):
    assert cued(nlp, "Shares of the shipping carrier Fjordline Cargo rose.", []) == [(5, "Fjordline Cargo", "ORG")]
    assert cued(nlp, "The pressure group Clean Seas in Norway said so.", []) == []  # the name may go on: no part of it


def test_a_capitals_acronym_taken_for_a_person_is_an_organisation(nlp):
    assert cued(nlp, "Inspectors from NORSA visited the plant.", [(2, 3, "PERSON")]) == [(2, "NORSA", "ORG")]
    assert cued(nlp, "VOSS WINS AGAIN", [(0, 1, "PERSON")]) == [(0, "VOSS", "PERSON")]  # an all-caps headline


def test_a_platform_where_things_are_posted_is_a_product(nlp):
    assert cued(nlp, "She wrote on Twitter that Facebook said no.", [(3, 4, "ORG"), (5, 6, "ORG")]) == [
        (3, "Twitter", "PRODUCT"), (5, "Facebook", "ORG")]


def test_a_one_word_person_heading_a_phrase_after_an_article_is_no_person(nlp):
    text = "The Measure passed. The Harriers won an Award. The Voss plan failed. Mr Measure Okon spoke. A Tamsin, B Lowe played."
    # tokens: The Measure passed . The Harriers won an Award . The Voss plan failed . Mr Measure Okon spoke . A Tamsin , B Lowe
    spans = [(1, 2, "PERSON"), (5, 6, "PERSON"), (8, 9, "PERSON"), (11, 12, "PERSON"), (16, 18, "PERSON"), (21, 22, "PERSON")]
    assert cued(nlp, text, spans) == [
        (1, "Measure", "PERSON"),  # "Measure" is also the given name of a person named in full
        (5, "Harriers", "ORG"),  # plural: a team or a band
        (11, "Voss", "PERSON"),  # a noun follows: a person's name modifying it
        (16, "Measure Okon", "PERSON"),
        (21, "Tamsin", "PERSON"),  # "A" in a team sheet is an initial
    ]


def test_an_initial_and_a_person_s_surname_is_a_person_and_a_full_name_tagged_in_part_is_whole(nlp):
    text = "Guests included L Brandt, the son of singer Hugo Brandt. Later Lyle Brandt spoke with Lyle Brandt."
    # tokens: Guests included L Brandt , the son of singer Hugo Brandt . Later Lyle Brandt spoke with Lyle Brandt .
    assert cued(nlp, text, [(2, 4, "GPE"), (9, 11, "PERSON"), (13, 15, "PERSON"), (18, 19, "PERSON")]) == [
        (2, "L Brandt", "PERSON"), (9, "Hugo Brandt", "PERSON"), (13, "Lyle Brandt", "PERSON"), (17, "Lyle Brandt", "PERSON")]


def test_a_surname_the_model_calls_a_person_after_a_two_word_name_makes_it_a_person(nlp):
    text = "Guests included Noor Falk, the son of Hugo Falk. Noor Falk spoke."
    # tokens: Guests included Noor Falk , the son of Hugo Falk . Noor Falk spoke .
    assert cued(nlp, text, [(2, 4, "PRODUCT"), (8, 10, "PERSON"), (12, 13, "PERSON")]) == [
        (2, "Noor Falk", "PERSON"), (8, "Hugo Falk", "PERSON"), (11, "Noor Falk", "PERSON")]


def test_a_name_after_a_job_only_a_person_holds_is_a_person(nlp):
    # "Harbour captain Fabio Renzetti praised rival Quayside Holdings ."
    assert cued(nlp, "Harbour captain Fabio Renzetti praised rival Quayside Holdings.", [(2, 4, "ORG"), (6, 8, "ORG")]) == [
        (2, "Fabio Renzetti", "PERSON"), (6, "Quayside Holdings", "ORG")]
    # one word after it is too little to tell: "coach Brazil"
    assert cued(nlp, "The team coach Brazil hired left.", [(3, 4, "GPE")]) == [(3, "Brazil", "GPE")]


def test_a_chamber_s_committee_in_lower_case_is_one_body_with_its_name(nlp):
    def joined(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
        doc = nlp(text)
        return [(sp.text, sp.label_) for sp in lower_case_committees(doc, [Span(doc, s, e, label=lab) for s, e, lab in spans])]
    # "Costs rose , the Senate fisheries and farming committee said ."
    assert joined("Costs rose, the Senate fisheries and farming committee said.", [(4, 5, "ORG")]) == [
        ("Senate fisheries and farming committee", "ORG")]
    assert joined("Costs rose, the Senate said in committee.", [(4, 5, "ORG")]) == [("Senate", "ORG")]  # no lower-case run to "committee"
    assert joined("Costs rose, Senate fisheries committee said.", [(3, 4, "ORG")]) == [("Senate", "ORG")]  # no "the"
    # a word in between that is another name already
    assert joined("Costs rose, the Senate fisheries committee said.", [(4, 5, "ORG"), (5, 6, "NORP")]) == [
        ("Senate", "ORG"), ("fisheries", "NORP")]


def test_a_name_that_says_he_or_she_did_something_is_a_person_wherever_it_comes_again(nlp):
    # "Kerrigan admitted he was tired after the final . Kerrigan lost in May ."
    assert cued(nlp, "Kerrigan admitted he was tired after the final. Kerrigan lost in May.", [(0, 1, "ORG"), (9, 10, "GPE")]) == [
        (0, "Kerrigan", "PERSON"), (9, "Kerrigan", "PERSON")]
    assert cued(nlp, "Ostrava said that he had signed for two years.", [(0, 1, "GPE")]) == [(0, "Ostrava", "PERSON")]


def test_a_name_whose_quoted_words_speak_as_one_person_is_a_person(nlp):
    assert cued(nlp, '"I am ready for the final," said Kerrigan.', [(10, 11, "GPE")]) == [(10, "Kerrigan", "PERSON")]
    # a body speaks as "we"; a name inside the quoted words says nothing of who speaks
    assert cued(nlp, 'Kerrigan said: "We are ready for the final."', [(0, 1, "ORG")]) == [(0, "Kerrigan", "ORG")]
    assert cued(nlp, '"Kerrigan said I was ready," the coach said.', [(1, 2, "ORG")]) == [(1, "Kerrigan", "ORG")]
    # another speaker's quoted words in the same sentence
    assert cued(nlp, '"I was shocked," said Ann Cole, as Vantora said it would appeal.', [(7, 9, "PERSON"), (11, 12, "ORG")]) == [
        (7, "Ann Cole", "PERSON"), (11, "Vantora", "ORG")]


def test_a_name_with_an_age_in_apposition_is_a_person(nlp):
    assert cued(nlp, "Kerrigan, 34, won the final.", [(0, 1, "GPE")]) == [(0, "Kerrigan", "PERSON")]
    # a number that is no age: three digits, or a body with a plural name
    assert cued(nlp, "Kerrigan, 340, won the final.", [(0, 1, "GPE")]) == [(0, "Kerrigan", "GPE")]
    assert cued(nlp, "Kerrigan, 34 goals in all, won the final.", [(0, 1, "GPE")]) == [(0, "Kerrigan", "GPE")]
    assert cued(nlp, "The Wolves, 34, won the final.", [(1, 2, "ORG")]) == [(1, "Wolves", "ORG")]


def test_a_name_that_does_something_to_his_or_her_own_thing_is_a_person(nlp):
    assert cued(nlp, "Kerrigan raised her game in the final.", [(0, 1, "ORG")]) == [(0, "Kerrigan", "PERSON")]
    # someone else's: another person, or "him", comes between
    assert cued(nlp, "Vantora paid Tom Reid his fee.", [(0, 1, "ORG"), (2, 4, "PERSON")]) == [
        (0, "Vantora", "ORG"), (2, "Tom Reid", "PERSON")]
    assert cued(nlp, "Vantora paid him his fee.", [(0, 1, "ORG")]) == [(0, "Vantora", "ORG")]


def test_a_body_s_words_about_someone_or_a_he_in_quotation_marks_leave_the_name_as_it_was(nlp):
    # a body's name (its last word a body's head word), a plural, a verb that is no saying or thinking
    assert cued(nlp, "Quayside Holdings said he would leave.", [(0, 2, "ORG")]) == [(0, "Quayside Holdings", "ORG")]
    assert cued(nlp, "The Wolves said he would leave.", [(1, 2, "ORG")]) == [(1, "Wolves", "ORG")]
    assert cued(nlp, "Vantora expects he will return.", [(0, 1, "ORG")]) == [(0, "Vantora", "ORG")]
    # the "he" inside the quoted words, or before the name
    assert cued(nlp, 'Kerrigan said: "he is tired".', [(0, 1, "ORG")]) == [(0, "Kerrigan", "ORG")]
    assert cued(nlp, '"He is tired," Kerrigan said.', [(6, 7, "ORG")]) == [(6, "Kerrigan", "ORG")]
    # a name with an article is no person's; a "he" inside a quotation that began a sentence before
    assert cued(nlp, "Tom Reid left. The Vantora said he would stay.", [(0, 2, "PERSON"), (5, 6, "ORG")]) == [
        (0, "Tom Reid", "PERSON"), (5, "Vantora", "ORG")]
    assert cued(nlp, 'Cole said: "We met them twice. Vantora said he would pay," she added.', [(0, 1, "PERSON"), (9, 10, "ORG")]) == [
        (0, "Cole", "PERSON"), (9, "Vantora", "ORG")]
