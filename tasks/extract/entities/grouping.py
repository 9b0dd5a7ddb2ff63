"""Which mentions name the same thing: the model's (rule-corrected) mentions grouped, then merged.

  1. mentions with the same words (case aside) form a group; country names and their aliases
     (UK, Britain -> United Kingdom) form one group under the country's short name; an
     organisation named by a place ("NEW YORK 5 BOSTON 3": a team) is a group of its own;
  2. a person's given name and surname join the one person named with the same two around
     middle names or initials ("Alan Grayson" -> "Alan Mark Grayson", "Donald J. Trump");
     a group whose words are the surname (or a tail, or the given name) of a person's full
     name joins that person, whatever label the model gave it ("Nuland" tagged GPE joins
     "Victoria Nuland"); so does a surname the text treats as a person's ("Mr Pande", or
     "Pande said she ...") when the model took both names for an organisation or a place; a
     single name the text marks as a person ("Mr Lebed", "Duran , 45 ,") is a person;
  3. "Nord Stream" joins "Nord Stream 2"; a company's short name joins its full name ("Cofinec"
     -> "Cofinec S.A."), an organisation's first word the one full name it opens, named before
     ("Vivendi Universal" ... "Vivendi"), a broadcaster's its owner-prefixed one ("Radio 1" -> "BBC Radio 1"), a
     body named by its head noun the one name it opens or ends ("the Bank" -> "Bank of England");
     an acronym defined in brackets joins the name before it ("Asset Purchase Programme ( APP )"),
     any other the name whose initials it spells ("KDP", "UKIP");
     a club's last word the one club name it ends, named before ("Manchester United" ... "United");
  4. a party's names of one label are one group ("Tories", "Conservatives": the gazetteer's party names).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from tasks.common.datafiles import DataFiles
from tasks.extract.entities.canonical import country_named, label_votes, majority_label, regnal_title
from tasks.extract.entities.mentions import Mention, MentionGroup, words_key
from tasks.nlp.entity_fixer import NAMED_LABELS
from tasks.nlp.gazetteer import Gazetteer

DATA = DataFiles.beside(__file__)
PERSON_CUES = frozenset(DATA.lines("entity_person_cues.txt"))  # words before a person's single name (with the honorifics)
PERSON_RELATIONS = frozenset(DATA.lines("entity_person_relations.txt"))  # "Juninho's agent": kin and a person's own people
CORPORATE_SUFFIXES = frozenset(DATA.lines("entity_corporate_suffixes.txt"))  # "S.A.", "Inc"
POSSESSIVES = {"'s", "'", "’s", "’"}
SMALL_WORDS = frozenset({"and", "or", "for", "to", "the", "at", "in", "on", "with", "more", "one", "two", "three", "four", "plus"})


def entity_groups(doc: Doc, gaz: Gazetteer) -> list[MentionGroup]:
    """One group per entity, in order of first appearance, holding the mentions of every group merged into it."""
    order = _groups_by_words(doc, gaz)
    _join_middle_names(order)
    _join_surnames(doc, order, gaz)
    _join_numbered_names(order)
    _join_company_short_names(doc, order, gaz)
    _join_first_words(doc, order, gaz)
    _join_owner_prefixed_names(order, gaz)
    _join_head_word_names(doc, order, gaz)
    _join_club_tails(order, gaz)
    _join_defined_acronyms(doc, order, gaz)
    _join_acronyms(order, gaz)
    _join_party_names(order, gaz)
    roots = [g for g in order if g.merged_into is None]
    for g in order:
        if g.merged_into is not None:
            g.root().mentions.extend(g.mentions)
            g.mentions = []
    return roots


def _groups_by_words(doc: Doc, gaz: Gazetteer) -> list[MentionGroup]:
    """The named entities of the doc ("the" trimmed) grouped by their words. A possessive ends no
    name here: the entity fixer trims it, unless it is part of the name ("Moody's":
    `entity_cleaning.names_ending_in_a_possessive`)."""
    groups: dict[str, MentionGroup] = {}
    order: list[MentionGroup] = []
    headline_end = next((t.i for t in doc if "\n" in t.text), len(doc))
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        s, e = ent.start, ent.end
        while s < e and doc[s].lower_ in {"the"}:
            s += 1
        if e <= s:
            continue
        m = Mention(s, e, ent.label_, doc[s:e].text, headline=s < headline_end)
        gkey, country = _group_key(m, words_key(doc, s, e), gaz)
        g = groups.get(gkey)
        if g is None:
            g = groups[gkey] = MentionGroup(gkey, country=country)
            order.append(g)
        g.mentions.append(m)
    return order


def _group_key(m: Mention, key: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """(group key, country) of a mention whose words are `key`."""
    if m.label == "ORG" and (key in gaz.country_of or m.text.title() in gaz.places or m.text in gaz.places):
        return "org:" + key, None  # a team or government named by its place ("NEW YORK 5 BOSTON 3") is not the place
    country = country_named(m, key, gaz)
    return ("country:" + country if country else key), country


def _join_party_names(order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"the Tories", "the Conservatives", "Conservative Party" (gazetteer_party_names.txt): a party's
    names of one label join its first-named group, so one party is one speaker."""
    first: dict[tuple[str, str], MentionGroup] = {}
    for g in order:
        if g.merged_into is not None or g.key not in gaz.party_of:
            continue
        slot = (gaz.party_of[g.key], majority_label(g.mentions))
        if slot in first:
            g.merged_into = first[slot]
        else:
            first[slot] = g


