"""Attribution: the reporting verb (cue) of a quote and the words naming its speaker.

The strategies are small named functions tried in the order of `STRATEGIES`; each looks at
one quote (a `Site`) and returns an `Attribution` (records.py) or None. The first
attribution that names a speaker decides; a cue found with no speaker (`"...," was said`)
is kept in case no later strategy names one. The deciding strategy's name is kept in
`Attribution.strategy`; `Attribution.how` says where the words were found (after, tree,
before, colon, according, dash, carried, subject), which later steps read.

Who the naming words refer to is decided in `speaker.py`; the carry-over of a speaker to
quotes with no attribution of their own is in `carry.py`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from tasks.extract.quotes.context import MAX_REGION_TOKENS, SENT_END, QuoteContext
from tasks.extract.quotes.lexicon import cue_words, is_cue, is_utterance, speaker_words
from tasks.extract.quotes.marks import QuoteSpan
from tasks.extract.quotes.records import Attribution
from tasks.extract.quotes.subjects import (
    MAX_CLIMB, according_to_prep, cannot_speak, fronted_subject, known_person, mention_span, names_a_person, np_head, np_words,
    own_subject, personlike,
    relayed_speaker, says_nothing, sentence_subject, speakerlike, subject_of,
)
from tasks.nlp.gazetteer import gazetteer

_DASH_NAME = re.compile(r"[ \t]*[―—–]+[ \t]*(?=[A-Z])")
_DASH_SIGNATURE = re.compile(r"[ \t]*(?:[―—–]+|-{1,2})[ \t]*(?=[A-Z])")  # a paragraph signing the quote above
ATTR_PUNCT = {",", "—", "–", "-", ":", "(", ")"}
TERM_MAX_WORDS = 3  # a fragment this short under a document's clause is a term it uses, not its words


@dataclass
class Site:
    """One quote as the strategies see it."""

    ctx: QuoteContext
    k: int  # index of the quote in ctx.spans
    partial: bool
    before: list[Token]  # the writer's words before the quote, nearest first
    after: list[Token]  # the writer's words after it, in text order
    cue_only: Attribution | None = None  # the first cue an earlier strategy found without a speaker

    @property
    def span(self) -> QuoteSpan:
        return self.ctx.spans[self.k]


def named_by(ctx: QuoteContext, head: Token, how: str, cue: Token | None = None) -> Attribution:
    """An attribution naming the speaker by `head` and the words around it."""
    s, e = mention_span(ctx, head)
    return Attribution(cue=cue, speaker_start=s, speaker_end=e, head=head, how=how)


def from_np(np: tuple[int, int, Token], how: str, cue: Token | None = None) -> Attribution:
    s, e, h = np
    return Attribution(cue=cue, speaker_start=s, speaker_end=e, head=h, how=how)


def attribution_from_cue(ctx: QuoteContext, v: Token, how: str) -> Attribution:
    """The cue v with the words naming its subject (none when it has no speaker-like subject)."""
    subj = subject_of(ctx, v)
    if subj is None:
        np = fronted_subject(ctx, v)
        if np is not None:
            return from_np(np, how, cue=v)
    if subj is not None and (_named_thing(v, subj) or _addressed(v, subj) or _said_thing(v, subj)):
        subj = _by_phrase_after(ctx, v)  # `described as a "consummate professional" by his friend`, `was asked by`
    if subj is None or cannot_speak(subj):
        return Attribution(cue=v, how=how)
    return named_by(ctx, subj, how, cue=v)


def _named_thing(v: Token, subj: Token) -> bool:
    """`the file is labelled "joke"`: the subject of a passive naming verb is the thing named, not who named it."""
    return _passive_subject(v, subj) and v.lemma_.lower() in cue_words().naming


def _addressed(v: Token, subj: Token) -> bool:
    """`Mr Cole was asked: "..."`: the subject of a passive verb of addressing is who heard the words."""
    return _passive_subject(v, subj) and v.lemma_.lower() in cue_words().address


def _said_thing(v: Token, subj: Token) -> bool:
    """`when his peerage was announced`, `the result was reported`: the subject of a passive verb
    of saying is what was said, not who said it; not `he was reported as saying`."""
    return _passive_subject(v, subj) and v.lemma_.lower() in cue_words().speech \
        and not any(c.lower_ == "as" for c in v.children)


def _passive_subject(v: Token, subj: Token) -> bool:
    """`subj` is the subject of v in the passive."""
    return subj.dep_ == "nsubjpass" and subj.head.i == v.i


def _by_phrase_after(ctx: QuoteContext, v: Token) -> Token | None:
    """The doer of a passive verb named in a "by" phrase the parse hung lower in its clause
    (on the quoted words: `criticised for "sleaze" by campaigners`), when it may speak."""
    for t in v.subtree:
        if t.i > v.i and t.lower_ == "by" and t.dep_ in ("agent", "prep") and not ctx.quoted(t.i):
            who = next((c for c in t.children if c.dep_ == "pobj" and not ctx.quoted(c.i)), None)
            if who is not None and (speakerlike(who) or personlike(who) or who.lower_ in speaker_words().org_nouns):
                return who  # a person, a name, or a body ("by the club's board")
    return None


def first_cue_back(ctx: QuoteContext, i: int, start: int, limit: int, how: str) -> Attribution | None:
    """The first reporting verb outside quotes, scanning back from token i to character
    `start` over at most `limit` tokens, that names a speaker (a verb asking someone to do
    something reports no words: "without asking people to pay more"; a "which" standing for no
    one's words names no one: "the chart show, which suggests ...")."""
    stop = i - limit
    while i >= 0 and i > stop and ctx.doc[i].idx >= start:
        t = ctx.doc[i]
        if not ctx.quoted(i) and is_cue(t) and not _asks_to_do(t):
            att = attribution_from_cue(ctx, t, how)
            if att.head is None:
                att = _words_before_cue(ctx, t, how) or _titled_name_after_cue(ctx, t, how) or att
            if att.head is not None and not says_nothing(att.head):
                return att
        i -= 1
    return None


def _words_before_cue(ctx: QuoteContext, cue: Token, how: str) -> Attribution | None:
    """`"...," the 41-year-old said.`: a cue the parse gave no subject, right after a quote: the
    words between the closing mark and the cue name the speaker."""
    k = cue.i - 1
    while k >= 0 and not ctx.quoted(k) and ctx.doc[k].text not in SENT_END and k > cue.i - 8:
        k -= 1
    if k < 0 or not ctx.quoted(k):
        return None
    np = np_words(ctx, list(ctx.doc[k + 1:cue.i]))
    return from_np(np, how, cue=cue) if np is not None else None


def _titled_name_after_cue(ctx: QuoteContext, cue: Token, how: str) -> Attribution | None:
    """`"...," said Tory housing spokeswoman Ann Cole. "..."`: a cue the parse gave no subject (it
    read a title word as a verb), followed by title words that end the clause with a person's
    name (`_person_after_title`), names that person."""
    name = _person_after_title(ctx, cue)
    return named_by(ctx, name, how, cue=cue) if name is not None else None


def _asks_to_do(v: Token) -> bool:
    """A cue verb with an object and a to-infinitive ("asking people to pay", "told them to
    wait"): a request or an order, not words someone said."""
    kids = list(v.children)
    return any(c.dep_ == "dobj" for c in kids) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in kids)


