"""Roles: the titles and descriptions an article gives a person or an organisation, the country
they tie it to, and which entity a description ("the Russian leader") refers to.

Roles come from premodifiers ("Russian President Vladimir Putin" -> "Russian President") and
appositions ("Victoria Nuland, a senior US State Department official" -> "senior US State
Department official"); the role of the entity is the first one holding a title word, else the
first found. Its country is the owner in a possessive ("Russia's Putin"), else the first
country or nationality named in its roles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from tasks.common.datafiles import DataFiles
from tasks.extract.entities.mentions import Mention
from tasks.nlp.entity_cleaning import PERSON_SUFFIX_TITLES
from tasks.nlp.gazetteer import Gazetteer

DATA = DataFiles.beside(__file__)
LEADER_WORDS = frozenset(DATA.lines("entity_leader_words.txt"))  # any of them refers to any other ("leader", "president")
DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your"}
POSSESSIVE_S = {"'s", "’s"}
DASHES = {"-", "–"}
MAX_ROLE_TOKENS = 10


@dataclass
class Roles:
    role: str | None = None  # the role of the entities row
    roles: list[str] = field(default_factory=list)  # every title or description found, in order
    country: str | None = None  # the country they tie the entity to ("Russia")
    nationality: str | None = None  # that country's demonym ("Russian")


def find_roles(doc: Doc, mentions: list[Mention], label: str, gaz: Gazetteer) -> Roles:
    """The roles of a PERSON or ORG entity from its mentions (premodifiers only for a person)."""
    found: list[tuple[str, bool]] = []  # (role, holds a title word)
    country = None
    for m in mentions:
        pre = _premodifier(doc, m.start, m.end, gaz) if label == "PERSON" else None
        for r in (pre, _apposition(doc, m.start, m.end, gaz)):
            if r:
                found.append((r, _has_title_word(r, gaz)))
        country = country or _possessor_country(doc, m, gaz)
    out = Roles(roles=list(dict.fromkeys(r for r, _ in found)))
    titled = [r for r, t in found if t]
    out.role = titled[0] if titled else (found[0][0] if found else None)
    out.country = country or _country_in_roles(out.roles, gaz)
    if out.country:
        out.nationality = gaz.country_demonym.get(out.country)
    return out


def _possessor_country(doc: Doc, m: Mention, gaz: Gazetteer) -> str | None:
    """"Russia's Putin" -> "Russia"."""
    if m.start >= 2 and doc[m.start - 1].text in POSSESSIVE_S:
        return gaz.country_of.get(doc[m.start - 2].text.lower())
    return None


def _country_in_roles(roles: list[str], gaz: Gazetteer) -> str | None:
    """The first country a role names, as a whole or by one of its words (a nationality or a country name)."""
    for r in roles:
        for w in [r] + r.split():
            c = gaz.demonym_country.get(w.lower()) or gaz.country_of.get(w.lower())
            if c:
                return c
    return None


def _has_title_word(role: str, gaz: Gazetteer) -> bool:
    words = {w.lower() for w in role.replace("-", " ").split()} | {w.lower() for w in role.split()}
    return bool(words & gaz.titles)


def is_title_phrase(text: str, gaz: Gazetteer) -> bool:
    """Holds a title or occupation word ('President', 'official', 'guitarists') or a nationality."""
    for w in text.replace("-", " ").split() + text.split():
        low = w.lower().strip(",.'’")
        if low in gaz.titles or low.rstrip("s") in gaz.titles or low in gaz.demonym_country:
            return True
    return False


def _premodifier(doc: Doc, start: int, end: int, gaz: Gazetteer) -> str | None:
    """'Russian President Vladimir Putin' -> 'Russian President'."""
    j = _premodifier_start(doc, start, end)
    while j < start and doc[j].text in DASHES:
        j += 1
    if j >= start:
        return None
    while j < start and doc[j].text in gaz.honorifics:
        j += 1
    k = start
    while k > j and doc[k - 1].text in gaz.honorifics:
        k -= 1  # "artists Sir Peter Blake": "Sir" is no role
    if k <= j:
        return None
    span = doc[j:k]
    if not is_title_phrase(span.text, gaz) or len(span.text) < 3:
        return None
    if all(t.is_upper for t in span if t.is_alpha):
        return None  # an ALL-CAPS headline has no reliable parse
    if not any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ == "" for t in span):
        return None
    return span.text


def _premodifier_start(doc: Doc, start: int, end: int) -> int:
    """First token of the nouns and adjectives before the name that modify it (at most
    MAX_ROLE_TOKENS, within its sentence and line, not another person)."""
    sent_start = doc[start].sent.start
    name_head = doc[start:end].root.head.i  # "his French counterpart Emmanuel Macron": the name is its noun's apposition
    while end < len(doc) and doc[end].text in PERSON_SUFFIX_TITLES:
        end += 1  # "Judge Ann Cole QC", parsed with "QC" as the head of them all
    j = start - 1
    while j >= sent_start and start - j <= MAX_ROLE_TOKENS:
        t = doc[j]
        if t.text in DASHES and not t.whitespace_ and j > sent_start and not doc[j - 1].whitespace_:
            j -= 1
            continue
        if t.pos_ not in {"PROPN", "NOUN", "ADJ"} or t.text in POSSESSIVE_S or "\n" in t.whitespace_ or t.ent_type_ == "PERSON" \
                or (len(t.text) == 1 and t.is_lower):
            break
        if not (j < t.head.i < end) and not (t.ent_type_ in {"NORP", "GPE", "ORG"}) and name_head != j:
            break
        j -= 1
    return j + 1


# title words that also describe an organisation or a team ("the market leader", "the host broadcaster")
TITLES_FOR_BODIES_TOO = frozenset(DATA.lines("entity_titles_for_bodies.txt"))


def person_apposition(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """'G Money, a presenter on the station, ...': a name followed by an apposition headed by a
    person's title word, so a person, whatever the model tagged."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.i > end and c.left_edge.i == end + 1 and c.pos_ == "NOUN" and c.lower_ in gaz.titles
               and c.lower_ not in TITLES_FOR_BODIES_TOO and doc[end + 1].lower_ in ("a", "an", "the") for c in root.children)


