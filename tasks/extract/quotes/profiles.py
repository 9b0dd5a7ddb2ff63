"""What an article says of each entity that could speak, gathered once per article for the
speaker decisions (`speaker.py`) and the attribution's mention lookups:

  * its named mentions in text order (which entity a name at a given offset is);
  * the fuller name a bare surname abbreviates ("Hewitt" -> "Patricia Hewitt");
  * its description words: role, the words before its mentions and in apposition to them,
    nationalities as countries ("Russian President Vladimir Putin" -> russian, president, @russia);
  * its likely gender (honorifics, first names, "his"/"her" after a subject mention);
  * where it is the subject of a sentence (the first referents of pronouns).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tasks.extract.entities.index import Entity, EntityIndex
from tasks.extract.entities.keys import slug
from tasks.extract.quotes.lexicon import is_cue, is_utterance, speaker_words
from tasks.extract.quotes.marks import marks

SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_WORD = re.compile(r"[\w][\w.'’-]*")


def words_of(text: str) -> list[str]:
    """Lower-cased words, trailing dots of abbreviations dropped ("Sen." -> "sen")."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.rstrip(".")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w)
    return out


def name_words(name: str) -> tuple[str, ...]:
    """A person's name without titles and honorifics ("Prof Joni Lovenduski" -> joni, lovenduski)."""
    lex = speaker_words()
    return tuple(w for w in words_of(name) if w not in lex.honorifics and w not in lex.abbreviations)


def description_words(words: list[str]) -> set[str]:
    """The words that say who is meant: generic words dropped, abbreviations spelt out,
    nationalities and countries added as "@country"."""
    lex = speaker_words()
    out: set[str] = set()
    text = " ".join(words)
    for w in words:
        if w in lex.generic:
            continue
        w = lex.abbreviations.get(w, w)
        out.add(w)
        c = lex.nationality.get(w)
        if c:
            out.add("@" + c.lower())
    # two-word nationalities and countries ("south korean", "united states")
    for k, c in lex.nationality.items():
        if " " in k and k in text:
            out.add("@" + c.lower())
    return out


def token_sentences(doc: Doc) -> list[int]:
    """token index -> sentence number (doc.sents order). A full stop standing as its own token
    before a capital also starts a new number where the parser ran the two sentences together
    ("... editor at PC Pro. Apple's work ..."): who was named in the sentence before then
    counts as the sentence before."""
    sent_of = [0] * len(doc)
    k = -1
    for s in doc.sents:
        k += 1
        for i in range(s.start, s.end):
            if i > s.start and doc[i - 1].text in SENTENCE_STOPS and doc[i].text[:1].isupper():
                k += 1
            sent_of[i] = k
    return sent_of


SENTENCE_STOPS = (".", "!", "?")


def name_hung_on_of(name: Token) -> Token | None:
    """"Lord of the Rings director Peter Jackson has said", "director of sport Ann Cole praised":
    the parse made the subject a word before "of" and hung the person's name on that "of", with
    only auxiliaries, "not" or adverbs between the name and the subject's verb. Returns the
    subject the name stands for: a person's noun ("director"), or a proper noun (tagged NNP, not a
    person's name: not the "Allies" of "Allies of president Ann Cole have said") when a person's
    noun in lower case comes right before the name ("Lord", "Association of Chief Police Officers
    president Jo Lee")."""
    prep = name.head
    if name.dep_ != "pobj" or name.ent_type_ != "PERSON" or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    subj, doc = prep.head, name.doc
    verb = subj.head
    if subj.dep_ not in SUBJECT_DEPS or verb.i <= name.i \
            or any(t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in doc[name.i + 1:verb.i]):
        return None
    first = name
    while first.ent_iob_ == "I" and first.i > 0:
        first = doc[first.i - 1]
    role = doc[first.i - 1] if first.i > 0 else None
    nouns = speaker_words().person_nouns
    if subj.lemma_.lower() in nouns or (subj.tag_ == "NNP" and subj.ent_type_ != "PERSON" and role is not None
                                        and role.text.islower() and role.lemma_ in nouns):
        return subj
    return None


FINITE = ("VBD", "VBZ", "VBP")


