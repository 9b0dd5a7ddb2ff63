"""Where everything lives in an output folder, and how its files are named.

OUT/
  <table>/month=YYYY-MM/part-<run>-<batch>.parquet   the tables (hive-partitioned by the
                                                     article's publication month, else ingest month)
  quarantine/<table>/...                             rows that failed validation, with the reason
  entity_index/entity_index.parquet                  every entity key of the corpus and the thing it names
                                                     (rebuilt at commit, `tasks.store.entity_index`)
  rejections/...                                     inputs that were refused, with the reason
  _newsfacts/                                        the pipeline's own state (not a table):
     manifest.json      inputs seen (path -> content hash, version, articles), articles, every
                        file of the tables (rows, bytes, SHA-256), the tables' schema version
     journal.json       a commit in progress (replayed by the next run after a crash)
     lock               held by the run writing this folder
     staging/<run>/     parts being written by a run (made visible at commit)
     retired/<schema>/  rows of articles an upgrade could neither extract again nor migrate, as they were
     damaged/<run>/     files `newsfacts check --repair` took out of the tables (damaged or unknown)
     validations/<run>/ GX validation results of each run
     runs.jsonl         one summary line per run
     entity_keys/       the entity index's sums, one file per month
     report.html        the run report (`newsfacts report`), one self-contained page

Paths below are relative to OUT unless they are `Path`s; a part's name says which run and
which batch wrote it (`part-<run>-<batch>.parquet`, the batch as five digits).
"""
from __future__ import annotations

import re
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path


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

    @property
    def staging_root(self) -> Path:
        return self.state / "staging"

    def staging(self, run_id: str) -> Path:
        return self.staging_root / run_id

    def validations(self, run_id: str | None = None) -> Path:
        base = self.state / "validations"
        return base / run_id if run_id else base

    @property
    def report(self) -> Path:
        return self.state / "report.html"

    def retired(self, schema_version: str) -> str:
        """Where an upgrade keeps the rows it could not migrate (relative to the output folder)."""
        return f"_newsfacts/retired/{schema_version or 'unversioned'}"

    def damaged(self, run_id: str) -> str:
        """Where a repair puts the files it takes out of the tables (relative to the output folder)."""
        return f"_newsfacts/damaged/{run_id}"

    def is_state(self, rel: str) -> bool:
        """True for a path (relative to the output folder) of the pipeline's own state, not of a table."""
        return rel.split("/", 1)[0] == self.state.name


RUN_TIME = "%Y%m%dT%H%M%S"  # the start time (UTC) a run id begins with
# a part written by a run: part-<run id>-<batch number | plan | empty>.parquet (`part_name`)
PART_NAME = re.compile(r"^part-(?P<run>\d{8}T\d{6}-[0-9a-f]+)-(?:\d+|plan|empty)\.parquet$")


def new_run_id() -> str:
    """A run's id: its start time (UTC) and a random suffix, so ids sort by time."""
    return time.strftime(RUN_TIME, time.gmtime()) + "-" + uuid.uuid4().hex[:6]


def run_time(run_id: str) -> datetime | None:
    """When a run started (UTC), read from its id; None for an id of another form."""
    try:
        return datetime.strptime(run_id.split("-")[0], RUN_TIME).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def run_of_part(path: Path) -> str | None:
    """The id of the run that wrote a part, read from its file name (`part_name`); None for another name."""
    m = PART_NAME.match(path.name)
    return m["run"] if m else None


def month_of(ts: datetime | None) -> str:
    """The partition month of a timestamp (now, when there is none)."""
    return (ts or datetime.now(timezone.utc)).strftime("%Y-%m")


def part_name(run_id: str, batch: int | str) -> str:
    """`part-<run>-<batch>.parquet`; batch is a batch number, or a word for a run's own parts
    ("plan": refusals made while planning, "empty": a table's first, schema-only part)."""
    tag = f"{batch:05d}" if isinstance(batch, int) else batch
    return f"part-{run_id}-{tag}.parquet"


def month_part(month: str, run_id: str, batch: int | str) -> str:
    """A part's path inside its table's folder: `month=YYYY-MM/part-...` (what the manifest keeps)."""
    return f"month={month}/{part_name(run_id, batch)}"


def table_part(table: str, month: str, run_id: str, batch: int | str) -> str:
    """A part of a month-partitioned table (the seven tables and rejections)."""
    return f"{table}/{month_part(month, run_id, batch)}"


def quarantine_part(table: str, run_id: str, batch: int) -> str:
    """A part of a table's quarantined rows (not partitioned)."""
    return f"quarantine/{table}/{part_name(run_id, batch)}"
