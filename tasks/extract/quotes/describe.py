"""Descriptions: who "the Russian leader", "the club", "a spokeswoman for the RAD", "the statement"
or "the Scot" is, for the speaker resolver (`speaker.py`), in this order:

  1. a name in apposition ("The BBC's correspondent in Jakarta, Rachel Harvey, told ...", also after
     a second title: "The head of the unit, Detective Superintendent, Ann Cole, said"), or a name a
     title's "of" phrase runs into ("Director of rugby Ann Cole said");
  2. for a word for what someone said or wrote ("his comments", "the statement", "the report"):
     whoever made it: its possessor or author ("the club's statement", "the NIESR report"), else
     the maker of the same kind of utterance earlier ("the club said in a statement"), else the
     organisation (for a statement or report) or the speaker last in focus;
  3. for a definite description ("the party leader", "the club"): the person or organisation the
     article describes so (its titles, appositions and nationality, `profiles.py`; a strong fit
     named only later too), else the unnamed speaker described so earlier ("a spokesman for X"
     ... "the spokesman"), else the person in focus, as for a pronoun ("Ferguson said ... The
     Man Utd boss continued"; an epithet such as "the Scot" or "the 68-year-old singer" also the
     article's main person), unless the words stand for someone unnamed ("the official"); an
     office's one holder ("the prime minister") only when the person in focus spoke last or was
     the subject of the sentence before, and has no other role or country in the article (else
     the person the article names most, with an honorific, when no one else is named near as
     often), and then for the rest of the article; a board ("the board said") speaks as the body it governs;
     a kind of body no lexicon knows, written alone ("the band", "the festival"), is the body the
     article calls so ("rock band Vox Lupi", "the Lisbon Book Festival"), and a body often named
     by its remit ("the committee") the one named so, however far back; an epithet after a
     clause leading into it ("When Ann Cole shook his hand, the Australian said") is its subject;
  4. a person's name the entity extractor left out ("Nottingham City Councillor Brian Parbutt"),
     of speaker_type "unnamed" since no entity holds it;
  5. else the description itself, as the canonical words of someone the article never names:
     its article made definite and the names in it canonical ("A spokeswoman for the RAD" ->
     "the spokeswoman for the Royal Academy of Dance", "an FA spokesman" -> "the Football
     Association spokesman"); a bare "a spokesman" takes the body that
     spoke or was named just before ("the Vestey Group spokesman").
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace
from collections.abc import Callable, Iterator
from typing import Protocol

from spacy.tokens import Doc, Token

from tasks.extract.entities.index import Entity
from tasks.extract.entities.roles import parse_description
from tasks.extract.quotes.lexicon import speaker_words
from tasks.extract.quotes.profiles import EntityProfiles, Referent, description_words, words_of
from tasks.extract.quotes.records import MAX_TOGETHER, PersonCount, Resolution, joint_name, named
from tasks.extract.quotes.subjects import in_telling_clause, personlike, short_phrase_end
from tasks.nlp.gazetteer import gazetteer


class Resolver(Protocol):
    """What descriptions need of the speaker resolver (speaker.Resolver, which calls them)."""

    profiles: EntityProfiles
    doc: Doc
    text: str
    sent_of: list[int]
    quoted: Callable[[int], bool]
    referents: list[Referent]
    ref_pos: list[int]
    office_holders: dict[tuple[str, ...], Entity]  # an office's description -> the person found to hold it

    def resolve(self, start: int, end: int, head: Token, said: tuple[int, int] | None = None) -> Resolution: ...

    def antecedent(self, pron: Token, gender: str | None, labels: set[str], plural: bool,
                   said: tuple[int, int] | None, subjects_only: bool = False) -> Referent | None: ...

    def referent_resolution(self, r: Referent | None, how: str) -> Resolution: ...

    def referents_back(self, tok: Token, sentences: int = 1) -> Iterator[Referent]: ...

    def topic_person(self, before: int, gender: str | None) -> Entity | None: ...

    def people_counted(self, before: int) -> dict[str, PersonCount]: ...

    def gender_of(self, e: Entity) -> str | None: ...

    def named_in_quote(self, said: tuple[int, int] | None) -> set[str]: ...

    def entities_named(self, toks: list[Token], known: dict[int, Entity] | None = None) -> list[Entity] | None: ...


NOT_DEFINITE = ("a", "an", "some", "one", "two", "three", "several", "many", "other", "another")
INDEFINITE = ("a", "an", "another", "one")  # made "the" in an unnamed speaker's canonical description
SOME = ("some", "many", "several")  # made "the" before a group's noun ("some analysts")
_AGE = re.compile(r"\d+-year-old")
_COMMA = re.compile(r" ?, ")
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
NAMED_KINDS = ("party", "club", "team", "union")  # bodies whose names say what they are: never just the body last named
EARLIER_SENTENCES = 4  # how far back "the manager" looks for "a former senior manager at Acme"
APPOSITION_GAP = 8  # how far after the description's head a name in apposition may start ("the correspondent in Jakarta, Rachel Harvey")
INTRO_SENTENCES = 2  # how far from a report's first mention the organisation that made it is looked for
UTTERED_IN = ("in", "on", "through", "via", "during")  # "said in a statement", "wrote on a blog", "spoke through a spokesman"
KIND_LABELS = ("ORG", "PERSON", "EVENT")  # what "the band", "the festival" may name (a band is often read as a person)
FOCUS_SENTENCES = 3  # how far back an organisation in focus is "the company" no name fits
MAKER_SENTENCES = 8  # how far before a lawsuit's first mention the one suing is looked for


def describe(r: Resolver, start: int, end: int, head: Token, said: tuple[int, int] | None) -> Resolution:
    """Who the description text[start:end] (head = its head token) is (see the module doc)."""
    lex = speaker_words()
    ent = appositive(r, head) or _named_after(r, end) or _named_after_honorific(r, start, end) or _titled_by_of_phrase(r, head)
    if ent is not None:
        return named(ent, "description")
    pair = _people_named_together_before(r, head)
    if pair is not None:  # "Ann Cole and Tom Reid sent a letter ... "...," the two lawmakers wrote"
        return pair
    hw = head.lower_.rstrip(".")
    if names_utterance(head):
        res = maker_of(r, head, start, said)
        if res is not None:
            return res
        if _generic(head):
            return Resolution(None, canonical_description(r, start, end, head), "description", "unnamed")
    ws = words_of(r.text[start:end])
    if ws and (ws[0] in lex.male or ws[0] in lex.female):
        name = proper_name(r, head)
        if name is not None:  # "Paul Okafor MP": a name with a title after it, not a description
            return Resolution(None, name, "name", "unnamed")
    content = [lex.abbreviations.get(w, w) for w in ws if w not in lex.generic]
    if ws and ws[0] not in NOT_DEFINITE and content and not is_group(head):
        res = _definite(r, head, hw, content, start, said)
        if res is not None:
            return res
    if ws in (["the", hw], [hw]) and is_group(head) and hw in lex.org_nouns:  # "the group", "police"
        ent = _body_called_so(r, hw, start, r.sent_of[head.i])
        if ent is not None:
            return named(ent, "description")
    if ws == ["the", hw] and hw in lex.named_by_remit:  # "the Commons home affairs committee ... the committee said"
        ent = _only_body_named_with(r, hw, start)
        if ent is not None:
            return named(ent, "description")
        remit = _remit_named_before(r, head)
        if remit is not None:
            return Resolution(None, remit, "description", "unnamed")
    if ws == ["the", hw] and hw not in lex.person_nouns and hw not in lex.org_nouns and hw not in lex.states:
        ent = _one_of_its_kind(r, hw, start)  # "rock band Vox Lupi ... the band said": the one the article calls so
        if ent is not None:
            return named(ent, "description")
    if hw in lex.governing and ws and ws[0] not in NOT_DEFINITE:  # "the board said": the body it governs
        ent = _governed_body(r, head, start, alone=content in ([hw], [hw, "directors"]))  # ("the board of directors")
        if ent is not None:
            return named(ent, "description")
    ent = body_of_members(r, start, end, head)  # "the MPs said": the one committee of them the article names
    if ent is not None:
        return named(ent, "description")
    if ws and ws[0] in ("a", "an") and content and not is_group(head) and hw in lex.person_nouns:
        ent = _introduced_after_lede(r, head, hw, content, description_gender(head))  # "..., a Labour MP has said." / "Jo Bell said"
        if ent is not None:
            return named(ent, "description")
    if ws and ws[0] in ("a", "an") and content and not is_group(head) and hw in lex.person_nouns:
        ent = _named_next_by_role(r, head, hw, content, description_gender(head))  # "a judge claimed ... Judge Ann Cole made her remarks"
        if ent is not None:
            return named(ent, "description")
    if ws and ws[0] in ("a", "an") and hw in lex.org_nouns:
        ent = _body_named_after_lede(r, head, hw)  # "an all-party committee said ... the Public Accounts Committee"
        if ent is not None:
            return named(ent, "description")
    if len(ws) == 1:
        ent = _org_by_one_word(r, head)
        if ent is not None:
            return named(ent, "name")
    name = proper_name(r, head)
    if name is not None:  # a name the entities table does not hold: no entity, so "unnamed" for speaker_type
        return Resolution(None, name, "name", "unnamed")
    if hw in lex.speaks_for and content == [hw] and ws[:1] in (["a"], ["an"], ["the"]):
        body = _body_spoken_for(r, start, r.sent_of[head.i])
        if body is not None:  # written as annotators mostly write it, unless the article described them before
            prior = earlier_unnamed(r, hw, [hw], start, description_gender(head))
            if prior is not None and prior.name and body.removeprefix("the ") in prior.name:
                return Resolution(None, prior.name, "description", "unnamed")  # "a spokesman for the X Trust ... a spokesman added"
            return Resolution(None, f"the {body.removeprefix('the ')} {hw}", "description", "unnamed")
    if hw in lex.speaks_for:
        spoken_for = _owner_spoken_for(r, head) or _body_spoken_for_named(r, head, said)
        if spoken_for is not None:
            return Resolution(None, spoken_for, "description", "unnamed")
    kin = _relative_named(r, head)
    if kin is not None:
        return named(kin, "description")
    owned = _owned_description(r, head)
    if owned is not None:
        return Resolution(None, owned, "description", "unnamed")
    return Resolution(None, canonical_description(r, start, end, head), "description", "unnamed")


NUMBER_WORDS = {"two": 2, "three": 3, "both": 2, "pair": 2, "duo": 2, "trio": 3, "couple": 2}  # how many a plural description counts
NOT_THE_SAME = frozenset({"other", "others", "remaining", "rest", "many", "some", "several", "all", "most", "few"})  # "the other lawmakers": not them
TOGETHER_WINDOW = 2  # sentences back a plural description ("the two lawmakers") looks for the people it means


def _people_named_together_before(r: Resolver, head: Token) -> Resolution | None:
    """`Ann Cole and Tom Reid sent a letter ... "...," the two lawmakers wrote` (or "the pair",
    "the couple", "both men", "the researchers"; "the two firms", "the companies"): a definite
    plural description of people, or of bodies (`org` nouns but states and utterances), is the
    people or bodies last named together, by name and joined by "and", as a subject (of an
    active verb, for a plural that counts none) in its sentence or the TOGETHER_WINDOW before, but
    not of the clause the description itself reports (`Ann Cole and Tom Reid "should go", the
    lawmakers said`), under their joint name ("Ann Cole and Tom Reid"), when they are as many as
    it counts (two or three; for a plural that counts none, two to MAX_TOGETHER, and not a role
    that usually stands for someone unnamed, "the officials"), and none is of another gender than
    its noun's; or, nearer, the speakers who said something together in that window and fit it
    (`"...," the two lawmakers argue. "...," the two write`). Not a description that sets them
    apart ("the other lawmakers"), counts another number ("the four lawmakers") or is owned
    ("the pair's lawyers")."""
    lex = speaker_words()
    lemma, plural = head.lemma_.lower(), head.tag_ == "NNS"
    people = plural and (lemma in lex.person_nouns or head.lower_ in ("men", "women"))
    bodies = plural and lemma in lex.org_nouns and lemma not in lex.states and lemma not in lex.utterances
    if not (people or bodies or head.lower_ in NUMBER_WORDS):
        return None
    mods = [c for c in head.children if c.i < head.i and c.dep_ in ("det", "predet", "nummod", "amod", "quantmod")]
    words = [c.lower_ for c in mods] + [head.lower_]
    if head.like_num and head.i > 0 and not mods:
        words.insert(0, r.doc[head.i - 1].lower_)  # "the two write", parsed with no determiner on the number
    count = next((NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS), None)
    if (count is None and (not plural or lemma in lex.anonymous)) or not ({"the", "both"} & set(words)) \
            or any(c.dep_ == "poss" for c in head.children) \
            or NOT_THE_SAME & set(words) or any(c.like_num and c.lower_ not in NUMBER_WORDS for c in mods):
        return None
    label, kind = ("ORG", "organisation") if bodies else ("PERSON", "person")
    gender = lex.gender.get(lemma) or description_gender(head)  # ("men": a man's)

    def fits(ents: tuple[Entity, ...] | list[Entity]) -> bool:
        return (len(ents) == count if count else 1 < len(ents) <= MAX_TOGETHER) \
            and all(e.label == label and (not gender or r.gender_of(e) in (None, gender)) for e in ents)

    sent = r.sent_of[head.i]
    spoke = _said_together_before(r, head)
    if spoke is not None and not fits(spoke.together_entities):
        spoke = None
    for t in reversed(r.doc[:head.i]):
        if r.sent_of[t.i] < sent - TOGETHER_WINDOW:
            break
        if spoke is not None and t.idx < spoke.pos:
            break  # the speakers who said something together since: those (below)
        if t.dep_ not in (("nsubj", "nsubjpass") if count else ("nsubj",)) or r.quoted(t.idx) or not t.conjuncts \
                or not any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children) \
                or t.head.i == head.head.i or head.head in t.head.ancestors:
            continue  # (uncounted, not "were charged"; never the clause the description reports)
        ents = r.entities_named(sorted([t, *t.conjuncts], key=lambda x: x.i))
        if ents is not None and fits(ents):
            return Resolution(ents[0], joint_name([e.name for e in ents]), "description", kind, tuple(ents))
    if spoke is not None:
        return Resolution(spoke.entity, spoke.together, "description", kind, spoke.together_entities)
    return None


def _said_together_before(r: Resolver, head: Token) -> Referent | None:
    """The last speakers who said something together (a referent with their entities) before the
    head, outside quotations, in its sentence or the TOGETHER_WINDOW before."""
    return next((ref for ref in r.referents_back(head, TOGETHER_WINDOW) if ref.together_entities and not r.quoted(ref.pos)), None)


def _relative_named(r: Resolver, head: Token) -> Entity | None:
    """"Michael Jackson's mother said ..." with "His mother Katherine Jackson" elsewhere in the
    article: the one other person of the owner's surname whom the article describes by the same
    noun of kin ("mother", "wife", "son") is the one meant."""
    noun = head.lower_
    if noun not in speaker_words().kin or head.tag_ != "NN":
        return None
    found = _possessor(r, head, person_only=True)
    if found is None or found[1].label != "PERSON":
        return None
    owner = found[1]
    surname = words_of(owner.name)[-1:]
    kin = {e.entity_id: e for e in (r.profiles.canon(x) for x in r.profiles.ents.entities if x.label == "PERSON")
           if e.entity_id != owner.entity_id and words_of(e.name)[-1:] == surname and len(words_of(e.name)) > 1
           and noun in r.profiles.profile.get(e.entity_id, set())}
    return next(iter(kin.values())) if len(kin) == 1 else None


def _owner_spoken_for(r: Resolver, head: Token) -> str | None:
    """"her spokesman", "Mr Hale's official spokesman": the one whose spokesman it is, named, as
    "the (official) spokesman for Tom Hale", as "a spokesman for X" is written."""
    found = _possessor(r, head, person_only=False)
    if found is None or found[1].label not in ("PERSON", "ORG"):
        return None
    return _of_owner(r, found, head, head.lower_, "for")


def _body_spoken_for_named(r: Resolver, head: Token, said: tuple[int, int] | None) -> str | None:
    """"a spokesman for the company": the body "the company" stands for, named, as annotators
    write it ("the spokesman for NTL"); only for a word of the organisation in focus ("the firm",
    "the club": `speaker_descriptions.json` "focus_orgs") that resolves to an organisation."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")), None)
    body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if body is None or body.lower_ not in speaker_words().focus_orgs or [c.lower_ for c in body.children] != ["the"]:
        return None  # (only the bare word: "a spokesman for the supporters club" is written as it is)
    res = describe(r, r.doc[body.left_edge.i].idx, body.idx + len(body.text), body, said)
    if res.entity is None or res.entity.label != "ORG":
        return None
    start = next((c.i + 1 for c in head.children if c.dep_ == "det"), head.i)  # "a (senior) spokesman": the words after the article
    words = r.text[r.doc[start].idx:head.idx + len(head.text)].split()
    return " ".join(["the", *words, prep.lower_, res.entity.name])


