"""Archives: .gz (of any input kind: x.jsonl.gz, page.html.gz) and .zip (members of any input
kind; folders, dotfiles, __MACOSX and members of other kinds are skipped, as tasks.ingest.discover
skips them in folders).

Both are streamed, with a bound of max_bytes on the uncompressed size of each member: the
declared size (zip header, gzip trailer) is checked first, and the bytes actually inflated are
counted too (a TooLarge error while reading; rows of a bulk member read before the bound was
hit are kept). Archives nest at most MAX_DEPTH deep. Members are named f"{archive}/{member}".
This module only opens archives: each member it yields is read by tasks.ingest.dispatch.
"""
from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from typing import IO

from tasks.ingest.kinds import kind_of
from tasks.ingest.member import Member, Opener
from tasks.model import Rejection

MAX_DEPTH = 2  # an archive inside an archive at most
GZIP_TRAILER_MIN_FILE = 18  # a gzip file shorter than this has no trailer to read
ZIP_ENCRYPTED_FLAG = 0x1


class TooLarge(ValueError):
    """A member inflated past the bound."""


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


def _closing_stack(top: IO[bytes], *under: IO[bytes]) -> IO[bytes]:
    """Close the wrapped streams too when `top` is closed."""
    close = top.close

    def close_all() -> None:
        close()
        for u in under:
            u.close()

    top.close = close_all  # type: ignore[method-assign]
    return top


def archive_members(archive: Member, max_bytes: int) -> Iterator[Member | Rejection]:
    """The members of a .gz or .zip to read, and refusals for the ones that cannot be read."""
    if archive.depth >= MAX_DEPTH:
        yield Rejection(archive.source, f"archive nested deeper than {MAX_DEPTH} levels")
    elif kind_of(archive.name) == "gz":
        yield _gzip_member(archive, max_bytes)
    else:
        yield from _zip_members(archive, max_bytes)


# --- gzip ----------------------------------------------------------------------------


def _gzip_declared_size(opener: Opener, size: int | None) -> int | None:
    """The uncompressed size from the gzip trailer (mod 2**32; a hint, checked again while reading)."""
    if size is None or size < GZIP_TRAILER_MIN_FILE or size >= 2**32:
        return None
    with opener() as fh:
        fh.seek(size - 4)
        return int.from_bytes(fh.read(4), "little")


def _gzip_member(archive: Member, max_bytes: int) -> Member | Rejection:
    inner = archive.name[:-3]
    if kind_of(inner) is None:
        return Rejection(archive.source, f"unsupported type inside gzip: {inner or archive.name}")
    declared = _gzip_declared_size(archive.open, archive.size)
    if declared is not None and declared > max_bytes:
        return Rejection(archive.source, f"gzip member too large ({declared} bytes uncompressed > limit {max_bytes})")

    def open_inner() -> IO[bytes]:
        raw = archive.open()
        gz = gzip.GzipFile(fileobj=raw, mode="rb")
        return _closing_stack(io.BufferedReader(_Bounded(gz, max_bytes, f"gzip member {inner}")), gz, raw)

    return Member(archive.source, inner, open_inner, depth=archive.depth + 1)


# --- zip -----------------------------------------------------------------------------


def _zip_members(archive: Member, max_bytes: int) -> Iterator[Member | Rejection]:
    fh = archive.open()
    try:
        if archive.in_archive:  # zipfile needs to seek: an inner zip is read (bounded) into memory
            fh = _closing_stack(io.BytesIO(fh.read()), fh)  # type: ignore[assignment]
        with zipfile.ZipFile(fh) as zf:
            found = 0
            for info in zf.infolist():
                base = info.filename.rstrip("/").rsplit("/", 1)[-1]
                if info.is_dir() or base.startswith(".") or "__MACOSX/" in info.filename or kind_of(base) is None:
                    continue
                found += 1
                yield _zip_member(zf, info, base, archive, max_bytes)
            if not found:
                yield Rejection(archive.source, "archive holds no readable input")
    finally:
        fh.close()


def _zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, base: str, archive: Member, max_bytes: int) -> Member | Rejection:
    source = f"{archive.source}/{info.filename}"
    if info.flag_bits & ZIP_ENCRYPTED_FLAG:
        return Rejection(source, "encrypted zip member")
    if info.file_size > max_bytes:
        return Rejection(source, f"zip member too large ({info.file_size} bytes uncompressed > limit {max_bytes})")

    def open_member() -> IO[bytes]:
        m = zf.open(info)
        return _closing_stack(io.BufferedReader(_Bounded(m, max_bytes, f"zip member {info.filename}")), m)

    return Member(source, base, open_member, depth=archive.depth + 1)


__all__ = ["MAX_DEPTH", "TooLarge", "archive_members"]
