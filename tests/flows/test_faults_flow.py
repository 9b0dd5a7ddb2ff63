"""Faults around the flow, injected for real: a pathological article (a 300 KB paragraph that
spaCy takes about a minute over) and the Prefect server killed in the middle of a run. Each time
the tables equal those of a run without the fault. (A Dask worker killed mid-batch:
tests/flows/test_dask_flow.py.)"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tasks.schemas import TABLES
from tasks.store.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
TOWNS = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elsworth", "Fenwick"]


def _article(i: int, paragraphs: int = 6) -> str:
    town = TOWNS[i % len(TOWNS)]
    body = [f"The council of {town} approved a budget of \u00a3{i + 1}.{k}m on Monday, and {20 + k} residents attended. "
            f"\"This is a good day for {town},\" said Mayor Jane Roe, who added that {10 + k} homes would be built by 2027."
            for k in range(paragraphs)]
    return "\n".join([f"{town} council approves plan {i}", *body]) + "\n"


def _inputs(folder: Path, n: int, paragraphs: int = 6) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(_article(i, paragraphs), encoding="utf-8")
    return folder


def _same_tables(out: Path, ref: Path) -> None:
    for t in TABLES:
        got, want = (read_table(o, t).drop(columns=["month", "ingested_at"], errors="ignore").astype(str) for o in (out, ref))
        key = list(want.columns)
        assert got.sort_values(key).reset_index(drop=True).equals(want.sort_values(key).reset_index(drop=True)), t


@pytest.mark.slow
def test_an_article_over_its_time_budget_is_refused_and_the_rest_of_its_batch_lands(tmp_path, nlp):
    from flows.pipeline import run_pipeline

    inp = _inputs(tmp_path / "in", 2)
    slow = inp / "z-one-paragraph.txt"  # a 300 KB paragraph: spaCy alone takes about a minute over it
    slow.write_text("Harbour report\n" + "The council met on Monday and agreed a plan for the harbour. " * 5000 + "\n", encoding="utf-8")
    t = time.perf_counter()
    s = run_pipeline([str(inp)], str(tmp_path / "out"), workers=2, batch_size=3, article_timeout=3)
    assert time.perf_counter() - t < 120
    assert [(Path(r["source"]).name, r["reason"].split(":")[0]) for r in s["rejected"]] == [(slow.name, "timeout")]
    assert sorted(Path(x).name for x in read_table(tmp_path / "out", "articles")["source"]) == ["a00.txt", "a01.txt"]
    again = run_pipeline([str(inp)], str(tmp_path / "out"), workers=1, article_timeout=3)
    assert again["inputs"]["unchanged"] == 3 and again["rejected"] == []  # the refusal is recorded, not paid again


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(home: Path) -> tuple[subprocess.Popen, str]:
    """A real `prefect server start` on a free port, in a process group of its own (to kill it whole)."""
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=open(home / "server.log", "w"), stderr=subprocess.STDOUT, start_new_session=True)
    return proc, f"http://127.0.0.1:{port}/api"


def _wait_healthy(proc: subprocess.Popen, url: str, home: Path) -> None:
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start: {(home / 'server.log').read_text()[-2000:]}")
            time.sleep(0.5)


@pytest.mark.slow
def test_a_run_whose_prefect_server_is_killed_finishes_its_work_and_commits(tmp_path, nlp):
    """The batches, the validation and the commit never wait on the server: the run commits,
    then Prefect cannot record the flow run's end; the CLI says so and exits as the run landed."""
    from flows.cli import exit_status
    from flows.pipeline import run_pipeline

    home = tmp_path / "prefect-home"
    home.mkdir()
    server, url = _start_server(home)  # starts while the reference run works
    out = tmp_path / "out"
    try:
        inp = _inputs(tmp_path / "in", 3)
        run_pipeline([str(inp)], str(tmp_path / "ref"), workers=1, batch_size=1)
        _wait_healthy(server, url, home)
        # PREFECT_CLIENT_MAX_RETRIES=1: Prefect's client gives up on the dead server in seconds (by
        # default it retries for about a minute, which lets a server that restarts meanwhile record the end)
        env = dict(os.environ, PREFECT_API_URL=url, PREFECT_CLIENT_MAX_RETRIES="1", DO_NOT_TRACK="1")
        cli = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(inp), "--out", str(out), "--workers", "1",
                                "--batch-size", "1", "--validate-every", "1", "--json", "--quiet", "--no-report"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while not (out / "_newsfacts" / "staging").is_dir() or not any((out / "_newsfacts" / "staging").rglob("*.parquet")):
            assert cli.poll() is None and time.monotonic() < deadline, "the run ended before it staged anything"
            time.sleep(0.2)
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # mid-run: batches staged, others still to come
        server.wait()
    stdout, stderr = cli.communicate(timeout=600)
    summary = json.loads(stdout)
    assert cli.returncode == exit_status(summary), stderr[-3000:]  # as any run that landed
    assert "the run committed its tables, but Prefect could not record its end" in stderr
    assert summary["articles_written"] == 3
    _same_tables(out, tmp_path / "ref")
