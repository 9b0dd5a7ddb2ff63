"""Local worker processes that extract batches, and getting the slow things ready early.

Each worker process loads the spaCy model once, when it starts; the pool is started while
Prefect starts, so that both get ready at once. A worker that dies (killed, out of memory)
breaks the pool: the pool is started again and the batch fails with `WorkerLost` (or the
future of a batch sent off with `submit`, with BrokenProcessPool), and the flow extracts the
batch again. This module does not import Prefect (worker processes import it).
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tasks.extract.batch import BatchSpec, ExtractedBatch, extract_batch
from tasks.nlp.model import load_model
from tasks.validate import gx

log = logging.getLogger(__name__)


class WorkerLost(RuntimeError):
    """A worker process died while extracting a batch (the batch itself may well be fine)."""


def warm_up(model: str | None, validation: bool = True) -> None:
    """Load the spaCy model and/or Great Expectations ahead of the first batch (in a thread
    while Prefect starts, or as a worker process's initializer). A failure is only logged:
    the batch that needs the model or GX reports it properly."""
    try:
        if model:
            load_model(model)
        if validation:
            gx.warm_up()
    except (OSError, RuntimeError, ImportError) as e:
        log.warning("warm-up failed: %s", e)


def warm_up_in_background(model: str | None, validation: bool = True) -> threading.Thread:
    t = threading.Thread(target=warm_up, args=(model, validation), daemon=True, name="warm-up")
    t.start()
    return t


def ready() -> None:
    """A no-op job: submitting it makes a process pool start a worker now."""


class WorkerPool:
    """`workers` spawned processes that extract batches with `model`."""

    def __init__(self, model: str, workers: int):
        self.model, self.workers = model, workers
        self._restarting = threading.Lock()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"), initializer=warm_up,
                                       initargs=(self.model, False))
        for _ in range(self.workers):  # the pool spawns a process per submit while none is idle
            executor.submit(ready)
        return executor

    def submit(self, spec: BatchSpec) -> Future[ExtractedBatch]:
        """Extract a batch in a worker; its rows come back through the future (a pool broken by
        a worker that died is started again first)."""
        executor = self._executor
        try:
            return executor.submit(extract_batch, spec)
        except BrokenProcessPool:
            self._restart(executor)
            return self._executor.submit(extract_batch, spec)

    def extract(self, spec: BatchSpec) -> ExtractedBatch:
        """Extract a batch in a worker and wait for its rows."""
        executor = self._executor
        try:
            return executor.submit(extract_batch, spec).result()
        except BrokenProcessPool as e:
            self._restart(executor)
            raise WorkerLost(f"a worker process died while extracting batch {spec.batch}: {e}") from e

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        with self._restarting:
            if self._executor is broken:  # the first thread to see it broken starts a new one
                log.warning("a worker process died: starting the worker pool again")
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = self._start()

    def close(self) -> None:
        """Stop the workers: batches not started are cancelled, running ones are waited for."""
        self._executor.shutdown(cancel_futures=True)
