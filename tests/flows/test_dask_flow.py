"""Scale-out: a run with --dask on a LocalCluster gives the same tables as a local run."""
from __future__ import annotations

import os
import subprocess
import sys
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


def comparable(out: Path, table: str):
    df = read_table(out, table).drop(columns=["month", "ingested_at"], errors="ignore")
    for c in ("source", "sources"):
        if c in df:
            df[c] = df[c].astype(str).str.replace(str(out.parent), "")
    return df.sort_values(list(df.columns[:3])).reset_index(drop=True).astype(str)


@pytest.mark.slow
def test_dask_run_matches_local_run(tmp_path, prefect_server, monkeypatch, nlp):
    from distributed import LocalCluster

    from flows.pipeline import run_pipeline

    inp = tmp_path / "in"
    inp.mkdir()
    for name, text in ARTICLES.items():
        (inp / name).write_text(text, encoding="utf-8")
    run_pipeline([str(inp)], str(tmp_path / "local"), workers=1, batch_size=1)
    monkeypatch.setenv("PREFECT_API_URL", prefect_server)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        env = dict(os.environ, PREFECT_API_URL=prefect_server)
        r = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(inp), "--out", str(tmp_path / "dask"),
                            "--dask", cluster.scheduler_address, "--batch-size", "1", "--quiet"],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    for t in TABLES:
        assert comparable(tmp_path / "dask", t).equals(comparable(tmp_path / "local", t)), t
