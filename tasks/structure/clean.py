"""Clean an input document into an Article: normalise its text (here), split it into typed
paragraphs (tasks.structure.split) and give it its identity (tasks.structure.identity).

Cleaning keeps the text's length (one character replaced by one), so the offsets of every
record are offsets into the input as Python reads it too, and a tool that holds offsets
into the input file (an annotation, a highlight) lines up with ours. Repairs that shorten
a word keep the length by padding: mojibake (UTF-8 read as Windows-1252: "itâ€™s", repaired
by ftfy only in texts that show its marks), decomposed Unicode ("e" + combining accent,
composed to NFC), HTML character references left in plain text ("Jos&#233;", "&amp;",
what a scraper or an export forgot to decode: read as the characters they stand for) and
invisible format characters (zero-width and bidirectional controls, dropped) give the
repaired word, and the characters it lost come back as spaces at the next
whitespace after a punctuation mark or at the line end ("SarukhÃ¡n, 62, said" ->
"Sarukhán,  62, said"; within that clause offsets are a few characters early). Only CR line
ends change the length, as Python's own reading of a file turns them into "\n" too, and the
rare repairs that lengthen a word (the ligature "\ufb01" -> "fi").
An article's identity is its text without that padding (`tasks.structure.identity`), so a
repaired copy is the same article as a clean one.
"""
from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from collections.abc import Callable

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
# invisible format characters, dropped: zero-width ones, the byte-order mark, and the bidirectional
# controls that text copied from social media carries ("\u202a\u201dWell...\u201d posted ...")
_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\ufffe\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")


_PIECES = re.compile(r"\s+|\S+")  # words and the whitespace between them, for keeping the length
# the padding goes into the first whitespace after one of these (or at a line end): never inside
# a name ("José María"), which the tokenizer would split at a run of spaces
_LINE_END = re.compile("[\n\r\u2028\u2029]")
_PAY_AFTER = frozenset(".,;:!?)]\"'\u201d\u2019-\u2013\u2014")


# an HTML character reference: numeric ("&#233;", "&#xe9;") or named ("&eacute;"), always with
# its semicolon (a bare "&amp" or "AT&T;" is left alone); decoded by the standard library
_CHAR_REF = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decoded_refs(text: str) -> str:
    """The text with its HTML character references read as the characters they stand for
    (a named one only when HTML names it: "&amp;" but not "&sales;")."""
    def one(m: re.Match) -> str:
        ref = m.group()
        if ref[1] != "#" and ref[1:] not in html.entities.html5:
            return ref
        ch = html.unescape(ref)  # a line break or control character ("&#10;") is a space: lines stay lines
        return " " if any(c < " " or c in "\x7f\u2028\u2029" for c in ch) else ch
    return _CHAR_REF.sub(one, text)


# the repairs that may change a word's length, in order: (does the text need it, the repair)
_REPAIRS: tuple[tuple[Callable[[str], bool], Callable[[str], str]], ...] = (
    (lambda t: _CHAR_REF.search(t) is not None, _decoded_refs),
    (lambda t: not unicodedata.is_normalized("NFC", t), lambda t: unicodedata.normalize("NFC", t)),
    (lambda t: _MOJIBAKE.search(t) is not None,
     lambda t: ftfy.fix_text(t, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)),
    (lambda t: _DROP.search(t) is not None, lambda t: _DROP.sub("", t)),
)


