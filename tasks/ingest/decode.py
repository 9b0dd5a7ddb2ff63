"""The one place input bytes become text, and the record of how (RawDocument.encoding).

    decode(data)         a text file: refuse binary (known magic numbers, many NUL bytes);
                         UTF-16 with a byte-order mark; UTF-8 (a UTF-8 BOM is dropped); else
                         Windows-1252, else Latin-1, recorded as a fallback.
    decode_html(data)    a page: its byte-order mark, then the charset it declares (<meta
                         charset>, http-equiv Content-Type, XML declaration; the WHATWG aliases
                         iso-8859-1/latin1/ascii read as windows-1252), else as decode.
    LineDecoder          a CSV file line by line: UTF-8, else the same Windows-1252/Latin-1
                         fallback, noting when a line needed it.

JSON Lines are the exception: json.loads decodes each line's bytes itself (UTF-8, or UTF-16/32
by the RFC 8259 detection), and a line that does not decode is refused as "not UTF-8".

Why no charset-normalizer (measured on the test inputs, refactor of the ingest stage): on the
Windows-1252 inputs of tests/ingest it guessed cp1125, cp1250, cp775 or cp1006; the text was
wrong for "café – £100", "Shop – sales rise ... “today”", a CSV line and an undeclared page, and
where it was right the recorded encoding would have changed (cp1250 for cp1252). News files that
are not UTF-8 are Windows-1252 (Latin-1 plus curly quotes and dashes in 0x80-0x9F) far more
often than anything a statistical guess on a few hundred bytes prefers, so the fallback stays.
On the 200 BBC articles of the equivalence run (all UTF-8) both agree.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable, Iterator

log = logging.getLogger(__name__)

BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "zip archive",
    b"\x1f\x8b": "gzip archive",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x7fELF": "executable",
}
MAX_NUL_SHARE = 0.05  # a stray NUL in text is cleaned away later; more than this share means binary
CP1252_FALLBACK = "cp1252 (fallback from utf-8)"
LATIN1_FALLBACK = "latin-1 (fallback from utf-8)"


def decode(data: bytes) -> tuple[str, str]:
    """Decode a text input's bytes; returns (text, encoding). Raises ValueError with the reason."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ValueError(f"binary file ({what}), not text")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise ValueError(f"UTF-16 byte-order mark but undecodable: {e}") from e
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    nuls = data.count(b"\x00")
    if nuls and nuls > MAX_NUL_SHARE * len(data):
        raise ValueError(f"binary content ({nuls} NUL bytes in {len(data)})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _legacy(data)


def _legacy(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8: Windows-1252, whose five undefined bytes fall back to Latin-1."""
    try:
        return data.decode("cp1252"), CP1252_FALLBACK
    except UnicodeDecodeError:
        return data.decode("latin-1"), LATIN1_FALLBACK


# --- pages ---------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819",
                        "windows-1252", "cp1252"}
_PAGE_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
DECLARATION_WINDOW = 4096  # the charset declaration is looked for in the page's first bytes


def decode_html(data: bytes) -> tuple[str, str]:
    """Page bytes -> (text, encoding): byte-order mark, then declared charset, then decode()."""
    return _by_bom(data) or _by_declaration(data) or decode(data)


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, enc in _PAGE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError:
                return None
    return None


def _by_declaration(data: bytes) -> tuple[str, str] | None:
    head = data[:DECLARATION_WINDOW]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii").lower()
    enc = "cp1252" if label in _WINDOWS_1252_LABELS else label
    if enc.replace("-", "").replace("_", "").startswith("utf16"):  # without a BOM: read as UTF-8 (WHATWG)
        enc = "utf-8"
    try:
        name = codecs.lookup(enc).name
        return data.decode(name), f"{name} (declared {label})"
    except LookupError:
        log.info("unknown declared charset %r", label)
    except UnicodeDecodeError:
        if name == "cp1252":
            return data.decode("latin-1"), f"latin-1 (declared {label}, not valid cp1252)"
        log.info("page does not decode as its declared charset %r", label)
    return None


# --- CSV lines -----------------------------------------------------------------------


class LineDecoder:
    """Decodes a file line by line: UTF-8, else (like decode) Windows-1252 / Latin-1.

    `fell_back` turns True when a line needed the fallback; the reader resets it per record."""

    def __init__(self) -> None:
        self.fell_back = False

    def lines(self, raw_lines: Iterable[bytes]) -> Iterator[str]:
        first = True
        for line in raw_lines:
            if first and line.startswith(codecs.BOM_UTF8):
                line = line[3:]
            first = False
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError:
                self.fell_back = True
                yield _legacy(line)[0]


__all__ = ["decode", "decode_html", "LineDecoder", "CP1252_FALLBACK", "BINARY_MAGIC"]
