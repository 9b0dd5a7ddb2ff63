"""Quotations: direct (full, partial), split, colon-introduced, multi-paragraph and unclosed
quotes, and indirect speech, each tied to its speaker.

How it works, per article:
  1. `find_spans` pairs the quotation marks of each paragraph (curly marks by their shape,
     straight ones by their context; a mark of the other family inside an open quote nests).
     A quote left open runs to its paragraph's end (closed=False) and never costs the rest of
     the article; a paragraph reopening with a mark after an open one continues it.
  2. Spans that are titles ("Face the Nation"), nicknames, markup attributes or scare quotes
     nobody is reported as saying are dropped.
  3. Attribution: the reporting verb (cue, data/quote_cue_verbs.txt) is looked for right
     after the quote (`"...," he said`), in the parse above the quoted words (`noting that
     every party "must act..."`), then before it in the same sentence (`Wallace said, "..."`,
     `Ms Hewitt said: "..."`), in a colon-ended previous paragraph, or as `according to X`
     and `― Name`. Its subject names the speaker; `tasks.extract.quotes.speaker` resolves the name, pronoun
     or description to an entity. A quote with no attribution of its own continues the
     speaker of its paragraph's other quotes, or of the quotation it continues (carried).
  4. Indirect speech: a speech verb outside quotes with a clausal complement and a subject
     ("Putin said Moscow and Paris had common concerns") gives a kind=indirect row.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from tasks.common.datafiles import DataFiles
from tasks.extract.entities.index import EntityIndex
from tasks.model import Article
from tasks.nlp.parse import sentence_index
from tasks.extract.quotes.speaker import Resolver, cannot_speak, lexicon

DATA = DataFiles.beside(__file__)

SENT_END = {".", "!", "?"}
_DASH_NAME = re.compile(r"[ \t]*[―—–]+[ \t]*(?=[A-Z])")
_DASH_SIGNATURE = re.compile(r"[ \t]*(?:[―—–]+|-{1,2})[ \t]*(?=[A-Z])")  # a paragraph signing the quote above
ATTR_PUNCT = {",", "—", "–", "-", ":", "(", ")"}
MAX_REGION_TOKENS = 40
MAX_CLIMB = 12
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj", "dep", "parataxis", "acomp", "attr", "oprd", "npadvmod", "advmod"}
SCARE_MAX_WORDS = 4  # an unattributed partial quote this short is a scare quote or a name
CARRY_PARAGRAPHS = 2  # how far back an unattributed quote paragraph may carry a speaker


@dataclass(frozen=True)
class Marks:
    open: str
    close: str
    both: str
    single_open: str
    single_close: str
    single_both: str
    opening_context: str
    closing_context: str
    doubled_apostrophe: bool
    transcript_label: str


@lru_cache(maxsize=1)
def marks() -> Marks:
    return Marks(**DATA.entries("quote_marks.json"))


@lru_cache(maxsize=1)
def transcript_re() -> re.Pattern:
    return re.compile(marks().transcript_label)


@lru_cache(maxsize=1)
def cue_lemmas() -> tuple[frozenset, frozenset, frozenset]:
    """(all cue lemmas, speech verbs that introduce indirect speech, naming-only verbs)."""
    allc, speech, naming = set(), set(), set()
    for line in DATA.lines("quote_cue_verbs.txt"):
        parts = line.lower().split()
        allc.add(parts[0])
        if "speech" in parts[1:]:
            speech.add(parts[0])
        if "naming" in parts[1:]:
            naming.add(parts[0])
    return frozenset(allc), frozenset(speech), frozenset(naming - speech)


@lru_cache(maxsize=1)
def cue_phrasal() -> dict[str, tuple[frozenset, ...]]:
    """lemma -> word sets; the verb reports speech when all the words of one set hang on it."""
    out: dict[str, list] = {}
    for line in DATA.lines("quote_cue_phrasal.txt"):
        lemma, *words = line.lower().split()
        out.setdefault(lemma, []).append(frozenset(words))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def cue_nouns() -> frozenset:
    return frozenset(w.lower() for w in DATA.lines("quote_cue_nouns.txt"))


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset, frozenset]:
    """(all title words, strong ones that mark a title whatever its case)."""
    allw, strong = set(), set()
    for line in DATA.lines("quote_title_words.txt"):
        parts = line.lower().split()
        allw.add(parts[0])
        if "strong" in parts[1:]:
            strong.add(parts[0])
    return frozenset(allw), frozenset(strong)


@dataclass
class Span:
    """One quotation as found by its marks (one row per paragraph piece)."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when unclosed
    start: int  # quoted words, trimmed
    end: int
    para: int  # index into art.paragraphs
    continues: bool = False  # reopens a quotation left open at the previous paragraph's end
    continued: bool = False  # left open at its paragraph's end, reopened by the next paragraph
    width: int = 1  # characters per mark ('' is two)

    @property
    def outer_end(self) -> int:
        return self.close + self.width if self.close is not None else self.end


# ------------------------------------------------------------------------------------------
# 1. pairing the marks
# ------------------------------------------------------------------------------------------
def _direction(text: str, i: int, ps: int, pe: int, opening: str, closing: str, w: int = 1) -> str | None:
    prev = text[i - 1] if i > ps else ""
    nxt = text[i + w] if i + w < pe else ""
    left_open = prev == "" or prev.isspace() or prev in opening
    right_close = nxt == "" or nxt.isspace() or nxt in closing
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return None