def verb_of_misread_subject(n: Token) -> Token | None:
    """"... one of the leaders but his lawyer, Ann Cole, denied it", "... six points behind
    Barcelona and Owen is confident ...": a noun phrase the parse joined to an earlier noun, opened
    by a clause joiner ("but", "and": `quote_clause_joiners.txt`) and followed at once by a finite
    verb the parse hung on an earlier clause with no subject of its own, is that verb's subject:
    the verb, else None. A comma before the verb only when it closes the phrase's apposition ("his
    lawyer, Ann Cole, denied"), not a list ("questioned Tom Reid and Ann Cole, released them")."""
    while n.dep_ == "appos" and n.head.i < n.i:
        n = n.head
    if n.dep_ != "conj" or n.pos_ == "PRON" or n.head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    doc = n.doc
    opener = doc[n.left_edge.i - 1] if n.left_edge.i > 0 else None
    if opener is None or opener.lower_ not in speaker_words().clause_joiners or opener.head.i != n.head.i:
        return None
    end = n.right_edge.i
    if doc[end].is_punct and not any(c.dep_ == "appos" for c in n.children):
        return None
    if end + 1 >= len(doc):
        return None
    v = doc[end + 1]
    if v.dep_ not in ("conj", "advcl") or v.tag_ not in FINITE or v.head.i >= n.i or any(c.dep_ in SUBJECT_DEPS for c in v.children):
        return None
    return v


MISREAD_AS_MODIFIER = ("advmod", "npadvmod", "nmod", "amod", "dep")


def verb_after_misread_name(name: Token) -> Token | None:
    """"Desailly says the Russian's arrival helped": a capitalised name the parse made a modifier
    (even an adverb) of the finite verb right after it, a verb with no subject of its own, is that
    verb's subject; so is one it made the object of a phrase hung on that verb ("For the Greens Ann
    Cole said: ..."): the verb, else None."""
    v = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    if v is None or not name.text[:1].isupper() or v.tag_ not in FINITE or any(c.dep_ in SUBJECT_DEPS for c in v.children):
        return None
    if name.dep_ in MISREAD_AS_MODIFIER and name.head.i == v.i and name.ent_type_ in ("", "PERSON") and name.pos_ != "ADJ":
        return v  # (not "Popular Chinese portals maintain", a nationality before a noun the tagger took for a verb)
    if name.dep_ == "pobj" and name.head.dep_ == "prep" and name.head.head.i == v.i and is_cue(v):
        return v
    return None


def verb_of_name_before_aside(name: Token) -> Token | None:
    """"And Ann Cole, for all the votes she won in the towns, seems to agree": a name (a person's,
    or one the model left untagged) that opens its sentence (after a joiner at most), followed by
    a comma, which the parse made a noun modifier of a verb or left unlabelled (never a name's part
    in a sentence), while the sentence's main verb has no subject or one from inside the aside
    after it, is the subject of the main verb: that verb, else None."""
    if name.dep_ not in ("npadvmod", "dep") or name.ent_type_ not in ("", "PERSON") or not name.text[:1].isupper():
        return None
    doc, v = name.doc, name.sent.root
    if v.i < name.i or name.i + 1 >= len(doc) or doc[name.i + 1].text != "," \
            or any(t.pos_ not in ("CCONJ", "PUNCT") for t in doc[name.sent.start:name.left_edge.i]):
        return None
    return v if all(c.i > name.i for c in v.children if c.dep_ in SUBJECT_DEPS) else None


def subject_after_but(t: Token) -> Token | None:
    """"... between himself, Tom Reid and Jo Marsh but Ann Cole is unfazed": in a subject the parse
    made of a list of three or more whose last member follows "but", that member is the subject
    (the others belong to the clause before): the member, for any token of the list, else None."""
    root = first_of_list(t)
    if root.dep_ not in SUBJECT_DEPS:
        return None
    members = [root, *root.conjuncts]  # (the parse hangs a list's members on its first or on the one before)
    last = max(members, key=lambda m: m.i)
    if len(members) < 3 or last.left_edge.i == 0 or last.doc[last.left_edge.i - 1].lower_ != "but" \
            or last.doc[last.left_edge.i].lower_ == "not":
        return None  # (not "but" for "except": "everyone but Jim Cole voted"; not "... but not Jim Cole were picked")
    return last if any(m.i == t.i for m in members) else None


