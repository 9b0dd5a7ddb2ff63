"""Archives -> exact documents: .gz and .zip of any input kind, size bounds, nesting, corruption."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from tasks.ingest.discover import InputFile
from tasks.ingest.dispatch import read as read_inputs
from tasks.ingest.formats import archive
from tasks.ingest.member import Member
from tasks.model import RawDocument, Rejection

INPUTS = Path(__file__).parent / "data"
MB = 1_000_000


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read(path: Path, source: str | None = None, max_bytes: int = MB) -> list:
    return list(read_inputs([InputFile(path, source or path.name)], max_bytes=max_bytes))


def test_gz_jsonl_same_rows_as_plain(tmp_path):
    p = tmp_path / "rows.jsonl.gz"
    p.write_bytes(gzip.compress((INPUTS / "rows.jsonl").read_bytes()))
    plain = read(INPUTS / "rows.jsonl", source="rows.jsonl.gz")
    assert read(p) == plain


def test_gz_over_size_bound(tmp_path):
    p = tmp_path / "big.html.gz"
    p.write_bytes(gzip.compress(b"<p>" + b"a" * 5000 + b"</p>"))
    assert read(p, max_bytes=1000) == [Rejection("big.html.gz", "gzip member too large (5007 bytes uncompressed > limit 1000)")]


def test_gz_bound_enforced_while_inflating(tmp_path):
    # a trailer that lies about the size: the bytes actually inflated are counted
    data = bytearray(gzip.compress(b"\n".join(json.dumps({"text": f"row {i} " + "b" * 80}).encode() for i in range(300))))
    data[-4:] = (10).to_bytes(4, "little")
    p = tmp_path / "lying.jsonl.gz"
    p.write_bytes(bytes(data))
    out = read(p, max_bytes=10_000)
    # rows read before the bound was hit are kept, then the member is refused
    assert all(isinstance(d, RawDocument) for d in out[:-1]) and 0 < len(out) - 1 < 300
    assert out[-1] == Rejection("lying.jsonl.gz", "gzip member lying.jsonl exceeds the limit of 10000 bytes uncompressed")


def test_gz_corrupt_and_unsupported(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"text": "x"}\n' * 50)[:40])
    (rej,) = read(bad)
    assert rej.source == "bad.jsonl.gz" and rej.reason.startswith("corrupt archive")
    other = tmp_path / "pic.png.gz"
    other.write_bytes(gzip.compress(b"\x89PNG"))
    assert read(other) == [Rejection("pic.png.gz", "unsupported type inside gzip: pic.png")]


def test_zip_of_mixed_inputs(tmp_path):
    p = tmp_path / "pages.zip"
    bound = (INPUTS / "article.html").stat().st_size + 50  # the page is under the bound, big.txt over it
    txt = "Ferry strike ends\n\nCrews returned to work on Monday."
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(INPUTS / "article.html", "site/article.html")
        z.writestr("notes/story.txt", txt.encode("cp1252"))
        z.writestr("rows.jsonl", '{"id": "z1", "text": "Zipped row."}\nnot json\n')
        z.writestr("image.png", b"\x89PNG")  # other types are skipped, as in folders
        z.writestr("__MACOSX/._article.html", b"junk")
        z.writestr("empty.txt", b"  \n")
        z.writestr("big.txt", b"y" * (bound + 100))
    out = read(p, max_bytes=bound)
    html = read(INPUTS / "article.html", source="pages.zip/site/article.html")
    assert out == html + [
        RawDocument(source="pages.zip/notes/story.txt", text=txt, encoding="utf-8", content_sha256=sha(txt)),
        RawDocument(source="pages.zip/rows.jsonl#z1", text="Zipped row.", encoding="utf-8", content_sha256=sha("Zipped row.")),
        Rejection("pages.zip/rows.jsonl#2", "invalid JSON: Expecting value at column 1", sha("not json\n")),
        Rejection("pages.zip/empty.txt", "empty or whitespace-only file", sha("  \n")),
        Rejection("pages.zip/big.txt", f"zip member too large ({bound + 100} bytes uncompressed > limit {bound})"),
    ]


def test_zip_txt_decoded_like_ingest(tmp_path):
    p = tmp_path / "a.zip"
    raw = "Café reopens\n\nThe “old” café reopened.".encode("cp1252")
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a.txt", raw)
    assert read(p) == [RawDocument(source="a.zip/a.txt", text=raw.decode("cp1252"), encoding="cp1252 (fallback from utf-8)",
                                   content_sha256=sha(raw))]


def test_zip_nested_and_corrupt(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep.txt", b"Deep text.")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("inner.zip", inner.getvalue())
    assert read(outer) == [RawDocument(source="outer.zip/inner.zip/deep.txt", text="Deep text.", encoding="utf-8", content_sha256=sha("Deep text."))]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 truncated")
    (rej,) = read(bad)
    assert rej.source == "bad.zip" and rej.reason.startswith("corrupt archive")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("x.png", b"\x89PNG")
    assert read(empty) == [Rejection("empty.zip", "archive holds no readable input")]


def test_zip_encrypted_member_and_archive_too_deep(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deepest.zip", b"PK\x05\x06" + b"\x00" * 18)  # an empty zip, two archives down
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("middle.zip", inner.getvalue())
        z.writestr("locked.txt", b"Secret text.")
    data = bytearray(buf.getvalue())
    entry = data.rindex(b"PK\x01\x02")  # the central directory record of locked.txt, the last member
    data[entry + 8] |= 0x1  # its general purpose flags: encrypted
    p = tmp_path / "outer.zip"
    p.write_bytes(bytes(data))
    assert read(p) == [
        Rejection("outer.zip/middle.zip/deepest.zip", "archive nested deeper than 2 levels"),
        Rejection("outer.zip/locked.txt", "encrypted zip member"),
    ]


def test_archive_members_yields_members_to_read(tmp_path):
    p = tmp_path / "two.zip"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a/one.txt", b"One.")
        z.writestr("a/.hidden.txt", b"Hidden.")
        z.writestr("two.csv", b"text\nTwo.\n")
    seen = []
    for m in archive.archive_members(Member("two.zip", "two.zip", lambda: open(p, "rb"), p.stat().st_size), MB):
        with m.open() as fh:  # a member is read while the archive is open, before the next one
            seen.append((m.source, m.name, m.size, m.depth, m.in_archive, fh.read()))
    assert seen == [("two.zip/a/one.txt", "one.txt", None, 1, True, b"One."),
                    ("two.zip/two.csv", "two.csv", None, 1, True, b"text\nTwo.\n")]


def test_gzip_member_bounded_while_reading(tmp_path):
    p = tmp_path / "notes.txt.gz"
    p.write_bytes(gzip.compress(b"z" * 300))
    (member,) = archive.archive_members(Member("notes.txt.gz", "notes.txt.gz", lambda: open(p, "rb")), 100)  # no size: no trailer check
    assert (member.source, member.name, member.depth) == ("notes.txt.gz", "notes.txt", 1)
    with member.open() as fh, pytest.raises(archive.TooLarge, match="gzip member notes.txt exceeds the limit of 100 bytes uncompressed"):
        fh.read()
