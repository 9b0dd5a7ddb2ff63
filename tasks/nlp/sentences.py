"""Sentences: a paragraph break always ends one, and the sentence rows of a parsed article.

`newsfacts_paragraphs` is the spaCy component (added before the parser by `tasks.nlp.model`)
that starts a sentence at every token after a line break, so no sentence crosses paragraphs.
"""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from tasks.model import Article, Sentence


PARAGRAPHS_COMPONENT = "newsfacts_paragraphs"


def starts_paragraph(doc: Doc, i: int) -> bool:
    """Token i comes right after a line break (or opens the document)."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


@Language.component(PARAGRAPHS_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A token after a line break starts a sentence; other tokens are left to the parser."""
    for tok in doc[1:]:
        if starts_paragraph(doc, tok.i):
            tok.is_sent_start = True
    return doc


def sentences_of(doc: Doc, art: Article) -> list[Sentence]:
    """Sentence rows from the parsed doc: whitespace trimmed, empty ones dropped."""
    out: list[Sentence] = []
    text = art.text  # == doc.text, which spaCy rebuilds from the tokens on every access
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        seg = text[s:e]
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        if e <= s:
            continue
        out.append(Sentence(idx=len(out), paragraph_idx=art.paragraph_at(s), start=s, end=e, text=text[s:e]))
    return out


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing a character offset (or the last one before it; the first
    one for an offset before every sentence; 0 when there are none)."""
    if not sentences:
        return 0
    k = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[max(k, 0)].idx