def _of_owner(r: Resolver, found: tuple[Token, Entity], head: Token, noun: str, link: str) -> str:
    """"the" + the words between the possessor and the head + the noun + link + the owner's name."""
    poss, owner = found
    last = r.doc[poss.right_edge.i]
    between = r.text[last.idx + len(last.text):head.idx].split()
    return " ".join(["the", *between, noun, link, owner.name])


def _owned_description(r: Resolver, head: Token) -> str | None:
    """"Mr Sigarchi's lawyer", "one of her male colleagues": someone the article describes only by
    a named person they belong to, written as "the lawyer of Arash Sigarchi", "the male colleague
    of Gillian Shepherd" (one of a group: the group's noun in the singular)."""
    one = head.lower_ == "one"
    if one:  # "one of her male colleagues"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if head is None or head.tag_ != "NNS":
            return None
    lex = speaker_words()
    lemma = head.lemma_.lower()
    if (head.lower_.rstrip(".") not in lex.person_nouns and lemma not in lex.person_nouns) \
            or head.lower_ in lex.speaks_for or lemma in lex.speaks_for:  # (a spokesman is "for" someone: `_owner_spoken_for`)
        return None
    found = _possessor(r, head, person_only=True)
    if found is None or found[1].label != "PERSON" or " " not in found[1].name:
        return None  # a one-word "person" is too often a thing the model misread ("Grokster's lawyer")
    return _of_owner(r, found, head, lemma if one else head.lower_, "of")


