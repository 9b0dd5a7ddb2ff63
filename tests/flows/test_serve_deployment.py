"""Scheduled runs against a real Prefect server: a new article dropped into the input
folder lands in the tables on the next scheduled run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tasks.store.tables import read_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_served_deployment_picks_up_a_new_article(tmp_path, prefect_server):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    env = dict(os.environ, PREFECT_API_URL=prefect_server, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", str(inp), "--out", str(out), "--interval", "5",
                             "--name", "test-serve", "--workers", "1"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        time.sleep(3)
        (inp / "new.txt").write_text("Council approves budget\nThe council approved a budget of \u00a31.2m on Monday.\n", encoding="utf-8")
        deadline = time.time() + 240
        titles: list = []
        while time.time() < deadline and proc.poll() is None:
            if (out / "articles").exists():
                titles = list(read_table(out, "articles")["title"])
                if titles:
                    break
            time.sleep(2)
        assert titles == ["Council approves budget"], (tmp_path / "serve.log").read_text()[-3000:]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