def _join_surnames(doc: Doc, order: list[MentionGroup], gaz: Gazetteer) -> None:
    """A group named by the tail ("Putin", "Yeltsin") or the given name ("Wang" after "Wang Donghai")
    of a person's full name joins the person named in full nearest before it (else the first);
    a group the text marks as a person becomes one (a full name so marked first, whatever the
    model's label, so that its surname can join it: a title or job with it, or initials before a
    surname the model tags a person alone, `_initials_and_surname`)."""
    single_persons = {g.key for g in order if " " not in g.key and majority_label(g.mentions) == "PERSON"}
    full_surnames = {g.key.split()[-1] for g in order if " " in g.key and majority_label(g.mentions) == "PERSON"}
    cued = {g for g in order if g.merged_into is None and len(g.key.split()) > 1 and _shaped_like_a_person(g, gaz)
            and (_person_cue(doc, g, gaz) or _initials_and_surname(g, single_persons - full_surnames, gaz))}
    persons = [g for g in order if g.country is None and (majority_label(g.mentions) == "PERSON" or g in cued
                                                          or _tied_person(g, single_persons))
               and any((m.label == "PERSON" or g in cued) and m.n_tokens > 1 and not _titled_surname(m, gaz) for m in g.mentions)]
    for g in persons:
        if g in cued:
            g.person = True  # "England coach Sven-Goran Eriksson", tagged an organisation: "Eriksson" joins him below
    by_tail, by_head = _name_parts(persons, gaz)
    is_person = set(persons)
    named_so: list[MentionGroup] = []  # the mentions of a people's word that stand for a person, grouped apart
    for g in order:
        if g in is_person or g.merged_into is not None:
            continue
        if all(m.label == "NORP" for m in g.mentions) and _known_group_word(g, gaz):
            # "English" is no tail of "Bill English" ("English voters"), but "English said" is him;
            # "Campese", which the model took for a people, is David Campese's (below)
            alone = [m for m in g.mentions if _written_as_a_name(doc, m)]
            cands = by_tail.get(g.key) if alone else None
            if cands:
                part = g
                if len(alone) < len(g.mentions):  # "Cuban said" and "Cuban cigars": the name's mentions go apart
                    part = MentionGroup(g.key, alone)
                    g.mentions = [m for m in g.mentions if m not in alone]
                    named_so.append(part)
                part.merged_into = _nearest_named_before(cands, part.first)
                part.merged_into.person = True
            continue
        surface = g.mentions[0].text.lower() if g.country or g.key.startswith("org:") else _hyphens_closed(g.key)
        cands = by_tail.get(surface)
        if not cands and not g.country:
            cands = _named_in_full(doc, g, order, gaz)  # "Mr Pande" / "Vinod Pande", both tagged organisations
        if not cands and not g.country and " " not in g.key and not all(m.label in {"GPE", "LOC"} for m in g.mentions):
            cands = by_head.get(_hyphens_closed(g.key))  # "Wang" after "Wang Donghai", "Naina" after "Naina Yeltsin"
            if cands and regnal_title(doc, g) is not None:  # "Prince Charles" is no "Charles Kennedy", but
                cands = [p for p in cands if regnal_title(doc, p) is not None]  # "Prince Saud" is "Prince Saud al-Faisal"
            if cands and _surname_title(doc, g, gaz):  # "Mr Howard" is a surname, not "Howard Flight" ...
                cands = [p for p in cands if _family_name_first(doc, p)]  # ... but "Mr Wen" is "Wen Jiabao"
        if not cands and not g.country and " " not in g.key and all(m.label in ("PERSON", "ORG") for m in g.mentions) \
                and g.mentions[0].text not in gaz.orgs and not g.mentions[0].text.isupper() \
                and any(doc[m.end - 1].dep_ in ("nsubj", "nsubjpass") for m in g.mentions):
            # "Hassel said" / "Hassall added" after "Brian Hassell" (either label); not a bare name in a line-up
            cands = _misspelt_tail(surface, by_tail)
        if cands:
            target = _nearest_named_before(cands, g.first)
            g.merged_into = target
            target.person = True
            g.country = None
            continue
        if _person_cue(doc, g, gaz):
            g.person = True
    order.extend(named_so)


