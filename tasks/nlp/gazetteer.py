"""The gazetteer: everything the entity rules and the entity index know from the data files.

Countries (canonical short name, aliases, demonyms), other places, group words (NORP), parties'
names, organisations, sports clubs and headings, and the word lists of the name rules (title words,
honorifics, given names, head nouns). Loaded once per process by `gazetteer()`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)


@dataclass(frozen=True)
class Gazetteer:
    """Everything the rules and the entity index know from the data files."""

    country_of: dict[str, str]  # lower-cased country name or alias -> canonical name
    demonym_country: dict[str, str]  # lower-cased demonym -> canonical country
    country_demonym: dict[str, str]  # canonical country -> its first demonym ("Russian")
    norp: frozenset[str]  # lower-cased non-country NORP words
    places: dict[str, str]  # place name -> label (GPE / LOC)
    orgs: frozenset[str]
    clubs: frozenset[str]  # names that are teams in a sports report
    sports_headings: dict[str, bool]  # heading -> team sport
    connectors: frozenset[str]
    not_names: frozenset[str]  # lower-cased
    org_heads: frozenset[str]
    club_prefixes: frozenset[str]
    club_suffixes: frozenset[str]
    first_names: frozenset[str] = frozenset()  # lower case
    name_particles: frozenset[str] = frozenset()  # "den" in "Sandra den Hamer", "de" in "Rodrigo de Rato"
    name_suffixes: frozenset[str] = frozenset()  # generational suffixes ending a full name ("III", "Jr."): no surname
    place_heads: frozenset[str] = frozenset()
    event_heads: tuple[str, ...] = ()
    law_heads: tuple[str, ...] = ()  # "Act", "Treaty", "Programme": last words of the names of laws
    titles: frozenset[str] = frozenset()  # title and occupation words ("President", "official")
    honorifics: frozenset[str] = frozenset()  # "Mr", "Dr.": capitalised words after one are a name
    surname_titles: frozenset[str] = frozenset()  # "mr", "dr": titles before a surname only (lower case, no dot)
    self_report_verbs: frozenset[str] = frozenset()  # "admit": "X admitted he ..." tells X is a person (lemmas)
    first_person: frozenset[str] = frozenset()  # "i", "my": quoted words of one person (lower case)
    strip_words: frozenset[str] = frozenset()  # words that lead a span without being its name ("September")
    facility_heads: dict[str, str] = field(default_factory=dict)  # "Station" -> FAC: last words of places' names
    platforms: frozenset[str] = frozenset()  # "Twitter": a product where things are posted
    org_nouns: frozenset[str] = frozenset()  # "drugmaker": a name after one is an organisation's
    job_org_nouns: frozenset[str] = frozenset()  # the org nouns that are also a person's job ("producer")
    body_titles: frozenset[str] = frozenset()  # the title words that may also stand before a body's name ("rival")
    party_of: dict[str, str] = field(default_factory=dict)  # a party's name or alias, lower case -> its first name ("tories" -> "Conservatives")
    byline_words: frozenset[str] = frozenset()  # "reporting" in "Reporting by A B" (lower case)
    credit_words: frozenset[str] = frozenset()  # "Pool", "via", "File Photo": picture-credit words that name no one
    departments: frozenset[str] = frozenset()  # "defense", "homeland security": a department a title names with "of" (lower case)
    phrases: dict[str, str] = field(default_factory=dict)  # surface -> label, for the phrase matcher


@dataclass
class _Countries:
    country_of: dict[str, str]
    demonym_country: dict[str, str]
    country_demonym: dict[str, str]
    phrases: dict[str, str]  # every name and alias -> GPE, every demonym -> NORP


def _split_cols(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


def _semicolon_list(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(";") if a.strip()]


def _countries() -> _Countries:
    """country_names.txt: `name | aliases | demonyms`; "the X" is also known as "X"."""
    c = _Countries({}, {}, {}, {})
    for line in DATA.lines("country_names.txt"):
        cols = _split_cols(line) + ["", ""]
        name, aliases, demonyms = cols[0], _semicolon_list(cols[1]), _semicolon_list(cols[2])
        for a in [name, *aliases]:
            c.country_of[a.lower()] = name
            if a.lower().startswith("the "):
                c.country_of[a[4:].lower()] = name
            c.phrases[a] = "GPE"
        for d in demonyms:
            c.demonym_country.setdefault(d.lower(), name)
            c.phrases.setdefault(d, "NORP")
        if demonyms:
            c.country_demonym[name] = demonyms[0]
    return c


def _places() -> list[tuple[str, str]]:
    """gazetteer_places.txt: `name | label` (GPE when no label is given), in file order."""
    out = []
    for line in DATA.lines("gazetteer_places.txt"):
        cols = _split_cols(line)
        out.append((cols[0], cols[1] if len(cols) > 1 and cols[1] else "GPE"))
    return out


def _club_affixes() -> tuple[frozenset[str], frozenset[str]]:
    """entity_club_affixes.txt: `prefix WORD` / `suffix WORD` -> (prefixes, suffixes)."""
    prefixes, suffixes = set(), set()
    for line in DATA.lines("entity_club_affixes.txt"):
        kind, _, word = line.partition(" ")
        (prefixes if kind == "prefix" else suffixes).add(word.strip())
    return frozenset(prefixes), frozenset(suffixes)


def _phrases(countries: _Countries, norp: tuple[str, ...], places: list[tuple[str, str]], clubs: frozenset[str],
             orgs: frozenset[str], named: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """Surface -> label for the phrase matcher; the first source that names a surface labels it:
    countries, group words, places, other named things (`named`: diseases as EVENT, market
    indices as PRODUCT), clubs ("CLUB": a team in a team-sports
    report, else a place), organisations."""
    phrases = dict(countries.phrases)
    for source in ([(w, "NORP") for w in norp], places, named, [(c, "CLUB") for c in clubs], [(o, "ORG") for o in orgs]):
        for surface, label in source:
            phrases.setdefault(surface, label)
    return phrases


def _named() -> tuple[tuple[str, str], ...]:
    """Named diseases (EVENT) and market indices (PRODUCT), for the phrase matcher."""
    return (tuple((d, "EVENT") for d in DATA.lines("gazetteer_diseases.txt"))
            + tuple((m, "PRODUCT") for m in DATA.lines("gazetteer_market_indices.txt")))


def _credits(kind: str) -> frozenset[str]:
    """entity_credits.txt: `byline WORD` / `credit WORD` -> the words of that kind."""
    return frozenset(w.strip() for k, _, w in (line.partition(" ") for line in DATA.lines("entity_credits.txt")) if k == kind)


def _party_names() -> dict[str, str]:
    """gazetteer_party_names.txt: `name | aliases` -> every name and alias, lower case, to the name."""
    out: dict[str, str] = {}
    for line in DATA.lines("gazetteer_party_names.txt"):
        cols = _split_cols(line) + [""]
        for a in [cols[0], *_semicolon_list(cols[1])]:
            out[a.lower()] = cols[0]
    return out


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in DATA.lines(name))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    countries = _countries()
    places = _places()
    clubs = frozenset(DATA.lines("gazetteer_sports.txt"))
    org_nouns = [_split_cols(line) for line in DATA.lines("entity_org_nouns.txt")]  # "producer | person"
    titles = [_split_cols(line) for line in DATA.lines("entity_title_words.txt")]  # "rival | body"
    listed = DATA.lines("gazetteer_orgs.txt")
    # an acronym said as a word is written capitalised in British style ("Uefa", "Nasa"): from four letters ("Ira" is a name)
    orgs = frozenset(listed) | frozenset(w.capitalize() for w in listed if w.isalpha() and w.isupper() and len(w) >= 4)
    prefixes, suffixes = _club_affixes()
    headings = [_split_cols(w) for w in DATA.lines("gazetteer_sports_headings.txt")]
    return Gazetteer(
        country_of=countries.country_of, demonym_country=countries.demonym_country,
        country_demonym=countries.country_demonym, norp=_lower_set("gazetteer_norp.txt"),
        places=dict(places), orgs=orgs, clubs=clubs,
        sports_headings={cols[0].lower(): "team" in cols[1:] for cols in headings},
        connectors=frozenset(DATA.lines("entity_name_connectors.txt")),
        not_names=_lower_set("entity_not_names.txt"),
        org_heads=frozenset(DATA.lines("entity_org_heads.txt")),
        club_prefixes=prefixes, club_suffixes=suffixes,
        first_names=frozenset(w.lower() for name in ("entity_first_names.txt", "entity_first_names_census.txt")
                              for line in DATA.lines(name) for w in line.split()),
        name_particles=frozenset(DATA.lines("entity_name_particles.txt")),
        name_suffixes=frozenset(DATA.lines("entity_name_suffixes.txt")),
        place_heads=frozenset(DATA.lines("entity_place_heads.txt")), event_heads=DATA.lines("entity_event_heads.txt"),
        law_heads=DATA.lines("entity_law_heads.txt"),
        titles=frozenset(cols[0] for cols in titles), body_titles=frozenset(cols[0] for cols in titles if "body" in cols[1:]),
        party_of=_party_names(),
        honorifics=frozenset(DATA.lines("entity_honorifics.txt")),
        surname_titles=frozenset(DATA.lines("entity_surname_titles.txt")),
        self_report_verbs=frozenset(DATA.lines("entity_self_report_verbs.txt")),
        first_person=frozenset(DATA.lines("entity_first_person.txt")),
        strip_words=frozenset(DATA.lines("entity_strip_words.txt")),
        byline_words=_credits("byline"), credit_words=_credits("credit"), departments=_lower_set("entity_departments.txt"),
        org_nouns=frozenset(cols[0] for cols in org_nouns), job_org_nouns=frozenset(cols[0] for cols in org_nouns if "person" in cols[1:]),
        platforms=frozenset(DATA.lines("gazetteer_platforms.txt")),
        facility_heads={cols[0]: cols[1] for cols in map(_split_cols, DATA.lines("entity_facility_heads.txt"))},
        phrases=_phrases(countries, DATA.lines("gazetteer_norp.txt"), places, clubs, orgs, _named()),
    )
