"""One batch of input files, end to end, as plain Python: read → clean → spaCy → extract →
validate → stage Parquet parts. Runs in whichever process the orchestrator gives it (a
local worker process or a Dask worker); the spaCy model is loaded once per process.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tasks import ingest, store
from tasks.extract import process_batch
from tasks.model import RawDocument, Rejection
from tasks.paths import OutputLayout
from tasks.schemas import ALL_TABLES, TABLES

log = logging.getLogger(__name__)


@dataclass
class BatchSpec:
    """Everything a worker needs (plain, picklable values)."""

    batch: int
    files: list[tuple]  # (path, source, sha256 of the bytes[, first item, end item]) - bulk files are split by item
    out: str
    run_id: str
    model: str
    ingested_at: datetime
    max_bytes: int = ingest.MAX_BYTES
    max_chars: int = 1_000_000
    fields: dict[str, str] | None = None


def _release_memory() -> None:
    """Give the heap freed by a batch back to the OS (glibc keeps it otherwise), so a
    worker's memory stays at one batch's worth however long the run."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc:
        try:
            ctypes.CDLL(libc).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: nothing to trim
            pass


@dataclass
class ExtractedBatch:
    """A batch's rows before validation (what a worker process sends back)."""

    rows: dict[str, list[dict]]
    rejections: list[Rejection]
    inputs: dict[str, dict]
    seconds: dict[str, float]


_VALIDATION_LOCK = threading.Lock()


def run_batch(spec: BatchSpec) -> store.StagedBatch:
    """The whole batch in this process (Dask workers, plain calls)."""
    try:
        return finish_batch(spec, _extract_batch(spec))
    finally:
        _release_memory()


def extract_batch(spec: BatchSpec) -> ExtractedBatch:
    """Read, clean, parse and extract one batch (the CPU-heavy part, in a worker process)."""
    try:
        return _extract_batch(spec)
    finally:
        _release_memory()


def _extract_batch(spec: BatchSpec) -> ExtractedBatch:
    t0 = time.perf_counter()
    docs: list[RawDocument] = []
    rejections: list[Rejection] = []
    input_of: dict[str, str] = {}
    inputs: dict[str, dict] = {}
    for path, source, sha, *span in spec.files:
        first, end = span if span else (0, None)
        inputs[source] = {"sha": sha, "article_ids": []}
        for n, item in enumerate(ingest.read([ingest.InputFile(Path(path), source)], max_bytes=spec.max_bytes, fields=spec.fields)):
            if n < first:
                continue
            if end is not None and n >= end:
                break
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                docs.append(item)
                input_of[item.source] = source
    t_read = time.perf_counter() - t0
    result = process_batch(docs, spec.model)
    result.add_time("read", t_read)
    rejections.extend(result.rejections)
    rows = result.rows
    for a in rows["articles"]:
        a["ingested_at"] = spec.ingested_at
        for s in a["sources"]:
            src = input_of.get(s, s)
            if a["article_id"] not in inputs[src]["article_ids"]:
                inputs[src]["article_ids"].append(a["article_id"])
    return ExtractedBatch(rows=rows, rejections=rejections, inputs=inputs, seconds=result.seconds)


def finish_batch(spec: BatchSpec, ex: ExtractedBatch) -> store.StagedBatch:
    """Validate every table of a batch, quarantine failing rows, stage the parts."""
    layout = OutputLayout(spec.out)
    rows, rejections, inputs = ex.rows, ex.rejections, ex.inputs
    seconds = dict(ex.seconds)
    # validate every table before anything is written; failing rows go to quarantine
    t1 = time.perf_counter()
    from tasks.validate import validate_rows

    quarantined: dict[str, int] = {}
    validation: dict[str, dict] = {}
    extra_parts: list[str] = []
    for table in TABLES:
        with _VALIDATION_LOCK:  # one GX context per process, used by one thread at a time
            v = validate_rows(table, rows[table])
        validation[table] = {"success": v.success, "rows": v.rows, "failed_rows": len(v.failed_rows),
                             "table_failures": v.table_failures, "result": v.result}
        bad = set(v.failed_rows)
        if v.table_failures and not bad:
            bad = set(range(len(rows[table])))
        if bad:
            q = [{"table": table, "failed_expectations": "; ".join(v.failed_rows.get(i, v.table_failures)), **{k: str(val) for k, val in r.items()}}
                 for i, r in enumerate(rows[table]) if i in bad]
            quarantined[table] = len(q)
            extra_parts.append(_stage_quarantine(layout, spec, table, q))
            rows[table] = [r for i, r in enumerate(rows[table]) if i not in bad]
            log.warning("%d %s rows failed validation and were quarantined", len(q), table)
    # an article whose own row failed validation must not leave orphan rows behind
    if quarantined.get("articles"):
        kept = {a["article_id"] for a in rows["articles"]}
        for table in TABLES:
            if table != "articles":
                gone = [r for r in rows[table] if r["article_id"] not in kept]
                if gone:
                    extra_parts.append(_stage_quarantine(layout, spec, table, [
                        {"table": table, "failed_expectations": "article row quarantined", **{k: str(v) for k, v in r.items()}} for r in gone]))
                    quarantined[table] = quarantined.get(table, 0) + len(gone)
                    rows[table] = [r for r in rows[table] if r["article_id"] in kept]
        for src in inputs.values():
            src["article_ids"] = [a for a in src["article_ids"] if a in kept]
    seconds["validate"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    parts = store.stage_batch(layout, spec.run_id, spec.batch, rows, spec.ingested_at)
    if rejections:
        rel = f"rejections/month={store.month_of(spec.ingested_at)}/part-{spec.run_id}-{spec.batch:05d}.parquet"
        extra_parts.append(store.stage_extra(layout, spec.run_id, rel, store.rejection_rows(rejections, spec.ingested_at), ALL_TABLES["rejections"]))
    parts["_extra"] = extra_parts
    seconds["write"] = time.perf_counter() - t2
    arts = {a["article_id"]: {"source": a["source"], "sources": a["sources"], "content_sha256": a["content_sha256"],
                              "month": store.month_of(a.get("published_at") or spec.ingested_at)} for a in rows["articles"]}
    return store.StagedBatch(batch=spec.batch, parts=parts, articles=arts, inputs=inputs,
                             rejections=[{"source": r.source, "reason": r.reason} for r in rejections],
                             quarantined=quarantined, validation=validation,
                             rows={t: len(rows[t]) for t in TABLES}, seconds=seconds)


def _stage_quarantine(layout: OutputLayout, spec: BatchSpec, table: str, rows: list[dict]) -> str:
    """Quarantined rows keep every value (as text) and the failing expectations."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rel = f"quarantine/{table}/part-{spec.run_id}-{spec.batch:05d}.parquet"
    path = layout.staging(spec.run_id) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = sorted({k for r in rows for k in r}, key=lambda k: (k not in ("table", "failed_expectations"), k))
    pq.write_table(pa.table({c: pa.array([r.get(c) for r in rows], type=pa.string()) for c in cols}), path)
    return rel