def _nearest_named_before(persons: list[MentionGroup], start: int) -> MentionGroup:
    """The person named in full nearest before token `start`, else the first one named."""
    before = [p for p in persons if p.first < start]
    return max(before, key=lambda p: p.first) if before else min(persons, key=lambda p: p.first)


def _written_as_a_name(doc: Doc, m: Mention) -> bool:
    """A people's word standing alone as the subject of a verb, as a surname does ("Cuban said",
    "English, the party's leader, added"); not a people ("the English", "English voters")."""
    if m.n_tokens != 1:
        return False
    t = doc[m.start]
    return t.tag_ == "NNP" and t.dep_ == "nsubj" and t.head.pos_ == "VERB" \
        and not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in t.children)


def _hyphens_closed(key: str) -> str:
    """A words key as a name is written: "simpson - daniel" -> "simpson-daniel" (a hyphenated
    surname on its own, "Simpson-Daniel added", is the tail of "James Simpson-Daniel")."""
    return re.sub(r" - ", "-", key)


INITIALS = re.compile(r"(?:[A-Z]\.?){1,2}")  # "JP", "J.P.", "E": a given name written as initials


def _initials_and_surname(g: MentionGroup, lone_surnames: set[str], gaz: Gazetteer) -> bool:
    """"JP McManus", "PJ Okafor" tagged an organisation or a place: initials and a surname the
    model tags a person on its own ("McManus said") and no other person's full name ends in
    (`lone_surnames`: not "JP Morgan" beside "Nicky Morgan ... Morgan said") are a person's name,
    unless the gazetteer knows the words as a body's."""
    return all(len(ws := m.text.split()) == 2 and INITIALS.fullmatch(ws[0]) and ws[1][:1].isupper() and ws[1][1:2].islower()
               and m.text not in gaz.orgs for m in g.mentions) and g.key.split()[-1] in lone_surnames


def _tied_person(g: MentionGroup, single_persons: set[str]) -> bool:
    """A full name tagged a person as often as anything else ("Ines Varro" once an organisation,
    once a person) whose surname the model tags a person on its own ("Varro said")."""
    votes = label_votes(g.mentions)
    return votes.get("PERSON", 0) == max(votes.values()) and g.key.split()[-1] in single_persons


MIN_MISSPELT = 5  # the shortest surname a one-letter slip is forgiven in


def _misspelt_tail(surface: str, by_tail: dict[str, list[MentionGroup]]) -> list[MentionGroup]:
    """The one person whose surname the model's person `surface` misspells by one letter
    (one added, dropped or changed, the first letter kept: "Daveport" for Davenport), when no
    other person's surname is that close. Written here: the check is a few lines and the
    project has no string-distance library."""
    if len(surface) < MIN_MISSPELT:
        return []
    close = [tail for tail in by_tail if len(tail) >= MIN_MISSPELT and tail[0] == surface[0] and _one_edit(surface, tail)]
    return by_tail[close[0]] if len(close) == 1 else []


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by exactly one inserted, deleted or replaced character, other than a final "s"."""
    if a == b or abs(len(a) - len(b)) > 1 or a + "s" == b or b + "s" == a:
        return False  # (a plural is no slip: "the Stones", "Williams")
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _shaped_like_a_person(g: MentionGroup, gaz: Gazetteer) -> bool:
    """Names of two to four words, none possessive, ending in no organisation's head word
    ("Sven-Goran Eriksson"; not "Mr Brown's International Finance Facility")."""
    for m in g.mentions:
        words = m.text.split()
        if len(words) > 4 or "'" in m.text or "’" in m.text or words[-1] in gaz.org_heads:
            return False
    return True


def _known_group_word(g: MentionGroup, gaz: Gazetteer) -> bool:
    """A NORP group the gazetteer knows: a demonym, another nationality, religious or political word, or a party's name."""
    low = g.mentions[0].text.lower()
    return low in gaz.demonym_country or low in gaz.norp or low in gaz.party_of


