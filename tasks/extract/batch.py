"""One batch of inputs, worker side: read -> clean -> parse -> extract -> Arrow tables.

A worker process (or a Dask worker) runs `extract_batch` on a `BatchSpec` (plain, picklable
values) and sends back an `ExtractedBatch`: the rows of every table as Arrow tables (compact
and cheap to pickle), before any validation. The flow process validates and stages them.

Each article has a time budget (`BatchSpec.article_timeout`, `--article-timeout`): the batch
is processed PARSE_CHUNK documents at a time (as spaCy parses them anyway), each chunk within
the budget of one article; a chunk over it is processed again one document at a time, each
within the budget, and a document over it is refused with reason "timeout" while the rest of
its batch lands. The budget is enforced by raising an exception in the working thread (any
thread: a worker process, a Dask worker's thread, the flow process), between two Python
bytecodes: a stage stuck inside one C call is stopped when that call returns.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import math
import os
import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from tasks.extract.article import MAX_CHARS, BatchResult, process_batch
from tasks import ingest
from tasks.model import RawDocument, Rejection
from tasks.schemas import TABLES

ARTICLE_TIMEOUT = 60.0  # seconds an article may take (clean, parse, extract): ~1000x a typical news article
PARSE_CHUNK = 16  # documents processed together (spaCy parses 16 texts at a time: same speed as a whole batch)


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
    article_timeout: float = ARTICLE_TIMEOUT  # seconds per article (0: no limit)


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
    result = process_within_budget(docs, spec)
    result.add_time("read", t_read)
    rows = result.rows
    inputs = articles_of_inputs(spec, rows["articles"], input_of)
    t1 = time.perf_counter()
    tables = {t: pa.Table.from_pylist(rows.pop(t), schema=schema) for t, schema in TABLES.items()}
    result.add_time("arrow", time.perf_counter() - t1)
    return ExtractedBatch(tables=tables, rejections=rejections + result.rejections, inputs=inputs, seconds=result.seconds,
                          worker=(os.getpid(), peak_rss_mb()))


class OverBudget(BaseException):
    """Raised in a working thread whose time budget is spent. A BaseException, like
    KeyboardInterrupt, so that a stage's `except Exception` does not take it for its own error."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in this thread once `seconds` have passed inside the block (0 or
    infinity: no limit). If the budget runs out just as the block ends, OverBudget is raised
    at its end: the block did take too long."""
    if not seconds or math.isinf(seconds):
        yield
        return
    thread = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, ctypes.py_object(OverBudget))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            timer.cancel()
            if state["fired"]:  # not raised yet, perhaps: clear it, and raise it here
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, None)
        if state["fired"]:
            raise OverBudget


def process_within_budget(docs: list[RawDocument], spec: BatchSpec) -> BatchResult:
    """`process_batch` over the documents, PARSE_CHUNK at a time, each chunk within the budget
    of one article; a chunk over it again one document at a time, and a document over it
    refused ("timeout"). The rows are those of one `process_batch` call over all the documents:
    an article found again in a later chunk only adds its source to the first one's."""
    total = BatchResult()
    first_row: dict[str, dict] = {}  # article id -> its articles row, where a later duplicate adds its source
    for i in range(0, len(docs), PARSE_CHUNK):
        chunk = docs[i:i + PARSE_CHUNK]
        t = time.perf_counter()
        try:
            with time_budget(spec.article_timeout):
                part = process_batch(chunk, spec.model, ingested_at=spec.ingested_at, max_chars=spec.max_chars)
        except OverBudget:
            total.add_time("over-budget", time.perf_counter() - t)
            part, in_chunk = BatchResult(), {}
            for doc in chunk:
                _merge(part, _one_within_budget(doc, spec), in_chunk)
        _merge(total, part, first_row)
    return total


def _one_within_budget(doc: RawDocument, spec: BatchSpec) -> BatchResult:
    t = time.perf_counter()
    try:
        with time_budget(spec.article_timeout):
            return process_batch([doc], spec.model, ingested_at=spec.ingested_at, max_chars=spec.max_chars)
    except OverBudget:
        over = BatchResult()
        over.rejections.append(Rejection(doc.source, f"timeout: over the {spec.article_timeout:g} s budget per article "
                                                     "(--article-timeout)", doc.content_sha256))
        over.add_time("over-budget", time.perf_counter() - t)
        return over


def _merge(total: BatchResult, part: BatchResult, first_row: dict[str, dict]) -> None:
    """Add a chunk's rows, refusals and seconds to the batch's; an article already in the batch
    (an exact duplicate from an earlier chunk) adds its sources to the first one's row."""
    dups = set()
    for a in part.rows["articles"]:
        held = first_row.get(a["article_id"])
        if held is None:
            first_row[a["article_id"]] = a
        else:
            held["sources"] = held["sources"] + [s for s in a["sources"] if s not in held["sources"]]
            dups.add(a["article_id"])
    for table, rows in part.rows.items():
        total.rows[table].extend(r for r in rows if r["article_id"] not in dups)
    total.rejections.extend(part.rejections)
    for stage, secs in part.seconds.items():
        total.add_time(stage, secs)


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
