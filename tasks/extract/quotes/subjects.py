"""The words that name a speaker, read off the parse: the subject of a reporting verb, a noun
phrase when the parse is no help, and the character span of the naming words. Who those words
refer to is decided in `speaker.py`; these functions only find them.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Doc, Token

from tasks.common.datafiles import DataFiles
from tasks.extract.quotes.context import MAX_REGION_TOKENS, QuoteContext
from tasks.extract.quotes.lexicon import cue_words, is_cue, is_utterance, speaker_words
from tasks.extract.quotes.profiles import FINITE, name_hung_on_of, verb_of_misread_subject
from tasks.nlp.tokens import in_word_hyphen, plural_possessive

MAX_CLIMB = 12  # how far up the parse a climb from a word goes
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj", "dep", "parataxis", "acomp", "attr", "oprd", "npadvmod", "advmod"}
NOT_SPEAKER_ENTS = ("DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL")
SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")
AFFILIATION = ("of", "from", "at")  # "said Junya Tanase of JPMorgan": the words after an inverted speaker's name


def cannot_speak(tok: Token) -> bool:
    """Subjects that are surely not a source: dates, times, amounts ("63 percent said" of a
    poll's respondents is a source); not an age standing for a person ("the 22-year-old said",
    which the model tags as a date)."""
    return tok.ent_type_ in NOT_SPEAKER_ENTS and not age_for_a_person(tok)


def age_for_a_person(tok: Token) -> bool:
    """"the 22-year-old", "Smith's 30-year-old": an age with its determiner and no noun after it."""
    kids = list(tok.children)
    return tok.lower_ == "old" and any(c.lemma_.lower() == "year" for c in kids) and any(c.dep_ in ("det", "poss") for c in kids)


def personlike(t: Token) -> bool:
    """A name, or a noun for a person ("officials", "the spokesman")."""
    low = t.lower_
    nouns = speaker_words().person_nouns
    return t.ent_type_ in SPEAKER_ENTS or t.pos_ == "PROPN" or low in nouns \
        or (low.endswith("s") and low[:-1] in nouns) or t.lemma_.lower() in nouns


def names_a_person(t: Token) -> bool:
    """A person's name the model tagged, a noun for a person, or he/she/they (not a capitalised
    thing: "Convention should be ...")."""
    return t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "they") or (t.pos_ != "PROPN" and not t.ent_type_ and personlike(t))


def says_nothing(which: Token) -> bool:
    """A relative "which" whose verb may infer (tagged `inference`: "suggests", "indicates") and whose noun is no name, no
    person, no body and nothing said or written: "a tie with the chart show, which suggests ..."
    is the writer's inference, no one's words ("the council, which said ..." is the council's)."""
    if which.lower_ != "which" or which.head.dep_ != "relcl" or which.head.lemma_.lower() not in cue_words().inference:
        return False
    noun = which.head.head
    lex = speaker_words()
    return noun.pos_ == "NOUN" and not noun.ent_type_ and not personlike(noun) and noun.tag_ not in ("NNS", "NNPS") \
        and not any(w in lex.groups or w in lex.org_nouns or w in lex.utterances for w in (noun.lower_, noun.lemma_.lower()))


def speakerlike(t: Token) -> bool:
    """A name, a subject pronoun or a noun for a person."""
    lex = speaker_words()
    return t.ent_type_ in SPEAKER_ENTS or t.lower_ in lex.pronouns or t.pos_ == "PROPN" or t.lower_ in lex.person_nouns


def known_person(ctx: QuoteContext, t: Token) -> bool:
    """A name the tagger mislabelled here but the article's entities know as a person."""
    if t.pos_ != "PROPN":
        return False
    e = ctx.profiles.entity_at(t.idx, t.idx + len(t.text), prefer=t.idx)
    return e is not None and e.label == "PERSON"


def according_to_prep(t: Token) -> Token | None:
    """The "to" of "according to" when `t` is its "according"."""
    doc = t.doc
    return doc[t.i + 1] if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" else None


def own_subject(ctx: QuoteContext, cur: Token, agent: bool = True) -> Token | None:
    """The subject of `cur` outside quotes (the agent of a passive first, unless `agent` is
    False: the subject a verb joined to it by "and" shares, "Cole was joined by Ward and joked")."""
    subj = None
    for ch in cur.children:
        if ch.dep_ in ("nsubj", "nsubjpass") and not ctx.quoted(ch.i):
            objects = [p for p in ch.children if p.dep_ == "pobj"] if ch.pos_ == "ADP" else []
            if objects:  # "Of the governor, Reid, ..., said": the parse made the "of" the subject (not a name "From")
                ch = next((a for p in objects for a in p.children if a.dep_ == "appos"), None)
                if ch is None:
                    continue
            subj = _person_before_body(ctx, subj, ch) if subj is not None else ch
    for ag in cur.children if agent else ():
        if ag.dep_ == "agent":  # passive: "was written by Springsteen"
            for pobj in ag.children:
                if pobj.dep_ == "pobj" and not ctx.quoted(pobj.i):
                    return pobj
    if subj is not None and in_word_hyphen(subj):
        return ctx.doc[subj.i + 1]  # "its co-chairman has said" parsed with the hyphen as the subject: the word's head
    if subj is not None:
        subj = _person_after_its_body(ctx, subj) or _person_of_the_body(ctx, subj) or _possessed_person_last(ctx, subj) \
            or _person_closing(subj) or _person_of_two_titles(subj) or subj
    # a relative pronoun ("who said") is resolved through the noun its clause hangs on
    return subj


def _person_before_body(ctx: QuoteContext, first: Token, then: Token) -> Token:
    """Of two subjects the parse gave one verb, the later, unless the first is a person's name
    and the later a body's name or a title (no "a", "the" or "his") right after it and a comma:
    "Ann Cole, Hove Hotels Association said" is Ann Cole, speaking for the association; "Ann Cole,
    Green Party health spokeswoman said" and "Ann Cole, Acme's chief executive said" (the closing
    comma left out) are Ann Cole; "Ann Cole, a close friend said" is the friend."""
    doc = ctx.doc
    comma = then.left_edge.i - 1
    bare_title = not then.ent_type_ and personlike(then) \
        and not any(c.dep_ == "det" or (c.dep_ == "poss" and c.pos_ == "PRON") for c in then.children)
    if first.ent_type_ == "PERSON" and (then.ent_type_ == "ORG" or bare_title) and comma == first.i + 1 and doc[comma].text == ",":
        return first
    return then


def _person_after_its_body(ctx: QuoteContext, subj: Token) -> Token | None:
    """"A Department for Constitutional Affairs spokeswoman said": the parse makes the body's first
    word the subject and the spokeswoman the object of the name's "for"; the noun for a person right
    after the body's name is who speaks."""
    doc = ctx.doc
    if not subj.text[:1].isupper():
        return None
    last = doc[subj.right_edge.i]
    if last.i <= subj.i + 1 or last.pos_ != "NOUN" or last.dep_ != "pobj" or last.lower_ not in speaker_words().person_nouns:
        return None
    name = doc[subj.i + 1:last.i]
    if all(t.text[:1].isupper() or t.lower_ in NAME_LINKS for t in name) and any(t.lower_ in NAME_LINKS for t in name):
        return last
    return None


def _possessed_person_last(ctx: QuoteContext, subj: Token) -> Token | None:
    """"War on Want's John Hilary said": the parse made the body's first word the subject and hung
    the person, possessed by the body, on its "on"; a person's name closing the subject phrase,
    right before its verb, with a possessive of its own, is who speaks."""
    last = ctx.doc[subj.right_edge.i]
    if last.i == subj.i or last.ent_type_ != "PERSON" or not any(c.dep_ == "poss" for c in last.children) \
            or not subj.text[:1].isupper() or last.dep_ != "pobj" or last.head.head.i != subj.i:
        return None  # hung on the subject's own preposition, not on a clause ("The man who shot Acme's Jo Lee said")
    return last if last.i + 1 < len(ctx.doc) and ctx.doc[last.i + 1].i == subj.head.i else None


def _person_closing(subj: Token) -> Token | None:
    """The person's name closing the subject phrase, when `name_hung_on_of` finds it and the subject
    is no person's noun (so a proper noun: "Guild of Pilots president Ann Cole" is Ann Cole); a
    person's noun ("Director of rugby Ann Cole", "the manager of striker Ann Cole") is left to
    `describe`, which tells the two apart."""
    if subj.lemma_.lower() in speaker_words().person_nouns:
        return None
    last = subj.doc[subj.right_edge.i]
    return last if name_hung_on_of(last) is not None else None


def _person_of_two_titles(subj: Token) -> Token | None:
    """"said Acme president and chief executive Ann Cole": the parse joined the first title to the
    name by "and"; a person's noun with no determiner (a title, not "the president and Ann Cole")
    in the singular whose one conjunct is a person's name closing the subject phrase is that
    person, holding both titles."""
    if subj.lemma_.lower() not in speaker_words().person_nouns or subj.tag_ not in ("NN", "NNP") \
            or any(c.dep_ in ("det", "poss") for c in subj.children):
        return None  # (not "Commentators and Acme itself claim")
    conjs = [c for c in subj.children if c.dep_ == "conj"]
    if len(conjs) != 1 or conjs[0].ent_type_ != "PERSON" or conjs[0].i != subj.right_edge.i:
        return None  # the name closes the subject ("Minister for Children, Young People and Families Ann Cole" is no "Young People")
    return conjs[0]


def _person_of_the_body(ctx: QuoteContext, subj: Token) -> Token | None:
    """"Ann Brill of campaign group FairPlay! said": the parse made the body the subject, with the
    person before it as a modifier; the person followed by "of", "from" or "at" is who speaks."""
    if subj.ent_type_ != "ORG":
        return None
    for t in subj.subtree:
        if t.i >= subj.i - 1:
            break
        nxt = ctx.doc[t.i + 1]
        if t.ent_type_ == "PERSON" and nxt.ent_type_ != "PERSON" and nxt.lower_ in AFFILIATION and not ctx.quoted(t.i):
            return t
    return None


NAME_LINKS = ("for", "of", "and", "&")  # lower-case words inside a body's name ("Department for Education and Skills")


def subject_of(ctx: QuoteContext, v: Token) -> Token | None:
    """The token naming who speaks for cue verb v: its subject (the agent of a passive);
    for a participle or an infinitive ("..., noting that", "..., adding") the subject of
    the reporting clause above it, else of the sentence's main verb, else of the nearest
    reporting verb before it in the sentence ("Sanders said, going on to say that")."""
    doc = ctx.doc
    relayed = relayed_speaker(ctx, v)
    if relayed is not None:
        return relayed
    inverted = _inverted_subject(ctx, v)
    if inverted is not None:
        return inverted
    witnessed = _witnessed_speaker(ctx, v)
    if witnessed is not None:
        return witnessed
    if v.tag_ == "VBG" and v.i > 0:
        prev = doc[v.i - 1]
        if not ctx.quoted(prev.i) and (prev.ent_type_ in ("PERSON", "ORG") or prev.pos_ == "PROPN") and prev.dep_ not in ("compound",) \
                and not cannot_speak(prev) and not _place_of_posting(prev) and not _addressee(prev):
            return prev  # "footage of Hillary Clinton asking, ..."
    subj = _subject_read_as_conjunct(ctx, v) or _climb_to_subject(ctx, v)
    aside = _name_before_aside(ctx, v, subj)
    if aside is None and v.dep_ == "conj" and v.head.i < v.i and not own_subject(ctx, v):
        aside = _name_before_aside(ctx, v.head, subj)  # "..., admitted "X" but insisted "Y"": the first verb's
    if aside is not None:
        return aside
    if subj is not None:
        return subj
    if v.i > 0 and _surname_read_as_a_modal(ctx, doc[v.i - 1], v):
        return doc[v.i - 1]
    if v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP"):
        return _writer_subject_before(ctx, v)  # "Wilson tried to resurrect Factory - which lasted ... - but conceded"
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        return _name_right_before(ctx, v)
    if v.tag_ == "VBN":
        return _noun_a_participle_hangs_on(ctx, v)
    if v.tag_ in ("VBG", "VB"):
        subj = _subject_of_cue_before(ctx, v)
        if subj is not None:
            return subj
        if v.tag_ == "VBG":
            return _writer_subject_before(ctx, v)
    return None


def _subject_read_as_conjunct(ctx: QuoteContext, v: Token) -> Token | None:
    """"Acme claimed he was one of the leaders but his lawyer, Ann Cole, told the BBC ...": a
    finite verb whose subject the parse joined to an earlier noun (`profiles.verb_of_misread_subject`)
    has that phrase for its subject, when it names a person, not the first clause's subject; so
    has a verb joined to that one ("... told the BBC it was absurd and added: ...")."""
    while v.dep_ == "conj" and v.tag_ in FINITE and own_subject(ctx, v) is None \
            and v.head.dep_ == "conj" and v.head.tag_ in FINITE and v.head.i < v.i:
        v = v.head
    if v.dep_ not in ("conj", "advcl") or v.tag_ not in FINITE or v.i == 0:
        return None  # (the rest is `verb_of_misread_subject`'s to check)
    j = v.i - 1
    while j > 0 and ctx.doc[j].text == ",":
        j -= 1
    n = ctx.doc[j]
    while n.dep_ == "appos" and n.head.i < n.i:
        n = n.head  # "his lawyer, Ann Cole,": the phrase the name stands beside
    misread = verb_of_misread_subject(n)
    if ctx.quoted(n.i) or not (personlike(n) or speakerlike(n)) or misread is None or misread.i != v.i:
        return None
    return n


DASHES = ("-", "–", "—")
MAX_ASIDE_TOKENS = 25  # the longest dash aside looked through


def _name_before_aside(ctx: QuoteContext, v: Token, subj: Token | None) -> Token | None:
    """`Mr Brandt - eager to calm the markets - had said ...`: a cue right after a dash aside (its
    auxiliaries between) whose parse found no subject, or one inside the aside, is said by the
    person named right before the opening dash; after an aside between commas (`Dr Gibb, on his
    first day after Jane Holt was sacked, admitted ...`), when the parse found the subject inside it."""
    doc = ctx.doc
    sent = ctx.sent_of[v.i]
    close = v.i - 1
    while close >= 0 and doc[close].pos_ in ("AUX", "PART") and doc[close].dep_ in ("aux", "neg"):
        close -= 1
    if close <= 0 or doc[close].text not in DASHES + (",",):
        return None
    marks = DASHES if doc[close].text in DASHES else (",",)
    opening = close - 1
    while opening >= 0 and close - opening <= MAX_ASIDE_TOKENS and ctx.sent_of[opening] == sent and doc[opening].text not in marks:
        opening -= 1
    if opening <= 0 or doc[opening].text not in marks or ctx.sent_of[opening] != sent:
        return None
    inside = subj is not None and opening < subj.i < close
    if not inside and (subj is not None or marks == (",",)):
        return None  # (between commas only a subject the parse found inside the aside is put right)
    name = doc[opening - 1]
    if ctx.quoted(name.i) or not (name.ent_type_ == "PERSON" or known_person(ctx, name)):
        return None
    return name


def _name_right_before(ctx: QuoteContext, v: Token) -> Token | None:
    """`At the party's convention Sen. Ann Cole (D-Ohio) said ...`: a finite cue the parse left
    without a subject (it hung the name on the phrase before it) right after a person's name,
    after a bracket following one, or after the name's apposition between commas: that name."""
    doc = ctx.doc
    k = v.i - 1
    if k >= 0 and doc[k].text == ",":
        return _name_before_its_apposition(ctx, v)
    if k >= 0 and doc[k].text == ")":
        while k >= 0 and v.i - k <= 8 and doc[k].text != "(":
            k -= 1
        k -= 1
    if k < 0 or ctx.quoted(k) or doc[k].ent_type_ != "PERSON" or ctx.sent_of[k] != ctx.sent_of[v.i]:
        return None
    return doc[k]


def _surname_read_as_a_modal(ctx: QuoteContext, t: Token, v: Token) -> bool:
    """`Will wrote`, `May added`: the tagger read the surname as a modal and the parse hung it on the
    verb as an auxiliary; the entity stage knows it for a person
    (`tasks.nlp.entity_cleaning.surnames_read_as_modals`), so it is the verb's subject."""
    return t.dep_ == "aux" and t.head.i == v.i and t.ent_type_ == "PERSON" and not ctx.quoted(t.i)


def _noun_a_participle_hangs_on(ctx: QuoteContext, v: Token) -> Token | None:
    """`"...?" the 43-year-old asked`: right after a quotation the parse read the cue as a
    participle modifying the person before it (no auxiliary: not "the man asked to leave was"):
    that person."""
    noun = v.head
    if v.dep_ != "acl" or noun.i != v.i - 1 or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return None
    if not (age_for_a_person(noun) or noun.lower_ in speaker_words().person_nouns):
        return None
    k = noun.left_edge.i - 1
    while k >= 0 and ctx.doc[k].is_punct and not ctx.quoted(k):
        k -= 1
    return noun if k >= 0 and ctx.quoted(k) else None


def _name_before_its_apposition(ctx: QuoteContext, v: Token) -> Token | None:
    """`In response to Dr Gibb's comments, Ewan Rees, leader of the group, said: "..."`: a finite
    cue the parse left without a subject right after a name (a person's or a body's, its last
    word) set off by commas with its apposition (no verb inside it): that name; also a person's
    name with a stray comma right before the cue ("stall holder Ana Fero, told")."""
    doc = ctx.doc
    sent = ctx.sent_of[v.i]
    k = v.i - 2
    while k > 0 and v.i - k <= MAX_ASIDE_TOKENS and ctx.sent_of[k] == sent and not _name_before_comma(doc[k]):
        if doc[k].pos_ in ("VERB", "AUX") or ctx.quoted(k):
            return None
        k -= 1
    if k <= 0 or not _name_before_comma(doc[k]) or ctx.quoted(k):
        return None
    if k + 1 == v.i - 1:  # `shop owner Ann Cole, told AP`: a stray comma between a person and the cue
        return doc[k] if doc[k].ent_type_ == "PERSON" else None
    start = k
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[k] if start == 0 or doc[start - 1].text == "," or doc[start].is_sent_start else None


def _name_before_comma(t: Token) -> bool:
    """`t` is the last word of a person's or a body's name, and a comma follows it."""
    return t.ent_type_ in ("PERSON", "ORG") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ","


def relayed_speaker(ctx: QuoteContext, v: Token) -> Token | None:
    """`the agency quoted Mr Tan as saying`, `Mr Tan was quoted by the agency as saying`: a cue
    after "as" on a relaying verb (data/quote_relay_verbs.txt) is said by the one quoted, the
    verb's object or the subject of its passive, not by its subject or its "by" agent."""
    if v.dep_ not in ("pcomp", "pobj") or v.head.lower_ != "as" or ctx.quoted(v.head.i):
        return None
    relay = cue_words().relay
    h = v.head.head
    if h.dep_ == "dobj" and h.head.lemma_.lower() in relay:
        return h if speakerlike(h) or personlike(h) else None  # "as" hung on the object
    if h.pos_ != "VERB" or h.lemma_.lower() not in relay:
        return None
    for dep in ("dobj", "nsubjpass"):
        who = next((c for c in h.children if c.dep_ == dep and not ctx.quoted(c.i)), None)
        if who is not None:  # not a document quoted ("the minister quoted the plan as saying"): its quoter speaks
            return who if speakerlike(who) or personlike(who) else None
    return None


def _witnessed_speaker(ctx: QuoteContext, v: Token) -> Token | None:
    """"The film showed Ann Cole, smiling, telling the meeting: ...": a participle cue with no
    subject of its own that hangs (through other participles) on a verb of showing, seeing or
    hearing (data/quote_witness_verbs.txt) whose subject is no person (a film, footage, cameras)
    is said by that verb's object, before it ("Ann Cole saw Tom Reid, telling police: ..." is
    Ann Cole's)."""
    if v.tag_ != "VBG" or own_subject(ctx, v) is not None:
        return None
    witness = cue_words().witness
    cur = v
    for _ in range(3):
        if cur.dep_ not in ("advcl", "xcomp", "ccomp", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in witness:
            subj = own_subject(ctx, cur)
            if subj is not None and (personlike(subj) or speakerlike(subj)):
                return None
            obj = next((c for c in cur.children if c.dep_ == "dobj" and c.i < v.i and not ctx.quoted(c.i)), None)
            return obj if obj is not None and (personlike(obj) or speakerlike(obj)) else None
        if cur.tag_ != "VBG":
            return None
    return None


def _inverted_subject(ctx: QuoteContext, v: Token) -> Token | None:
    """`The problem, said Shailendra Jain, head of ..., is ...`: a finite cue after a comma
    directly followed by a person's name names its speaker, however the parse hung the name."""
    doc = ctx.doc
    if v.tag_ not in ("VBD", "VBZ") or v.i == 0 or doc[v.i - 1].text != "," or v.i + 1 >= len(doc):
        return None
    nxt = doc[v.i + 1]
    if ctx.quoted(nxt.i) or nxt.ent_type_ != "PERSON":
        return None
    end = nxt.i
    while end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON" and doc[end + 1].ent_iob_ == "I":
        end += 1
    if end + 1 < len(doc) and doc[end + 1].text not in (",", ".", ";", "—", "–") and doc[end + 1].lower_ not in AFFILIATION:
        return None  # "..., says Cruz will ...": the name opens the reported clause ("said Junya Tanase of JPMorgan" does not)
    return np_head(nxt)


def _place_of_posting(t: Token) -> bool:
    """A name after "on", "in" or "at" ("a message on Twitter reading ...", "an interview in
    Vogue saying"): where the words appeared, not who said them."""
    return t.dep_ == "pobj" and t.head.lower_ in ("on", "in", "at")


def _climb_to_subject(ctx: QuoteContext, v: Token) -> Token | None:
    """Up the parse from v through clause links: the first subject of v, of a reporting verb
    above it or of the root; for a participle hanging on a person ("footage of Trump saying,
    ..."), that person."""
    cur = v
    joined = False  # reached through "and": the subject is shared, the passive's agent is not
    participle = False  # from "after/before/while ...ing": its subject is the clause's, never the agent
    anyone = False  # passed a generic "you": only a reporting verb above names who says it
    for step in range(MAX_CLIMB):
        cue = not ctx.quoted(cur.i) and is_cue(cur)
        if step == 0 or cue or (not anyone and (cur.dep_ == "ROOT" or cur.head.i == cur.i)):
            subj = own_subject(ctx, cur, agent=not (joined or participle))
            if subj is not None and _addressee_before_participle(cur, subj):
                subj = own_subject(ctx, cur.head)
            if subj is not None and _generic_you(subj, cur):
                anyone, subj = True, None
            if subj is not None:
                return subj
        joined = cur.dep_ == "conj"
        # "Cole was booed by fans after telling them ...": who told them is Cole
        participle = participle or (cur.dep_ == "pcomp" and cur.tag_ == "VBG")  # not ", calling it ...", often the agent's
        controller = _object_controlling(ctx, cur)
        if controller is not None:
            return controller
        if cur.dep_ in CLIMB_DEPS and cur.head.i != cur.i:
            if cur.dep_ in ("relcl", "acl") and step == 0 and not ctx.quoted(cur.head.i) and (personlike(cur.head) or is_utterance(cur.head)) \
                    and not _addressee(cur.head):
                return cur.head  # "footage of Trump saying", "a BBC story claiming" (whose maker speaker.py finds)
            cur = cur.head
            continue
        break
    return None


def _object_controlling(ctx: QuoteContext, cur: Token) -> Token | None:
    """"The pressure prompted the prime minister to say ...", "The row forced Ann Cole to admit
    ...": a to-infinitive under a verb of making someone do something (`quote_causative_verbs.txt`)
    is done by that verb's object, a person or body, not by its subject. Only for what happened
    (past tense, or a bare participle: "leading Acme to warn"): a rule that "compels members to
    declare", a plan that "would force them to admit", a row that "is forcing" or "never led" them
    to has made no one say anything."""
    if cur.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
        return None
    verb = cur.head
    if verb.lemma_.lower() not in cue_words().causative or verb.tag_ not in ("VBD", "VBN", "VBG") \
            or any(c.tag_ == "MD" or c.dep_ == "neg" or (verb.tag_ == "VBG" and c.dep_ == "aux") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < cur.i and not ctx.quoted(c.i)), None)
    return obj if obj is not None and (personlike(obj) or speakerlike(obj)) else None


def _generic_you(subj: Token, verb: Token) -> bool:
    """"He notes that you can't yell "fire" in a theatre": "you" with a modal or a negation is
    anyone, not a speaker; who says so is the subject of a reporting verb above, if any ("Stone is
    young, but you couldn't argue that ..." is the writer's)."""
    return subj.lower_ == "you" and any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children)


