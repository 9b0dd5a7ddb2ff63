"""Clean & split: normalise an article's text and find its typed paragraphs.

Cleaning is length-preserving wherever it can be (one character replaced by one), so
offsets computed on a clean input file are offsets into that file too. Only inputs that
need it (mojibake, CRLF line ends, decomposed Unicode, zero-width characters) change length.

Two layouts are recognised:
  * line layout (the seed's): headline line, standfirst line, one paragraph per line,
    subheadings as short lines of their own;
  * blank-line layout: headline, blank line, paragraphs separated by blank lines, possibly
    hard-wrapped (the wrapped lines of a paragraph are joined with single spaces).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from tasks.model import Article, Paragraph, RawDocument

# characters replaced one-for-one by a plain space
_SPACES = dict.fromkeys(map(ord, "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u0085"), " ")
_SPACES.update({c: " " for c in range(0, 32) if c != 10})
_SPACES[0x7F] = " "
_SPACES.update({c: " " for c in range(0x80, 0xA0)})  # C1 controls left over after mojibake repair
_SPACES[0x2028] = "\n"
_SPACES[0x2029] = "\n"
_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\ufffe]")
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")

SENTENCE_END = tuple(".!?\"'\u201d\u2019:;,)\u2026")
MAX_SUBHEADING_WORDS = 14
WRAP_WIDTH = 100  # a block whose lines are all at most this long is hard-wrapped prose


def normalise(text: str) -> str:
    """Unicode and whitespace normalisation with mojibake repair."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DROP.sub("", text)
    text = text.translate(_SPACES)
    return text.rstrip()


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's non-blank lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def split_paragraphs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the text (wrapped lines joined by spaces, same length) and paragraph spans."""
    lines = _blocks(text)
    if not lines:
        return text, []
    blank_layout = re.search(r"\n[ ]*\n", text) is not None
    spans: list[tuple[int, int]] = []
    if not blank_layout:
        spans = lines
    else:
        chars = list(text)
        groups: list[list[tuple[int, int]]] = []
        for s, e in lines:
            if groups and "\n" in text[groups[-1][-1][1]:s] and re.fullmatch(r"\n", text[groups[-1][-1][1]:s].replace(" ", "")):
                groups[-1].append((s, e))
            else:
                groups.append([(s, e)])
        for g in groups:
            widths = [e - s for s, e in g]
            if len(g) > 1 and max(widths) <= WRAP_WIDTH and min(widths[:-1]) >= 0.5 * max(widths):
                for (s1, e1), (s2, _) in zip(g, g[1:]):
                    for i in range(e1, s2):
                        chars[i] = " "
                spans.append((g[0][0], g[-1][1]))
            else:
                spans.extend(g)
        text = "".join(chars)
    out = []
    for s, e in spans:
        seg = text[s:e]
        s2 = s + len(seg) - len(seg.lstrip())
        e2 = e - (len(seg) - len(seg.rstrip()))
        out.append((s2, e2))
    return text, out


def _is_subheading(t: str) -> bool:
    words = t.split()
    return (
        0 < len(words) <= MAX_SUBHEADING_WORDS
        and not t.endswith(SENTENCE_END)
        and (t[0].isupper() or t[0].isdigit())
        and not t.startswith(("\"", "\u201c", "'", "\u2018", "-", "*", "\u2022"))
    )


def type_paragraphs(text: str, spans: list[tuple[int, int]], blank_layout: bool) -> list[Paragraph]:
    paras: list[Paragraph] = []
    section: str | None = None
    for i, (s, e) in enumerate(spans):
        t = text[s:e]
        if i == 0:
            kind = "headline"
        elif i == 1 and not blank_layout and len(spans) > 2 and not _is_subheading(t):
            kind = "standfirst"
        elif 1 <= i < len(spans) - 1 and _is_subheading(t) and paras[-1].kind != "subheading":
            kind = "subheading"
            section = t
        else:
            kind = "body"
        paras.append(Paragraph(idx=i, kind=kind, section=section if kind != "headline" else None, start=s, end=e, text=t))
    return paras


def clean(doc: RawDocument) -> Article:
    """Clean one input document into an Article (raises ValueError for one with no text)."""
    text = normalise(doc.text)
    if doc.paragraphs_hint:
        return _from_hint(doc)
    blank_layout = re.search(r"\n[ ]*\n", text) is not None
    text, spans = split_paragraphs(text)
    if not spans:
        raise ValueError("no text after cleaning (empty or whitespace-only input)")
    paras = type_paragraphs(text, spans, blank_layout)
    title = doc.title or paras[0].text
    standfirst = next((p.text for p in paras if p.kind == "standfirst"), None)
    return Article(article_id=article_id(text), source=doc.source, text=text, paragraphs=paras,
                   content_sha256=doc.content_sha256, encoding=doc.encoding, title=title, standfirst=standfirst,
                   url=doc.url, published_at=doc.published_at)


def _from_hint(doc: RawDocument) -> Article:
    """Build an article from paragraphs already typed by the input (HTML structure)."""
    parts: list[str] = []
    paras: list[Paragraph] = []
    pos = 0
    section = None
    hint = [(k, normalise(t).replace("\n", " ")) for k, t in doc.paragraphs_hint or []]
    hint = [(k, t.strip()) for k, t in hint if t.strip()]
    if doc.title and (not hint or hint[0][1] != normalise(doc.title)):
        hint.insert(0, ("headline", normalise(doc.title).replace("\n", " ").strip()))
    for i, (kind, t) in enumerate(hint):
        if i == 0:
            kind = "headline"
        if kind == "subheading":
            section = t
        paras.append(Paragraph(idx=i, kind=kind, section=section if kind != "headline" else None, start=pos, end=pos + len(t), text=t))
        parts.append(t)
        pos += len(t) + 2
    if not paras:
        raise ValueError("no text after cleaning (empty page)")
    text = "\n\n".join(parts)
    return Article(article_id=article_id(text), source=doc.source, text=text, paragraphs=paras,
                   content_sha256=doc.content_sha256, encoding=doc.encoding, title=paras[0].text,
                   standfirst=next((p.text for p in paras if p.kind == "standfirst"), None),
                   url=doc.url, published_at=doc.published_at)


__all__ = ["clean", "normalise", "split_paragraphs", "type_paragraphs", "article_id"]