def first_of_list(t: Token) -> Token:
    """The first member of the list `t` is in (`t` itself when none)."""
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    return t


CLOSING_CUE_NOT_BEFORE = (",", "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019")  # a clause or a quotation goes on


def closing_cue_of(name: Token) -> Token | None:
    """"The claim was false, her lawyer, Ann Cole, said.": a reporting verb that ends its sentence
    with no subject of its own, right after a name and a comma (the parse hung the name on a noun
    of the reported words): the verb the name is the subject of, else None."""
    doc = name.doc
    if name.i + 3 > len(doc) or doc[name.i + 1].text != "," or name.dep_ == "pobj":
        return None  # (not "..., the father of Ann Cole, said.": he said it)
    v = doc[name.i + 2]
    after = doc[v.i + 1] if v.i + 1 < len(doc) else None
    if not is_cue(v) or v.tag_ not in FINITE or any(c.dep_ in SUBJECT_DEPS for c in v.children):
        return None
    return v if after is None or (after.is_punct and after.text not in CLOSING_CUE_NOT_BEFORE) or after.is_space else None


def _prominent_subject(head: Token) -> bool:
    """A subject (or the name in apposition to one) of a clause that is not the reported words
    of someone else ("Brown liked to rattle off ..., the Tory leader said": Brown is not) nor
    of a clause inside one under a preposition ("despite having Ann Cole out injured"). The
    subject of the prepositional clause's own verb still counts: the parse makes one of a name
    that belongs to the preposition ("a notice from Acme closing the offer")."""
    if (head.dep_ == "appos" or (head.dep_ == "compound" and _stands_for_its_maker(head.head))) and head.head.dep_ in SUBJECT_DEPS:
        head = head.head  # not a name modifying a thing: in "a Whistler painting sold", the painting is the subject
    elif name_hung_on_of(head) is not None:
        head = head.head.head  # "director of sport Emilio Butragueno praised": the parse hung the name on "of"
    else:
        head = _subject_after_apposition(head) or _subject_before_apposition(head) or head
    but = subject_after_but(head)
    if but is not None:
        if but.i != head.i:
            return False  # "..., Tom Reid and Jo Marsh but Ann Cole is unfazed": Ann Cole is, not the others
        head = first_of_list(head)
    own = head.head
    if head.dep_ not in SUBJECT_DEPS:
        # "... behind Barcelona and Owen is confident": Owen is confident's; "Desailly says": Desailly
        own = verb_of_misread_subject(head) or closing_cue_of(head) or verb_after_misread_name(head) or _agent_over_a_thing(head) \
            or verb_of_name_before_aside(head)
        if own is None:
            return False
    if any(a.dep_ == "pcomp" for a in own.ancestors):
        return False  # "Ireland, despite having D'Arcy out injured, have ...": a clause inside one under a preposition is background
    verb = clause = own
    for _ in range(4):
        if verb.dep_ in ("ccomp", "parataxis") and is_cue(verb.head) and not _introduces_quote(clause, verb.head) \
                and not _misread_as_reported(verb):
            return False
        if verb.dep_ not in ("conj", "ccomp", "xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    # "Nobody, he claimed, could picture Kennedy walking ...": the whole sentence is reported
    return not any(c.dep_ == "parataxis" and is_cue(c) and c.i != own.i for c in verb.children)


def _misread_as_reported(clause: Token) -> bool:
    """"Mr Howard denied Mr Cole said the plans ...": a clause the parse hung, as reported words,
    on a reporting verb after it that has no subject of its own and reports another clause after
    it: the verb is the clause's (its object's), and the clause is the writer's own (not "...,
    says minister", where the clause before is the only one reported)."""
    cue = clause.head
    return clause.i < cue.i and not any(c.dep_ in SUBJECT_DEPS for c in cue.children) \
        and any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children)