def _addressee_before_participle(participle: Token, subj: Token) -> bool:
    """"Lee then e-mailed Mr Pike pointing out the mistake": the parse made the addressee, right
    after a verb of addressing, the subject of the participle that goes on; who wrote is the
    verb's subject."""
    verb = participle.head
    return participle.tag_ == "VBG" and participle.dep_ in ("xcomp", "advcl", "ccomp") and verb.i < subj.i < participle.i \
        and subj.head.i == participle.i and verb.lemma_.lower() in cue_words().address \
        and not any(ch.dep_ == "aux" for ch in participle.children)  # not "told MPs Lee was insisting ..."


def _addressee(noun: Token) -> bool:
    """The object of a verb of addressing ("emailed supporters saying: ..."): who heard the words."""
    return noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() in cue_words().address


def _subject_of_cue_before(ctx: QuoteContext, v: Token) -> Token | None:
    """The subject of the nearest reporting verb before v in its sentence."""
    sent = ctx.sent_of[v.i]
    i = v.i - 1
    while i >= 0 and ctx.sent_of[i] == sent:
        t = ctx.doc[i]
        if not ctx.quoted(i) and is_cue(t):
            subj = own_subject(ctx, t)
            if subj is not None:
                return subj
        i -= 1
    return None


def _writer_subject_before(ctx: QuoteContext, v: Token) -> Token | None:
    """The subject of the writer's clause a participle cue trails, when the parse hung the
    participle elsewhere (on the quoted words): `Flea shared the news, writing "..."`,
    `Weaver didn't seem impressed, telling reporters, "..."`. The nearest subject before
    the cue in its sentence, outside quotes and relative clauses, whose verb is the
    writer's (its head before the cue, outside quotes)."""
    sent = ctx.sent_of[v.i]
    i = v.i - 1
    n = 0
    while i >= 0 and ctx.sent_of[i] == sent and n < MAX_REGION_TOKENS:
        t = ctx.doc[i]
        n += 1
        i -= 1
        if ctx.quoted(t.i) or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        h = t.head
        if h.i >= v.i or ctx.quoted(h.i) or h.dep_ in ("relcl", "acl") or h.pos_ not in ("VERB", "AUX"):
            continue
        if h.dep_ == "ccomp" and not ctx.quoted(h.head.i) and h.head.i < h.i:
            continue  # an embedded clause: "Smith said Jones was wrong, adding ..."
        if t.lower_ in ("that", "which", "who", "it", "there") or cannot_speak(t):
            return None
        return t
    return None


