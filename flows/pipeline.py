"""The Prefect flow: the pipeline as four kinds of named tasks.

  plan            finish a commit a killed run left, check the tables' files against the manifest,
                  discover the inputs, compare them with the manifest (and the version: upgrades)
  extract-batch   per batch: read, clean, parse, extract (in a local worker process, or on a Dask worker)
  validate-group  per group of batches: one GX call per table, quarantine, stage the batches' parts
  commit          make the run's staged parts visible at once, through the journal

Tasks run per batch or group, never per article (each task run costs the Prefect server tens
of milliseconds). The flow holds the output folder's lock from plan to commit. Batches come
back to the flow process as Arrow tables; groups of at least `validate_every` articles (the last
group also taking a remainder under half of that) are validated there (GX costs ~0.1 s a call
and expectation, whatever the rows).

What a run is handed (its worker pool, its progress callback) is a `Runtime`, never a flow
parameter: `build_flow(runtime)` builds the flow around one; `newsfacts_flow` (deployments)
makes its own. Outside a flow run (`run_pipeline` called directly, as tests do) the four
stages are plain calls.

Faults: a run that fails before its commit is done removes its staged files, and one whose
output folder cannot take its files (full, read-only) says so (`OutputUnwritable`); a batch
whose worker died is extracted again (`_collect`); a run whose Prefect server goes away still
commits (nothing here waits on the server; the caller has the summary in `Runtime.summary`).
"""
from __future__ import annotations

import logging
import os
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import Flow, Task, flow, get_run_logger, task
from prefect.context import FlowRunContext
from prefect.exceptions import MissingContextError
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows.batches import batch_specs
from flows.runtime import Runtime
from flows.workers import WorkerLost, WorkerPool
from tasks import PIPELINE_VERSION, ingest
from tasks.extract.batch import ARTICLE_TIMEOUT, BatchSpec, ExtractedBatch, extract_batch, peak_rss_mb
from tasks.nlp.model import DEFAULT_MODEL
from tasks.paths import DEFAULT_INPUT, DEFAULT_OUTPUT
from tasks.store import journal, runlog, staging, upgrade, verify
from tasks.store.commit import commit
from tasks.store.io import unwritable
from tasks.store.layout import OutputLayout, new_run_id
from tasks.store.lock import output_lock
from tasks.store.manifest import Manifest, Plan
from tasks.store.staging import StagedBatch
from tasks.store.verify import DamagedTables, Repair
from tasks.validate.drift import run_metrics, run_warnings
from tasks.validate.group import validate_group
from tasks.validate.quarantine import quarantine

log = logging.getLogger(__name__)

TASK_THREADS = 8  # batch tasks of a local run in flight at once (each waits for a worker process)
FLOW_STAGES = {"validate", "write"}  # always in the flow process; the others wherever a batch is extracted

WORKER_LOST_RETRIES = 2  # times a batch whose worker died (a local process, a Dask worker) is extracted again

__all__ = ["DamagedTables", "OutputUnwritable", "Runtime", "StageFailed", "build_flow", "dry_run", "newsfacts_flow", "run_pipeline"]


class StageFailed(RuntimeError):
    """A stage of a run failed: the message names the stage (and its batch or group) and the cause."""

    def __init__(self, stage: str, what: str, cause: Exception):
        self.stage = stage
        super().__init__(f"{stage}{f' ({what})' if what else ''} failed: {type(cause).__name__}: {cause}")


class OutputUnwritable(StageFailed):
    """The output folder could not take the run's files (full, read-only, no permission)."""

    def __init__(self, out: Path, reason: str, stage: str, restored: bool):
        self.stage = stage
        after = ("The tables are as they were before this run, and its staged files were removed" if restored else
                 "The tables are as they were before this run; its staged files could not be removed yet "
                 "(the next run removes them)" if not OutputLayout(out).journal.exists() else
                 "Its commit could not be rolled back: the next run that can write the folder finishes it")
        RuntimeError.__init__(self, f"cannot write the output folder {out}: {reason} (during {stage}). {after}. "
                                    "Free some space or make the folder writable, then run again.")


