"""tasks.extract.entities.canonical: the canonical name and label of an entity."""
from __future__ import annotations

from tasks.extract.entities.canonical import canonical_label, canonical_name, country_named, label_votes, majority_label
from tasks.extract.entities.mentions import Mention, MentionGroup
from tasks.nlp.gazetteer import gazetteer


def group(*mentions: tuple[int, int, str, str], **flags) -> MentionGroup:
    return MentionGroup("k", [Mention(*m) for m in mentions], **flags)


def test_country_named():
    gaz = gazetteer()
    assert country_named(Mention(0, 1, "GPE", "Britain"), "britain", gaz) == "United Kingdom"
    assert country_named(Mention(0, 1, "NORP", "UK"), "uk", gaz) == "United Kingdom"
    assert country_named(Mention(0, 1, "PERSON", "Holland"), "holland", gaz) == "Netherlands"
    assert country_named(Mention(0, 1, "NORP", "British"), "british", gaz) is None
    assert country_named(Mention(0, 1, "FAC", "Britain"), "britain", gaz) is None
    assert country_named(Mention(0, 1, "GPE", "Leeds"), "leeds", gaz) is None
    # an abbreviation that is also a word names the country only in capitals: "Us" is a magazine's name
    assert country_named(Mention(0, 1, "GPE", "US"), "us", gaz) == "United States"
    assert country_named(Mention(0, 1, "GPE", "Us"), "us", gaz) is None
    assert country_named(Mention(0, 1, "GPE", "Uk"), "uk", gaz) == "United Kingdom"


def test_votes_weigh_full_names_double():
    mentions = [Mention(0, 2, "PERSON", "Karl Lind"), Mention(5, 6, "GPE", "Lind"), Mention(9, 10, "GPE", "Lind")]
    assert label_votes(mentions) == {"PERSON": 2, "GPE": 2}
    assert majority_label(mentions) == "PERSON"


def test_the_headline_does_not_vote_against_a_full_name_the_body_calls_a_person():
    headline = Mention(0, 2, "ORG", "Ravi Okoro", headline=True)
    body = Mention(9, 11, "PERSON", "Ravi Okoro")
    assert majority_label([headline, body]) == "PERSON"
    assert canonical_label(MentionGroup("ravi okoro", [headline, body])) == "PERSON"
    # a body that names no person leaves the headline its vote ("Zentrix" an organisation in both)
    assert label_votes([Mention(0, 1, "ORG", "Zentrix", headline=True), Mention(6, 7, "GPE", "Zentrix")]) == {"ORG": 1, "GPE": 1}


def test_canonical_label():
    assert canonical_label(group((0, 1, "ORG", "UK"), country="United Kingdom")) == "GPE"
    assert canonical_label(group((0, 1, "GPE", "Lind"), person=True)) == "PERSON"
    assert canonical_label(group((0, 1, "PERSON", "Zentrix"), org=True)) == "ORG"
    assert canonical_label(group((0, 1, "GPE", "Lind"), (3, 4, "PERSON", "Lind"), (6, 7, "PERSON", "Lind"))) == "PERSON"
    assert canonical_label(group((0, 1, "GPE", "Lind"), (3, 4, "PERSON", "Lind"))) == "GPE"  # a tie: the first mention's
    assert canonical_label(group((0, 1, "ORG", "Lind"), (3, 4, "GPE", "Lind"), (5, 7, "PERSON", "Karl Lind"))) == "PERSON"


def test_canonical_name():
    gaz = gazetteer()
    assert canonical_name(group((0, 1, "GPE", "UK"), country="United Kingdom"), gaz) == "United Kingdom"
    assert canonical_name(group((0, 1, "PERSON", "Lind"), (4, 6, "PERSON", "Karl Lind")), gaz) == "Karl Lind"  # most words
    assert canonical_name(group((0, 2, "PERSON", "KARL LIND"), (4, 6, "PERSON", "Karl Lind")), gaz) == "Karl Lind"  # not ALL CAPS
    assert canonical_name(group((0, 2, "ORG", "Acme Co"), (4, 6, "ORG", "Acme Corp")), gaz) == "Acme Corp"  # longest
    assert canonical_name(group((4, 6, "ORG", "Acme Inc"), (0, 2, "ORG", "Acme Ltd")), gaz) == "Acme Ltd"  # first
    assert canonical_name(group((0, 1, "GPE", "BUCHAREST")), gaz) == "Bucharest"  # a known place in Title Case
    assert canonical_name(group((0, 1, "ORG", "NATO")), gaz) == "NATO"
    # named only with an honorific: the name alone, so its key joins the full name across articles
    assert canonical_name(group((0, 2, "PERSON", "Mr Lind")), gaz) == "Lind"
    assert canonical_name(group((0, 2, "PERSON", "Dr Dre")), gaz) == "Dr Dre"  # a stage name keeps its title (data)
    assert canonical_name(group((0, 2, "PERSON", "Dr Lind"), (4, 7, "PERSON", "Dr Karl Lind")), gaz) == "Karl Lind"
