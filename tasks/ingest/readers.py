"""Readers for inputs other than plain .txt files: HTML pages, bulk dumps, archives.

Every reader yields `RawDocument`s and, for each item it cannot use, a `Rejection` with the
reason; bad input never raises (ingest.read also turns OSError/ValueError into rejections).

HTML pages (.html, .htm, .xhtml)
    Bytes are decoded honouring a byte-order mark, then the page's declared charset
    (<meta charset>, http-equiv Content-Type, XML declaration; the WHATWG aliases
    iso-8859-1/latin1/ascii read as windows-1252), else as ingest.decode does.
    trafilatura (2.3.1) finds the main text and the metadata (comments, navigation and
    related links are left out by its defaults, include_comments=False); short paragraphs
    matching the patterns of data/html_boilerplate.txt (photo credits standing alone,
    newsletter sign-up prompts, advertiser disclosures) are dropped too. Its XML body gives
    the structure: each <head> is a subheading, each <p>, list item, quotation line and
    table row a body paragraph (<lb/> line breaks split paragraphs). The title becomes the
    headline (paragraphs_hint[0]); url is the page's canonical/og:url when absolute;
    published_at the page's publication date (trafilatura/htmldate, day precision, with the
    time of day taken from article:published_time when that names the same day), else the
    day in the URL (tasks.common.dates.url_date), as midnight UTC.

Bulk dumps: JSON Lines (.jsonl, .ndjson; one object a line), CSV (header row, UTF-8),
Parquet — one article per line/row, streamed (line by line, csv module, parquet batches).
    CSV lines that are not UTF-8 are read as ingest.decode would (cp1252), and say so in encoding.
    Field names: `fields` maps title/text/url/published_at/id to the column to read; without
    it the first present of these defaults is used:
        text: text, content, body, article     title: title, headline
        url: url, link                         published_at: published_at, date, published, publish_date
        id: id, source
    source is f"{file}#{id}" with the row's id, else f"{file}#{n}" where n is the 1-based
    line number (JSONL) or record number (CSV, Parquet, header excluded).
    content_sha256 is the sha256 of the row's text (UTF-8). A row with no usable text, a
    line that is not a JSON object, or text over max_bytes gives one Rejection; the other
    rows are still read. An unparseable published_at is dropped (None), not guessed.
    Title and text: the text is given to clean.clean, whose first paragraph is the headline.
    So when the row has a title and its text does not already start with it, the title is
    put in front, separated the way the text separates its own paragraphs: a blank line
    when the text has blank lines (blank-line layout), a single newline otherwise (line
    layout: the text's first line then stays the standfirst, as for .txt inputs).
    RawDocument.title is the row's title either way.

Archives: .gz (of any input type: x.jsonl.gz, page.html.gz) and .zip (members of any
input type; folders, dotfiles and members of other types are skipped, as ingest.discover
skips them in folders). Both are streamed, with a bound of max_bytes on the uncompressed
size of each member: the declared size (zip header, gzip trailer) is checked first, and the
bytes actually inflated are counted too; beyond the bound the member is refused with a
Rejection (rows of a bulk member already read before the bound was hit are kept).
Archives nest at most MAX_DEPTH deep. Members are named f"{archive}/{member}".
.txt members are decoded with tasks.ingest.files.decode.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import logging
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from tasks.common.datafiles import DataFiles
from tasks.common.dates import url_date
from tasks.model import RawDocument, Rejection

DATA = DataFiles.beside(__file__)

if TYPE_CHECKING:
    from tasks.ingest.files import InputFile

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
PARQUET_SUFFIXES = (".parquet",)
ARCHIVE_SUFFIXES = (".gz", ".zip")
SUFFIXES: tuple[str, ...] = HTML_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES + ARCHIVE_SUFFIXES
MAX_DEPTH = 2  # an archive inside an archive at most
BATCH_ROWS = 256
BOILERPLATE_MAX_WORDS = 60  # longer paragraphs are never dropped as boilerplate
STANDFIRST_MIN_WORDS = 6
STANDFIRST_PREFIX = 60  # a description whose start is in the text already is a teaser of it
STANDFIRST_OVERLAP = 0.3  # share of its longer words the description must have in the text

FIELD_DEFAULTS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published_at": ("published_at", "date", "published", "publish_date"),
    "id": ("id", "source"),
}

Item = RawDocument | Rejection
Opener = Callable[[], IO[bytes]]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class TooLarge(ValueError):
    pass


class _Bounded(io.RawIOBase):
    """A read-only stream that fails once more than `limit` bytes came through it."""

    def __init__(self, raw: IO[bytes], limit: int, what: str):
        self.raw, self.limit, self.what, self.seen = raw, limit, what, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self.raw.read(len(b))
        self.seen += len(data)
        if self.seen > self.limit:
            raise TooLarge(f"{self.what} exceeds the limit of {self.limit} bytes uncompressed")
        b[: len(data)] = data
        return len(data)


def _kind(name: str) -> str | None:
    n = name.lower()
    for kind, sufs in (("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES),
                       ("parquet", PARQUET_SUFFIXES), ("gz", (".gz",)), ("zip", (".zip",)), ("txt", (".txt",))):
        if n.endswith(sufs):
            return kind
    return None


def is_bulk(name: str) -> bool:
    """Inputs that may hold many articles (dumps and archives)."""
    return _kind(str(name)) in ("jsonl", "csv", "parquet", "gz", "zip")


def read(f: "InputFile", max_bytes: int, fields: dict[str, str] | None = None) -> Iterator[Item]:
    """Documents (or rejections) from one input file of a type in SUFFIXES."""
    bad = sorted(set(fields or {}) - set(FIELD_DEFAULTS))
    if bad:
        yield Rejection(f.source, f"unknown field mapping key(s) {bad}; known: {sorted(FIELD_DEFAULTS)}")
        return
    path = f.path
    size = path.stat().st_size
    yield from _read_member(f.source, path.name, lambda: open(path, "rb"), size, max_bytes, fields or {}, 0, compressed=False)


def _read_member(source: str, name: str, opener: Opener, size: int | None, max_bytes: int,
                 fields: dict[str, str], depth: int, compressed: bool) -> Iterator[Item]:
    """One file or archive member; `opener()` gives its (decompressed) bytes as a stream."""
    kind = _kind(name)
    try:
        if kind in ("html", "txt"):
            if size is not None and size > max_bytes:
                yield Rejection(source, f"file too large ({size} bytes > limit {max_bytes})")
                return
            with opener() as fh:
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Rejection(source, f"file too large (more than the limit of {max_bytes} bytes)")
                return
            yield _html(source, data) if kind == "html" else _txt(source, data)
        elif kind == "jsonl":
            with opener() as fh:
                yield from _jsonl(source, fh, max_bytes, fields)
        elif kind == "csv":
            with opener() as fh:
                yield from _csv(source, fh, max_bytes, fields)
        elif kind == "parquet":
            with opener() as fh:
                yield from _parquet(source, fh if not compressed else io.BytesIO(fh.read()), max_bytes, fields)
        elif kind in ("gz", "zip"):
            if depth >= MAX_DEPTH:
                yield Rejection(source, f"archive nested deeper than {MAX_DEPTH} levels")
                return
            if kind == "gz":
                yield from _gz(source, name, opener, size if not compressed else None, max_bytes, fields, depth)
            else:
                yield from _zip(source, opener, compressed, max_bytes, fields, depth)
        else:
            yield Rejection(source, f"unsupported input type: {name}")
    except TooLarge as e:
        yield Rejection(source, str(e))
    except (gzip.BadGzipFile, zipfile.BadZipFile, zlib.error, EOFError) as e:
        yield Rejection(source, f"corrupt archive ({e.__class__.__name__}: {e or 'truncated'})")
    except (OSError, ValueError, UnicodeError) as e:
        yield Rejection(source, f"{e.__class__.__name__}: {e}")


# --- archives ------------------------------------------------------------------------


def _gzip_declared_size(opener: Opener, size: int | None) -> int | None:
    """The uncompressed size from the gzip trailer (mod 2**32; a hint, checked again while reading)."""
    if size is None or size < 18 or size >= 2**32:
        return None
    with opener() as fh:
        fh.seek(size - 4)
        return int.from_bytes(fh.read(4), "little")


def _gz(source: str, name: str, opener: Opener, size: int | None, max_bytes: int, fields: dict[str, str], depth: int) -> Iterator[Item]:
    inner = name[:-3]
    if _kind(inner) is None:
        yield Rejection(source, f"unsupported type inside gzip: {inner or name}")
        return
    declared = _gzip_declared_size(opener, size)
    if declared is not None and declared > max_bytes:
        yield Rejection(source, f"gzip member too large ({declared} bytes uncompressed > limit {max_bytes})")
        return

    def open_inner() -> IO[bytes]:
        raw = opener()
        gz = gzip.GzipFile(fileobj=raw, mode="rb")
        return _closing_stack(io.BufferedReader(_Bounded(gz, max_bytes, f"gzip member {inner}")), gz, raw)

    yield from _read_member(source, inner, open_inner, None, max_bytes, fields, depth + 1, compressed=True)


def _closing_stack(top: IO[bytes], *under: IO[bytes]) -> IO[bytes]:
    """Close the wrapped streams too when `top` is closed."""
    close = top.close

    def close_all() -> None:
        close()
        for u in under:
            u.close()

    top.close = close_all  # type: ignore[method-assign]
    return top


def _zip(source: str, opener: Opener, compressed: bool, max_bytes: int, fields: dict[str, str], depth: int) -> Iterator[Item]:
    fh = opener()
    try:
        if compressed:  # zipfile needs to seek: an inner zip is read (bounded) into memory
            fh = _closing_stack(io.BytesIO(fh.read()), fh)  # type: ignore[assignment]
        with zipfile.ZipFile(fh) as zf:
            found = 0
            for info in zf.infolist():
                base = info.filename.rstrip("/").rsplit("/", 1)[-1]
                if info.is_dir() or base.startswith(".") or "__MACOSX/" in info.filename or _kind(base) is None:
                    continue
                found += 1
                msource = f"{source}/{info.filename}"
                if info.flag_bits & 0x1:
                    yield Rejection(msource, "encrypted zip member")
                    continue
                if info.file_size > max_bytes:
                    yield Rejection(msource, f"zip member too large ({info.file_size} bytes uncompressed > limit {max_bytes})")
                    continue

                def open_member(info: zipfile.ZipInfo = info) -> IO[bytes]:
                    m = zf.open(info)
                    return _closing_stack(io.BufferedReader(_Bounded(m, max_bytes, f"zip member {info.filename}")), m)

                yield from _read_member(msource, base, open_member, None, max_bytes, fields, depth + 1, compressed=True)
            if not found:
                yield Rejection(source, "archive holds no readable input")
    finally:
        fh.close()


def _txt(source: str, data: bytes) -> Item:
    from tasks.ingest.files import decode

    try:
        text, enc = decode(data)
    except ValueError as e:
        return Rejection(source, str(e), sha256(data))
    if not text.strip():
        return Rejection(source, "empty or whitespace-only file", sha256(data))
    return RawDocument(source=source, text=text, encoding=enc, content_sha256=sha256(data))


# --- HTML ----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819", "windows-1252", "cp1252"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Page bytes -> (text, encoding): BOM, then declared charset, then ingest.decode."""
    from tasks.ingest.files import decode

    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError:
                break
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    if m:
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
    return decode(data)


