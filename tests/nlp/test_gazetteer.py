"""tasks.nlp.gazetteer: what the data files say, loaded once."""
from __future__ import annotations

from tasks.nlp.gazetteer import _Countries, _phrases, gazetteer


def test_loaded_once():
    assert gazetteer() is gazetteer()


def test_countries_aliases_and_demonyms():
    gaz = gazetteer()
    assert [gaz.country_of[k] for k in ("uk", "britain", "united kingdom", "us", "u.s.", "holland", "the netherlands", "netherlands")] == [
        "United Kingdom", "United Kingdom", "United Kingdom", "United States", "United States", "Netherlands", "Netherlands", "Netherlands"]
    assert gaz.demonym_country["british"] == "United Kingdom" and gaz.demonym_country["dutchmen"] == "Netherlands"
    assert gaz.country_demonym["United Kingdom"] == "British" and gaz.country_demonym["Netherlands"] == "Dutch"


def test_phrase_labels_by_source():
    gaz = gazetteer()
    assert [gaz.phrases[s] for s in ("Britain", "UK", "British", "Europe", "Leicestershire")] == ["GPE", "GPE", "NORP", "LOC", "CLUB"]
    assert gaz.places["Europe"] == "LOC" and gaz.places["Leicester"] == "GPE"


def test_word_lists():
    gaz = gazetteer()
    assert gaz.sports_headings["soccer"] is True and gaz.sports_headings["tennis"] is False
    assert "City" in gaz.club_suffixes and "Real" in gaz.club_prefixes and "Real" not in gaz.club_suffixes
    assert {"Mr", "Mrs."} <= gaz.honorifics and "president" in gaz.titles and "September" in gaz.strip_words
    assert "of" in gaz.connectors and "attendance" in gaz.not_names and "mihai" in gaz.first_names
    assert "Bank" in gaz.org_heads and "Street" in gaz.place_heads and "Open" in gaz.event_heads and "Grand Prix" in gaz.event_heads


def test_the_first_source_to_name_a_surface_labels_it():
    countries = _Countries(country_of={}, demonym_country={}, country_demonym={}, phrases={"Georgia": "GPE", "Georgian": "NORP"})
    phrases = _phrases(countries, norp=("Georgia", "Kurds"), places=[("Jersey", "GPE"), ("Alps", "LOC"), ("Jersey", "LOC")],
                       clubs=frozenset({"Jersey", "Rovers Town"}), orgs=frozenset({"Kurds", "Acme", "Zorbex"}),
                       named=(("Zorbex", "EVENT"), ("Alps", "EVENT")))
    assert phrases == {"Georgia": "GPE", "Georgian": "NORP", "Kurds": "NORP", "Jersey": "GPE", "Alps": "LOC", "Rovers Town": "CLUB",
                       "Acme": "ORG", "Zorbex": "EVENT"}


def test_named_diseases_are_events_and_market_indices_products():
    phrases = gazetteer().phrases
    assert (phrases["COVID-19"], phrases["Ebola"], phrases["FTSE 100"], phrases["S&P 500"]) == ("EVENT", "EVENT", "PRODUCT", "PRODUCT")
    assert phrases["Nasdaq"] == "ORG"  # the exchange, not an index


def test_an_acronym_said_as_a_word_is_also_an_organisation_capitalised():
    gaz = gazetteer()
    assert [gaz.phrases.get(s) for s in ("UEFA", "Uefa", "Nasa", "Ira", "IRA")] == ["ORG", "ORG", "ORG", None, "ORG"]
