"""Validation report: every run keeps its GX results; `newsfacts docs` builds Data Docs that a
browser shows with each table's suite and its outcome."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tasks.schemas import TABLES

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def page_text(url: str) -> str:
    profile = tempfile.mkdtemp(prefix="chromium-profile")
    try:
        r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--dump-dom", url], capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert r.returncode == 0, r.stderr[-2000:]
    t = re.sub(r"<(style|script).*?</\1>", " ", r.stdout, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", t))


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_data_docs_show_each_tables_suite_and_outcome(tmp_path, nlp):
    from flows.pipeline import run_pipeline
    from tasks.report import data_docs as datadocs

    out = tmp_path / "out"
    run_pipeline([str(ROOT / "raw")], str(out), workers=1)
    index = datadocs.build(out)
    text = page_text(index.as_uri())
    for table in TABLES:
        assert re.search(rf"{table} suite {table} Succeeded", text), (table, text[:2000])
    detail = next((index.parent / "gx").rglob("validations/articles/**/*.html"))
    dtext = page_text(detail.as_uri())
    assert "Expectation Suite: articles" in dtext and "Status: Succeeded" in dtext
