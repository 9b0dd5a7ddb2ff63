"""Ingest: find the input files, read and decode them, hash their bytes.

Every input that cannot be read as an article becomes a `Rejection` with its reason; the
others are yielded as `RawDocument`s. Nothing here raises for a bad file.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tasks.model import RawDocument, Rejection

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
MAX_BYTES = 20_000_000
BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "zip archive",
    b"\x1f\x8b": "gzip archive",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x7fELF": "executable",
}


@dataclass
class InputFile:
    path: Path  # where to read it
    source: str  # the path as the user gave it (joined with the relative part)


def suffixes() -> tuple[str, ...]:
    from tasks.ingest import readers

    return TEXT_SUFFIXES + readers.SUFFIXES


def discover(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[Rejection]]:
    """Every input file under the given paths (files or folders, recursively), sorted.

    Symlinks are followed only when they point at a file inside the folder being walked;
    loops and links leading outside are refused, as are unreadable folders."""
    found: list[InputFile] = []
    rejected: list[Rejection] = []
    exts = suffixes()
    for given in paths:
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            rejected.append(Rejection(str(given), "input path does not exist"))
            continue
        if root.is_file():
            found.append(InputFile(root, str(given)))
            continue
        try:
            root_real = root.resolve(strict=True)
        except (OSError, RuntimeError) as e:
            rejected.append(Rejection(str(given), f"cannot resolve input folder: {e}"))
            continue

        def onerror(err: OSError) -> None:
            rejected.append(Rejection(str(err.filename), f"unreadable folder: {err.strerror}"))

        for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for d in list(dirnames):
                if os.path.islink(os.path.join(dirpath, d)):
                    dirnames.remove(d)
                    rejected.append(Rejection(os.path.join(dirpath, d), "symlinked folder not followed"))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                full = Path(dirpath) / name
                if not name.lower().endswith(exts):
                    continue
                if full.is_symlink():
                    try:
                        target = full.resolve(strict=True)
                    except (OSError, RuntimeError) as e:
                        rejected.append(Rejection(str(full), f"broken or looping symlink: {e.__class__.__name__}"))
                        continue
                    if root_real not in target.parents:
                        rejected.append(Rejection(str(full), f"symlink points outside the input folder ({target})"))
                        continue
                    if not target.is_file():
                        rejected.append(Rejection(str(full), "symlink does not point at a regular file"))
                        continue
                elif not full.is_file():  # a FIFO, socket or device would block or never end
                    rejected.append(Rejection(str(full), "not a regular file (FIFO, socket or device)"))
                    continue
                found.append(InputFile(full, str(full)))
    found.sort(key=lambda f: f.source)
    return found, rejected


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Decode input bytes; returns (text, encoding). Raises ValueError with the reason."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ValueError(f"binary file ({what}), not text")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise ValueError(f"UTF-16 byte-order mark but undecodable: {e}") from e
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nuls = data.count(b"\x00")
    if nuls and nuls > 0.05 * len(data):  # a stray NUL in text is cleaned away; many mean binary
        raise ValueError(f"binary content ({nuls} NUL bytes in {len(data)})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: Windows-1252 is what such news files almost always are (it is Latin-1 plus
    # curly quotes and dashes in 0x80-0x9F); undefined cp1252 bytes fall back to Latin-1.
    try:
        return data.decode("cp1252"), "cp1252 (fallback from utf-8)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1 (fallback from utf-8)"


def read_text_file(f: InputFile, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read one .txt input; raises ValueError/OSError with the reason."""
    size = f.path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file too large ({size} bytes > limit {max_bytes})")
    data = f.path.read_bytes()
    text, enc = decode(data)
    if not text.strip():
        raise ValueError("empty or whitespace-only file")
    return RawDocument(source=f.source, text=text, encoding=enc, content_sha256=sha256(data))


def read(files: Iterable[InputFile], max_bytes: int = MAX_BYTES, fields: dict[str, str] | None = None) -> Iterator[RawDocument | Rejection]:
    """Read each input file into documents (bulk files give several), or a rejection."""
    from tasks.ingest import readers

    for f in files:
        try:
            if f.path.name.lower().endswith(TEXT_SUFFIXES):
                yield read_text_file(f, max_bytes)
            else:
                yield from readers.read(f, max_bytes=max_bytes, fields=fields)
        except (OSError, ValueError, UnicodeError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            yield Rejection(f.source, f"{e.__class__.__name__}: {reason}")
