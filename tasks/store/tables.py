"""Writing: Parquet datasets with explicit schemas, atomic and idempotent, crash-safe.

How a run writes:
  1. each batch writes its parts under `_newsfacts/staging/<run>/` (outside the tables);
  2. `commit` plans every change (new parts to move in, existing parts to rewrite or delete
     for changed or duplicated inputs), writes that plan as a journal, then carries it out
     with renames, so readers only ever see whole files;
  3. a run that finds a journal left by a killed run finishes it first; staging left by a
     killed run with no journal is discarded (its inputs are simply processed again).
An input already in the manifest with the same content hash and pipeline version is
skipped; a changed input replaces its earlier version's rows.
"""
from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import PIPELINE_VERSION
from tasks.paths import OutputLayout
from tasks.schemas import ALL_TABLES, REJECTIONS, TABLES

log = logging.getLogger(__name__)

PARQUET_OPTS = {"compression": "zstd", "use_dictionary": True, "write_statistics": True}


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:6]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def atomic_write_json(path: Path, obj) -> None:
    atomic_write_bytes(path, json.dumps(obj, indent=1, sort_keys=True, default=str).encode("utf-8"))


def to_table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows -> an Arrow table of exactly this schema (fails loudly on a mismatch)."""
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)


def write_parquet(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, **PARQUET_OPTS)
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def month_of(ts: datetime | None) -> str:
    return (ts or datetime.now(timezone.utc)).strftime("%Y-%m")


# --------------------------------------------------------------------------- lock


class LockedError(RuntimeError):
    pass


@contextmanager
def output_lock(layout: OutputLayout, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock on an output folder (released by the OS even if the run is killed)."""
    layout.state.mkdir(parents=True, exist_ok=True)
    fd = os.open(layout.lock, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
                    raise LockedError(
                        f"another newsfacts run is writing {layout.root} ({holder or 'pid unknown'}); "
                        f"wait for it to finish or pass --wait SECONDS") from None
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {datetime.now(timezone.utc).isoformat(timespec='seconds')}".encode(), 0)
        yield
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- manifest


@dataclass
class Manifest:
    """What the output folder holds: inputs (path -> sha, version, article ids) and articles
    (id -> part path, ingested_at, sources)."""

    inputs: dict[str, dict] = field(default_factory=dict)
    articles: dict[str, dict] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # paths refused before reading (symlinks...) -> reason

    @classmethod
    def load(cls, layout: OutputLayout) -> "Manifest":
        if not layout.manifest.exists():
            return cls()
        d = json.loads(layout.manifest.read_text(encoding="utf-8"))
        return cls(inputs=d.get("inputs", {}), articles=d.get("articles", {}), refused=d.get("refused", {}))

    def to_json(self) -> dict:
        return {"inputs": self.inputs, "articles": self.articles, "refused": self.refused, "pipeline_version": PIPELINE_VERSION}

    def status(self, source: str, sha: str) -> str:
        """new | changed | unchanged for an input file."""
        prev = self.inputs.get(source)
        if prev is None:
            return "new"
        if prev.get("sha") == sha and prev.get("version") == PIPELINE_VERSION:
            return "unchanged"
        return "changed"


# --------------------------------------------------------------------------- journal


def replay_journal(layout: OutputLayout) -> bool:
    """Finish a commit that a killed run left half done. Returns True if there was one."""
    if not layout.journal.exists():
        return False
    plan = json.loads(layout.journal.read_text(encoding="utf-8"))
    log.warning("finishing the commit of interrupted run %s", plan.get("run_id"))
    _apply(layout, plan)
    return True


def _apply(layout: OutputLayout, plan: dict) -> None:
    root = layout.root
    for op in plan["ops"]:
        dst = root / op["dst"]
        if op["op"] == "move":
            src = root / op["src"]
            if src.exists():
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dst)
        elif op["op"] == "delete":
            if dst.exists():
                dst.unlink()
    for d in {(root / op["dst"]).parent for op in plan["ops"]}:
        if d.exists():
            _fsync_dir(d)
            if d.is_dir() and not any(d.iterdir()):
                d.rmdir()
    atomic_write_json(layout.manifest, plan["manifest"])
    layout.journal.unlink()
    shutil.rmtree(layout.staging(plan["run_id"]), ignore_errors=True)


def discard_stale_staging(layout: OutputLayout) -> None:
    base = layout.state / "staging"
    if base.exists():
        for d in base.iterdir():
            shutil.rmtree(d, ignore_errors=True)


# --------------------------------------------------------------------------- staging