def according_to_in(ctx: QuoteContext, region: list[Token]) -> Attribution | None:
    """`according to X` / `per X` in the writer's words: X."""
    for t in region:
        prep = according_to_prep(t)
        if prep is None and t.lower_ == "per" and t.pos_ == "ADP":
            prep = t
        if prep is not None:
            for ch in prep.children:
                # "per the report", "per CNN"; not "per month"
                if ch.dep_ == "pobj" and (prep.lower_ == "to" or speakerlike(ch) or is_utterance(ch)):
                    return named_by(ctx, _named_conjunct(ch), "according")
    return None


def _named_conjunct(t: Token) -> Token:
    """"according to media and PR strategist Ann Cole": the parse coordinates a modifier of the
    name with it ("media" and "Cole"); a plain noun that names no one yields to the person's name
    coordinated with it."""
    if t.ent_type_ or personlike(t) or is_utterance(t):
        return t
    return next((c for c in t.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"), t)


def with_outer_source(q: Site, att: Attribution | None) -> Attribution | None:
    """`"...," the memo said, according to CNN`: words no person is said to have said here reach the
    writer through the outer source the reporting sentence names, which is then the attribution's
    source. A person who said them stays the speaker (`"...," Sanders said, according to CNN`:
    Sanders), as a reader asking who said it expects, though PolNeAR marks the outlet there. A body
    that said them still gives way to the outlet ("the company said, according to Reuters")."""
    if att is None or att.head is None:
        return att
    ctx = q.ctx
    return _through(ctx, att, according_to_in(ctx, _after_in_its_sentence(q)) or according_to_in(ctx, q.before))


def _after_in_its_sentence(q: Site) -> list[Token]:
    """The writer's words after the quote, unless the quoted words end the sentence: then they are
    the next sentence's ("... "without delay." X plans to ..., according to an aide")."""
    return [] if _ends_sentence(q) else q.after


def _through(ctx: QuoteContext, att: Attribution, acc: Attribution | None) -> Attribution:
    """The attribution as the outer source `acc` (an "according to" phrase) gives it, with att's
    cue; att itself when acc names no one, or the same word, or att names a person (who said the
    words: `with_outer_source`)."""
    if acc is None or acc.head is None or (att.head is not None and acc.head.i == att.head.i):
        return att
    if att.head is not None and (names_a_person(att.head) or known_person(ctx, att.head)):
        return att
    acc.cue, acc.how = att.cue, att.how
    return acc


def _ends_sentence(q: Site) -> bool:
    """The quoted words end the writer's sentence: a full stop inside the closing mark and a
    capital after it (`"...without delay." Clinton plans ...`; a question may still be followed
    by its attribution: `"...?" Clinton asked`)."""
    inner = q.ctx.text[q.span.start:q.span.end].rstrip(")’'\"”")
    first = next((t for t in q.after if t.text not in ATTR_PUNCT and not t.is_space), None)
    return inner.endswith(".") and not inner.endswith("...") and first is not None and first.text[:1].isupper()


# ---- after the quote ---------------------------------------------------------------------------
def cue_after(q: Site) -> Attribution | None:
    """`"...," he said` / `"...," said Rep. X` / `"...?" the senator asked`: the cue and its
    subject follow the closing mark directly (only punctuation and the subject's words
    come between). After a quote ending in a full stop a new sentence starts, unless it
    starts in lower case (`"...." he said`)."""
    after = q.after
    if not after:
        return None
    glued = _glued_name(q)
    if glued is not None:
        return with_outer_source(q, glued)
    first = next((t for t in after if t.text not in ATTR_PUNCT and not t.is_space), None)
    if first is None or first.text in SENT_END:
        return None
    inner = q.ctx.text[q.span.start:q.span.end].rstrip(")’'\"”")
    if _ends_sentence(q) and not _bare_attribution(q):
        return None
    if inner[-1:] in ("?", "!") and first.pos_ == "PRON" and first.text[:1].isupper() and first.text != "I":
        return None  # `"...?" He then asked ...` starts a new sentence
    for n, t in enumerate(after[:MAX_REGION_TOKENS]):
        if t.text in SENT_END:
            break
        if is_cue(t):
            if _reported_above(q, t):
                return None  # (`cue_above` gives the words to the speaker of the verb above them)
            other_words = _reports_words_of_its_own(q.ctx, t) or _names_a_thing_of_its_own(q.ctx, t)
            if inner[-1:] in ("?", "!") and first.text[:1].isupper() and other_words \
                    and (_introduced(q) or q.span.continues or t.lemma_.lower() in speaker_words().replies):
                return None  # `"...?" Ann Cole said she was pleased` or `said: "..."`: a new sentence reporting other words
            return with_outer_source(q, _speaker_of_cue_after(q, t, n, first))
        if t.dep_ == "relcl":
            continue  # `"...," Tom Reilly, the expert who founded the site, tweeted`: the speaker's description goes on
        if t.pos_ == "VERB" and t.lemma_.lower() in cue_words().relay:
            continue  # `"...," the agency quoted Tom Lee as saying`: the cue is "saying"
        if inner[-1:] in (",", ".", "?", "!") and _cue_taken_for_noun(q, t, n):  # (`a "reckless" tax claims`: a noun)
            first_word, last = next(x for x in after[:n] if not x.is_punct), after[n - 1]
            return with_outer_source(q, from_np((first_word.idx, last.idx + len(last.text), last), "after", cue=t))
        if inner[-1:] in (",", "?", "!") and _speech_by_position(q, t, n):
            return with_outer_source(q, _speaker_of_cue_after(q, t, n, first))
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") and t.tag_ not in ("VBN", "VBG") and t.text[:1].islower():
            break  # another verb first: the writer's own sentence goes on
        if t.lower_ in ("but", "and", "or", "while", "because", "though", "although", "which", "that"):
            break
    return None


def _introduced(q: Site) -> bool:
    """A cue or a colon before the quote in its sentence introduces it ("Mr Reid asked: "...?"")."""
    return bool(q.before) and (q.before[0].text == ":" or any(is_cue(t) for t in q.before))


def _reports_words_of_its_own(ctx: QuoteContext, cue: Token) -> bool:
    """The cue takes a clause of reported words outside the quotation ("said she was pleased") or
    introduces a quotation after a colon ("said: ...")."""
    nxt = ctx.doc[cue.i + 1] if cue.i + 1 < len(ctx.doc) else None
    return any(c.dep_ == "ccomp" and not ctx.quoted(c.i) for c in cue.children) or (nxt is not None and nxt.text == ":")


def _names_a_thing_of_its_own(ctx: QuoteContext, cue: Token) -> bool:
    """A naming verb ("praise", "criticise") whose object is a noun outside the quotation: it
    speaks of that thing, not of the words before it (`"...!" Fans still praise his refusal`)."""
    return cue.lemma_.lower() in cue_words().naming \
        and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not ctx.quoted(c.i) for c in cue.children)


def _reported_above(q: Site, cue: Token) -> bool:
    """`Malaysia said damage will be "significant", Agence France Presse reported`, `Ann Lee said
    the fall was not as "dramatic" as Mr Reid believed`: a reporting verb with its own speaker
    stands above a fragment, before it, and the cue after the fragment is that verb's head (a
    source passing the words on) or its dependant (a clause inside the words): that verb's
    speaker said the fragment."""
    if not q.partial:
        return False
    above = cue_above(q)
    if above is None or above.head is None or above.cue is None or above.cue.i == cue.i or above.cue.idx > q.span.start:
        return False
    return any(a.i == cue.i for a in above.cue.ancestors) or any(a.i == above.cue.i for a in cue.ancestors)  # (either way round)


def _ends_clause(ctx: QuoteContext, t: Token, or_preposition: bool = False) -> bool:
    """Token t is the last of its clause: the text ends, or a full stop or a comma (or, with
    or_preposition, a preposition: "wrote on Twitter") follows it."""
    nxt = ctx.doc[t.i + 1] if t.i + 1 < len(ctx.doc) else None
    return nxt is None or nxt.text in SENT_END or nxt.text == "," or (or_preposition and nxt.pos_ == "ADP")


NOT_SPOKEN = ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd")  # outside the quote: the verb says something else


def _speech_by_position(q: Site, t: Token, n: int) -> bool:
    """`"...," an angry Hollande retaliated.`: a quote whose sentence goes on past its closing
    mark (a comma, a question or an exclamation), then a subject of its own and a verb in the
    past or present tense, the sentence's main verb, that the parse hangs the quote on, that
    takes nothing else and that a full stop or a comma follows: the verb reports the quote,
    whatever the verb (the cue lists cannot hold every "retaliated", "enthused"). Only for a
    quote that opens its sentence: words before it introduce it or set it in a scene."""
    ctx = q.ctx
    if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBZ", "VBP") or not t.text[:1].islower() or t.dep_ != "ROOT":
        return False
    kids = list(t.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or not any(x.i == subj.i for x in q.after[:n]) or any(c.dep_ == "mark" for c in kids) \
            or any(c.dep_ in NOT_SPOKEN and not ctx.quoted(c.i) for c in kids):
        return False
    if not any(ctx.quoted(c.i) for c in kids):
        return False  # the parse hangs the quote on the verb (its clausal object): not a title beside it ("Mamma Mia!" the musical opened)
    if not _opens_sentence(q):
        return False  # `When he shouted "enough," the room erupted`, `Under the banner "Never again," thousands marched`
    return _ends_clause(ctx, t)


def _cue_taken_for_noun(q: Site, t: Token, n: int) -> bool:
    """`"...," the editorial read.` / `"...," the two wrote.`: a reporting verb the tagger took
    for the head noun of the words after the quote. It counts when it closes a short noun
    phrase (a noun, name or number right before it, or a word for something written the
    tagger took for an adjective: "editorial") and the clause ends right after it (a
    full stop, a comma or a preposition: "wrote on Twitter"); `"...," a narrator in the
    clip states.`"""
    cues, lemma = cue_words(), t.lemma_.lower()
    if t.pos_ != "NOUN" or not 0 < n <= 8 or lemma not in cues.verbs or lemma in cues.naming:
        return False
    prev = q.after[n - 1]
    noun_phrase = prev.pos_ in ("NOUN", "PROPN", "NUM") or prev.lower_ in speaker_words().utterances
    unbroken = not any(x.is_punct and x.tag_ != "HYPH" for x in q.after[1:n])  # the first may be the comma after the closing mark
    return noun_phrase and unbroken and _ends_clause(q.ctx, t, or_preposition=True)


def _bare_attribution(q: Site) -> bool:
    """`"... will open in May." Cole said.`: a sentence after the quote that holds nothing
    but a speaker and a verb of speech (no words reported of its own, no object) can only
    attribute the quote before it, even when that quote ends in a full stop; not when the
    quote's own sentence introduces it (`Smith wrote: "..." Jones replied.`: Jones answers)."""
    if _introduced(q):
        return False
    words = [t for t in q.after if not t.is_punct]
    if not q.after or q.after[-1].text not in SENT_END or not words or len(words) > 8:
        return False
    speech = cue_words().speech
    cue = next((t for t in words if is_cue(t) and t.lemma_.lower() in speech), None)
    if cue is None or any(c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "attr", "dative") for c in cue.children):
        return False
    return own_subject(q.ctx, cue) is not None


def _speaker_of_cue_after(q: Site, t: Token, n: int, first: Token) -> Attribution | None:
    """The speaker of cue t, the n-th word after the quote (`first`: the first word)."""
    ctx, after = q.ctx, q.after
    relayed = relayed_speaker(ctx, t)
    if relayed is not None and not cannot_speak(relayed):
        return named_by(ctx, relayed, "after", cue=t)
    subj = subject_of(ctx, t)
    if subj is not None and ((subj.i > t.i and subj.i - t.i > 12) or cannot_speak(subj)):
        subj = None
    if subj is not None and subj.i < ctx.tok_at(q.span.start) and cue_above(q) is not None:
        return None  # `Holm said the ad "wrongfully" suggests`: the quote sits inside the clause; the parse above decides
    if subj is not None:
        lo, hi = subj.left_edge.i, subj.right_edge.i
        # `"...," he said`; after a comma also `"...," he will say`, `"...," she later told`
        comma = ctx.text[q.span.start:q.span.end].rstrip(")’'\"”").endswith(",")
        if all(x.is_punct or x.is_space or lo <= x.i <= hi or x.i == t.i or (x.lower_ == "as" and x.head.i == t.i)
               or (comma and x.head.i == t.i and x.dep_ in ("aux", "neg", "advmod") and x.i > hi) for x in after[:n]):
            return named_by(ctx, subj, "after", cue=t)
        # the writer's sentence goes on after the quote, then ", Peter Mandelson has said."
        cut = max((k for k, x in enumerate(after[:n]) if x.text == ","), default=-1)
        if cut >= 0 and subj.i > after[cut].i and all(
                lo <= x.i <= hi or (x.head.i == t.i and x.dep_ in ("aux", "neg", "advmod")) for x in after[cut + 1:n]):
            return named_by(ctx, subj, "after", cue=t)
    # inverted with an unparsed subject: `, said Rep. Elijah Cummings`
    if t.i <= first.i + 1:
        nxt = [x for x in after if x.i > t.i and not x.is_punct]
        if nxt and (nxt[0].pos_ in ("PROPN", "DET", "NOUN") or nxt[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                    or (nxt[0].lower_ in ("those", "others", "some", "many") and t.tag_ in ("VBD", "VBZ", "VBP"))  # `"...," say those behind the talks`
                    or (nxt[0].lower_ == "one" and nxt[0].dep_ == "nummod" and nxt[0].head.i > nxt[0].i)  # `"...," smiles one trader`
                    or _lone_name(ctx, nxt[0])):
            first_word = nxt[0].head if nxt[0].lower_ == "one" and nxt[0].dep_ == "nummod" else nxt[0]  # (the parse made "one trader" an object)
            return named_by(ctx, _person_after_title(ctx, t) or np_head(first_word), "after", cue=t)
    # the parse went wrong: take the words between the quote and the cue as a name
    np = np_words(ctx, after[:n])
    return from_np(np, "after", cue=t) if np is not None else None


def _person_after_title(ctx: QuoteContext, t: Token) -> Token | None:
    """`"...," said England sevens coach Mike Friday.`: after an inverted cue, the words of a title
    (no punctuation, preposition, possessive or pronoun, nor a determiner but the first word; a
    title or role word right before the name) ending the clause with a person's name: that name,
    however the parse hung the words (not "said the barrister defending Tom Reid")."""
    doc = ctx.doc
    for i in range(t.i + 1, min(len(doc), t.i + 10)):
        x = doc[i]
        if x.ent_type_ == "PERSON" and x.ent_iob_ == "B":
            role = doc[i - 1].lower_
            if i == t.i + 1 or not (role in gazetteer().titles or role in speaker_words().person_nouns):
                return None  # the name comes first (the parse's own reading stands), or no title before it
            end = i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            return doc[end] if end + 1 >= len(doc) or doc[end + 1].text in (".", ",", ";") or doc[end + 1].is_space else None
        if x.is_punct or x.is_space or ctx.quoted(i) or x.pos_ in ("ADP", "PRON", "CCONJ", "SCONJ", "PART") \
                or x.tag_ == "POS" or (x.pos_ == "DET" and i > t.i + 1):
            return None
    return None


def _lone_name(ctx: QuoteContext, t: Token) -> bool:
    """`"...," admitted Kiely.`: one capitalised word after an inverted cue, ending the clause, is
    a name whatever the tagger made of it (here an adverb)."""
    return t.is_title and t.is_alpha and not t.is_sent_start and _ends_clause(ctx, t)


def _glued_name(q: Site) -> Attribution | None:
    """`"...,”Clinton said`: with no space after the closing mark the tokenizer glues the
    name to the quoted words; the name is the rest of that token, the cue follows it."""
    ctx, sp = q.ctx, q.span
    if sp.close is None or not is_cue(q.after[0]):
        return None
    tok = ctx.doc[ctx.tok_at(sp.close)]
    s, e = sp.close + sp.width, tok.idx + len(tok.text)
    while e > s and not ctx.text[e - 1].isalnum():
        e -= 1
    if e - s < 2 or not ctx.text[s].isupper() or not ctx.text[s:e].replace(".", "").replace("-", "").isalpha():
        return None
    return Attribution(cue=q.after[0], speaker_start=s, speaker_end=e, head=tok, how="after")


def dash_name(q: Site) -> Attribution | None:
    """`"..." ― Veronica Cruz`: a name after a dash right after the closing mark."""
    ctx, sp = q.ctx, q.span
    if sp.close is None:
        return None
    m = _DASH_NAME.match(ctx.text, sp.close + sp.width)
    if m is None:
        return None
    h = ctx.doc[ctx.tok_at(m.end())]
    if h.idx != m.end() or (h.pos_ != "PROPN" and not h.ent_type_):
        return None
    return named_by(ctx, np_head(h), "dash")


def bare_name(q: Site) -> Attribution | None:
    """`"...," Mr Bootle.`: the reporting verb dropped in editing, a person's name and the full
    stop right after the quote's closing comma name the speaker."""
    ctx, sp = q.ctx, q.span
    if sp.close is None or not ctx.text[sp.start:sp.end].rstrip().endswith(","):
        return None
    words = q.after  # the writer's words to the sentence end, spaces left out
    if not 1 <= len(words) - 1 <= MAX_BARE_NAME or words[-1].text != ".":
        return None
    name = words[:-1]
    honorific = name[0].lower_.rstrip(".") in speaker_words().honorifics
    if not any(t.ent_type_ == "PERSON" for t in name) and not (honorific and len(name) > 1):
        return None
    if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.text[:1].isupper() for t in name):
        return None
    return named_by(ctx, name[-1], "after")


MAX_BARE_NAME = 4  # tokens of a name standing alone after a quote ("Mr Roger Bootle")


def dash_paragraph(q: Site) -> Attribution | None:
    """A quotation closing its paragraph, signed by the next one:
    `"... the top 1 percent."` / `- Bernie Sanders.` (fact-check and roundup style)."""
    ctx, sp = q.ctx, q.span
    paras = ctx.art.paragraphs
    if sp.close is None or sp.para + 1 >= len(paras):
        return None
    p, nxt = paras[sp.para], paras[sp.para + 1]
    if any(ch.isalnum() for ch in ctx.text[sp.outer_end:p.end]):
        return None
    m = _DASH_SIGNATURE.match(ctx.text, nxt.start)
    if m is None:
        return None
    a, b = ctx.tok_at(m.end()), ctx.tok_at(max(m.end(), nxt.end - 1))
    if b - a > 12:
        return None  # a sentence, not a signature
    if any(ctx.quoted(t.i) for t in ctx.doc[a:b + 1]):
        return None  # `- City boss Tom Hale: "..."`: the label of the next quotation, not a signature
    toks = [t for t in ctx.doc[a:b + 1] if t.idx >= m.end() and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    np = np_words(ctx, toks)
    if np is None or np[2].ent_type_ not in ("PERSON", "ORG") and np[2].pos_ != "PROPN":
        return None
    return from_np(np, "dash")


# ---- the parse above the quoted words ------------------------------------------------------------
def cue_above(q: Site) -> Attribution | None:
    """A cue verb above the quoted words in the parse (`noting that every party "must act..."`).
    Naming verbs ("called it", "likened them to") count only close above the quote; speech
    verbs at any height. When speech verbs nest ("Holm said that the ad "..." suggests"), the
    outermost one with a subject reports the words (not past a cue with a speaker of its own,
    nor past a named person's verb that reports the quote's clause: see `_speaks_for_itself`).
    A noun of saying with a possessor gives the possessor ("Trump's claim that ..."), unless a
    reporting verb is above it (`she stated that Trump's "mean-spirited" comments ...` are her
    words)."""
    ctx, sp = q.ctx, q.span
    a = ctx.tok_at(sp.start)
    b = ctx.tok_at(max(sp.start, sp.end - 1))
    for i in ([a, b] if a != b else [a]):
        found, noun_att = _climb_to_cue(ctx, ctx.doc[i], a)
        if found is not None:
            found = _gerund_introducing(q, found) or _told_before_colon(q, found) or found
            return with_outer_source(q, attribution_from_cue(ctx, found, "tree"))
        if noun_att is not None:
            return with_outer_source(q, noun_att)
    return None


def _gerund_introducing(q: Site, outer: Token) -> Token | None:
    """`The ad ends with footage of Hale saying at the rally, "..."`: the parse hung the quote on the
    sentence's verb, but a speech verb in -ing with a subject of its own (or a person's name right
    before it), whose words run up to the quote, introduces it."""
    ctx, first = q.ctx, q.ctx.tok_at(q.span.start)
    for t in q.before:
        if t.is_punct or ctx.quoted(t.i):
            continue
        if t.i == outer.i or not (t.tag_ == "VBG" and is_cue(t) and t.lemma_.lower() in cue_words().speech):
            continue
        subj = own_subject(ctx, t)
        prev = ctx.doc[t.i - 1] if t.i > 0 else None
        has_subject = (subj is not None and subj.dep_ == "nsubj" and speakerlike(subj) and subj.pos_ != "PRON") \
            or (prev is not None and prev.ent_type_ == "PERSON" and not ctx.quoted(prev.i))  # "footage of Ann Cole saying", Cole hung on "of"
        ends = max(d.i for d in t.subtree if d.i < first)
        if has_subject and all(ctx.doc[k].is_punct for k in range(ends + 1, first)):
            return t
        return None  # the nearest speech verb in -ing decides
    return None


def _told_before_colon(q: Site, outer: Token) -> Token | None:
    """`The Gazette reports that Ann Cole told a radio station: "..."`: the parse hung the quote on
    the outer verb, but a speech verb reported under it, with a subject of its own, whose clause
    runs up to the colon that opens the quote, introduces it (the outer verb relays the words)."""
    ctx, first = q.ctx, q.ctx.tok_at(q.span.start)
    words = [t for t in q.before if not ctx.quoted(t.i)]
    if not words or words[0].text != ":" or any(ctx.doc[k].text == ":" for k in range(words[0].i + 1, first)):
        return None
    colon = words[0]
    for t in words[1:]:
        if t.sent.start != colon.sent.start:
            break
        if t.i == outer.i:
            return None  # the outer verb is the nearest: it introduces the quote
        if not (t.pos_ == "VERB" and is_cue(t) and t.lemma_.lower() in cue_words().speech):
            continue
        subj = own_subject(ctx, t)
        up = t
        while up.dep_ == "ccomp" and up.head.i != up.i and up.head.i != outer.i:
            up = up.head
        ends = max(d.i for d in t.subtree if d.i < colon.i)
        if subj is not None and subj.dep_ == "nsubj" and speakerlike(subj) and up.dep_ == "ccomp" and up.head.i == outer.i \
                and ends == colon.i - 1:  # (not "she was told:", words said to her)
            return t
        return None  # the nearest speech verb decides
    return None


def _climb_to_cue(ctx: QuoteContext, t: Token, first: int) -> tuple[Token | None, Attribution | None]:
    """(the reporting verb above t, the possessor of a noun of saying above t); `first`: the
    quote's first token."""
    cues = cue_words()
    depth = 0
    found: Token | None = None
    prev: Token | None = None  # the child through which the climb reached t
    chain = True  # the path up from the first cue runs through complement clauses only
    noun_att: Attribution | None = None  # "Trump's claim that ...", unless a reporting verb is above
    joined = False  # the climb from the first cue went through a coordinated clause
    for _ in range(MAX_CLIMB):
        if not ctx.quoted(t.i):
            depth += 1
            lemma = t.lemma_.lower()
            if is_cue(t) and (depth <= 3 or lemma not in cues.naming):
                if found is None:
                    found = t
                elif chain and prev is not None and prev.dep_ == "ccomp" and lemma in cues.speech and own_subject(ctx, t) is not None \
                        and not _speaks_for_itself(ctx, found, first, joined, t, prev):
                    found = t  # the clause holding the first cue is what t reports
            elif found is None and noun_att is None and t.pos_ == "NOUN" and lemma in cues.nouns \
                    and prev is not None and prev.dep_ not in ("nmod", "det"):
                # "Trump's claim that ...", "his "Nazi" comment": the possessor said it
                poss = next((c for c in t.children if c.dep_ == "poss"), None)
                if poss is not None and not ctx.quoted(poss.i):
                    noun_att = named_by(ctx, poss, "tree")
        if found is not None and not ctx.quoted(t.i):
            aside = _reporting_aside(ctx, t, prev)
            if aside is not None:
                return aside, None
        if t.head.i == t.i:
            break
        if found is not None and t.dep_ not in ("ccomp", "conj", "xcomp"):
            chain = False
        if found is not None and t.dep_ == "conj":
            joined = True
        prev = t
        t = t.head
    return found, noun_att


def _reporting_aside(ctx: QuoteContext, t: Token, prev: Token | None) -> Token | None:
    """A reporting clause set in the writer's sentence above the quote's cue ("During her years
    in office, Ms Cole said, residents came to believe "..."") reports the whole sentence, the
    inner cue's words included: a speech verb hung on t as an aside, with a subject of its own
    and no clause of its own."""
    speech = cue_words().speech
    for c in t.children:
        if c.dep_ == "parataxis" and (prev is None or c.i != prev.i) and not ctx.quoted(c.i) and is_cue(c) \
                and c.lemma_.lower() in speech and not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in c.children):
            subj = own_subject(ctx, c)
            if subj is not None and speakerlike(subj):
                return c
    return None


def _speaks_for_itself(ctx: QuoteContext, cue: Token, first: int, joined: bool, outer: Token, via: Token) -> bool:
    """Whether the first cue found keeps the quote from the reporting verb `outer` above it: it
    has a subject that can speak (a name or a noun), and either it introduces the quote itself from a clause
    coordinated below the outer verb (`She said ..., and the mother of two replied, "..."`), or
    stands before the quote while the outer verb comes after it (a source passing the words on), or
    the outer verb (reached through `via`) reports another clause of its own after it (`Ms Cole said she hoped "..." Asked
    about it, she said that ...`: a run-on sentence the parse hung on the second verb), or a named
    person's speech verb reports the clause holding the quote (`_named_person_reports_it`)."""
    subj = own_subject(ctx, cue)
    if subj is None or not speakerlike(subj) or subj.pos_ == "PRON":
        return False  # "She said she recalls ...": a pronoun is most often the outer speaker again
    introduces = cue.i < first and all(ctx.doc[k].is_punct for k in range(cue.i + 1, first))
    relayed = cue.i < first < outer.i  # `Kestonia said the damage will be "severe", the Gazette reported`: passed on
    return (joined and introduces) or relayed or _named_person_reports_it(ctx, cue, subj, first) \
        or any(ch.dep_ == "ccomp" and ch.i > outer.i and ch.i != via.i for ch in outer.children)


def _named_person_reports_it(ctx: QuoteContext, cue: Token, subj: Token, first: int) -> bool:
    """`Reid said Ann Cole had told them that Democrats "would win the House"`: the quote lies in
    the clause that a named person's speech verb, finite, active, not negated and before it,
    reports, so the words are that person's, whoever passes them on; not words in a clause the
    verb does not report ("expects Ann Cole to announce a "new push"", "said Ann Cole begged him
    and "would have wept""), nor ones she was told, did not say or answered ("Ann Cole was told
    that ...", "never told them that ...", "denied that she "would resign"": `replies`)."""
    quote = ctx.doc[first]
    inner = next((a for a in [quote, *quote.ancestors] if a.head.i == cue.i and a.i != cue.i), None)
    lemma = cue.lemma_.lower()
    return subj.ent_type_ == "PERSON" and subj.dep_ == "nsubj" and cue.i < first and cue.tag_ not in ("VB", "VBG") \
        and lemma in cue_words().speech and lemma not in speaker_words().replies \
        and not any(c.dep_ == "neg" for c in cue.children) and inner is not None and inner.dep_ == "ccomp"


# ---- before the quote ----------------------------------------------------------------------------
def cue_before(q: Site) -> Attribution | None:
    """`Wallace said, "..."`, `Ms Hewitt said: "..."`, `Said Ellis: "..."`: a cue before the
    quote in its sentence."""
    ctx, before = q.ctx, q.before
    naming = cue_words().naming
    for n, t in enumerate(before):
        if (is_cue(t) and (n < 5 or t.lemma_.lower() not in naming)) or (n == len(before) - 1 and ctx.inverted_cue(t)):
            att = attribution_from_cue(ctx, t, "before")
            if att.head is not None:
                return with_outer_source(q, att)
            named = _name_beside_cue(ctx, before, t)
            return with_outer_source(q, named) if named is not None else att
    return None


def _name_beside_cue(ctx: QuoteContext, before: list[Token], t: Token) -> Attribution | None:
    """The words naming the speaker of a cue the parse gave no subject: after an inverted
    cue ("Said Ellis:"), else between the clause's last comma and the cue, else the proper
    name right before the cue."""
    order = before[::-1]  # sentence order
    pos = order.index(t)
    ahead = [x for x in order[pos + 1:] if not x.is_punct]
    if pos == 0 or all(x.is_punct for x in order[:pos]):
        np = np_words(ctx, order[pos + 1:])  # inverted: "Said Ellis:"
    else:
        lead = order[:pos]
        cut = max((i for i, x in enumerate(lead) if x.text in (",", ";", ":", "—")), default=-1)
        np = np_words(ctx, lead[cut + 1:])
        if np is None:  # `When asked if Brown would start Eriksson replied:`: the name right before the cue
            k = pos
            while k > cut + 1 and order[k - 1].pos_ == "PROPN" and order[k - 1].text[:1].isupper():
                k -= 1
                if order[k].ent_iob_ == "B":
                    break  # one name only: not "Europe Eriksson"
            np = np_words(ctx, order[k:pos]) if k < pos else None
    if np is not None and (ahead or pos > 0):
        return from_np(np, "before", cue=t)
    return None


def according_to(q: Site) -> Attribution | None:
    """`According to the BBC, "..."` (before the quote first, then after it, unless the quoted words
    end the sentence: `"...abroad." But later, according to the BBC, he spoke to ...` is another's)."""
    return according_to_in(q.ctx, q.before) or according_to_in(q.ctx, _after_in_its_sentence(q))


def colon_paragraph(q: Site) -> Attribution | None:
    """A quote opening a paragraph after a paragraph ending with a colon: the cue (or, with
    no cue, the subject) of that paragraph's last sentence (`Sanders made the following
    comment:`, `Stated Stone:`)."""
    ctx, sp = q.ctx, q.span
    if q.before or sp.para == 0 or sp.continues:
        return None
    p = ctx.art.paragraphs[sp.para - 1]
    if not p.text.rstrip().endswith(":"):
        return None
    end_tok = ctx.tok_at(p.end - 1)
    att = first_cue_back(ctx, end_tok, p.start, MAX_REGION_TOKENS, "colon")
    if att is not None:
        return att
    first = ctx.doc[ctx.tok_at(p.start)]
    if ctx.inverted_cue(first):  # "Stated Stone:" (the tagger took the cue for a name)
        np = np_words(ctx, [t for t in ctx.doc[first.i + 1:end_tok + 1] if not ctx.quoted(t.i)])
        if np is not None:
            return from_np(np, "colon", cue=first)
    # no reporting verb: "Sanders made the following comment:"
    subj = own_subject(ctx, ctx.doc[end_tok].sent.root)
    if subj is not None and speakerlike(subj):
        return named_by(ctx, subj, "colon")
    return None


def label_colon(q: Site) -> Attribution | None:
    """`Clinton: "Our goal is ..."`, `Rep. Trey Gowdy (R-S.C.): "..."`: a sentence that is
    only a name and a colon labels the speaker (transcripts, debate roundups); so does one that
    is only "From" or "More from" and a name or a document (`From the report: "..."`)."""
    before = q.before
    if not before or not _colon(before[0]) or len(before) > 12:
        return None
    words = before[:0:-1]
    lead = next((n for n in (1, 2) if [w.lower_ for w in words[:n]] == ["more", "from"][2 - n:]), 0)
    source = lead > 0  # `From the report: "..."`, `More from Jones: "..."`: where the words come from
    words = words[lead:]
    np = np_words(q.ctx, words)
    if np is None:
        return None
    if source and np[2].ent_type_ not in ("PERSON", "ORG") and not is_utterance(np[2]):
        return None  # "From London:" is where, not who
    if not source and np[2].ent_type_ not in ("PERSON", "ORG") and np[2].pos_ != "PROPN":
        return None
    return from_np(np, "colon")


def _colon(t: Token) -> bool:
    """A colon, or punctuation ending in one that the tokenizer kept whole ("):" after a bracket)."""
    return t.text == ":" or (t.text.endswith(":") and not any(c.isalnum() for c in t.text))


def dash_label(q: Site) -> Attribution | None:
    """`Pollsters agree - Carl Bialik: "..."`: a name between a dash and the colon that
    introduces the quote (roundup style) is its source, whatever the headline says; so is the
    name of a bulleted paragraph that opens with a dash and goes straight into the quote
    (`- Bolton boss Sam Allardyce "I am disappointed ..."`)."""
    before = q.before
    if not before:
        return None
    colon = _colon(before[0])
    label = []
    for t in before[1:] if colon else before:
        if t.text in ("-", "—", "–", "―") and (t.whitespace_ or t.i == 0 or q.ctx.doc[t.i - 1].whitespace_):
            if not colon and t.idx != q.ctx.paragraph(q.k).start:
                return None  # with no colon, only a bullet's dash
            np = np_words(q.ctx, label[::-1])
            if np is not None and np[2].ent_type_ in ("PERSON", "ORG"):
                return from_np(np, "colon")
            return None
        if len(label) > 8:
            return None
        label.append(t)
    return None


def noun_cue(q: Site) -> Attribution | None:
    """`Trump issued a statement, "..."` / `The Florida senator's answer was that "..."` / `after
    her spring comment that, "..."`: a noun of saying before the quote, with a possessor (a name or
    a pronoun) or as the object of a verb whose subject is a speaker."""
    owner = _owner_of_noun_after(q)
    if owner is not None:
        return owner
    ctx = q.ctx
    nouns = cue_words().nouns
    for t in q.before:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in nouns:
            continue
        h = next((c for c in t.children if c.dep_ == "poss" and not ctx.quoted(c.i)), None)
        if h is None and _in_its_clause(ctx, t, q):
            h = _maker_in_phrase(ctx, t)  # "shrugged off claims from Ann Cole that ...": hers, not whose shrugged them off
            # (not "welcomed the announcement from Ann Cole as "...": the words are the subject's, outside the noun's clause)
        if h is None and t.dep_ == "dobj" and not ctx.quoted(t.head.i):
            h = own_subject(ctx, t.head)  # "It issued a statement that ...": "it" is the body that issued it
        if h is None or h.lower_ in ("that", "which", "who") or not speakerlike(h):
            return None
        return named_by(ctx, h, "before")
    return None


def _owner_of_noun_after(q: Site) -> Attribution | None:
    """`the mayor's "build it and they will come" promise`: a fragment between a possessor and the
    noun of saying it modifies is the possessor's."""
    ctx = q.ctx
    t = q.after[0] if q.partial and q.after and q.before else None
    if t is None or t.pos_ != "NOUN" or t.lemma_.lower() not in cue_words().nouns:
        return None
    h = next((c for c in t.children if c.dep_ == "poss" and not ctx.quoted(c.i) and c.i < q.before[0].i), None)
    if h is None and q.before[0].tag_ == "POS":
        h = q.before[0].head  # the parse hung the noun elsewhere: the possessive right before the mark
    return named_by(ctx, h, "before") if h is not None and speakerlike(h) else None


def noun_of(q: Site) -> Attribution | None:
    """`"...," is the dry assessment of Graham Lane` / `the verdict of the judge: "..."`: a
    noun of saying next to the quote with an "of" or "from" phrase naming a speaker."""
    ctx = q.ctx
    nouns = cue_words().nouns
    ends = _ends_sentence(q)
    for t in q.after[:8] + q.before[:8]:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in nouns or ctx.quoted(t.i):
            continue
        if ends and t.idx > q.span.start and not _points_back(t):
            continue  # the writer's next sentence: "That was the verdict of X", not "A judgement from X is expected"
        who = _maker_in_phrase(ctx, t)
        if who is not None:
            return named_by(ctx, who, "before")
    return None


def _in_its_clause(ctx: QuoteContext, noun: Token, q: Site) -> bool:
    """The quote lies in a clause on the noun ("claims from Ann Cole that he led a "..."")."""
    tok = ctx.doc[ctx.tok_at(q.span.start)]
    for a in [tok, *tok.ancestors]:
        if a.head.i == noun.i and a.i != noun.i:
            return a.dep_ in ("acl", "ccomp", "relcl")
    return False


BACK_DETERMINERS = ("the", "this", "that", "these", "those", "such")


def _points_back(noun: Token) -> bool:
    """A noun of saying in the sentence after a quote that names the quote: the complement of "That
    was ..." or a definite subject ("The claim by Ann Cole has angered parents"); not an object
    ("shrugged off claims from ...") nor something new ("A judgement from ... is expected")."""
    if noun.dep_ == "attr":
        return True
    return noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS for c in noun.children)