def fronted_subject(ctx: QuoteContext, v: Token) -> tuple[int, int, Token] | None:
    """`Stuart Stevens, who served as ..., called ...` / `One attendee, who ..., said`: a
    finite cue right after a comma whose subject the parse lost in a long relative clause
    or apposition: the noun phrase opening the sentence, up to its first comma."""
    doc = ctx.doc
    if v.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or v.i == 0 or doc[v.i - 1].text != "," or ctx.quoted(v.i):
        return None
    sent = ctx.sent_of[v.i]
    i = v.i - 1
    while i - 1 >= 0 and ctx.sent_of[i - 1] == sent and v.i - i < 3 * MAX_REGION_TOKENS:
        i -= 1
    while i < v.i and (doc[i].is_space or doc[i].is_punct):
        i += 1
    toks = []
    for t in doc[i:v.i]:
        if t.text == "," or ctx.quoted(t.i):
            break
        toks.append(t)
    if not toks or toks[-1].i + 1 >= v.i - 1:
        return None  # no clause between the noun phrase and the cue
    return np_words(ctx, toks)


def sentence_subject(ctx: QuoteContext, i: int) -> Token | None:
    """The subject of the main clause of token i's sentence, when it names a person or an
    organisation (or is "he"/"she")."""
    root = ctx.doc[i].sent.root
    if ctx.quoted(root.i):
        return None
    subj = own_subject(ctx, root)
    if subj is not None and (subj.ent_type_ in ("PERSON", "ORG") or subj.lower_ in ("he", "she") or known_person(ctx, subj)):
        return subj
    if subj is not None and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children):
        return subj  # "His friend, Saxon Spence, leader of ..., lays the blame ..."
    return None