@dataclass
class StagedBatch:
    """What a batch left in staging: its parts and the articles they hold."""

    batch: int
    parts: dict[str, list[str]]  # table -> relative paths under the staging dir
    articles: dict[str, dict]  # article_id -> {source, sources, month, content_sha256}
    inputs: dict[str, dict]  # input path -> {sha, article_ids}
    rejections: list[dict]
    quarantined: dict[str, int]
    validation: dict[str, dict]
    rows: dict[str, int]
    seconds: dict[str, float]


def stage_tables(layout: OutputLayout, run_id: str, batch: int, tables: dict[str, pa.Table], month: dict[str, str],
                 default_month: str) -> dict[str, list[str]]:
    """Write one batch's tables as parts under staging, one file per table and month
    (`month`: article id -> month of publication, or of ingestion when unknown)."""
    parts: dict[str, list[str]] = {}
    stage = layout.staging(run_id)
    for table in TABLES:
        t = tables[table]
        months = [month.get(a, default_month) for a in t.column("article_id").to_pylist()]
        distinct = sorted(set(months))
        for m in distinct:
            part = t if len(distinct) == 1 else t.filter(pa.array([x == m for x in months]))
            rel = f"{table}/month={m}/part-{run_id}-{batch:05d}.parquet"
            write_parquet(part, stage / rel)
            parts.setdefault(table, []).append(rel)
    return parts


def stage_extra(layout: OutputLayout, run_id: str, rel: str, rows: list[dict], schema: pa.Schema) -> str:
    write_parquet(to_table(rows, schema), layout.staging(run_id) / rel)
    return rel


# --------------------------------------------------------------------------- commit


def _read_part(path: Path) -> pa.Table:
    return pq.read_table(path, partitioning=None)