def _maker_in_phrase(ctx: QuoteContext, noun: Token) -> Token | None:
    """The speaker an "of", "from" or "by" phrase on a noun of saying names ("the verdict of the
    judge", "claims from Ann Cole"), else None."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by"):
            who = next((c for c in prep.children if c.dep_ == "pobj" and not ctx.quoted(c.i)), None)
            if who is not None and speakerlike(who):
                return who
    return None


def colon_subject(q: Site) -> Attribution | None:
    """`President Obama is rolling out a new message: "It's about me."`: a quote a colon
    introduces, with no reporting verb, is given by the subject of the introducing clause.
    A whole quotation closing a sentence after a comma or a dash (`Cole reacted coolly to the
    plan, "Our town cannot lose its harbour."`) is given by that clause's subject when it is a
    person."""
    before = q.before
    if before and before[0].text in (",", "—", "–", "--") and not q.partial and _closes_sentence(q):
        subj = next((t for t in before[1:] if t.dep_ in ("nsubj", "nsubjpass") and not q.ctx.quoted(t.head.i)), None)
        return named_by(q.ctx, subj, "colon") if subj is not None and _person_subject(q.ctx, subj) else None
    if not before or before[0].text != ":":
        return None
    person = next((t for t in before[1:] if t.dep_ not in ("poss",) and (t.ent_type_ == "PERSON" or (
        t.pos_ == "PROPN" and any(c.dep_ == "compound" and personlike(c) and c.pos_ == "NOUN" for c in t.children)))), None)
    subjects = [t for t in before[1:] if t.dep_ in ("nsubj", "nsubjpass") and (speakerlike(t) or t.pos_ in ("NOUN", "PROPN"))]
    if not subjects:
        return None
    # a speaker-like subject of the writer's top clause (the root, or a clause the parse hangs on the
    # quote) before the nearest one ("X focuses on what the cuts mean: ..."); then the nearest
    # speaker-like subject ("The mood changed when the harbourmaster arrived: ...")
    colon = before[0].i
    top = next((s for s in subjects if s.sent == before[0].sent and (s.head.head == s.head or s.head.head.i > colon)), None)
    t = top if top is not None and speakerlike(top) else next((s for s in subjects if speakerlike(s)), subjects[0])
    if _addressed(t.head, t):
        return None  # `Cole was asked: "..."`: she heard the words
    if not speakerlike(t) and person is not None:
        t = person  # `The timing of the surge doesn't surprise pollster Daron Shaw: "..."`
    return named_by(q.ctx, t, "colon")


def _closes_sentence(q: Site) -> bool:
    """The quote ends its sentence: with its own full stop, or the writer's right after it."""
    return not q.after or q.after[0].text in SENT_END or q.ctx.text[q.span.start:q.span.end].rstrip()[-1:] in SENT_END


