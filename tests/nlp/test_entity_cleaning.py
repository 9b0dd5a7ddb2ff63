"""tasks.nlp.entity_cleaning: step 1 of the entity fixer, cleaning one span at a time."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from tasks.nlp.entity_cleaning import clean, initials_before_surnames, looks_like_person, trim_numbers
from tasks.nlp.gazetteer import gazetteer


def cleaned(nlp, text: str, label: str, sports: bool = False) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    return [(sp.text, sp.label_) for sp in clean(Span(doc, 0, len(doc), label=label), gazetteer(), sports)]


@pytest.mark.parametrize("text, label, sports, expected", [
    ("Yorkshire at Headingley", "ORG", False, [("Yorkshire", "ORG"), ("Headingley", "ORG")]),
    ("GERMANY - Bunds", "GPE", False, [("GERMANY", "GPE"), ("Bunds", "GPE")]),
    ("Ata-ur-Rehman", "PERSON", False, [("Ata-ur-Rehman", "PERSON")]),
    ("Harlow fly-half Varga", "ORG", False, [("Harlow", "ORG"), ("Varga", "ORG")]),  # a position kept one token
    ("the Foreign Office 's", "ORG", False, [("Foreign Office", "ORG")]),
    ("September Treasury", "ORG", False, [("Treasury", "ORG")]),
    ("WORLD CUP QUALIFIER", "EVENT", False, [("WORLD CUP", "EVENT")]),
    ("national news agency", "ORG", False, []),
    ("Attendance", "ORG", False, []),
    ("W D L PCT", "ORG", False, []),
])
def test_split_trimmed_or_dropped(nlp, text, label, sports, expected):
    assert cleaned(nlp, text, label, sports) == expected


def test_scores_are_trimmed_in_sports_reports_only(nlp):
    assert cleaned(nlp, "Somerset 83", "ORG", sports=True) == [("Somerset", "ORG")]
    assert cleaned(nlp, "Somerset 83", "ORG", sports=False) == [("Somerset 83", "ORG")]
    assert cleaned(nlp, "Croft 8-0-37-2", "PERSON", sports=True) == [("Croft", "PERSON")]
    assert cleaned(nlp, "Surrey 429-7", "ORG", sports=True) == [("Surrey", "ORG")]
    assert cleaned(nlp, "Euro 96", "EVENT", sports=True) == [("Euro 96", "EVENT")]


def test_person_titles_and_labels(nlp):
    assert cleaned(nlp, "Winger Nitoglia", "PERSON") == [("Nitoglia", "PERSON")]
    assert cleaned(nlp, "Sprinter Walkden", "PERSON") == [("Walkden", "PERSON")]
    assert cleaned(nlp, "Broadcaster Tom Reid", "PERSON") == [("Tom Reid", "PERSON")]
    assert cleaned(nlp, "Farmer Ann Cole", "PERSON") == [("Ann Cole", "PERSON")]  # people in the news by what they do
    assert cleaned(nlp, "Pensioner Tom Reid", "PERSON") == [("Tom Reid", "PERSON")]
    assert cleaned(nlp, "Tom Farmer", "PERSON") == [("Tom Farmer", "PERSON")]  # the same word as a surname stays
    # the courts', police's, forces' and churches' titles, and their abbreviations
    assert cleaned(nlp, "Magistrate Ann Cole", "PERSON") == [("Ann Cole", "PERSON")]
    assert cleaned(nlp, "Rabbi Tom Reid", "PERSON") == [("Tom Reid", "PERSON")]
    assert cleaned(nlp, "Backbencher Tom Reid", "PERSON") == [("Tom Reid", "PERSON")]
    assert cleaned(nlp, "Assemblywoman Ann Cole", "PERSON") == [("Ann Cole", "PERSON")]  # US state and city titles
    assert cleaned(nlp, "Councilman Tom Reid", "PERSON") == [("Tom Reid", "PERSON")]
    assert cleaned(nlp, "Gen Okonjo", "PERSON") == [("Okonjo", "PERSON")]
    assert cleaned(nlp, "Det Insp Ann Cole", "PERSON") == [("Ann Cole", "PERSON")]
    assert cleaned(nlp, "John Constable", "PERSON") == [("John Constable", "PERSON")]  # a surname stays
    assert cleaned(nlp, "Paul Boateng MP", "PERSON") == [("Paul Boateng", "PERSON")]
    # letters after a name make it a person whatever the model's label; alone they name nothing
    assert cleaned(nlp, "Paul Boateng QC", "ORG") == [("Paul Boateng", "PERSON")]
    assert cleaned(nlp, "Harbour Trust QC", "ORG") == [("Harbour Trust QC", "ORG")]
    assert cleaned(nlp, "Nord Stream 2", "PERSON") == [("Nord Stream 2", "ORG")]
    assert cleaned(nlp, "Mihai Tararache", "ORG") == [("Mihai Tararache", "PERSON")]
    assert cleaned(nlp, "T'Vaun Marsh", "ORG") == [("T'Vaun Marsh", "PERSON")]  # a name's apostrophe word
    assert cleaned(nlp, "L'Etoile Verte", "ORG") == [("L'Etoile Verte", "ORG")]  # (not a French article's)
    # an honorific inside the span opens a person's name after a body's
    assert cleaned(nlp, "Harbour Policy Centre Mr Pryce", "ORG") == [("Harbour Policy Centre", "ORG"), ("Mr Pryce", "PERSON")]
    assert cleaned(nlp, "Notre Dame University", "ORG") == [("Notre Dame University", "ORG")]  # no name after it
    assert cleaned(nlp, "Our Lady Queen of Peace", "ORG") == [("Our Lady Queen of Peace", "ORG")]
    assert cleaned(nlp, "Australian Rodney Eyles", "PERSON") == [("Australian", "NORP"), ("Rodney Eyles", "PERSON")]
    assert cleaned(nlp, "Lib Dem Rodney Eyles", "PERSON") == [("Lib Dem", "NORP"), ("Rodney Eyles", "PERSON")]
    # a title written as an acronym is trimmed too, and alone it names no one; a capitalised title
    # alone may be a surname ("King said")
    assert cleaned(nlp, "MEP Rodney Eyles", "PERSON") == [("Rodney Eyles", "PERSON")]
    assert cleaned(nlp, "Green MEPs Rodney Eyles", "PERSON") == [("Rodney Eyles", "PERSON")]  # a title in the plural too
    assert cleaned(nlp, "Veterans Ann Cole", "PERSON") == [("Ann Cole", "PERSON")]
    assert cleaned(nlp, "Congressmen Tom Reid", "PERSON") == [("Tom Reid", "PERSON")]
    assert cleaned(nlp, "Tom Veterans", "PERSON") == [("Tom Veterans", "PERSON")]  # (its last word is the name's)
    assert cleaned(nlp, "Tom Veterans Jr", "PERSON") == [("Tom Veterans Jr", "PERSON")]  # (so is the word before a suffix)
    assert cleaned(nlp, "Ann Veterans-Lowe", "PERSON") == [("Ann Veterans-Lowe", "PERSON")]  # (and one hyphenated into a surname)
    assert cleaned(nlp, "DJ Rodney Eyles", "PERSON") == [("Rodney Eyles", "PERSON")]
    assert cleaned(nlp, "MEP", "ORG") == []
    assert cleaned(nlp, "King", "PERSON") == [("King", "PERSON")]
    # a month ends a person's name when the model says person and no day follows: "Ann May"
    assert cleaned(nlp, "Theodora May", "PERSON") == [("Theodora May", "PERSON")]
    assert cleaned(nlp, "Kyodo December 6", "ORG") == [("Kyodo", "ORG")]


def test_a_name_after_a_title_only_a_person_holds_is_a_person(nlp):
    # the model's body or place that a person's title opens, with a listed given name after it
    assert cleaned(nlp, "Bishop Martin Thornbury", "ORG") == [("Martin Thornbury", "PERSON")]
    assert cleaned(nlp, "Senator Ruth Okafor", "GPE") == [("Ruth Okafor", "PERSON")]
    # a body's name that opens with a title word, a title that may stand before a body, a title
    # inside the name, a stop word or no given name: no person
    assert cleaned(nlp, "Premier League", "ORG") == [("Premier League", "ORG")]
    assert cleaned(nlp, "Solicitor General", "ORG") == [("Solicitor General", "ORG")]
    assert cleaned(nlp, "Champion Hurdle", "EVENT") == [("Champion Hurdle", "EVENT")]
    assert cleaned(nlp, "Doctor Who", "WORK_OF_ART") == [("Doctor Who", "WORK_OF_ART")]
    assert cleaned(nlp, "Governor Ruth Street", "FAC") == [("Governor Ruth Street", "FAC")]
    assert cleaned(nlp, "Bishop Thornbury", "ORG") == [("Bishop Thornbury", "ORG")]
    # the title makes its own piece a person, not the pieces after it
    assert cleaned(nlp, "Senator Ruth Okafor , Texas", "GPE") == [("Ruth Okafor", "PERSON"), ("Texas", "GPE")]


def test_a_department_after_a_title_and_of_is_apart_from_the_name_after_it(nlp):
    """"Secretary of Transport Ruth Okafor" tagged as one name after "of": the department (one
    `entity_departments.txt` lists) is a body, the given name and what follows the person. No
    split without the title and "of", without a listed department or without a listed given name."""
    gaz = gazetteer()
    doc = nlp.make_doc("the Secretary of Transport Ruth Okafor and the heads of Transport Ruth Okafor Fund")
    assert [(sp.text, sp.label_) for sp in clean(Span(doc, 3, 6, label="ORG"), gaz)] == [("Transport", "ORG"), ("Ruth Okafor", "PERSON")]
    assert [(sp.text, sp.label_) for sp in clean(Span(doc, 10, 14, label="ORG"), gaz)] == [("Transport Ruth Okafor Fund", "ORG")]
    doc = nlp.make_doc("the Secretary of Transport Policy Okafor")
    assert [(sp.text, sp.label_) for sp in clean(Span(doc, 3, 6, label="ORG"), gaz)] == [("Transport Policy Okafor", "ORG")]
    doc = nlp.make_doc("the Chairman of Grant Ellis Partners")  # a firm named after people, no department
    assert [(sp.text, sp.label_) for sp in clean(Span(doc, 3, 6, label="ORG"), gaz)] == [("Grant Ellis Partners", "ORG")]


def test_a_person_s_title_alone_after_the_or_in_the_headline_is_no_name(nlp):
    doc = nlp.make_doc("Cardinal warns\nOn Sunday the Cardinal and the Queen met Bishop .")
    gaz = gazetteer()
    assert clean(Span(doc, 0, 1, label="ORG"), gaz) == []  # the headline's "Cardinal"
    assert [sp.text for sp in clean(Span(doc, 0, 1, label="PERSON"), gaz)] == ["Cardinal"]  # read as a person: a surname
    assert clean(Span(doc, 6, 7, label="ORG"), gaz) == []  # "the Cardinal": a description
    assert [sp.text for sp in clean(Span(doc, 9, 10, label="PERSON"), gaz)] == ["Queen"]  # a title that is a name
    assert [sp.text for sp in clean(Span(doc, 11, 12, label="PERSON"), gaz)] == ["Bishop"]  # may be a surname


def test_a_relabelled_piece_relabels_the_pieces_after_it(nlp):
    # (as the fixer has always done: "Berlin" inherits the ORG that "Nord Stream 2" turned into)
    assert cleaned(nlp, "Nord Stream 2 , Berlin", "PERSON") == [("Nord Stream 2", "ORG"), ("Berlin", "ORG")]


def test_trim_numbers(nlp):
    doc = nlp.make_doc("Croft 8-0-37-2 and Surrey 429-7 and Euro 96")
    assert [t.text for t in doc][:8] == ["Croft", "8", "-", "0", "-", "37", "-", "2"]
    assert trim_numbers(doc, 0, 8) == 1
    assert trim_numbers(doc, 9, 13) == 10
    assert trim_numbers(doc, 14, 16) == 16  # one number can be part of the name
    assert trim_numbers(doc, 14, 16, keep_one=False) == 15
    assert trim_numbers(doc, 1, 2) == 2  # never to nothing


@pytest.mark.parametrize("text, expected", [
    ("Mihai Tararache", True), ("Marion Clignet", True), ("Peter Nicol", True),
    ("Mihai", False),  # one word
    ("Paul Street", False),  # a place head
    ("Zebedee Eyles", False),  # not a listed given name
])
def test_looks_like_person(nlp, text, expected):
    doc = nlp.make_doc(text)
    assert looks_like_person(doc, 0, len(doc), gazetteer()) is expected


@pytest.mark.parametrize("text, label, expected", [
    ("Halvor Station", "ORG", [("Halvor Station", "FAC")]),
    ("Orrin County", "ORG", [("Orrin County", "GPE")]),
    ("Norway 's Skarvik ASA", "ORG", [("Norway", "ORG"), ("Skarvik ASA", "ORG")]),
    ("Queen 's Park", "ORG", [("Queen 's Park", "ORG")]),
    # a body's possessive before a given name and a surname: the body, then its person
    ("Harlow 's Tom Reid", "ORG", [("Harlow", "ORG"), ("Tom Reid", "PERSON")]),
    ("Quillfeed 's Ann Marie Cole", "WORK_OF_ART", [("Quillfeed", "WORK_OF_ART"), ("Ann Marie Cole", "PERSON")]),
    ("Harlow 's Tom", "ORG", [("Harlow 's Tom", "ORG")]),  # one word after it: no surname
    ("Harlow 's Tom Reid Trust", "ORG", [("Harlow 's Tom Reid Trust", "ORG")]),  # a body's head word ends it
    ("New Year 's Eve Ball", "EVENT", [("New Year 's Eve Ball", "EVENT")]),  # an event's name, not a body's
    ("Kyodo December 6", "ORG", [("Kyodo", "ORG")]),
])
def test_places_by_their_last_word_possessives_of_places_and_dates_after_names(nlp, text, label, expected):
    assert cleaned(nlp, text, label) == expected


def test_a_word_that_only_opens_the_sentence_is_not_part_of_the_name(nlp):
    doc = nlp("Former Oslo Mayor Ellen Voss objected.")
    assert [(sp.text, sp.label_) for sp in clean(Span(doc, 0, 2, label="ORG"), gazetteer())] == [("Oslo", "ORG")]


def test_an_organisation_noun_opening_a_sentence_before_a_name_given_alone_elsewhere_is_no_part_of_it(nlp):
    gaz = gazetteer()
    doc = nlp("Bookmaker Tom Reilly cut the odds. Tom Reilly said so.")
    assert [sp.text for sp in clean(Span(doc, 0, 3, label="PERSON"), gaz)] == ["Tom Reilly"]
    doc = nlp("Bookmaker Tom Reilly cut the odds. The firm said so.")  # never named without it: kept
    assert [sp.text for sp in clean(Span(doc, 0, 3, label="PERSON"), gaz)] == ["Bookmaker Tom Reilly"]
    doc = nlp("Group Norvida cut jobs. Norvida said so.")  # a word that opens names ("Group", "Bank")
    assert [sp.text for sp in clean(Span(doc, 0, 2, label="ORG"), gaz)] == ["Group Norvida"]
    doc = nlp("Carrier Norvik Air cut fares. Norvik Airways said so.")  # the rest only inside a longer word
    assert [sp.text for sp in clean(Span(doc, 0, 3, label="ORG"), gaz)] == ["Carrier Norvik Air"]


def test_a_title_after_a_group_s_or_party_s_name_only_is_no_name(nlp):
    doc = nlp.make_doc("The Roman Catholic Archbishop met the Labour MP and Tom Bishop .")
    gaz = gazetteer()
    assert clean(Span(doc, 1, 4, label="PERSON"), gaz) == []
    assert clean(Span(doc, 6, 8, label="ORG"), gaz) == []
    assert [sp.text for sp in clean(Span(doc, 9, 11, label="PERSON"), gaz)] == ["Tom Bishop"]
    doc = nlp.make_doc("He met Christian Bishop .")  # a listed given name before a surname that is a title
    assert [sp.text for sp in clean(Span(doc, 2, 4, label="PERSON"), gaz)] == ["Christian Bishop"]


def test_an_initial_without_a_dot_before_a_one_word_person_is_part_of_the_name(nlp):
    doc = nlp.make_doc("Bench: K Fairweather, L Brannock (Bath). A Penhallow spokesman said I Penhallow is fine.")
    person = lambda i: Span(doc, i, i + 1, label="PERSON")  # noqa: E731 (the model's one-word person spans)
    ents = [person(3), person(6), person(12), person(16)]  # Fairweather, Brannock, Penhallow, Penhallow
    assert [(sp.text, sp.label_) for sp in initials_before_surnames(doc, ents)] == \
        [("K Fairweather", "PERSON"), ("L Brannock", "PERSON")]  # "A" and "I" are words
    doc3 = nlp.make_doc("The winner was J McDonald.")  # a surname with a capital inside it
    assert [sp.text for sp in initials_before_surnames(doc3, [Span(doc3, 4, 5, label="PERSON")])] == ["J McDonald"]
    doc2 = nlp.make_doc("Mark K Fairweather won.")  # after a capitalised word: a longer name, not an initial
    assert initials_before_surnames(doc2, [Span(doc2, 2, 3, label="PERSON")]) == []
    letter = Span(doc, 5, 6, label="ORG")  # a letter that is an entity of its own stays one
    assert [sp.text for sp in initials_before_surnames(doc, [person(3), letter, person(6)])] == ["K Fairweather"]
