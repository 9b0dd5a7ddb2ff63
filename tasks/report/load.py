"""What the report reads from an output folder: the tables (only the columns it shows), the
run log, each run's validation results, the quarantine and the refusals.

Nothing here computes a figure; the section modules do (corpus, speakers, numbers,
entities, quality, runs).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from tasks.store.layout import OutputLayout, run_of_part
from tasks.schemas import ALL_TABLES, TABLES

COLUMNS = {
    "articles": ["article_id", "source", "url", "title", "published_at", "n_words"],
    "quotes": ["article_id", "quote_id", "char_start", "text", "kind", "speaker", "speaker_entity_id"],
    "entities": ["article_id", "entity_id", "name", "label", "mention_count"],
    "numeric_facts": ["article_id", "fact_id", "sentence_idx", "char_start", "char_end", "text", "value", "unit", "kind"],
}
class NoTables(FileNotFoundError):
    """The folder holds no newsfacts tables."""


@dataclass
class RunLog:
    """OUT/_newsfacts/runs.jsonl: one summary per run, oldest first; lines that cannot be read
    are kept as (line number, why) so that the page can say so."""

    runs: list[dict] = field(default_factory=list)
    unreadable: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> "RunLog":
        log = cls()
        if not path.exists():
            return log
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                run = json.loads(line)
            except json.JSONDecodeError as e:
                log.unreadable.append((n, f"not JSON ({e.msg})"))
                continue
            if not isinstance(run, dict) or not isinstance(run.get("run_id"), str):
                log.unreadable.append((n, "no run_id"))
                continue
            log.runs.append(run)
        return log


@dataclass
class Loaded:
    """Everything the page shows, as read from one output folder."""

    layout: OutputLayout
    tables: dict[str, pd.DataFrame]
    rejections: pd.DataFrame  # source, reason, rejected_at, run_id
    quarantine: pd.DataFrame  # table, run_id, failed_expectations (one row per quarantined row)
    run_log: RunLog
    validations: dict[str, dict[str, list[dict]]]  # run id -> table -> GX results

    def sentences(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[int, str]]:
        """(article_id, sentence_idx) -> (char_start, text) of those sentences only."""
        if not keys:
            return {}
        ids = pa.array(sorted({a for a, _ in keys}), type=pa.string())
        t = _dataset(self.layout.table("sentences")).to_table(
            columns=["article_id", "sentence_idx", "char_start", "text"], filter=pc.field("article_id").isin(ids))
        wanted = set(keys)
        return {(r["article_id"], r["sentence_idx"]): (r["char_start"], r["text"])
                for r in t.to_pylist() if (r["article_id"], r["sentence_idx"]) in wanted}


def load(out: str | Path, last_runs: int = 30) -> Loaded:
    """Read an output folder for the report; NoTables if it holds no tables."""
    layout = OutputLayout(out)
    if not any(layout.table(name).is_dir() for name in TABLES):
        raise NoTables(f"no newsfacts tables in {layout.root} (run `newsfacts run PATH --out {layout.root}` first)")
    tables = {name: _read(layout.table(name), name, cols) for name, cols in COLUMNS.items()}
    run_log = RunLog.read(layout.runs_log)
    recent = [r["run_id"] for r in run_log.runs[-last_runs:]]
    return Loaded(layout=layout, tables=tables, rejections=_rejections(layout), quarantine=_quarantine(layout),
                  run_log=run_log, validations=_validations(layout, recent))


def _dataset(path: Path) -> ds.Dataset:
    return ds.dataset(str(path), format="parquet", partitioning="hive")


def _read(path: Path, name: str, columns: list[str]) -> pd.DataFrame:
    """A table's columns (and its month partition) as a DataFrame; no rows if it is absent."""
    schema = ALL_TABLES[name]
    if not path.is_dir() or not any(path.rglob("*.parquet")):
        empty = pa.schema([schema.field(c) for c in columns] + [pa.field("month", pa.string())])
        return empty.empty_table().to_pandas()
    t = _dataset(path).to_table(columns=[*columns, "month"])
    return t.to_pandas()


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def _rejections(layout: OutputLayout) -> pd.DataFrame:
    frames = []
    for part in _parts(layout.table("rejections")):
        df = pq.read_table(part, columns=["source", "reason", "rejected_at"]).to_pandas()
        frames.append(df.assign(run_id=run_of_part(part)))
    if not frames:
        return pd.DataFrame({"source": [], "reason": [], "rejected_at": [], "run_id": []})
    return pd.concat(frames, ignore_index=True)


def _quarantine(layout: OutputLayout) -> pd.DataFrame:
    frames = []
    for name in TABLES:
        for part in _parts(layout.quarantine(name)):
            df = pq.read_table(part, columns=["failed_expectations"]).to_pandas()
            frames.append(df.assign(table=name, run_id=run_of_part(part)))
    if not frames:
        return pd.DataFrame({"failed_expectations": [], "table": [], "run_id": []})
    return pd.concat(frames, ignore_index=True)


def _validations(layout: OutputLayout, run_ids: list[str]) -> dict[str, dict[str, list[dict]]]:
    out = {}
    for run_id in run_ids:
        path = layout.validations(run_id) / "results.json"
        if path.exists():
            out[run_id] = json.loads(path.read_text(encoding="utf-8"))
    return out
