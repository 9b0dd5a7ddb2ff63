"""One batch of input files as plain Python. A worker process (or a Dask worker) reads, cleans,
parses and extracts it into Arrow tables (`extract_batch`; the spaCy model is loaded once per
process); the flow process then validates several batches at once, quarantines failing rows
and stages each batch's Parquet parts (`finish_batches`).
"""
from __future__ import annotations

import bisect
import itertools
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tasks.ingest import files as ingest
from tasks.store import tables as store
from tasks.extract.article import process_batch
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


_VALIDATION_LOCK = threading.Lock()


def warm_up(model: str | None, gx: bool = True) -> None:
    """Load the spaCy model and/or Great Expectations ahead of the first batch (in a thread
    while Prefect starts, or as a worker process's initializer)."""
    from tasks.nlp import parse as nlp
    from tasks.validate import suites as validate
    from tasks.paths import EXPECTATIONS_DIR

    try:
        if model:
            nlp.load_model(model)
        if gx:
            with _VALIDATION_LOCK:  # a batch group waits for this context rather than building another
                validate._context(str(EXPECTATIONS_DIR))
    except (OSError, RuntimeError, ImportError) as e:  # the batch itself will report it properly
        log.warning("warm-up failed: %s", e)


def ready() -> None:
    """A no-op job: submitting it makes a process pool start a worker now."""


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
    """A batch's rows before validation, as Arrow tables (what a worker sends back: compact and
    cheap to pickle)."""

    tables: dict[str, pa.Table]
    rejections: list[Rejection]
    inputs: dict[str, dict]
    seconds: dict[str, float]

    @property
    def articles(self) -> int:
        return self.tables["articles"].num_rows


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
    t1 = time.perf_counter()
    tables = {t: store.to_table(rows.pop(t), schema) for t, schema in TABLES.items()}
    result.add_time("arrow", time.perf_counter() - t1)
    return ExtractedBatch(tables=tables, rejections=rejections, inputs=inputs, seconds=result.seconds)


def _layers(exs: list[ExtractedBatch]) -> list[dict[str, int]]:
    """Per batch: article id -> how many earlier batches of the group hold the same article.
    A duplicate file in a later batch is dropped at commit; until then it must not be
    validated in the same frame as its first copy (their keys would look duplicated)."""
    seen: dict[str, int] = {}
    out = []
    for ex in exs:
        layer = {}
        for aid in ex.tables["articles"].column("article_id").to_pylist():
            layer[aid] = seen.get(aid, 0)
            seen[aid] = layer[aid] + 1
        out.append(layer)
    return out


def validate_group(exs: list[ExtractedBatch]) -> tuple[list[dict[str, dict[int, list[str]]]], list[dict[str, dict]], dict[str, list[dict]]]:
    """Validate every table of a group of batches with one GX call per table (per layer of
    duplicates, almost always one).

    Returns, per batch, table -> {row position: failing expectations}; per batch, table ->
    validation record; and table -> the GX results (JSON) of the group."""
    from tasks.validate.suites import validate_table

    layers = _layers(exs)
    n_layers = 1 + max((max(ly.values(), default=0) for ly in layers), default=0)
    failed: list[dict[str, dict[int, list[str]]]] = [{} for _ in exs]
    records = [{t: {"success": True, "rows": ex.tables[t].num_rows, "failed_rows": 0, "table_failures": []} for t in TABLES} for ex in exs]
    results: dict[str, list[dict]] = {}
    for table in TABLES:
        for layer in range(n_layers):
            # (rows, (batch, their positions in that batch or None for all)) of each batch
            pieces: list[tuple[pa.Table, tuple[int, list[int] | None]]] = []
            for b, ex in enumerate(exs):
                t = ex.tables[table]
                if n_layers == 1:
                    pieces.append((t, (b, None)))
                    continue
                pos = [i for i, a in enumerate(t.column("article_id").to_pylist()) if layers[b].get(a, 0) == layer]
                if pos:
                    pieces.append((t.take(pa.array(pos, type=pa.int64())), (b, pos)))
            if not pieces:
                continue
            with _VALIDATION_LOCK:  # one GX context per process, used by one thread at a time
                v = validate_table(table, pa.concat_tables([p for p, _ in pieces]))
                judged = [(v, pieces)]
                if v.table_failures and len(pieces) > 1:
                    # an expectation that names no rows (e.g. the column list) fails a whole frame:
                    # judge each batch's piece on its own, so that a verdict never depends on the group
                    judged = [(validate_table(table, p), [(p, own)]) for p, own in pieces]
            for v, frame in judged:
                results.setdefault(table, []).append(v.result)
                bad = dict(v.failed_rows)
                if v.table_failures and not bad:  # no row to blame: the whole frame fails
                    bad = {i: list(v.table_failures) for i in range(v.rows)}
                starts = list(itertools.accumulate((p.num_rows for p, _ in frame[:-1]), initial=0))
                for i, why in bad.items():  # a row of the frame -> its batch and its row there
                    k = bisect.bisect_right(starts, i) - 1
                    b, pos = frame[k][1]
                    failed[b].setdefault(table, {})[i - starts[k] if pos is None else pos[i - starts[k]]] = why
                for _, (b, _pos) in frame:
                    rec = records[b][table]
                    rec["table_failures"] = sorted(set(rec["table_failures"]) | set(v.table_failures))
    for b in range(len(exs)):
        for table, rec in records[b].items():
            rec["failed_rows"] = len(failed[b].get(table, {}))
            rec["success"] = not rec["failed_rows"] and not rec["table_failures"]
    return failed, records, results


