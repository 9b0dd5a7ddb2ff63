"""Every kind of bad input is refused on its own with a clear reason; good articles of the
same run still land, and nothing is lost."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from flows.pipeline import run_pipeline
from tasks.store import tables as store

GOOD = "Council approves budget\nThe council approved a budget of \u00a31.2m on Monday.\n\"It is a good day,\" said Mayor Jane Roe.\n"


@pytest.fixture(scope="module")
def result(tmp_path_factory, nlp):
    d = tmp_path_factory.mktemp("bad") / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (d / "doc.txt").write_bytes(b"%PDF-1.5\n" + bytes(range(256)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("x.bin", b"\x00\x01")
    (d / "archive.txt").write_bytes(buf.getvalue())
    (d / "utf16.txt").write_bytes(GOOD.replace("Council", "Parish").encode("utf-16"))
    (d / "latin1.txt").write_bytes("Caf\u00e9 owners protest\nOwners of caf\u00e9s in Lyon protested on Friday.\n".encode("latin-1"))
    (d / "cp1252.txt").write_bytes("Shop \u2013 sales rise\nSales rose by \u00a35m, the shop said \u201ctoday\u201d.\n".encode("cp1252"))
    (d / "mojibake.txt").write_text("Minister\u00e2\u0080\u0099s plan\nThe minister\u00e2\u0080\u0099s plan was \u00e2\u0080\u009cbold\u00e2\u0080\u009d, critics said.\n", encoding="utf-8")
    (d / "nul.txt").write_text("Port reopens\nThe port\x00 reopened on Tuesday after repairs.\n", encoding="utf-8")
    (d / "huge.txt").write_text("Long line " + "word " * 2_100_000, encoding="utf-8")
    (d / "headline only.txt").write_text("Only a headline here", encoding="utf-8")
    quotes = "\n".join(f"\"Point number {i} matters,\" she said." for i in range(2000))
    (d / "many quotes.txt").write_text("Speech transcript\n" + quotes + "\n", encoding="utf-8")
    (d / "caf\u00e9 \u00fcber.txt").write_text("Caf\u00e9 opens\nA caf\u00e9 opened in Berlin on Monday.\n", encoding="utf-8")
    (d / "new\nline.txt").write_text("Bridge closes\nThe bridge closed on Sunday for repairs.\n", encoding="utf-8")
    os.mkfifo(d / "pipe.txt")  # unreadable as a file: reading it would block forever
    os.symlink(d / "loop.txt", d / "loop.txt")
    outside = d.parent / "outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    os.symlink(outside, d / "escape.txt")
    os.symlink(d / "good.txt", d / "alias.txt")
    out = d.parent / "out"
    summary = run_pipeline([str(d)], str(out), workers=1)
    return d, out, summary


def reasons(result) -> dict[str, str]:
    d, out, summary = result
    rej = store.read_table(out, "rejections")
    return {Path(s).name: r for s, r in zip(rej["source"], rej["reason"])}


@pytest.mark.parametrize("name,why", [
    ("empty.txt", "empty"), ("blank.txt", "empty"), ("image.txt", "PNG"), ("doc.txt", "PDF"), ("archive.txt", "zip"),
    ("huge.txt", "too long"), ("loop.txt", "symlink"), ("escape.txt", "outside the input folder"),
    ("pipe.txt", "not a regular file"),
])
def test_bad_input_is_refused_with_its_reason(result, name, why):
    assert why in reasons(result)[name]


def test_summary_names_every_refusal(result):
    d, out, summary = result
    assert sorted(Path(r["source"]).name for r in summary["rejected"]) == sorted(reasons(result))


def test_good_and_repairable_articles_all_land(result):
    d, out, summary = result
    arts = store.read_table(out, "articles")
    titles = set(arts["title"])
    assert {"Council approves budget", "Parish approves budget", "Caf\u00e9 owners protest", "Shop \u2013 sales rise",
            "Minister\u2019s plan", "Port reopens", "Only a headline here", "Speech transcript", "Caf\u00e9 opens",
            "Bridge closes"} <= titles
    enc = dict(zip(arts["title"], arts["encoding"]))
    assert enc["Parish approves budget"] == "utf-16" and "fallback" in enc["Caf\u00e9 owners protest"]
    # the symlink inside the folder is the same article as good.txt: one row, both sources
    good = arts[arts["title"] == "Council approves budget"].iloc[0]
    assert sorted(Path(s).name for s in good["sources"]) == ["alias.txt", "good.txt"]
    names = {Path(s).name for srcs in arts["sources"] for s in srcs}
    assert "new\nline.txt" in names and "caf\u00e9 \u00fcber.txt" in names


def test_two_thousand_quotations_are_all_found(result):
    d, out, summary = result
    arts = store.read_table(out, "articles")
    aid = arts[arts["title"] == "Speech transcript"]["article_id"].iloc[0]
    q = store.read_table(out, "quotes")
    assert (q[(q["article_id"] == aid) & (q["kind"] == "full")]).shape[0] == 2000