def _parse_datetime(value: Any) -> datetime | None:
    """A tz-aware UTC datetime from a datetime, date, epoch number or ISO/RFC 2822 string, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)):
        v = float(value)
        if v > 1e11:  # milliseconds since the epoch
            v /= 1000
        try:
            dt = datetime.fromtimestamp(v, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            dt = datetime.fromisoformat(s.replace("z", "Z"))
        except ValueError:
            try:
                dt = parsedate_to_datetime(s)
            except (TypeError, ValueError, IndexError):
                return None
            if dt is None:
                return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date.issued", "publish-date", "pubdate")


def _published_metas(tree) -> list[str]:
    """The contents of the page's publication-time meta tags."""
    out = []
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and el.get("content"):
            out.append(el.get("content").strip())
    return out


def _page_timestamp(metas: list[str], day: str) -> datetime | None:
    """A full timestamp from the page's meta tags when it falls on the extracted day."""
    for content in metas:
        if len(content) > 10 and content[:10] == day:
            dt = _parse_datetime(content)
            if dt is not None:
                return dt
    return None


@lru_cache(maxsize=None)
def _boilerplate() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in DATA.lines("html_boilerplate.txt")), re.I)


def _is_boilerplate(text: str) -> bool:
    return len(text.split()) <= BOILERPLATE_MAX_WORDS and _boilerplate().search(text) is not None