def _titled_surname(m: Mention, gaz: Gazetteer) -> bool:
    """A mention that is an honorific and a surname ("Mr Pande"), not a full name."""
    return m.titled(gaz.honorifics) and len(m.text.split()) == 2


def _named_in_full(doc: Doc, g: MentionGroup, order: list[MentionGroup], gaz: Gazetteer) -> list[MentionGroup]:
    """For a surname the text treats as a person's (written with its honorific, "Mr Pande" tagged
    whole, or taken up by "he" or "she", "Pande said she"): the groups of a two- or three-word
    capitalised name ending in that surname ("Vinod Pande"), whatever the model's label (it often
    takes both for an organisation or a place, so they are not known persons yet). A surname the
    model itself tagged a person ("Lee said") finds such a name only written before it, as news
    names a person in full first ("Film-maker Spike Lee", tagged an organisation, then "Lee")."""
    titled = [m.text.split() for m in g.mentions if _titled_surname(m, gaz)]
    surname = titled[0][-1] if titled else _surname_taken_up_by_pronoun(doc, g, gaz)
    in_full_before = False
    if not surname and " " not in g.key and not g.country and majority_label(g.mentions) == "PERSON":
        surname = g.mentions[0].text  # the model's own person ("Lee said"), "Spike Lee" its organisation
        in_full_before = True
    if not surname:
        return []
    out = []
    for p in order:
        if p is g or p.country or p.merged_into is not None:
            continue
        for m in p.mentions:
            words = m.text.split()
            if 2 <= len(words) <= 3 and words[-1] == surname and not any(w in gaz.honorifics for w in words) \
                    and all(w[:1].isupper() and not w.isupper() for w in words) and m.text not in gaz.places and m.text not in gaz.orgs \
                    and (not in_full_before or _full_name_before(doc, p, m, g, words, gaz)):
                out.append(p)
                break
    return out


MISTAKEN_PERSON_LABELS = {"ORG", "GPE", "FAC", "LOC"}  # what the model takes a person's full name for (not a law or an event)


def _full_name_before(doc: Doc, p: MentionGroup, m: Mention, g: MentionGroup, words: list[str], gaz: Gazetteer) -> bool:
    """Whether the name m of group p is the full name of the surname group g that the model took
    for a person: written before it and no more often (news names a person in full once, then
    by the surname; an organisation in full again and again), tagged as the model mistakes
    names of people, opening with no title, number, nationality, country or place, and ending in no
    organisation's or club's head word; the surname no plural ("Film-maker Spike Lee" ... "Lee";
    not "Hurricane Mitch", "the Gambling Bill", "European Elvis", "Twentieth Century Fox", "the
    Daily Telegraph", "Man City", "Neath-Swansea Ospreys")."""
    first = words[0].lower()
    return p.first < g.first and len(p.mentions) <= len(g.mentions) and m.label in MISTAKEN_PERSON_LABELS \
        and first not in gaz.titles and first not in gaz.norp and not doc[m.start].like_num \
        and first not in gaz.demonym_country and first not in gaz.country_of \
        and not any(w in gaz.places for w in words[0].split("-")) \
        and words[-1] not in gaz.org_heads and words[-1] not in gaz.club_suffixes \
        and all(doc[x.start].tag_ != "NNPS" for x in g.mentions)


PERSONAL_PRONOUNS = {"he", "she"}
PRONOUN_REACH = 4  # tokens after the subject's verb: "Pande said she", "Pande told reporters that he"


def _surname_taken_up_by_pronoun(doc: Doc, g: MentionGroup, gaz: Gazetteer) -> str | None:
    """A one-word capitalised name, never after "the", that is the subject of a verb followed
    closely by "he" or "she" ("Pande said she would stay"): the text speaks of it as a person.
    An organisation is taken up by "it" or "they", and one named by its last word alone is
    written with "the" ("the Times said")."""
    if g.country or " " in g.key or g.key in gaz.country_of:
        return None
    for m in g.mentions:
        t = doc[m.start]
        if m.n_tokens != 1 or not t.text[:1].isupper() or t.is_upper or t.text in gaz.places or t.text in gaz.orgs \
                or (m.start > 0 and doc[m.start - 1].lower_ == "the"):
            continue
        verb = t.head
        if t.dep_ != "nsubj" or verb.i <= t.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        for k in range(verb.i + 1, min(verb.i + 1 + PRONOUN_REACH, t.sent.end)):
            if doc[k].lower_ in PERSONAL_PRONOUNS:
                return t.text
            if doc[k].ent_type_ or doc[k].is_punct:
                break
    return None