def _worker_lost(task: Task, task_run, state) -> bool:
    """Retry a batch only when its worker process died: extraction itself is deterministic."""
    return isinstance(state.data, WorkerLost)


@task(name="plan", task_run_name="plan", persist_result=False)
def plan_task(paths: list[str], layout: OutputLayout, repair: bool = False) -> tuple[Plan, Repair | None]:
    """Finish a commit a killed run left, discard its staging, check the tables' files against
    the manifest (a damaged one stops the run, unless it is a repair), then find the inputs and
    compare them with what the output folder holds."""
    logger = _logger()
    if journal.replay(layout):
        logger.warning("finished the commit of an interrupted run")
    staging.discard_stale(layout)
    t = time.perf_counter()
    plan, damages = make_plan(paths, layout, full_check=repair)
    fix = None
    if damages and not repair:
        raise DamagedTables(layout.root, damages)
    if repair:
        plan, fix = verify.plan_repair(plan, damages)
    n = plan.counts
    logger.info("plan: %d inputs (%s) in %.1fs", len(plan.inputs), ", ".join(f"{v} {k}" for k, v in n.items() if v),
                time.perf_counter() - t)
    if (note := upgrade.describe(plan.manifest)) is not None:
        logger.warning("upgrade: %s; %d held inputs outside the given paths extracted again, %d held articles kept as they were",
                       note, plan.outside, plan.kept)
    return plan, fix


def make_plan(paths: list[str], layout: OutputLayout, full_check: bool = False) -> tuple[Plan, list[verify.Damage]]:
    """What a run on `paths` would do to the folder (changing nothing): its inputs with their
    status (held inputs outside `paths` added when the schema changes), and the damaged files."""
    manifest = Manifest.load(layout)
    damages = (verify.full if full_check else verify.quick)(layout, manifest)
    files, refused = ingest.discover(paths) if paths else ([], [])
    return upgrade.carry(manifest.plan(files, refused)), damages


@task(name="extract-batch", task_run_name="extract-batch-{spec.batch}", persist_result=False,  # rows are staged, never kept
      retries=1, retry_condition_fn=_worker_lost)
def extract_batch_task(spec: BatchSpec, pool: WorkerPool | None) -> ExtractedBatch:
    """Extract one batch: in a local worker process, or right here (on a Dask worker, or in
    the flow process when there is no pool)."""
    return pool.extract(spec) if pool is not None else extract_batch(spec)


@task(name="validate-group", task_run_name="validate-group-{group}", persist_result=False)
def validate_group_task(group: int, layout: OutputLayout, batches: list[tuple[BatchSpec, ExtractedBatch]]) -> list[StagedBatch]:
    """Validate a group of batches together, quarantine failing rows, stage each batch's parts.
    A batch's parts are the same whatever group it is validated in."""
    logger = _logger()
    t = time.perf_counter()
    verdicts = validate_group([ex.tables for _, ex in batches])
    t_validate = time.perf_counter() - t
    staged = []
    for n, ((spec, ex), verdict) in enumerate(zip(batches, verdicts)):
        seconds = {**ex.seconds, "validate": t_validate if n == 0 else 0.0}  # the group's time counts once
        b = staging.stage_batch(layout, spec, ex, quarantine(ex.tables, verdict.failed), verdict.record, seconds)
        logger.info("batch %d: %d articles, %d refused, rows %s, seconds %s", b.batch, len(b.articles),
                    len(b.rejections), b.rows, {k: round(v, 2) for k, v in b.seconds.items()})
        staged.append(b)
    return staged


@task(name="commit", task_run_name="commit", persist_result=False)
def commit_task(layout: OutputLayout, run_id: str, staged: list[StagedBatch], manifest: Manifest, repair: Repair | None) -> dict:
    """Make the run's staged parts visible (a commit cut short is finished by the next run)."""
    counts = commit(layout, run_id, staged, manifest, repair)
    try:
        runlog.save_validations(layout, run_id, staged)
    except OSError as e:  # the tables are committed: a record that cannot be written is only a warning
        _logger().warning("could not save the run's validation results: %s", e)
    return counts


