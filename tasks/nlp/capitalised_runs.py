"""Step 3 of the entity fixer: one pass over the runs of capitalised words.

It finds spans that override the model in sports tables (teams in 'Wrexham 2 Walsall 1',
'Ssangbangwool 59 2 49 .545', the team after a rider's country in 'Rolf Sorensen ( Denmark )
Rabobank 20:36:54', players in 'Rodney Eyles ( Australia ) beat ...'; countries stay places,
being national teams) and spans that only fill gaps the model left: a given name and a
surname ('Nolan Henke'; after a clause opener too, 'But Marion May', the surname a stop word when
tagged a proper noun), a player after his shirt number ('13 - Japie Mulder'), an unlisted given name
before a surname the model tagged alone elsewhere ('Amelie Mauresmo' beside 'Mauresmo'), a name
whose apposition is a job ('Parul Jain, deputy chief economist at ...').
"""
from __future__ import annotations

import calendar
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from tasks.nlp.entity_cleaning import NAME_TITLES, NUMERIC_TOKEN, headline_end, looks_like_person, person_title, shaped_like_a_name
from tasks.nlp.gazetteer import Gazetteer

TEMPORAL = {"DATE", "TIME"}
MAX_RUN = 5  # tokens
FOLLOWER_SUFFIXES = ("ite", "ites", "ist", "ists")  # "Blairite", "Thatcherist": a follower, not a given name
CLAUSE_OPENERS = ("CCONJ", "SCONJ", "ADV")  # "But", "When", "Meanwhile" before a name in a run ("The" opens a title)
GIVEN_NAME_POS = ("PROPN", "NOUN", "ADJ")  # how the tagger reads a given name it does not know ("Rhian": ADJ)


def scan_runs(doc: Doc, sport: str | None, gaz: Gazetteer, words: frozenset[str] = frozenset()) -> tuple[list[Span], list[Span]]:
    """(spans that override the model, spans that only fill gaps); `sport` is the kind of sports
    report (`tasks.nlp.sports.sports_report`), None for any other text; `words`, the model's
    dictionary words (`fast_pipes.dictionary_words`), lets an unlisted given name be found."""
    out: list[Span] = []
    fill: list[Span] = []
    n = len(doc)
    i = 0
    line_start = True
    surnames = _single_names(doc, gaz)
    headline = True  # the first line: title case there is no sign of a name
    while i < n:
        tok = doc[i]
        if tok.is_space or "\n" in tok.text:
            line_start = True
            headline = False
            i += 1
            continue
        if not (tok.text[:1].isupper() and (tok.is_alpha or "'" in tok.text or tok.text.endswith("."))):
            line_start = False
            i += 1
            continue
        j = _run_end(doc, i)
        prev = doc[i - 1] if i > 0 and not line_start else None
        person = _untagged_person(doc, i, j, prev, sport, gaz)
        if person is None and j - i >= 3 and ((doc[i].lower_ in gaz.titles and doc[i].lower_ not in NAME_TITLES)
                                              or (doc[i].lower_ in STOP_WORDS and doc[i].pos_ in CLAUSE_OPENERS)):
            person = _untagged_person(doc, i + 1, j, doc[i], sport, gaz)  # "Referee Graham Poll said", "But Ann Cole said"
        if person is None and not headline and _named_by_role(doc, i, j, gaz):
            person = Span(doc, i, j, label="PERSON")
        if person is None and words and not headline and _given_name_before_surname(doc, i, j, surnames, gaz, words):
            person = Span(doc, i, j, label="PERSON")
        if person is None and words and not headline and j - i == 3 and doc[i].lower_ in gaz.titles \
                and doc[i].lower_ not in NAME_TITLES and _given_name_before_surname(doc, i + 1, j, surnames, gaz, words):
            person = Span(doc, i + 1, j, label="PERSON")  # "Boss Graeme Souness felt ..." / "Souness said"
        if person is not None:
            fill.append(person)
        if sport:
            table_span = _sports_table_name(doc, i, j, prev, sport == "team", gaz)
            if table_span is not None:
                out.append(table_span)
        line_start = False
        i = j
    return out, fill


