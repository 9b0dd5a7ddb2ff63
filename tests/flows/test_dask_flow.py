"""Scale-out: a run with --dask on a LocalCluster gives the same tables as a local run, even
when a Dask worker is killed in the middle of a batch (the batch is extracted again elsewhere)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tasks.store.tables import read_table
from tasks.schemas import TABLES

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = {
    "a.txt": "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n",
    "b.txt": "Storm hits coast\nA storm struck the coast on Monday, cutting power to 3,000 homes.\n",
    "c.txt": "Club signs striker\nUnited signed the striker for \u00a312m, the club said on Tuesday.\n",
}
TOWNS = ["Ashford", "Bexley", "Carlow", "Dunmore"]
for _i, _town in enumerate(TOWNS):  # longer articles: a batch of them lasts long enough to kill its worker in the middle
    ARTICLES[f"council-{_i}.txt"] = "\n".join(
        [f"{_town} council approves plan"] + [f"The council of {_town} approved a budget of \u00a3{_i + 1}.{k}m on Monday, and "
                                               f"{20 + k} residents attended. \"This is a good day for {_town},\" said Mayor "
                                               f"Jane Roe, who added that {10 + k} homes would be built by 2027." for k in range(12)]) + "\n"


def comparable(out: Path, table: str):
    df = read_table(out, table).drop(columns=["month", "ingested_at"], errors="ignore")
    for c in ("source", "sources"):
        if c in df:
            df[c] = df[c].astype(str).str.replace(str(out.parent), "")
    return df.sort_values(list(df.columns[:3])).reset_index(drop=True).astype(str)


def _kill_a_worker_in_a_batch(client, killed: list[int]) -> threading.Thread:
    """Kill (SIGKILL) the first Dask worker seen extracting a batch, a moment into it."""
    pids = client.run(os.getpid)

    def watch() -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not killed:
            busy = [w for w, keys in client.processing().items() if any("extract_batch" in str(k) for k in keys)]
            if busy:
                time.sleep(0.3)
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
            time.sleep(0.05)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@pytest.mark.slow
def test_dask_run_matches_local_run_even_when_a_worker_dies_mid_batch(tmp_path, prefect_server, monkeypatch, nlp):
    import dask
    from distributed import Client, LocalCluster

    from flows.cli import exit_status
    from flows.pipeline import run_pipeline

    inp = tmp_path / "in"
    inp.mkdir()
    for name, text in ARTICLES.items():
        (inp / name).write_text(text, encoding="utf-8")
    run_pipeline([str(inp)], str(tmp_path / "local"), workers=1, batch_size=2)
    monkeypatch.setenv("PREFECT_API_URL", prefect_server)
    killed: list[int] = []
    # allowed-failures 0: distributed gives the batch up at once (KilledWorker, raised where the
    # flow collects it); it is the flow that sends the batch off again, to the worker left
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        killer = _kill_a_worker_in_a_batch(client, killed)
        env = dict(os.environ, PREFECT_API_URL=prefect_server)
        r = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(inp), "--out", str(tmp_path / "dask"),
                            "--dask", cluster.scheduler_address, "--batch-size", "2", "--workers", "2", "--quiet", "--json",
                            "--no-report"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        killer.join(5)
    summary = json.loads(r.stdout)
    assert r.returncode == exit_status(summary), r.stderr[-3000:]
    assert killed and summary["batches_retried"], "no batch was extracted again"
    for t in TABLES:
        assert comparable(tmp_path / "dask", t).equals(comparable(tmp_path / "local", t)), t