# ---- a quote opening a sentence with no attribution of its own -----------------------------------
def _opens_sentence(q: Site) -> bool:
    return not q.partial and (not q.before or q.before[0].text in SENT_END)


def preceding_cue(q: Site) -> Attribution | None:
    """A quote opening a sentence with no attribution of its own continues the nearest
    reporting verb before it in its paragraph (`..., Schiff said. "The other factor..."`)."""
    if not _opens_sentence(q):
        return None
    ctx = q.ctx
    i = ctx.tok_at(q.span.open) - 1
    att = _main_cue(ctx, first_cue_back(ctx, i, ctx.paragraph(q.k).start, 4 * MAX_REGION_TOKENS, "carried"))
    if att is not None and att.cue is not None and i >= 0 and not ctx.quoted(i) and ctx.sent_of[att.cue.i] != ctx.sent_of[i] \
            and sentence_subject(ctx, i) is not None:
        return None  # `... Forster told BBC Wales. "..." Ruddock, though, is keen ... "At this stage ..."`: the sentence between is about someone
    return _through_outer_source(ctx, att)


SUBORDINATE = ("advcl", "relcl", "acl")  # clauses that hang on the sentence's main clause


def _main_cue(ctx: QuoteContext, att: Attribution | None) -> Attribution | None:
    """The nearest cue back may sit in a clause hanging on another reporting verb (`X noted in an
    interview, as reported by Y.`, `X wrote in the email, which was first reported by Y.`, `X told
    the paper, after Z stated an interest.`): the words carried on are the main verb's speaker's."""
    if att is None or att.cue is None or not _relays_or_times(ctx, att.cue):
        return att
    t, sub = att.cue, False
    while t.head.i != t.i:
        sub = sub or t.dep_ in SUBORDINATE
        t = t.head
        if sub and not ctx.quoted(t.i) and is_cue(t) and not _asks_to_do(t):
            main = attribution_from_cue(ctx, t, att.how)
            return main if main.head is not None and not says_nothing(main.head) else att
    return att