def _pair_paragraph(text: str, ps: int, pe: int, single: bool, m: Marks) -> list[tuple[int, int | None, int]]:
    """(open mark offset, close mark offset or None, mark width) of the paragraph's quotations."""
    if single:
        o_set, c_set, b_set = m.single_open, m.single_close, m.single_both
    else:
        o_set, c_set, b_set = m.open, m.close, m.both
    chars = o_set + c_set + b_set
    doubled = m.doubled_apostrophe and not single
    out: list[tuple[int, int | None, int]] = []
    stack: list[tuple[int, str, int]] = []  # (offset, family, width); [0] is the outer quotation
    i = ps - 1
    while i + 1 < pe:
        i += 1
        ch = text[i]
        w = 1
        if doubled and ch == "'" and i + 1 < pe and text[i + 1] == "'":
            w = 2
        elif ch not in chars:
            continue
        elif single and ch == "'" and ((i + 1 < pe and text[i + 1] == "'") or (i > ps and text[i - 1] == "'")):
            continue  # '' is an encoded double mark, not two single ones
        fam = "straight" if (ch in b_set or w == 2) else "curly"
        ctx = _direction(text, i, ps, pe, m.opening_context, m.closing_context, w)
        if single:
            prev = text[i - 1] if i > ps else ""
            if ctx is None or (ctx == "close" and not stack) or (prev.isalnum() and ctx == "open"):
                i += w - 1
                continue  # apostrophes: don't, dogs' (unless closing an open quote), 90s
        intrinsic = "open" if ch in o_set else "close" if ch in c_set and w == 1 else None
        d = ctx or intrinsic
        if i == ps and not stack:
            d = "open"  # a paragraph opening with a mark opens a quotation, whatever its shape
        if d is None:
            d = "close" if stack else "open"
        if d == "open":
            if not stack:
                stack.append((i, fam, w))
            elif fam != stack[0][1] and len(stack) == 1:
                stack.append((i, fam, w))  # the other family nests inside
            elif len(stack) == 1:
                out.append((stack[0][0], None, stack[0][2]))  # same family reopens: the open one had no close
                stack = [(i, fam, w)]
        else:
            if stack:
                if len(stack) > 1 and stack[-1][1] == fam:
                    stack.pop()
                else:
                    out.append((stack[0][0], i, stack[0][2]))
                    stack = []
            # else: a stray closing mark (inch mark, apostrophe-like) is ignored
        i += w - 1
    if stack:
        out.append((stack[0][0], None, stack[0][2]))
    return out


def find_spans(text: str, paragraphs: list, m: Marks | None = None) -> list[Span]:
    m = m or marks()
    dbl = m.open + m.close + m.both
    # single marks are the article's primary marks only when it has no double ones ('' counts)
    single = not any(c in text for c in dbl) and text.count("''") < 2
    spans: list[Span] = []
    for p in paragraphs:
        for o, c, w in _pair_paragraph(text, p.start, p.end, single, m):
            a, b = o + w, (c if c is not None else p.end)
            seg = text[a:b]
            s = a + (len(seg) - len(seg.lstrip()))
            e = b - (len(seg) - len(seg.rstrip()))
            if e <= s or not any(ch.isalnum() for ch in text[s:e]):
                continue
            spans.append(Span(open=o, close=c, start=s, end=e, para=p.idx, width=w))
    # multi-paragraph quotations: an open quote whose next paragraph starts with a mark
    for prev, cur in zip(spans, spans[1:]):
        if prev.close is None and cur.para == prev.para + 1 and _starts_paragraph(text, cur, paragraphs):
            prev.continued = True
            cur.continues = True
    return spans


def _starts_paragraph(text: str, sp: Span, paragraphs: list) -> bool:
    p = paragraphs[sp.para]
    return text[p.start:sp.open].strip() == ""


# ------------------------------------------------------------------------------------------
# 2.-4. per-article extraction
# ------------------------------------------------------------------------------------------
@dataclass
class Attribution:
    cue: Token | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    head: Token | None = None  # head token of the speaker words
    how: str = "none"  # where it was found: after | tree | before | colon | according | dash | carried
    entity_id: str | None = None
    speaker: str | None = None
    attribution: str = "none"
    source: int | None = None  # index of the quote it was carried from


