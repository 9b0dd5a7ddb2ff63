"""Quotations: direct (full, partial), split, colon-introduced, multi-paragraph and unclosed
quotes, and indirect speech, each tied to its speaker.

How it works, per article:
  1. `find_spans` pairs the quotation marks of each paragraph (curly marks by their shape,
     straight ones by their context; a mark of the other family inside an open quote nests).
     A quote left open runs to its paragraph's end (closed=False) and never costs the rest of
     the article; a paragraph reopening with a mark after an open one continues it.
  2. Spans that are titles ("Face the Nation"), nicknames, markup attributes or scare quotes
     nobody is reported as saying are dropped.
  3. Attribution: the reporting verb (cue, tasks/data/quote_cue_verbs.txt) is looked for right
     after the quote (`"...," he said`), in the parse above the quoted words (`noting that
     every party "must act..."`), then before it in the same sentence (`Wallace said, "..."`,
     `Ms Hewitt said: "..."`), in a colon-ended previous paragraph, or as `according to X`
     and `― Name`. Its subject names the speaker; `tasks.speakers` resolves the name, pronoun
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

from tasks.data import load_json, load_lines
from tasks.entities import EntityIndex
from tasks.model import Article
from tasks.nlp import sentence_index
from tasks.speakers import Resolver, lexicon

SENT_END = {".", "!", "?"}
ATTR_PUNCT = {",", "—", "–", "-", ":", "(", ")"}
MAX_REGION_TOKENS = 40
MAX_CLIMB = 12
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


@lru_cache(maxsize=1)
def marks() -> Marks:
    m = load_json("quote_marks.json")
    return Marks(**{k: v for k, v in m.items() if not k.startswith("_")})


@lru_cache(maxsize=1)
def cue_lemmas() -> tuple[frozenset, frozenset, frozenset]:
    """(all cue lemmas, speech verbs that introduce indirect speech, naming-only verbs)."""
    allc, speech, naming = set(), set(), set()
    for line in load_lines("quote_cue_verbs.txt"):
        parts = line.lower().split()
        allc.add(parts[0])
        if "speech" in parts[1:]:
            speech.add(parts[0])
        if "naming" in parts[1:]:
            naming.add(parts[0])
    return frozenset(allc), frozenset(speech), frozenset(naming - speech)


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset, frozenset]:
    """(all title words, strong ones that mark a title whatever its case)."""
    allw, strong = set(), set()
    for line in load_lines("quote_title_words.txt"):
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

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


# ------------------------------------------------------------------------------------------
# 1. pairing the marks
# ------------------------------------------------------------------------------------------
def _direction(text: str, i: int, ps: int, pe: int, opening: str, closing: str) -> str | None:
    prev = text[i - 1] if i > ps else ""
    nxt = text[i + 1] if i + 1 < pe else ""
    left_open = prev == "" or prev.isspace() or prev in opening
    right_close = nxt == "" or nxt.isspace() or nxt in closing
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return None


def _pair_paragraph(text: str, ps: int, pe: int, single: bool, m: Marks) -> list[tuple[int, int | None]]:
    """(open mark offset, close mark offset or None) of the paragraph's quotations."""
    if single:
        o_set, c_set, b_set = m.single_open, m.single_close, m.single_both
    else:
        o_set, c_set, b_set = m.open, m.close, m.both
    chars = o_set + c_set + b_set
    out: list[tuple[int, int | None]] = []
    stack: list[tuple[int, str]] = []  # (offset, family); [0] is the outer quotation
    for i in range(ps, pe):
        ch = text[i]
        if ch not in chars:
            continue
        fam = "straight" if ch in b_set else "curly"
        ctx = _direction(text, i, ps, pe, m.opening_context, m.closing_context)
        if single:
            prev = text[i - 1] if i > ps else ""
            if ctx is None or (ctx == "close" and not stack) or (prev.isalnum() and ctx == "open"):
                continue  # apostrophes: don't, dogs' (unless closing an open quote), 90s
        intrinsic = "open" if ch in o_set else "close" if ch in c_set else None
        d = ctx or intrinsic
        if d is None:
            d = "close" if stack else "open"
        if d == "open":
            if not stack:
                stack.append((i, fam))
            elif fam != stack[0][1] and len(stack) == 1:
                stack.append((i, fam))  # the other family nests inside
            elif len(stack) == 1:
                out.append((stack[0][0], None))  # same family reopens: the open one had no close
                stack = [(i, fam)]
        else:
            if not stack:
                continue  # stray closing mark (inch mark, apostrophe-like): ignore
            if len(stack) > 1 and stack[-1][1] == fam:
                stack.pop()
            else:
                out.append((stack[0][0], i))
                stack = []
    if stack:
        out.append((stack[0][0], None))
    return out