def _call(t: Task, *args, what: str = ""):
    """Run a stage: as a named Prefect task inside a flow run (its arguments never traversed
    by Prefect: they hold the rows), as a plain call outside one."""
    try:
        if FlowRunContext.get() is None:
            return t.fn(*args)
        return t(*(quote(a) for a in args))
    except DamagedTables:  # not a failure of the stage: what it found, reported as it is
        raise
    except Exception as e:
        raise StageFailed(t.name, what, e) from e


class _Later:
    """A batch extracted in this process when its result is asked for (plain calls, no pool)."""

    def __init__(self, spec: BatchSpec):
        self.spec = spec

    def result(self) -> ExtractedBatch:
        return extract_batch(self.spec)


def _submitter(runtime: Runtime, dask_address: str | None):
    """How a batch is sent off: an extract-batch task in a flow run, else straight to the pool."""
    if FlowRunContext.get() is not None:
        pool = None if dask_address else runtime.pool
        return lambda spec: extract_batch_task.submit(spec, pool)
    return runtime.pool.submit if runtime.pool else _Later


def run_pipeline(
    paths: list[str],
    out: str,
    model: str = DEFAULT_MODEL,
    batch_size: int = 100,
    workers: int | None = None,
    dask_address: str | None = None,
    wait_seconds: float = 0.0,
    fields: dict[str, str] | None = None,
    max_bytes: int = ingest.MAX_BYTES,
    validate_every: int = 1000,
    runtime: Runtime | None = None,
    article_timeout: float = ARTICLE_TIMEOUT,
    repair: bool = False,
) -> dict:
    """The flow body (also callable without Prefect orchestration in tests). Returns the run's
    summary. With `repair`, the damaged files of the tables are taken out and their articles
    extracted again from their inputs (`paths` may then be empty)."""
    t_start = time.perf_counter()
    runtime = runtime or Runtime()
    layout = OutputLayout(out)
    with output_lock(_made(layout), wait_seconds=wait_seconds):
        run_id = new_run_id()
        try:
            plan, fix = _call(plan_task, paths, layout, repair)
            staged, committed, seconds, stats = _run(layout, run_id, plan, fix, runtime, model=model, batch_size=batch_size,
                                                     workers=workers, dask_address=dask_address, fields=fields,
                                                     max_bytes=max_bytes, validate_every=validate_every,
                                                     article_timeout=article_timeout)
        except BaseException as e:
            _abandon(layout, run_id, e)
            raise
        runtime.summary = _finish(layout, run_id, plan, fix, staged, committed, seconds, t_start, stats)
        return runtime.summary


def _made(layout: OutputLayout) -> OutputLayout:
    """The output folder, made if it is not there (one that cannot be made is reported as unwritable)."""
    try:
        layout.root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        if (reason := unwritable(e)) is None:
            raise
        raise OutputUnwritable(layout.root, reason, "plan", restored=True) from e
    return layout


def _run(layout: OutputLayout, run_id: str, plan: Plan, fix: Repair | None, runtime: Runtime, *, model: str, batch_size: int,
         workers: int | None, dask_address: str | None, fields: dict[str, str] | None, max_bytes: int, validate_every: int,
         article_timeout: float) -> tuple[list[StagedBatch], dict, dict[str, float], "_Stats"]:
    """Extract, validate and stage the planned inputs in batches, then commit them. Returns
    the staged batches, the commit's counts, seconds, and what the batches' processes did."""
    layout.staging(run_id).mkdir(parents=True, exist_ok=True)  # a folder that cannot be written fails now, not after the extraction
    ingested_at = datetime.now(timezone.utc).replace(microsecond=0)
    n_workers = max(1, workers or os.cpu_count() or 1)
    specs = batch_specs(plan.todo, batch_size=batch_size, n_workers=n_workers, run_id=run_id, model=model,
                        ingested_at=ingested_at, fields=fields, max_bytes=max_bytes, article_timeout=article_timeout)
    staged = [staging.stage_plan_refusals(layout, run_id, plan.refusals, ingested_at)] if plan.refusals else []
    runtime.report(0, len(plan.todo))
    t = time.perf_counter()
    stats = _Stats()
    if specs:
        if not dask_address and n_workers > 1 and len(specs) > 1:
            runtime.start_pool(model, n_workers)
        # (one batch runs right here, unless the CLI already started the pool for it); the
        # workers stop once every batch is extracted, before the commit, freeing their memory
        try:
            staged += _extract_and_validate(specs, layout, runtime, dask_address, n_workers, validate_every,
                                            len(plan.todo), stats)
        finally:
            runtime.stop_pool()
    t_process = time.perf_counter() - t
    t = time.perf_counter()
    committed = _call(commit_task, layout, run_id, staged, plan.manifest, fix)
    return staged, committed, {"plan+process": round(t_process, 2), "commit": round(time.perf_counter() - t, 2)}, stats


