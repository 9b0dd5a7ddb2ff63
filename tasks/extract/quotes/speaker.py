"""Speakers: the one place that decides who said a quote, from the words that name the speaker
("Wallace", "he", "the Russian leader", "a spokeswoman for the RAD") to the canonical entity of
the article's EntityIndex, or to the canonical description of someone the article never names.

`resolve_speakers` resolves every attributed quote and reported clause in text order, so that a
resolved speaker becomes an antecedent for later pronouns and descriptions; a quote carried from
another one takes its source's speaker once every source is resolved (a source may come later
in the text). `Resolver.resolve` tries, in this order:
  * a relative pronoun ("who said"): the noun its clause hangs on;
  * a pronoun ("he", "they", "his" of "his comments"): the most prominent compatible referent of
    the previous sentences (a speaker of an earlier quotation or the subject of a main clause,
    never a subject inside someone's reported words, nor anyone named inside the quote itself);
    the subject of a subordinate clause before its main clause's subject first looks ahead, to
    that subject's name ("After he called it "a folly", Tom Reid left");
  * a name: the entity mentioned at the head word, a person named inside longer words, a surname
    or a titled surname ("Dr Okafor") under the one full name it ends (of relatives who share it,
    the one the honorific or the sentences just before point to);
  * a description (`describe.py`): a name in apposition, the maker of a statement or report,
    a person or organisation the article describes so, the same unnamed speaker described
    earlier, an epithet ("the Scot") for the person in focus, else the description itself.
Every entity comes out under its fullest name (`EntityProfiles.canon`).

Word lists are data files (data/speaker_* beside this module).
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator
from dataclasses import replace

import numpy
from spacy.attrs import DEP, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Token

from tasks.extract.entities.index import Entity
from tasks.extract.quotes.describe import COLLECTIVE_NATIONALS, body_of_members, describe, description_gender, is_group, named_maker, names_utterance
from tasks.extract.quotes.lexicon import is_cue, speaker_words
from tasks.extract.quotes.profiles import EntityProfiles, Referent, first_of_list, name_words, words_of
from tasks.extract.quotes.records import MAX_TOGETHER, PersonCount, Quote, Reported, Resolution, joint_name, named
from tasks.extract.quotes.subjects import according_to_prep, described_phrase_end, in_telling_clause, names_a_person, personlike, says_nothing
from tasks.nlp.entity_cleaning import PERSON_SUFFIX_TITLES
from tasks.nlp.gazetteer import gazetteer

ANOTHER_OF_THEM = frozenset({"another"})  # a subject that is one more of the speaker's kind ("Another wrote:")
SENTENCE_WINDOW = 8  # how many sentences back a pronoun may look for its antecedent
FAMILY_WINDOW = 2  # how many sentences back a full name tells which of a family a bare surname means
EPITHET_WINDOW = 3  # how many sentences back an epithet ("the Scot") looks for the person in focus
RELATIVE = ("who", "which", "that")
GROUP_PRONOUNS = ("those", "others", "some", "many")  # with words after them, a description of a group
OBJECT_DEPS = ("dobj", "pobj", "dative", "iobj")  # a noun that is someone's object
# titles before a given name, not a surname ("Sheikh Mohammed", "Sir John"): never stripped to match a surname
GIVEN_NAME_TITLES = frozenset({"sir", "dame", "lady", "prince", "princess", "king", "queen", "sheikh", "emir", "sultan"})


def resolve_speakers(resolver: Resolver, quotes: list[Quote], reported: list[Reported]) -> None:
    """Set the resolution of every kept quote and reported clause that names a speaker, in
    text order (at equal offsets reported speech first); carried quotes last, from their source."""
    sources = _according_to_people(resolver)
    heads = {item.att.head.i for item in [*quotes, *reported] if item.att is not None and item.att.head is not None}
    described = [t for t in _described_subjects(resolver) if t.i not in heads]
    order = sorted([(q.span.start, "q", k) for k, q in enumerate(quotes) if q.kept]
                   + [(r.start, "i", n) for n, r in enumerate(reported)] + [(t.idx, "a", n) for n, t in enumerate(sources)]
                   + [(t.idx, "d", n) for n, t in enumerate(described)])
    carried: list[Quote] = []
    by_words: dict[tuple[int, int], Resolution] = {}  # the same speaker words name the same speaker
    for _, what, k in order:
        if what == "a":  # a person the writer cites with "according to": a referent, not a row
            head = sources[k]
            start = resolver.doc[head.left_edge.i].idx
            resolver.note_speaker(start, head, resolver.resolve(start, head.idx + len(head.text), head))
            continue
        if what == "d":  # "The bishop will ask ...": a described person as a subject, for later pronouns
            head = described[k]
            start = resolver.doc[head.left_edge.i].idx
            last = resolver.doc[head.right_edge.i] if head.lower_ in speaker_words().speaks_for else head  # "a spokesman for X"
            resolver.note_subject(start, head, resolver.resolve(start, last.idx + len(last.text), head))
            continue
        item = quotes[k] if what == "q" else reported[k]
        att = item.att
        if att is None or att.head is None:
            continue
        if att.source is not None:
            carried.append(item)  # after its source, which may come later in the text
            continue
        words = (att.speaker_start, att.speaker_end)
        if words in by_words:  # `"...," he said. "..."`: the second quote continues the first one's "he"
            item.resolution = by_words[words]
            continue
        said = (item.span.start, item.span.end) if isinstance(item, Quote) else (item.start, item.end)
        item.resolution = by_words[words] = resolver.resolve(att.speaker_start, att.speaker_end, att.head, said)
        resolver.note_speaker(att.speaker_start, att.head, item.resolution)
    for item in carried:  # text order: a source carried itself (from an earlier paragraph) is resolved first
        item.resolution = quotes[item.att.source].resolution


def _according_to_people(resolver: Resolver) -> list[Token]:
    """The people the writer's own words cite with "according to" ("..., according to an ntl
    spokesman, are in a better position"), outside quotations: speakers a later "he said" may
    mean, though no quotation or reported clause of theirs makes a row."""
    if "ccording to" not in resolver.text:  # most articles: no walk over their tokens
        return []
    out = []
    for t in resolver.doc:
        prep = according_to_prep(t)
        if prep is not None and not resolver.quoted(t.idx):
            out += [c for c in prep.children if c.dep_ == "pobj" and names_a_person(c)]
    return out


_SUBJECT_DEPS = numpy.array([get_string_id("nsubj"), get_string_id("nsubjpass")], dtype=numpy.uint64)


@functools.cache
def _person_noun_ids() -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(w) for w in speaker_words().person_nouns), dtype=numpy.uint64)


DESCRIPTION_BARS = ("prep", "appos", "relcl", "acl", "cc", "conj")  # dependents that make a description more than one person's
SPOKESMAN_BARS = ("appos", "relcl", "acl", "cc", "conj")  # ("a spokesman for the ministry" is one person)


def _person_a_phrase_hangs_on(noun: Token) -> Token:
    """"said one Democrat familiar with the talks, who added": a thing closing a phrase on a noun
    for a person is not whom "who" means, and nor is anyone closing a phrase an adjective opens
    ("a source close to the prime minister, who added"); the person the phrase is on is. The noun
    itself when no such person holds it ("a spokesman for the prime minister, who": the minister)."""
    t = noun
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        up = t.head.head
        adjective = up.dep_ in ("amod", "acl") and up.head.pos_ in ("NOUN", "PROPN")  # (the tagger may read "close" as an adverb)
        if adjective:
            up = up.head
        if up.pos_ not in ("NOUN", "PROPN") or (personlike(t) and not adjective):
            break
        t = up
    return t if personlike(t) else noun


def _told_apart_unnamed(head: Token) -> bool:
    """Someone a later pronoun may mean though the article never names them: one who speaks for a
    body ("a spokesman for the Home Office defended it. He said:"), or whose description tells
    their sex ("A 24-year-old woman was fined ... "...," she wrote"; `gender`)."""
    return head.lower_ in speaker_words().speaks_for or description_gender(head) is not None


def _described_subjects(resolver: Resolver) -> list[Token]:
    """The head nouns of definite descriptions of one person ("the bishop", "The 45-year-old
    minister") that are the subject of a main clause outside quotations: once resolved to a named
    person, they are who a pronoun in the sentences after them means, as a name there would be.
    Also someone unnamed the description tells apart (`_told_apart_unnamed`), definite or not: a
    spokesman, for a body ("But a spokesman for the ministry defended the plan. He said: ..."), or
    a man or a woman ("A 24-year-old woman was fined ..."): the "he" or "she" that speaks next."""
    doc = resolver.doc
    rows = doc.to_array([DEP, LOWER])  # one pass in C, not a Token object per word (this runs on every article)
    picked = numpy.nonzero(numpy.isin(rows[:, 0], _SUBJECT_DEPS) & numpy.isin(rows[:, 1], _person_noun_ids()))[0]
    out = []
    for i in picked.tolist():
        t = doc[i]
        if t.tag_ not in ("NN", "NNP"):
            continue
        verb = t.head
        if not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")) or resolver.quoted(t.idx):
            continue
        speaks = _told_apart_unnamed(t)
        if any(c.dep_ == "det" and (c.lower_ == "the" or (speaks and c.lower_ in ("a", "an"))) for c in t.children) \
                and not any(c.dep_ in (SPOKESMAN_BARS if speaks else DESCRIPTION_BARS) for c in t.children):
            out.append(t)
    return out


# nationalities, religious and political groups ("the Tories say", "Democrats argued"): many
# people speaking as a group, not one speaker
GROUP_LABELS = frozenset({"NORP"})


def said_together(res: Resolution) -> bool:
    """The words are several speakers' (`Resolver._named_with`, `describe`): the speaker is their
    joint name, not the name of its entity (the first of them)."""
    return bool(res.together)


def _reports(verb: Token) -> bool:
    """The verb reports words, a reporting verb hangs on it ("are critical of it, arguing"), or
    it makes, sends or signs something said or written ("issued a statement", "filed a lawsuit";
    `sent_by`, `made_by`; not "received a letter")."""
    lex, verb_lemma = speaker_words(), verb.lemma_.lower()
    return is_cue(verb) or any(c.dep_ in ("advcl", "xcomp", "conj", "ccomp") and is_cue(c) for c in verb.children) \
        or any(c.dep_ == "dobj" and names_utterance(c) and (verb_lemma in lex.sent_by or verb_lemma in lex.made_by.get(c.lemma_.lower(), ()))
               for c in verb.children)


def recorded(res: Resolution | None) -> Resolution | None:
    """The speaker as the quotes table records it. A group (GROUP_LABELS) keeps its name as the
    speaker, of speaker_type "unnamed" and with no entity: the group stays an entity of the
    article, but its quotes are no one thing's that an entity key could follow across articles.
    (While the article is read, the group is a referent like any entity.)"""
    if res is not None and res.entity is not None and res.entity.label in GROUP_LABELS:
        return Resolution(None, res.speaker, res.attribution, "unnamed")
    return res


def _post_nominal_at_most(rest: str) -> bool:
    """Nothing, or letters written after a name (PERSON_SUFFIX_TITLES: "MP", "QC"), follow it in the words."""
    rest = rest.strip(" ,")
    return not rest or rest in PERSON_SUFFIX_TITLES


def _one_national(words: str, head: Token) -> bool:
    """"said the American", "the Scot": one person of a nationality, an epithet for the person in
    focus (`describe`), not the nation speaking as a group ("the French", "Americans"); a nationality
    of two words must be one the nationalities list holds ("the New Zealander")."""
    parts = words.lower().split()
    if len(parts) not in (2, 3) or parts[0] != "the" or head.tag_ not in ("NN", "NNP") or COLLECTIVE_NATIONALS.fullmatch(parts[-1]):
        return False
    return len(parts) == 2 or " ".join(parts[1:]) in speaker_words().nationality


def family_name(ws: list[str]) -> str:
    """The family name among a full name's words: the last, or the one before a generational
    suffix ("brent hollis iii" -> "hollis"; `entity_name_suffixes.txt`)."""
    return ws[-2] if len(ws) > 2 and ws[-1] in gazetteer().name_suffixes else ws[-1]


def _one_member(words: str, head: Token) -> bool:
    """"said one Ohio Republican", "a Democrat from Toledo", "another Tory": one member of a
    group the writer leaves unnamed, a person described so (not the group speaking)."""
    first = words.lower().split()[:1]
    return first in (["a"], ["an"], ["one"], ["another"]) and head.tag_ in ("NN", "NNP") \
        and not COLLECTIVE_NATIONALS.fullmatch(head.lower_)


class Resolver:
    """Per-article speaker resolution over the article's entity profiles. `quoted(char)` tells
    whether a character lies inside a quotation (whose names are not the writer's referents)."""

    def __init__(self, profiles: EntityProfiles, quoted: Callable[[int], bool] | None = None):
        self.profiles = profiles
        self.doc, self.text, self.sent_of = profiles.doc, profiles.text, profiles.sent_of
        self.quoted = quoted or (lambda char: False)
        # the article's persons with the words of their names (read for every pronoun and bare surname)
        self.person_words = [(e, words_of(e.name)) for e in profiles.ents.entities if e.label == "PERSON"]
        self.person_names = [(e, name_words(e.name)) for e, _ in self.person_words]  # titles aside (`_family`)
        self._families: dict[str, dict[str, Entity]] = {}  # surname -> the people whose full names end in it
        # sorted by pos; speakers join as resolved
        self.referents: list[Referent] = [self._epithet_subject(r) for r in profiles.subjects]
        self.ref_pos = [r.pos for r in self.referents]
        self.office_holders: dict[tuple[str, ...], Entity] = {}  # filled by `describe` ("the chancellor" -> its holder)
        self.pronoun_gender: dict[str, str] = {}  # entity id -> the gender of a "he" or "she" resolved to it
        self._quoted_only_sent: dict[int, bool] = {}  # sentence number -> every word quoted (`_quoted_only`)

    def _epithet_subject(self, r: Referent) -> Referent:
        """"The Australian is still hoping ..." / "..., he said": a nationality with "the" as a
        sentence's subject is an epithet for the person in focus, whom a pronoun after it means."""
        if r.entity is None or r.entity.label != "NORP" or not r.subject:
            return r
        span = self.doc.char_span(r.pos, r.pos + 1, alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else None
        while tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i:
            tok = tok.head  # "New" of "the New Zealander"
        if tok is None or tok.i == 0 or tok.dep_ not in ("nsubj", "nsubjpass"):
            return r
        if not _one_national(self.doc[tok.left_edge.i:tok.i + 1].text, tok):
            return r
        person = self.topic_person(r.pos, None, exclude=self.named_in_its_clause(tok))
        return replace(r, entity=person) if person is not None else r

    def named_in_its_clause(self, head: Token) -> set[str]:
        """The entities named in the clause whose subject is `head`, outside quotations: not whom an
        epithet there stands for ("The Scot defended Cole": not Cole; but "... linked Owen with a
        move, but the striker said": Owen may be)."""
        clause = self.doc[head.head.left_edge.i:head.head.right_edge.i + 1]
        return {self.profiles.canon(ent).entity_id for ms, _, ent in self.profiles.mentions_in(clause.start_char, clause.end_char)
                if not self.quoted(ms)}

    def note_speaker(self, pos: int, head: Token, res: Resolution) -> None:
        """A resolved speaker, named or not, becomes a prominent referent for later pronouns (an
        unnamed one only when the words are a person's, "a spokesman", not "Convention", or what
        an unnamed maker wrote: `"...," the email read. It added that ...` is the email's)."""
        # an "it" resolved to an unnamed maker went back to their words (`_utterance_meant`: "it" is
        # never an unnamed person), so it stands for those words in turn
        utterance = names_utterance(head) or (res.entity is None and res.attribution == "pronoun" and head.lower_ == "it")
        if res.entity is None and (not res.speaker or not (res.attribution == "name" or names_a_person(head) or utterance)):
            return
        # a speaker named by "who" in a clause on someone's object ("he had visited Pullman, who told him
        # ...") is less prominent than the sentence's own subject: no speaker's precedence for a pronoun
        # ... nor is one named in a phrase on a noun ("shrugged off claims from Ann Cole that ...")
        aside = (head.lower_ in RELATIVE and head.head.dep_ == "relcl" and head.head.head.dep_ in OBJECT_DEPS) \
            or (head.dep_ == "pobj" and head.head.head.pos_ == "NOUN")
        r = Referent(pos=pos, sent=self.sent_of[head.i], entity=res.entity, subject=True, speaker=not aside,
                     name=res.speaker if res.entity is None else None, utterance=utterance)
        if res.entity is None:
            r.gender, r.plural = description_gender(head), is_group(head)
        elif said_together(res):
            r.together, r.together_entities, r.plural = res.speaker, res.together, True  # "Ann Cole and Tom Reid said": "they" may be both
        self._add_referent(r)

    def note_subject(self, pos: int, head: Token, res: Resolution) -> None:
        """A description that resolved to a named person, as the subject of its sentence, becomes
        a referent like a subject mention of the name (not a speaker); so does someone unnamed the
        description tells apart (`_told_apart_unnamed`), known by the description ("a spokesman for
        the ministry defended it. He said", "A 24-year-old woman was fined ... she wrote")."""
        if res.entity is None and res.speaker and _told_apart_unnamed(head):
            r = Referent(pos=pos, sent=self.sent_of[head.i], entity=None, subject=True, name=res.speaker,
                         passive=head.dep_ == "nsubjpass")
            r.gender, r.plural = description_gender(head), is_group(head)  # (as note_speaker describes one)
            self._add_referent(r)
            return
        if res.entity is None or res.entity.label != "PERSON":
            return
        self._add_referent(Referent(pos=pos, sent=self.sent_of[head.i], entity=res.entity, subject=True,
                                    passive=head.dep_ == "nsubjpass"))

    def _add_referent(self, r: Referent) -> None:
        """Insert r among the referents, kept sorted by position."""
        i = bisect.bisect_right(self.ref_pos, r.pos)
        self.referents.insert(i, r)
        self.ref_pos.insert(i, r.pos)

    def resolve(self, start: int, end: int, head: Token, said: tuple[int, int] | None = None) -> Resolution:
        """Resolve the speaker named by text[start:end] (head = its head token) of the words
        text[said[0]:said[1]]; an entity comes under its fullest name."""
        res = self._resolve(start, end, head, said)
        if res.entity is not None:
            if said_together(res):
                return res  # "they", after words said together: the joint name (`_speakers_together_before`)
            res = named(self.profiles.canon(res.entity), res.attribution)
            together = self._named_with(head, res.entity) if res.attribution == "name" or (
                res.attribution == "description" and self._names_beside(head) is not None) else []
            if together:
                return replace(res, speaker=joint_name([e.name for e in together]), together=tuple(together))
        return res

    @staticmethod
    def _second_subject(head: Token) -> list[Token]:
        """`singer Ann Cole and drummer Tom Reid said`, parsed as two subjects of "said": the
        other subject right after "and"."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return []
        doc = head.doc
        out = []
        for t in head.head.children:
            if t.dep_ == head.dep_ and t.i != head.i:
                a, b = (head, t) if head.i < t.i else (t, head)
                if a.i + 1 < len(doc) and doc[a.i + 1].lower_ == "and" and b.left_edge.i == a.i + 2:
                    out.append(t)
        return out

    def _named_with(self, head: Token, ent: Entity) -> list[Entity]:
        """`Chief executive Ann Cole and chairman Tom Reid said`, `The Tories and the Lib Dems said`:
        speakers named by name and joined by "and" as the subject say the words together: each
        under its fullest name, in the text's order ("A, B and C") (none when any of them is no name, as in
        "Ann Cole and her lawyer said", when people and bodies are mixed, when they are more
        than MAX_TOGETHER, or when they are not the subject of a reporting verb)."""
        names = self._names_beside(head)
        if names is not None:
            head = names  # "nuclear experts Tom Hale and Rita Moss said": the names stand beside the plural subject
        conj = sorted([head, *head.conjuncts, *self._second_subject(head)], key=lambda t: t.i)
        subj = conj[0]
        if subj.dep_ == "appos" and subj.head.tag_ == "NNS":
            subj = subj.head
        if len(conj) < 2 or len(conj) > MAX_TOGETHER or subj.dep_ not in ("nsubj", "nsubjpass") or not _reports(subj.head) \
                or not any(c.dep_ == "cc" and c.lower_ == "and" for t in conj for c in t.children):
            return []  # (not the subject of a reporting verb: "Ann Cole and Tom Reid married in 1990. "I was 19 ..."")
        together = self.entities_named(conj, {head.i: ent})
        if together is None:
            return []
        if len({e.label == "PERSON" for e in together}) > 1:
            return []  # a person and a body or a place ("Holland and Ferguson"): the parse joined what the sentence does not
        return together if len(together) > 1 else []

    @staticmethod
    def _names_beside(head: Token) -> Token | None:
        """The first name set beside a plural noun ("nuclear experts Tom Hale and ...", "the
        lawyers, Ann Cole and Tom Reid,"), if any."""
        return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) if head.tag_ == "NNS" else None

    def entities_named(self, toks: list[Token], known: dict[int, Entity] | None = None) -> list[Entity] | None:
        """The entities the words name (`known`: by token index, those already found), each once
        under its fullest name, in the words' order; None when one of the words names none."""
        out: list[Entity] = []
        for t in toks:
            e = (known or {}).get(t.i) or self.profiles.entity_at(t.idx, t.idx + len(t.text), prefer=t.idx)
            if e is None:
                return None
            e = self.profiles.canon(e)
            if all(o.entity_id != e.entity_id for o in out):
                out.append(e)
        return out

    def _resolve(self, start: int, end: int, head: Token, said: tuple[int, int] | None) -> Resolution:
        low = head.lower_
        if low in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            return self.relative(head, said)
        if low in GROUP_PRONOUNS and end - start > len(head.text):
            return describe(self, start, end, head, said)  # "those behind the negotiations"
        if low in ANOTHER_OF_THEM and end - start == len(head.text):
            return self._another_of_them(head)  # (however the tagger reads "Another": pronoun or determiner)
        if head.pos_ == "PRON" or (low in speaker_words().pronouns and end - start == len(head.text)):
            return self.pronoun(head, said)
        ent = self.by_name(start, end, head)
        if ent is not None and ent.name.lower() in speaker_words().members_of:  # "MPs" tagged as a body
            ent = body_of_members(self, start, end, head) or ent
        if ent is not None and not (ent.label in GROUP_LABELS and (_one_national(self.text[start:end], head)
                                                                    or _one_member(self.text[start:end], head))):
            return named(ent, "name")
        return describe(self, start, end, head, said)

    def referent_resolution(self, r: Referent | None, how: str) -> Resolution:
        if r is None:
            return Resolution(None, None, how)
        if r.entity is not None:
            return named(r.entity, how)
        return Resolution(None, r.name, how, "unnamed")

    # ---- names -----------------------------------------------------------------------------------
    def by_name(self, start: int, end: int, head: Token) -> Entity | None:
        """The entity a name names: the one mentioned at the head word; a person named inside
        longer words ("Sirius XM Vice President for news and talk Dave Gorab"); a surname."""
        ent = self.profiles.entity_at(head.idx, head.idx + len(head.text), prefer=head.idx)
        if ent is not None and any(c in ent.name for c in "\"“”"):
            # a name the tokenizer glued to a closing quotation mark ("...,”Clinton said")
            ent = self.by_last_name(self.text[start:end])
        if ent is None:
            text = self.text
            for ms, me, e in self.profiles.mentions_in(start, end):
                # the name ending the words (letters after a name aside: "Andrew Tyrie MP"), not a modifier
                # ("Scott's relatives", "The Oscar-nominated actor")
                # nor whom the words serve ("a spokesman for Mr Cole")
                if e.label == "PERSON" and _post_nominal_at_most(text[me:end]) and not self._served(ms, me) \
                        and not in_telling_clause(self.doc, ms, head):
                    ent = e
        ent = ent if ent is not None else self.by_last_name(self.text[start:end])
        return self._of_the_family(start, end, ent)

    def _of_the_family(self, start: int, end: int, ent: Entity | None) -> Entity | None:
        """A bare surname ("Trump", "Mrs Clinton", "Sen. Clinton") that ends the full names of
        several people of the article ("Donald Trump", "Eric Trump"; titles aside): the one of them
        an honorific's sex fits, else the one named in full as a subject or speaker (outside
        quotations) in its own sentence or the FAMILY_WINDOW sentences before it, else `ent`, the
        person the entity index or the surname's one full name gave."""
        if ent is None or ent.label != "PERSON":
            return ent
        lex = speaker_words()
        ws = words_of(self.text[start:end])
        sex = None
        while len(ws) > 1 and (ws[0] in lex.honorifics or ws[0] in lex.abbreviations):
            sex = lex.honorifics.get(ws[0]) or sex
            ws = ws[1:]
        if len(ws) != 1:
            return ent
        family = self._family(ws[0])
        cur = self.profiles.canon(ent)
        if len(family) < 2 or cur.entity_id not in family:
            return ent
        if sex is not None:
            fitting = [e for e in family.values() if self.gender_of(e) == sex]
            if len(fitting) == 1:
                return fitting[0]  # "Mrs Clinton"
        here = self._sent_at(start)
        other = self._named_in_full_before(start, here, family) if here is not None else None
        if other is None or other.entity_id == cur.entity_id or self._one_person(other, cur):
            return ent
        return other

    def _family(self, surname: str) -> dict[str, Entity]:
        """The people (under their fullest names, by entity id) whose full names end in the
        surname, titles aside; read once per surname."""
        if surname not in self._families:
            canon = self.profiles.canon
            self._families[surname] = {canon(e).entity_id: canon(e) for e, ws in self.person_names
                                       if len(ws) > 1 and family_name(list(ws)) == surname}
        return self._families[surname]

    def _named_in_full_before(self, start: int, here: int, family: dict[str, Entity]) -> Entity | None:
        """The last of `family` named in full (more than a surname, titles aside) as a subject or a
        speaker before character `start`, outside quotations, in sentence `here` or the
        FAMILY_WINDOW sentences before it; not one only spoken of ("a prize to Anna Lindqvist"),
        nor one named by the given name alone ("his wife Sharon")."""
        mentions = self.profiles.mentions
        i = bisect.bisect_left(self.profiles.starts, start) - 1
        while i >= 0:
            ms, me, e = mentions[i]
            i -= 1
            sent = self._sent_at(ms)
            if sent is None:
                continue
            if here - sent > FAMILY_WINDOW:
                return None
            c = self.profiles.canon(e)
            if c.entity_id in family and not self.quoted(ms) and len(name_words(self.text[ms:me])) > 1 and self._subject_at(ms):
                return c
        return None

    @staticmethod
    def _one_person(a: Entity, b: Entity) -> bool:
        """Two full names of one person written two ways: given names that open alike and no
        generational suffix on one only ("Pete" and "Peter Santilli"; not "Donald Trump" and
        "Donald Trump Jr")."""
        wa, wb = name_words(a.name), name_words(b.name)
        suffixes = gazetteer().name_suffixes
        return wa[0][:3] == wb[0][:3] and (wa[-1] in suffixes) == (wb[-1] in suffixes)

    def _sent_at(self, pos: int) -> int | None:
        """The sentence number of the word at character `pos`."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return self.sent_of[span.start] if span is not None and len(span) else None

    def _subject_at(self, pos: int) -> bool:
        """A subject or a speaker (a referent for pronouns) starts at character `pos`."""
        j = bisect.bisect_left(self.ref_pos, pos)
        while j < len(self.ref_pos) and self.ref_pos[j] == pos:
            if self.referents[j].subject:
                return True
            j += 1
        return False

    def _served(self, start: int, end: int) -> bool:
        """The name text[start:end] follows a preposition directly or after a role of its own ("a
        spokesman for Mr Cole", "an associate of former bank boss Tom Reilly"; not "director of
        rugby Tom Cole", whose name is the title's), or ends a list that does ("the star of Rain
        Falls and Tom Cole")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        first = first_of_list(span.root)
        if first.i != span.root.i:  # "the star of Harbour Lights and Ann Cole": the list's first name is served
            return first.dep_ == "pobj" and first.head.dep_ == "prep"
        i = span.start - 1
        lex = speaker_words()
        phrase = set(range(span.start, span.end))  # with the words before the name that modify it
        while i > 0:
            t = self.doc[i]
            if t.lower_.rstrip(".") in lex.honorifics:
                i -= 1
            elif t.dep_ in ("amod", "compound") and t.head.i in phrase and (len(phrase) > len(span) or t.lower_ in lex.person_nouns):
                phrase.add(i)  # "an associate of former bank boss Tom Reilly": the served person's own role
                i -= 1
            else:
                break
        prep = self.doc[i]  # ("a man identified as Tom Reid": a naming participle's "as" gives the name itself)
        return prep.dep_ == "prep" and span.root.dep_ == "pobj" and prep.head.lemma_.lower() not in lex.naming_clause_verbs

    def by_last_name(self, words: str) -> Entity | None:
        """A one-word capitalised name the entity extractor did not tag (`"...,”Clinton said`,
        where the tokenizer glued it to the quote; `said General Musharraf`, a title before it): the
        one person entity it names or ends."""
        parts = words.split()
        lex = speaker_words()
        if len(parts) > 1 and all(p[:1].isupper() and p.lower().rstrip(".") not in GIVEN_NAME_TITLES
                                  and (p.lower().rstrip(".") in lex.honorifics or p.lower().rstrip(".") in lex.abbreviations
                                       or p.lower() in lex.person_nouns) for p in parts[:-1]):
            words = parts[-1]
        if not words[:1].isupper() or " " in words.strip() or len(words) < 3:
            return None
        low = words.lower()
        found = [e for e, ws in self.person_words if ws and family_name(ws) == low]
        return found[0] if len(found) == 1 else None

    # ---- pronouns --------------------------------------------------------------------------------
    def pronoun(self, pron: Token, said: tuple[int, int] | None) -> Resolution:
        info = speaker_words().pronouns.get(pron.lower_)
        if info is None or not info["labels"]:
            return Resolution(None, None, "pronoun")
        gender, labels, plural = info["gender"], set(info["labels"]), bool(info.get("plural"))
        if "PERSON" not in labels and not plural:
            res = self._utterance_meant(pron, said)
            if res is not None:
                return res
        if plural:
            r = self._speakers_together_before(pron)
            if r is not None:  # `Ann Cole and Tom Reid said ... "...," they said`: both
                return replace(named(r.entity, "pronoun"), speaker=r.together, together=r.together_entities)
        r = self._main_subject_after_clause(pron, gender, labels, plural, said) or self.antecedent(pron, gender, labels, plural, said)
        if r is None and gender and not plural:
            ent = self.topic_person(pron.idx, gender)  # no one of that gender in the sentences before: whom the article is about
            if ent is not None and not ({ent.entity_id} & (self.named_in_quote(said) | self._spoken_to(pron))):
                return named(ent, "pronoun")
        if r is not None and r.entity is not None and r.together is None and gender:
            # `"...," she said` of someone the article gave no gender: a woman for the pronouns after
            # (not from a guess at whom the article is about, above)
            self.pronoun_gender.setdefault(self.profiles.canon(r.entity).entity_id, gender)
        return self.referent_resolution(r, "pronoun")

    def _main_subject_after_clause(self, pron: Token, gender: str | None, labels: set[str], plural: bool,
                                      said: tuple[int, int] | None) -> Referent | None:
        """"After he blasted the film as "too dark", Pastor Tom Reid turned on ...": a pronoun that is
        the subject of a subordinate clause ("after", "when", "although") before its main clause's
        subject means that subject, when it is a name that fits and the subject of a main clause
        (not of someone's reported words); else None."""
        verb = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "advcl" or verb.i > verb.head.i \
                or not any(c.dep_ == "mark" for c in verb.children):
            return None
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.right_edge.i), None)
        if subj is None or self.quoted(subj.idx):
            return None
        named = self.named_in_quote(said) | self._spoken_to(pron)
        first, last = self.doc[subj.left_edge.i].idx, subj.idx + len(subj.text)
        j = bisect.bisect_left(self.ref_pos, first)
        while j < len(self.referents) and self.referents[j].pos < last:
            r = self.referents[j]
            j += 1
            if r.entity is not None and r.subject and self._fits(r, gender, labels, plural, named):
                return r
        return None

    def _utterance_meant(self, pron: Token, said: tuple[int, int] | None) -> Resolution | None:
        """The maker of the words a neuter pronoun ("it") stands for: a speaker named by what they
        said or wrote in its sentence or the one before (`Mr Cole's statement said: "..." It added`,
        `utterance_before`), else the last main-clause subject there when that is something
        written whose maker it names itself ("The memo was written by Tom Reid ... "...," it
        reads"; "A letter from Ann Cole arrived. It said"); None when the words are not what "it"
        means or their maker is unknown."""
        r = self.utterance_before(pron)
        if r is not None:
            return self.referent_resolution(r, "pronoun")
        t = self._main_subject_before(pron)
        if t is None or not names_utterance(t):
            return None  # the nearest main subject is something else: `antecedent` decides
        res = named_maker(self, t, said)
        return replace(res, attribution="pronoun") if res is not None else None

    def _main_subject_before(self, pron: Token) -> Token | None:
        """The last subject of a main clause, outside quotations, before the pronoun in its
        sentence or the one before."""
        sent = self.sent_of[pron.i]
        for i in range(pron.i - 1, -1, -1):
            if self.sent_of[i] < sent - 1:
                return None
            t = self.doc[i]
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and not self.quoted(t.idx):
                return t
        return None

    def _another_of_them(self, pron: Token) -> Resolution:
        """`"...," one fan wrote. Another wrote: "..."`: one more of the kind the speaker just before
        was, when the writer left that speaker unnamed ("the fan"); after a named speaker, no one."""
        r = self._speaker_back(pron)
        if r is None or not r.name or r.plural:  # (`name`: only an unnamed speaker has one)
            return Resolution(None, None, "pronoun")
        return Resolution(None, r.name, "pronoun", "unnamed")

    def referents_back(self, tok: Token, sentences: int = 1) -> Iterator[Referent]:
        """The referents before the token in its sentence and the `sentences` before, nearest first."""
        sent = self.sent_of[tok.i]
        j = bisect.bisect_left(self.ref_pos, tok.idx) - 1
        while j >= 0 and self.referents[j].sent >= sent - sentences:
            yield self.referents[j]
            j -= 1

    def utterance_before(self, pron: Token) -> Referent | None:
        """The speaker named by an utterance ("the report", "Mr Cole's statement") in the pronoun's
        sentence or the one before, with no one else's subject between them: what "it" is."""
        between: list[Referent] = []
        for r in self.referents_back(pron):
            if self.quoted(r.pos):
                continue
            if r.speaker:
                return r if r.utterance and all(b.sent == r.sent for b in between) else None
            between.append(r)
        return None

    def _speakers_together_before(self, pron: Token) -> Referent | None:
        """The last speaker before a plural pronoun, in its sentence or the one before, when that
        speaker is people (or bodies) who said something together."""
        r = self._speaker_back(pron)
        return r if r is not None and r.together is not None else None

    def _speaker_back(self, pron: Token) -> Referent | None:
        """The last speaker (outside quotations) in the pronoun's sentence or the one before."""
        return next((r for r in self.referents_back(pron) if r.speaker and not self.quoted(r.pos)), None)

    def relative(self, head: Token, said: tuple[int, int] | None) -> Resolution:
        """A relative pronoun: the noun the clause hangs on ("McConnell, now the leader, who said"); for
        "who" hung on a thing or on quoted words, the name or person right before it (`labelled a
        "misjudgement" by the Conservatives who said`), and a person's name right before "who" over
        a thing or body the parse hung the clause on ("refused awards, including Ann Cole who said")."""
        noun = self.relative_noun(head)
        ent = self.profiles.entity_at(noun.idx, noun.idx + len(noun.text), prefer=noun.idx)
        lo = self.doc[noun.left_edge.i]
        if ent is not None and not (ent.label in GROUP_LABELS and _one_member(self.text[lo.idx:noun.idx + len(noun.text)], noun)):
            return named(ent, "pronoun")
        if says_nothing(head):
            return Resolution(None, None, "pronoun")  # "a close tie with the chart show, which suggests ...": no one
        hi = self.doc[described_phrase_end(noun, lambda t: self.quoted(t.idx))]  # ("one Democrat familiar with the talks, who")
        return replace(describe(self, lo.idx, hi.idx + len(hi.text), noun, said), attribution="pronoun")

    def relative_noun(self, head: Token) -> Token:
        """The noun a relative pronoun's clause hangs on (see `relative`)."""
        noun = head.head.head
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head
        prev = self.doc[head.i - 1] if head.i > 0 else None
        if head.lower_ == "who":
            noun = _person_a_phrase_hangs_on(noun)
        if head.lower_ == "who" and prev is not None and not self.quoted(prev.idx):
            if self.quoted(noun.idx) or not personlike(noun):
                if prev.ent_type_ in ("PERSON", "ORG", "NORP") or personlike(prev):
                    noun = prev
            elif prev.ent_type_ == "PERSON" and noun.ent_type_ != "PERSON" and noun.lower_ not in speaker_words().person_nouns:
                noun = prev  # "refused awards, including actor Ann Cole who said": the name right before "who"
        return noun

    def antecedent(self, pron: Token, gender: str | None, labels: set[str], plural: bool,
                   said: tuple[int, int] | None, subjects_only: bool = False) -> Referent | None:
        """Most prominent compatible referent before the pronoun: the nearest earlier sentence
        holding a subject or speaker of the right kind wins; within it a speaker, else an active
        verb's subject, else the first such referent. The pronoun's own sentence's subject comes
        first when the pronoun is in an embedded clause or after a quotation that subject
        introduces (`Sen. Cole scolded him: "...," she said`). Names elsewhere in the pronoun's
        own sentence (prepositional phrases, objects) are passed over; a plain earlier mention (not
        a name that only modifies a noun: "the Nigerian jungle") is the fallback (not for
        `subjects_only`, within EPITHET_WINDOW sentences)."""
        sent = self.sent_of[pron.i]
        named = self.named_in_quote(said) | self._spoken_to(pron)
        owner = self._relative_clause_owner(pron)
        if owner is not None and self._fits(owner, gender, labels, plural, named):
            return owner  # "Ann Cole, who won me over when she called him "...": the one the clause is about
        window = EPITHET_WINDOW if subjects_only else SENTENCE_WINDOW  # (for a description, sentences as told: `_told_between`)
        # a pronoun in an embedded clause ("Ban condemned what he called ...") refers to the
        # subject of its own sentence first; a main-clause one looks at earlier sentences
        embedded = pron.head.dep_ != "ROOT" and pron.head.head.i != pron.head.i
        same = fallback = best = None
        best_key = None
        j = bisect.bisect_left(self.ref_pos, pron.idx) - 1
        while j >= 0:
            r = self.referents[j]
            j -= 1
            if (self._told_between(r.sent, sent, window) if subjects_only else sent - r.sent) > window:
                break  # (a description: sentences wholly inside a quotation keep its speaker in focus; a pronoun counts all)
            if self.quoted(r.pos) or not self._fits(r, gender, labels, plural, named):
                continue
            if r.sent == sent:
                if r.subject:
                    if embedded or self._quote_between(r.pos, pron):
                        same = r  # ends on the first subject of the sentence
                    elif fallback is None:
                        fallback = r
                continue
            if fallback is None and not r.modifier:
                fallback = r
            if not r.subject:
                continue
            # nearest earlier sentence; a known matching gender beats an unknown one; then a name answering
            # back after "but" ("X said ..., but Y rejected his comments"), then speakers, then
            # one who did something over one something was done to ("Mutu was sacked ... a move Wenger
            # has backed. But he said"), then the first
            known = r.gender or (self.gender_of(r.entity) if r.entity is not None else None)
            key = ((sent - r.sent) + (0 if (known or not gender) else 0.5), not r.answers, not r.speaker, r.passive, r.pos)
            if best_key is None or key < best_key:
                best, best_key = r, key
            if (sent - r.sent) > best_key[0] + 1:
                break
        if same is not None:
            return same
        return best if best is not None or subjects_only else fallback

    def _told_between(self, first: int, last: int, limit: int) -> int:
        """How many of the sentences numbered first..last-1 are not wholly inside a quotation (the
        distance the writer tells: `"...," Ann Cole said. "..." "..." The judge then said`: the
        quotation's sentences go on with Ann Cole), counted up to limit + 1."""
        told = 0
        for k in range(first, last):
            told += not self._quoted_only(k)
            if told > limit:
                break
        return told

    def _quoted_only(self, k: int) -> bool:
        """Every word of sentence number k (`sent_of`) lies inside a quotation (worked out once)."""
        got = self._quoted_only_sent.get(k)
        if got is None:
            lo, hi = bisect.bisect_left(self.sent_of, k), bisect.bisect_left(self.sent_of, k + 1)
            words = [t for t in self.doc[lo:hi] if not (t.is_punct or t.is_space)]
            got = self._quoted_only_sent[k] = bool(words) and all(self.quoted(t.idx) for t in words)
        return got

    def _relative_clause_owner(self, pron: Token) -> Referent | None:
        """The person a "who" clause holding the pronoun hangs on (`relative_noun`: "... student
        Ann Cole, who won me over when she called him ..."): the one the pronoun means first, unless
        the clause names another person before the pronoun ("Ann Cole, who met Tom Reid when he
        ..."); else None."""
        for a in pron.ancestors:
            if a.dep_ != "relcl":
                continue
            who = next((c for c in a.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)
            if who is None:
                return None
            noun = self.relative_noun(who)
            ent = self.profiles.entity_at(noun.idx, noun.idx + len(noun.text), prefer=noun.idx)
            if ent is None or ent.label != "PERSON" or self.quoted(noun.idx):
                return None
            owner = self.profiles.canon(ent).entity_id
            if any(e.label == "PERSON" and self.profiles.canon(e).entity_id != owner and not self.quoted(ms)
                   for ms, _, e in self.profiles.mentions_in(who.idx, pron.idx)):
                return None
            return Referent(pos=noun.idx, sent=self.sent_of[noun.i], entity=ent, subject=True)
        return None

    def _quote_between(self, pos: int, pron: Token) -> bool:
        """A quotation lies between character `pos` and the pronoun, in the pronoun's sentence
        (`Sen. Cole scolded him: "...," she said`: the sentence's subject frames the quote)."""
        return any(t.idx > pos and self.quoted(t.idx) for t in pron.sent if t.i < pron.i)

    def topic_person(self, before: int, gender: str | None, exclude: set[str] = frozenset()) -> Entity | None:
        """The person the article is about so far: the most mentioned before `before` (under its
        fullest name; the first mentioned on a tie), of the right gender, not one of `exclude`."""
        fit = [p for k, p in self.people_counted(before).items()
               if k not in exclude and not (gender and self.gender_of(p.entity) not in (None, gender))]
        if not fit:
            return None
        best = max(fit, key=lambda p: (p.count, -p.first))
        return best.entity if best.count >= 2 else None

    def people_counted(self, before: int) -> dict[str, PersonCount]:
        """The people the writer names (outside quotations) before character `before`, under their
        fullest names, by entity id: how often, where first, and whether with an honorific."""
        out: dict[str, PersonCount] = {}
        for s, _, e in self.profiles.mentions:
            if s >= before:
                break
            if e.label != "PERSON" or self.quoted(s):
                continue
            c = self.profiles.canon(e)
            p = out.get(c.entity_id)
            titled = e.entity_id in self.profiles.titled
            out[c.entity_id] = PersonCount(c, 1, s, titled) if p is None else \
                PersonCount(c, p.count + 1, p.first, p.titled or titled)
        return out

    def _fits(self, r: Referent, gender: str | None, labels: set[str], plural: bool, named: set[str]) -> bool:
        """Referent r can be what a pronoun of this gender, kind and number refers to."""
        if r.entity is None:  # an unnamed speaker: a person, or a group
            if "PERSON" not in labels or (r.plural and not plural) or r.utterance:
                return False  # (what an unnamed maker wrote is what "it" means: `utterance_before`)
            return not (gender and r.gender and r.gender != gender)
        e = r.entity
        g = self.gender_of(e)
        if e.label not in labels or (gender and g and g != gender) or (gender and e.label != "PERSON"):
            return False
        if e.label == "NORP" and not plural and self._plural_at(r.pos):
            return False  # "Two Americans were killed ... it reads": a people in the plural is no "it"
        ws = words_of(e.name)
        return not named or not ({e.entity_id, self.profiles.canon(e).entity_id, *ws[-1:], *ws[:1]} & named)

    def _plural_at(self, pos: int) -> bool:
        """The word at character `pos` is a plural noun ("Americans", "Democrats")."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].tag_ in ("NNS", "NNPS")

    def _spoken_to(self, pron: Token) -> set[str]:
        """The people the pronoun's own verb takes as its object, or after "to" or "with" ("he told
        Hannity", "she said to Ann Cole", "he asked Tom Reid", "he argued with Ann Cole"): not who
        the pronoun means (that would be "himself")."""
        verb = pron.head
        if pron.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return set()
        out: set[str] = set()
        for c in verb.children:
            objs = [c] if c.dep_ in ("dobj", "dative", "iobj") else \
                [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("to", "with") else []
            for t in objs:
                ent = self.profiles.entity_at(t.idx, t.idx + len(t.text), prefer=t.idx)
                if ent is not None and ent.label == "PERSON" and not self.quoted(t.idx):
                    out |= {ent.entity_id, self.profiles.canon(ent).entity_id}
        return out

    def named_in_quote(self, said: tuple[int, int] | None) -> set[str]:
        """Who the quoted words name (entity ids, surnames, first names of one person only):
        they are not who says them ("Ruud is the best striker in Europe," he said: not Ruud)."""
        if said is None:
            return set()
        out: set[str] = set()
        full = [ws for _, ws in self.person_words if len(ws) > 1]
        lasts, firsts = {ws[-1] for ws in full}, [ws[0] for ws in full]
        for ms, me, e in self.profiles.mentions_in(*said):
            if e.label != "PERSON":
                continue
            out |= {e.entity_id, self.profiles.canon(e).entity_id}
            ws = words_of(self.text[ms:me])
            if len(ws) > 1 or (ws and ws[0] in lasts):
                out.add(ws[-1])
            elif ws and firsts.count(ws[0]) == 1:
                out.add(ws[0])
        return out

    def gender_of(self, e: Entity) -> str | None:
        """The person's gender as the article shows it (its name and honorifics, its pronouns, a "he"
        or "she" that spoke as them), under its fullest name too."""
        own = self.profiles.gender.get(e.entity_id)
        if own is not None:
            return own  # (most calls: no fullest name to look up)
        canon = self.profiles.canon(e).entity_id
        return self.profiles.gender.get(canon) or self.pronoun_gender.get(canon)