def _relays_or_times(ctx: QuoteContext, cue: Token) -> bool:
    """A cue that reports no words of its own (no clausal object outside quotes: "as reported by
    Y", "after Z stated an interest") and does not introduce someone new ("Tom Reid, who insisted
    ...", "Tom Reid, who replied": that person may well go on speaking)."""
    if any(c.dep_ in ("ccomp", "xcomp") and not ctx.quoted(c.i) for c in cue.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "who" for c in cue.children):
        return False
    return not (cue.dep_ == "relcl" and (personlike(cue.head) or cue.head.ent_type_ == "PERSON"))


def _through_outer_source(ctx: QuoteContext, att: Attribution | None) -> Attribution | None:
    """`"...," Welch said, according to Vermont Edition. "..."`: the words carried on reach the
    writer through the same outer source as the quote whose cue they continue."""
    if att is None or att.cue is None:
        return att
    after = [t for t in att.cue.sent if t.i > att.cue.i and not ctx.quoted(t.i)]
    return _through(ctx, att, according_to_in(ctx, after))


def preceding_according(q: Site) -> Attribution | None:
    """A quote opening a sentence with no attribution of its own, right after a sentence
    attributed by "according to" (`The problem, according to Mr Lane, is ... "I have a new
    slogan."`): that source."""
    i = _unquoted_token_before(q)
    if i is None:
        return None
    ctx = q.ctx
    sent = ctx.doc[i].sent
    att = according_to_in(ctx, [t for t in sent if not ctx.quoted(t.i)])
    if att is not None:
        att.how = "carried"
    return att