PLACE_OR_TIME = ("GPE", "LOC", "FAC", "DATE", "TIME")


def mention_span(ctx: QuoteContext, head: Token) -> tuple[int, int]:
    """Character span of the words naming the speaker: the head with its left modifiers
    (title, determiner, adjectives), extended to cover a named mention it overlaps."""
    doc = ctx.doc
    lo = head.i
    while lo - 1 >= head.left_edge.i:
        t = doc[lo - 1]
        if (t.is_punct and not in_word_hyphen(t) and not plural_possessive(t)) or ctx.quoted(t.i) or t.is_space:
            # "Secretary-General" and "the employers' spokeswoman" go on
            break
        lo -= 1
    while lo - 2 >= 0 and in_word_hyphen(doc[lo - 1]) and not ctx.quoted(lo - 2):
        lo -= 2  # the first pieces of a hyphenated word the parse split off ("co-" of "co-chairman")
    body = head.head.head
    if head.dep_ == "pobj" and head.head.lower_ in NAME_LINKS and _person_after_its_body(ctx, body) == head:
        lo = body.left_edge.i  # "A Department for Constitutional Affairs spokeswoman": the body's whole name
    # "in California Mr Torvalds said": the parse took the place or time closing a phrase before
    # the name into it (a capitalised word follows it: a title, a name)
    while lo < head.i and lo > 0 and doc[lo - 1].pos_ == "ADP" and doc[lo].ent_type_ in PLACE_OR_TIME \
            and doc[lo].lower_.rstrip(".") not in speaker_words().honorifics:
        k = lo
        while k < head.i and doc[k].ent_type_ == doc[lo].ent_type_ and (k == lo or doc[k].ent_iob_ == "I"):
            k += 1
        if k >= head.i or not doc[k].text[:1].isupper():
            break  # "in US publication Forbes", "America's TV Guide": the place describes what follows
        lo = k
    hi = head.i
    # keep flat names ("Jim Clyburn" when the head is "Jim")
    while hi + 1 < len(doc) and doc[hi + 1].dep_ in ("compound", "flat") and doc[hi + 1].head.i == head.i and not ctx.quoted(hi + 1):
        hi += 1
    # a title whose name follows ("British Defense Minister Ben Wallace" parsed with the title as head)
    if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ and hi + 1 < len(doc) and doc[hi + 1].ent_type_ == "PERSON" \
            and not ctx.quoted(hi + 1):
        while hi + 1 < len(doc) and doc[hi + 1].ent_type_ == "PERSON" and not ctx.quoted(hi + 1):
            hi += 1
    hi = max(hi, _of_phrase_end(ctx, head))
    if doc[hi].lower_ == "number" and hi + 1 < len(doc) and doc[hi + 1].like_num and not ctx.quoted(hi + 1):
        hi += 1  # "the world number one": a rank, whatever the parse made of its numeral
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    if head.pos_ == "PROPN" or head.ent_type_:
        for (ms, me, _) in ctx.profiles.mentions_over(s, e):
            s, e = min(s, ms), max(e, me)
    return s, e


