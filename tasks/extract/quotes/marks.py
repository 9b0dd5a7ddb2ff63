"""Quotation marks: which characters are marks, how they pair within a paragraph, and the quote
spans they enclose (`find_spans`: text -> QuoteSpan list), and where a quote whose closing
mark the text lost ends (`end_at_attribution`, once the article is parsed).

Curly marks pair by their shape, straight ones by their context; a mark of the other family
inside an open quote nests. A quote left open runs to its paragraph's end (close=None) and
never costs the rest of the article; a paragraph reopening with a mark after an open one
continues it (news style for multi-paragraph quotations). A quote reopened by a mark of its own
family inside the same paragraph ends before that mark and is continued by it: the quotation
ran over several paragraphs whose breaks the text lost (`"... ballet. "We need ..."`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from tasks.common.datafiles import DataFiles
from tasks.extract.quotes.lexicon import is_cue
from tasks.model import Paragraph

DATA = DataFiles.beside(__file__)


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
    """A quoted paragraph opening with a speaker label (`"PENCE: ...`)."""
    return re.compile(marks().transcript_label)


@dataclass
class QuoteSpan:
    """One quotation as found by its marks (one per paragraph piece)."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when unclosed
    start: int  # quoted words, trimmed
    end: int
    para: int  # index into art.paragraphs
    continues: bool = False  # reopens a quotation left open (at the previous paragraph's end, or before it in its paragraph)
    continued: bool = False  # left open, reopened by the next paragraph or by a mark later in its paragraph
    width: int = 1  # characters per mark ('' is two); 0 for a closing mark the text lost (`lost_close`)
    lost_close: bool = False  # its closing mark is missing, but the writer's attribution ends it (`end_at_attribution`)

    @property
    def outer_end(self) -> int:
        return self.close + self.width if self.close is not None else self.end


def _direction(text: str, i: int, ps: int, pe: int, opening: str, closing: str, w: int = 1) -> str | None:
    """What the characters around the mark at i say: "open", "close" or None (either)."""
    prev = text[i - 1] if i > ps else ""
    nxt = text[i + w] if i + w < pe else ""
    left_open = prev == "" or prev.isspace() or prev in opening
    right_close = nxt == "" or nxt.isspace() or nxt in closing
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return None