def _blocks(body) -> list[tuple[str, str]]:
    """(kind, text) paragraphs from trafilatura's XML body."""
    from trafilatura.xml import xmltotxt

    out: list[tuple[str, str]] = []
    for child in body:
        if child.tag == "graphic":
            continue
        text = xmltotxt(child, include_formatting=False)
        kind = "subheading" if child.tag == "head" else "body"
        for line in text.split("\n"):
            line = line.strip()
            if child.tag == "list":
                line = re.sub(r"^(?:[-*\u2022]|[0-9]+\.)\s+", "", line)
            elif child.tag == "table" and line.startswith("|"):
                if re.fullmatch(r"[|\-: ]+", line):
                    continue
                line = line.strip("| ").strip()
            if line and not _is_boilerplate(line):
                out.append((kind, line))
    return out


def _strip_site_name(title: str, site: str | None) -> str | None:
    """'Headline | Site' -> 'Headline' (also 'Site - Headline', with -, |, \u2013, \u2014, : or \u00b7)."""
    if site:
        site = re.escape(site.strip())
        title = re.sub(rf"\s+[|\-\u2013\u2014:\u00b7]\s+{site}$", "", title, flags=re.I)
        title = re.sub(rf"^{site}\s+[|\-\u2013\u2014:\u00b7]\s+", "", title, flags=re.I)
    return title or None


