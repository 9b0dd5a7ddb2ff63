"""tasks.nlp.capitalised_runs: teams and players in sports tables, people the model missed."""
from __future__ import annotations

import pytest

from spacy.tokens import Doc, Span

from tasks.nlp.capitalised_runs import listed_given_names, scan_runs, unlisted_given_names
from tasks.nlp.fast_pipes import dictionary_words
from tasks.nlp.gazetteer import gazetteer


def runs(nlp, text: str, sport: str | None):
    overrides, fill = scan_runs(nlp.make_doc(text), sport, gazetteer())
    return [(sp.text, sp.label_) for sp in overrides], [(sp.text, sp.label_) for sp in fill]


@pytest.mark.parametrize("text, sport, overrides, fill", [
    ("Division two\nWrexham 2 Walsall 1\nBlackburn Rovers 0 Norwich City 3", "team",
     [("Wrexham", "ORG"), ("Walsall", "ORG"), ("Blackburn Rovers", "ORG"), ("Norwich City", "ORG")], []),
    ("Wrexham 2 Walsall 1", None, [], []),
    ("Ozias Eyles ( Australia ) beat Peter Nicol ( Scotland ) 15-10", "individual",
     [("Ozias Eyles", "PERSON"), ("Peter Nicol", "PERSON")], [("Peter Nicol", "PERSON")]),
    ("Rolf Sorensen ( Denmark ) Rabobank 20:36:54", "individual", [("Rolf Sorensen", "PERSON"), ("Rabobank", "ORG")],
     [("Rolf Sorensen", "PERSON")]),
    ("13 - Japie Mulder , 14 - Joost van der Westhuizen", "team", [], [("Japie Mulder", "PERSON"), ("Joost", "PERSON")]),
    ("LONDON 1996-08-30\nSomerset 83 and 174 , Leicestershire 296 .", "team", [("Somerset", "ORG")], []),
    ("Peter Nicol and Marion Clignet met Ozias Henke on Monday .", None, [], [("Peter Nicol", "PERSON"), ("Marion Clignet", "PERSON")]),
    # a capitalised title or occupation opening the run is not part of the name
    ("Referee Marion Clignet said the kick was fair .", None, [], [("Marion Clignet", "PERSON")]),
    ("Umpire Peter Nicol called the ball out .", None, [], [("Peter Nicol", "PERSON")]),
])
def test_scan_runs(nlp, text, sport, overrides, fill):
    assert runs(nlp, text, sport) == (overrides, fill)


def test_tagged_words_are_no_gap(nlp):
    doc = nlp("Peter Nicol won .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Peter Nicol", "PERSON")]
    assert scan_runs(doc, None, gazetteer()) == ([], [])


def _tagged(nlp, text: str, names: list[tuple[str, int, str]]):
    """The parsed text with only `names` tagged: (word, which occurrence, label)."""
    doc = nlp(text)
    spans = []
    for word, nth, label in names:
        hits = [t.i for t in doc if t.text == word]
        spans.append(Span(doc, hits[nth], hits[nth] + 1, label=label))
    doc.ents = spans
    return doc


@pytest.mark.parametrize("text, names, fill", [
    # the model took the surname alone for an organisation and left the full name untagged
    ("Tennis\nSolenne Brevard won in Oslo on Friday.\nBrevard said she was tired.", [("Brevard", 1, "ORG")],
     [("Solenne Brevard", "PERSON")]),
    # not in the headline, where every word is capitalised
    ("Solenne Brevard Wins\nBrevard said she was tired.", [("Brevard", 1, "ORG")], []),
    # a common word before the name ("Save", "Century") is no given name; nor is a title
    ("Tennis\nFans wore Save Brevard shirts.\nBrevard said she was moved.", [("Brevard", 1, "PERSON")], []),
    ("Army\nThe General Brevard took charge.\nBrevard said little.", [("Brevard", 1, "PERSON")], []),
    # a club's name ("Villa") and a name the model tagged whole elsewhere are left alone
    ("Football\nFans of Halton Villa sang.\nVilla said nothing.", [("Villa", 1, "ORG")], []),
])
def test_a_given_name_before_a_surname_tagged_elsewhere(nlp, text, names, fill):
    doc = _tagged(nlp, text, names)
    assert [(sp.text, sp.label_) for sp in scan_runs(doc, None, gazetteer(), dictionary_words(nlp))[1]] == fill