def _answers_back(subject: Token, verb: Token) -> bool:
    """The subject's clause is joined by "but" to the clause before it, the subject is a name and
    its verb one of answering (`speaker_reply_verbs.txt`) or reporting ("Ann Lee said it was too
    slow but the club's Bob Tran dismissed her complaint"): the one who answers the first clause,
    not part of what its speaker reported, however the parse hung it."""
    if verb.dep_ != "conj" or subject.head.i != verb.i or subject.ent_type_ not in ("PERSON", "ORG"):
        return False
    if verb.lemma_.lower() not in speaker_words().replies and not is_cue(verb):
        return False
    return any(c.dep_ == "cc" and c.lower_ == "but" and c.i < verb.i for c in verb.head.children) \
        and not any(c.dep_ == "auxpass" for c in verb.children)


def _asked(head: Token) -> bool:
    """The person a question or a charge is put to ("The claims were put to Ann Cole", "Reporters
    asked Tom Reilly about it", `speaker_question_verbs.txt`), in a clause no one reports and whose
    asker is no named person or pronoun: the one expected to answer."""
    questions = speaker_words().questions
    if head.dep_ == "pobj":
        verb = head.head.head
        asked = head.head.dep_ == "prep" and questions.get(verb.lemma_.lower()) == head.head.lower_
    else:
        verb = head.head
        asked = head.dep_ in ("dobj", "dative") and questions.get(verb.lemma_.lower()) == ""
    if not asked or verb.pos_ != "VERB" or (verb.dep_ in ("ccomp", "parataxis") and is_cue(verb.head)):
        return False
    # "He asked Tom Reilly to leave": a person who asks is the one in focus, whose "he said" follows
    return not any(c.dep_ == "nsubj" and (c.pos_ == "PRON" or c.ent_type_ == "PERSON") for c in verb.children)


def answering_subject(head: Token) -> bool:
    """A mention's head word is the subject of a clause answering back (`_answers_back`)."""
    return head.dep_ in SUBJECT_DEPS and _answers_back(head, head.head)


def _subject_after_apposition(head: Token) -> Token | None:
    """"Desta, the first Kenyan woman to hold the title, will now face ...": the parse may hang the
    name on the verb and make the noun of its apposition the subject; that subject, which is the
    name's, when the name opens the sentence and the noun phrase starts right after its comma."""
    doc = head.doc
    if head.dep_ not in ("npadvmod", "dep", "nmod") or head.i + 2 >= len(doc) or doc[head.i + 1].text != "," \
            or head.left_edge.i != head.sent.start:
        return None
    return next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN" and c.left_edge.i == head.i + 2), None)


def _subject_before_apposition(head: Token) -> Token | None:
    """"However, one of the Harbour Four, Tom Reid - who was wrongly jailed - said ...": the parse
    may hang the apposition's name on the verb; the subject whose phrase ends right before the
    name's comma is the name's."""
    doc = head.doc
    lo = head.left_edge.i
    if head.dep_ not in ("npadvmod", "dep", "nmod") or lo < 2 or doc[lo - 1].text != ",":
        return None
    return next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.i < lo and c.right_edge.i == lo - 2), None)


def _introduced(head: Token) -> bool:
    """A person named for the first time with a description in apposition or with "who", the
    subject of a relative clause, right after the name (only there: "Ann Cole, who ..." with its
    comma is not read so), in a sentence whose subject is no person nor a person's ("The
    drama is also the choice of Paul Gray, editor of a film weekly.", "That view is shared by Ann
    Cole, an economist at a bank.", "The side is boosted by the return of Ann Cole who missed the
    last game."): the one the next sentences are about, as if they were its subject."""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    who = nxt is not None and nxt.lower_ == "who" and nxt.dep_ == "nsubj"  # (however the parse hung its clause)
    if not who and not any(ch.dep_ == "appos" and ch.i > head.i and ch.pos_ in ("NOUN", "PROPN") for ch in head.children):
        return False
    root = head.sent.root
    return not any(c.dep_ in SUBJECT_DEPS and (_a_person(c) or any(p.dep_ == "poss" and _a_person(p) for p in c.children))
                   for c in root.children)  # ("Mr Cole's e-mail suggested ...": about Mr Cole)


