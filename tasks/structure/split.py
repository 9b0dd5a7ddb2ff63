"""Split a cleaned text into paragraphs and decide each one's kind: headline, standfirst,
subheading or body, and the section (the subheading) each paragraph falls under.

Two layouts are recognised:
  * line layout (the seed's): headline line, standfirst line, one paragraph per line,
    subheadings as short lines of their own;
  * blank-line layout: headline, blank line, paragraphs separated by blank lines, possibly
    hard-wrapped (the wrapped lines of a paragraph are joined with single spaces, keeping
    the text's length and so every offset).
Inputs whose structure is known already (HTML pages: RawDocument.paragraphs_hint) are laid
out by `from_hint`: headline first, paragraphs joined by blank lines.
"""
from __future__ import annotations

import re

from tasks.model import Paragraph

SENTENCE_END = tuple(".!?\"'\u201d\u2019:;,)\u2026")
SUBHEADING_OPENERS = ("\"", "\u201c", "'", "\u2018", "-", "*", "\u2022")  # a quotation or a list item, not a subheading
MAX_SUBHEADING_WORDS = 14
WRAP_WIDTH = 100  # a block whose lines are all at most this long is hard-wrapped prose
WRAP_MIN_SHARE = 0.5  # ... and whose lines but the last are at least this share of the longest
HINT_SEPARATOR = "\n\n"


def is_blank_line_layout(text: str) -> bool:
    return re.search(r"\n[ ]*\n", text) is not None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's non-blank lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def split_paragraphs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the text (wrapped lines joined by spaces, same length) and paragraph spans."""
    lines = _lines(text)
    if not lines:
        return text, []
    if is_blank_line_layout(text):
        text, spans = _join_wrapped(text, _blocks(text, lines))
    else:
        spans = lines
    return text, [_trimmed(text, s, e) for s, e in spans]


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of lines with no blank line between them."""
    blocks: list[list[tuple[int, int]]] = []
    for s, e in lines:
        gap = text[blocks[-1][-1][1]:s] if blocks else ""
        if blocks and "\n" in gap and re.fullmatch(r"\n", gap.replace(" ", "")):
            blocks[-1].append((s, e))
        else:
            blocks.append([(s, e)])
    return blocks


def _join_wrapped(text: str, blocks: list[list[tuple[int, int]]]) -> tuple[str, list[tuple[int, int]]]:
    """A hard-wrapped block becomes one paragraph (its line breaks become spaces); the lines
    of any other block stay paragraphs of their own."""
    chars = list(text)
    spans: list[tuple[int, int]] = []
    for block in blocks:
        widths = [e - s for s, e in block]
        if len(block) > 1 and max(widths) <= WRAP_WIDTH and min(widths[:-1]) >= WRAP_MIN_SHARE * max(widths):
            for (_, e1), (s2, _) in zip(block, block[1:]):
                for i in range(e1, s2):
                    chars[i] = " "
            spans.append((block[0][0], block[-1][1]))
        else:
            spans.extend(block)
    return "".join(chars), spans


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    return s + len(seg) - len(seg.lstrip()), e - (len(seg) - len(seg.rstrip()))


def _is_subheading(t: str) -> bool:
    words = t.split()
    return (
        0 < len(words) <= MAX_SUBHEADING_WORDS
        and not t.endswith(SENTENCE_END)
        and (t[0].isupper() or t[0].isdigit())
        and not t.startswith(SUBHEADING_OPENERS)
    )


def type_paragraphs(text: str, spans: list[tuple[int, int]], blank_layout: bool) -> list[Paragraph]:
    """Each span's kind: the first is the headline; in the line layout the second is the
    standfirst unless it looks like a subheading; a short title-like line between paragraphs
    (never two in a row, never the last) is a subheading; the rest is body."""
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


def from_hint(hint: list[tuple[str, str]]) -> tuple[str, list[Paragraph]]:
    """The text and paragraphs of (kind, text) pairs typed by the input: the first is the
    headline whatever its kind; a subheading opens a section; joined by blank lines."""
    parts: list[str] = []
    paras: list[Paragraph] = []
    pos = 0
    section = None
    for i, (kind, t) in enumerate(hint):
        if i == 0:
            kind = "headline"
        if kind == "subheading":
            section = t
        paras.append(Paragraph(idx=i, kind=kind, section=section if kind != "headline" else None, start=pos, end=pos + len(t), text=t))
        parts.append(t)
        pos += len(t) + len(HINT_SEPARATOR)
    return HINT_SEPARATOR.join(parts), paras


__all__ = ["split_paragraphs", "type_paragraphs", "from_hint", "is_blank_line_layout"]
