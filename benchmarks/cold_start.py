"""Where the seconds of a cold ad hoc run go: `newsfacts run raw/` on the seed.

    .venv/bin/python benchmarks/cold_start.py [--server URL]

Prints JSON lines: import of the CLI, spaCy model load, Great Expectations import and context,
then whole runs (temporary Prefect server; and against a running server if --server is given)
with the flow body's own stage seconds, so the rest is Prefect start-up.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def timed(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([PY, "-c", code], cwd=ROOT, check=True, capture_output=True)
    return round(time.perf_counter() - t, 2)


def run(env: dict) -> dict:
    out = tempfile.mkdtemp(prefix="nfcold")
    t = time.perf_counter()
    r = subprocess.run([str(ROOT / ".venv/bin/newsfacts"), "run", str(ROOT / "raw"), "--out", out, "--json", "--quiet"],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    s = json.loads(r.stdout)["seconds"]
    return {"wall": round(wall, 1), "flow_body": s["total"], "prefect_and_imports": round(wall - s["total"], 1), "stages": s}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", help="PREFECT_API_URL of a running server")
    a = ap.parse_args()
    base = {"step": "python_start", "seconds": timed("pass")}
    print(json.dumps(base))
    print(json.dumps({"step": "import_cli", "seconds": timed("import flows.cli")}))
    print(json.dumps({"step": "import_prefect", "seconds": timed("import prefect, flows.pipeline")}))
    print(json.dumps({"step": "spacy_model_load", "seconds": timed("from tasks.nlp.model import load_model; load_model()")}))
    print(json.dumps({"step": "gx_import_and_context", "seconds": timed("from tasks.validate.gx import warm_up; warm_up()")}))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = tempfile.mkdtemp(prefix="nfprefect")
    print(json.dumps({"step": "run_temporary_server_empty_home", **run(env)}))
    print(json.dumps({"step": "run_temporary_server_warm_home", **run(env)}))
    if a.server:
        print(json.dumps({"step": "run_against_server", **run(dict(os.environ, PREFECT_API_URL=a.server))}))


if __name__ == "__main__":
    main()