@dataclass
class _Stats:
    """What the processes that extracted a run's batches did: each one's peak memory (pid ->
    MB, local processes only) and the batches extracted again because their worker died."""

    peaks: dict[int, float] = field(default_factory=dict)
    retried: list[int] = field(default_factory=list)


def _abandon(layout: OutputLayout, run_id: str, e: BaseException) -> None:
    """A run that failed before its commit was done: its staged files go (a full disk gets its
    space back now, not at the next run), and an output folder that could not take the run's
    files is reported as such."""
    restored = staging.discard_run(layout, run_id) if layout.staging(run_id).exists() else True
    if (reason := unwritable(e)) is not None and not isinstance(e, OutputUnwritable):
        raise OutputUnwritable(layout.root, reason, getattr(e, "stage", "plan"), restored) from e


def _extract_and_validate(specs: list[BatchSpec], layout: OutputLayout, runtime: Runtime, dask_address: str | None,
                          n_workers: int, validate_every: int, total: int, stats: "_Stats") -> list[StagedBatch]:
    """Extract the batches (a bounded number ahead) and validate them in groups, in order.
    `stats` collects the peak memory of each local process that extracted a batch, and the
    batches extracted again."""
    submit = _submitter(runtime, dask_address)
    # batches extracted ahead of the one being staged: their rows wait in memory (on a Dask
    # cluster, in its workers), so their number is bounded
    ahead = max(2, 4 * n_workers)
    futures = {j: submit(specs[j]) for j in range(min(ahead, len(specs)))}
    if len(specs) > 1:
        runtime.workers_busy()
    staged: list[StagedBatch] = []
    pending: list[tuple[BatchSpec, ExtractedBatch]] = []
    done = groups = 0
    left = _items_after(specs)
    for i, spec in enumerate(specs):
        ex = _collect(futures, i, spec, submit, stats)  # the extracted rows live only until their group is staged
        if not dask_address:
            stats.peaks[ex.worker[0]] = max(stats.peaks.get(ex.worker[0], 0.0), ex.worker[1])
        if i + ahead < len(specs):
            futures[i + ahead] = submit(specs[i + ahead])
        pending.append((spec, ex))
        done += len(spec.files)
        runtime.report(done, total)
        if _group_full(sum(e.articles for _, e in pending), left[i], validate_every) or i == len(specs) - 1:
            staged += _call(validate_group_task, groups, layout, pending, what=f"batches {pending[0][0].batch}-{spec.batch}")
            pending = []
            groups += 1
    return staged


def _items_after(specs: list[BatchSpec]) -> list[int]:
    """For each batch, the items (files, or a bulk slice's articles) of the batches after it."""
    sizes = [sum(f[4] - f[3] if len(f) > 4 else 1 for f in spec.files) for spec in specs]
    out, after = [], 0
    for size in reversed(sizes):
        out.append(after)
        after += size
    return out[::-1]


def _group_full(articles: int, left: int, validate_every: int) -> bool:
    """Whether the pending batches make a group: `validate_every` articles or more, unless fewer
    than half of that are left to extract (`_items_after`), which then join this group. GX costs
    the same per call whatever the rows, and the last group's call is on the run's tail: a small
    last group would cost as much as a full one there (~5 s on two cores)."""
    return articles >= validate_every and left >= validate_every // 2


