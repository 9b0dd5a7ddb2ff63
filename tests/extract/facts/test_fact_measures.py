"""tasks.extract.facts.measures (Pint's registry) and the canonical unit vocabulary of tasks.extract.facts.units."""
from __future__ import annotations

import pytest

from tasks.extract.facts import measures, units


@pytest.mark.parametrize("text,expected", [
    ("km long", ("kilometer", 2, 1)),
    ("kilometres away", ("kilometer", 10, 1)),
    ("miles per hour.", ("mile_per_hour", 14, 2)),
    ("km/h winds", ("kilometer_per_hour", 4, 2)),
    ("metres a second", ("meter_per_second", 15, 2)),
    ("sq ft", ("square_foot", 5, 2)),
    ("km² of forest", ("square_kilometer", 3, 1)),
    ("cubic metres", ("cubic_meter", 12, 2)),
    ("litres per kilometre", ("liter_per_kilometer", 20, 2)),
    ("kilowatt-hours", ("kilowatt_hour", 14, 2)),
    ("degrees Fahrenheit", ("degree_Fahrenheit", 18, 2)),
    ("degrees C", ("degree_Celsius", 9, 2)),
    ("° C", ("degree_Celsius", 3, 1)),
    ("nautical miles", ("nautical_mile", 14, 2)),
    ("MPa", ("megapascal", 3, 1)),
    ("µF", ("microfarad", 2, 1)),
])
def test_read(text, expected):
    got = measures.read(text, 0)
    assert got is not None and (got.unit, got.end, got.words) == expected


@pytest.mark.parametrize("text", ["has", "units", "people", "degrees in", "TVs", "Tim", "he"])
def test_read_refuses_words_that_only_look_like_units(text):
    r = measures.read(text, 0)
    assert r is None or r.unit == "degree"  # "degrees in": the degree alone, never an inch


def test_names_are_cached_and_the_registry_loaded_once():
    assert measures.registry() is measures.registry()
    assert measures.name_of("kilometres") == "kilometer" and measures.name_of("Celsius") == "degree_Celsius"
    assert measures.name_of("m.p.h") == "mile_per_hour"
    assert measures.name_of("atm") == "standard_atmosphere" and measures.name_of("c") is None  # "c" is no unit, nor light


@pytest.mark.parametrize("unit,ok", [
    ("kilometer", True), ("square_foot", True), ("square_kilometer", True), ("mile_per_hour", True),
    ("liter_per_kilometer", True), ("degree_Celsius", True), ("kilometre", False), ("km", False), ("apples", False),
    ("square_apple", False),
])
def test_is_canonical_quantity(unit, ok):
    assert measures.is_canonical(unit) is ok
    assert units.is_canonical("quantity", unit) is ok


def test_time_units():
    assert measures.is_time("year") and measures.is_time("millisecond") and not measures.is_time("meter")
    assert units.is_time_unit("night") and not units.is_time_unit(None)


def test_canonical_units_by_kind():
    money = units.canonical_units("money")
    assert {"USD", "GBP", "GBX", "JPY", "CNY", "AMD", "HRK", "ZAR"} <= money and not any("/" in c for c in money)
    assert units.canonical_units("percent") == {"%", "percentage points", "basis points"}
    assert units.canonical_units("quantity") is None and units.canonical_units("count") is None
    assert units.canonical_units("year") == frozenset()
    assert units.is_canonical("money", "EUR") and not units.is_canonical("money", "euros")
    assert units.is_canonical("count", "soldier") and units.is_canonical("year", None)
    assert units.is_canonical("quantity", "years old")  # a news idiom
    assert not units.is_canonical("year", "year")


def test_every_unit_of_the_data_files_is_canonical():
    lx = units.lex()
    spelled = [*lx.idioms.values(), *lx.idiom_abbr.values(),
               *((s.unit.split("/")[0], s.kind) for g in [*lx.sense_surfaces.values(), *lx.prefix_senses.values()] for s in g.senses)]
    assert [(u, k) for u, k in spelled if not units.is_canonical(k, u)] == []
