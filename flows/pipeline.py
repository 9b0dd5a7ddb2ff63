"""The Prefect flow: plan the run, process batches in parallel, commit the tables.

One Prefect task per batch of articles (never one per article: each task run costs the
Prefect server tens of milliseconds). Locally each batch is extracted in a worker process of
a process pool (the spaCy model is loaded once per worker); with `dask_address` the batch
tasks run on that Dask cluster through prefect-dask's DaskTaskRunner. Either way the rows
come back to the flow process as Arrow tables, where groups of batches are validated (one GX
call per table and group) and staged; the commit then makes the run's parts visible at once.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner

from tasks import PIPELINE_VERSION
from tasks.ingest import files as ingest
from tasks.store import tables as store
from tasks.batch import BatchSpec, ExtractedBatch, extract_batch, finish_batches, ready, warm_up
from tasks.paths import DEFAULT_INPUT, DEFAULT_OUTPUT, OutputLayout

log = logging.getLogger(__name__)

# progress callback (set by the CLI; not a flow parameter): called with (files_done, files_total)
PROGRESS: Callable[[int, int], None] | None = None
_POOL: ProcessPoolExecutor | None = None


def _file_sha(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def plan(paths: list[str], layout: OutputLayout) -> tuple[list[tuple[str, str, str, str]], list, store.Manifest]:
    """Inputs with their status: [(path, source, sha, new|changed|unchanged)], rejections, manifest."""
    files, rejections = ingest.discover(paths)
    manifest = store.Manifest.load(layout)
    out = []
    for f in files:
        try:
            sha = _file_sha(f.path)
        except OSError as e:
            rejections.append(ingest.Rejection(f.source, f"unreadable file: {e.strerror or e}"))
            continue
        out.append((str(f.path), f.source, sha, manifest.status(f.source, sha)))
    return out, rejections, manifest


@task(name="process-batch", retries=0, persist_result=False)  # its rows are staged by the flow, never kept
def process_batch_task(spec: BatchSpec, local: bool = True) -> ExtractedBatch:
    """Extract one batch: in the local process pool, or right here on a Dask worker. The flow
    process validates and stages what comes back, several batches at a time."""
    if local and _POOL is not None:
        return _POOL.submit(extract_batch, spec).result()
    return extract_batch(spec)


class _Later:
    """A batch extracted in this process when its result is asked for (plain calls, no pool)."""

    def __init__(self, spec: BatchSpec):
        self.spec = spec

    def result(self) -> ExtractedBatch:
        return extract_batch(self.spec)


def _split_bulk(todo: list[tuple], batch_size: int, fields, max_bytes: int) -> list[tuple]:
    """Bulk inputs (JSON Lines, CSV, Parquet, archives) hold many articles: count their items
    and split them into slices of batch_size, so they are spread over the workers like files."""
    from tasks.ingest import readers

    out = []
    for item in todo:
        path, source = item[0], item[1]
        if not readers.is_bulk(path):
            out.append(item)
            continue
        n = sum(1 for _ in ingest.read([ingest.InputFile(Path(path), source)], max_bytes=max_bytes, fields=fields))
        if n <= batch_size:
            out.append(item)
            continue
        for first in range(0, n, batch_size):
            out.extend([item + (first, min(first + batch_size, n))] + [None] * (min(batch_size, n - first) - 1))
    return out


MIN_BATCH = 50


def _batches(items: list, size: int, n_workers: int = 1) -> list[list]:
    """Consecutive groups of at most `size` work units, shrinking towards the end (guided
    scheduling: each batch takes 1/(2 x workers) of what is left) so that the workers finish
    together. A bulk slice counts as the items it holds (placeholders None)."""
    groups, i = [], 0
    while i < len(items):
        left = len(items) - i
        n = max(1, min(size, max(MIN_BATCH, -(-left // (2 * n_workers)))))
        if 0 < left - n < min(MIN_BATCH, size) // 2:  # no straggler batch under half the minimum
            n = left if left <= size else n
        groups.append(items[i:i + n])
        i += n
    return [[w for w in g if w is not None] for g in groups if any(w is not None for w in g)]


def start_pool(model: str, workers: int) -> None:
    """Start the local worker processes now (each loads the model once, at start), so that
    they get ready while Prefect starts; GX gets ready in a thread of this process."""
    global _POOL
    if _POOL is None and workers > 1:
        import multiprocessing as mp
        import threading

        _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"), initializer=warm_up, initargs=(model, False))
        for _ in range(workers):  # the pool spawns a process per submit while none is idle
            _POOL.submit(ready)
        # validation runs in this process: get GX ready while the workers start
        threading.Thread(target=warm_up, args=(None, True), daemon=True, name="gx-warm-up").start()


def stop_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(cancel_futures=True)
        _POOL = None


def run_pipeline(
    paths: list[str],
    out: str,
    model: str = "en_core_web_sm",
    batch_size: int = 100,
    workers: int | None = None,
    dask_address: str | None = None,
    wait_seconds: float = 0.0,
    fields: dict[str, str] | None = None,
    max_bytes: int = ingest.MAX_BYTES,
    validate_every: int = 1000,
) -> dict:
    """The flow body (also callable without Prefect orchestration in tests).

    Batches are validated and staged in groups of at least `validate_every` articles: one
    Great Expectations call per table and group (GX costs ~0.1 s a call, whatever the rows)."""
    t_start = time.perf_counter()
    logger = _logger()
    layout = OutputLayout(out)
    layout.root.mkdir(parents=True, exist_ok=True)
    with store.output_lock(layout, wait_seconds=wait_seconds):
        if store.replay_journal(layout):
            logger.warning("finished the commit of an interrupted run")
        store.discard_stale_staging(layout)
        t = time.perf_counter()
        items, pre_rejections, manifest = plan(paths, layout)
        pre_rejections = [r for r in pre_rejections if manifest.refused.get(r.source) != r.reason]
        counts = {s: sum(1 for i in items if i[3] == s) for s in ("new", "changed", "unchanged")}
        todo = [i for i in items if i[3] != "unchanged"]
        logger.info("plan: %d inputs (%d new, %d changed, %d unchanged) in %.1fs",
                    len(items), counts["new"], counts["changed"], counts["unchanged"], time.perf_counter() - t)
        run_id = store.new_run_id()
        ingested_at = datetime.now(timezone.utc).replace(microsecond=0)
        n_workers = max(1, workers or os.cpu_count() or 1)
        work = _split_bulk(todo, batch_size, fields, max_bytes)
        specs = [BatchSpec(batch=i, files=[w[:3] + w[4:] for w in b], out=str(layout.root), run_id=run_id, model=model,
                           ingested_at=ingested_at, fields=fields, max_bytes=max_bytes)
                 for i, b in enumerate(_batches(work, batch_size, n_workers))]
        staged: list[store.StagedBatch] = []
        if pre_rejections:
            staged.append(_stage_rejections(layout, run_id, pre_rejections, ingested_at))
        done = 0
        if PROGRESS:
            PROGRESS(0, len(todo))
        t = time.perf_counter()
        if specs:
            from prefect.context import FlowRunContext

            in_flow = FlowRunContext.get() is not None
            if not dask_address and n_workers > 1 and len(specs) > 1:
                start_pool(model, n_workers)
            # (one batch runs right here, unless the CLI already started the pool for it)

            def submit(s: BatchSpec):
                if dask_address:
                    return process_batch_task.submit(s, local=False)
                if in_flow:
                    return process_batch_task.submit(s, local=True)
                return _POOL.submit(extract_batch, s) if _POOL else _Later(s)  # a plain call: no orchestration

            # batches extracted ahead of the one being staged: their rows wait in memory (on a
            # Dask cluster, in its workers), so their number is bounded
            ahead = max(2, 4 * n_workers)
            futures = {j: submit(specs[j]) for j in range(min(ahead, len(specs)))}
            pending: list[tuple[BatchSpec, ExtractedBatch]] = []

            def finish() -> None:
                for b in finish_batches([p[0] for p in pending], [p[1] for p in pending]):
                    staged.append(b)
                    logger.info("batch %d: %d articles, %d refused, rows %s, seconds %s", b.batch, len(b.articles),
                                len(b.rejections), b.rows, {k: round(v, 2) for k, v in b.seconds.items()})
                pending.clear()

            try:
                for i, spec in enumerate(specs):
                    ex = futures.pop(i).result()  # the extracted rows live only until their group is staged
                    if i + ahead < len(specs):
                        futures[i + ahead] = submit(specs[i + ahead])
                    pending.append((spec, ex))
                    done += len(spec.files)
                    if PROGRESS:
                        PROGRESS(done, len(todo))
                    if sum(e.articles for _, e in pending) >= validate_every or i == len(specs) - 1:
                        finish()
            finally:
                stop_pool()
        t_process = time.perf_counter() - t
        t = time.perf_counter()
        committed = store.commit(layout, run_id, staged, manifest)
        t_commit = time.perf_counter() - t
        summary = _summary(layout, run_id, staged, counts, committed, pre_rejections)
        summary["seconds"] = {"plan+process": round(t_process, 2), "commit": round(t_commit, 2),
                              "total": round(time.perf_counter() - t_start, 2), **_stage_seconds(staged)}
        _save_validations(layout, run_id, staged)
        with open(layout.runs_log, "a", encoding="utf-8") as f:
            f.write(json.dumps({k: v for k, v in summary.items() if k != "rejected"} | {"rejected": len(summary["rejected"])}) + "\n")
        for stage, secs in summary["seconds"].items():
            logger.info("stage %s: %.2fs", stage, secs)
        logger.info("rows written: %s", summary["rows"])
        return summary


FLOW_STAGES = {"validate", "write"}  # always in the flow process; the others wherever a batch is extracted


def _stage_seconds(staged: list[store.StagedBatch]) -> dict[str, float]:
    """Seconds per stage summed over the batches: "batches:spacy", "flow:validate", ..."""
    tot: dict[str, float] = {}
    for b in staged:
        for k, v in b.seconds.items():
            key = f"{'flow' if k in FLOW_STAGES else 'batches'}:{k}"
            tot[key] = round(tot.get(key, 0.0) + v, 2)
    return tot


def _stage_rejections(layout: OutputLayout, run_id: str, rejections, when) -> store.StagedBatch:
    rel = f"rejections/month={store.month_of(when)}/part-{run_id}-plan.parquet"
    from tasks.schemas import REJECTIONS

    store.stage_extra(layout, run_id, rel, store.rejection_rows(rejections, when), REJECTIONS)
    return store.StagedBatch(batch=-1, parts={"_extra": [rel]}, articles={}, inputs={}, rejections=[
        {"source": r.source, "reason": r.reason} for r in rejections], quarantined={}, validation={}, rows={}, seconds={})


def _summary(layout, run_id, staged, counts, committed, pre_rejections) -> dict:
    rows: dict[str, int] = {}
    quarantined: dict[str, int] = {}
    validation_ok = True
    for b in staged:
        for k, v in b.rows.items():
            rows[k] = rows.get(k, 0) + v
        for k, v in b.quarantined.items():
            quarantined[k] = quarantined.get(k, 0) + v
        validation_ok &= all(v["success"] for v in b.validation.values())
    rejected = [r for b in staged for r in b.rejections]
    return {"run_id": run_id, "out": str(layout.root), "pipeline_version": PIPELINE_VERSION,
            "inputs": counts, "articles_written": committed["new_articles"], "articles_removed": committed["removed_articles"],
            "rows": rows, "quarantined": quarantined, "validation_passed": validation_ok, "rejected": rejected}


def _save_validations(layout: OutputLayout, run_id: str, staged: list[store.StagedBatch]) -> None:
    results = {}
    for b in staged:
        for table, v in b.validation.items():
            results.setdefault(table, []).extend(v.get("results", []))
    if results:
        store.atomic_write_json(layout.validations(run_id) / "results.json", results)


def _logger():
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:  # outside a flow run (plain call): the module logger
        return log


@flow(name="newsfacts", task_runner=ThreadPoolTaskRunner(max_workers=8), log_prints=False)
def newsfacts_flow(
    paths: list[str] | None = None,
    out: str | None = None,
    model: str = "en_core_web_sm",
    batch_size: int = 100,
    workers: int | None = None,
    wait_seconds: float = 0.0,
    fields: dict[str, str] | None = None,
    max_bytes: int = ingest.MAX_BYTES,
    validate_every: int = 1000,
) -> dict:
    """Turn the articles under `paths` into validated Parquet tables in `out`."""
    return run_pipeline([str(p) for p in (paths or [str(DEFAULT_INPUT)])], str(out or DEFAULT_OUTPUT), model=model,
                        batch_size=batch_size, workers=workers, wait_seconds=wait_seconds, fields=fields, max_bytes=max_bytes,
                        validate_every=validate_every)


def dask_flow(address: str):
    """The same flow with its batch tasks on an existing Dask scheduler."""
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(address=address)

    @flow(name="newsfacts-dask", task_runner=runner, log_prints=False)
    def newsfacts_dask_flow(paths: list[str], out: str, model: str = "en_core_web_sm", batch_size: int = 100,
                            workers: int | None = None, wait_seconds: float = 0.0, fields: dict[str, str] | None = None,
                            max_bytes: int = ingest.MAX_BYTES, validate_every: int = 1000) -> dict:
        return run_pipeline(paths, out, model=model, batch_size=batch_size, workers=workers, dask_address=address,
                            wait_seconds=wait_seconds, fields=fields, max_bytes=max_bytes, validate_every=validate_every)

    return newsfacts_dask_flow
