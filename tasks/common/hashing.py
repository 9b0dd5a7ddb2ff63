"""SHA-256 digests, the one helper every stage uses: of bytes in memory and of a file read in chunks."""
from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK_BYTES = 1 << 20  # a file is hashed a megabyte at a time, never loaded whole


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path, chunk_bytes: int = CHUNK_BYTES) -> str:
    """Hex SHA-256 of a file's bytes, streamed (raises OSError when it cannot be read)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(chunk_bytes), b""):
            h.update(chunk)
    return h.hexdigest()


__all__ = ["sha256", "sha256_file"]