def _collect(futures: dict, i: int, spec: BatchSpec, submit, stats: "_Stats") -> ExtractedBatch:
    """Wait for batch `i`. A batch whose worker died (a local worker process, or a Dask worker:
    distributed reports it here, when the result is asked for, outside the task where Prefect
    could retry it) is sent off again, up to WORKER_LOST_RETRIES times: extraction is
    deterministic, so the batch gives the same rows wherever it runs."""
    for attempt in range(WORKER_LOST_RETRIES + 1):
        try:
            return futures.pop(i).result()
        except Exception as e:
            if attempt == WORKER_LOST_RETRIES or not worker_died(e):
                raise StageFailed("extract-batch", f"batch {spec.batch}", e) from e
            _logger().warning("batch %d: its worker died (%s: %s); extracting it again", spec.batch, type(e).__name__,
                              str(e).splitlines()[0] if str(e) else "")
            stats.retried.append(spec.batch)
            futures[i] = submit(spec)
    raise AssertionError("unreachable")


def worker_died(e: BaseException) -> bool:
    """True for the errors that say a batch's worker process died, not that the batch failed:
    a local worker (WorkerLost, BrokenProcessPool) or a Dask worker (distributed's KilledWorker)."""
    return isinstance(e, (WorkerLost, BrokenProcessPool)) or (type(e).__name__ == "KilledWorker"
                                                              and type(e).__module__.startswith("distributed"))


def _finish(layout: OutputLayout, run_id: str, plan: Plan, fix: Repair | None, staged: list[StagedBatch], committed: dict,
            seconds: dict[str, float], t_start: float, stats: _Stats) -> dict:
    """The run's summary, logged and appended to the run log (the tables are committed: a run
    log that cannot be written is only a warning)."""
    logger = _logger()
    summary = _summary(layout, run_id, plan, fix, staged, committed)
    validations = [b.validation for b in staged]
    summary["metrics"] = run_metrics(validations)
    summary["warnings"], summary["info"] = run_warnings(validations, summary["metrics"], runlog.read_runs(layout))
    for w in summary["warnings"]:
        logger.warning("validation warning (%s): %s", w["table"], w["message"])
    summary["seconds"] = {**seconds, "total": round(time.perf_counter() - t_start, 2), **_stage_seconds(staged)}
    summary["peak_memory_mb"] = peak_memory_mb(stats.peaks)
    summary["batches_retried"] = stats.retried  # extracted again: their worker died
    try:
        runlog.append_run(layout, summary)
    except OSError as e:
        logger.warning("could not append the run to %s: %s", layout.runs_log, e)
    for stage, secs in summary["seconds"].items():
        logger.info("stage %s: %.2fs", stage, secs)
    logger.info("rows written: %s", summary["rows"])
    return summary


def peak_memory_mb(workers: dict[int, float]) -> float:
    """Peak resident memory of this process plus that of each local process that extracted a
    batch for it (pid -> peak MB, as each measured itself; they need not peak at the same
    moment, so this is an upper bound). Dask workers are not this run's processes: not counted."""
    me = os.getpid()
    return round(peak_rss_mb() + sum(mb for pid, mb in workers.items() if pid != me), 1)


def _stage_seconds(staged: list[StagedBatch]) -> dict[str, float]:
    """Seconds per stage summed over the batches: "batches:spacy", "flow:validate", ..."""
    tot: dict[str, float] = {}
    for b in staged:
        for k, v in b.seconds.items():
            key = f"{'flow' if k in FLOW_STAGES else 'batches'}:{k}"
            tot[key] = round(tot.get(key, 0.0) + v, 2)
    return tot


def _summary(layout: OutputLayout, run_id: str, plan: Plan, fix: Repair | None, staged: list[StagedBatch], committed: dict) -> dict:
    rows: dict[str, int] = {}
    quarantined: dict[str, int] = {}
    for b in staged:
        for k, v in b.rows.items():
            rows[k] = rows.get(k, 0) + v
        for k, v in b.quarantined.items():
            quarantined[k] = quarantined.get(k, 0) + v
    return {"run_id": run_id, "out": str(layout.root), "pipeline_version": PIPELINE_VERSION,
            "inputs": plan.counts, "articles_written": committed["new_articles"], "articles_removed": committed["removed_articles"],
            "rows": rows, "quarantined": quarantined,
            "validation_passed": all(v["success"] for b in staged for v in b.validation.values()),
            "rejected": [r for b in staged for r in b.rejections],
            "articles_replaced": committed["replaced_articles"], "upgrade": upgrade.describe(plan.manifest),
            "retired": committed["retired"], "inputs_outside_paths": plan.outside,
            "repaired": None if fix is None else {"files": fix.files, "articles": len(fix.articles), "lost": sorted(fix.lost)}}