def finish_batches(specs: list[BatchSpec], exs: list[ExtractedBatch]) -> list[store.StagedBatch]:
    """Validate a group of batches together, quarantine failing rows, stage each batch's parts.

    Validation comes before anything is written; a batch's parts are the same whatever group
    it is validated in (a row's verdict depends only on its own article's rows, or, for an
    expectation that names no rows, on its own batch's rows)."""
    t1 = time.perf_counter()
    failed, records, results = validate_group(exs)
    t_validate = time.perf_counter() - t1
    out = []
    for n, (spec, ex, bad, record) in enumerate(zip(specs, exs, failed, records)):
        if n == 0:
            for table, rs in results.items():
                record[table]["results"] = rs  # the group's GX results ride on its first batch
        out.append(_stage(spec, ex, bad, record, t_validate if n == 0 else 0.0))
    return out


def _stage(spec: BatchSpec, ex: ExtractedBatch, bad: dict[str, dict[int, list[str]]], record: dict[str, dict],
           t_validate: float) -> store.StagedBatch:
    layout = OutputLayout(spec.out)
    tables, rejections, inputs = dict(ex.tables), ex.rejections, ex.inputs
    seconds = dict(ex.seconds)
    t2 = time.perf_counter()
    quarantine: dict[str, list[dict]] = {}
    for table, rows_bad in bad.items():
        t = tables[table]
        for i, r in zip(sorted(rows_bad), t.take(pa.array(sorted(rows_bad), type=pa.int64())).to_pylist()):
            quarantine.setdefault(table, []).append(_quarantine_row(table, r, "; ".join(rows_bad[i])))
        keep = pa.array([i not in rows_bad for i in range(t.num_rows)])
        tables[table] = t.filter(keep)
        log.warning("%d %s rows failed validation and were quarantined", len(rows_bad), table)
    # an article whose own row failed validation must not leave orphan rows behind
    if "articles" in bad:
        kept = tables["articles"].column("article_id")
        for table in TABLES:
            if table == "articles":
                continue
            t = tables[table]
            orphan = pc.invert(pc.is_in(t.column("article_id"), value_set=kept))
            if pc.any(orphan).as_py():
                quarantine.setdefault(table, []).extend(
                    _quarantine_row(table, r, "article row quarantined") for r in t.filter(orphan).to_pylist())
                tables[table] = t.filter(pc.invert(orphan))
        kept_ids = set(kept.to_pylist())
        for src in inputs.values():
            src["article_ids"] = [a for a in src["article_ids"] if a in kept_ids]
    arts = {a["article_id"]: {"source": a["source"], "sources": a["sources"], "content_sha256": a["content_sha256"],
                              "month": store.month_of(a["published_at"] or spec.ingested_at)}
            for a in tables["articles"].select(["article_id", "source", "sources", "content_sha256", "published_at"]).to_pylist()}
    extra_parts = [_stage_quarantine(layout, spec, table, q) for table, q in quarantine.items()]
    parts = store.stage_tables(layout, spec.run_id, spec.batch, tables, {aid: a["month"] for aid, a in arts.items()},
                               store.month_of(spec.ingested_at))
    if rejections:
        rel = f"rejections/month={store.month_of(spec.ingested_at)}/part-{spec.run_id}-{spec.batch:05d}.parquet"
        extra_parts.append(store.stage_extra(layout, spec.run_id, rel, store.rejection_rows(rejections, spec.ingested_at), ALL_TABLES["rejections"]))
    parts["_extra"] = extra_parts
    seconds["validate"] = t_validate
    seconds["write"] = time.perf_counter() - t2
    return store.StagedBatch(batch=spec.batch, parts=parts, articles=arts, inputs=inputs,
                             rejections=[{"source": r.source, "reason": r.reason} for r in rejections],
                             quarantined={t: len(q) for t, q in quarantine.items()}, validation=record,
                             rows={t: tables[t].num_rows for t in TABLES}, seconds=seconds)


def _quarantine_row(table: str, row: dict, why: str) -> dict:
    return {"table": table, "failed_expectations": why, **{k: None if v is None else str(v) for k, v in row.items()}}


def _stage_quarantine(layout: OutputLayout, spec: BatchSpec, table: str, rows: list[dict]) -> str:
    """Quarantined rows keep every value (as text) and the failing expectations."""
    import pyarrow.parquet as pq

    rel = f"quarantine/{table}/part-{spec.run_id}-{spec.batch:05d}.parquet"
    path = layout.staging(spec.run_id) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = sorted({k for r in rows for k in r}, key=lambda k: (k not in ("table", "failed_expectations"), k))
    pq.write_table(pa.table({c: pa.array([r.get(c) for r in rows], type=pa.string()) for c in cols}), path)
    return rel
