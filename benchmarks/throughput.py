"""Throughput benchmark: bare spaCy vs the full pipeline on a corpus folder, side by side.

    .venv/bin/python benchmarks/throughput.py CORPUS_DIR [--workers 2] [--copies 1] [--repeat 1] [--skip-bare]

Prints, as JSON lines: bare spaCy (nlp.pipe, same model, same number of processes) wall time;
the full `newsfacts run` wall time, their ratio, articles per second, and the CPU seconds and
peak memory of the whole process tree (CPU seconds are the steadier measure on a shared
machine, whose speed drifts from minute to minute; --repeat N alternates the two N times and
prints the median ratios); then a rerun on the unchanged input (work beyond start-up, and whether
any table file changed). --copies N runs on N copies of the corpus under other names
(for the memory-growth check). --keep DIR keeps the output folder. Prefect: the run uses
the server PREFECT_API_URL names, else a temporary one it starts (10-17 s of the wall time).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class PeakMemory:
    """Polls the RSS of a process and all its children; keeps the peak of their sum, and the
    CPU seconds (user + system) each process had used when last seen."""

    def __init__(self, pid: int, every: float = 0.2):
        self.proc = psutil.Process(pid)
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self.every = every
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                        t = p.cpu_times()
                        self.cpu[p.pid] = t.user + t.system
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            time.sleep(self.every)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()

    @property
    def cpu_seconds(self) -> float:
        """CPU seconds of the whole process tree (to the last poll: a process's final ~0.2 s may be missed)."""
        return round(sum(self.cpu.values()), 1)


def texts_of(corpus: Path) -> list[str]:
    from tasks.ingest.decode import decode

    return [decode(p.read_bytes())[0] for p in sorted(corpus.rglob("*.txt"))]


def bare_spacy(corpus: Path, workers: int, model: str) -> dict:
    code = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from benchmarks.throughput import texts_of
from pathlib import Path
import spacy
from tasks.nlp.model import MODEL_ALIASES
names = MODEL_ALIASES.get({model!r}, ({model!r},))
for n in names:
    try:
        nlp = spacy.load(n); break
    except OSError:
        pass
texts = texts_of(Path({str(corpus)!r}))
t = time.perf_counter()
n = sum(len(d) for d in nlp.pipe(texts, n_process={workers}, batch_size=64))
print(time.perf_counter() - t, len(texts), n)
"""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    with PeakMemory(p.pid) as mem:
        out, _ = p.communicate()
    wall = time.perf_counter() - t
    pipe_secs, n_articles, n_tokens = out.split()
    return {"step": "bare_spacy", "articles": int(n_articles), "tokens": int(n_tokens), "pipe_seconds": round(float(pipe_secs), 1),
            "wall_seconds": round(wall, 1), "cpu_seconds": mem.cpu_seconds, "peak_mb": round(mem.peak / 2**20)}


def run_cli(corpus: Path, out: Path, workers: int, extra: list[str]) -> tuple[float, PeakMemory, dict]:
    cmd = [str(ROOT / ".venv" / "bin" / "newsfacts"), "run", str(corpus), "--out", str(out), "--workers", str(workers), "--json", "--quiet", *extra]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    with PeakMemory(p.pid) as mem:
        out_s, _ = p.communicate()
    wall = time.perf_counter() - t
    return wall, mem, json.loads(out_s) if out_s.strip() else {}


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(out.rglob("*.parquet")):
        if "_newsfacts" not in p.parts:
            h.update(str(p.relative_to(out)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--model", default="en_core_web_sm")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1,
                    help="run bare spaCy and the pipeline alternately this many times and print the median ratios "
                         "(a shared machine's speed drifts between runs)")
    ap.add_argument("--skip-bare", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="keep the pipeline's output folder there (for inspection) instead of deleting it")
    ap.add_argument("--extra", nargs=argparse.REMAINDER, default=[])
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nfbench"))
    corpus = Path(a.corpus)
    try:
        if a.copies > 1:
            src = corpus
            corpus = work / "corpus"
            for i in range(a.copies):
                shutil.copytree(src, corpus / f"copy{i}")
        out = work / "out"
        walls, cpus = [], []
        for _ in range(max(1, a.repeat)):
            bare = None
            if not a.skip_bare:
                bare = bare_spacy(corpus, a.workers, a.model)
                print(json.dumps(bare), flush=True)
            shutil.rmtree(out, ignore_errors=True)
            wall, mem, s = run_cli(corpus, out, a.workers, a.extra)
            n = sum(s.get("inputs", {}).values())
            res = {"step": "pipeline", "inputs": n, "articles_written": s.get("articles_written"), "wall_seconds": round(wall, 1),
                   "cpu_seconds": mem.cpu_seconds, "articles_per_second": round(n / wall, 1) if wall else None,
                   "peak_mb": round(mem.peak / 2**20), "stage_seconds": s.get("seconds")}
            if bare:
                res["ratio_to_bare_spacy"] = round(wall / bare["wall_seconds"], 3)
                res["cpu_ratio_to_bare_spacy"] = round(mem.cpu_seconds / bare["cpu_seconds"], 3)
                walls.append(res["ratio_to_bare_spacy"])
                cpus.append(res["cpu_ratio_to_bare_spacy"])
            print(json.dumps(res), flush=True)
        if len(walls) > 1:
            print(json.dumps({"step": "median", "runs": len(walls), "ratio_to_bare_spacy": statistics.median(walls),
                              "cpu_ratio_to_bare_spacy": statistics.median(cpus)}), flush=True)
        before = digest(out)
        wall2, mem2, s2 = run_cli(corpus, out, a.workers, a.extra)
        print(json.dumps({"step": "rerun_unchanged", "wall_seconds": round(wall2, 1), "work_seconds": s2.get("seconds", {}).get("total"),
                          "inputs": s2.get("inputs"), "tables_changed": digest(out) != before, "peak_mb": round(mem2.peak / 2**20)}),
              flush=True)
        if a.keep:
            shutil.rmtree(a.keep, ignore_errors=True)
            shutil.move(str(out), a.keep)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