def commit(layout: OutputLayout, run_id: str, batches: list[StagedBatch], manifest: Manifest) -> dict:
    """Make a run's staged parts visible: plan, journal, apply. Returns counts."""
    stage = layout.staging(run_id)
    ops: list[dict] = []
    new_manifest = Manifest(inputs=dict(manifest.inputs), articles={k: dict(v) for k, v in manifest.articles.items()},
                            refused=dict(manifest.refused))
    for b in batches:
        if b.batch < 0:  # refusals made while planning: recorded once, not again on every run
            new_manifest.refused.update({r["source"]: r["reason"] for r in b.rejections})
    drop_from_staged: dict[str, set[str]] = {}  # article id -> batches whose copy is dropped (already written)
    new_articles: dict[str, dict] = {}
    # 1. the inputs this run processed replace their earlier versions
    seen_inputs: set[str] = set()
    for b in sorted(batches, key=lambda b: b.batch):
        for src, info in b.inputs.items():
            if src in seen_inputs:  # a bulk input split over several batches
                new_manifest.inputs[src]["articles"] += [a for a in info["article_ids"] if a not in new_manifest.inputs[src]["articles"]]
            else:
                new_manifest.inputs[src] = {"sha": info["sha"], "version": PIPELINE_VERSION, "articles": list(info["article_ids"])}
                seen_inputs.add(src)
        for aid, info in b.articles.items():
            if aid in new_articles or aid in manifest.articles:
                drop_from_staged.setdefault(aid, set()).add(str(b.batch))
                continue
            new_articles[aid] = {**info, "batch": b.batch}
    # 2. sources of every article: every name under which a current input holds it, in path order
    candidates: dict[str, list[str]] = {}
    for aid, info in manifest.articles.items():
        candidates.setdefault(aid, []).extend(info.get("sources", []))
    for b in batches:
        for aid, info in b.articles.items():
            candidates.setdefault(aid, []).extend(info["sources"])
    inputs = new_manifest.inputs

    def input_of(name: str) -> str:
        return name if name in inputs else name.rpartition("#")[0]

    final_sources: dict[str, list[str]] = {}
    for aid, names in candidates.items():
        ok = sorted({n for n in names if aid in inputs.get(input_of(n), {}).get("articles", ())},
                    key=lambda n: (input_of(n), n))
        if ok:
            final_sources[aid] = ok
    live = set(final_sources)
    # 3. existing articles that are gone or whose sources changed -> rewrite their parts
    removed = {aid for aid in manifest.articles if aid not in live}
    resourced = {aid for aid in manifest.articles if aid in live and manifest.articles[aid].get("sources") != final_sources[aid]}
    touched_parts: dict[str, set[str]] = {}
    for aid in removed | resourced:
        touched_parts.setdefault(manifest.articles[aid]["part"], set()).add(aid)
    n_rewritten = 0
    for part, aids in sorted(touched_parts.items()):
        for table, schema in TABLES.items():
            path = layout.table(table) / part
            if not path.exists():
                continue
            t = _read_part(path)
            keep = [i for i, a in enumerate(t.column("article_id").to_pylist()) if a not in (removed & aids)]
            rows = t.take(pa.array(keep, type=pa.int64())).to_pylist() if len(keep) != t.num_rows else t.to_pylist()
            if table == "articles":
                for r in rows:
                    if r["article_id"] in final_sources:
                        r["sources"] = final_sources[r["article_id"]]
                        r["source"] = final_sources[r["article_id"]][0]
            rel_dst = f"{table}/{part}"
            if rows:
                rel_src = f"rewrite/{table}/{part}"
                write_parquet(to_table(rows, schema), stage / rel_src)
                ops.append({"op": "move", "src": str(stage.relative_to(layout.root) / rel_src), "dst": rel_dst})
            else:
                ops.append({"op": "delete", "dst": rel_dst})
            n_rewritten += 1
    for aid in removed:
        new_manifest.articles.pop(aid, None)
    for aid in resourced:
        new_manifest.articles[aid]["sources"] = final_sources[aid]
    # 4. new parts: drop duplicate articles from later batches, fix sources, move in
    for b in batches:
        dups = {aid for aid, bs in drop_from_staged.items() if str(b.batch) in bs}
        for table, rels in b.parts.items():
            if table == "_extra":
                continue
            for rel in rels:
                src = stage / rel
                needs_fix = bool(dups) or (table == "articles" and any(
                    final_sources.get(aid, info["sources"]) != info["sources"] for aid, info in b.articles.items()))
                if needs_fix:
                    t = _read_part(src)
                    rows = [r for r in t.to_pylist() if r["article_id"] not in dups]
                    if table == "articles":
                        for r in rows:
                            if r["article_id"] in final_sources:
                                r["sources"] = final_sources[r["article_id"]]
                                r["source"] = final_sources[r["article_id"]][0]
                    if not rows:
                        src.unlink()
                        continue
                    write_parquet(to_table(rows, TABLES[table]), src)
                dst = rel  # "<table>/month=.../part-....parquet"
                ops.append({"op": "move", "src": str(stage.relative_to(layout.root) / rel), "dst": dst})
    for aid, info in new_articles.items():
        b = info["batch"]
        part = f"month={info['month']}/part-{run_id}-{b:05d}.parquet"
        new_manifest.articles[aid] = {"part": part, "sources": final_sources.get(aid, info["sources"]),
                                      "content_sha256": info.get("content_sha256")}
    # 5. rejections and quarantined rows are appended as their own parts
    for b in batches:
        for rel in b.parts.get("_extra", []):
            ops.append({"op": "move", "src": str(stage.relative_to(layout.root) / rel), "dst": rel})
    # 6. every table exists, even with no rows yet (a schema-only part), so readers never fail
    moved = {op["dst"].split("/", 1)[0] for op in ops if op["op"] == "move"}
    for table, schema in TABLES.items():
        if table not in moved and not any(layout.table(table).rglob("*.parquet")):
            rel = f"{table}/month={month_of(None)}/part-{run_id}-empty.parquet"
            write_parquet(to_table([], schema), stage / rel)
            ops.append({"op": "move", "src": str(stage.relative_to(layout.root) / rel), "dst": rel})
    plan = {"run_id": run_id, "ops": ops, "manifest": new_manifest.to_json()}
    atomic_write_json(layout.journal, plan)
    _apply(layout, plan)
    return {"new_articles": len(new_articles), "removed_articles": len(removed), "rewritten_parts": n_rewritten}


def read_table(out: str | Path, name: str):
    """A table as a pandas DataFrame (hive partitions as a column)."""
    import pyarrow.dataset as ds

    path = Path(out) / name
    if not path.exists():
        return to_table([], ALL_TABLES[name]).to_pandas()
    return ds.dataset(str(path), format="parquet", partitioning="hive", schema=None).to_table().to_pandas()


def rejection_rows(rejections, when: datetime) -> list[dict]:
    return [{"source": r.source, "reason": r.reason, "content_sha256": r.content_sha256, "rejected_at": when,
             "pipeline_version": PIPELINE_VERSION} for r in rejections]


__all__ = ["REJECTIONS", "commit", "stage_tables", "output_lock", "Manifest", "replay_journal", "read_table"]