def dry_run(paths: list[str], out: str) -> dict:
    """What `run` would do, changing nothing (no lock, no Prefect): inputs new, changed,
    unchanged, and extracted again because of the version; what the tables' schema would
    become; the damaged files that would stop the run."""
    layout = OutputLayout(out)
    plan, damages = make_plan(paths, layout)
    blocking = upgrade.blocking_columns(layout) if plan.kept and not damages else {}
    fate = ("retired to _newsfacts/retired/, as they are: " + "; ".join(f"{t} lacks {', '.join(c)}" for t, c in blocking.items())
            if blocking else "migrated: new columns null")
    return {"out": str(layout.root), "pipeline_version": PIPELINE_VERSION, "inputs": plan.counts,
            "inputs_outside_paths": plan.outside, "articles_kept_as_they_are": plan.kept, "held_without_input": fate,
            "upgrade": upgrade.describe(plan.manifest), "interrupted_commit": layout.journal.exists(),
            "damaged": [str(d) for d in damages]}


def _logger():
    try:
        return get_run_logger()
    except MissingContextError:  # outside a flow run (plain call): the module logger
        return log


def _paths(paths: list[str] | None, out: str | None) -> tuple[list[str], str]:
    return [str(p) for p in (paths or [str(DEFAULT_INPUT)])], str(out or DEFAULT_OUTPUT)


@flow(name="newsfacts", task_runner=ThreadPoolTaskRunner(max_workers=TASK_THREADS), log_prints=False)
def newsfacts_flow(
    paths: list[str] | None = None,
    out: str | None = None,
    model: str = DEFAULT_MODEL,
    batch_size: int = 100,
    workers: int | None = None,
    wait_seconds: float = 0.0,
    fields: dict[str, str] | None = None,
    max_bytes: int = ingest.MAX_BYTES,
    validate_every: int = 1000,
    article_timeout: float = ARTICLE_TIMEOUT,
) -> dict:
    """Turn the articles under `paths` into validated Parquet tables in `out` (a deployment's
    run: it starts its own worker processes)."""
    return run_pipeline(*_paths(paths, out), model=model, batch_size=batch_size, workers=workers, wait_seconds=wait_seconds,
                        fields=fields, max_bytes=max_bytes, validate_every=validate_every, article_timeout=article_timeout)


def build_flow(runtime: Runtime, dask_address: str | None = None) -> Flow:
    """The newsfacts flow for a run handed `runtime` (the CLI's: its worker pool, its progress
    bar); with `dask_address`, its batch tasks run on that Dask scheduler (prefect-dask)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner  # imports dask: only for a Dask run

        runner, name = DaskTaskRunner(address=dask_address), "newsfacts-dask"
    else:
        runner, name = ThreadPoolTaskRunner(max_workers=TASK_THREADS), "newsfacts"

    @flow(name=name, task_runner=runner, log_prints=False)
    def newsfacts(paths: list[str] | None = None, out: str | None = None, model: str = DEFAULT_MODEL, batch_size: int = 100,
                  workers: int | None = None, wait_seconds: float = 0.0, fields: dict[str, str] | None = None,
                  max_bytes: int = ingest.MAX_BYTES, validate_every: int = 1000, article_timeout: float = ARTICLE_TIMEOUT) -> dict:
        """Turn the articles under `paths` into validated Parquet tables in `out`."""
        return run_pipeline(*_paths(paths, out), model=model, batch_size=batch_size, workers=workers, dask_address=dask_address,
                            wait_seconds=wait_seconds, fields=fields, max_bytes=max_bytes, validate_every=validate_every,
                            runtime=runtime, article_timeout=article_timeout)

    return newsfacts