def find_spans(text: str, paragraphs: list, m: Marks | None = None) -> list[Span]:
    m = m or marks()
    dbl = m.open + m.close + m.both
    single = not any(c in text for c in dbl)
    spans: list[Span] = []
    for p in paragraphs:
        for o, c in _pair_paragraph(text, p.start, p.end, single, m):
            a, b = o + 1, (c if c is not None else p.end)
            seg = text[a:b]
            s = a + (len(seg) - len(seg.lstrip()))
            e = b - (len(seg) - len(seg.rstrip()))
            if e <= s or not any(ch.isalnum() for ch in text[s:e]):
                continue
            spans.append(Span(open=o, close=c, start=s, end=e, para=p.idx))
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
        self.sent_start_tok: list[int] = []
        for k, s in enumerate(doc.sents):
            self.sent_start_tok.append(s.start)
            for i in range(s.start, s.end):
                sent_of[i] = k
        self.sent_of = sent_of
        self.cues, self.speech, self.naming = cue_lemmas()
        self.resolver = Resolver.build(doc, ents, sent_of)
        self.pron = lexicon().pronouns

    # ---- token helpers -------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def is_cue(self, t: Token) -> bool:
        return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.cues or (
            t.pos_ == "NOUN" and t.lower_ in ("tweeted", "wrote")
        )

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

    def para_of_tok(self, i: int) -> int:
        return self.art.paragraph_at(self.doc[i].idx)

    # ---- regions of the writer's words around a quote --------------------------------------
    def after_tokens(self, k: int) -> list[Token]:
        sp = self.spans[k]
        if sp.close is None:
            return []
        out = []
        i = self.tok_at(sp.close) + 1
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
    def subject_of(self, v: Token, region: set[int] | None = None) -> Token | None:
        """The token naming who speaks for cue verb v."""
        cur = v
        for _ in range(4):
            subj = None
            for ch in cur.children:
                if ch.dep_ in ("nsubj", "nsubjpass") and self.qid[ch.i] == -1:
                    subj = ch
                    if ch.dep_ == "nsubjpass":
                        for ag in cur.children:
                            if ag.dep_ == "agent":
                                for pobj in ag.children:
                                    if pobj.dep_ == "pobj":
                                        subj = pobj
            if subj is not None:
                if subj.lower_ in ("that", "which") and subj.head.head.pos_ in ("NOUN", "PROPN"):
                    subj = subj.head.head
                elif subj.lower_ == "who" and cur.dep_ == "relcl":
                    subj = cur.head
                return subj
            # inverted "said Rep. Jim Clyburn": the name parsed as an object
            for ch in cur.children:
                if ch.i > cur.i and ch.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos", "oprd") and self.qid[ch.i] == -1 \
                        and (ch.pos_ == "PROPN" or ch.ent_type_ in ("PERSON", "ORG")):
                    return ch
            if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "relcl") and cur.head is not cur:
                if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    return cur.head
                cur = cur.head
                continue
            break
        return None

    def mention_span(self, head: Token) -> tuple[int, int]:
        """Character span of the words naming the speaker: the head with its left modifiers
        (title, determiner, adjectives), extended to cover a named mention it overlaps."""
        doc = self.doc
        lo = head.i
        while lo - 1 >= head.left_edge.i:
            t = doc[lo - 1]
            if t.is_punct or self.qid[t.i] != -1 or t.is_space:
                break
            lo -= 1
        hi = head.i
        # keep flat names ("Jim Clyburn" when the head is "Jim")
        while hi + 1 < len(doc) and doc[hi + 1].dep_ in ("compound", "flat") and doc[hi + 1].head.i == head.i and self.qid[hi + 1] == -1:
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
        a = self.after_cue(after)
        if a is not None and a.head is not None:
            return a
        dash = self.dash_name(after)
        if dash is not None:
            return dash
        # the parse above the quoted words: `noting that every party "must act..."`
        t = self.tree_cue(k)
        if t is not None and t.head is not None:
            return t
        # before, same sentence: `Wallace said, "..."`, `Ms Hewitt said: "..."`
        b = self.before_cue(before, partial)
        if b is not None and b.head is not None:
            return b
        acc = self.according_to(before) or self.according_to(after)
        if acc is not None:
            return acc
        if not before and sp.para > 0 and not sp.continues:
            c = self.colon_paragraph(sp.para - 1)
            if c is not None:
                return c
        return a or t or b

    def after_cue(self, after: list[Token]) -> Attribution | None:
        if not after:
            return None
        words = [t for t in after if not t.is_punct]
        if not words:
            return None
        # the attribution must begin right after the quote (after a comma or dash at most)
        first = next((t for t in after if t.text not in ATTR_PUNCT and not t.is_space), None)
        if first is None or first.text in SENT_END:
            return None
        for t in after[:16]:
            if t.text in SENT_END:
                break
            if self.is_cue(t):
                att = self.attribution_from_cue(t, "after")
                if att.head is not None and att.head.i >= after[0].i:
                    return att
                # inverted with an unparsed subject: `, said Rep. Elijah Cummings`
                nxt = [x for x in after if x.i > t.i and not x.is_punct]
                if nxt and t.i <= first.i + 1 and (nxt[0].pos_ in ("PROPN", "PRON", "DET", "NOUN") or nxt[0].ent_type_):
                    h = self._np_head(nxt[0])
                    s, e = self.mention_span(h)
                    return Attribution(cue=t, speaker_start=s, speaker_end=e, head=h, how="after")
                if att.head is not None:
                    return att
                return att
            if t.pos_ in ("VERB",) and t.dep_ not in ("amod", "compound") and t.lemma_.lower() not in self.cues and t.tag_ not in ("VBN", "VBG"):
                break  # another verb first: the writer's own sentence goes on
        return None

    def _np_head(self, t: Token) -> Token:
        h = t
        for _ in range(6):
            if h.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat") and h.head.i > h.i:
                h = h.head
            else:
                break
        return h

    def dash_name(self, after: list[Token]) -> Attribution | None:
        if len(after) < 2 or after[0].text not in ("―", "—", "–", "-", "--"):
            return None
        h = after[1]
        if h.pos_ != "PROPN" and not h.ent_type_:
            return None
        h = self._np_head(h)
        s, e = self.mention_span(h)
        return Attribution(speaker_start=s, speaker_end=e, head=h, how="dash")

    def tree_cue(self, k: int) -> Attribution | None:
        sp = self.spans[k]
        doc = self.doc
        firsts = []
        a = self.tok_at(sp.start)
        b = self.tok_at(max(sp.start, sp.end - 1))
        firsts = [a, b] if a != b else [a]
        for i in firsts:
            t = doc[i]
            for _ in range(MAX_CLIMB):
                if self.qid[t.i] == -1 and self.is_cue(t):
                    return self.attribution_from_cue(t, "tree")
                if t.head is t:
                    break
                t = t.head
        return None

    def before_cue(self, before: list[Token], partial: bool) -> Attribution | None:
        for t in before:
            if self.is_cue(t):
                return self.attribution_from_cue(t, "before")
        return None

    def according_to(self, region: list[Token]) -> Attribution | None:
        for t in region:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                for ch in self.doc[t.i + 1].children:
                    if ch.dep_ == "pobj":
                        s, e = self.mention_span(ch)
                        return Attribution(speaker_start=s, speaker_end=e, head=ch, how="according")
        return None

    def colon_paragraph(self, pidx: int) -> Attribution | None:
        p = self.art.paragraphs[pidx]
        if not p.text.rstrip().endswith(":"):
            return None
        end_tok = self.tok_at(p.end - 1)
        i = end_tok
        while i >= 0 and self.doc[i].idx >= p.start and end_tok - i < MAX_REGION_TOKENS:
            t = self.doc[i]
            if self.qid[i] == -1 and self.is_cue(t):
                att = self.attribution_from_cue(t, "colon")
                if att.head is not None:
                    return att
            i -= 1
        return None

    # ---- kind and filters ----------------------------------------------------------------
    def kind(self, k: int) -> str:
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

    def is_title(self, k: int) -> bool:
        """Titles, names and markup: "Face the Nation", Robert C. "Bobby" Scott, tag attributes."""
        sp = self.spans[k]
        text = self.text
        inner = text[sp.start:sp.end]
        prev = text[sp.open - 1] if sp.open > 0 else ""
        if prev == "=":
            return True
        words = inner.split()
        if len(words) > 8:
            return False
        allw, strong = title_words()
        p = self.art.paragraphs[sp.para]
        pre_words = text[p.start:sp.open].split()
        last = pre_words[-1].lower().strip(",") if pre_words else ""
        if last in strong:
            return True
        core = [w.strip(",.:;!?()") for w in words]
        core = [w for w in core if w]
        title_case = bool(core) and all(w[0].isupper() or w[0].isdigit() or (len(w) <= 3 and w.islower()) for w in core) and core[0][0].isupper()
        if not title_case:
            return False
        if len(core) == 1 and sp.close is not None:
            # nickname inside a name: Robert C. "Bobby" Scott
            nxt = text[sp.close + 1:sp.close + 3].strip()
            if pre_words and pre_words[-1][:1].isupper() and nxt[:1].isupper():
                return True
        if last in allw or last.endswith("'s") or last.endswith("’s") or last in ("of", "on", "in", "at", "titled"):
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
            if subj is None:
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

    atts: list[Attribution | None] = [A.attribute(k) for k in range(len(spans))]
    # which spans are quotations at all
    keep = [True] * len(spans)
    for k, sp in enumerate(spans):
        if A.is_title(k):
            keep[k] = False
    # carry within a paragraph, then across continued / following quote paragraphs
    for k, sp in enumerate(spans):
        if not keep[k] or (atts[k] is not None and atts[k].head is not None):
            continue
        src = None
        for j in list(range(k - 1, -1, -1)) + list(range(k + 1, len(spans))):
            if spans[j].para != sp.para:
                if j > k:
                    break
                continue
            if keep[j] and atts[j] is not None and atts[j].head is not None and atts[j].how != "carried":
                src = j
                break
        if src is None and A.kind(k) == "full" and (sp.continues or _starts_paragraph(art.text, sp, art.paragraphs)):
            for j in range(k - 1, -1, -1):
                if spans[j].para < sp.para - CARRY_PARAGRAPHS:
                    break
                if keep[j] and atts[j] is not None and atts[j].head is not None:
                    src = j
                    break
        if src is not None:
            s = atts[src]
            atts[k] = Attribution(cue=s.cue if atts[k] is None or atts[k].cue is None else atts[k].cue,
                                  speaker_start=s.speaker_start, speaker_end=s.speaker_end, head=s.head, how="carried", source=src)
    for k, sp in enumerate(spans):
        if keep[k] and (atts[k] is None or (atts[k].head is None and atts[k].cue is None)):
            if A.kind(k) == "partial" and A.n_words(k) <= SCARE_MAX_WORDS:
                keep[k] = False  # a scare quote nobody is reported as saying

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
        att.attribution = res.attribution
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
