"""An article as the quote finders see it: its tokens and sentences, which tokens lie inside
quotation marks, and the writer's words around each quote.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from tasks.extract.quotes.lexicon import is_past_tense_cue
from tasks.extract.quotes.marks import QuoteSpan
from tasks.extract.quotes.profiles import EntityProfiles
from tasks.model import Article, Paragraph

SENT_END = {".", "!", "?"}
MAX_REGION_TOKENS = 40  # how far the writer's words around a quote are looked at


class QuoteContext:
    """One article's text, Doc, entity profiles and quote spans (fixed once built)."""

    def __init__(self, art: Article, doc: Doc, profiles: EntityProfiles, spans: list[QuoteSpan]):
        self.art, self.doc, self.text = art, doc, art.text
        self.profiles = profiles
        self.sent_of = profiles.sent_of  # token index -> sentence number
        self.tok_starts = [t.idx for t in doc]
        self.spans = spans
        # qid[token] = index of the quote holding the token (marks included), else -1
        self.qid = [-1] * len(doc)
        for k, sp in enumerate(spans):
            a = self.tok_at(sp.open)
            b = self.tok_at(max(sp.open, sp.outer_end - 1))
            for i in range(a, b + 1):
                self.qid[i] = k

    def tok_at(self, char: int) -> int:
        """Index of the token holding character `char` (the last one starting before it)."""
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def quoted(self, i: int) -> bool:
        """Token i lies inside a quotation (its marks included)."""
        return self.qid[i] != -1

    def paragraph(self, k: int) -> Paragraph:
        return self.art.paragraphs[self.spans[k].para]

    def n_words(self, k: int) -> int:
        sp = self.spans[k]
        return len(self.text[sp.start:sp.end].split())

    def after_tokens(self, k: int) -> list[Token]:
        """Writer's words after the closing mark, to the sentence end (text order); runs of
        spaces ("said.  Then") are not words."""
        sp = self.spans[k]
        if sp.close is None:
            return []
        out = []
        i = self.tok_at(sp.close + sp.width - 1) + 1
        p = self.paragraph(k)
        while i < len(self.doc) and len(out) < MAX_REGION_TOKENS:
            t = self.doc[i]
            if t.idx >= p.end or self.quoted(i):
                break
            if not t.is_space:
                out.append(t)
            if t.text in SENT_END:
                break
            i += 1
        return out

    def before_tokens(self, k: int) -> list[Token]:
        """Writer's words before the quote, back to the sentence start (nearest first); runs
        of spaces (`said.  "...`) are not words."""
        sp = self.spans[k]
        out = []
        i = self.tok_at(sp.open) - 1
        p = self.paragraph(k)
        while i >= 0 and len(out) < MAX_REGION_TOKENS:
            t = self.doc[i]
            if t.idx < p.start or self.quoted(i) or t.text in SENT_END:
                break
            if not t.is_space:
                out.append(t)
            i -= 1
        return out

    def inverted_cue(self, t: Token) -> bool:
        """A capitalised reporting verb opening an inverted attribution that the tagger took
        for a name ("Stated Stone:", "Continued Stone:"): its past tense form, sentence-first."""
        if not t.text[:1].isupper() or self.quoted(t.i) or not (t.is_sent_start or t.i == 0 or self.doc[t.i - 1].is_space):
            return False
        return is_past_tense_cue(t.text)