def preceding_subject(q: Site) -> Attribution | None:
    """A quote opening a sentence with no attribution at all, right after a sentence about
    a named person (`Sen. Bernie Sanders ... identified ... "The younger people are ..."`):
    that sentence's subject."""
    i = _unquoted_token_before(q)
    if i is None:
        return None
    subj = sentence_subject(q.ctx, i)
    if subj is None or subj.ent_type_ == "ORG":
        return None  # `The show featured ... "Consumers are ..."`: a body speaks only through a statement
    if subj.ent_type_ in ("GPE", "NORP") and not known_person(q.ctx, subj):
        return None  # a country or a people never speaks with no cue (`And Scotland forward Ann Cole looks fit. "I ..."`)
    return named_by(q.ctx, subj, "carried")


def _unquoted_token_before(q: Site) -> int | None:
    """For a quote opening a sentence: the token right before it, if that token is in the
    same paragraph and outside any quote (the end of the sentence the quote follows)."""
    if not _opens_sentence(q):
        return None
    ctx = q.ctx
    i = ctx.tok_at(q.span.open) - 1
    if i < 0 or ctx.doc[i].idx < ctx.paragraph(q.k).start or ctx.quoted(i):
        return None
    return i


def clause_subject(q: Site) -> Attribution | None:
    """A fragment in the writer's sentence with no reporting verb found ("Reid has gone after
    Trump as a "con artist""): the source of an "according to" on a clause above it, else the
    subject of the sentence's main clause above it, if a
    person, an organisation or a pronoun; or something said or written, for a fragment longer
    than a term ("The statement blames "a wet and windy summer"": its maker; not the "tribes"
    a study finds)."""
    if not q.partial or q.cue_only is not None:
        return None
    ctx = q.ctx
    t = ctx.doc[ctx.tok_at(q.span.start)]
    best = None
    for _ in range(MAX_CLIMB):
        framed = [c for c in t.children if according_to_prep(c) is not None and not ctx.quoted(c.i)]
        if framed and best is None:  # "According to her doctor, she had "..." and shows "...": the doctor's words
            acc = according_to_in(ctx, framed)
            if acc is not None:
                return acc
        if t.pos_ in ("VERB", "AUX"):
            subj = own_subject(ctx, t)  # subjects inside quotes are never taken
            if subj is not None:
                best = subj
        if t.head.i == t.i:
            break
        t = t.head
    if best is not None and (_person_subject(ctx, best) or (is_utterance(best) and ctx.n_words(q.k) > TERM_MAX_WORDS)):
        return named_by(ctx, best, "subject")
    return None


