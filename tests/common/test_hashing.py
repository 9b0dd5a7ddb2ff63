"""The SHA-256 helper: bytes in memory and files streamed in chunks give the same digest."""
from __future__ import annotations

import pytest

from tasks.common.hashing import sha256, sha256_file

EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_sha256_exact():
    assert sha256(b"") == EMPTY
    assert sha256(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_file_digest_streamed_in_chunks(tmp_path):
    p = tmp_path / "tide.txt"
    data = "High tide at 06:12, low tide at 12:30.\n".encode() * 5
    p.write_bytes(data)
    assert sha256_file(p) == sha256_file(p, chunk_bytes=7) == sha256(data)  # one chunk, or many with a short last one
    (tmp_path / "empty.txt").write_bytes(b"")
    assert sha256_file(str(tmp_path / "empty.txt")) == EMPTY


def test_unreadable_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        sha256_file(tmp_path / "missing.txt")