def unlisted_given_names(doc: Doc, ents: list[Span], gaz: Gazetteer, words: frozenset[str]) -> list[Span]:
    """'Shani Rhys James' with only 'Rhys James' tagged, 'Huw Ellis' with only 'Ellis': a one- or
    two-word person after one untagged proper noun that is no dictionary word, plural or -ing
    form of one ("Contestants", "Robbing"; unless a listed given name), stop word, title,
    honorific, nationality, group, follower ("Blairite"), place or body, and that no capitalised
    word comes right before (a run longer than a name is not told apart) but a title ("Founder
    Zorielle Haji-Pask", a hyphenated surname counting as one word), is one person of one
    word more. Not in the headline, nor before a team's name ("Barnet Harriers")."""
    if not words:
        return []
    out = []
    for sp, p in [*_words_before_people(doc, ents, 1), *_words_before_people(doc, ents, 2)]:
        if len(p.text) < 3:
            continue
        before = doc[p.i - 1]
        if not p.is_sent_start and before.text[:1].isupper() and (before.is_alpha or before.text.endswith(".")) \
                and before.lower_ not in gaz.titles:
            continue  # "Dr. Ann Lee", "Real Madrid Ronaldo": a longer run ("Founder Ann Lee": a title before the name)
        low = p.lower_
        if (len(sp) > 1 and _plural_word(sp[-1].lower_, words)) or sp[-1].text in gaz.club_suffixes \
                or (low.endswith(FOLLOWER_SUFFIXES) and low not in gaz.first_names):
            continue  # "Barnet Harriers", "Blairite Alan Milburn"
        if ((low in words or _plural_word(low, words) or _inflected_word(low, words)) and low not in gaz.first_names) or low in STOP_WORDS \
                or low in gaz.not_names or _known_otherwise(p, gaz):
            continue
        out.append(Span(doc, p.i, sp.end, label="PERSON"))
    return out


def listed_given_names(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """"Wing Christophe Dominici" with only "Dominici" tagged: an untagged listed given name (in
    title case, read as a proper noun, or as a noun or an adjective: `_words_before_people`) right
    before a one-word person is one person of two words. Not in the
    headline; not a word the gazetteer knows as a title, honorific, nationality, place or body, nor
    the surname of another person in the article ("Warren" beside "Elizabeth Warren")."""
    surnames = {sp[-1].text for sp in ents if sp.label_ == "PERSON" and len(sp) > 1}
    return [Span(doc, p.i, sp.end, label="PERSON") for sp, p in _words_before_people(doc, ents, 1)
            if p.lower_ in gaz.first_names and p.text not in surnames and not _known_otherwise(p, gaz)]


MAX_PARTICLES = 2  # "van der" in "Dick van der Berg"
NOT_A_SURNAME = ("GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "DATE", "TIME")  # labels of words no particle name holds
CALENDAR_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:]])  # "a Mercedes van Tuesday night": no surname


