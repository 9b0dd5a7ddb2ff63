"""Bulk dumps, one article per line/row, streamed: JSON Lines (.jsonl, .ndjson; one object a
line, read line by line), CSV (header row; csv module), Parquet (read in batches).

Field names: `fields` maps title/text/url/published_at/id to the column to read; without it
the first present of FIELD_DEFAULTS is used:
    text: text, content, body, article     title: title, headline
    url: url, link                         published_at: published_at, date, published, publish_date
    id: id, source
source is f"{file}#{id}" with the row's id, else f"{file}#{n}" where n is the 1-based line
number (JSONL) or record number (CSV, Parquet, header excluded). content_sha256 is the sha256
of the row's text (UTF-8). A row with no usable text, a line that is not a JSON object, or text
over max_bytes gives one Rejection; the other rows are still read. published_at is read by
tasks.ingest.published.parse_timestamp; an unparseable one is dropped (None), not guessed.
CSV lines that are not UTF-8 are decoded by tasks.ingest.decode.LineDecoder (cp1252), and the
row's encoding says so.

Title and text: the text is given to tasks.structure.clean, whose first paragraph is the
headline. So when the row has a title and its text does not already start with it, the title
is put in front, separated the way the text separates its own paragraphs: a blank line when the
text has blank lines (blank-line layout), a single newline otherwise (line layout: the text's
first line then stays the standfirst, as for .txt inputs). RawDocument.title is the row's title
either way.
"""
from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterator
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.common.hashing import sha256
from tasks.ingest.decode import CP1252_FALLBACK, LineDecoder
from tasks.ingest.published import parse_timestamp
from tasks.ingest.member import Item
from tasks.model import RawDocument, Rejection

log = logging.getLogger(__name__)

BATCH_ROWS = 256  # Parquet rows read at a time
JSON_ESCAPE_ALLOWANCE = 2  # a JSON line holds its text escaped: it may be this many times max_bytes

FIELD_DEFAULTS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published_at": ("published_at", "date", "published", "publish_date"),
    "id": ("id", "source"),
}

Columns = dict[str, str | None]


def unknown_fields(fields: dict[str, str]) -> list[str]:
    """The keys of a field mapping that name no field, sorted."""
    return sorted(set(fields) - set(FIELD_DEFAULTS))


def _columns(fields: dict[str, str], available) -> Columns:
    """The column read for each field: the mapped one, else the first default present."""
    return {key: fields[key] if key in fields else next((c for c in defaults if c in available), None)
            for key, defaults in FIELD_DEFAULTS.items()}


def _wanted_text(cols: Columns) -> str:
    """The text column named in a reason: the one read, else the defaults looked for."""
    return cols["text"] or " / ".join(FIELD_DEFAULTS["text"])


def _pick(row: dict[str, Any], key: str, cols: Columns) -> Any:
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


def _row(source: str, n: int, row: Any, cols: Columns, max_bytes: int) -> Item:
    """The document in one row, or why it has none."""
    if not isinstance(row, dict):
        return Rejection(f"{source}#{n}", f"row is a JSON {type(row).__name__}, not an object")
    rid = _pick(row, "id", cols)
    ok_id = isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid).strip()
    rsource = f"{source}#{str(rid).strip()}" if ok_id else f"{source}#{n}"
    text = _pick(row, "text", cols)
    want = _wanted_text(cols)
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
    return RawDocument(source=rsource, text=_with_title(title, text), encoding="utf-8", content_sha256=digest,
                       title=title, url=url, published_at=_published(rsource, _pick(row, "published_at", cols)))


def _published(rsource: str, value: Any):
    published = parse_timestamp(value)
    if value not in (None, "") and published is None:
        log.info("%s: unparseable published_at %r dropped", rsource, value)
    return published


# --- JSON Lines ----------------------------------------------------------------------


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


def jsonl_documents(source: str, fh: IO[bytes], max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    limit = JSON_ESCAPE_ALLOWANCE * max_bytes
    for n, (line, size) in enumerate(_lines(fh, limit), start=1):
        if size > limit:
            yield Rejection(f"{source}#{n}", f"line too large ({size} bytes > limit {limit})")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)  # bytes: json decodes them (see tasks.ingest.decode)
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


# --- CSV -----------------------------------------------------------------------------


def csv_documents(source: str, fh: IO[bytes], max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    if csv.field_size_limit() < max_bytes * 2:
        csv.field_size_limit(max_bytes * 2)
    decoder = LineDecoder()
    reader = csv.DictReader(decoder.lines(fh))
    n = 0
    try:
        header = reader.fieldnames
        if not header:
            yield Rejection(source, "empty CSV file (no header row)")
            return
        cols = _columns(fields, list(header))
        if cols["text"] not in header:
            yield Rejection(source, f"no text column ({_wanted_text(cols)}) in the CSV header {list(header)}")
            return
        decoder.fell_back = False
        for n, row in enumerate(reader, start=1):
            if None in row:  # more cells than header columns
                row = {k: v for k, v in row.items() if k is not None}
            item = _row(source, n, row, cols, max_bytes)
            if decoder.fell_back and isinstance(item, RawDocument):
                item.encoding = CP1252_FALLBACK
            decoder.fell_back = False
            yield item
    except csv.Error as e:
        yield Rejection(f"{source}#{n + 1}", f"malformed CSV at record {n + 1}: {e}; rest of the file not read")


# --- Parquet -------------------------------------------------------------------------


def parquet_documents(source: str, fh: IO[bytes], max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    """Rows of a Parquet file (`fh` must be seekable)."""
    try:
        pf = pq.ParquetFile(fh)
    except (pa.ArrowException, OSError) as e:
        yield Rejection(source, f"not a readable Parquet file: {e}")
        return
    names = pf.schema_arrow.names
    cols = _columns(fields, names)
    if cols["text"] not in names:
        yield Rejection(source, f"no text column ({_wanted_text(cols)}) in the Parquet schema {names}")
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


__all__ = ["FIELD_DEFAULTS", "unknown_fields", "jsonl_documents", "csv_documents", "parquet_documents"]
