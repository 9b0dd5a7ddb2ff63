"""The Prefect flow and the CLI end to end (each CLI call is a real Prefect flow run)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tasks.schemas import TABLES
from tasks.store.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "flows.cli"]


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_cli_run_on_seed_then_rerun_is_idempotent_and_bad_input_is_refused(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(ROOT / "raw" / "putin-macron-nato.txt", inp)
    (inp / "broken.txt").write_bytes(b"%PDF-1.7\n\x00\x01")
    out = tmp_path / "out"
    r = run_cli("run", str(inp), "--out", str(out), "--json", "--quiet")
    assert r.returncode == 3, r.stderr[-3000:]  # something was refused
    s = json.loads(r.stdout)
    assert s["inputs"] == {"new": 2, "changed": 0, "unchanged": 0, "upgrade": 0, "repair": 0}
    assert s["articles_written"] == 1 and s["validation_passed"]
    assert [x["source"] for x in s["rejected"]] == [str(inp / "broken.txt")]
    for t in TABLES:
        assert (out / t).is_dir(), t
    rej = read_table(out, "rejections")
    assert list(rej["source"]) == [str(inp / "broken.txt")] and "PDF" in rej["reason"][0]
    before = {p: p.read_bytes() for p in out.rglob("*.parquet")}
    (inp / "broken.txt").unlink()
    r2 = run_cli("run", str(inp), "--out", str(out))
    assert r2.returncode == 0, r2.stderr[-3000:]
    assert "1 unchanged" in r2.stderr.replace("\n", " ")
    assert {p: p.read_bytes() for p in out.rglob("*.parquet")} == before
    arts = read_table(out, "articles")
    assert arts["title"][0] == "Putin receives Macron; NATO continues military buildup in Eastern Europe"


def test_cli_show_prints_readable_tables(tmp_path, nlp):
    from flows.pipeline import run_pipeline

    out = tmp_path / "out"
    run_pipeline([str(ROOT / "raw")], str(out), workers=1)
    r = run_cli("show", "entities", "putin", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "Vladimir Putin" in r.stdout and "PERSON" in r.stdout


def test_cli_refuses_when_output_is_locked(tmp_path):
    from tasks.store.layout import OutputLayout
    from tasks.store.lock import output_lock

    out = tmp_path / "out"
    with output_lock(OutputLayout(out)):
        r = run_cli("run", str(ROOT / "raw"), "--out", str(out), "--quiet")
    assert r.returncode == 4 and "another newsfacts run" in r.stderr


ARTICLES = {
    "a.txt": "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n",
    "b.txt": "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n",
    "c.txt": "Storm hits coast\nA storm struck the coast on Monday, cutting power to 3,000 homes.\n",
    "d.txt": "Club signs striker\nUnited signed the striker for \u00a312m, the club said on Tuesday.\n",
}


@pytest.mark.slow
def test_worker_processes_and_validation_groups_give_the_tables_of_a_plain_run(tmp_path, nlp):
    """Batches extracted in spawned worker processes and validated two at a time give the
    tables of one in-process run; the duplicate (b.txt, another batch of the same group)
    becomes a source, not a duplicated key."""
    from flows.pipeline import run_pipeline

    inp = tmp_path / "in"
    inp.mkdir()
    for name, text in ARTICLES.items():
        (inp / name).write_text(text, encoding="utf-8")
    plain = run_pipeline([str(inp)], str(tmp_path / "plain"), workers=1)
    pooled = run_pipeline([str(inp)], str(tmp_path / "pooled"), workers=2, batch_size=1, validate_every=2)
    assert pooled["rows"]["articles"] == 4 and pooled["articles_written"] == plain["articles_written"] == 3
    assert pooled["validation_passed"] and not pooled["quarantined"]
    for t in TABLES:
        a, b = (read_table(tmp_path / d, t).drop(columns=["month", "ingested_at"], errors="ignore") for d in ("plain", "pooled"))
        for df in (a, b):
            for c in ("source", "sources"):
                if c in df:
                    df[c] = df[c].astype(str).str.replace(str(tmp_path), "")
        assert a.sort_values(list(a.columns[:3])).reset_index(drop=True).equals(b.sort_values(list(b.columns[:3])).reset_index(drop=True)), t
    results = json.loads(next((tmp_path / "pooled" / "_newsfacts" / "validations").glob("*/results.json")).read_text())
    # groups [a, b] and [c, d]; the first validated in two layers (b's copy apart from a's); beside them, the computed checks
    assert sum("evaluated_by" not in r.get("meta", {}) for r in results["quotes"]) == 3


def test_cli_refuses_settings_below_one(capsys):
    from flows.cli import main

    for opt in ("--batch-size", "--validate-every", "--workers"):
        with pytest.raises(SystemExit) as e:
            main(["run", opt, "0"])
        assert e.value.code == 2 and "must be at least 1" in capsys.readouterr().err, opt
