"""What a run is handed rather than what it decides: the local worker processes and who hears
of its progress. Never a flow parameter (Prefect keeps a flow run's parameters as JSON): the
CLI makes a `Runtime` and builds the flow around it (`flows.pipeline.build_flow`); a run with
none (a deployment's) makes its own.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from flows.batches import MIN_BATCH
from flows.workers import WorkerPool, warm_up_in_background
from tasks import ingest
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest
from tasks.validate import gx

log = logging.getLogger(__name__)


def _run_all(jobs: list[Callable[[], None]]) -> None:
    """Warm-ups only: one that fails is logged, and the step that needs it reports it properly."""
    for job in jobs:
        try:
            job()
        except (OSError, RuntimeError, ImportError) as e:
            log.warning("warm-up failed: %s", e)


@dataclass
class Runtime:
    progress: Callable[[int, int], None] | None = None  # called with (inputs done, inputs to do)
    pool: WorkerPool | None = None  # local worker processes, once started
    summary: dict | None = None  # the run's summary, once its commit is done: the caller has it even when
    # Prefect then fails to record the flow run's end (its server gone)
    # what this process will need later (GX for validation, the report's libraries), loaded in a
    # thread once the worker processes are busy: loaded while Prefect starts instead, it would
    # contend with Prefect's own start-up for this process's interpreter lock
    later: list[Callable[[], None]] = field(default_factory=list)

    def __getstate__(self) -> dict:
        """Sent to another process (a Dask worker gets the flow, and so this), a runtime is an
        empty one: its pool and its callback belong to the process that made them."""
        return {"progress": None, "pool": None, "summary": None, "later": []}

    def report(self, done: int, total: int) -> None:
        if self.progress:
            self.progress(done, total)

    def start_pool(self, model: str, workers: int) -> None:
        """Start the local worker processes now (each loads the model once, at start), so that
        they get ready while Prefect starts; GX is loaded later (`workers_busy`), in a thread of
        this process, where validation runs."""
        if self.pool is None and workers > 1:
            self.pool = WorkerPool(model, workers)
            self.later.insert(0, gx.warm_up)

    def workers_busy(self) -> None:
        """The batches are being extracted elsewhere and this process mostly waits: load what it
        needs later now, in a thread (once per run)."""
        jobs, self.later = self.later, []
        if jobs:
            threading.Thread(target=_run_all, args=(jobs,), daemon=True, name="warm-up-later").start()

    def stop_pool(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def prepare(self, paths: list[str], out: str, model: str, workers: int | None) -> None:
        """Get ready while Prefect starts: a larger run starts the worker processes, a small
        one (a single batch, run in this process) loads the model and GX here. Inputs the output
        folder already holds at this pipeline version are most likely unchanged: nothing is
        warmed up for them."""
        files, _ = ingest.discover(paths)
        try:
            fresh = Manifest.load(OutputLayout(out)).unseen(files)
        except (OSError, ValueError) as e:  # only a guess here; the flow reads the manifest and reports properly
            log.debug("no manifest to guess from: %s", e)
            fresh = files
        n_workers = max(1, workers or os.cpu_count() or 1)
        if n_workers > 1 and (len(fresh) > MIN_BATCH or any(ingest.is_bulk(f.path) for f in fresh)):
            self.start_pool(model, n_workers)
        elif fresh:
            warm_up_in_background(model, validation=True)