def _possessor(r: Resolver, head: Token, person_only: bool) -> tuple[Token, Entity] | None:
    """The possessive word before the description's head and the entity it names: a name, or
    what a possessive pronoun refers to, first a fitting person who is a subject before it in its
    sentence ("Rowlands died on Saturday, her agent said"). The owner may well be named in what is
    said ("His agent said Pullman was happy"), so the quote does not rule anyone out."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None or r.quoted(poss.idx):
        return None
    if poss.pos_ == "PRON":
        info = speaker_words().pronouns.get(poss.lower_)
        if info is None or (person_only and info.get("plural")):
            return None
        labels = {"PERSON"} if person_only else set(info.get("labels", ()))
        plural = bool(info.get("plural"))
        owner = _subject_before(r, poss, info.get("gender")) if "PERSON" in labels and not plural else None
        if owner is None:
            ref = r.antecedent(poss, info.get("gender"), labels, plural, None)
            owner = ref.entity if ref is not None else None
    else:
        lo = r.doc[poss.left_edge.i]
        owner = r.profiles.entity_at(lo.idx, poss.idx + len(poss.text), prefer=poss.idx)
    return (poss, r.profiles.canon(owner)) if owner is not None else None


def _subject_before(r: Resolver, pron: Token, gender: str | None) -> Entity | None:
    """The person who is the subject of a clause before the pronoun in its own sentence, of a
    gender that fits."""
    for t in pron.sent:
        if t.i >= pron.i:
            return None
        if t.dep_ in ("nsubj", "nsubjpass") and not r.quoted(t.idx):
            e = r.profiles.entity_at(t.idx, t.idx + len(t.text), prefer=t.idx)
            if e is not None and e.label == "PERSON":
                g = r.gender_of(r.profiles.canon(e))
                if not (gender and g and g != gender):
                    return e
    return None


def _body_called_so(r: Resolver, hw: str, before: int, sent: int) -> Entity | None:
    """"Thames Valley Police ... police said", "media group Reuters ... the group said": a group
    noun that also names a kind of body, written alone, is the body last named with that very word
    in its name or its description, in its sentence or the two before (no looser hint: "the panel"
    is no "Commission"; a body named further back may not be what the group now is)."""
    best, best_pos = _latest_body_called(r, {hw}, ("ORG",), [], before)
    if best is None or sent - r.sent_of[_mention_root(r, best_pos, best_pos + 1).i] > 2:
        return None
    return best


def _only_body_named_with(r: Resolver, hw: str, before: int) -> Entity | None:
    """"the Commons science and technology committee said ... [paragraphs on] the committee
    said": a body often named by its remit (lexicon `named_by_remit`) written alone is the one
    organisation named before `before` whose name ends in that word, however far back; none when
    the article names two ("the Arts Council ... the Film Council")."""
    found = {}
    for e in r.profiles.ents.entities:
        if e.label == "ORG" and r.profiles.first_pos.get(e.entity_id, before) < before:
            c = r.profiles.canon(e)
            if words_of(c.name)[-1:] == [hw]:
                found[c.entity_id] = c
    return next(iter(found.values())) if len(found) == 1 else None


def _remit_named_before(r: Resolver, head: Token) -> str | None:
    """"the environment select committee said ... the committee added": the body the article
    named before by its remit or place in lower case, words no entity holds ("the home affairs
    committee", "an employment tribunal"), as "the" and those words: the latest such naming
    before `head` outside quotations, or an earlier fuller one ending in it ("the Commons home
    affairs committee" over a later "the home affairs committee"); none when there is none."""
    named_so: list[str] = []
    for t in r.doc[:head.i]:
        if t.lower_ != head.lower_ or r.quoted(t.idx) or t.ent_type_:
            continue  # (a body's name the entities hold is `_only_body_named_with`'s)
        mods = [c for c in t.lefts if c.dep_ in ("compound", "nmod")
                or (c.dep_ == "amod" and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")))]
        if not mods:
            continue
        first = min(c.left_edge.i for c in mods)
        while first < t.i and r.doc[first].dep_ in ("det", "poss", "case", "predet"):
            first += 1  # ("The environment committee": the parse may hang the article on a modifier)
        words = r.doc[first:t.i + 1]
        if all(w.is_alpha or w.lower_ in ("and", "&", "-") for w in words):
            named_so.append(words.text)
    if not named_so:
        return None
    latest = named_so[-1]
    return "the " + max((n for n in named_so if n == latest or n.endswith(" " + latest)), key=len)


def _one_of_its_kind(r: Resolver, hw: str, before: int) -> Entity | None:
    """"award-winning duo Vox Lupi ... said the duo", "the Lisbon Book Festival ... the festival
    said": a kind of body or group named by a noun written alone after "the", which neither the
    people's nor the organisations' lexicon knows, is the body or person named before `before`
    with that noun right before one of its mentions (not before a list: "firms Acme, Zeta and
    Lupi"), or, for a kind a body's name ends in (lexicon `kinds`: "festival", not "defence"), a
    body ending its name of two words or more; of two such, the one mentioned last ("US band Vox
    ... rock band Lupi ... Lupi said ... the band thought")."""
    doc, lex = r.doc, speaker_words()
    called: set[str] = set()
    best = None
    for ms, me, e in r.profiles.mentions:
        if ms >= before:
            break
        if e.label not in KIND_LABELS:
            continue
        k = doc.char_span(ms, me, alignment_mode="expand")
        if k is not None and k.start > 0 and doc[k.start - 1].lower_ == hw and not _listed_on(doc, k.end):
            called.add(e.entity_id)
        name = words_of(e.name)
        if e.entity_id in called or (hw in lex.kinds and e.label != "PERSON" and len(name) > 1 and name[-1] == hw):
            best = e
    return best


def _listed_on(doc: Doc, i: int) -> bool:
    """Another name follows token i - 1 in a list (", Zeta", "and Zeta", "& Zeta")."""
    return i + 1 < len(doc) and doc[i].lower_ in (",", "and", "&") and doc[i + 1].text[:1].isupper()


def _governed_body(r: Resolver, head: Token, before: int, alone: bool) -> Entity | None:
    """"the board said": the organisation whose board it is, named on this mention ("the Acme
    board", "Acme's board", "the board of Acme"); for the word `alone` also on an earlier mention
    of it, else the organisation in focus (a board speaks as the body it governs; "the local
    health board" is no company's)."""
    earlier = (x for x in reversed(r.doc[:head.i]) if x.lower_ == head.lower_ and not r.quoted(x.idx)) if alone else ()
    for t in [head, *earlier]:
        owners = [c for c in t.children if c.dep_ in ("compound", "poss") and c.i < t.i]
        owners += [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        for c in owners:
            e = r.profiles.entity_at(c.idx, c.idx + len(c.text), prefer=c.idx)
            if e is not None and e.label == "ORG":
                return e
    if not alone:
        return None
    ref = _in_focus(r, before, "org")
    return ref.entity if ref is not None and r.sent_of[head.i] - ref.sent <= FOCUS_SENTENCES else None


def body_of_members(r: Resolver, start: int, end: int, head: Token) -> Entity | None:
    """"The Constitutional Affairs Select Committee said ... the MPs said": members of a parliament
    (text[start:end], head word `head`) written alone, "MPs" or "the MPs", speak as the one body
    of theirs the article names (an organisation whose name holds one of the lexicon's words for
    it, under its fullest name); none when it names two, nor for "several MPs" or "Tory MPs"."""
    lex = speaker_words()
    heads = lex.members_of.get(head.lower_)
    if not heads or words_of(r.text[start:end]) not in ([head.lower_], ["the", head.lower_]):
        return None
    bodies = {r.profiles.canon(e).entity_id: r.profiles.canon(e) for e in r.profiles.ents.entities
              if e.label == "ORG" and heads & set(words_of(e.name))}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _body_spoken_for(r: Resolver, before: int, sent: int) -> str | None:
    """`The Vestey Group said ... But a spokesman added`: the organisation that spoke or was a
    subject in the sentences just before, else the one named there, as the text writes it ("the
    Vestey Group")."""
    ref = _in_focus(r, before, "org")
    body = ref.entity if ref is not None and sent - ref.sent <= 1 else _one_org_just_named(r, before, sent)
    if body is None:
        return None
    last = max(((s, e) for s, e in body.mentions if s < before), default=None)
    if last is None or _mention_root(r, *last).dep_ == "compound":
        return None  # "ahead of the Army Board meeting, a spokesman said": the board is no speaker there
    k = r.doc.char_span(last[0], last[1], alignment_mode="expand")
    the = k is not None and k.start > 0 and r.doc[k.start - 1].lower_ == "the"
    return f"the {body.name}" if the else body.name


def _org_by_one_word(r: Resolver, head: Token) -> Entity | None:
    """`Group Menatep ... Menatep said`: a capitalised word the model tagged nowhere that ends exactly
    one organisation's longer name (no possessive inside it), and no word organisations share
    ("Group", "Bank"). (The model also tags some people as organisations: "Dai Young".)"""
    lex = speaker_words()
    w = head.lower_
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.is_upper or w in lex.org_nouns \
            or any(w in hints for hints in lex.org_nouns.values()):
        return None
    orgs = {e.entity_id: e for e in r.profiles.ents.entities
            if e.label == "ORG" and len(words_of(e.name)) > 1 and words_of(e.name)[-1] == w
            and "'s " not in e.name and "\u2019s " not in e.name}
    return next(iter(orgs.values())) if len(orgs) == 1 else None


def _definite(r: Resolver, head: Token, hw: str, content: list[str], start: int, said: tuple[int, int] | None) -> Resolution | None:
    """A definite singular description: the entity described so, the unnamed speaker described
    so before, or (an epithet) the person in focus."""
    lex = speaker_words()
    if hw in lex.org_nouns:
        ent = _org_named_inside(r, head)
        if ent is None and not _owned_by_a_person(head):  # "Kelly Ayotte's campaign" is hers, no other body
            ent = _org_earlier_in_sentence(r, head, hw, content) or org_description(r, hw, content, start, r.sent_of[head.i])
        return named(ent, "description") if ent is not None else None
    epithet = is_epithet(head, content)
    if hw not in lex.person_nouns and not epithet and not _person_by_wordnet(head):
        return None
    if _owned_by_a_person(head):
        return None  # "Mr Begg's father", "Ms Cole's lawyer": someone tied to that person, so never them
    gender = description_gender(head)
    ent = person_description(r, content, hw, start, gender=gender, named=r.named_in_quote(said))
    if ent is not None:
        return named(ent, "description")
    office = any(w in lex.offices for w in content)  # an office's holder is found below ("the chancellor")
    ref = earlier_unnamed(r, hw, content, start, gender)
    owned = _owned_description(r, head) if ref is not None else None
    if owned is not None and owned != ref.name:  # "his agent" is not the agent of someone else who spoke before
        return Resolution(None, owned, "description", "unnamed")
    if ref is not None:
        if set(words_of(ref.name)) - set(content) - lex.generic:
            return Resolution(None, ref.name, "description", "unnamed")  # "the spokesman" after "a spokesman for the ballet"
        # the same words spoke before without a name ("The first minister's statement ..."): a person
        # described so since, or the person in focus; but words that introduced someone unnamed
        # ("said a senior Cole adviser ... said the senior Cole adviser") go on meaning them, unless
        # someone is described so
        focus = epithet or office or not _introduced_unnamed(r, ref)
        res = _named_later_or_in_focus(r, head, hw, content, start, said, epithet, gender, focus)
        return res if res is not None and res.entity is not None else Resolution(None, ref.name, "description", "unnamed")
    res = _described_before(r, head, hw, content, gender) if not epithet and not office else None
    if res is not None:
        return res
    return _named_later_or_in_focus(r, head, hw, content, start, said, epithet, gender)


def _named_later_or_in_focus(r: Resolver, head: Token, hw: str, content: list[str], start: int,
                             said: tuple[int, int] | None, epithet: bool, gender: str | None,
                             focus: bool = True) -> Resolution | None:
    """The person a definite description names later in the article, or (with `focus`) the one
    just introduced after the lede, or the person in focus."""
    # named later ("the harbours minister told the council ... Ann Cole, the harbours minister")
    ent = person_description(r, content, hw, len(r.text), strong=True, gender=gender, named=r.named_in_quote(said))
    if ent is not None and not (epithet and _someone_else_in_focus(r, head, gender, ent)):
        return named(ent, "description")
    if not focus:
        return None
    ent = _introduced_after_lede(r, head, hw, content, gender)
    if ent is not None:
        return named(ent, "description")
    return _in_focus_for(r, head, hw, content, start, said, epithet)


def _someone_else_in_focus(r: Resolver, head: Token, gender: str | None, later: Entity) -> bool:
    """For an epithet ("the singer", "the winner") that no one named before it fits (the caller
    found the person its words fit only after it): the nearest person before it of its gender (a
    speaker or a subject, in the body, not the headline) was in the sentence just before and is
    someone else ("Ann Cole has said ... The Oscar winner said" with "Oscar winner Ben Hale" two
    paragraphs on). The caller then reads the epithet as the person in focus, not a forward
    reference. Roles and offices keep their later holder ("The home secretary said" before "Home
    Secretary Ann Cole")."""
    body = _body_start(r)
    ref = r.antecedent(head, gender, {"PERSON"}, False, None, subjects_only=True)
    return ref is not None and ref.entity is not None and (body is None or ref.pos >= r.doc[body].idx) \
        and ref.sent == r.sent_of[head.i] - 1 and r.profiles.canon(ref.entity) is not r.profiles.canon(later)


def _org_earlier_in_sentence(r: Resolver, head: Token, hw: str, content: list[str]) -> Entity | None:
    """"In a statement from Acme Foods ..., the company denied": for a word that stands for
    the organisation in focus (lexicon focus_orgs), the one organisation named earlier in the
    same sentence, outside quotes (none when two are: which one is meant is not told)."""
    lex = speaker_words()
    if hw not in lex.focus_orgs or any(k.startswith("@") for k in description_words(content)):
        return None
    return _one_org_before_in_sentence(r, head)


def _one_org_before_in_sentence(r: Resolver, head: Token) -> Entity | None:
    """The one organisation the sentence names as a source or an owner before the words headed by
    `head` ("a statement from X", "proposals by X", "X's prototypes"), outside quotes; not one the
    sentence is only about ("the use of RFID tags, a survey found")."""
    orgs = {}
    for ms, me, e in r.profiles.mentions_in(head.sent.start_char, r.doc[head.left_edge.i].idx):
        root = _mention_root(r, ms, me)
        if e.label == "ORG" and not r.quoted(ms) and _as_source(root) and _named_as(root, ("poss",), ("from", "by")):
            orgs[e.entity_id] = e
    return next(iter(orgs.values())) if len(orgs) == 1 else None


def _org_named_inside(r: Resolver, head: Token) -> Entity | None:
    """"the CBS network", "the Nokia group": an organisation's name modifying an organisation noun is
    that organisation (not for a part of it: "the Delta subsidiary")."""
    if head.lower_ in speaker_words().parts:
        return None
    for c in head.lefts:
        if c.dep_ == "compound" and c.ent_type_ == "ORG" and not r.quoted(c.idx):
            ent = r.profiles.entity_at(c.idx, c.idx + len(c.text), prefer=c.idx)
            if ent is not None and ent.label == "ORG":
                return ent
    return None


def _introduced_unnamed(r: Resolver, ref: Referent) -> bool:
    """An unnamed speaker introduced by an indefinite description ("a senior Cole adviser")."""
    k = r.doc.char_span(ref.pos, ref.pos + 1, alignment_mode="expand")
    return k is not None and k[0].lower_ in INDEFINITE


def _owned_by_a_person(head: Token) -> bool:
    """A description owned by a person's name ("Mr Begg's father"; not "the OECD's chief economist")."""
    honorifics = speaker_words().honorifics
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN" and (
                c.ent_type_ == "PERSON" or any(w.lower_.rstrip(".") in honorifics for w in c.lefts)):
            return True
    return False


def _introduced_after_lede(r: Resolver, head: Token, hw: str, content: list[str], gender: str | None) -> Entity | None:
    """A report's first sentence describes, its second names ("Scotland's first minister has
    told pupils ... Jack McConnell was speaking to ..."): a description in the article's first
    sentence is the person the next sentence opens with as its subject, named there for the
    first time, when the article gives them no other role (`_may_hold`) and no other gender; the
    description's words then describe them. Not a role that stands for someone unnamed ("A
    spokesman said ... John Cole disagreed")."""
    lex = speaker_words()
    if hw in lex.anonymous:
        return None
    body = _body_start(r)
    sent = r.sent_of[head.i]
    if body is None or sent != r.sent_of[body]:
        return None
    found = _named_first_next(r, head, gender, since=r.doc[body].idx)  # (the headline may name them: "McConnell in 'drunk' remark row")
    if found is None or not _may_hold(found[1], content):
        return None
    e = found[1]
    # the lede's words describe them from now on ("Juninho's agent" ... "The agent also stressed")
    r.profiles.profile.setdefault(e.entity_id, set()).update(description_words(content))
    return e


def _named_next_by_role(r: Resolver, head: Token, hw: str, content: list[str], gender: str | None) -> Entity | None:
    """`This week a judge claimed drink breeds "urban savages". Judge Ann Cole made her remarks
    as ...`: an indefinite description anywhere is the person the next sentence opens with as its
    subject, named there for the first time under a role that holds every word of the
    description ("a Labour MP ... Tory MP Tom Reid said" is someone else), when not of the other
    gender and when that sentence sets no one apart ("another", "colleague"). Not a role that
    often stands for someone unnamed: "a spokesman said ... Lib Dem spokesman Ann Cole has
    called" may be another party's."""
    if hw in speaker_words().anonymous:
        return None
    found = _named_first_next(r, head, gender, since=0)  # (named before: someone the article already knew)
    if found is None:
        return None
    nxt, e = found
    if not set(content) <= set(words_of(" ".join([*e.roles, e.role or ""]))):
        return None
    nxt_sent = next(s for s in r.doc.sents if s.start_char <= nxt.pos < s.end_char)
    return None if {t.lower_ for t in nxt_sent} & SETS_APART else e


def _named_first_next(r: Resolver, head: Token, gender: str | None, since: int) -> tuple[Referent, Entity] | None:
    """The person the sentence after `head`'s opens with as its subject (the referent, and the
    person under the fullest name), when named there for the first time since character `since`
    and not of the other gender."""
    sent = r.sent_of[head.i]
    nxt = next((ref for ref in r.profiles.subjects if ref.sent == sent + 1 and ref.subject), None)
    if nxt is None or nxt.entity is None or nxt.entity.label != "PERSON":
        return None
    e = r.profiles.canon(nxt.entity)
    if any(since <= ms < nxt.pos and r.profiles.canon(x) is e for ms, _, x in r.profiles.mentions) \
            or (gender and r.gender_of(e) not in (None, gender)):
        return None
    return nxt, e


SETS_APART = frozenset({"another", "other", "separate", "colleague", "colleagues"})  # words of a second person of the same role


LEDE_SENTENCES = 3  # how far into the body a description may be one the article names only later


def _body_named_after_lede(r: Resolver, head: Token, hw: str) -> Entity | None:
    """A body the report's opening sentences describe ("an all-party committee said") and name
    only later: the one organisation first named after the description whose name holds its noun
    ("the Constitutional Affairs Select Committee")."""
    body = _body_start(r)
    if body is None or r.sent_of[head.i] - r.sent_of[body] >= LEDE_SENTENCES:
        return None
    p = r.profiles
    found = {p.canon(e).entity_id: p.canon(e) for e in p.ents.entities
             if e.label == "ORG" and p.first_pos.get(e.entity_id, -1) > head.idx and hw in words_of(e.name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _body_start(r: Resolver) -> int | None:
    """The first token of the article after its headline line."""
    nl = r.text.find("\n")
    if nl < 0:
        return None
    i = bisect.bisect_right(r.doc, nl, key=lambda t: t.idx)  # the tokens after the headline's line break
    while i < len(r.doc) and r.doc[i].is_space:
        i += 1
    return i if i < len(r.doc) else None


def _in_focus_for(r: Resolver, head: Token, hw: str, content: list[str], start: int, said: tuple[int, int] | None,
                  epithet: bool) -> Resolution | None:
    """A description no one fits: the person the sentences before are about ("Ferguson said ...
    The Man Utd boss continued"), unless it stands for someone unnamed ("the spokesman"). An
    office's one holder ("the prime minister") is that person only when they spoke last, or acted
    in the sentence before (its subject, not of a passive: "Tony Blair has launched an attack ...
    The prime minister said"), or are the only person the article has named so far ("Tony
    Blair's big speech ... The prime minister used his speech"), and the article gives them no
    other role and no other country (`"...," Mr Putin said. ... "...," the Russian president
    said`); the same office is then the same person for the rest of the article. An epithet ("the
    Scot") is also the article's main person. A description owned by "his" or "her" ("her
    rival") is someone tied to the person in focus, so never that person."""
    lex = speaker_words()
    party_voice = hw in lex.speaks_for and _of_a_party(head)  # "the Tory spokesman", not "the spokesman"
    anonymous = not epithet and hw in lex.anonymous and not party_voice  # a role that often stands for someone unnamed
    goes_on = anonymous and _goes_on(head)
    if anonymous and not goes_on:
        return None
    if any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in head.children):
        return None  # "her rival", "his lawyer"
    office = tuple(content) if not epithet and any(w in lex.offices for w in content) else None
    if epithet:
        ent = _subject_of_fronted_clause(r, head, description_gender(head))
        if ent is not None:  # "When Ann Cole shook his hand, the Australian said"
            return named(ent, "description")
    if office is not None and office in r.office_holders:
        return named(r.office_holders[office], "description")
    ref = r.antecedent(head, description_gender(head), {"PERSON"}, False, said, subjects_only=True)
    if goes_on and (ref is None or ref.entity is None or not ref.speaker or r.sent_of[head.i] - ref.sent > 1):
        return None  # "the lawyer added" goes on only with the one who spoke just before
    if not epithet and ref is not None and ref.entity is not None and _spoken_of(r, ref, head, hw):
        return None  # "Ann Cole said the first minister's remark was ill-advised. The first minister ...": not Ann Cole
    if party_voice:
        if ref is None or ref.entity is None or not ref.speaker:
            return None
        return r.referent_resolution(ref, "description")
    focus = r.profiles.canon(ref.entity) if ref is not None and ref.entity is not None else None  # (under its fullest name)
    may_hold = office is not None and focus is not None and _may_hold(focus, content)
    acted = ref is not None and (ref.speaker or (may_hold and ref.subject and not ref.passive and r.sent_of[head.i] - ref.sent == 1))
    if office is not None and (ref is None or ref.entity is None or not acted):
        holder = _only_person_so_far(r, start, content)
        if holder is not None and not _named_beside(r, holder, head, content):
            r.office_holders[office] = holder  # "Tony Blair's big speech ... The prime minister used his speech"
            return named(holder, "description")
    if ref is not None and ref.entity is not None and _other_rank(r, ref.entity, content):
        return None  # the shadow home secretary in focus is not "the home secretary"
    if office is None and not epithet and ref is not None and ref.entity is not None:
        other = _roleless_instead(r, ref.entity, head, hw, content, start)
        if other is not None:
            return named(other, "description")
    if ref is not None and ref.entity is not None:
        if office is not None:
            if not (acted and may_hold) or _named_beside(r, focus, head, content):
                return _main_person_for(r, head, office)
            r.office_holders[office] = focus
        return r.referent_resolution(ref, "description")
    if office is not None:
        return _main_person_for(r, head, office)
    ent = r.topic_person(start, description_gender(head), exclude=r.named_in_its_clause(head)) if epithet else None
    return named(ent, "description") if ent is not None else None


def _spoken_of(r: Resolver, ref: Referent, head: Token, hw: str) -> bool:
    """The description's head word stands after the person in focus (`ref`) and before the
    description as an owner ("Ann Cole said the first minister's remark was ..."): the person in
    focus spoke or wrote of the one the description names (not a role given to them: "took over
    as manager", "was elected leader")."""
    first = bisect.bisect_right(r.doc, ref.pos, key=lambda t: t.idx)  # the first token after the person's mention starts
    return any(t.lower_ == hw and t.dep_ == "poss" for t in r.doc[first:head.i])


GOES_ON = ("add", "continue")  # a cue that goes on with words already begun


def _goes_on(head: Token) -> bool:
    """"The lawyer added": a definite description as the subject of a cue that goes on with the
    words of someone who spoke just before (`_in_focus_for` then asks that they did); not when the
    article introduced someone unnamed by that word before ("A witness told the court ... The
    witness added")."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in GOES_ON or not definite:
        return False
    return not any(t.lower_ == head.lower_ and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in t.children)
                   for t in head.doc[:head.i])


def _subject_of_fronted_clause(r: Resolver, head: Token, gender: str | None) -> Entity | None:
    """`When Ann Cole shook his hand, the Australian said`: an epithet subject of a clause that a
    clause before it in the same sentence leads into (when, after, as ...) is that clause's subject,
    a person named by name (not of the other gender, nor of another country than the epithet's),
    unless that clause acts on a person ("beat him"), who may be the one the epithet means."""
    if head.dep_ != "nsubj":
        return None
    for c in head.head.children:
        if c.dep_ != "advcl" or c.i > head.i:
            continue
        subj = next((s for s in c.children if s.dep_ == "nsubj" and s.ent_type_ == "PERSON"), None)
        if subj is None or any(t.dep_ in ("dobj", "pobj", "dative") and (t.lower_ in ("him", "her") or t.ent_type_ == "PERSON")
                               for t in c.subtree):
            continue  # "When Tom Reilly beat him, the Dutchman said": the epithet is the one the clause acts on
        e = r.profiles.canon(r.profiles.entity_at(subj.idx, subj.idx + len(subj.text), prefer=subj.idx))
        if e is None or e.label != "PERSON" or r.gender_of(e) not in (None, gender or r.gender_of(e)):
            continue
        nat = {k for k in description_words([w.lower_ for w in head.subtree]) if k.startswith("@")}
        known = {k for k in r.profiles.profile_before(e.entity_id, head.idx) if k.startswith("@")}
        if not (nat and known and not nat & known):  # (not "the Dutchman" for one the article calls Spanish)
            return e
    return None


def _roleless_instead(r: Resolver, ent: Entity, head: Token, hw: str, content: list[str], start: int) -> Entity | None:
    """`Home Secretary Charles Clarke vowed ... despite a call from Charles Kennedy. The Lib Dem leader
    said`: the person in focus has a role that shares no word with the description (`_role_apart`),
    and the sentence before (or this one, before the description, which starts at `start`) names one
    other person of its gender, to whom the article gives no role: that person."""
    if not _role_apart(r, ent, hw, content):
        return None
    e = r.profiles.canon(ent)
    gender = description_gender(head)
    others = [o for o in _people_named(r, _previous_sentence_start(r, head), start) if o.entity_id != e.entity_id]
    fit = [o for o in others if not _has_role(r, o) and r.gender_of(o) in (None, gender or r.gender_of(o))]
    return fit[0] if len(fit) == 1 and len(others) == 1 else None


def _role_apart(r: Resolver, ent: Entity, hw: str, content: list[str]) -> bool:
    """The person in focus has a role (`_has_role`) and the description shares no word with what
    the article calls them, nor a word meaning the same (`synonyms`)."""
    e = r.profiles.canon(ent)
    if not _has_role(r, e):
        return False
    lex = speaker_words()
    return not ((description_words(content) | {hw, *lex.synonyms.get(hw, ())}) & r.profiles.profile.get(e.entity_id, set()))


def _has_role(r: Resolver, e: Entity) -> bool:
    """The article gives the person a role, or a job among the words it describes them by ("moderator
    Tom Reid"); not a word for whom the article is about ("music mogul"), their sex or family ("a
    local man", "a father of two"), nor what often stands for someone unnamed ("an official")."""
    if e.roles or e.role:
        return True
    return bool(r.profiles.profile.get(r.profiles.canon(e).entity_id, set()) & _job_nouns())


@functools.cache
def _job_nouns() -> frozenset[str]:
    """The person nouns that are a job (`_has_role`), computed once."""
    lex = speaker_words()
    return frozenset(lex.person_nouns - lex.epithets - lex.kin - lex.anonymous - lex.gender.keys())


def _previous_sentence_start(r: Resolver, head: Token) -> int:
    """Where the sentence before `head`'s starts (its own start in the first sentence); a closing
    mark or paragraph break the parse made a sentence of its own is no sentence."""
    sent = head.sent
    k = sent.start - 1
    while k >= 0 and (r.doc[k].is_space or r.doc[k].is_punct):
        k -= 1
    return r.doc[k].sent.start_char if k >= 0 else sent.start_char


def _only_person_so_far(r: Resolver, before: int, content: list[str]) -> Entity | None:
    """The one person the article has named (outside quotes) before character `before` who may hold
    the office of `content`, if only one: people the article gives another role ("Chancellor
    Gordon Brown") or rank are not candidates."""
    fit = [e for e in _people_named(r, 0, before) if _may_hold(e, content) and not _other_rank(r, e, content)]
    return fit[0] if len(fit) == 1 else None


def _main_person_for(r: Resolver, head: Token, office: tuple[str, ...]) -> Resolution | None:
    """An office ("the prime minister") no rule above gives a holder: the person the article names
    most (outside quotations, at least twice, and twice as often as anyone else who may hold it),
    already named before it and named with an honorific somewhere ("Mr Blair": as news names a
    public figure, not a player or a winner it calls "Blair"), when the article gives them no
    other role, rank, country or office found ("the president" before) and never names them beside
    the office's words as someone else; that person holds the office for the rest of the article.
    Two people named about as often ("Tony Blair" and "Gordon Brown" in a row about both): no one."""
    content = list(office)
    people = r.people_counted(len(r.text))
    holding = {r.profiles.canon(e).entity_id for o, e in r.office_holders.items() if o != office}
    fit = sorted(((p.count, k) for k, p in people.items() if _may_hold(p.entity, content) and not _other_rank(r, p.entity, content)
                  and k not in holding), reverse=True)  # (not the person found to hold another office: "the president")
    if not fit or fit[0][0] < 2 or (len(fit) > 1 and fit[0][0] < 2 * fit[1][0]):
        return None
    holder = people[fit[0][1]]
    if not holder.titled or holder.first >= head.idx or _named_beside(r, holder.entity, head, content):
        return None
    r.office_holders[office] = holder.entity
    return named(holder.entity, "description")


def _people_named(r: Resolver, start: int, end: int) -> list[Entity]:
    """The people (under their fullest names) named outside quotes between characters start and end."""
    people = {}
    for ms, _, e in r.profiles.mentions_in(start, end):
        if e.label == "PERSON" and not r.quoted(ms):
            c = r.profiles.canon(e)
            people[c.entity_id] = c
    return list(people.values())


def _named_beside(r: Resolver, holder: Entity, head: Token, content: list[str]) -> bool:
    """The office's words and the person's name in one sentence up to this one, outside quotes
    ("The premier insisted Mr Brown will have a key role"; "a poster of the prime minister and
    Mr Brown"): two people."""
    last = content[-1]
    for t in r.doc[:head.i + 1]:
        if t.lower_ != last or r.quoted(t.idx):
            continue
        for ms, me, e in r.profiles.mentions_in(t.sent.start_char, t.sent.end_char):
            if not r.quoted(ms) and r.profiles.canon(e) is holder and not (ms <= t.idx < me):
                return True
    return False


def _other_rank(r: Resolver, e: Entity, content: list[str]) -> bool:
    """The person is described with a rank ("shadow", "vice") the description does not have."""
    prof = r.profiles.profile.get(r.profiles.canon(e).entity_id, set()) | r.profiles.profile.get(e.entity_id, set())
    return any(w in prof and w not in content for w in speaker_words().ranks)


def _may_hold(e: Entity, content: list[str]) -> bool:
    """Whether the person may hold the office the description names: the article gives them no
    role at all, and no country other than the description's ("the Russian president")."""
    if e.roles or e.role:
        return False
    desc = parse_description(" ".join(content), gazetteer())
    return not (desc is not None and desc.countries and e.country and e.country not in desc.countries)


# ---- appositions and names -------------------------------------------------------------------------
def appositive(r: Resolver, head: Token) -> Entity | None:
    """A person or organisation named in apposition to the description, after a comma or right
    after its head ("said eighth seed Agassi"); also when the parse hung the name on the
    description's last noun ("the BBC's correspondent in Jakarta, Rachel Harvey, told")."""
    kids = [(head, c) for c in head.children]
    nouns, of_nouns = [head], []
    for _ in range(3):  # down the description's "of" phrases: "director of the Victims of Crime Trust, Norman Brennan,"
        nouns = [o for n in nouns for c in n.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        of_nouns += nouns
        kids += [(head, x) for o in nouns for x in o.children if x.dep_ in ("appos", "npadvmod") and x.ent_type_ == "PERSON"]
    titles = gazetteer().titles
    for c in [c for n in (head, *of_nouns) for c in n.children]:  # "The head of the unit, Detective Chief Superintendent, Ann Cole, said"
        if c.dep_ in ("appos", "conj") and c.lower_ in titles and r.doc[c.left_edge.i - 1].text == "," and not c.ent_type_:
            kids += [(c, x) for x in c.children if x.dep_ == "appos" and x.ent_type_ == "PERSON"]
    labels = ("PERSON",) if personlike(head) and head.pos_ != "PROPN" else NAME_LABELS
    for anchor, c in kids:
        lo = c.left_edge.i
        if c.dep_ == "conj":  # "his friend and colleague Tom Reid": the parse made the name a second description
            lo = c.i
            while lo > anchor.i + 1 and r.doc[lo].ent_iob_ == "I":
                lo -= 1
        if c.dep_ not in ("appos", "npadvmod", "conj") or (c.dep_ != "appos" and c.ent_type_ != "PERSON") or r.quoted(c.idx):
            continue
        beside = c.dep_ != "conj" and (r.doc[lo - 1].text == "," or lo == anchor.i + 1)
        if _words_between(r, anchor.i, lo) < APPOSITION_GAP and (beside or _second_role(r, anchor, lo)):
            e = r.profiles.entity_at(c.idx, c.idx + len(c.text), prefer=c.idx)
            if e is None:  # "Director of Public Prosecutions, Ken Macdonald QC,": the parse made the letters the head
                e = next((m for _, _, m in r.profiles.mentions_in(r.doc[lo].idx, c.idx + len(c.text))), None)
            if e is not None and e.label in labels:
                return e
    if head.dep_ == "appos" and head.head.i < head.i and not r.quoted(head.head.idx):
        h = head.head
        e = r.profiles.entity_at(h.idx, h.idx + len(h.text), prefer=h.idx)
        if e is not None and e.label in NAME_LABELS:
            return e
    return None


def _titled_by_of_phrase(r: Resolver, head: Token) -> Entity | None:
    """"Director of rugby Ann Cole revealed that ...", "Head of research Tom Reid said": a title whose
    "of" phrase runs into a person's name (the parse made the name its object, and the subject's
    words stop at the title) is that person's title, when the words between name a field, not a
    person, and carry no determiner or possessive ("the manager of striker Ann Cole", "the
    director of the singer Ann Cole" and "the director of Ann Cole's film" are not Ann Cole); or
    a title whose "of" phrase names a body the name follows (`_named_after_body`)."""
    titles, person_nouns = gazetteer().titles, speaker_words().person_nouns
    if head.lower_ not in titles:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        e = _named_after_body(r, prep)
        if e is not None:
            return e
        if obj is None or obj.ent_type_ != "PERSON" or r.quoted(obj.idx) or any(c.dep_ == "case" for c in obj.children):
            continue
        first = obj.i
        while first > prep.i + 1 and r.doc[first - 1].ent_type_ == "PERSON" and r.doc[first].ent_iob_ == "I":
            first -= 1
        between = r.doc[prep.i + 1:first]
        if len(between) and not any(t.pos_ in ("DET", "PRON") or t.dep_ in ("poss", "case") or t.ent_type_ == "PERSON"
                                    or t.lower_ in titles or t.lower_ in person_nouns for t in between):
            e = r.profiles.entity_at(obj.idx, obj.idx + len(obj.text), prefer=obj.idx)
            if e is not None and e.label == "PERSON":
                return e
    return None


def _named_after_body(r: Resolver, prep: Token) -> Entity | None:
    """"Chairman of the Audit Committee Ann Cole MP said": a person's name written right after
    the organisation a title's "of" phrase names ("the" at most before it), inside that phrase
    however the parse hung it, is the title's holder (not an owner: "director of Acme Tom Reid's
    film")."""
    words = [t for t in prep.subtree if t.i > prep.i]
    if words and words[0].lower_ == "the":
        words = words[1:]
    body = None
    for t in words:
        if r.quoted(t.idx) or not t.text[:1].isupper():
            return None
        e = r.profiles.entity_at(t.idx, t.idx + len(t.text), prefer=t.idx)
        if e is None:
            return None
        if e.label == "ORG" and (body is None or body.entity_id == e.entity_id):
            body = e
            continue
        if e.label != "PERSON" or body is None:
            return None
        end = next((me for ms, me in e.mentions if ms <= t.idx < me), t.idx + len(t.text))
        return None if r.text.startswith(("'s", "’s"), end) else e  # not "director of Acme Tom Reid's film"
    return None


def _words_between(r: Resolver, i: int, j: int) -> int:
    """Tokens between tokens i and j, a parenthesis and what it holds aside ("the chair of the
    Internet Engineering Task Force (IETF), Brian Carpenter")."""
    n = depth = 0
    for t in r.doc[i + 1:j]:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            n += 1
    return n if not depth else j - i - 1  # (a bracket left open hides nothing)


def _second_role(r: Resolver, head: Token, lo: int) -> bool:
    """"his friend and fellow broadcaster Michael Pointon": between the description's head, which
    has a possessor, and the name, only "and" and a second role (adjectives and nouns in lower
    case). Without a possessor it may be two people ("the manager and coach Tom Reid")."""
    between = r.doc[head.i + 1:lo]
    return any(c.dep_ == "poss" for c in head.children) and len(between) >= 2 and between[0].lower_ == "and" \
        and all(t.pos_ in ("ADJ", "NOUN") and t.is_lower for t in between[1:])


def _named_after_honorific(r: Resolver, start: int, end: int) -> Entity | None:
    """"Dr Ann Cole games systems director at Acme told ...": a description that opens with an
    honorific and a person's name (no comma between the name and its job) is that person; not
    "Mr Cole's lawyer"."""
    words = r.doc.char_span(start, end, alignment_mode="expand")
    if words is None or len(words) < 2 or words[0].text not in gazetteer().honorifics:
        return None
    found = r.profiles.mentions_in(words[1].idx, end)
    if not found or found[0][0] != words[1].idx or found[0][2].label != "PERSON":
        return None
    after = r.text[found[0][1]:found[0][1] + 1]
    return found[0][2] if after.isspace() else None  # not "Mr Cole's lawyer", nor a name cut at a hyphen ("Ann Cole-Hart")


def _named_after(r: Resolver, end: int) -> Entity | None:
    """A person named between commas right after the description, however far its head is
    ("The president of one of the city's main clubs, Ann Cole, says")."""
    m = _COMMA.match(r.text, end)
    if m is None:
        return None
    found = r.profiles.mentions_in(m.end(), m.end() + 80)
    if not found or found[0][0] != m.end() or found[0][2].label != "PERSON" or r.quoted(m.end()):
        return None
    return found[0][2] if r.text[found[0][1]:found[0][1] + 1] == "," else None


def proper_name(r: Resolver, head: Token) -> str | None:
    """A person's name no entity holds: the name the model tagged at the head word, or the
    capitalised words from a known first name to the head, titles and honorifics before it left
    out ("Nottingham City Councillor Brian Parbutt" -> "Brian Parbutt")."""
    if head.pos_ != "PROPN" and head.ent_type_ != "PERSON":
        return None
    lex = speaker_words()
    toks = next(([t for t in ent if t.text[:1].isupper()] for ent in r.doc.ents
                 if ent.start <= head.i < ent.end and ent.label_ == "PERSON"), [])
    if not toks:
        i = head.i
        while i - 1 >= 0 and r.doc[i - 1].pos_ == "PROPN" and r.doc[i - 1].text[:1].isupper() and head.i - i < 4:
            i -= 1
        run = list(r.doc[i:head.i + 1])
        first = next((n for n, t in enumerate(run[:-1]) if t.lower_ in lex.male or t.lower_ in lex.female), None)
        toks = run[first:] if first is not None else []
    if not toks:
        toks = _fuller_before(r, head)
    if not toks and head.i > 0 and r.doc[head.i - 1].lower_.rstrip(".") in lex.honorifics and head.text[:1].isupper():
        return f"{r.doc[head.i - 1].text} {head.text}"  # "Lord Nicholls", "Mrs Okafor": a titled surname is a name
    while toks and (toks[0].lower_.rstrip(".") in lex.honorifics or toks[0].lower_.rstrip(".") in lex.abbreviations):
        toks = toks[1:]
    return " ".join(t.text for t in toks) if len(toks) >= 2 else None


def _fuller_before(r: Resolver, head: Token) -> list[Token]:
    """A surname the model tagged nowhere, written in full earlier in the article ("Yiannis
    Papadoyiannakis, who was head of ... Papadoyiannakis said"): the words of that fuller name,
    capitalised names before the surname that are no title, organisation or place."""
    if head.is_upper or _title_word(head):
        return []  # "MP", "Lords": no surname
    for t in r.doc[:head.i]:
        if t.text != head.text or r.quoted(t.idx):
            continue
        i = t.i
        while i - 1 >= 0 and t.i - i < 2 and r.doc[i - 1].pos_ == "PROPN" and r.doc[i - 1].text[:1].isupper() \
                and r.doc[i - 1].ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC") and not _title_word(r.doc[i - 1]):
            i -= 1
        if i < t.i:
            return list(r.doc[i:t.i + 1])
    return []


def _title_word(t: Token) -> bool:
    """A title, an honorific or a job ("Chief", "Lords", "Model"), in any number."""
    lex, w = speaker_words(), t.lower_.rstrip(".")
    return any(x in lex.honorifics or x in lex.abbreviations or x in lex.person_nouns or x in lex.epithets
               for x in (w, w[:-1] if w.endswith("s") else w))


# ---- what someone said or wrote ------------------------------------------------------------------
def names_utterance(head: Token) -> bool:
    """The speaker's words are what someone said or wrote ("the statement", "his remarks"), of
    whatever part of speech the tagger made them."""
    lex = speaker_words()
    if head.pos_ == "PROPN" or any(c.like_num and c.ent_type_ != "DATE" for c in head.children):
        return False  # a named or numbered part of a text ("Section 5"), not something someone said ("its 2002 report")
    return head.lower_.rstrip(".") in lex.utterances or head.lemma_.lower() in lex.utterances


def maker_of(r: Resolver, head: Token, start: int, said: tuple[int, int] | None) -> Resolution | None:
    """Who made the statement, report or comments `head` names."""
    whose = speaker_words().utterances.get(head.lemma_.lower(), speaker_words().utterances.get(head.lower_))
    if whose == "maker":  # a video, a caption: only its own maker, never another one's or whoever is in focus
        made_by = speaker_words().made_by.get(head.lemma_.lower())
        return named_maker(r, head, said) or _maker_by_verb(r, head, said, made_by) or _made_when_first_named(r, head, said)
    res = named_maker(r, head, said)
    if res is None and any(c.dep_ == "poss" and c.pos_ == "NOUN" and not _may_make(c) for c in head.children):
        return None  # "the movie's poster": owned by a thing, so written as it is
    if res is None:
        res = _earlier_maker(r, head, said)
    if res is None:
        res = _maker_by_its_verb(r, head, said)
    if res is not None:
        return res
    ent = _one_org_before_in_sentence(r, head) if whose == "org" else None
    if ent is not None:  # "In proposals from the Sentencing Council, the section on theft said"
        return named(ent, "description")
    ref = _introduced_with(r, head) if whose == "org" else None
    if ref is None and _generic(head):
        return None  # "such as ignoring emails that claim ...": anyone's, so written as it is
    if ref is None and _part_of_a_text(head):
        return None  # "an excerpt of the report reads": the report's, whoever spoke last, so written as it is
    if ref is None:
        ref = _in_focus(r, start, whose)
    if ref is None and whose == "org":
        ref = _speaker_just_before(r, start, r.sent_of[head.i])
    return r.referent_resolution(ref, "description") if ref is not None else None


def _part_of_a_text(head: Token) -> bool:
    """The utterance is a part of another text its "of", "from" or "in" phrase names ("an excerpt
    of the report", "a passage in the book", "the text of the ruling"; `parts_of_texts`; not "a
    transcript of the interview", which is the interviewee's words)."""
    return head.lower_ in speaker_words().parts_of_texts and any(
        p.dep_ == "prep" and p.lower_ in ("of", "from", "in") and any(o.dep_ == "pobj" and names_utterance(o) for o in p.children)
        for p in head.children)


def _generic(head: Token) -> bool:
    """A plural utterance with no determiner or owner ("emails that claim ...", "reports
    suggest"): such words in general, not the ones the speaker in focus made."""
    return head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in head.children)


def _speaker_just_before(r: Resolver, before: int, sent: int) -> Referent | None:
    """`An unnamed spokesperson denied it, insisting: "...". The statement added: "..."`: with no
    organisation in focus, a statement is the last speaker's when they spoke in this sentence or
    the one before (named or not)."""
    for ref in reversed(r.referents):
        if ref.pos >= before or r.quoted(ref.pos) or not ref.speaker:
            continue
        return ref if sent - ref.sent <= 1 and (ref.entity is not None or ref.name) else None
    return None


def _introduced_with(r: Resolver, head: Token) -> Referent | None:
    """The organisation introduced with the report or study the article first mentions ("...,
    a report says." / "The National Audit Office praised ..."): the organisation subject
    nearest to that first mention, within INTRO_SENTENCES sentences."""
    sent = r.sent_of[_first_mention(r, head).i]
    best, best_d = None, INTRO_SENTENCES + 1
    for ref in r.referents:
        if ref.entity is None or ref.entity.label != "ORG" or not ref.subject or ref.pos >= head.idx or r.quoted(ref.pos):
            continue
        d = abs(ref.sent - sent)
        if d < best_d:
            best, best_d = ref, d
    return best


def _first_mention(r: Resolver, head: Token) -> Token:
    """The article's first mention, outside quotes, of the word `head` is (a report, a lawsuit)."""
    lemma = head.lemma_.lower()
    return next((t for t in r.doc[:head.i + 1] if t.lemma_.lower() == lemma and not r.quoted(t.idx)), head)


def named_maker(r: Resolver, t: Token, said: tuple[int, int] | None) -> Resolution | None:
    """The maker an utterance noun names itself: its possessor ("his comments", "the club's
    statement"; a person or a body, not a thing: "the movie's poster"), author ("the NIESR
    report", "the report by telecoms giant BT", "an email sent by Ann Lee", "The memo was written
    by Tom Reid"), the paper it ran in ("a review in the Harbour Times") or the owner of the site
    it was posted on ("a statement on her website", `speaker_descriptions.json` "venues"). Also
    whom an "it" standing for the utterance means (`speaker.py`)."""
    for c in t.children:
        if r.quoted(c.idx):
            continue
        if c.dep_ == "poss":
            lo = r.doc[c.left_edge.i]
            res = r.resolve(lo.idx, c.idx + len(c.text), c, said)
            if res.speaker is not None and (res.entity is not None or _may_make(c)):
                return replace(res, attribution="description")  # not "the movie's poster"
        if c.dep_ in ("compound", "nmod", "amod") or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of")):
            w = next((x for x in c.children if x.dep_ == "pobj"), None) if c.dep_ == "prep" else c
            if w is None:
                continue
            e = r.profiles.entity_at(w.idx, w.idx + len(w.text), prefer=w.idx)
            if e is None and c.dep_ == "prep":  # "by telecoms giant BT"
                end = r.doc[w.right_edge.i]
                e = next((m for _, _, m in r.profiles.mentions_in(r.doc[w.left_edge.i].idx, end.idx + len(end.text))
                          if m.label in ("PERSON", "ORG")), None)
            if e is not None and e.label in NAME_LABELS:
                return named(e, "description")
        if c.dep_ == "acl" and c.tag_ == "VBN":
            res = _sender(r, c)  # "an email sent out by Ann Lee": the agent made it
            if res is not None:
                return res
        if c.dep_ == "prep" and c.lower_ == "in" and c.i == t.i + 1 and t.lemma_.lower() in speaker_words().run_in:
            # "a review in the Harbour Times": that paper's (not "a statement in Parliament")
            w = next((x for x in c.children if x.dep_ == "pobj"), None)
            e = r.profiles.entity_at(w.idx, w.idx + len(w.text), prefer=w.idx) if w is not None else None
            if e is not None and e.label == "ORG":
                return named(e, "description")
        if c.dep_ == "prep" and c.lower_ == "on":  # "a statement on her website": the site's owner posted it
            w = next((x for x in c.children if x.dep_ == "pobj"), None)
            if w is not None and w.lemma_.lower() in speaker_words().venues:
                res = named_maker(r, w, None)  # (a statement on her site may name her: "Kim will return on ...")
                if res is not None:
                    return res
    return _sender(r, t.head) if t.dep_ == "nsubjpass" else None  # "The memo was written by Tom Reid"


def _may_make(owner: Token) -> bool:
    """An utterance's possessor that can have made it: a pronoun, a person or a body ("his
    comments", "the club's statement"), not a thing ("the movie's poster") nor a day ("Thursday's report")."""
    if owner.ent_type_ in ("DATE", "TIME"):
        return False  # "Thursday's report": when, not who
    return owner.pos_ == "PRON" or personlike(owner) or owner.lemma_.lower() in speaker_words().org_nouns


def _sender(r: Resolver, verb: Token) -> Resolution | None:
    """The named agent of a passive verb of sending or writing (`sent_by`: "sent by Ann Lee",
    "signed by the board"), else None; not one who acted for someone else ("a statement issued by
    the police on behalf of the family"), nor a publisher ("published by Penguin": not `sent_by`)."""
    if verb.lemma_.lower() not in speaker_words().sent_by or any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "behalf" for g in c.children) for c in verb.children):
        return None
    agent = next((a for a in verb.children if a.dep_ == "agent"), None)
    w = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
    e = r.profiles.entity_at(w.idx, w.idx + len(w.text), prefer=w.idx) if w is not None and not r.quoted(w.idx) else None
    return named(e, "description") if e is not None and e.label in NAME_LABELS else None


def _earlier_maker(r: Resolver, head: Token, said: tuple[int, int] | None) -> Resolution | None:
    """The maker of this utterance or of the same kind of utterance earlier in the article: the
    subject of the verb it serves ("Trump and Ryan issued a statement describing ...", "the club
    said in its statement"; "Ann Lee sent an email appeal", the whole the utterance word is part
    of, only under a verb of sending), its possessor or author."""
    lemma = head.lemma_.lower()
    for i in range(head.i, -1, -1):
        t = r.doc[i]
        if t.lemma_.lower() != lemma or r.quoted(t.idx) or t.pos_ != "NOUN" or t.ent_type_:
            continue  # (not a name: "the BBC's World Business Report")
        whole = t
        while whole.dep_ == "compound" and whole.head.pos_ == "NOUN" and whole.head.i > whole.i:
            whole = whole.head  # "an email fundraising appeal": the appeal is what was sent
        if whole is not t and not (whole.dep_ == "dobj" and whole.head.lemma_.lower() in speaker_words().sent_by):
            whole = t  # ("checked his email inbox": no one sent the inbox)
        res = _maker_by_verb(r, whole, said)
        if res is None and i != head.i:
            res = named_maker(r, t, said)
        if res is not None:
            return res
    return None


def _maker_by_verb(r: Resolver, t: Token, said: tuple[int, int] | None, verbs: frozenset | None = None) -> Resolution | None:
    """The subject of the verb an utterance noun is the object of ("X issued a statement", "X
    said in a statement"); with `verbs`, only of one of those having it as its direct object ("X
    wrote a book", not "X was reading a book")."""
    if verbs is not None and (t.dep_ != "dobj" or t.head.lemma_.lower() not in verbs):
        return None
    verb = t.head if t.dep_ in ("dobj", "pobj") else None
    if verb is not None and t.dep_ == "pobj":  # "said in a statement", not "says, such as answering emails"
        verb = verb.head if verb.dep_ == "prep" and verb.lower_ in UTTERED_IN else None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subj is None or r.quoted(subj.idx) or subj.lemma_.lower() == t.lemma_.lower():
        return None
    res = r.resolve(r.doc[subj.left_edge.i].idx, subj.idx + len(subj.text), subj, said)
    return replace(res, attribution="description") if res.speaker is not None else None


def _made_when_first_named(r: Resolver, head: Token, said: tuple[int, int] | None) -> Resolution | None:
    """"Rob Dunmore has set up a website ... the website explains": a definite mention of a thing
    only its maker speaks through (a website, an investigation) is made by the subject of the
    verb of making (`made_by`) whose object the article's first mention of it is, when no word
    sets the two apart ("the rival website" is another one)."""
    first, verbs = _first_mention(r, head), _making_verbs(head)
    if first.i == head.i or not verbs or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    mods = lambda t: {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod", "poss", "nummod")}
    return _maker_by_verb(r, first, said, verbs) if mods(head) <= mods(first) else None  # (it checks the verb and the object)


def _making_verbs(head: Token) -> frozenset[str] | None:
    """The verbs whose subject makes what `head` names (speaker_descriptions.json "made_by")."""
    made_by = speaker_words().made_by
    return made_by.get(head.lemma_.lower(), made_by.get(head.lower_))


def _maker_by_its_verb(r: Resolver, head: Token, said: tuple[int, int] | None) -> Resolution | None:
    """The subject of the last verb that makes such a thing ("Ann Lee is suing the studio ... The
    lawsuit says": Ann Lee; speaker_descriptions.json "made_by") in the MAKER_SENTENCES sentences
    up to the article's first mention of the utterance; in the headline only a verb in the
    present ("Fan sues club"), as a headline's "Star sued" is a passive."""
    verbs = _making_verbs(head)
    if not verbs:
        return None
    first = _first_mention(r, head)
    body = _body_start(r) or 0  # (None: no headline line)
    for i in range(first.i - 1, -1, -1):
        v = r.doc[i]
        if r.sent_of[first.i] - r.sent_of[i] > MAKER_SENTENCES:
            break
        if v.pos_ != "VERB" or v.lemma_.lower() not in verbs or r.quoted(v.idx) or _passive(v):
            continue  # (not "the network is being sued")
        if i < body and v.tag_ not in ("VBZ", "VBP"):
            continue  # a headline's "Star sues" is active, its "Star sued" passive
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or r.quoted(subj.idx):
            continue
        res = r.resolve(r.doc[subj.left_edge.i].idx, subj.idx + len(subj.text), subj, said)
        if res.speaker is not None:
            return replace(res, attribution="description")
    return None


def _passive(v: Token) -> bool:
    """A verb in the passive ("is being sued"), or a participle with no auxiliary of its own
    ("... sued by the bank"; also "has complained and sued", which is then passed over)."""
    return any(c.dep_ == "auxpass" for c in v.children) or (v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children))


def _in_focus(r: Resolver, before: int, whose: str | None) -> Referent | None:
    """The speaker last in focus before `before` (for "org" utterances: the organisation last
    speaking or a subject)."""
    j = r.ref_pos.__len__() - 1
    while j >= 0:
        ref = r.referents[j]
        j -= 1
        if ref.pos >= before or ref.entity is None or r.quoted(ref.pos):
            continue
        if whose == "org":
            if ref.entity.label == "ORG" and ref.subject:
                return ref
        elif ref.speaker:
            return ref
    return None


# ---- people and organisations described ------------------------------------------------------------
def person_description(r: Resolver, content: list[str], hw: str, before: int, strong: bool = False,
                       gender: str | None = None, named: frozenset[str] | set[str] = frozenset()) -> Entity | None:
    """The person mentioned before `before` whom the description's words fit best (`strong`:
    only by its head noun and another of its words); never one of the other gender than the
    description's ("the spokeswoman" is not the spokesman named before), nor one the quoted words
    name (`named`, entity ids: `"... Ann Cole and I ...," the former mayor said` is not Ann Cole)."""
    lex = speaker_words()
    keys = description_words(content)
    heads = {hw, *lex.synonyms.get(hw, ())}
    best, best_score = None, 1.5 if strong else 0.0
    stateless = []  # fitting people of no known country, for a description that gives one
    for e in r.profiles.ents.entities:
        if gender and r.gender_of(e) not in (None, gender):
            continue
        if named and {e.entity_id, r.profiles.canon(e).entity_id} & named:
            continue
        score, country_fits = _person_score(r, e, keys, heads, hw, before)
        if score > 0 and not country_fits:
            stateless.append(e)
            continue
        if score > best_score or (strong and score >= best_score and best is None and score > 0):
            best, best_score = e, score
    if best is None and len(stateless) == 1 and not strong:
        return stateless[0]  # "the Kenyan archbishop": the one archbishop named before, whose country the article never gives
    return best


def _person_score(r: Resolver, e: Entity, keys: set[str], heads: set[str], hw: str,
                  before: int) -> tuple[float, bool]:
    """How well a person mentioned before `before` fits a description (0: not at all): its
    nationality (2), its head noun (1) or a synonym (0.75), each other word (0.5); the latest
    mentioned wins a tie. With it, whether the person's country fits the one the description
    gives (True when it gives none; False for a person of no known country, who may still fit
    by the other words)."""
    p = r.profiles
    if e.label != "PERSON" or p.first_pos.get(e.entity_id, before) >= before:
        return 0.0, True
    prof = p.profile_before(e.entity_id, before)  # (not words the text gives them only later: "the chart star" is not
    if not prof:                                   # the "Harbour Band star" named two paragraphs on)
        return 0.0, True
    if any((w in prof) != (w in keys) for w in speaker_words().ranks):
        return 0.0, True  # "the home secretary" is not the shadow home secretary, nor the reverse
    if any(k in speaker_words().offices and k != hw and k not in prof for k in keys):
        return 0.0, True  # "the prime minister" is not Finance Minister Omar Diallo
    score = 0.0
    nat = [k for k in keys if k.startswith("@")]
    same_nat = any(k in prof for k in nat)
    if nat:
        if same_nat:
            score += 2
        elif any(k.startswith("@") for k in prof):
            return 0.0, True  # "the Kenyan archbishop" is no archbishop the article makes of another country
    if hw in prof:
        score += 1
    elif heads & prof or any(" " in h and all(x in prof for x in h.split()) for h in heads):
        score += 0.75  # a synonym ("the leader" of a chancellor) counts less than the word itself
    score += sum(0.5 for k in keys if not k.startswith("@") and k != hw and k in prof)
    if score >= 0.75 and (same_nat or heads & prof or score >= 1.5):
        return score + 1e-9 * p.last_mention_before(e, before), same_nat or not nat
    return 0.0, True


def org_description(r: Resolver, hw: str, content: list[str], before: int, sent: int) -> Entity | None:
    """"the newspaper", "the ministry": the latest mentioned organisation whose name or
    description holds one of the head noun's hint words (a country only for "the government");
    when no name fits, for "the company", "the organisation" (lexicon focus_orgs), the
    organisation last in focus (`sent`: the description's sentence)."""
    lex = speaker_words()
    hints = set(lex.org_nouns.get(hw, ())) | {hw}
    labels = ("ORG", "GPE", "NORP") if hw in lex.states else ("ORG",)
    nat = [k for k in description_words(content) if k.startswith("@")]
    best, best_pos = _latest_body_called(r, hints, labels, nat, before)
    if best is not None and hw in lex.focus_orgs and not nat:
        # "Acme Corp has ... but Zeta said ... the company said": a name holding "Corp" fits any company;
        # the one that spoke since, in this sentence or the one before, is meant
        ref = _in_focus(r, before, "org")
        other_kinds = set(lex.org_nouns) - set(lex.focus_orgs)  # "regulator Ofcom said" is no company
        if ref is not None and ref.speaker and not ref.modifier and ref.entity.entity_id != best.entity_id \
                and ref.pos > best_pos and sent - ref.sent <= 1 \
                and not r.profiles.profile_before(ref.entity.entity_id, before) & other_kinds:
            best = ref.entity
    if best is None and hw in lex.focus_orgs:
        # "Netcraft said ... The company said": no organisation's name fits the noun, so the one
        # in focus (a subject or speaker of the last sentences); not for "the newspaper". With a
        # nationality ("VW said ... The German giant said"), one the article gives no other country
        ref = _in_focus(r, before, "org")
        if ref is not None and sent - ref.sent <= FOCUS_SENTENCES and (not nat or _may_be_of(r, ref.entity, nat)):
            best = ref.entity
        elif not nat and hw not in NAMED_KINDS:  # "A spokesman for Reporters Without Borders ... "...," the organisation said"
            best = _one_org_just_named(r, before, sent)
    return best


def _may_be_of(r: Resolver, e: Entity, nat: list[str]) -> bool:
    """The entity's nationality, from its name's descriptions or its role, is one of `nat` or unknown."""
    keys = set(r.profiles.profile.get(e.entity_id, set()))
    if e.country:
        keys |= description_words([e.country.lower()])
    keys = {k for k in keys if k.startswith("@")}
    return not keys or bool(keys & set(nat))


def _latest_body_called(r: Resolver, hints: set[str], labels: tuple[str, ...], nat: list[str],
                        before: int) -> tuple[Entity | None, int]:
    """The entity of one of `labels`, named before character `before`, whose name or description
    holds one of the `hints` (and one of the nationality keys `nat`, when there are any) and was
    mentioned last before `before`; with that mention's offset (-1 for none)."""
    p = r.profiles
    best, best_pos = None, -1
    for e in p.ents.entities:
        if e.label not in labels or p.first_pos.get(e.entity_id, before) >= before:
            continue
        name_words = set(words_of(e.name)) | p.profile.get(e.entity_id, set())
        if not (hints & name_words) or (nat and not any(k in name_words for k in nat)):
            continue
        last = p.last_mention_before(e, before)
        if last > best_pos:
            best, best_pos = e, last
    return best, best_pos


def _one_org_just_named(r: Resolver, before: int, sent: int) -> Entity | None:
    """The one organisation named (outside quotes, `_as_source`) in sentence `sent` before
    `before` or in the two sentences before it (or a seat of government named as a subject, an
    owner or a source for the body that sits there, whatever its label: "by Downing Street", not
    "marched to Downing Street"; `seats`): the one named as a subject, an owner or a source
    if there is one such, else the one named at all."""
    orgs, prominent = {}, {}
    mentions = r.profiles.mentions
    for j in range(bisect.bisect_left(r.profiles.starts, before) - 1, -1, -1):
        ms, me, e = mentions[j]
        root = _mention_root(r, ms, me)
        if sent - r.sent_of[root.i] > 2:
            break
        seat = e.name in speaker_words().seats and _named_as(root, ("nsubj", "nsubjpass", "poss"), ("from", "by"))
        if (e.label == "ORG" or seat) and me <= before and not r.quoted(ms) and _as_source(root):
            orgs[e.entity_id] = e
            if _named_as(root, ("nsubj", "nsubjpass", "poss"), ("for", "from", "by", "of", "at")):
                prominent[e.entity_id] = e  # a subject, an owner, a source ("a spokesman for X")
    for named in (prominent, orgs):
        if len(named) == 1:
            return next(iter(named.values()))
    return None


def _mention_root(r: Resolver, start: int, end: int) -> Token:
    """The head word of the name at characters [start, end) ("Reporters" of "Reporters Without Borders")."""
    first = bisect.bisect_right(r.doc, start, key=lambda t: t.idx) - 1
    last = bisect.bisect_right(r.doc, end - 1, key=lambda t: t.idx) - 1
    return r.doc[max(0, first):last + 1].root


def _as_source(root: Token) -> bool:
    """A name in the writer's own clause (not in words reported: "Analysts said the SEC's
    criticism ..."), and not one named as an example or an opponent ("a player such as an iPod",
    "a battle against Microsoft")."""
    if any(a.dep_ in ("ccomp", "parataxis") for a in root.ancestors):
        return False
    return not _named_as(root, (), ("as", "like", "against", "than", "including", "unlike", "versus"))


def _named_as(root: Token, deps: tuple[str, ...], preps: tuple[str, ...]) -> bool:
    """The name's head word has one of `deps`, or is the object of one of `preps`."""
    return root.dep_ in deps or (root.dep_ == "pobj" and root.head.lower_ in preps)


def _described_before(r: Resolver, head: Token, hw: str, content: list[str], gender: str | None) -> Resolution | None:
    """`A former senior manager at Acme directed ... The manager told ...`: a definite description
    takes up the nearest person described with the same head noun (and every other word of this
    one, and no head noun of the other gender) in the EARLIER_SENTENCES sentences before, outside
    quotes, though they did not speak: the named person in apposition there, else that
    description's words."""
    lex = speaker_words()
    heads = {hw, *lex.synonyms.get(hw, ())}
    rest = {w for w in content if w != hw}
    sent = r.sent_of[head.i]
    for t in reversed(r.doc[:head.left_edge.i]):
        if r.sent_of[t.i] < sent - EARLIER_SENTENCES:
            break
        if t.pos_ != "NOUN" or (t.lower_ not in heads and t.lemma_.lower() not in heads) or r.quoted(t.idx) or t.ent_type_ \
                or t.dep_ in ("poss", "compound"):  # not "the minister's spokesman"
            continue
        if gender and lex.gender.get(t.lower_, gender) != gender:
            continue  # "the spokeswoman" is not "a spokesman for Acme"
        if not any(c.dep_ in ("det", "poss") for c in t.children) or _owned_by_a_person(t):
            continue
        lo, last = r.doc[t.left_edge.i], r.doc[short_phrase_end(t, lambda x: r.quoted(x.idx))]
        hi = last.idx + len(last.text)  # with the phrase that says whose or where ("manager at Acme")
        if not rest <= set(words_of(r.text[lo.idx:hi])):
            continue
        ent = appositive(r, t)
        if ent is not None:
            return named(ent, "description")
        at = r.referents[bisect.bisect_left(r.ref_pos, lo.idx):bisect.bisect_right(r.ref_pos, t.idx)]
        spoke = next((x for x in at if x.speaker), None)
        if spoke is not None:  # that description spoke already, and was resolved ("The foreign secretary told MPs ...")
            return r.referent_resolution(spoke, "description")
        return Resolution(None, canonical_description(r, lo.idx, hi, t), "description", "unnamed")
    return None


def earlier_unnamed(r: Resolver, hw: str, content: list[str], before: int, gender: str | None) -> Referent | None:
    """The nearest unnamed speaker before `before` whose canonical description has the head
    noun (or a synonym) and every other word of this one ("the spokesman" after "a spokesman
    for the English National Ballet"), and no head word of the other gender ("the spokeswoman"
    is not "the spokesman for the ballet")."""
    lex = speaker_words()
    heads = {hw, *lex.synonyms.get(hw, ())}
    rest = {w for w in content if w != hw}
    j = len(r.referents) - 1
    while j >= 0:
        ref = r.referents[j]
        j -= 1
        if ref.pos >= before or ref.entity is not None or not ref.name:
            continue
        ws = set(words_of(ref.name))
        found = heads & _head_words(ref.name)
        if found and rest <= ws and not (gender and all(lex.gender.get(w, gender) != gender for w in found)):
            return ref
    return None


def _head_words(description: str) -> set[str]:
    """The words of a canonical description that may hold its head noun: after any possessor, and
    before the phrase that says whose or where when a person noun comes before it ("the mayor's
    official spokesman": official, spokesman, not mayor; "the spokesman for the mayor": spokesman;
    "the Commission for Racial Equality spokesman": all its words)."""
    def owned(words: str) -> set[str]:
        return set(words_of(re.split(r"['’]s?\s", words)[-1]))
    ws = owned(re.split(r"\s(?:for|of|at|in|from|with|to|on)\s", description, maxsplit=1)[0])
    return ws if ws & speaker_words().person_nouns else owned(description)


def is_epithet(head: Token, content: list[str]) -> bool:
    """A word a writer uses for the person the article is about: "the Scot", "the New Zealander",
    "the singer", "the 68-year-old"."""
    lex = speaker_words()
    hw = head.lower_.rstrip(".")
    two_words = f"{head.doc[head.i - 1].lower_} {hw}" if head.i > 0 else None  # "new zealander"
    return hw in lex.epithets or (head.pos_ in ("NOUN", "PROPN") and (hw in lex.nationality or two_words in lex.nationality)) \
        or _one_of_a_people(head) or _named_by_origin(head) or any(_AGE.fullmatch(w) for w in content) or hw == "old" and any(w.endswith("year") for w in content)


def _person_by_wordnet(head: Token) -> bool:
    """"the retired astronaut", "the beekeeper": a singular noun after "the" that the hand lists
    lack but whose first WordNet sense is a person (`person_nouns.py`, which leaves out words for
    anyone: "the boy", "the dad") is a role noun like "the surgeon", not an epithet: it goes through
    the same checks (someone introduced unnamed stays so: "a gunman ... the gunman said"); nor a
    role that usually stands for someone the article does not name (`anonymous`)."""
    lex = speaker_words()
    hw = head.lower_
    return head.tag_ == "NN" and hw in lex.person_nouns_wordnet and hw not in lex.person_nouns \
        and hw not in lex.epithets and hw not in lex.anonymous \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


COLLECTIVE_NATIONALS = re.compile(r".*(?:ese|ch|sh|ss|s)")  # "the Chinese", "the French", "the Swiss", "the Tories": many


def _one_of_a_people(head: Token) -> bool:
    """One person named by the state or city they come from, a word the model tags as a people
    in the singular, after a lower-case "the" ("said the Texan", "the Glaswegian added"; not "The
    Federalist reported", a paper's name, nor "The Texan said" at a sentence's start, which
    could be one; not a faith's or a party's member, `gazetteer_norp.txt`: "the Muslim", "the
    Republican"; nor a people as a whole, "the Chinese")."""
    hw = head.lower_
    if not any(c.dep_ == "det" and c.text == "the" for c in head.children):
        return False
    return head.ent_type_ == "NORP" and head.tag_ == "NNP" and head.text[:1].isupper() and hw not in gazetteer().norp \
        and hw not in speaker_words().person_nouns and not COLLECTIVE_NATIONALS.fullmatch(hw)


def _named_by_origin(head: Token) -> bool:
    """A man or woman named by where they come from: "the Leeds man", "the Ohio woman", "the
    Yorkshireman" (a capitalised word ending in "man" that is no role: not "the Chairman")."""
    lex = speaker_words()
    hw = head.lower_
    if hw in ("man", "woman"):  # (a place, or a club's singular name: "the Chelsea man"; not "the 22-cap Dragons man")
        return any(c.dep_ in ("compound", "nmod", "amod") and c.i < head.i and not c.is_sent_start and _origin(c)
                   for c in head.children)
    return hw.endswith(("man", "woman")) and head.text[:1].isupper() and not head.is_sent_start \
        and head.ent_type_ not in ("PERSON", "NORP") and hw not in lex.nationality \
        and hw not in lex.person_nouns and hw not in lex.speaks_for and hw not in lex.epithets  # (not "the German")


def _origin(word: Token) -> bool:
    """Where a person comes from or belongs: a place the model or the gazetteer knows, or one
    singular name the model took for a body, a town or a club ("the Wexford man", "the Chelsea
    man"); not a plural name, which is a team's whole squad ("the Dragons man" is any player)."""
    if word.ent_type_ in ("GPE", "LOC", "NORP") or word.text in gazetteer().places:
        return True
    return word.ent_type_ == "ORG" and word.tag_ == "NNP" and word.text.istitle() and not word.text.endswith("s")


def _of_a_party(head: Token) -> bool:
    """A spokesman named by a party or a people only ("the Tory spokesman", "the Lib Dem
    spokeswoman"): no possessor ("the prime minister's spokesman") and no "for" after it."""
    if any(c.dep_ in ("poss", "prep") for c in head.children):
        return False
    gaz = gazetteer()
    return any(c.dep_ in ("amod", "compound") and c.i < head.i and (c.ent_type_ == "NORP" or c.lower_ in gaz.party_of)
               for c in head.children)


def description_gender(head: Token) -> str | None:
    lex = speaker_words()
    hw = head.lower_.rstrip(".")
    found = lex.gender.get(hw) or lex.honorifics.get(hw)
    if found is None and _named_by_origin(head):
        found = "f" if hw.endswith("woman") else "m"  # "the Yorkshireman"
    return found


def is_group(head: Token) -> bool:
    """A plural or collective head noun ("officials", "a group of MPs")."""
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in speaker_words().groups


def canonical_description(r: Resolver, start: int, end: int, head: Token) -> str:
    """The description as written, its indefinite article made definite (for one person) and
    each name in it under its canonical form ("A spokeswoman for the RAD" -> "the spokeswoman
    for the Royal Academy of Dance"), but a group's name, and a name written before its noun as
    an adjective, as written ("the Tory spokesman", "a Clinton aide" -> "the Clinton aide")."""
    text = r.text
    pieces, pos = [], start
    owner_first = False  # the description now opens with its owner's name
    for ms, me, e in r.profiles.mentions_in(start, end):
        if ms < pos:
            continue
        c = r.profiles.canon(e)
        before = text[pos:ms]
        if c.label == "PERSON" and c.name != text[ms:me]:
            before = _without_honorific(before)  # "for Mr Cole" -> "for Ann Cole", not "for Mr Ann Cole"
        if c.label == "PERSON" and text.startswith(("'s", "\u2019s"), me) and len(text[ms:me].split()) > 1 \
                and _premodifiers_only("".join(pieces) + before):
            pieces, before, owner_first = [], "", True  # "New Hampshire Sen. Kelly Ayotte's campaign" -> "Kelly Ayotte's campaign"
        as_written = ((c.label == "GPE" and len(c.name) < me - ms) or c.label == "NORP"  # "the Tory spokesman" stays
                      or in_telling_clause(r.doc, ms, head)  # "a source who identified Sullivan", as the clause has it
                      or (_names_the_kind(text, me, head)  # "a Bayern spokesman", not "a Bayern Munich spokesman"
                          and not (c.label == "ORG" and _acronym_of(text[ms:me], c.name))))  # but "an FA spokesman": "the Football Association spokesman"
        pieces += [before, text[ms:me] if as_written else c.name]
        pos = me
    pieces.append(text[pos:end])
    words = "".join(pieces).split()
    if len(words) > 1 and words[0].lower() in INDEFINITE and not is_group(head):
        words[0] = "the"
    elif len(words) > 1 and words[0].lower() in SOME and is_group(head):
        words[0] = "the"  # "some analysts" -> "the analysts", as annotators name a group that spoke
    span = r.doc.char_span(start, start + 1, alignment_mode="expand") if words else None
    first = span[0] if span else None
    if first is not None and first.idx == start and first.is_sent_start and _common_word(first) and not owner_first:
        words[0] = words[0].lower()  # "The spokesman said" and "said the spokesman" are one speaker
    return " ".join(words)


def _premodifiers_only(words: str) -> bool:
    """Words before an owner's name that only describe the owner: capitalised words and
    abbreviations ("New Hampshire Sen.", "the Labour MP"), not a phrase of the description's own
    ("a spokesman for")."""
    return all(w[:1].isupper() or w.lower() in ("the", "a", "an") for w in words.split())


def _acronym_of(written: str, name: str) -> bool:
    """`written` is an acronym the article spells out as `name` ("FA", "Football Association"):
    annotators name the body in full, as the article does where it first names it."""
    letters = [w[0] for w in name.split() if w[:1].isupper()]
    return written.isupper() and written.isalpha() and 2 <= len(written) < len(name) and "".join(letters) == written


def _names_the_kind(text: str, me: int, head: Token) -> bool:
    """A name written before the description's noun, as an adjective ("a Labour spokesman", "a
    Clinton aide"), stays as written; an owner's ("Mr Cole's lawyer") or one after the noun ("a
    spokesman for the RAD") takes the canonical name."""
    return me <= head.idx and not text.startswith(("'s", "’s"), me)


def _common_word(t: Token) -> bool:
    """A word written capitalised only because it opens the sentence: a determiner, a number, an
    adjective or a description's noun ("The", "Some", "Legal", "Analysts"); not a name ("Oasis")."""
    if t.pos_ == "PROPN" or t.ent_type_ or t.is_upper:
        return False
    if t.pos_ in ("DET", "PRON", "NUM", "ADJ", "ADV", "ADP"):
        return True
    lex, w = speaker_words(), t.lemma_.lower()
    return any(w in words or t.lower_ in words for words in (lex.person_nouns, lex.org_nouns, lex.utterances, lex.groups, lex.anonymous))


def _without_honorific(before: str) -> str:
    """The words before a name without the honorific that ends them ("a spokesman for Mr ")."""
    words = before.rstrip().split(" ")
    if words and words[-1].lower().rstrip(".") in speaker_words().honorifics:
        return " ".join(words[:-1]) + " "
    return before