def _agent_over_a_thing(name: Token) -> Token | None:
    """"The report was welcomed by shadow minister Ann Cole.": the agent of a passive verb whose
    subject is something said or written is the one the sentence tells of, as a subject would
    be: a person only by a verb of answering or reacting (`speaker_reply_verbs.txt`,
    `speaker_reaction_verbs.txt`; not "The interview was conducted by ..."), a body by any verb
    ("The report is published by ..."). Not when the subject is a person, whom a description may
    name ("the wildcard entry was beaten by Ann Cole"), nor someone's ("Mr Reid's report was
    attacked by Ann Cole" is about Mr Reid too): the verb, else None."""
    by = name.head
    if name.dep_ != "pobj" or by.dep_ != "agent":
        return None
    v = by.head
    lex = speaker_words()
    if name.ent_type_ == "PERSON" and v.lemma_.lower() not in lex.replies and v.lemma_.lower() not in lex.reactions:
        return None  # (a body that published a report is what its "it" means: "The report is published by Acme. It says")
    subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or not is_utterance(subj) or any(p.dep_ == "poss" for p in subj.children):
        return None
    return v


def _a_person(t: Token) -> bool:
    """A person's name, or a pronoun or possessive for a person."""
    return t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "i", "we", "his", "her", "my", "our")


def _stands_for_its_maker(noun: Token) -> bool:
    """What a name modifying it stands for: a name ("Ann Cole" parsed in pieces), a word for what
    someone said or wrote ("the NIESR report said") or for an organisation ("Us magazine said")."""
    return noun.pos_ == "PROPN" or is_utterance(noun) or (noun.pos_ == "NOUN" and noun.lower_ in speaker_words().org_nouns)


def _introduces_quote(verb: Token, cue: Token) -> bool:
    """`Ms Holloway scolded him: "...," she said`: the parse hung the writer's clause (`verb`, the
    subject's own verb) on the cue after the quotation, directly or through a clause inside
    the quotation, but a colon or comma then an opening mark between them shows the clause
    frames the quotation; it is not the reported words."""
    doc = verb.doc
    lo, hi = sorted((verb.i, cue.i))
    m = marks()
    opening = m.open + m.both
    return any(doc[i].text in opening and doc[i - 1].text in (":", ",") for i in range(lo + 1, hi))


def _inverted_speaker(span: Span) -> bool:
    """`The problem, said Shailendra Jain, is ...`: a name between a cue after a comma and a
    punctuation mark is the cue's speaker, however the parse hung it."""
    doc = span.doc
    start = span.start
    while start > 0 and doc[start - 1].lower_.rstrip(".") in speaker_words().honorifics:
        start -= 1  # ", argued Mr Howard."
    if start < 2 or span.end >= len(doc) or doc[start - 2].text != ",":
        return False
    return is_cue(doc[start - 1]) and (doc[span.end].text in (",", ".", ";", "—", "–") or doc[span.end].lower_ in ("of", "from", "at"))


MIN_SWAPPED = 5  # the shortest surname a swap of two letters is read as a misspelling of


def _one_swap_from(word: str, known: dict[str, set[tuple[str, ...]]]) -> str | None:
    """The one known surname (a key of `known`) `word` becomes by swapping two adjacent letters
    after the first ("montieth" -> "monteith"): a surname the writer misspelt. None for short
    words or when none or two fit."""
    if len(word) < MIN_SWAPPED:
        return None
    fits = {w for w in (word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(1, len(word) - 1)) if w != word and w in known}
    return fits.pop() if len(fits) == 1 else None


def first_name(name: str) -> str:
    """The first word of a name of two words or more, lower case, without a trailing dot ("" for
    one word: "Cole" has no given name)."""
    words = name.split()
    return words[0].lower().rstrip(".") if len(words) > 1 else ""


