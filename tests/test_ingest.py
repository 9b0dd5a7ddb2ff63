"""Ingest: discovery, decoding with recorded fallbacks, clear refusals."""
from __future__ import annotations

import os

import pytest

from tasks.ingest.files import decode, discover, read
from tasks.model import RawDocument, Rejection


def test_decode_utf8_cp1252_utf16():
    assert decode("caf\u00e9 \u201cx\u201d".encode()) == ("caf\u00e9 \u201cx\u201d", "utf-8")
    text, enc = decode("caf\u00e9 \u2013 \u00a3100".encode("cp1252"))
    assert text == "caf\u00e9 \u2013 \u00a3100" and enc.startswith("cp1252")
    assert decode("Hello".encode("utf-16")) == ("Hello", "utf-16")


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
    (b"%PDF-1.4\n", "PDF"),
    (b"PK\x03\x04rest", "zip"),
    (b"abc\x00\x00\x00\x00def\x00\x00", "NUL"),
])
def test_decode_refuses_binary(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode(data)


def test_discover_and_read_refuse_bad_files_one_by_one(tmp_path):
    (tmp_path / "good one.txt").write_text("Headline\nBody.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "ignored.md").write_text("not an input", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "caf\u00e9.txt").write_bytes("Caf\u00e9 news\nText.\n".encode("cp1252"))
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    outside = tmp_path.parent / "outside-newsfacts.txt"
    outside.write_text("Outside\nx\n", encoding="utf-8")
    os.symlink(outside, tmp_path / "out.txt")
    files, rejected = discover([tmp_path])
    assert sorted(os.path.basename(f.source) for f in files) == sorted(["empty.txt", "good one.txt", "img.txt", "caf\u00e9.txt"])
    assert sorted((os.path.basename(r.source), r.reason.split(" (")[0].split(":")[0]) for r in rejected) == [
        ("loop.txt", "broken or looping symlink"), ("out.txt", "symlink points outside the input folder")]
    got = {os.path.basename(x.source): x for x in read(files)}
    assert isinstance(got["good one.txt"], RawDocument) and got["good one.txt"].text == "Headline\nBody.\n"
    assert got["caf\u00e9.txt"].text.startswith("Caf\u00e9") and "cp1252" in got["caf\u00e9.txt"].encoding
    assert isinstance(got["empty.txt"], Rejection) and "empty" in got["empty.txt"].reason
    assert isinstance(got["img.txt"], Rejection) and "PNG" in got["img.txt"].reason


def test_missing_input_path_is_refused(tmp_path):
    files, rejected = discover([tmp_path / "nope"])
    assert files == [] and [r.reason for r in rejected] == ["input path does not exist"]