def _apposition(doc: Doc, start: int, end: int, gaz: Gazetteer) -> str | None:
    """'Victoria Nuland, a senior US State Department official, ...' -> 'senior US State Department official'."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ != "appos" or child.i <= end:
            continue
        s = child.left_edge.i
        if s != end + 1:
            continue
        while s < child.i and doc[s].lower_ in DETERMINERS:
            s += 1
        e = child.i + 1
        # "head of the IMF": the following of-phrase belongs to the description
        if e < len(doc) and doc[e].lower_ in {"of", "for", "at"} and doc[e].head.i == child.i:
            e = doc[e].right_edge.i + 1
        if e - s > MAX_ROLE_TOKENS or e <= s:
            return None
        if any(t.ent_type_ == "PERSON" for t in doc[s:e]) or not any(t.is_alpha and t.pos_ in {"NOUN", "PROPN"} for t in doc[s:e]):
            return None
        text = doc[s:e].text
        if e + 1 < len(doc) and doc[e].text in {",", "and"} and doc[e + 1].pos_ == "PROPN":
            return None  # a list of names, not an apposition
        if any(c in text for c in "()$£€\"") or not (child.is_lower or is_title_phrase(text, gaz)):
            return None
        if root.ent_type_ == "PERSON" and not is_title_phrase(text, gaz):
            return None
        return text
    return None


@dataclass(frozen=True)
class Description:
    """A description's countries (from nationalities and country names) and other content words, head last."""

    countries: frozenset[str]
    content: tuple[str, ...]


def parse_description(words: str, gaz: Gazetteer) -> Description | None:
    """'the UK defense minister' -> countries {United Kingdom}, content (defense, minister); None without content."""
    toks = [w for w in words.lower().replace("'s", " ").replace("’s", " ").split() if w not in DETERMINERS]
    countries, content = set(), []
    i = 0
    while i < len(toks):
        two = " ".join(toks[i:i + 2])
        if len(toks) > i + 1 and (two in gaz.country_of or two in gaz.demonym_country):
            countries.add(gaz.country_of.get(two) or gaz.demonym_country[two])
            i += 2
            continue
        w = toks[i]
        if w in gaz.country_of or w in gaz.demonym_country:
            countries.add(gaz.country_of.get(w) or gaz.demonym_country[w])
        elif w not in {"of", "for", "and", "in"}:
            content.append(w)
        i += 1
    return Description(frozenset(countries), tuple(content)) if content else None


def description_score(desc: Description, roles: list[str], country: str | None, gaz: Gazetteer) -> int | None:
    """How well an entity with these roles and country fits a description, or None when it does not:
    every country of the description must be the entity's, and the head noun must be a word of its
    roles (2 points; a leader word for a leader word, 1 point), plus a point per other content word."""
    role_words = set()
    for r in roles:
        role_words.update(w.lower() for w in r.replace("-", " ").split())
        role_words.update(w.lower() for w in r.split())
    e_countries = {country} if country else set()
    for w in role_words:
        c = gaz.country_of.get(w) or gaz.demonym_country.get(w)
        if c:
            e_countries.add(c)
    if desc.countries and not desc.countries <= e_countries:
        return None
    head = desc.content[-1]
    if head in role_words:
        score = 2
    elif head in LEADER_WORDS and role_words & LEADER_WORDS:
        score = 1
    else:
        return None
    return score + sum(1 for w in desc.content[:-1] if w in role_words)
