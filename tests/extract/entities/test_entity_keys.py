"""The cross-article key of an entity, and which keys of a corpus name one real thing."""
from __future__ import annotations

from tasks.extract.entities.keys import canonical_keys, entity_key, slug


def test_a_key_is_the_label_and_a_readable_slug_of_the_name():
    assert entity_key("PERSON", "Jens Stoltenberg") == "PERSON:jens-stoltenberg"
    assert entity_key("PERSON", "José Álvarez-Ruiz") == "PERSON:jose-alvarez-ruiz"
    assert entity_key("PERSON", "Siobhán O'Neill") == "PERSON:siobhan-oneill"
    assert entity_key("PERSON", "Siobhan O’Neill") == "PERSON:siobhan-oneill"
    assert entity_key("ORG", "Bank of England") == "ORG:bank-of-england"
    assert entity_key("ORG", "AT&T Inc.") == "ORG:at-t-inc"
    assert entity_key("GPE", "United Kingdom") == "GPE:united-kingdom"
    assert slug("  Plaza de Mayo  ") == "plaza-de-mayo"


def test_a_surname_joins_the_one_full_name_that_ends_in_it():
    keys = ["PERSON:mara-lindqvist", "PERSON:lindqvist", "GPE:lindqvist"]
    assert canonical_keys(keys) == {"GPE:lindqvist": "GPE:lindqvist", "PERSON:lindqvist": "PERSON:mara-lindqvist",
                                    "PERSON:mara-lindqvist": "PERSON:mara-lindqvist"}


def test_a_surname_shared_by_two_full_names_stays_its_own():
    keys = ["PERSON:mara-lindqvist", "PERSON:erik-lindqvist", "PERSON:lindqvist"]
    assert canonical_keys(keys) == {k: k for k in keys}


def test_a_name_with_and_without_its_middle_name_is_one_candidate():
    keys = ["PERSON:anna-maria-berg", "PERSON:maria-berg", "PERSON:berg"]
    assert canonical_keys(keys) == {"PERSON:anna-maria-berg": "PERSON:anna-maria-berg",
                                    "PERSON:maria-berg": "PERSON:anna-maria-berg", "PERSON:berg": "PERSON:anna-maria-berg"}


def test_only_persons_merge_across_articles():
    keys = ["ORG:harbour", "ORG:north-harbour", "GPE:springfield", "GPE:east-springfield"]
    assert canonical_keys(keys) == {k: k for k in keys}


def test_entity_rows_carry_the_key_of_their_canonical_name(ents_of):
    art, idx = ents_of("Mayor opens bridge\n"
                       "Mayor Mara Lindqvist opened the new bridge in Springfield on Monday. "
                       "Lindqvist said the Springfield Harbour Authority had paid for it.\n")
    ents, mentions = idx.rows(art)
    assert [(r["name"], r["entity_key"]) for r in ents] == [
        ("Mara Lindqvist", "PERSON:mara-lindqvist"), ("Springfield", "GPE:springfield"),
        ("Springfield Harbour Authority", "ORG:springfield-harbour-authority")]
    assert [(r["text"], r["entity_key"]) for r in mentions] == [
        ("Mara Lindqvist", "PERSON:mara-lindqvist"), ("Springfield", "GPE:springfield"), ("Lindqvist", "PERSON:mara-lindqvist"),
        ("Springfield Harbour Authority", "ORG:springfield-harbour-authority")]


def test_a_quote_carries_the_key_of_its_speaker(parse):
    from tasks.extract.entities.index import extract
    from tasks.extract.quotes.extract import extract as extract_quotes

    art, doc = parse("Ferry fares rise\n"
                     "Harbour master Tomas Ekberg defended the new fares on Tuesday.\n"
                     "\"The ferries have to pay for themselves,\" Ekberg said.\n")
    quotes = extract_quotes(art, doc, extract(art, doc))
    assert [(q["text"], q["speaker"], q["entity_key"]) for q in quotes] == [
        ("The ferries have to pay for themselves,", "Tomas Ekberg", "PERSON:tomas-ekberg")]