class _Pairing:
    """Pairs the marks of one paragraph, text[ps:pe], into (open offset, close offset or None,
    mark width, end): `end` is the closing mark's offset, or for a quote left open the offset of
    the mark that reopens it in the paragraph, else the paragraph's end. `single`: the article's
    primary marks are single ones."""

    def __init__(self, text: str, ps: int, pe: int, single: bool, m: Marks):
        self.text, self.ps, self.pe, self.single, self.m = text, ps, pe, single, m
        if single:
            self.o_set, self.c_set, self.b_set = m.single_open, m.single_close, m.single_both
        else:
            self.o_set, self.c_set, self.b_set = m.open, m.close, m.both
        self.chars = self.o_set + self.c_set + self.b_set
        self.doubled = m.doubled_apostrophe and not single
        self.out: list[tuple[int, int | None, int, int]] = []
        self.stack: list[tuple[int, str, int]] = []  # (offset, family, width); [0] is the outer quotation

    def pairs(self) -> list[tuple[int, int | None, int, int]]:
        i = self.ps
        while i < self.pe:
            w = self.width(i)
            if w == 0:
                i += 1
                continue
            fam = self.family(i, w)
            d = self.direction(i, w)
            if d == "open":
                self.opening((i, fam, w))
            elif d == "close":
                self.closing(i, fam)
            i += w
        if self.stack:
            self.out.append((self.stack[0][0], None, self.stack[0][2], self.pe))
        return self.out

    def width(self, i: int) -> int:
        """Characters of the mark at i (2 for '' when it counts as a double mark); 0: no mark."""
        text, ch = self.text, self.text[i]
        if self.doubled and ch == "'" and i + 1 < self.pe and text[i + 1] == "'":
            return 2
        if ch not in self.chars:
            return 0
        if self.single and ch == "'" and ((i + 1 < self.pe and text[i + 1] == "'") or (i > self.ps and text[i - 1] == "'")):
            return 0  # '' is an encoded double mark, not two single ones
        return 1

    def direction(self, i: int, w: int) -> str | None:
        """"open" or "close"; None for an apostrophe (single marks only)."""
        m, text = self.m, self.text
        ctx = _direction(text, i, self.ps, self.pe, m.opening_context, m.closing_context, w)
        if self.single:
            prev = text[i - 1] if i > self.ps else ""
            if ctx is None or (ctx == "close" and not self.stack) or (prev.isalnum() and ctx == "open"):
                return None  # apostrophes: don't, dogs' (unless closing an open quote), 90s
        ch = text[i]
        intrinsic = "open" if ch in self.o_set else "close" if ch in self.c_set and w == 1 else None
        d = ctx or intrinsic
        if i == self.ps and not self.stack:
            d = "open"  # a paragraph opening with a mark opens a quotation, whatever its shape
        if d is None:
            d = "close" if self.stack else "open"
        return d

    def opening(self, mark: tuple[int, str, int]) -> None:
        stack = self.stack
        if not stack:
            stack.append(mark)
        elif len(stack) == 1 and (mark[1] != stack[0][1] or self.nests(mark)):
            stack.append(mark)  # the other family nests inside, and so does the same one when two closes follow
        elif len(stack) == 1:
            self.out.append((stack[0][0], None, stack[0][2], mark[0]))  # same family reopens: the open one ends here
            self.stack = [mark]

    def family(self, i: int, w: int) -> str:
        """"straight" for a mark whose direction the context decides ('"', "''"), else "curly"."""
        return "straight" if (self.text[i] in self.b_set or w == 2) else "curly"

    def nests(self, mark: tuple[int, str, int]) -> bool:
        """`“I'd live in what he calls “hell” than vote for him.”`: a mark of the open quote's own
        family nests inside it when the next two marks both close quotes of that family (the
        inner quotation's, then the outer one's). Otherwise it reopens the quotation."""
        found: list[tuple[str, str | None]] = []
        i = mark[0] + mark[2]
        while i < self.pe and len(found) < 2:
            w = self.width(i)
            if w == 0:
                i += 1
                continue
            fam = self.family(i, w)
            found.append((fam, self.direction(i, w)))
            i += w
        return found == [(mark[1], "close")] * 2

    def closing(self, i: int, fam: str) -> None:
        stack = self.stack
        if not stack:
            return  # a stray closing mark (inch mark, apostrophe-like) is ignored
        if len(stack) > 1 and stack[-1][1] == fam:
            stack.pop()
        else:
            self.out.append((stack[0][0], i, stack[0][2], i))
            self.stack = []


def pair_paragraph(text: str, ps: int, pe: int, single: bool, m: Marks) -> list[tuple[int, int | None, int, int]]:
    """(open mark offset, close mark offset or None, mark width, end of the quoted words) of the
    quotations of text[ps:pe]."""
    return _Pairing(text, ps, pe, single, m).pairs()


def find_spans(text: str, paragraphs: list[Paragraph], m: Marks | None = None) -> list[QuoteSpan]:
    """The quotations of an article by their marks, in text order."""
    m = m or marks()
    dbl = m.open + m.close + m.both
    # single marks are the article's primary marks only when it has no double ones ('' counts)
    single = not any(c in text for c in dbl) and text.count("''") < 2
    spans: list[QuoteSpan] = []
    for p in paragraphs:
        for o, c, w, b in pair_paragraph(text, p.start, p.end, single, m):
            a = o + w
            seg = text[a:b]
            s = a + (len(seg) - len(seg.lstrip()))
            e = b - (len(seg) - len(seg.rstrip()))
            if e <= s or not any(ch.isalnum() for ch in text[s:e]):
                continue
            spans.append(QuoteSpan(open=o, close=c, start=s, end=e, para=p.idx, width=w))
    # multi-paragraph quotations: an open quote whose next paragraph starts with a mark, or
    # which a mark later in its own paragraph reopens
    for prev, cur in zip(spans, spans[1:]):
        next_para = cur.para == prev.para + 1 and opens_paragraph(text, cur, paragraphs)
        if prev.close is None and cur.para == prev.para and prev.end <= cur.open and _end_at_lost_close(text, prev, cur):
            continue
        if prev.close is None and (next_para or (cur.para == prev.para and prev.end <= cur.open)):
            prev.continued = True
            cur.continues = True
    return spans