def _family_name_first(doc: Doc, p: MentionGroup) -> bool:
    """A two-word name whose last word the text never writes alone ("Wen Jiabao" ... "Mr Wen",
    never "Jiabao"; not "Howard Flight" ... "Mr Flight"): the family name comes first, so a title
    before the first word names this person."""
    full = _fullest_name(p)
    words = full.split()
    if len(words) != 2:
        return False
    # (not entity_cleaning's count of whole words: "Silk" inside "Kilroy-Silk" is not the word alone)
    last = rf"(?<![\w-]){re.escape(words[1])}(?![\w-])"
    return len(re.findall(last, doc.text)) == len(re.findall(rf"(?<![\w-]){re.escape(full)}(?![\w-])", doc.text))


def _surname_title(doc: Doc, g: MentionGroup, gaz: Gazetteer) -> bool:
    """A name written after a title that only ever precedes a surname ("Mr Howard"; `entity_surname_titles.txt`)."""
    return any(m.start > 0 and doc[m.start - 1].lower_.rstrip(".") in gaz.surname_titles for m in g.mentions)


def _fullest_name(p: MentionGroup) -> str:
    """The person's name of the most words among the group's mentions (a person's mentions only,
    unless the text marked the group a person)."""
    return max((m.text for m in p.mentions if m.label == "PERSON" or p.person), key=lambda t: len(t.split()))


def _name_parts(persons: list[MentionGroup], gaz: Gazetteer) -> tuple[dict[str, list[MentionGroup]], dict[str, list[MentionGroup]]]:
    """Persons by every tail of their fullest capitalised name ("vladimir putin" -> "putin"; a
    generational suffix aside: "brent hollis iii" -> "hollis iii", "hollis") and by its first word."""
    by_tail: dict[str, list[MentionGroup]] = {}
    by_head: dict[str, list[MentionGroup]] = {}
    for p in persons:
        full = _fullest_name(p)
        words = full.lower().split()
        if len(words) < 2 or not all(w[:1].isupper() for w in full.split()):
            continue
        for k in range(1, len(words)):
            by_tail.setdefault(" ".join(words[k:]), []).append(p)
        if len(words) > 2 and words[-1] in gaz.name_suffixes:
            for k in range(1, len(words) - 1):
                by_tail.setdefault(" ".join(words[k:-1]), []).append(p)
        by_head.setdefault(words[0], []).append(p)
    return by_tail, by_head


def _person_cue(doc: Doc, g: MentionGroup, gaz: Gazetteer) -> bool:
    """A name that the text itself marks as a person: a title or a person's occupation before it
    ('Mr Lebed', 'Barcelona star Ronaldinho') or in apposition after it ('Jean-Philippe Cotis, the
    OECD's chief economist'), an honorific opening it ('Dr Nielsen', tagged whole) or an age after
    it ('Duran , 45 ,'), or someone only a person has after its possessive ("Juninho's agent")."""
    if g.country:
        return False
    cues = PERSON_CUES | gaz.honorifics
    n = len(doc)
    for m in g.mentions:
        if m.start > 0 and doc[m.start - 1].text in cues:
            return True
        if m.titled(gaz.honorifics):
            return True
        if m.n_tokens > 1 and m.end < n and doc[m.end].text == "," and _occupation_in_apposition(doc, m.start, m.end):
            return True
        e = m.end
        if e + 1 < n and doc[e].text in POSSESSIVES and doc[e + 1].text in PERSON_RELATIONS:
            return True
        age = doc[e + 1].text if e + 2 < n else ""
        if e + 2 < n and doc[e].text == "," and age.isascii() and age.isdigit() and doc[e + 2].text == "," \
                and 14 <= int(age) <= 105:
            return True
    return False


def _occupation_in_apposition(doc: Doc, start: int, end: int) -> bool:
    """An appositive after the name whose head is an occupation only people have (", a senior
    economist"); not one owned by a pronoun (", its chief executive": someone else in a list)."""
    for t in doc[end + 1:min(end + 8, len(doc))]:
        if t.is_punct:
            return False
        if t.dep_ == "appos" and start <= t.head.i < end and t.text in PERSON_CUES and t.text.islower():
            return not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
    return False


