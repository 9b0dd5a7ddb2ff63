"""One batch of inputs, worker side: read -> clean -> parse -> extract -> Arrow tables.

A worker process (or a Dask worker) runs `extract_batch` on a `BatchSpec` (plain, picklable
values) and sends back an `ExtractedBatch`: the rows of every table as Arrow tables (compact
and cheap to pickle), before any validation. The flow process validates and stages them.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import resource
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from tasks.extract.article import MAX_CHARS, process_batch
from tasks import ingest
from tasks.model import RawDocument, Rejection
from tasks.schemas import TABLES


@dataclass
class BatchSpec:
    """Everything a worker needs (plain, picklable values)."""

    batch: int
    files: list[tuple]  # (path, source, sha256 of the bytes[, first item, end item]) - bulk files are split by item
    run_id: str
    model: str
    ingested_at: datetime
    max_bytes: int = ingest.MAX_BYTES
    max_chars: int = MAX_CHARS
    fields: dict[str, str] | None = None


@dataclass
class ExtractedBatch:
    """A batch's rows before validation, as Arrow tables (what a worker sends back)."""

    tables: dict[str, pa.Table]
    rejections: list[Rejection]
    inputs: dict[str, dict]  # input path -> {sha, article_ids}
    seconds: dict[str, float]
    worker: tuple[int, float] = (0, 0.0)  # the process that extracted it: pid, peak memory (MB) so far

    @property
    def articles(self) -> int:
        return self.tables["articles"].num_rows


def extract_batch(spec: BatchSpec) -> ExtractedBatch:
    """Read, clean, parse and extract one batch (the CPU-heavy part, in a worker process)."""
    try:
        return _extract(spec)
    finally:
        release_memory()


def _extract(spec: BatchSpec) -> ExtractedBatch:
    t0 = time.perf_counter()
    docs, rejections, input_of = read_batch(spec)
    t_read = time.perf_counter() - t0
    result = process_batch(docs, spec.model, ingested_at=spec.ingested_at, max_chars=spec.max_chars)
    result.add_time("read", t_read)
    rows = result.rows
    inputs = articles_of_inputs(spec, rows["articles"], input_of)
    t1 = time.perf_counter()
    tables = {t: pa.Table.from_pylist(rows.pop(t), schema=schema) for t, schema in TABLES.items()}
    result.add_time("arrow", time.perf_counter() - t1)
    return ExtractedBatch(tables=tables, rejections=rejections + result.rejections, inputs=inputs, seconds=result.seconds,
                          worker=(os.getpid(), peak_rss_mb()))


def read_batch(spec: BatchSpec) -> tuple[list[RawDocument], list[Rejection], dict[str, str]]:
    """The batch's documents and refusals, and the input each document came from (a bulk
    input's documents are named `FILE#ID`; a slice of one reads items [first, end))."""
    docs: list[RawDocument] = []
    rejections: list[Rejection] = []
    input_of: dict[str, str] = {}
    for path, source, _sha, *span in spec.files:
        first, end = span if span else (0, None)
        items = ingest.read([ingest.InputFile(Path(path), source)], max_bytes=spec.max_bytes, fields=spec.fields)
        for n, item in enumerate(items):
            if n < first:
                continue
            if end is not None and n >= end:
                break
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                docs.append(item)
                input_of[item.source] = source
    return docs, rejections, input_of


def articles_of_inputs(spec: BatchSpec, article_rows: list[dict], input_of: dict[str, str]) -> dict[str, dict]:
    """Each input of the batch with its content hash and the articles it holds (an exact
    duplicate is one article listed under every input holding it)."""
    inputs = {source: {"sha": sha, "article_ids": []} for _path, source, sha, *_span in spec.files}
    for a in article_rows:
        for s in a["sources"]:
            held = inputs[input_of.get(s, s)]["article_ids"]
            if a["article_id"] not in held:
                held.append(a["article_id"])
    return inputs


def release_memory() -> None:
    """Give the heap freed by a batch back to the OS (glibc keeps it otherwise), so a
    worker's memory stays at one batch's worth however long the run."""
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc:
        try:
            ctypes.CDLL(libc).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: nothing to trim
            pass


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
