"""tasks.nlp.capitalised_runs: teams and players in sports tables, people the model missed."""
from __future__ import annotations

import pytest

from tasks.nlp.capitalised_runs import scan_runs
from tasks.nlp.gazetteer import gazetteer


def runs(nlp, text: str, sport: str | None):
    overrides, fill = scan_runs(nlp.make_doc(text), sport, gazetteer())
    return [(sp.text, sp.label_) for sp in overrides], [(sp.text, sp.label_) for sp in fill]


@pytest.mark.parametrize("text, sport, overrides, fill", [
    ("Division two\nWrexham 2 Walsall 1\nBlackburn Rovers 0 Norwich City 3", "team",
     [("Wrexham", "ORG"), ("Walsall", "ORG"), ("Blackburn Rovers", "ORG"), ("Norwich City", "ORG")], []),
    ("Wrexham 2 Walsall 1", None, [], []),
    ("Rodney Eyles ( Australia ) beat Peter Nicol ( Scotland ) 15-10", "individual",
     [("Rodney Eyles", "PERSON"), ("Peter Nicol", "PERSON")], [("Peter Nicol", "PERSON")]),
    ("Rolf Sorensen ( Denmark ) Rabobank 20:36:54", "individual", [("Rolf Sorensen", "PERSON"), ("Rabobank", "ORG")],
     [("Rolf Sorensen", "PERSON")]),
    ("13 - Japie Mulder , 14 - Joost van der Westhuizen", "team", [], [("Japie Mulder", "PERSON"), ("Joost", "PERSON")]),
    ("LONDON 1996-08-30\nSomerset 83 and 174 , Leicestershire 296 .", "team", [("Somerset", "ORG")], []),
    ("Peter Nicol and Marion Clignet met Nolan Henke on Monday .", None, [], [("Peter Nicol", "PERSON"), ("Marion Clignet", "PERSON")]),
])
def test_scan_runs(nlp, text, sport, overrides, fill):
    assert runs(nlp, text, sport) == (overrides, fill)


def test_tagged_words_are_no_gap(nlp):
    doc = nlp("Peter Nicol won .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Peter Nicol", "PERSON")]
    assert scan_runs(doc, None, gazetteer()) == ([], [])
