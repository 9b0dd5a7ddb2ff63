"""Clean an input document into an Article: normalise its text (here), split it into typed
paragraphs (tasks.structure.split) and give it its identity (tasks.structure.identity).

Cleaning is length-preserving wherever it can be (one character replaced by one), so
offsets computed on a clean input file are offsets into that file too. Only inputs that
need it (mojibake, CRLF line ends, decomposed Unicode, zero-width characters) change length.
Mojibake (UTF-8 read as Windows-1252: "itâ€™s") is repaired by ftfy, only in texts that show
its marks.
"""
from __future__ import annotations

import re
import unicodedata

import ftfy

from tasks.model import Article, Paragraph, RawDocument
from tasks.structure.identity import article_id
from tasks.structure.split import from_hint, is_blank_line_layout, split_paragraphs, type_paragraphs

# characters replaced one-for-one by a plain space
_SPACES = dict.fromkeys(map(ord, "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u0085"), " ")
_SPACES.update({c: " " for c in range(0, 32) if c != 10})
_SPACES[0x7F] = " "
_SPACES.update({c: " " for c in range(0x80, 0xA0)})  # C1 controls left over after mojibake repair
_SPACES[0x2028] = "\n"
_SPACES[0x2029] = "\n"
_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\ufffe]")
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")


def normalise(text: str) -> str:
    """Unicode and whitespace normalisation with mojibake repair."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DROP.sub("", text)
    text = text.translate(_SPACES)
    return text.rstrip()


def _one_line(text: str) -> str:
    return normalise(text).replace("\n", " ").strip()


def clean(doc: RawDocument) -> Article:
    """Clean one input document into an Article (raises ValueError for one with no text)."""
    if doc.paragraphs_hint:
        return _from_hint(doc)
    text = normalise(doc.text)
    blank_layout = is_blank_line_layout(text)
    text, spans = split_paragraphs(text)
    if not spans:
        raise ValueError("no text after cleaning (empty or whitespace-only input)")
    paras = type_paragraphs(text, spans, blank_layout)
    return _article(doc, text, paras, title=doc.title or paras[0].text)


def _from_hint(doc: RawDocument) -> Article:
    """An article from paragraphs already typed by the input (HTML structure), each on one line;
    the document's title goes first when the hint does not open with it."""
    hint = [(k, t) for k, t in ((k, _one_line(t)) for k, t in doc.paragraphs_hint or []) if t]
    if doc.title and (not hint or hint[0][1] != normalise(doc.title)):
        hint.insert(0, ("headline", _one_line(doc.title)))
    text, paras = from_hint(hint)
    if not paras:
        raise ValueError("no text after cleaning (empty page)")
    return _article(doc, text, paras, title=paras[0].text)


def _article(doc: RawDocument, text: str, paras: list[Paragraph], title: str) -> Article:
    return Article(article_id=article_id(text), source=doc.source, text=text, paragraphs=paras,
                   content_sha256=doc.content_sha256, encoding=doc.encoding, title=title,
                   standfirst=next((p.text for p in paras if p.kind == "standfirst"), None),
                   url=doc.url, published_at=doc.published_at)


__all__ = ["clean", "normalise"]
