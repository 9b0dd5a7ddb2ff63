"""The README's examples of reading the tables run as written (on the seed's tables)."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def processed(tmp_path_factory, nlp):
    from flows.pipeline import run_pipeline

    work = tmp_path_factory.mktemp("readme")
    run_pipeline([str(ROOT / "raw")], str(work / "processed"), workers=1)
    return work


@pytest.mark.parametrize("code", BLOCKS, ids=[b.splitlines()[0] for b in BLOCKS])
def test_readme_example_runs(code, processed, monkeypatch):
    monkeypatch.chdir(processed)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {})
    assert buf.getvalue().strip()


def test_readme_has_the_readers():
    assert len(BLOCKS) == 4  # pandas, DuckDB, polars, and every quote of one person (DuckDB, entity_index)
