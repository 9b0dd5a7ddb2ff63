"""Crash safety: a run killed with SIGKILL at random moments never leaves unreadable or
inconsistent tables, and the next run ends with the tables of an uninterrupted run."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tasks.schemas import TABLES
from tasks.store import journal
from tasks.store.layout import OutputLayout
from tasks.store.tables import read_table

ROOT = Path(__file__).resolve().parents[2]


def make_inputs(folder: Path, n: int = 8) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            f"Council {i} approves budget\nThe council of Town {i} approved a budget of \u00a3{i + 1}.2m on Monday.\n"
            f"\"This is a good day for Town {i},\" said Mayor Jane Roe.\n", encoding="utf-8")


def comparable(out: Path) -> dict:
    res = {}
    for t in TABLES:
        df = read_table(out, t).drop(columns=["month", "ingested_at"], errors="ignore")
        df = df.astype(str)
        res[t] = df.sort_values(list(df.columns)).reset_index(drop=True)
    return res


def check_consistent(out: Path) -> None:
    layout = OutputLayout(out)
    if layout.journal.exists():  # what the next run (or any reader after it) sees
        journal.replay(layout)
    ids = set(read_table(out, "articles")["article_id"])
    for t in TABLES:
        df = read_table(out, t)  # readable
        assert set(df["article_id"]) <= ids, f"{t} has rows of articles that are not in articles"
    for t in ("paragraphs", "sentences"):
        assert set(read_table(out, t)["article_id"]) == ids, f"an article lacks its {t}"


RUN = ("import sys; sys.path.insert(0, {root!r}); from flows.pipeline import run_pipeline; "
       "run_pipeline([{inp!r}], {out!r}, workers=1, batch_size=1)")


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing(tmp_path, nlp):
    from flows.pipeline import run_pipeline

    inp, out, ref = tmp_path / "in", tmp_path / "out", tmp_path / "ref"
    make_inputs(inp)
    run_pipeline([str(inp)], str(ref), workers=1, batch_size=1)
    rng = random.Random(20261126)
    for delay in sorted(rng.uniform(2.0, 12.0) for _ in range(3)):
        p = subprocess.Popen([sys.executable, "-c", RUN.format(root=str(ROOT), inp=str(inp), out=str(out))], cwd=ROOT)
        time.sleep(delay)
        finished = p.poll() is not None
        if not finished:
            os.kill(p.pid, signal.SIGKILL)
        p.wait()
        if out.exists() and (out / "articles").exists():
            check_consistent(out)
        if finished:
            break
    run_pipeline([str(inp)], str(out), workers=1, batch_size=1)
    got, want = comparable(out), comparable(ref)
    for t in TABLES:
        assert got[t].equals(want[t]), t


@pytest.mark.slow
def test_two_concurrent_runs_on_one_output_neither_duplicate_nor_lose_rows(tmp_path, nlp):
    from flows.pipeline import run_pipeline

    inp, out, ref = tmp_path / "in", tmp_path / "out", tmp_path / "ref"
    make_inputs(inp, n=4)
    run_pipeline([str(inp)], str(ref), workers=1, batch_size=1)
    code = ("import sys, json; sys.path.insert(0, {root!r}); from flows.pipeline import run_pipeline; "
            "s = run_pipeline([{inp!r}], {out!r}, workers=1, batch_size=1, wait_seconds=300); print(json.dumps(s['inputs']))")
    procs = [subprocess.Popen([sys.executable, "-c", code.format(root=str(ROOT), inp=str(inp), out=str(out))], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = sorted(p.communicate(timeout=600)[0].strip().splitlines()[-1] for p in procs)
    assert all(p.returncode == 0 for p in procs)
    assert outs == ['{"new": 0, "changed": 0, "unchanged": 4, "upgrade": 0, "repair": 0}',
                    '{"new": 4, "changed": 0, "unchanged": 0, "upgrade": 0, "repair": 0}']
    got, want = comparable(out), comparable(ref)
    for t in TABLES:
        assert got[t].equals(want[t]), t