def _of_phrase_end(ctx: QuoteContext, head: Token) -> int:
    """`described_phrase_end` of a cue's speaker words."""
    return described_phrase_end(head, lambda t: ctx.quoted(t.i))


def described_phrase_end(head: Token, quoted: Callable[[Token], bool]) -> int:
    """The last token of a short phrase that says whose or what a described speaker is ("a
    spokeswoman for the RAD", "a member of the Cabinet"), or which one ("one fan quoted by
    the survey", "a supporter who runs the club's website": `_telling_clause_end`); the head
    itself when it has none."""
    group = head.lower_ in ("those", "others", "some", "many")  # "those behind the negotiations"
    member = head.ent_type_ == "NORP"  # "one Democrat familiar with the talks": a person the group's word describes
    if (head.pos_ != "NOUN" or head.ent_type_) and not group and not member:
        return head.i
    end = short_phrase_end(head, quoted, group)
    return _telling_clause_end(head, quoted) if end == head.i else end


def in_telling_clause(doc: Doc, pos: int, head: Token) -> bool:
    """Character `pos` lies in the clause that tells the head noun's speaker apart
    (`_telling_clause`: "a barrister who represented Tom Reid": not Tom Reid, and his name as
    the clause writes it)."""
    clause = _telling_clause(head)
    if clause is not None and clause.dep_ == "acl" and clause.lemma_.lower() in speaker_words().naming_clause_verbs:
        return False  # "a woman named Ann Cole": her name is the speaker (not "a source who identified Tom Reid")
    span = doc.char_span(pos, pos + 1, alignment_mode="expand") if clause is not None else None
    return span is not None and len(span) > 0 and clause.left_edge.i <= span[0].i <= clause.right_edge.i