def particle_surnames(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """"Sandra den Hamer" (the model: "Sandra" a person, "Hamer" an organisation), "Rodrigo de
    Rato" (an organisation): a given name, listed or the last word of a person the model tagged,
    or an honorific ("Ms den Hamer"), then one or two lower-case surname particles (`den`, `de`,
    `van der`), then a word in title case, is one person, from the person's first word (or the
    word after the honorific). Not in the headline; not when the given name is part of a place,
    a people, a facility or a date ("Stade de France", "Rio de Janeiro"), nor in the name of a body
    or place named after a person ("Pablo de Olavide University", "the Jan van Eyck Academy").
    New spans only: the caller drops the ones they cross."""
    person_of = {i: sp for sp in ents if sp.label_ == "PERSON" for i in range(sp.start, sp.end)}
    other = {i for sp in ents if sp.label_ in NOT_A_SURNAME for i in range(sp.start, sp.end)}
    longer = [(sp.start, sp.end) for sp in ents if sp.label_ != "PERSON"]
    heads = gaz.org_heads | set(gaz.facility_heads) | gaz.place_heads
    out = []
    for i in range(headline_end(doc) + 1, len(doc) - 2):
        t = doc[i]
        if not (t.is_title and t.is_alpha) or i in other:
            continue
        k = i + 1
        while k < len(doc) and k - i <= MAX_PARTICLES and doc[k].text in gaz.name_particles:
            k += 1
        if k == i + 1 or k >= len(doc) or not (doc[k].is_title and doc[k].is_alpha) or k in other or doc[k].text in CALENDAR_WORDS:
            continue
        if k in person_of and person_of[k] is person_of.get(i):
            continue  # the model's person has the particles already ("Nick Van den Brul")
        if (k + 1 < len(doc) and doc[k + 1].text in heads) or any(s <= i and e > k + 1 for s, e in longer):
            continue  # a body or a place named after a person ("Pablo de Olavide University")
        if t.text in gaz.honorifics or t.text.rstrip(".") in gaz.honorifics:
            out.append(Span(doc, i + 1, k + 1, label="PERSON"))
        elif i in person_of and person_of[i].end == i + 1:
            out.append(Span(doc, person_of[i].start, k + 1, label="PERSON"))
        elif t.lower_ in gaz.first_names:
            out.append(Span(doc, i, k + 1, label="PERSON"))
    return out


GIVEN_NAME_ALSO_PLACE = ("NORP", "GPE")  # "Economy minister German Gref": a nationality or place word that is a given name


def given_names_read_as_places(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """"Economy minister German Gref told ...": a one-word nationality or place span between a title
    only a person holds (`person_title`: not "rival German Schmidt") and a one-word person is the
    person's given name (a writer puts a nationality before
    the title, "German economy minister Gref", and never between a title and a surname): the
    person from that word (new spans only: the caller drops the ones they cross). Not in the
    headline; not a title's own place ("Chelsea manager Mourinho")."""
    one_word = {sp.start: sp for sp in ents if sp.label_ in GIVEN_NAME_ALSO_PLACE and len(sp) == 1}
    out = []
    for sp in ents:
        k = sp.start - 1
        if sp.label_ != "PERSON" or _name_words(sp) != 1 or k - 1 <= headline_end(doc) or k not in one_word:
            continue
        if person_title(doc[k - 1], gaz) and doc[k].is_title:
            out.append(Span(doc, k, sp.end, label="PERSON"))
    return out


def _words_before_people(doc: Doc, ents: list[Span], length: int) -> Iterator[tuple[Span, Token]]:
    """(person, word) for each person of `length` words among `ents` after the headline whose word
    right before is an untagged word in title case the tagger read as a proper noun, or, before a
    one-word person, as a noun or an adjective ("Rhian Beynon of the JCWI said" opening a
    sentence): a given name the model may have left out. (The callers ask more of it: a listed
    given name, or no dictionary word.)"""
    covered = {i for sp in ents for i in range(sp.start, sp.end)}
    first_line = headline_end(doc)
    for sp in ents:
        k = sp.start - 1
        if sp.label_ != "PERSON" or _name_words(sp) != length or k <= first_line or k in covered:
            continue
        p = doc[k]
        if (p.pos_ == "PROPN" or (length == 1 and p.pos_ in GIVEN_NAME_POS)) and p.is_title and p.is_alpha:
            yield sp, p  # (before a full name, a word read as a noun is a description: "Corkman Ann Cole")


def _name_words(sp: Span) -> int:
    """How many words a name has: a hyphenated one ("Haji-Ioannou", three tokens) is one."""
    return len(sp) - 2 * sum(1 for t in sp[1:-1] if t.text == "-" and not t.whitespace_ and not t.nbor(-1).whitespace_)


def _known_otherwise(p: Token, gaz: Gazetteer) -> bool:
    """A word the gazetteer knows as a title, honorific, nationality, country, group, place or body:
    no given name."""
    low = p.lower_
    return low in gaz.titles or p.text in gaz.honorifics or low in gaz.demonym_country or low in gaz.norp \
        or low in gaz.country_of or p.text in gaz.places or p.text in gaz.orgs


def _plural_word(low: str, words: frozenset[str]) -> bool:
    """'contestants', 'families', 'harriers': the plural of a dictionary word."""
    return low.endswith("s") and (low[:-1] in words or (low.endswith("ies") and low[:-3] + "y" in words))


def _inflected_word(low: str, words: frozenset[str]) -> bool:
    """'robbing', 'hoping', 'stopping': a dictionary word's -ing form (the index holds lemmas). Not
    -ed, which given names end in too ("Hamed", "Jarred")."""
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    return stem in words or stem + "e" in words or (stem[-1] == stem[-2] and stem[:-1] in words)


def _single_names(doc: Doc, gaz: Gazetteer) -> frozenset[str]:
    """The one-word names the model tagged as a person or an organisation (it often takes a lone
    surname for an organisation: "Mauresmo said"), the longer names it tagged as anything else,
    and a lone capitalised word after a title written only before a surname ("Mr Addink", which
    the model may leave untagged: `entity_surname_titles.txt`)."""
    n = len(doc)
    after_title = frozenset(doc[k + 1].text for k in range(n - 1)
                            if doc[k].lower_.rstrip(".") in gaz.surname_titles and doc[k + 1].is_title and doc[k + 1].is_alpha
                            and not (k + 2 < n and doc[k + 2].is_title and doc[k + 2].is_alpha))
    return frozenset(e.text for e in doc.ents if len(e) == 1 and e.label_ in ("PERSON", "ORG")) \
        | frozenset(e.text for e in doc.ents if len(e) > 1 and e.label_ != "PERSON") | after_title


def _given_name_before_surname(doc: Doc, i: int, j: int, surnames: frozenset[str], gaz: Gazetteer,
                               words: frozenset[str]) -> bool:
    """An untagged two-word run whose second word the model tagged alone elsewhere in the article
    ('Amelie Mauresmo' ... 'Mauresmo said'): news names a person in full, then by the surname. The
    first word must be a proper noun, a listed given name or no dictionary word ("Save Betamax",
    "New Labour", "Century Fagin" are no one), and no title, nationality or place; the two words
    shaped like a name (`shaped_like_a_name`), and no known organisation or club."""
    if j - i != 2 or doc[j - 1].text not in surnames or doc[i:j].text in surnames:
        return False  # ("Aston Villa" tagged an organisation elsewhere)
    first, last = doc[i], doc[j - 1]
    if first.pos_ != "PROPN" or any(t.ent_type_ for t in doc[i:j]) or first.lower_ in STOP_WORDS:
        return False
    low = first.lower_
    if low not in gaz.first_names and (low in words or len(low) < 2):
        return False
    if low in gaz.titles or first.text in gaz.honorifics or low in gaz.country_of or low in gaz.demonym_country \
            or low in gaz.norp or low in gaz.not_names or first.text in gaz.places:
        return False
    return shaped_like_a_name(doc, i, j, gaz) and last.text not in gaz.orgs and doc[i:j].text not in gaz.clubs


def _run_end(doc: Doc, i: int) -> int:
    """End of the run starting at i: capitalised words (and "of"/"de" before one), at most
    MAX_RUN tokens, never across a line break."""
    n = len(doc)
    j = i + 1
    while j < n and j - i < MAX_RUN and ((doc[j].text[:1].isupper() and (doc[j].is_alpha or "'" in doc[j].text))
                                         or (doc[j].lower_ in {"of", "de"} and j + 1 < n and doc[j + 1].is_title)):
        if "\n" in doc[j - 1].whitespace_:
            break
        j += 1
    return j


def _untagged_person(doc: Doc, i: int, j: int, prev: Token | None, sport: str | None, gaz: Gazetteer) -> Span | None:
    """A run the model left untagged that is a person: a player after his shirt number in a sports
    report ('13 - Japie Mulder'), or a given name and a surname with no stop word."""
    text = doc[i:j].text
    untagged = all(t.ent_type_ == "" for t in doc[i:j])
    if not untagged or text.isupper() or text.lower() in gaz.country_of or text in gaz.places:
        return None
    after_shirt_number = bool(sport) and prev is not None and prev.text == "-" and i >= 2 and doc[i - 2].is_digit
    # no stop word ("Will Not"), except a surname the tagger read as a proper noun ("Theresa May")
    stop = any(t.lower_ in STOP_WORDS for t in doc[i:j - 1]) or (doc[j - 1].lower_ in STOP_WORDS and doc[j - 1].tag_ != "NNP")
    if after_shirt_number or (2 <= j - i <= 3 and looks_like_person(doc, i, j, gaz) and not stop):
        return Span(doc, i, j, label="PERSON")
    return None


def _named_by_role(doc: Doc, i: int, j: int, gaz: Gazetteer) -> bool:
    """'Parul Jain, deputy chief economist at ...': an untagged run of two or three proper nouns
    shaped like a name, none a stop word, whose apposition right after its comma is a person's
    job or title in lower case (`entity_title_words.txt`, not one that may also stand for a body:
    "analyst"): no listed given name is needed."""
    if not 2 <= j - i <= 3 or j >= len(doc) - 2 or doc[j].text != "," or not shaped_like_a_name(doc, i, j, gaz):
        return False
    if any(t.pos_ != "PROPN" or t.ent_type_ or t.lower_ in STOP_WORDS for t in doc[i:j]):
        return False  # (not "Yesterday Ann Lee, ...", not a name the model tagged)
    for c in doc[j - 1].children:
        if c.dep_ == "appos" and c.is_lower and c.left_edge.i == j + 1 and c.lower_ in gaz.titles and c.lower_ not in gaz.body_titles:
            return True
    return False


def _sports_table_name(doc: Doc, i: int, j: int, prev: Token | None, team_sport: bool, gaz: Gazetteer) -> Span | None:
    """In a sports report: a player before his country in brackets, or a team before its score."""
    n = len(doc)
    text = doc[i:j].text
    if (j + 2 < n and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].lower_ in gaz.country_of
            and j - i >= 2 and text.lower() not in gaz.country_of and not text.isupper()):
        return Span(doc, i, j, label="PERSON")  # "Rodney Eyles ( Australia ) beat ..."
    nxt = doc[j] if j < n else None
    numeric_next = nxt is not None and "\n" not in doc[j - 1].whitespace_ and bool(NUMERIC_TOKEN.match(nxt.text))
    numeric_prev = prev is not None and bool(NUMERIC_TOKEN.match(prev.text))
    if numeric_next and (nxt.shape_ == "dddd" or nxt.ent_type_ in TEMPORAL or doc[i].ent_type_ in TEMPORAL):
        numeric_next = False  # a dateline ("LONDON 1996-08-30") or a date ("May 14")
    is_team = numeric_next and ((team_sport and (prev is None or numeric_prev)) or (prev is not None and prev.text == ")"))
    if is_team and text.lower() not in gaz.country_of and text.lower() not in gaz.demonym_country \
            and text.lower() not in gaz.not_names:
        return Span(doc, i, j, label="ORG")
    return None