@dataclass
class Referent:
    """A place where someone is prominent: a subject mention of an entity, or a resolved speaker
    (an entity, or someone the article only describes: "a spokesman for the ballet")."""

    pos: int  # character offset
    sent: int  # sentence number (doc.sents order)
    entity: Entity | None  # None: an unnamed speaker, known by `name`
    subject: bool  # subject of a main clause (not of a clause someone reports), or a speaker
    name: str | None = None  # the canonical description of an unnamed speaker
    gender: str | None = None  # of an unnamed speaker: m / f / None
    plural: bool = False  # an unnamed group ("officials")
    speaker: bool = False  # the speaker of a quotation or reported clause
    utterance: bool = False  # named by what they said or wrote ("Mr Cole's statement said"): "it" can refer back to them
    passive: bool = False  # the subject of a passive verb ("Mutu was sacked"): one something was done to
    modifier: bool = False  # a place's or a people's name only modifies a common noun ("the Nigerian jungle"): not what a pronoun means
    answers: bool = False  # the subject of a "but" clause answering the clause before ("X said ..., but Y rejected it")
    together: str | None = None  # speakers who said something together, under the joint name ("Ann Cole and Tom Reid"); entity: the first
    together_entities: tuple[Entity, ...] = ()  # their entities, in the joint name's order


