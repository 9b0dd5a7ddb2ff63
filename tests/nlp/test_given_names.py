"""A person's entity survives a given name that is also a common word or a nationality
(tasks.nlp.entity_cleaning: given_name_first, given_name_norp, surnames_read_as_modals;
data/entity_first_names.txt, data/entity_first_names_census.txt)."""
from __future__ import annotations

import pytest

from tasks.nlp.gazetteer import gazetteer


def people(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, expected", [
    ("Will Carter told the paper that the school would close.", [("Will Carter", "PERSON")]),  # not the modal "Will"
    ("Hope Okafor said the plan was late.", [("Hope Okafor", "PERSON")]),
    ("His friend, Saxon Merrow, agreed with the plan.", [("Saxon Merrow", "PERSON")]),  # not an organisation
    # "German" (Germán, German) is a given name too; before a title it stays a nationality
    ("\"It is a joke,\" said German Arroyo, who leads the new comedy.", [("German Arroyo", "PERSON")]),
    ("German Chancellor Otto Brandtner told reporters the talks went well.", [("German", "NORP"), ("Otto Brandtner", "PERSON")]),
    ("He played with songwriter Sergio Pizzorno in Leicester.", [("Sergio Pizzorno", "PERSON"), ("Leicester", "GPE")]),
    ("Will the council act before May?", [("May", "DATE")]),  # a word that opens a question is still no name
    # a month as a given name or a surname; after a word that takes a month it is the month
    ("Presenter April Okoro said the show would return.", [("April Okoro", "PERSON")]),
    ("The councillor, Joan March, said the vote was close.", [("Joan March", "PERSON")]),
    ("In May Okoro said the vote was close.", [("May", "DATE"), ("Okoro", "PERSON")]),
    ("Rapper Kay-Jay signed with the label.", [("Kay-Jay", "PERSON")]),  # a title before the name is not part of it
    # a lone given name the model took for a body, before an untagged surname
    ("But nurse Francesca Tolliday travelled specially to the fair.", [("Francesca Tolliday", "PERSON")]),
    # a surname that is a month or a modal, read as a modal or left untagged as a subject: the person named before
    ("Pianist Ruth May has toured for years. May said the band was ready.", [("Ruth May", "PERSON"), ("years", "DATE"), ("May", "PERSON")]),
    ("Pianist Ruth May has toured for years. May said: \"The band is ready.\"", [("Ruth May", "PERSON"), ("years", "DATE"), ("May", "PERSON")]),
    # ... or a participle right after it, as the tagger reads "Will wrote" (no modal takes one)
    ("The columnist Harriet Will renewed her feud. Will described the senator as a showman.",
     [("Harriet Will", "PERSON"), ("Will", "PERSON")]),
    # ... or an adverb right before a verb that then has no subject ("Early described it")
    ("The chairman, Rex Early, signed on last week. Early described the vote as \"news to me.\"",
     [("Rex Early", "PERSON"), ("last week", "DATE"), ("Early", "PERSON")]),
    # but not an adverb before a verb of another kind
    ("The chairman, Ann Still, signed on last week. Still remained unclear.",
     [("Ann Still", "PERSON"), ("last week", "DATE")]),
    # but not a participle that describes a noun ("Will embattled leaders survive?": a question)
    ("The columnist Harriet Will renewed her feud. Will embattled leaders survive the vote?", [("Harriet Will", "PERSON")]),
])
def test_given_names_that_are_words(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a given name from the census list opening a name the model did not tag
    ("The actress Dolores Pendry won the award.", [("Dolores Pendry", "PERSON")]),
    # a given name before a place's or a building's head word names the place, not a person
    ("The band played at the Rose Theatre on Friday.", [("Rose Theatre", "FAC"), ("Friday", "DATE")]),
    ("The hospice moved to Martin House in 2001.", [("Martin House", "ORG"), ("2001", "DATE")]),
    ("The fair is held at Grace Pavilion every summer.", [("Grace Pavilion", "ORG"), ("every summer", "DATE")]),
    ("Analysts at Morgan Stanley cut their forecast.", [("Morgan Stanley", "ORG")]),  # a company the gazetteer knows
])
def test_more_given_names_and_the_names_they_open(nlp, text, expected):
    assert people(nlp, text) == expected


def test_census_given_names_leave_out_places_and_non_names():
    gaz = gazetteer()
    assert {"dolores", "taylor", "theresa", "lindsay"} <= gaz.first_names
    assert not {"georgia", "jordan", "junior", "young", "al", "chase"} & gaz.first_names


@pytest.mark.parametrize("text, expected", [
    # a given name, one or two lower-case surname particles and a capitalised word: one person
    # (after the headline, where capitals say nothing)
    ("News\n\nCurator Ingrid ter Molen opened the show.", [("Ingrid ter Molen", "PERSON")]),
    ("News\n\nEconomist Carlos de Arriba said prices would rise.", [("Carlos de Arriba", "PERSON")]),
    ("News\n\nAnalyst Hans van der Pol agreed.", [("Hans van der Pol", "PERSON")]),
    ("News\n\nLater Ms ter Molen thanked the staff.", [("ter Molen", "PERSON")]),  # after an honorific
    # a body named after a person keeps its name; a day after "van" is no surname
    ("News\n\nResearchers at Pablo de Olavide University published the study.", [("Pablo de Olavide University", "ORG")]),
    ("News\n\nThe thieves stole a Mercedes van Tuesday night, police said.", [("Mercedes", "ORG"), ("Tuesday", "DATE"), ("night", "TIME")]),
    # a place's own particle is no surname's
    ("News\n\nThe final is at the Stade de Lyon in Rio de Janeiro.", [("Stade de Lyon", "FAC"), ("Rio de Janeiro", "GPE")]),
])
def test_a_surname_with_particles_stays_whole(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a nationality or place word between a lower-case title and a one-word name is a given name
    ("News\n\nTrade minister Russian Volkov told the paper the talks were over.", [("Russian Volkov", "PERSON")]),
    # a nationality before the title, or a surname with no title before the nationality, is a nationality
    ("News\n\nThe Russian trade minister Volkov agreed.", [("Russian", "NORP"), ("Volkov", "PERSON")]),
    ("News\n\nIn the final he beat rival German Schmidt in straight sets.", [("German", "NORP"), ("Schmidt", "PERSON")]),  # a body's title
    ("News\n\nIn the final Russian Volkov beat Dutchman Ter Horst.", [("Russian", "NORP"), ("Volkov", "PERSON"), ("Dutchman", "NORP"), ("Ter Horst", "PERSON")]),
])
def test_a_nationality_between_a_title_and_a_surname_is_a_given_name(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a known party's or country's name, then a listed given name and a surname: two names
    ("News\n\nFor the Lib Dems Owen Pryce said the plan was late.", [("Lib Dems", "NORP"), ("Owen Pryce", "PERSON")]),
    # a lone given name after a lower-case job, before a one-word name the model took for a body
    ("News\n\nGlass Foxes frontwoman Ana Digitron collected the prize.", [("Ana Digitron", "PERSON")]),
])
def test_a_person_named_after_a_party_or_a_job_keeps_the_whole_name(nlp, text, expected):
    assert people(nlp, text) == expected
