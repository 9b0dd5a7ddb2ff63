"""A corpus read from its .txt files and the same corpus as one gzipped JSON Lines file give
the same tables, row for row apart from `source`/`sources`.

    .venv/bin/python benchmarks/bulk_equivalence.py CORPUS_DIR [--workers 2]
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.store import tables as store  # noqa: E402
from tasks.ingest.decode import decode  # noqa: E402
from tasks.schemas import TABLES  # noqa: E402


def comparable(out: Path, table: str):
    df = store.read_table(out, table).drop(columns=["month", "ingested_at", "source", "sources", "encoding", "content_sha256"], errors="ignore")
    df = df.astype(str)
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nfbulk"))
    try:
        from tasks.ingest import discover

        files = [f.path for f in discover([a.corpus])[0]]  # the very files a .txt run reads
        dump = work / "corpus.jsonl.gz"
        with gzip.open(dump, "wt", encoding="utf-8") as f:
            for p in files:
                f.write(json.dumps({"id": str(p.relative_to(a.corpus)), "text": decode(p.read_bytes())[0]}) + "\n")
        secs = {}
        for name, inp in (("txt", a.corpus), ("jsonl.gz", str(dump))):
            t = time.perf_counter()
            subprocess.run([str(ROOT / ".venv/bin/newsfacts"), "run", inp, "--out", str(work / name), "--workers", str(a.workers), "--quiet"],
                           check=False, capture_output=True)
            secs[name] = round(time.perf_counter() - t, 1)
        diffs = {}
        for t in TABLES:
            x, y = comparable(work / "txt", t), comparable(work / "jsonl.gz", t)
            diffs[t] = {"rows_txt": len(x), "rows_jsonl": len(y), "identical": bool(x.equals(y))}
        print(json.dumps({"inputs": len(files), "seconds": secs, "tables": diffs,
                          "all_identical": all(d["identical"] for d in diffs.values())}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
