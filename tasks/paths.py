"""The one module that builds paths: project defaults and the layout of an output folder.

OUT/
  <table>/month=YYYY-MM/part-<run>-<batch>.parquet   the tables (hive-partitioned by the
                                                     article's publication month, else ingest month)
  quarantine/<table>/...                             rows that failed validation, with the reason
  rejections/...                                     inputs that were refused, with the reason
  _newsfacts/                                        the pipeline's own state (not a table):
     manifest.json      inputs seen (path -> content hash, articles, parts)
     journal.json       a commit in progress (replayed by the next run after a crash)
     lock               held by the run writing this folder
     staging/<run>/     parts being written by a run (made visible at commit)
     validations/<run>/ GX validation results of each run
     runs.jsonl         one summary line per run
"""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = PROJECT_ROOT / "raw"
DEFAULT_OUTPUT = PROJECT_ROOT / "processed"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DOCS_DIR = PROJECT_ROOT / "docs"


class OutputLayout:
    def __init__(self, out: str | Path):
        self.root = Path(out)

    def table(self, name: str) -> Path:
        return self.root / name

    def quarantine(self, name: str) -> Path:
        return self.root / "quarantine" / name

    @property
    def state(self) -> Path:
        return self.root / "_newsfacts"

    @property
    def manifest(self) -> Path:
        return self.state / "manifest.json"

    @property
    def journal(self) -> Path:
        return self.state / "journal.json"

    @property
    def lock(self) -> Path:
        return self.state / "lock"

    @property
    def runs_log(self) -> Path:
        return self.state / "runs.jsonl"

    def staging(self, run_id: str) -> Path:
        return self.state / "staging" / run_id

    def validations(self, run_id: str | None = None) -> Path:
        base = self.state / "validations"
        return base / run_id if run_id else base

    @property
    def data_docs(self) -> Path:
        return self.state / "data_docs"