@dataclass
class EntityProfiles:
    """Per-article knowledge of the entities of an EntityIndex, read off the parsed Doc."""

    doc: Doc
    ents: EntityIndex
    sent_of: list[int]  # token index -> sentence number
    text: str  # doc.text, built once (spaCy rebuilds it from the tokens on every access)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted by start
    starts: list[int] = field(default_factory=list)
    subjects: list[Referent] = field(default_factory=list)  # subject mentions, sorted by pos
    gender: dict[str, str | None] = field(default_factory=dict)  # entity_id -> m/f/None
    profile: dict[str, set[str]] = field(default_factory=dict)  # entity_id -> description words
    role_words: dict[str, set[str]] = field(default_factory=dict)  # entity_id -> its role's description words
    described: dict[str, list[tuple[int, set[str]]]] = field(default_factory=dict)  # entity_id -> (mention start, its words)
    first_pos: dict[str, int] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)  # entity_ids of people named with an honorific somewhere ("Mr Blair")
    fuller: dict[str, Entity] = field(default_factory=dict)  # entity_id -> the fuller name it abbreviates

    @classmethod
    def build(cls, doc: Doc, ents: EntityIndex, sent_of: list[int]) -> "EntityProfiles":
        p = cls(doc=doc, ents=ents, sent_of=sent_of, text=doc.text)
        for e in ents.entities:
            for s, t in e.mentions:
                p.mentions.append((s, t, e))
        p.mentions.sort(key=lambda m: (m[0], -m[1]))
        p.starts = [m[0] for m in p.mentions]
        p._fuller_names()
        for e in ents.entities:
            p.profile[e.entity_id] = description_words(words_of(e.role)) if e.role else set()
            p.role_words[e.entity_id] = set(p.profile[e.entity_id])
            p.gender[e.entity_id] = None
        p._read_mentions()
        return p

    def _fuller_names(self) -> None:
        """'Ms Hewitt', 'Hewitt' or 'Prof Patricia Hewitt' left apart from 'Patricia Hewitt' by
        the entity extractor: a person name that, titles and honorifics aside, is one fuller
        name or ends exactly one (the name written without a title stands for it; also a
        surname of two words: 'Mr de Vabres'; or a surname misspelt by two letters swapped:
        'Mr Montieth' for 'David Monteith')."""
        full: dict[tuple[str, ...], list[Entity]] = {}
        for e in self.ents.entities:
            ws = name_words(e.name)
            if e.label == "PERSON" and len(ws) > 1:
                full.setdefault(ws, []).append(e)
        by_last: dict[str, set[tuple[str, ...]]] = {}
        for ws in full:
            by_last.setdefault(ws[-1], set()).add(ws)
        for e in self.ents.entities:
            ws = name_words(e.name)
            if e.label != "PERSON" or not ws:
                continue
            if len(ws) > 1:  # "de Vabres" (a surname of two words) ends one longer name: "Renaud Donnedieu de Vabres"
                longer = {f for f in full if len(f) > len(ws) and f[-len(ws):] == ws
                          and not any(re.search(r"&| and ", x.name) for x in full[f])}  # not "Matt Lucas & David Walliams"
                names = longer if len(longer) == 1 else {ws}
            else:
                names = by_last.get(ws[0]) or by_last.get(_one_swap_from(ws[0], by_last), set())
            if len(names) == 1:
                best = min(full[next(iter(names))], key=lambda x: (len(words_of(x.name)), x.entity_id))
                if best is not e:
                    self.fuller[e.entity_id] = best

    def profile_before(self, entity_id: str, before: int) -> set[str]:
        """The entity's description words as the text has given them before character `before`:
        the words around its mentions so far, and its role unless only mentions from `before` on
        give its words (a role read elsewhere, "Ann Cole, who is home secretary,", still counts)."""
        out: set[str] = set()
        later: set[str] = set()
        for s, words in self.described.get(entity_id, []):
            if s < before:
                out |= words
            else:
                later |= words
        role = self.role_words.get(entity_id, set())
        return out | role if role & out or not role & later else out

    def canon(self, e: Entity | None) -> Entity | None:
        """The entity under its fullest name."""
        return self.fuller.get(e.entity_id, e) if e is not None else None

    # ---- reading the mentions ------------------------------------------------------------------
    def _read_mentions(self) -> None:
        votes: dict[str, list[int]] = {}  # entity_id -> [male, female]
        people: dict[str, Entity] = {}
        for s, t, e in self.mentions:
            self.first_pos.setdefault(e.entity_id, s)
            span = self.doc.char_span(s, t, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            pre = self._words_before(span)
            words = self._described_by(span, pre)
            self.profile[e.entity_id].update(words)
            self.described.setdefault(e.entity_id, []).append((s, words))
            if e.label == "PERSON":  # the words inside the mention before its head too: the model may tag "Ms Lee" whole
                inside = [tok for tok in span if tok.i < head.i and not tok.is_punct]
                self._vote_gender(votes.setdefault(e.entity_id, [0, 0]), e, head, [*pre, *inside])
                people[e.entity_id] = e
                if any(tok.lower_.rstrip(".") in speaker_words().honorifics for tok in [*pre, *inside]):
                    self.titled.add(e.entity_id)
            answers = answering_subject(head)  # prominent however the parse hung its clause
            subject = answers or _prominent_subject(head) or _inverted_speaker(span) or (e.label == "PERSON" and _asked(head)) \
                or (e.label == "PERSON" and self.first_pos[e.entity_id] == s and _introduced(head))
            if e.label in SPEAKER_LABELS:
                self.subjects.append(Referent(pos=s, sent=self.sent_of[head.i], entity=e, subject=subject,
                                              passive=_passive_subject(head), modifier=_modifies_a_noun(span, e.label),
                                              answers=answers))
        lex = speaker_words()
        for eid, v in votes.items():
            hint = lex.name_genders.get(slug(first_name(people[eid].name)))  # (accents aside, as its names are written)
            if hint is not None:  # a name most often given to one gender: once, less than one honorific ("Mr Anais Cole")
                v[0 if hint == "m" else 1] += 1
            m, f = v
            self.gender[eid] = "m" if m > f else "f" if f > m else None
        self.subjects.sort(key=lambda r: r.pos)

    def _words_before(self, span: Span) -> list[Token]:
        """Words before the name in its noun phrase ("Russian President Vladimir Putin"), and
        titles right before the name whatever the parse says (at most 8 words)."""
        doc = self.doc
        left = span.root.left_edge.i
        j = span.start
        while j - 1 >= 0 and span.start - j < 5:
            tok = doc[j - 1]
            if tok.is_punct or tok.is_space or not (tok.text[:1].isupper() or tok.pos_ in ("ADJ", "NOUN", "PROPN")):
                break
            j -= 1
        left = min(left, j)
        return [tok for tok in doc[max(left, span.start - 8):span.start] if not (tok.is_punct or tok.is_space)]

    def _described_by(self, span: Span, pre: list[Token]) -> set[str]:
        """Description words of one mention: the words before it and its appositions
        ("Victoria Nuland, a senior US State Department official")."""
        doc, head = self.doc, span.root
        words = description_words(words_of(" ".join(tok.text for tok in pre)))
        for ch in head.children:
            if ch.dep_ == "appos" and ch.i > head.i:
                words |= description_words(words_of(doc[ch.left_edge.i:ch.i + 1].text))
        if head.dep_ == "appos" and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
            h = head.head
            words |= description_words(words_of(doc[h.left_edge.i:h.i + 1].text))
        return words

    def _vote_gender(self, v: list[int], e: Entity, head: Token, pre: list[Token]) -> None:
        lex = speaker_words()
        for tok in pre:
            g = lex.honorifics.get(tok.lower_.rstrip("."))
            if g:
                v[0 if g == "m" else 1] += 2
        # a gendered noun describing the name: "spokeswoman Ann Lee", "Xing Wangli, a spokesman for ..."
        described = [*pre, *(ch for ch in head.children if ch.dep_ == "appos" and ch.i > head.i)]
        for tok in described:
            g = lex.gender.get(tok.lower_)
            if g:
                v[0 if g == "m" else 1] += 1
        first = first_name(e.name)
        if first in lex.male:
            v[0] += 3
        elif first in lex.female:
            v[1] += 3
        # a possessive or subject pronoun later in the same clause: "Putin met his counterpart";
        # after another person's name, only one of the gender that person's honorific rules out
        # ("Lee said Ann Cole had distanced herself": no vote; "Lee tracked down Mr Cole after her
        # mother ...": Lee's)
        if head.dep_ in SUBJECT_DEPS:
            other = None  # the gender of another person named since
            for tok in self.doc[head.i + 1:min(len(self.doc), head.i + 12)]:
                if tok.is_sent_start:
                    break
                if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                    g = next((lex.honorifics.get(t.lower_.rstrip(".")) for t in (self.doc[tok.i - 1], tok)
                              if t.lower_.rstrip(".") in lex.honorifics), None)
                    if g is None or other not in (None, g):
                        break
                    other = g
                    continue
                lw = tok.lower_
                if lw in ("his", "himself"):
                    if other != "m":
                        v[0] += 1
                    break
                if lw in ("her", "hers", "herself"):
                    if other != "f":
                        v[1] += 1
                    break
                if lw in ("he", "she") and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ccomp" and tok.head.head.i == head.head.i:
                    if other != ("m" if lw == "he" else "f"):
                        v[0 if lw == "he" else 1] += 1  # "Beverley Knight said she sang": the subject of what she said
                    break

    # ---- lookups -------------------------------------------------------------------------------
    def entity_at(self, start: int, end: int, prefer: int | None = None) -> Entity | None:
        """The speaker-like entity with a mention overlapping [start, end); the one covering
        character `prefer` (the head word) first."""
        i = bisect.bisect_right(self.starts, end - 1)
        best = None
        j = i - 1
        while j >= 0 and j >= i - 12:
            s, t, e = self.mentions[j]
            if s < end and t > start and e.label in SPEAKER_LABELS:
                if prefer is not None and s <= prefer < t:
                    return e
                if best is None or (best.label != "PERSON" and e.label == "PERSON"):
                    best = e
            j -= 1
        return best

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions lying within [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mentions_over(self, s: int, e: int) -> list[tuple[int, int, Entity]]:
        """Mentions overlapping [s, e) (among the 8 starting last before e)."""
        i = bisect.bisect_right(self.starts, e - 1)
        out = []
        for j in range(max(0, i - 8), i):
            ms, me, ent = self.mentions[j]
            if ms < e and me > s:
                out.append((ms, me, ent))
        return out

    def last_mention_before(self, e: Entity, before: int) -> int:
        last = -1
        for s, _ in e.mentions:
            if s < before and s > last:
                last = s
        return last


def _modifies_a_noun(span: Span, label: str) -> bool:
    """The name of a place or a people modifies a common noun outside it ("the Nigerian jungle", "a
    US military commander"): it says where or whose, not someone a later "it" or "they" can mean;
    so does a person's name after an article ("an Alan Shearer strike"; "Ann Lee mobile analyst at
    ..." is a name and a job without their comma). Not a body's name: "the BBC website was down
    ... It said" means the BBC."""
    head = span.root
    if head.dep_ not in ("amod", "compound") or head.head.pos_ != "NOUN" or span.start <= head.head.i < span.end:
        return False
    if label == "PERSON":
        return span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an", "the")
    return label in ("GPE", "NORP", "LOC", "FAC")


def _passive_subject(head: Token) -> bool:
    """The subject, or a conjunct of the subject, of a passive verb ("Mutu was sacked", "Reid, Boyle
    and Cole were named")."""
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:  # (a list the parse hung as appositions)
        head = head.head
    return head.dep_ == "nsubjpass"