def normalise(text: str, keep_length: bool = True) -> str:
    """Unicode and whitespace normalisation with mojibake repair; with keep_length, a repair
    that shortens a word is padded with spaces at the next whitespace (module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for needed, repair in _REPAIRS:
        if needed(text):
            text = _repaired(text, repair(text), keep_length)
    text = text.translate(_SPACES)
    return text.rstrip()


def _needs_repair(text: str) -> bool:
    """Whether normalising this text repairs words (and so, keeping the length, pads them)."""
    return any(needed(text) for needed, _ in _REPAIRS)


def _repaired(before: str, after: str, keep_length: bool) -> str:
    """The repaired text; with keep_length, the characters a repair took out of a line come back
    as spaces in the line's next whitespace after a punctuation mark, else at its end, so the
    text after that keeps its offsets (within the clause, offsets are a few characters early).
    None of the repairs adds or removes a line break, so lines are paired one to one (if they
    were not, the text is returned unpadded). A repair that lengthens a word (ftfy's "\ufb01" ->
    "fi") is kept, and the text after it is then that much late."""
    if not keep_length or after == before:
        return after
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return after
    return "\n".join(_padded_line(o, n) if o != n else n for o, n in zip(old_lines, new_lines))


def _padded_line(before: str, after: str) -> str:
    """One repaired line, its lost characters paid back as spaces (`_repaired`). The alignment
    only says where the padding goes; how much there is comes from the line's lengths, so the
    line keeps its length even where the alignment pairs pieces wrongly."""
    out: list[str] = []
    owed = 0  # characters the repaired words lost and no whitespace has paid back yet
    left = len(before) - len(after)  # padding the line still has to carry
    for old, new in _aligned(_PIECES.findall(before), _PIECES.findall(after)):
        if old != new:
            out.extend(new)
            owed += sum(map(len, old)) - sum(map(len, new))
            continue
        piece = old[0]
        pay = min(owed, left)
        if pay > 0 and piece[0].isspace() and (_LINE_END.search(piece) or (out and out[-1][-1] in _PAY_AFTER)):
            piece, owed, left = " " * pay + piece, owed - pay, left - pay
        out.append(piece)
    return "".join(out) + " " * max(left, 0)


def _aligned(old: list[str], new: list[str]) -> list[tuple[list[str], list[str]]]:
    """The two lines' pieces (words and whitespace runs) in aligned groups: a piece kept as it
    was ([p], [p]), or the pieces a repair replaced and the pieces it gave. Repairs are few and
    local, so after a difference the alignment takes the nearest point where two pieces in a row
    agree again (at most RESYNC pieces skipped, else the rest of the line is one group): linear
    in the line's length, where difflib's alignment is quadratic in its repeated pieces."""
    if len(old) == len(new):  # every repair changed a word in place
        return [([o], [n]) for o, n in zip(old, new)]
    groups: list[tuple[list[str], list[str]]] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            groups.append(([old[i]], [new[j]]))
            i, j = i + 1, j + 1
            continue
        k, l = _resync(old, new, i, j)
        groups.append((old[i:k], new[j:l]))
        i, j = k, l
    if i < len(old) or j < len(new):
        groups.append((old[i:], new[j:]))
    return groups


RESYNC = 12  # pieces a resynchronisation may skip, in both lines together


def _resync(old: list[str], new: list[str], i: int, j: int) -> tuple[int, int]:
    """The nearest (k, l) past (i, j) where old[k] == new[l] and the pieces after them agree too
    (or a line ends); (len(old), len(new)) when there is none within RESYNC pieces."""
    for skip in range(1, RESYNC + 1):
        for k in range(i, min(i + skip, len(old) - 1) + 1):
            l = j + skip - (k - i)
            if l < len(new) and old[k] == new[l] and (k + 1 == len(old) or l + 1 == len(new) or old[k + 1] == new[l + 1]):
                return k, l
    return len(old), len(new)


def _one_line(text: str) -> str:
    return normalise(text, keep_length=False).replace("\n", " ").strip()


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
    # identity: the text without the padding of repaired words (the same article as a clean copy)
    unpadded = split_paragraphs(normalise(doc.text, keep_length=False))[0] if _needs_repair(doc.text) else text
    return _article(doc, text, paras, title=doc.title or paras[0].text, identity=unpadded)


def _from_hint(doc: RawDocument) -> Article:
    """An article from paragraphs already typed by the input (HTML structure), each on one line;
    the document's title goes first when the hint does not open with it."""
    hint = [(k, t) for k, t in ((k, _one_line(t)) for k, t in doc.paragraphs_hint or []) if t]
    if doc.title and (not hint or hint[0][1] != _one_line(doc.title)):
        hint.insert(0, ("headline", _one_line(doc.title)))
    text, paras = from_hint(hint)
    if not paras:
        raise ValueError("no text after cleaning (empty page)")
    return _article(doc, text, paras, title=paras[0].text)


def _article(doc: RawDocument, text: str, paras: list[Paragraph], title: str, identity: str | None = None) -> Article:
    return Article(article_id=article_id(text if identity is None else identity), source=doc.source, text=text, paragraphs=paras,
                   content_sha256=doc.content_sha256, encoding=doc.encoding, title=title,
                   standfirst=next((p.text for p in paras if p.kind == "standfirst"), None),
                   url=doc.url, published_at=doc.published_at)


__all__ = ["clean", "normalise"]