def _join_middle_names(order: list[MentionGroup]) -> None:
    """"Alan Grayson" -> "Alan Mark Grayson", "Donald Trump" -> "Donald J. Trump": a person named
    by two words joins the one person named with the same first and last words and capitalised
    words or initials between them (none when two such people are named: "George Bush" may be
    either "George H. W. Bush" or "George W. Bush")."""
    longer: dict[tuple[str, str], list[MentionGroup]] = {}
    for g in order:
        words = _hyphens_closed(g.key).split()
        if g.merged_into is None and not g.country and len(words) >= 3 and majority_label(g.mentions) == "PERSON" \
                and all(w[:1].isupper() for w in g.mentions[0].text.split()):
            longer.setdefault((words[0], words[-1]), []).append(g)
    for g in order:
        words = _hyphens_closed(g.key).split()
        cands = longer.get((words[0], words[-1])) if len(words) == 2 else None
        if cands and len(cands) == 1 and g.merged_into is None and not g.country \
                and majority_label(g.mentions) == "PERSON":
            g.merged_into = cands[0]


def _join_numbered_names(order: list[MentionGroup]) -> None:
    """"Nord Stream" -> "Nord Stream 2": a name joins the same name with a number; not a name an
    owner's acronym also opens in the article ("Rover" of "MG Rover" is the firm, "Rover 25" its car)."""
    numbered: dict[str, MentionGroup] = {}
    for g in order:
        base, _, num = g.key.rpartition(" ")
        if g.merged_into is None and base and num.replace(".", "").isdigit():
            numbered.setdefault(base, g)
    owned = set(_owner_prefixed(order))
    for g in order:
        other = numbered.get(g.key)
        if other is not None and other is not g and g.merged_into is None and not g.country and other.root() is not g \
                and g.key not in owned:
            g.merged_into = other