RE_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")


def _end_at_lost_close(text: str, prev: QuoteSpan, cur: QuoteSpan) -> bool:
    """`were "only 10% of the agenda. Dr Gibb, who ..., said staff wanted calm after "constant
    change".`: a mark reopens the quotation right after the writer's words (no sentence end or
    colon before it), so the open quote lost its closing mark; it ends with its first sentence
    (in place: `lost_close` set; True), and the next quote is a new one. With no sentence end
    inside, it stays as it was (False)."""
    before = text[prev.start:cur.open].rstrip()
    if not before or before[-1] in ".?!:;,-\u2013\u2014\"'\u201c\u201d\u2018\u2019(":
        return False  # `"A. "B.`: one speaker's sentences, each opened with a mark
    m = RE_SENTENCE_END.search(text, prev.start, prev.end)
    if m is None:
        return False
    prev.end = m.end()
    prev.close, prev.width, prev.lost_close = prev.end, 0, True
    return True


def end_at_attribution(doc: Doc, spans: list[QuoteSpan]) -> None:
    """A quote left open (at its paragraph's end, or taken for one running on into the next
    paragraph) whose closing mark the text lost before the writer's attribution ends there
    (`"... to 'wait and see', the organisation said in its report.`, `"... because I was a
    Muslim. He added: "...`): after a comma, a speaker (a pronoun, a name, or a determiner and
    up to three words) and a past or present reporting verb, then a colon, a full stop, a
    comma, a preposition or the paragraph's end; after a full stop, only such a sentence
    opening a new quote with a colon ("He said that ..." may be the speaker's own words). The
    quote then ends with that punctuation, `lost_close` set; a quote after the colon in the
    next paragraph is a new one, not its continuation."""
    for k, sp in enumerate(spans):
        if sp.close is not None:
            continue
        inside = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if inside is None:
            continue
        for t in inside[3:]:
            if t.text not in (",", ".") or t.idx + 1 >= sp.end:
                continue
            cue = _attribution_cue(doc, t.i + 1, inside.end)
            if cue is None:
                continue
            nxt = doc[cue.i + 1] if cue.i + 1 < inside.end else None
            if t.text == ".":
                ends = nxt is None or nxt.text == ":"
            else:
                ends = nxt is None or nxt.text in (":", ".", ",") or nxt.pos_ == "ADP"
            if ends:
                sp.end = t.idx + len(t.text)
                sp.close, sp.width, sp.lost_close = sp.end, 0, True
                if sp.continued and k + 1 < len(spans):  # what follows the attribution is a new quote
                    sp.continued = spans[k + 1].continues = False
                break


def _attribution_cue(doc: Doc, i: int, stop: int) -> Token | None:
    """The reporting verb of `he said` / `the organisation said` / `Mr Milburn added` starting
    at token i (a speaker of at most four words, then the verb), else None."""
    first = doc[i] if i < stop else None
    if first is None:
        return None
    if first.lower_ in ("he", "she", "it", "they"):
        k = i + 1
    elif first.lower_ in ("the", "a", "an") or first.pos_ == "PROPN":
        k = i + 1
        while k < stop and k - i < 4 and (doc[k].pos_ in ("PROPN", "NOUN", "ADJ") or doc[k].text == "."):
            k += 1
    else:
        return None
    if k >= stop:
        return None
    v = doc[k]
    return v if v.tag_ in ("VBD", "VBZ") and is_cue(v) else None


def opens_paragraph(text: str, sp: QuoteSpan, paragraphs: list[Paragraph]) -> bool:
    """The quote's opening mark is the first character of its paragraph."""
    p = paragraphs[sp.para]
    return text[p.start:sp.open].strip() == ""