def test_without_dictionary_words_no_given_name_is_guessed(nlp):
    doc = _tagged(nlp, "Tennis\nSolenne Brevard won in Oslo on Friday.\nBrevard said she was tired.", [("Brevard", 1, "ORG")])
    assert scan_runs(doc, None, gazetteer())[1] == []


def test_a_surname_that_is_a_stop_word_and_a_name_after_a_clause_opener(nlp):
    """"But Marion May insisted": the run opens with a conjunction, and "May" is a stop word the
    tagger read as a proper noun; "The Amber Spyglass" opens with an article: a title."""
    def doc(words, tags, pos):
        return Doc(nlp.vocab, words=words, tags=tags, pos=pos)
    but = doc(["But", "Marion", "May", "insisted", "."], ["CC", "NNP", "NNP", "VBD", "."], ["CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"])
    assert [(sp.text, sp.label_) for sp in scan_runs(but, None, gazetteer())[1]] == [("Marion May", "PERSON")]
    modal = doc(["Marion", "May", "go", "."], ["NNP", "MD", "VB", "."], ["PROPN", "AUX", "VERB", "PUNCT"])
    assert scan_runs(modal, None, gazetteer())[1] == []
    title = doc(["and", "The", "Amber", "Spyglass", "."], ["CC", "DT", "NNP", "NNP", "."], ["CCONJ", "DET", "PROPN", "PROPN", "PUNCT"])
    assert scan_runs(title, None, gazetteer())[1] == []


@pytest.mark.parametrize("text, names, fill", [
    # a name with no listed given name, its job in apposition after the comma
    ("Retail\nSales rose. Tavi Orunmila, deputy chief economist at Grey Fern, said spending would slow.",
     [("Grey", 0, "ORG")], [("Tavi Orunmila", "PERSON")]),
    # not a job that may also stand for a body, and not without the comma
    ("Retail\nSales rose. Tavi Orunmila, rival of Grey Fern, said spending would slow.", [("Grey", 0, "ORG")], []),
    ("Retail\nSales rose as Tavi Orunmila deputy chief economist at Grey Fern said.", [("Grey", 0, "ORG")], []),
    # a title before a given name and a surname the model tagged alone elsewhere
    ("Football\n\nBoss Keiran Dallow felt his side were safe. Dallow said they had played well.", [("Dallow", 1, "ORG")],
     [("Keiran Dallow", "PERSON")]),
    # the surname tagged nowhere, but written after "Mr" (a title only a surname follows) elsewhere
    ("Trade\n\nBoss Jorik Vandelaar blames the weather for the poor harvest. Mr Vandelaar expects better.", [],
     [("Jorik Vandelaar", "PERSON")]),
    # not after a title a given name may follow, nor when "Mr" opens a longer name
    ("Trade\n\nBoss Jorik Vandelaar blames the weather for the poor harvest. Sir Vandelaar expects better.", [], []),
    ("Trade\n\nBoss Jorik Vandelaar blames the weather for the poor harvest. Mr Vandelaar Smit expects better.", [], []),
])
def test_a_name_beside_its_job_or_after_a_title(nlp, text, names, fill):
    doc = _tagged(nlp, text, names)
    assert [(sp.text, sp.label_) for sp in scan_runs(doc, None, gazetteer(), dictionary_words(nlp))[1]] == fill


