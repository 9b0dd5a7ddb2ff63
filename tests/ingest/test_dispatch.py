"""Reading inputs by their kind: one document per article, or one refusal with its reason."""
from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

from tasks import ingest
from tasks.ingest.discover import InputFile, discover
from tasks.ingest.dispatch import read
from tasks.model import RawDocument, Rejection


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


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


def test_ingest_discovers_and_reads_reader_types(tmp_path):
    (tmp_path / "a.txt").write_text("Plain\n\nText file.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Row one."}\n', encoding="utf-8")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Row two."}\n'))
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    files, rejected = ingest.discover([tmp_path])
    assert rejected == [] and [f.path.name for f in files] == ["a.txt", "b.jsonl", "c.jsonl.gz"]
    docs = list(ingest.read(files))
    assert [(Path(d.source).name, d.text) for d in docs] == [("a.txt", "Plain\n\nText file."), ("b.jsonl#1", "Row one."), ("c.jsonl.gz#1", "Row two.")]


def test_text_file_refusals_name_the_error_class(tmp_path):
    (tmp_path / "blank.txt").write_bytes(b" \n")
    (tmp_path / "long.txt").write_bytes(b"Word " * 30)
    files = [InputFile(tmp_path / n, n) for n in ("blank.txt", "long.txt", "gone.txt")]
    assert list(read(files, max_bytes=100)) == [
        Rejection("blank.txt", "ValueError: empty or whitespace-only file"),
        Rejection("long.txt", "ValueError: file too large (150 bytes > limit 100)"),
        Rejection("gone.txt", "FileNotFoundError: No such file or directory"),
    ]


def test_a_file_given_by_name_is_read_by_its_kind(tmp_path):
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "story.TXT").write_text("Kiln fire\nThe kiln was lit on Friday.\n", encoding="utf-8")
    files, rejected = discover([tmp_path / "notes.md", tmp_path / "story.TXT"])
    assert rejected == []
    assert list(read(files)) == [
        Rejection(str(tmp_path / "notes.md"), "unsupported input type: notes.md"),
        RawDocument(source=str(tmp_path / "story.TXT"), text="Kiln fire\nThe kiln was lit on Friday.\n", encoding="utf-8",
                    content_sha256=sha("Kiln fire\nThe kiln was lit on Friday.\n")),
    ]


def test_field_mapping_checked_for_every_input_but_text_files(tmp_path):
    (tmp_path / "a.txt").write_text("Sluice gate fixed\nWork ended early.\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("body\nGate reopened.\n", encoding="utf-8")
    files, _ = discover([tmp_path])
    got = list(read(files, fields={"summary": "x"}))
    assert isinstance(got[0], RawDocument)
    assert got[1] == Rejection(str(tmp_path / "b.csv"), "unknown field mapping key(s) ['summary']; known: ['id', 'published_at', 'text', 'title', 'url']")


def test_package_entry_points():
    assert (ingest.discover, ingest.read, ingest.InputFile, ingest.MAX_BYTES) == (discover, read, InputFile, 20_000_000)
    assert ingest.is_bulk("dump.csv.gz") and not ingest.is_bulk("page.html")