TELLING_CLAUSE_MAX = 8  # tokens: longer clauses go on about the speaker rather than tell them apart


def _telling_clause(head: Token) -> Token | None:
    """The verb of a clause right after an indefinite described speaker that tells which one the
    writer means, as annotators write it: a past participle ("one fan quoted by the
    survey") or a "who" clause ("a supporter who runs the fan site"), or a participle that gives
    their name ("a woman named Ann Cole", `naming_clause_verbs`: the name is then the speaker,
    `in_telling_clause`); not a clause that only says they are unnamed or how they were reached
    ("who asked not to be identified", "reached by phone": `untelling_verbs` in
    speaker_descriptions.json). Only after "a", "an", "one" or "another" (a definite description
    points back to someone told apart before) and for a person (not "a report published by")."""
    if not personlike(head) or (not any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in head.children)
                                and not any(c.dep_ == "nummod" and c.lower_ == "one" for c in head.children)):
        return None
    doc = head.doc
    for c in head.children:
        if c.left_edge.i != head.i + 1:
            continue
        if (c.dep_ == "acl" and c.tag_ == "VBN" and c.i == head.i + 1) or (c.dep_ == "relcl" and doc[head.i + 1].lower_ == "who"):
            return None if c.lemma_.lower() in speaker_words().untelling_verbs else c
    return None