def _join_company_short_names(doc: Doc, order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"Cofinec" -> "Cofinec S.A.", "Pirelli" -> "Pirelli Cables": an organisation's name without its
    corporate suffixes or head nouns (when that is no place, country, group or given name) joins it;
    a person's full name does not join the body named after them (`_person_not_namesake`)."""
    suffixes = CORPORATE_SUFFIXES | gaz.org_heads
    shorts: dict[str, MentionGroup] = {}
    for g in order:
        if g.merged_into is None and not g.country and " " in g.key and majority_label(g.mentions) == "ORG":
            words = g.mentions[0].text.split()
            while len(words) > 1 and words[-1] in suffixes:
                words.pop()
                short = " ".join(words)
                if short not in gaz.places and short.lower() not in gaz.country_of and short.lower() not in gaz.demonym_country \
                        and short.lower() not in gaz.first_names and len(short) > 2:
                    shorts.setdefault(short.lower(), g)
    for g in order:
        if g.merged_into is None and not g.country and g.key in shorts and shorts[g.key] is not g \
                and not _person_not_namesake(doc, g, shorts[g.key], gaz):
            g.merged_into = shorts[g.key]
            shorts[g.key].org = True


def _person_not_namesake(doc: Doc, g: MentionGroup, body: MentionGroup, gaz: Gazetteer) -> bool:
    """A person's full name, as the model tags it, opening with a given name ("Tom Vance"), beside
    a longer organisation name that opens with it: the person, not the body named after them ("the
    Tom Vance Foundation", "Tom Vance Media"), unless the longer name only adds a company's legal
    suffix ("Ted Baker plc": "Ted Baker" is the firm's short name) and the text does not mark the
    name as a person's ("Ted Baker, 61,", "Mr Baker")."""
    words = g.mentions[0].text.split()
    if not (len(words) > 1 and words[0].lower() in gaz.first_names and majority_label(g.mentions) == "PERSON"):
        return False
    added = body.mentions[0].text.split()[len(words):]
    return not all(w in CORPORATE_SUFFIXES for w in added) or _person_cue(doc, g, gaz)


def _join_first_words(doc: Doc, order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"Merrill Lynch" ... "Merrill", "the US Pew Research Center" ... "Pew Research" ... "the Pew
    report": an organisation named by the first words of a longer organisation name joins it when
    the article introduced the words in that name (their first use, the headline aside: not "Sky
    ... Sky Plus") and only one such name (or names that open one another) opens so, a country's
    name or adjective before it aside. Not for a name the gazetteer knows on its own ("BBC" is not
    "BBC One"), an acronym (one body's channels, awards and units: "MTV Europe Awards"), a party,
    a place, a country, a nationality, a given name, a person's full name beside a body named after
    them (`_person_not_namesake`) or an organisation head word ("Bank"); nor into
    a longer name that is a place, event, law or office named after it ("Hereford County Hospital",
    "Whitbread Prize", "Labour MP") or that holds a possessive, a small word other than "of", a
    given name or a number (the tagger's run-ons: "Arsenal's Edu", "Dell and Hewlett-Packard")."""
    def written(g: MentionGroup) -> list[str]:
        ws = g.mentions[0].text.split()
        return ws[1:] if len(ws) > 1 and (ws[0].lower() in gaz.country_of or ws[0].lower() in gaz.demonym_country) else ws

    def words(g: MentionGroup) -> list[str]:
        return [w.lower() for w in written(g)]

    longs: dict[str, list[tuple[MentionGroup, list[str]]]] = {}  # by their first word
    for g in order:
        if " " in g.mentions[0].text and _free_org(g) and _whole_name(g, gaz):
            ws = words(g)
            longs.setdefault(ws[0], []).append((g, ws))
    first_use: dict[str, int] = {}  # each word's first token after the headline, filled when first needed
    for g in order:
        if g.merged_into is not None or g.country or not longs:
            continue
        ws, text = words(g), g.mentions[0].text
        opened = [(c, cw) for c, cw in longs.get(ws[0], ()) if c is not g and len(cw) > len(ws) and cw[:len(ws)] == ws]
        if not opened or majority_label(g.mentions) not in ("ORG", "PERSON"):
            continue  # (the model takes many a lone company name for a person)
        if text in gaz.orgs or text.isupper() or g.key in gaz.party_of or text in gaz.places or g.key in gaz.country_of:
            continue
        if len(ws) == 1 and (len(text) <= 2 or g.key in gaz.demonym_country or g.key in gaz.first_names or text in gaz.org_heads):
            continue
        if not first_use:
            body = next((t.i + 1 for t in doc if "\n" in t.text), 0)  # the headline ends at the first line break
            for t in doc[body:]:
                first_use.setdefault(t.text, t.i)
        used = first_use.get(written(g)[0], len(doc))  # (the word after a country's: "the US Pew ..." -> "Pew")
        cands = [(c, cw) for c, cw in opened if any(m.start <= used < m.end for m in c.mentions)]
        tops = [c for c, cw in cands if not any(len(dw) > len(cw) and dw[:len(cw)] == cw for _, dw in cands)]
        if len(tops) == 1 and tops[0].root() is not g and not _person_not_namesake(doc, g, tops[0], gaz):
            g.merged_into = tops[0]
            tops[0].org = True


def _whole_name(g: MentionGroup, gaz: Gazetteer) -> bool:
    """An organisation's name of its own, not one named after another (see `_join_first_words`)."""
    ws = g.mentions[0].text.split()
    last = ws[-1]
    heads = (gaz.place_heads, gaz.event_heads, gaz.law_heads)  # (a body's own head word may end it: "Pew Research Center")
    if any(last in h or last.removesuffix("s") in h for h in heads) or last.lower() in gaz.titles:
        return False
    return not any("'" in w or "’" in w or (w.islower() and w != "of") or w.lower() in SMALL_WORDS or any(ch.isdigit() for ch in w)
                   or w.lower() in gaz.first_names for w in ws[1:])


def _join_head_word_names(doc: Doc, order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"the Bank" -> "Bank of England", "the Commission" -> "European Commission": a one-word
    organisation named by its head noun after "the" (an organisation head word) joins the one longer
    organisation name in the article that opens or ends with that word."""
    # (of a name joined to a longer one, that one: "Reserve Bank" -> "Reserve Bank of Australia")
    longs = _long_orgs_by_word(order, lambda ws: {w for w in (ws[0], ws[-1]) if w in gaz.org_heads})
    for g in order:
        cands = longs.get(g.key, [])
        if g.merged_into is None and not g.country and " " not in g.key and len(cands) == 1 and cands[0].root() is not g \
                and g.mentions[0].text in gaz.org_heads \
                and any(m.start > 0 and doc[m.start - 1].lower_ == "the" for m in g.mentions):  # not "an Act of Parliament"
            g.merged_into = cands[0]


def _join_club_tails(order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"Manchester United" ... "United", "Aston Villa" ... "Villa": an organisation named by a club
    name's last word (a club suffix, `entity_club_affixes.txt`) joins the one organisation name of
    two words or more in the article that ends with it, named before it (not when two clubs
    share the word: "Leeds United" and "Newcastle United")."""
    longs = _long_orgs_by_word(order, lambda ws: {ws[-1]} & gaz.club_suffixes)
    for g in order:
        cands = longs.get(g.key, [])
        if len(cands) == 1 and cands[0] is not g and cands[0].first < g.first and _free_org(g) \
                and g.mentions[0].text in gaz.club_suffixes:
            g.merged_into = cands[0]


def _long_orgs_by_word(order: list[MentionGroup], picked: Callable[[list[str]], set[str]]) -> dict[str, list[MentionGroup]]:
    """The organisations named in two words or more (the groups they joined, each once), by each
    word, lower case, that `picked` takes from their names' words."""
    longs: dict[str, list[MentionGroup]] = {}
    for g in order:
        words = g.mentions[0].text.split()
        if len(words) >= 2 and _free_org(g.root()) and majority_label(g.mentions) == "ORG":
            for w in picked(words):
                if g.root() not in longs.get(w.lower(), []):
                    longs.setdefault(w.lower(), []).append(g.root())
    return longs


def _owner_prefixed(order: list[MentionGroup]) -> dict[str, MentionGroup]:
    """The organisation names that open with an owner's acronym in capitals ("BBC Radio 1", "MG
    Rover"), by the rest of their words in lower case."""
    longs: dict[str, MentionGroup] = {}
    for g in order:
        words = g.mentions[0].text.split()
        if len(words) >= 2 and words[0].isupper() and words[0].isalpha() and 2 <= len(words[0]) <= 5 and _free_org(g):
            longs.setdefault(" ".join(words[1:]).lower(), g)
    return longs


def _join_owner_prefixed_names(order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"Radio 1" -> "BBC Radio 1", "World Service" -> "BBC World Service": an organisation's name of
    two words or more joins the same name after an owner's acronym in capitals; so does a name of
    one word that is no organisation's head word ("Rover" -> "MG Rover"; not "Group" of "BT Group")."""
    longs = _owner_prefixed(order)
    for g in order:
        one_word = " " not in g.key  # (a name of one word joins only if no head word: "Group" of "BT Group")
        long = longs.get(g.key) if not one_word or (g.mentions[0].text not in gaz.org_heads and len(g.key) > 2) else None
        if long is not None and long.root() is not g and _free_org(g):
            g.merged_into = long


def _free_org(g: MentionGroup) -> bool:
    """A group not yet joined to another, no country, that its mentions vote an organisation."""
    return g.merged_into is None and not g.country and majority_label(g.mentions) == "ORG"


def _initials(text: str, connectors: frozenset[str], spell_caps: bool = False) -> str:
    """The first letters of the name's capitalised words; with `spell_caps`, a word in capitals
    gives all its letters ("UK Independence Party" -> "UKIP", "US Airways Group" -> "USAG")."""
    words = [w for w in text.replace("-", " ").split() if w[:1].isupper() and w.lower() not in connectors]
    return "".join(w if spell_caps and w.isupper() and w.isalpha() else w[0] for w in words)


def _join_defined_acronyms(doc: Doc, order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"Asset Purchase Programme ( APP )": an acronym the text defines in brackets right after a name
    of several words (with the same first letter, or the initials of the name's last words: "North
    American Court of Arbitration for Sport ( CAS )") joins that name, whatever label each mention got."""
    ends: dict[int, MentionGroup] = {m.end: g for g in order for m in g.mentions if m.n_tokens > 1}
    for g in order:
        if g.merged_into is not None or g.country or " " in g.key:
            continue
        for m in g.mentions:
            long = ends.get(m.start - 1)
            if (long is not None and long.root() is not g and m.start >= 2 and doc[m.start - 1].text == "("
                    and m.end < len(doc) and doc[m.end].text == ")" and m.text[:1].isupper()
                    and (m.text[:1] == long.mentions[0].text[:1]
                         or (len(m.text) >= 3 and m.text.isupper()
                             and _initials(long.mentions[0].text, gaz.connectors).endswith(m.text)))
                    and not long.country):
                g.merged_into = long.root()
                long.root().spelt_out = majority_label(long.root().mentions)
                break


def _join_acronyms(order: list[MentionGroup], gaz: Gazetteer) -> None:
    """"KDP" -> "Kurdistan Democratic Party": an ALL-CAPS word joins the name whose initials it
    spells, when both vote for the same label."""
    longs: dict[str, MentionGroup] = {}
    for g in order:
        if g.merged_into is None and not g.country and " " in g.key:
            for spell_caps in (False, True):
                ini = _initials(g.mentions[0].text, gaz.connectors, spell_caps)
                if len(ini) >= 2:
                    longs.setdefault(ini, g)
    for g in order:
        if g.merged_into is not None or g.country or " " in g.key:
            continue
        text = g.mentions[0].text.replace(".", "")
        if text.isupper() and 2 <= len(text) <= 6 and text in longs and longs[text] is not g \
                and majority_label(longs[text].mentions) == majority_label(g.mentions):
            g.merged_into = longs[text]
