"""Writing files so that a reader (or a crash) never sees half of one: atomic JSON and Parquet.

A file is written beside its destination under a temporary name, flushed to disk, then
renamed over the destination (`os.replace` is atomic on one file system).
"""
from __future__ import annotations

import errno
import json
import logging
import os
import re
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import PIPELINE_VERSION
from tasks.schemas import SCHEMA_VERSION

log = logging.getLogger(__name__)

PARQUET_OPTS = {"compression": "zstd", "use_dictionary": True, "write_statistics": True}
VERSION_PREFIX = "newsfacts."  # key-value metadata of every part: newsfacts.pipeline_version, newsfacts.schema_version
VERSION_KEYS = {f"{VERSION_PREFIX}pipeline_version".encode(): PIPELINE_VERSION.encode(),
                f"{VERSION_PREFIX}schema_version".encode(): SCHEMA_VERSION.encode()}
# errors that say the output folder cannot take the run's files, rather than that a file is bad
UNWRITABLE = {errno.ENOSPC: "no space left on the device", errno.EDQUOT: "disk quota exceeded", errno.EFBIG: "file too large",
              errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied", errno.EPERM: "operation not permitted"}


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (new names, renames) durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise
    fsync_dir(path.parent)


def atomic_write_json(path: Path, obj) -> None:
    atomic_write_bytes(path, json.dumps(obj, indent=1, sort_keys=True, default=str).encode("utf-8"))


def write_parquet(table: pa.Table, path: Path, stamp: bool = True) -> None:
    """A table part, compressed, written under a temporary name and renamed into place. Every
    part records the pipeline and schema versions that wrote it (Parquet key-value metadata;
    `stamp=False` keeps the ones `table` has, for rows kept as an older version wrote them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if stamp:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **VERSION_KEYS})
    try:
        pq.write_table(table, tmp, **PARQUET_OPTS)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def versions_of(path: Path) -> dict[str, str]:
    """The pipeline and schema versions a part records ({} for a part written before they were)."""
    md = pq.read_schema(path).metadata or {}
    return {k.decode()[len(VERSION_PREFIX):]: v.decode() for k, v in md.items() if k.startswith(VERSION_PREFIX.encode())}


def _discard(tmp: Path) -> None:
    """Remove a temporary file a failed write left (a full disk still lets a file be removed)."""
    try:
        tmp.unlink(missing_ok=True)
    except OSError as e:
        log.warning("could not remove %s: %s", tmp, e)


def read_part(path: Path) -> pa.Table:
    """One part file as written (its folder names are not read as partition columns)."""
    return pq.read_table(path, partitioning=None)


def unwritable(e: BaseException | None) -> str | None:
    """Why `e` (or an error it was raised from) says the output folder cannot be written:
    full, over quota, read-only, no permission. None for any other error. pyarrow reports
    the errno in its message ("[errno 28] No space left on device") rather than on the error."""
    seen = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, OSError):
            code = e.errno
            if code is None:
                m = re.search(r"\[errno (\d+)\]", str(e), re.IGNORECASE)
                code = int(m.group(1)) if m else None
            if code in UNWRITABLE:
                return UNWRITABLE[code]
        e = e.__cause__ or e.__context__
    return None
