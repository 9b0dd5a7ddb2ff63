"""Writing files so that a reader (or a crash) never sees half of one: atomic JSON and Parquet.

A file is written beside its destination under a temporary name, flushed to disk, then
renamed over the destination (`os.replace` is atomic on one file system).
"""
from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

PARQUET_OPTS = {"compression": "zstd", "use_dictionary": True, "write_statistics": True}


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
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def atomic_write_json(path: Path, obj) -> None:
    atomic_write_bytes(path, json.dumps(obj, indent=1, sort_keys=True, default=str).encode("utf-8"))


def write_parquet(table: pa.Table, path: Path) -> None:
    """A table part, compressed, written under a temporary name and renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, **PARQUET_OPTS)
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_part(path: Path) -> pa.Table:
    """One part file as written (its folder names are not read as partition columns)."""
    return pq.read_table(path, partitioning=None)
