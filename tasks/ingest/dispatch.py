"""Read input files by their kind (tasks.ingest.kinds) into documents, one per article, or
rejections with the reason; a bad input never raises out of `read`.

    txt      tasks.ingest.formats.text       one article
    html     tasks.ingest.formats.html       one article
    jsonl, csv, parquet   tasks.ingest.formats.bulk    one article per line/row, streamed
    gz, zip  tasks.ingest.formats.archive    their members, each read here by its own kind

Every single file or member is bounded by max_bytes (a bulk row's text too).
"""
from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator

from tasks.common.hashing import sha256
from tasks.ingest.discover import InputFile
from tasks.ingest.formats.archive import TooLarge, archive_members
from tasks.ingest.formats.bulk import FIELD_DEFAULTS, csv_documents, jsonl_documents, parquet_documents, unknown_fields
from tasks.ingest.formats.html import html_document
from tasks.ingest.formats.text import text_document
from tasks.ingest.kinds import ARCHIVE_KINDS, kind_of
from tasks.ingest.member import Item, Member
from tasks.model import RawDocument, Rejection

MAX_BYTES = 20_000_000
BULK_READERS = {"jsonl": jsonl_documents, "csv": csv_documents, "parquet": parquet_documents}


def read(files: Iterable[InputFile], max_bytes: int = MAX_BYTES, fields: dict[str, str] | None = None) -> Iterator[Item]:
    """Read each input file into documents (bulk files give several), or a rejection.

    A .txt file that cannot be read is refused as "ErrorClass: reason" with no content hash,
    where a .txt inside an archive is refused with the bare reason and its hash (as it always was)."""
    for f in files:
        try:
            if kind_of(f.path.name) == "txt":
                yield _text_file(f, max_bytes)
            else:
                yield from _other_file(f, max_bytes, fields or {})
        except (OSError, ValueError, UnicodeError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            yield Rejection(f.source, f"{e.__class__.__name__}: {reason}")


def _text_file(f: InputFile, max_bytes: int) -> RawDocument:
    """One .txt input; raises ValueError/OSError with the reason."""
    size = f.path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file too large ({size} bytes > limit {max_bytes})")
    return text_document(f.source, f.path.read_bytes())


def _other_file(f: InputFile, max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    bad = unknown_fields(fields)
    if bad:
        yield Rejection(f.source, f"unknown field mapping key(s) {bad}; known: {sorted(FIELD_DEFAULTS)}")
        return
    path = f.path
    yield from read_member(Member(f.source, path.name, lambda: open(path, "rb"), path.stat().st_size), max_bytes, fields)


def read_member(member: Member, max_bytes: int, fields: dict[str, str]) -> Iterator[Item]:
    """Documents (or rejections) from one file or archive member, by its kind."""
    kind = kind_of(member.name)
    try:
        if kind in ("html", "txt"):
            yield _single(member, kind, max_bytes)
        elif kind in BULK_READERS:
            with member.open() as fh:
                if kind == "parquet" and member.in_archive:  # Parquet needs to seek
                    fh = io.BytesIO(fh.read())
                yield from BULK_READERS[kind](member.source, fh, max_bytes, fields)
        elif kind in ARCHIVE_KINDS:
            for inner in archive_members(member, max_bytes):
                if isinstance(inner, Member):
                    yield from read_member(inner, max_bytes, fields)
                else:
                    yield inner
        else:
            yield Rejection(member.source, f"unsupported input type: {member.name}")
    except TooLarge as e:
        yield Rejection(member.source, str(e))
    except (gzip.BadGzipFile, zipfile.BadZipFile, zlib.error, EOFError) as e:
        yield Rejection(member.source, f"corrupt archive ({e.__class__.__name__}: {e or 'truncated'})")
    except (OSError, ValueError, UnicodeError) as e:
        yield Rejection(member.source, f"{e.__class__.__name__}: {e}")


def _single(member: Member, kind: str, max_bytes: int) -> Item:
    """A one-article file or member (a page or a text file), bounded by max_bytes."""
    if member.size is not None and member.size > max_bytes:
        return Rejection(member.source, f"file too large ({member.size} bytes > limit {max_bytes})")
    with member.open() as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejection(member.source, f"file too large (more than the limit of {max_bytes} bytes)")
    if kind == "html":
        return html_document(member.source, data)
    try:
        return text_document(member.source, data)
    except ValueError as e:
        return Rejection(member.source, str(e), sha256(data))


__all__ = ["MAX_BYTES", "read", "read_member"]