def _standfirst(description: str | None, title: str | None, blocks: list[tuple[str, str]]) -> str | None:
    """The page's description (og:description, meta description) as standfirst, when it is a
    full sentence about the article that the extracted text does not already hold."""
    if not description:
        return None
    d = re.sub(r"\s+", " ", description).strip()
    words = re.findall(r"\w+", d.lower())
    if len(words) < STANDFIRST_MIN_WORDS or d.endswith(("...", "\u2026")) or (title and d.lower() == title.lower()):
        return None
    body = " ".join(t for _, t in blocks)
    norm_body = re.sub(r"\s+", " ", body).lower()
    if d.lower() in norm_body or d.lower()[:STANDFIRST_PREFIX] in norm_body:
        return None
    content = [w for w in words if len(w) > 3]
    body_words = set(re.findall(r"\w+", norm_body))
    if not content or sum(w in body_words for w in content) < STANDFIRST_OVERLAP * len(content):
        return None
    return d


def _html(source: str, data: bytes) -> Item:
    import trafilatura
    from lxml import etree

    digest = sha256(data)
    try:
        text, enc = decode_html(data)
    except ValueError as e:
        return Rejection(source, str(e), digest)
    if not text.strip():
        return Rejection(source, "empty page", digest)
    try:
        tree = trafilatura.load_html(text)
        if tree is None and "<" in text:  # a fragment (no <html>): parse it wrapped in a page
            tree = trafilatura.load_html(f"<html><body>{text}</body></html>")
        if tree is None:
            return Rejection(source, "not parseable as HTML", digest)
        metas = _published_metas(tree)
        doc = trafilatura.bare_extraction(tree, include_comments=False, include_formatting=True, with_metadata=True)
    except (ValueError, TypeError, etree.LxmlError) as e:
        return Rejection(source, f"HTML extraction failed: {e.__class__.__name__}: {e}", digest)
    if doc is None or doc.body is None:
        return Rejection(source, "no article text found in the page", digest)
    blocks = _blocks(doc.body)
    if not blocks:
        return Rejection(source, "no article text found in the page", digest)
    title = _strip_site_name(re.sub(r"\s+", " ", doc.title).strip(), doc.sitename) if doc.title else None
    url = doc.url if doc.url and re.match(r"https?://", doc.url) else None
    published = None
    if doc.date and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", doc.date):
        published = _page_timestamp(metas, doc.date) or _parse_datetime(doc.date)
    if published is None:
        d = url_date(url)
        published = _parse_datetime(d) if d else None
    if title and blocks[0][1] == title:  # the page's <h1> kept in the text: it is the headline
        blocks = blocks[1:]
    if not blocks:
        return Rejection(source, "no article text found in the page (headline only)", digest)
    standfirst = _standfirst(doc.description, title, blocks)
    hint = ([("headline", title)] if title else []) + ([("standfirst", standfirst)] if standfirst else []) + blocks
    body_text = "\n\n".join(t for _, t in hint)
    return RawDocument(source=source, text=body_text, encoding=enc, content_sha256=digest, title=title, url=url,
                       published_at=published, paragraphs_hint=hint)