def _person_subject(ctx: QuoteContext, t: Token) -> bool:
    """A subject that can be the source of a fragment in a clause with no reporting verb: a
    name, a noun for a person or a third-person pronoun (not the writer's "we" or "you")."""
    return speakerlike(t) and t.lower_ not in ("it", "that", "which", "this", "who")


Strategy = Callable[[Site], "Attribution | None"]

# Tried in this order; the first attribution that names a speaker decides.
STRATEGIES: dict[str, Strategy] = {
    "cue_after": cue_after,  # `"...," he said`, `"...," said X`, `"...,”Clinton said`
    "dash_name": dash_name,  # `"..." ― Veronica Cruz`
    "bare_name": bare_name,  # `"...," Mr Bootle.` (the verb dropped)
    "dash_paragraph": dash_paragraph,  # `"..."` then a paragraph `- Bernie Sanders.`
    "dash_label": dash_label,  # `Pollsters agree - Carl Bialik: "..."`
    "cue_above": cue_above,  # `noting that every party "must act..."`
    "cue_before": cue_before,  # `Wallace said, "..."`, `Ms Hewitt said: "..."`
    "according_to": according_to,  # `according to CNN`, `per the report`
    "colon_paragraph": colon_paragraph,  # `Sanders made the following comment:` / `"..."`
    "label_colon": label_colon,  # `Clinton: "..."`
    "noun_cue": noun_cue,  # `Trump issued a statement, "..."`
    "noun_of": noun_of,  # `"...," is the dry assessment of Graham Lane`
    "colon_subject": colon_subject,  # `Obama is rolling out a new message: "..."`
    "preceding_cue": preceding_cue,  # `..., Schiff said. "The other factor..."`
    "preceding_according": preceding_according,  # `The problem, according to Mr Lane, is ... "I have a new slogan."`
    "preceding_subject": preceding_subject,  # `Sen. Sanders identified ... "The younger people ..."`
    "clause_subject": clause_subject,  # `Reid has gone after Trump as a "con artist"`
}


def attribute(ctx: QuoteContext, k: int, kind: str) -> Attribution | None:
    """The attribution of quote k: the first strategy's that names a speaker, else the first
    cue found without one, else None."""
    q = Site(ctx, k, partial=kind == "partial", before=ctx.before_tokens(k), after=ctx.after_tokens(k))
    for name, strategy in STRATEGIES.items():
        att = strategy(q)
        if att is None:
            continue
        att.strategy = name
        if att.head is not None:
            return att
        if q.cue_only is None:
            q.cue_only = att
    return q.cue_only