def _telling_clause_end(head: Token, quoted: Callable[[Token], bool]) -> int:
    """The last token of the head's telling clause (`_telling_clause`), up to its first
    coordinator, comma, bracket, colon, semicolon or spaced dash ("a source who identified the
    sender but spoke on condition of anonymity": "who identified the sender"), at most
    TELLING_CLAUSE_MAX tokens, none quoted; the head itself when there is none."""
    c = _telling_clause(head)
    if c is None:
        return head.i
    doc = head.doc
    end = c.right_edge.i
    stop = next((t.i for t in doc[c.i + 1:end + 1] if t.text in (",", "(", ";", ":", "--")
                 or (t.text in ("-", "\u2013", "\u2014") and bool(t.whitespace_)) or (t.dep_ == "cc" and t.head.i == c.i)), None)
    if stop is not None:
        end = stop - 1
    toks = doc[head.i + 1:end + 1]
    if 0 < len(toks) <= TELLING_CLAUSE_MAX and not any(quoted(t) for t in toks) and end >= c.i:
        return end
    return head.i


@functools.cache
def _phrase_preps() -> dict[str, str | frozenset[str] | None]:
    """speaker_phrase_preps.txt, read once: preposition -> what its object must be (None: anything;
    "named", "determined", or the nouns it may be)."""
    out: dict[str, str | frozenset[str] | None] = {}
    for line in DataFiles.beside(__file__).lines("speaker_phrase_preps.txt"):
        prep, _, cond = (part.strip() for part in line.partition("|"))
        out[prep] = None if not cond else cond if cond in ("named", "determined") else frozenset(cond.split())
    return out