# --- bulk rows -----------------------------------------------------------------------


def _columns(fields: dict[str, str], available) -> dict[str, str | None]:
    """The column read for each field: the mapped one, else the first default present."""
    return {key: fields[key] if key in fields else next((c for c in defaults if c in available), None)
            for key, defaults in FIELD_DEFAULTS.items()}


def _pick(row: dict[str, Any], key: str, cols: dict[str, str | None]) -> Any:
    col = cols[key]
    return row.get(col) if col is not None else None


def _with_title(title: str | None, text: str) -> str:
    """Put the title in front of the text unless it already opens it (see the module doc)."""
    if not title or re.sub(r"\s+", " ", text.lstrip()[: 2 * len(title) + 2]).startswith(title):
        return text
    sep = "\n\n" if re.search(r"\n[ \t]*\n", text.strip()) else "\n"
    return title + sep + text


def _valid_str(v: Any) -> bool:
    """A string that can be written as UTF-8 (no lone surrogates from JSON escapes)."""
    if not isinstance(v, str):
        return False
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _row(source: str, n: int, row: Any, cols: dict[str, str | None], max_bytes: int) -> Item:
    if not isinstance(row, dict):
        return Rejection(f"{source}#{n}", f"row is a JSON {type(row).__name__}, not an object")
    rid = _pick(row, "id", cols)
    ok_id = isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid).strip()
    rsource = f"{source}#{str(rid).strip()}" if ok_id else f"{source}#{n}"
    text = _pick(row, "text", cols)
    want = cols["text"] or " / ".join(FIELD_DEFAULTS["text"])
    if text is None:
        return Rejection(rsource, f"row has no text field ({want})")
    if not isinstance(text, str):
        return Rejection(rsource, f"text field ({want}) is a {type(text).__name__}, not a string")
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as e:
        return Rejection(rsource, f"text field ({want}) is not valid Unicode: {e.reason} at {e.start}")
    digest = sha256(raw)
    if not text.strip():
        return Rejection(rsource, f"empty text field ({want})", digest)
    if len(raw) > max_bytes:
        return Rejection(rsource, f"row text too large ({len(raw)} bytes > limit {max_bytes})", digest)
    title = _pick(row, "title", cols)
    title = re.sub(r"\s+", " ", title).strip() or None if _valid_str(title) else None
    url = _pick(row, "url", cols)
    url = url.strip() or None if _valid_str(url) else None
    pub_raw = _pick(row, "published_at", cols)
    published = _parse_datetime(pub_raw)
    if pub_raw not in (None, "") and published is None:
        log.info("%s: unparseable published_at %r dropped", rsource, pub_raw)
    return RawDocument(source=rsource, text=_with_title(title, text), encoding="utf-8", content_sha256=digest,
                       title=title, url=url, published_at=published)


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[bytes, int]]:
    """The stream's lines, each read with at most `limit` bytes in memory; a longer line is
    skipped to its end and given as (b"", its length)."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = fh.readline(limit + 1)
            size += len(line)
        yield b"", size


def _jsonl(source: str, fh: IO[bytes], max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    # a line holds its text JSON-escaped: allow it twice the size bound
    for n, (line, size) in enumerate(_lines(fh, 2 * max_bytes), start=1):
        if size > 2 * max_bytes:
            yield Rejection(f"{source}#{n}", f"line too large ({size} bytes > limit {2 * max_bytes})")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except UnicodeDecodeError as e:
            yield Rejection(f"{source}#{n}", f"line is not UTF-8: {e}", sha256(line))
            continue
        except json.JSONDecodeError as e:
            yield Rejection(f"{source}#{n}", f"invalid JSON: {e.msg} at column {e.colno}", sha256(line))
            continue
        except RecursionError:
            yield Rejection(f"{source}#{n}", "invalid JSON: nested too deeply", sha256(line))
            continue
        yield _row(source, n, row, _columns(fields, row) if isinstance(row, dict) else {}, max_bytes)


def _csv_lines(fh: IO[bytes], state: dict[str, Any]) -> Iterator[str]:
    """The file's lines decoded one by one: UTF-8, else (like ingest.decode) cp1252 / Latin-1;
    state["fallback"] is set when a line needed the fallback."""
    first = True
    for line in fh:
        if first and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        first = False
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            state["fallback"] = True
            try:
                yield line.decode("cp1252")
            except UnicodeDecodeError:
                yield line.decode("latin-1")


def _csv(source: str, fh: IO[bytes], max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    if csv.field_size_limit() < max_bytes * 2:
        csv.field_size_limit(max_bytes * 2)
    state: dict[str, Any] = {"fallback": False}
    reader = csv.DictReader(_csv_lines(fh, state))
    n = 0
    try:
        header = reader.fieldnames
        if not header:
            yield Rejection(source, "empty CSV file (no header row)")
            return
        cols = _columns(fields, list(header))
        if cols["text"] not in header:
            yield Rejection(source, f"no text column ({cols['text'] or ' / '.join(FIELD_DEFAULTS['text'])}) in the CSV header {list(header)}")
            return
        state["fallback"] = False
        for n, row in enumerate(reader, start=1):
            if None in row:  # more cells than header columns
                row = {k: v for k, v in row.items() if k is not None}
            item = _row(source, n, row, cols, max_bytes)
            if state["fallback"] and isinstance(item, RawDocument):
                item.encoding = "cp1252 (fallback from utf-8)"
            state["fallback"] = False
            yield item
    except csv.Error as e:
        yield Rejection(f"{source}#{n + 1}", f"malformed CSV at record {n + 1}: {e}; rest of the file not read")


def _parquet(source: str, fh: IO[bytes], max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(fh)
    except (pa.ArrowException, OSError) as e:
        yield Rejection(source, f"not a readable Parquet file: {e}")
        return
    names = pf.schema_arrow.names
    cols = _columns(fields, names)
    if cols["text"] not in names:
        yield Rejection(source, f"no text column ({cols['text'] or ' / '.join(FIELD_DEFAULTS['text'])}) in the Parquet schema {names}")
        return
    wanted = sorted({c for c in cols.values() if c is not None and c in names})
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
            for row in batch.to_pylist():
                n += 1
                yield _row(source, n, row, cols, max_bytes)
    except (pa.ArrowException, OSError) as e:
        yield Rejection(f"{source}#{n + 1}", f"Parquet read failed after {n} rows: {e}")


__all__ = ["SUFFIXES", "read", "decode_html", "FIELD_DEFAULTS"]
