"""tasks.extract.entities.roles: titles and descriptions, an entity's country, descriptions -> entities."""
from __future__ import annotations

import pytest

from tasks.extract.entities.index import extract
from tasks.extract.entities.roles import Description, description_score, is_title_phrase, parse_description
from tasks.nlp.gazetteer import gazetteer


def test_seed_roles_and_descriptions(seed):
    art, doc = seed
    idx = extract(art, doc)
    roles = {e.name: e.role for e in idx.entities if e.label == "PERSON"}
    assert roles["Vladimir Putin"] == "Russian President"
    assert roles["Emmanuel Macron"] == "French President"
    assert roles["Jens Stoltenberg"] == "NATO Secretary-General"
    assert roles["Andrzej Duda"] == "Polish President"
    assert roles["Ben Wallace"] == "British Defense Minister"
    assert roles["Victoria Nuland"] == "senior US State Department official"
    assert roles["Annalena Baerbock"] == "German Foreign Minister"
    pos = art.text.index("the Russian leader added")
    assert idx.by_description("the Russian leader", before=pos).name == "Vladimir Putin"
    pos = art.text.index("The UK defense minister")
    assert idx.by_description("The UK defense minister", before=pos).name == "Ben Wallace"
    assert idx.by_description("the German chancellor") is None


def test_premodifier_role_and_its_nationality(ents_of):
    art, idx = ents_of("Chilean Finance Minister Ana Torres met Peruvian Trade Minister Luis Vega in Lima .\n"
                       "Torres said the talks went well . Vega agreed .")
    vega = idx.by_name("Vega")
    assert (vega.name, vega.role, vega.roles, vega.country, vega.nationality) == (
        "Luis Vega", "Peruvian Trade Minister", ["Peruvian Trade Minister"], "Peru", "Peruvian")


def test_a_role_before_a_name_with_letters_after_it(ents_of):
    """"Judge Ann Cole QC": the parse hangs the role on "QC", which is still the name's."""
    art, idx = ents_of("The court sat late .\nJudge Ann Cole QC made her remarks as she sentenced two men .")
    assert idx.by_name("Ann Cole").role == "Judge"


def test_apposition_roles(ents_of):
    art, idx = ents_of("Sofia Berg, a Swedish diplomat, met Karl Lind, head of the Nordic Council, in Oslo.")
    assert {e.name: (e.role, e.country, e.nationality) for e in idx.entities if e.label == "PERSON"} == {
        "Sofia Berg": ("Swedish diplomat", "Sweden", "Swedish"),
        "Karl Lind": ("head of the Nordic Council", None, None),
    }


def test_possessive_country(ents_of):
    art, idx = ents_of("Norway's Larsen said the deal was done. Larsen flew home.")
    larsen = idx.by_name("Larsen")
    assert (larsen.role, larsen.roles, larsen.country, larsen.nationality) == (None, [], "Norway", "Norwegian")
    assert idx.by_description("the Norwegian") is None  # a nationality alone names no one


@pytest.mark.parametrize("words, expected", [
    ("the UK defense minister", Description(frozenset({"United Kingdom"}), ("defense", "minister"))),
    ("The New Zealand captain's", Description(frozenset({"New Zealand"}), ("captain",))),
    ("the head of the Dutch team", Description(frozenset({"Netherlands"}), ("head", "team"))),
    ("his", None),
    ("the Russian", None),
])
def test_parse_description(words, expected):
    assert parse_description(words, gazetteer()) == expected


def test_description_score():
    gaz = gazetteer()
    minister = parse_description("the British defence minister", gaz)
    assert description_score(minister, ["British Defence Minister"], None, gaz) == 3
    assert description_score(minister, ["Defence Minister"], "United Kingdom", gaz) == 3
    assert description_score(minister, ["Defence Minister"], None, gaz) is None  # the country must be the entity's
    assert description_score(minister, ["British envoy"], None, gaz) is None  # the head noun must be a role word
    leader = parse_description("the leader", gaz)
    assert description_score(leader, ["President"], None, gaz) == 1  # a leader word for a leader word


@pytest.mark.parametrize("text, expected", [
    ("senior official", True), ("Swedish", True), ("guitarists", True), ("Sydney-based analyst", True), ("head", True),
    ("the man", False), ("Mr.", False),
])
def test_is_title_phrase(text, expected):
    assert is_title_phrase(text, gazetteer()) is expected