PHRASE_OBJECT_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "PERSON"})  # a "named" object's entity labels


def _phrase_object_fits(prep: Token, obj: Token | None) -> bool:
    """The object of an unnamed speaker's phrase is what `speaker_phrase_preps.txt` asks of it."""
    preps = _phrase_preps()
    if prep.lower_ not in preps:
        return False
    cond = preps[prep.lower_]
    if cond is None:
        return True
    if obj is None:
        return False
    named = obj.ent_type_ in PHRASE_OBJECT_LABELS or (obj.pos_ == "PROPN" and not obj.ent_type_)
    if cond == "named":
        return named
    if cond == "determined":
        return named or any(c.dep_ in ("det", "poss", "predet") for c in obj.children)
    return obj.lemma_.lower() in cond


def short_phrase_end(head: Token, quoted: Callable[[Token], bool], any_prep: bool = False) -> int:
    """The last token of the phrase (`speaker_phrase_preps.txt`) right after `head` or after an adjective
    right after it ("a person close to the mayor"; any preposition with `any_prep`), up to a comma
    ("a spokesman for Reporters Without Borders, which tracks ...") and at most 8 tokens, none
    quoted; `head` itself when there is none."""
    doc = head.doc
    for c in head.children:
        adjective = c.dep_ == "amod" and c.i == head.i + 1  # "a person close to the mayor", "a source familiar with the talks"
        if adjective:
            c = next((p for p in c.children if p.dep_ == "prep" and p.i == c.i + 1), c)
        obj = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if c.dep_ == "prep" and c.i == c.head.i + 1 and (any_prep or adjective or _phrase_object_fits(c, obj)):
            end = c.right_edge.i
            stop = next((t.i for t in doc[c.i:end + 1] if t.text in (",", "(", ";", ":")), None)
            if stop is not None and obj is not None and obj.i < stop:
                end = stop - 1
            toks = doc[c.i:end + 1]
            if end - c.i <= 8 and not any(quoted(t) or t.text in (",", "(", ";", ":") for t in toks):
                return end
    return head.i


def np_words(ctx: QuoteContext, toks: list[Token]) -> tuple[int, int, Token] | None:
    """The words naming a speaker when the parse is no help: `Tulsa police Chief Chuck
    Jordan` (cut at the first comma or bracket): (start, end, head), the head being the name
    it holds, else its last noun. None when the words hold a verb (a clause, not a name)."""
    core = _name_words(ctx, toks)
    if not core or len(core) > 10:
        return None
    if core[0].pos_ in ("ADP", "SCONJ", "CCONJ", "ADV", "PART", "VERB", "AUX") and core[0].text[:1].islower():
        return None
    for t in core:
        if t.pos_ in ("VERB", "AUX") and t.text[:1].islower() and t.tag_ not in ("VBN", "VBG"):
            return None
        if t.pos_ == "ADP" and t.lower_ not in ("of",):
            return None
    head = None
    for t in core:
        if t.ent_type_ in SPEAKER_ENTS:
            head = t
    if head is None:
        for t in core:
            if t.pos_ in ("NOUN", "PROPN", "PRON") and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
                head = t
    if head is None and len(core) >= 3 and core[-1].lower_ == "old" and core[-2].text == "-" and core[-3].lower_ == "year":
        return core[0].idx, core[-1].idx + len(core[-1].text), core[-1]  # "the 41-year-old", which the model tags a date
    if head is None or cannot_speak(head):
        return None
    return core[0].idx, core[-1].idx + len(core[-1].text), head


def _name_words(ctx: QuoteContext, toks: list[Token]) -> list[Token]:
    """The tokens from the first word up to the first comma, bracket, dash or conjunction."""
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("and", "but")):
        toks = toks[1:]
    core = []
    for t in toks:
        if t.text in (",", "(", "—", "–", ";", ":") or t.pos_ == "SCONJ" \
                or (t.text == "-" and (t.whitespace_ or (t.i > 0 and ctx.doc[t.i - 1].whitespace_))):
            break
        core.append(t)
    return core


def np_head(t: Token) -> Token:
    """The head of the noun phrase a name's first word opens ("Rep." -> "Cummings"; "guitar-toting
    campaigner Ann Cole" -> "Cole")."""
    h = t
    for _ in range(6):
        if (h.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat")
                or (h.dep_ == "npadvmod" and h.head.dep_ in ("amod", "compound"))) and h.head.i > h.i:
            h = h.head
        else:
            break
    return h