@pytest.mark.parametrize("text, name, expected", [
    ("Arts row\n\nShani Rhys Jonas is worried that the library may close.", "Rhys Jonas", "Shani Rhys Jonas"),
    # a plural or a follower's word, a title, a team's name, the headline: no given name
    ("Quiz show\n\nContestants Paul Hargreave and Ann Lee arrived on Monday.", "Paul Hargreave", None),
    ("Party row\n\nBlairite Alan Milbank spoke on Monday.", "Alan Milbank", None),
    ("Arts row\n\nCulture Minister Alun Pugh spoke on Monday.", "Alun Pugh", None),
    ("Relay\n\nThe relay was won by Shaftesbury Barnet Harriers on Sunday.", "Barnet Harriers", None),
    ("Shani Rhys Jonas wins\n\nThe painter won on Monday.", "Rhys Jonas", None),
    # before a one-word person
    ("Film awards\n\nThe nominees include Zorielle Vantongeren for Harbour.", "Vantongeren", "Zorielle Vantongeren"),
    ("Radio\n\nThe show is new. Ildri Peters is one of its hosts.", "Peters", "Ildri Peters"),  # a surname like a plural
    # a given name the tagger read as an adjective, opening a sentence
    ("Visas\n\nThey can marry anywhere. Rhian Beddoe of the union said the rules were unfair.", "Beddoe", "Rhian Beddoe"),
    # an inflected dictionary word, a dictionary word, a longer run: no given name
    ("Film\n\nShe stars in Robbing Pask, a comedy.", "Pask", None),
    ("Music\n\nThe award went to Golden Pask on Monday.", "Pask", None),
    # after a title word in title case the run before is the title, so the given name joins (a hyphenated surname is one word)
    ("Politics\n\nThe former Health Secretary Ildri Pask spoke.", "Pask", "Ildri Pask"),
    ("Phones\n\nThe brand is new. Founder Zorielle Haji-Pask has vowed to fight.", "Haji-Pask", "Zorielle Haji-Pask"),
])
def test_an_unlisted_given_name_before_a_one_or_two_word_person_joins_it(nlp, text, name, expected):
    doc = nlp(text)
    start, end = next((t.i, t.i + n) for t in doc for n in (1, 2, 3) if doc[t.i:t.i + n].text == name)
    person = Span(doc, start, end, label="PERSON")
    found = unlisted_given_names(doc, [person], gazetteer(), dictionary_words(nlp))
    assert [sp.text for sp in found] == ([expected] if expected else [])


def test_a_british_short_form_is_a_listed_given_name(nlp):
    doc = nlp("Television\n\nThe host is Cat Dunmore, who joined in May.")
    start = next(t.i for t in doc if t.text == "Dunmore")
    found = listed_given_names(doc, [Span(doc, start, start + 1, label="PERSON")], gazetteer())
    assert [sp.text for sp in found] == ["Cat Dunmore"]


@pytest.mark.parametrize("text, name, expected", [
    ("Rugby\n\nWing Marcel Dubreuil says the side can still win.", "Dubreuil", "Marcel Dubreuil"),
    # a given name that is another person's surname, a place, a title or a people's name; the headline: no join
    ("Senate\n\nSenator Ann Warren spoke. Later Warren Dubreuil said no.", "Dubreuil", None),
    ("Gulf talks\n\nThe envoy met Sheikh Dubreuil on Monday.", "Dubreuil", None),
    ("Travel\n\nThe flight from Milan Dubreuil took was late.", "Dubreuil", None),
    ("Marcel Dubreuil wins\n\nThe wing won on Monday.", "Dubreuil", None),
])
def test_a_listed_given_name_before_a_one_word_person_joins_it(nlp, text, name, expected):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name)
    others = [Span(doc, t.i - 1, t.i + 1, label="PERSON") for t in doc if t.text == "Warren" and doc[t.i - 1].text == "Ann"]
    found = listed_given_names(doc, [*others, Span(doc, start, start + 1, label="PERSON")], gazetteer())
    assert [sp.text for sp in found] == ([expected] if expected else [])