class _Article:
    def __init__(self, art: Article, doc: Doc, ents: EntityIndex):
        self.art, self.doc, self.ents, self.text = art, doc, ents, art.text
        self.tok_starts = [t.idx for t in doc]
        sent_of = [0] * len(doc)
        for k, s in enumerate(doc.sents):
            for i in range(s.start, s.end):
                sent_of[i] = k
        self.sent_of = sent_of
        self.cues, self.speech, self.naming = cue_lemmas()
        self.phrasal = cue_phrasal()
        self._kinds: dict[int, str] = {}
        self.resolver = Resolver.build(doc, ents, sent_of)
        self.pron = lexicon().pronouns

    # ---- token helpers -------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def is_cue(self, t: Token) -> bool:
        lemma = t.lemma_.lower()
        need = self.phrasal.get(lemma)
        if need is not None:  # "went on", "shot back", "as a memo put it"
            kids = {c.lower_ for c in t.children}
            return t.pos_ == "VERB" and any(words <= kids for words in need)
        # (a reporting verb the tagger took for a noun: "Trump tweeted")
        return t.pos_ in ("VERB", "AUX") and lemma in self.cues or (t.pos_ == "NOUN" and t.lower_ in ("tweeted", "wrote"))

    def inverted_cue(self, t: Token) -> bool:
        """A capitalised reporting verb opening an inverted attribution that the tagger took
        for a name ("Stated Stone:", "Continued Stone:"): its past tense form, sentence-first."""
        w = t.lower_
        if not t.text[:1].isupper() or self.qid[t.i] != -1 or not (t.is_sent_start or t.i == 0 or self.doc[t.i - 1].is_space):
            return False
        return w == "said" or (w.endswith("ed") and (w[:-2] in self.cues or w[:-1] in self.cues)) \
            or (w.endswith("ied") and w[:-3] + "y" in self.cues)

    # ---- spans ---------------------------------------------------------------------------
    def mark_tokens(self, spans: list[Span]) -> None:
        """qid[token] = index of the quote holding the token (marks included), else -1."""
        self.qid = [-1] * len(self.doc)
        for k, sp in enumerate(spans):
            a = self.tok_at(sp.open)
            b = self.tok_at(max(sp.open, sp.outer_end - 1))
            for i in range(a, b + 1):
                self.qid[i] = k
        self.spans = spans
        self._kinds = {}

    # ---- regions of the writer's words around a quote --------------------------------------
    def after_tokens(self, k: int) -> list[Token]:
        sp = self.spans[k]
        if sp.close is None:
            return []
        out = []
        i = self.tok_at(sp.close + sp.width - 1) + 1
        p = self.art.paragraphs[sp.para]
        while i < len(self.doc) and len(out) < MAX_REGION_TOKENS:
            t = self.doc[i]
            if t.idx >= p.end or self.qid[i] != -1:
                break
            out.append(t)
            if t.text in SENT_END:
                break
            i += 1
        return out

    def before_tokens(self, k: int) -> list[Token]:
        """Writer's words before the quote, back to the sentence start (nearest first)."""
        sp = self.spans[k]
        out = []
        i = self.tok_at(sp.open) - 1
        p = self.art.paragraphs[sp.para]
        while i >= 0 and len(out) < MAX_REGION_TOKENS:
            t = self.doc[i]
            if t.idx < p.start or self.qid[i] != -1 or t.text in SENT_END:
                break
            out.append(t)
            i -= 1
        return out

    # ---- speakers of a cue -------------------------------------------------------------------
    def subject_of(self, v: Token) -> Token | None:
        """The token naming who speaks for cue verb v: its subject (the agent of a passive);
        for a participle or an infinitive ("..., noting that", "..., adding") the subject of
        the reporting clause above it, else of the sentence's main verb, else of the nearest
        reporting verb before it in the sentence ("Sanders said, going on to say that")."""
        doc = self.doc
        if v.tag_ == "VBG" and v.i > 0:
            prev = doc[v.i - 1]
            if self.qid[prev.i] == -1 and (prev.ent_type_ in ("PERSON", "ORG") or prev.pos_ == "PROPN") and prev.dep_ not in ("compound",) \
                    and not cannot_speak(prev):
                return prev  # "footage of Hillary Clinton asking, ..."
        cur = v
        for step in range(MAX_CLIMB):
            if step == 0 or (self.qid[cur.i] == -1 and self.is_cue(cur)) or cur.dep_ == "ROOT" or cur.head is cur:
                subj = self._own_subject(cur)
                if subj is not None:
                    return subj
            if cur.dep_ in CLIMB_DEPS and cur.head is not cur:
                if cur.dep_ in ("relcl", "acl") and step == 0 and self.qid[cur.head.i] == -1 and self._personlike(cur.head):
                    return cur.head  # "footage of Trump saying, ..." (but "a statement describing" goes on up)
                cur = cur.head
                continue
            break
        if v.tag_ in ("VBG", "VB"):
            sent = self.sent_of[v.i]
            i = v.i - 1
            while i >= 0 and self.sent_of[i] == sent:
                t = doc[i]
                if self.qid[i] == -1 and self.is_cue(t):
                    subj = self._own_subject(t)
                    if subj is not None:
                        return subj
                i -= 1
            if v.tag_ == "VBG":
                return self._writer_subject_before(v)
        return None

    def fronted_subject(self, v: Token) -> tuple[int, int, Token] | None:
        """`Stuart Stevens, who served as ..., called ...` / `One attendee, who ..., said`: a
        finite cue right after a comma whose subject the parse lost in a long relative clause
        or apposition: the noun phrase opening the sentence, up to its first comma."""
        doc = self.doc
        if v.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or v.i == 0 or doc[v.i - 1].text != "," or self.qid[v.i] != -1:
            return None
        sent = self.sent_of[v.i]
        i = v.i - 1
        while i - 1 >= 0 and self.sent_of[i - 1] == sent and v.i - i < 3 * MAX_REGION_TOKENS:
            i -= 1
        while i < v.i and (doc[i].is_space or doc[i].is_punct):
            i += 1
        toks = []
        for t in doc[i:v.i]:
            if t.text == "," or self.qid[t.i] != -1:
                break
            toks.append(t)
        if not toks or toks[-1].i + 1 >= v.i - 1:
            return None  # no clause between the noun phrase and the cue
        return self.np_words(toks)

    def _writer_subject_before(self, v: Token) -> Token | None:
        """The subject of the writer's clause a participle cue trails, when the parse hung the
        participle elsewhere (on the quoted words): `Flea shared the news, writing "..."`,
        `Weaver didn't seem impressed, telling reporters, "..."`. The nearest subject before
        the cue in its sentence, outside quotes and relative clauses, whose verb is the
        writer's (its head before the cue, outside quotes)."""
        doc = self.doc
        sent = self.sent_of[v.i]
        i = v.i - 1
        n = 0
        while i >= 0 and self.sent_of[i] == sent and n < MAX_REGION_TOKENS:
            t = doc[i]
            n += 1
            i -= 1
            if self.qid[t.i] != -1 or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            h = t.head
            if h.i >= v.i or self.qid[h.i] != -1 or h.dep_ in ("relcl", "acl") or h.pos_ not in ("VERB", "AUX"):
                continue
            if h.dep_ == "ccomp" and self.qid[h.head.i] == -1 and h.head.i < h.i:
                continue  # an embedded clause: "Smith said Jones was wrong, adding ..."
            if t.lower_ in ("that", "which", "who", "it", "there") or cannot_speak(t):
                return None
            return t
        return None

    def _own_subject(self, cur: Token) -> Token | None:
        subj = None
        for ch in cur.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and self.qid[ch.i] == -1:
                subj = ch
        for ag in cur.children:
            if ag.dep_ == "agent":  # passive: "was written by Springsteen"
                for pobj in ag.children:
                    if pobj.dep_ == "pobj" and self.qid[pobj.i] == -1:
                        return pobj
        if subj is not None:
            if subj.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                return subj  # resolved through the noun the clause hangs on
            return subj
        return None

    def mention_span(self, head: Token) -> tuple[int, int]:
        """Character span of the words naming the speaker: the head with its left modifiers
        (title, determiner, adjectives), extended to cover a named mention it overlaps."""
        doc = self.doc
        lo = head.i
        while lo - 1 >= head.left_edge.i:
            t = doc[lo - 1]
            inword = t.text in ("-", "‑") and not t.whitespace_ and lo - 2 >= 0 and not doc[lo - 2].whitespace_  # Secretary-General
            if (t.is_punct and not inword) or self.qid[t.i] != -1 or t.is_space:
                break
            lo -= 1
        hi = head.i
        # keep flat names ("Jim Clyburn" when the head is "Jim")
        while hi + 1 < len(doc) and doc[hi + 1].dep_ in ("compound", "flat") and doc[hi + 1].head.i == head.i and self.qid[hi + 1] == -1:
            hi += 1
        # a title whose name follows ("British Defense Minister Ben Wallace" parsed with the title as head)
        if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ and hi + 1 < len(doc) and doc[hi + 1].ent_type_ == "PERSON" \
                and self.qid[hi + 1] == -1:
            while hi + 1 < len(doc) and doc[hi + 1].ent_type_ == "PERSON" and self.qid[hi + 1] == -1:
                hi += 1
        s, e = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        if head.pos_ == "PROPN" or head.ent_type_:
            for (ms, me, _) in self._mentions_over(s, e):
                s, e = min(s, ms), max(e, me)
        return s, e

    def _mentions_over(self, s: int, e: int):
        r = self.resolver
        i = bisect.bisect_right(r.starts, e - 1)
        out = []
        for j in range(max(0, i - 8), i):
            ms, me, ent = r.mentions[j]
            if ms < e and me > s:
                out.append((ms, me, ent))
        return out

    def attribution_from_cue(self, v: Token, how: str) -> Attribution | None:
        subj = self.subject_of(v)
        if subj is None:
            np = self.fronted_subject(v)
            if np is not None:
                s, e, h = np
                return Attribution(cue=v, speaker_start=s, speaker_end=e, head=h, how=how)
        if subj is None or cannot_speak(subj):
            return Attribution(cue=v, how=how)
        s, e = self.mention_span(subj)
        return Attribution(cue=v, speaker_start=s, speaker_end=e, head=subj, how=how)

    # ---- finding the attribution of quote k --------------------------------------------------
    def attribute(self, k: int) -> Attribution | None:
        sp = self.spans[k]
        after = self.after_tokens(k)
        before = self.before_tokens(k)
        partial = self.kind(k) == "partial"
        # `"...," he said` / `"...," said X` / `"...?" X asked.` / `"..." ― Name`
        a = self.after_cue(k, after)
        if a is not None and a.head is not None:
            return self.outer_source(a, after, before)
        dash = self.dash_name(k) or self.dash_paragraph(k) or self.dash_label(before)
        if dash is not None:
            return dash
        # the parse above the quoted words: `noting that every party "must act..."`
        t = self.tree_cue(k)
        if t is not None and t.head is not None:
            return self.outer_source(t, after, before)
        # before, same sentence: `Wallace said, "..."`, `Ms Hewitt said: "..."`
        b = self.before_cue(before, partial)
        if b is not None and b.head is not None:
            return self.outer_source(b, after, before)
        acc = self.according_to(before) or self.according_to(after)
        if acc is not None:
            return acc
        if not before and sp.para > 0 and not sp.continues:
            c = self.colon_paragraph(sp.para - 1)
            if c is not None:
                return c
        c = self.label_colon(before) or self.noun_cue(before) or self.colon_subject(before)
        if c is not None:
            return c
        if not partial and (not before or before[0].text in SENT_END):
            c = self.preceding_cue(k) or self.preceding_subject(k)
            if c is not None:
                return c
        if partial and (a or t or b) is None:
            c = self.clause_subject(k)
            if c is not None:
                return c
        return a or t or b

    def after_cue(self, k: int, after: list[Token]) -> Attribution | None:
        """`"...," he said` / `"...," said Rep. X` / `"...?" the senator asked`: the cue and its
        subject follow the closing mark directly (only punctuation and the subject's words
        come between). After a quote ending in a full stop a new sentence starts, unless it
        starts in lower case (`"...." he said`)."""
        if not after:
            return None
        glued = self.glued_name(k, after)
        if glued is not None:
            return glued
        first = next((t for t in after if t.text not in ATTR_PUNCT and not t.is_space), None)
        if first is None or first.text in SENT_END:
            return None
        sp = self.spans[k]
        inner = self.text[sp.start:sp.end].rstrip(")’'\"”")
        if inner.endswith(".") and not inner.endswith("...") and first.text[:1].isupper():
            return None
        if inner[-1:] in ("?", "!") and first.pos_ == "PRON" and first.text[:1].isupper() and first.text != "I":
            return None  # `"...?" He then asked ...` starts a new sentence
        for n, t in enumerate(after[:MAX_REGION_TOKENS]):
            if t.text in SENT_END:
                break
            if self.is_cue(t):
                subj = self.subject_of(t)
                if subj is not None and ((subj.i > t.i and subj.i - t.i > 12) or cannot_speak(subj)):
                    subj = None
                if subj is not None:
                    lo, hi = subj.left_edge.i, subj.right_edge.i
                    if all(x.is_punct or x.is_space or lo <= x.i <= hi or x.i == t.i for x in after[:n]):
                        s, e = self.mention_span(subj)
                        return Attribution(cue=t, speaker_start=s, speaker_end=e, head=subj, how="after")
                # inverted with an unparsed subject: `, said Rep. Elijah Cummings`
                if t.i <= first.i + 1:
                    nxt = [x for x in after if x.i > t.i and not x.is_punct]
                    if nxt and (nxt[0].pos_ in ("PROPN", "DET", "NOUN") or nxt[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
                        h = self._np_head(nxt[0])
                        s, e = self.mention_span(h)
                        return Attribution(cue=t, speaker_start=s, speaker_end=e, head=h, how="after")
                # the parse went wrong: take the words between the quote and the cue as a name
                np = self.np_words(after[:n])
                if np is not None:
                    s, e, h = np
                    return Attribution(cue=t, speaker_start=s, speaker_end=e, head=h, how="after")
                return None
            if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") and t.tag_ not in ("VBN", "VBG") and t.text[:1].islower():
                break  # another verb first: the writer's own sentence goes on
            if t.lower_ in ("but", "and", "or", "while", "because", "though", "although", "which", "that"):
                break
        return None

    def glued_name(self, k: int, after: list[Token]) -> Attribution | None:
        """`"...,”Clinton said`: with no space after the closing mark the tokenizer glues the
        name to the quoted words; the name is the rest of that token, the cue follows it."""
        sp = self.spans[k]
        if sp.close is None or not self.is_cue(after[0]):
            return None
        tok = self.doc[self.tok_at(sp.close)]
        s, e = sp.close + sp.width, tok.idx + len(tok.text)
        while e > s and not self.text[e - 1].isalnum():
            e -= 1
        if e - s < 2 or not self.text[s].isupper() or not self.text[s:e].replace(".", "").replace("-", "").isalpha():
            return None
        return Attribution(cue=after[0], speaker_start=s, speaker_end=e, head=tok, how="after")

    def np_words(self, toks: list[Token]) -> tuple[int, int, Token] | None:
        """The words naming a speaker when the parse is no help: `Tulsa police Chief Chuck
        Jordan` (cut at the first comma or bracket); its head is the name it holds, else its
        last noun. None when the words hold a verb (they are a clause, not a name)."""
        toks = [t for t in toks if not t.is_space]
        while toks and (toks[0].is_punct or toks[0].lower_ in ("and", "but")):
            toks = toks[1:]
        core = []
        for t in toks:
            if t.text in (",", "(", "—", "–", ";", ":") or t.pos_ == "SCONJ" or (t.text == "-" and (t.whitespace_ or (t.i > 0 and self.doc[t.i - 1].whitespace_))):
                break
            core.append(t)
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
            if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                head = t
        if head is None:
            for t in core:
                if t.pos_ in ("NOUN", "PROPN", "PRON") and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
                    head = t
        if head is None or cannot_speak(head):
            return None
        return core[0].idx, core[-1].idx + len(core[-1].text), head

    def _np_head(self, t: Token) -> Token:
        h = t
        for _ in range(6):
            if h.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat") and h.head.i > h.i:
                h = h.head
            else:
                break
        return h

    def dash_name(self, k: int) -> Attribution | None:
        """`"..." ― Veronica Cruz`: a name after a dash right after the closing mark."""
        sp = self.spans[k]
        if sp.close is None:
            return None
        m = _DASH_NAME.match(self.text, sp.close + sp.width)
        if m is None:
            return None
        i = self.tok_at(m.end())
        h = self.doc[i]
        if h.idx != m.end() or (h.pos_ != "PROPN" and not h.ent_type_):
            return None
        h = self._np_head(h)
        s, e = self.mention_span(h)
        return Attribution(speaker_start=s, speaker_end=e, head=h, how="dash")

    def dash_paragraph(self, k: int) -> Attribution | None:
        """A quotation closing its paragraph, signed by the next one:
        `"... the top 1 percent."` / `- Bernie Sanders.` (fact-check and roundup style)."""
        sp = self.spans[k]
        paras = self.art.paragraphs
        if sp.close is None or sp.para + 1 >= len(paras):
            return None
        p, nxt = paras[sp.para], paras[sp.para + 1]
        if any(ch.isalnum() for ch in self.text[sp.outer_end:p.end]):
            return None
        m = _DASH_SIGNATURE.match(self.text, nxt.start)
        if m is None:
            return None
        a, b = self.tok_at(m.end()), self.tok_at(max(m.end(), nxt.end - 1))
        if b - a > 12:
            return None  # a sentence, not a signature
        toks = [t for t in self.doc[a:b + 1] if t.idx >= m.end() and self.qid[t.i] == -1 and not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        np = self.np_words(toks)
        if np is None or np[2].ent_type_ not in ("PERSON", "ORG") and np[2].pos_ != "PROPN":
            return None
        s, e, h = np
        return Attribution(speaker_start=s, speaker_end=e, head=h, how="dash")

    def tree_cue(self, k: int) -> Attribution | None:
        """A cue verb above the quoted words in the parse. Naming verbs ("called it", "likened
        them to") count only close above the quote; speech verbs at any height. When speech
        verbs nest ("Holm said that the ad "..." suggests"), the outermost one with a subject
        reports the words. A noun of saying with a possessor gives the possessor ("Trump's claim
        that ...")."""
        sp = self.spans[k]
        doc = self.doc
        a = self.tok_at(sp.start)
        b = self.tok_at(max(sp.start, sp.end - 1))
        nouns = cue_nouns()
        for i in ([a, b] if a != b else [a]):
            t = doc[i]
            depth = 0
            found: Token | None = None
            prev: Token | None = None  # the child through which the climb reached t
            chain = True  # the path up from the first cue runs through complement clauses only
            noun_att: Attribution | None = None  # "Trump's claim that ...", unless a reporting verb is above
            for _ in range(MAX_CLIMB):
                if self.qid[t.i] == -1:
                    depth += 1
                    if self.is_cue(t) and (depth <= 3 or t.lemma_.lower() not in self.naming):
                        if found is None:
                            found = t
                        elif chain and prev is not None and prev.dep_ == "ccomp" and t.lemma_.lower() in self.speech \
                                and self._own_subject(t) is not None:
                            found = t  # the clause holding the first cue is what t reports
                    elif found is None and noun_att is None and t.pos_ == "NOUN" and t.lemma_.lower() in nouns \
                            and prev is not None and prev.dep_ not in ("amod", "compound", "nmod", "det"):
                        poss = next((c for c in t.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her")), None)
                        if poss is not None and self.qid[poss.i] == -1:
                            s, e = self.mention_span(poss)
                            noun_att = Attribution(speaker_start=s, speaker_end=e, head=poss, how="tree")
                if t.head is t:
                    break
                if found is not None and t.dep_ not in ("ccomp", "conj", "xcomp"):
                    chain = False
                prev = t
                t = t.head
            if found is not None:
                return self.attribution_from_cue(found, "tree")
            if noun_att is not None:
                return noun_att
        return None

    def before_cue(self, before: list[Token], partial: bool) -> Attribution | None:
        """`Wallace said, "..."`, `Ms Hewitt said: "..."`, `Said Ellis: "..."`."""
        for n, t in enumerate(before):
            if (self.is_cue(t) and (n < 5 or t.lemma_.lower() not in self.naming)) or (n == len(before) - 1 and self.inverted_cue(t)):
                att = self.attribution_from_cue(t, "before")
                if att.head is not None:
                    return att
                order = before[::-1]  # sentence order
                pos = order.index(t)
                ahead = [x for x in order[pos + 1:] if not x.is_punct]
                if pos == 0 or all(x.is_punct for x in order[:pos]):
                    np = self.np_words(order[pos + 1:])  # inverted: "Said Ellis:"
                else:
                    lead = order[:pos]
                    cut = max((i for i, x in enumerate(lead) if x.text in (",", ";", ":", "—")), default=-1)
                    np = self.np_words(lead[cut + 1:])
                if np is not None and (ahead or pos > 0):
                    s, e, h = np
                    return Attribution(cue=t, speaker_start=s, speaker_end=e, head=h, how="before")
                return att
        return None

    def colon_subject(self, before: list[Token]) -> Attribution | None:
        """`President Obama is rolling out a new message: "It's about me."`: a quote a colon
        introduces, with no reporting verb, is given by the subject of the introducing clause."""
        if not before or before[0].text != ":":
            return None
        person = next((t for t in before[1:] if t.ent_type_ == "PERSON" and t.dep_ not in ("poss",)), None)
        for t in before[1:]:
            if t.dep_ in ("nsubj", "nsubjpass") and (self._speakerlike(t) or t.pos_ in ("NOUN", "PROPN")):
                if not self._speakerlike(t) and person is not None:
                    t = person  # `The timing of the surge doesn't surprise pollster Daron Shaw: "..."`
                s, e = self.mention_span(t)
                return Attribution(speaker_start=s, speaker_end=e, head=t, how="colon")
        return None

    def label_colon(self, before: list[Token]) -> Attribution | None:
        """`Clinton: "Our goal is ..."`, `Rep. Trey Gowdy (R-S.C.): "..."`: a sentence that is
        only a name and a colon labels the speaker (transcripts, debate roundups)."""
        if not before or before[0].text != ":" or len(before) > 12:
            return None
        np = self.np_words(before[:0:-1])
        if np is None or (np[2].ent_type_ not in ("PERSON", "ORG") and np[2].pos_ != "PROPN"):
            return None
        return Attribution(speaker_start=np[0], speaker_end=np[1], head=np[2], how="colon")

    def noun_cue(self, before: list[Token]) -> Attribution | None:
        """`Trump issued a statement, "..."` / `The Florida senator's answer was that "..."`: a
        noun of saying before the quote, with a possessor or as the object of a verb whose
        subject is a speaker."""
        nouns = cue_nouns()
        for t in before:
            if t.pos_ != "NOUN" or t.lemma_.lower() not in nouns:
                continue
            poss = next((c for c in t.children if c.dep_ == "poss" and self.qid[c.i] == -1), None)
            h = poss
            if h is None and t.dep_ == "dobj" and self.qid[t.head.i] == -1:
                h = self._own_subject(t.head)
            if h is None or h.lower_ in ("its", "their", "his", "her", "it", "that", "which", "who") or not self._speakerlike(h):
                return None
            s, e = self.mention_span(h)
            return Attribution(speaker_start=s, speaker_end=e, head=h, how="before")
        return None

    def dash_label(self, before: list[Token]) -> Attribution | None:
        """`Pollsters agree - Carl Bialik: "..."`: a name between a dash and the colon that
        introduces the quote (roundup style) is its source, whatever the headline says."""
        if not before or before[0].text != ":":
            return None
        label = []
        for t in before[1:]:
            if t.text in ("-", "—", "–", "―") and (t.whitespace_ or t.i == 0 or self.doc[t.i - 1].whitespace_):
                np = self.np_words(label[::-1])
                if np is not None and np[2].ent_type_ in ("PERSON", "ORG"):
                    s, e, h = np
                    return Attribution(speaker_start=s, speaker_end=e, head=h, how="colon")
                return None
            if len(label) > 8:
                return None
            label.append(t)
        return None

    def _known_person(self, t: Token) -> bool:
        """A name the tagger mislabelled here but the article's entities know as a person."""
        if t.pos_ != "PROPN":
            return False
        e = self.resolver.entity_at(t.idx, t.idx + len(t.text), prefer=t.idx)
        return e is not None and e.label == "PERSON"

    def _personlike(self, t: Token) -> bool:
        low = t.lower_
        nouns = lexicon().person_nouns
        return t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN" or low in nouns \
            or (low.endswith("s") and low[:-1] in nouns) or t.lemma_.lower() in nouns

    def _speakerlike(self, t: Token) -> bool:
        return t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.lower_ in self.pron or t.pos_ == "PROPN" \
            or t.lower_ in lexicon().person_nouns

    def clause_subject(self, k: int) -> Attribution | None:
        """A fragment in the writer's sentence with no reporting verb ("Reid has gone after
        Trump as a "con artist""): the subject of the sentence's main clause above it, if a
        person, an organisation or a pronoun."""
        sp = self.spans[k]
        t = self.doc[self.tok_at(sp.start)]
        best = None
        for _ in range(MAX_CLIMB):
            if t.pos_ in ("VERB", "AUX"):
                subj = self._own_subject(t)  # subjects inside quotes are never taken
                if subj is not None:
                    best = subj
            if t.head is t:
                break
            t = t.head
        if best is not None and self._speakerlike(best) and best.lower_ not in ("it", "that", "which", "this", "who"):
            s, e = self.mention_span(best)
            return Attribution(speaker_start=s, speaker_end=e, head=best, how="subject")
        return None

    def preceding_cue(self, k: int) -> Attribution | None:
        """A quote opening a sentence with no attribution of its own continues the nearest
        reporting verb before it in its paragraph (`..., Schiff said. "The other factor..."`)."""
        sp = self.spans[k]
        return self.cue_before(self.tok_at(sp.open) - 1, self.art.paragraphs[sp.para].start, 4 * MAX_REGION_TOKENS, "carried")

    def cue_before(self, i: int, start: int, limit: int, how: str) -> Attribution | None:
        """The first reporting verb outside quotes, scanning back from token i to character
        `start` over at most `limit` tokens, that names a speaker."""
        stop = i - limit
        while i >= 0 and i > stop and self.doc[i].idx >= start:
            t = self.doc[i]
            if self.qid[i] == -1 and self.is_cue(t):
                att = self.attribution_from_cue(t, how)
                if att.head is not None:
                    return att
            i -= 1
        return None

    def outer_source(self, att: Attribution, after: list[Token], before: list[Token]) -> Attribution:
        """`"...," Sanders said, according to CNN`: the words reach the writer through the
        outer source, which the reporting sentence names; it is the attribution's source."""
        acc = self.according_to(after) or self.according_to(before)
        if acc is None or acc.head is None or (att.head is not None and acc.head.i == att.head.i):
            return att
        acc.cue, acc.how = att.cue, att.how
        return acc

    def according_to(self, region: list[Token]) -> Attribution | None:
        for t in region:
            prep = None
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                prep = self.doc[t.i + 1]
            elif t.lower_ == "per" and t.pos_ == "ADP":
                prep = t
            if prep is not None:
                for ch in prep.children:
                    if ch.dep_ == "pobj":
                        s, e = self.mention_span(ch)
                        return Attribution(speaker_start=s, speaker_end=e, head=ch, how="according")
        return None

    def colon_paragraph(self, pidx: int) -> Attribution | None:
        p = self.art.paragraphs[pidx]
        if not p.text.rstrip().endswith(":"):
            return None
        end_tok = self.tok_at(p.end - 1)
        att = self.cue_before(end_tok, p.start, MAX_REGION_TOKENS, "colon")
        if att is not None:
            return att
        first = self.doc[self.tok_at(p.start)]
        if self.inverted_cue(first):  # "Stated Stone:" (the tagger took the cue for a name)
            toks = [t for t in self.doc[first.i + 1:end_tok + 1] if self.qid[t.i] == -1]
            np = self.np_words(toks)
            if np is not None:
                s, e, h = np
                return Attribution(cue=first, speaker_start=s, speaker_end=e, head=h, how="colon")
        # no reporting verb: "Sanders made the following comment:"
        root = self.doc[end_tok].sent.root
        subj = self._own_subject(root)
        if subj is not None and self._speakerlike(subj):
            s, e = self.mention_span(subj)
            return Attribution(speaker_start=s, speaker_end=e, head=subj, how="colon")
        return None

    def preceding_subject(self, k: int) -> Attribution | None:
        """A quote opening a sentence with no attribution at all, right after a sentence about
        a named person (`Sen. Bernie Sanders ... identified ... "The younger people are ..."`):
        that sentence's subject."""
        sp = self.spans[k]
        i = self.tok_at(sp.open) - 1
        p = self.art.paragraphs[sp.para]
        if i < 0 or self.doc[i].idx < p.start or self.qid[i] != -1:
            return None
        return self._sentence_subject(i, "carried")

    def previous_paragraph_subject(self, k: int) -> Attribution | None:
        """A quote paragraph with no attribution after a paragraph whose last sentence is
        about a named person (`Valastro praised Christie's leadership ...` / `"We need ..."`)."""
        sp = self.spans[k]
        if sp.para == 0 or not _starts_paragraph(self.text, sp, self.art.paragraphs):
            return None
        prev = self.art.paragraphs[sp.para - 1]
        if prev.kind != "body":
            return None
        i = self.tok_at(prev.end - 1)
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or self.doc[i].idx < prev.start or self.qid[i] != -1:
            return None
        return self._sentence_subject(i, "carried")

    def _sentence_subject(self, i: int, how: str) -> Attribution | None:
        root = self.doc[i].sent.root
        if self.qid[root.i] != -1:
            return None
        subj = self._own_subject(root)
        if subj is not None and (subj.ent_type_ in ("PERSON", "ORG") or subj.lower_ in ("he", "she") or self._known_person(subj)):
            s, e = self.mention_span(subj)
            return Attribution(speaker_start=s, speaker_end=e, head=subj, how=how)
        return None

    # ---- kind and filters ----------------------------------------------------------------
    def kind(self, k: int) -> str:
        if k not in self._kinds:
            self._kinds[k] = self._kind(k)
        return self._kinds[k]

    def _kind(self, k: int) -> str:
        sp = self.spans[k]
        first = self.text[sp.start]
        p = self.art.paragraphs[sp.para]
        pre = self.text[p.start:sp.open].rstrip()
        if not (first.isupper() or first.isdigit() or first in "[…."):
            return "partial"
        if not pre or pre[-1] in ":,.!?;—–-\"”“(" :
            return "full"
        last = pre.split()[-1].lower() if pre.split() else ""
        if last == "that":
            return "full"
        t = self.doc[self.tok_at(len(pre) + p.start - 1)] if pre else None
        if t is not None and self.is_cue(t):
            return "full"
        return "partial"

    def is_markup(self, sp: Span) -> bool:
        """Not quotations whatever their attribution: tag attributes, transcript turns
        (`"PENCE: ...`), titles after "titled", nicknames inside names (Robert C. "Bobby" Scott)."""
        text = self.text
        inner = text[sp.start:sp.end]
        prev = text[sp.open - 1] if sp.open > 0 else ""
        if prev == "=" or transcript_re().match(inner):
            return True
        words = inner.split()
        if len(words) > 8:
            return False
        _, strong = title_words()
        p = self.art.paragraphs[sp.para]
        pre_words = text[p.start:sp.open].split()
        last = pre_words[-1].lower().strip(",") if pre_words else ""
        if last in strong:
            return True
        if len(words) == 1 and sp.close is not None and words[0][:1].isupper():
            nxt = text[sp.close + sp.width:sp.close + sp.width + 2].strip()
            if pre_words and pre_words[-1][:1].isupper() and nxt[:1].isupper():
                return True
        return False

    def is_title(self, k: int, att: Attribution | None) -> bool:
        """Titles and names: "Face the Nation", "Contract with America"."""
        sp = self.spans[k]
        text = self.text
        words = text[sp.start:sp.end].split()
        if len(words) > 8:
            return False
        allw, strong = title_words()
        p = self.art.paragraphs[sp.para]
        pre_words = text[p.start:sp.open].split()
        last = pre_words[-1].lower().strip(",") if pre_words else ""
        core = [w.strip(",.:;!?()") for w in words]
        core = [w for w in core if w]
        title_case = bool(core) and all(w[0].isupper() or w[0].isdigit() or (len(w) <= 3 and w.islower()) for w in core) \
            and (core[0][0].isupper() or core[0][0].isdigit())
        if not title_case:
            return False
        if last in allw or last.endswith("'s") or last.endswith("’s") or last in ("of", "on", "in", "at"):
            return True
        # a title-cased name in the writer's sentence that nobody is said to say right there
        adjacent = att is not None and att.head is not None and att.how in ("after", "before", "dash")
        if self.kind(k) == "partial" and sum(1 for w in core if w[0].isupper()) >= 2 and not adjacent:
            return True
        return False

    def n_words(self, k: int) -> int:
        sp = self.spans[k]
        return len(self.text[sp.start:sp.end].split())

    # ---- indirect speech -------------------------------------------------------------------
    def indirect(self) -> list[tuple[int, int, Token, Token]]:
        """(start, end, cue, subject) of reported clauses outside direct quotes."""
        out = []
        doc = self.doc
        for t in doc:
            if t.pos_ != "VERB" or self.qid[t.i] != -1 or t.lemma_.lower() not in self.speech:
                continue
            comp = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
            if comp is None:
                continue
            lo, hi = comp.left_edge.i, comp.right_edge.i
            if any(self.qid[i] != -1 for i in range(lo, hi + 1)):
                continue
            while lo <= hi and (doc[lo].dep_ == "mark" or doc[lo].is_punct):
                lo += 1
            while hi >= lo and doc[hi].is_punct:
                hi -= 1
            if hi - lo < 2:
                continue
            subj = self.subject_of(t)
            if subj is None or cannot_speak(subj):
                continue
            out.append((doc[lo].idx, doc[hi].idx + len(doc[hi].text), t, subj))
        return out


def extract(art: Article, doc: Doc, ents: EntityIndex) -> list[dict]:
    """Rows of the quotes table for one article (schemas.QUOTES)."""
    if not art.text or not len(doc) or not art.paragraphs:
        return []
    A = _Article(art, doc, ents)
    spans = find_spans(art.text, art.paragraphs)
    A.mark_tokens(spans)
    spans = [sp for sp in spans if not A.is_markup(sp)]
    A.mark_tokens(spans)  # dropped marks (nicknames, attributes) no longer cut the writer's words

    atts: list[Attribution | None] = [A.attribute(k) for k in range(len(spans))]
    # which spans are quotations at all
    keep = [True] * len(spans)
    for k, sp in enumerate(spans):
        if A.is_title(k, atts[k]):
            keep[k] = False
    # carry within a paragraph (a fragment only within its sentence), then across continued /
    # following quote paragraphs
    for k, sp in enumerate(spans):
        if not keep[k] or (atts[k] is not None and atts[k].head is not None):
            continue
        partial = A.kind(k) == "partial"
        sent_k = A.sent_of[A.tok_at(sp.open)]
        src = None
        for j in list(range(k - 1, -1, -1)) + list(range(k + 1, len(spans))):
            if spans[j].para != sp.para:
                if j > k:
                    break
                continue
            if partial and A.sent_of[A.tok_at(spans[j].open)] != sent_k:
                continue
            if keep[j] and atts[j] is not None and atts[j].head is not None and atts[j].how not in ("carried", "subject"):
                src = j
                break
        if src is None and not partial and (sp.continues or _starts_paragraph(art.text, sp, art.paragraphs)):
            for j in range(k - 1, -1, -1):
                if spans[j].para < sp.para - CARRY_PARAGRAPHS:
                    break
                if keep[j] and atts[j] is not None and atts[j].head is not None:
                    src = j
                    break
            if src is not None and not sp.continues and spans[src].para < sp.para - 1:
                # a paragraph about someone else came between: `Carter said that ...` / `"..."`
                c = A.previous_paragraph_subject(k)
                if c is not None and c.cue is None:
                    atts[k] = c
                    continue
        if src is None and not partial:
            c = A.previous_paragraph_subject(k)
            if c is not None:
                atts[k] = c
                continue
        if src is not None:
            s = atts[src]
            atts[k] = Attribution(cue=s.cue if atts[k] is None or atts[k].cue is None else atts[k].cue,
                                  speaker_start=s.speaker_start, speaker_end=s.speaker_end, head=s.head, how="carried", source=src)
    for k, sp in enumerate(spans):
        if not keep[k] or A.n_words(k) > SCARE_MAX_WORDS:
            continue
        att = atts[k]
        if att is None or (att.head is None and att.cue is None):
            # a scare quote nobody is reported as saying; a short sentence in marks with no
            # attribution at all is a slogan, a sign or a title ("Thank you Georgia.")
            keep[k] = False

    # resolve speakers in text order (resolved speakers become antecedents for later pronouns)
    events: list[tuple[int, str, int]] = [(spans[k].start, "q", k) for k in range(len(spans)) if keep[k]]
    ind = A.indirect()
    events += [(s, "i", n) for n, (s, *_rest) in enumerate(ind)]
    events.sort()
    ind_atts: dict[int, Attribution] = {}
    for _, what, k in events:
        att = atts[k] if what == "q" else None
        if what == "i":
            s, e, cue, subj = ind[k]
            ms, me = A.mention_span(subj)
            att = Attribution(cue=cue, speaker_start=ms, speaker_end=me, head=subj, how="indirect")
            ind_atts[k] = att
        if att is None or att.head is None:
            continue
        if att.how == "carried" and att.source is not None and atts[att.source] is not None:
            src = atts[att.source]
            att.entity_id, att.speaker = src.entity_id, src.speaker
            att.attribution = "carried"
            continue
        res = A.resolver.resolve(att.speaker_start, att.speaker_end, att.head)
        att.speaker = res.speaker
        att.entity_id = res.entity.entity_id if res.entity else None
        # a quote with no attribution of its own continues a speaker named earlier: carried
        att.attribution = "carried" if att.how == "carried" else res.attribution
        if res.entity is not None:
            A.resolver.note_speaker(att.speaker_start, att.head.i, res.entity)

    rows: list[tuple[int, dict]] = []
    for k, sp in enumerate(spans):
        if keep[k]:
            rows.append((sp.start, _row(A, sp.start, sp.end, sp.para, A.kind(k), sp.close is not None or sp.continued, atts[k])))
    for n, (s, e, cue, subj) in enumerate(ind):
        rows.append((s, _row(A, s, e, art.paragraph_at(s), "indirect", True, ind_atts.get(n))))
    rows.sort(key=lambda r: r[0])
    out = []
    for n, (_, r) in enumerate(rows):
        r["quote_id"] = f"{art.article_id}:q:{n}"
        out.append(r)
    return out


def _row(A: _Article, s: int, e: int, para: int, kind: str, closed: bool, att: Attribution | None) -> dict:
    art = A.art
    has_spk = att is not None and att.speaker_start is not None
    return {
        "article_id": art.article_id,
        "quote_id": "",
        "paragraph_idx": para,
        "sentence_idx": sentence_index(art.sentences, s),
        "char_start": s,
        "char_end": e,
        "text": art.text[s:e],
        "kind": kind,
        "closed": bool(closed),
        "speaker": att.speaker if att is not None else None,
        "speaker_entity_id": att.entity_id if att is not None else None,
        "speaker_mention": art.text[att.speaker_start:att.speaker_end] if has_spk else None,
        "speaker_char_start": att.speaker_start if has_spk else None,
        "speaker_char_end": att.speaker_end if has_spk else None,
        "cue": att.cue.text if att is not None and att.cue is not None else None,
        "attribution": att.attribution if has_spk else "none",
    }
