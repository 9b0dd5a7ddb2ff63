"""Local worker processes: a dead worker fails its batch with WorkerLost, and the pool goes on."""
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone

import pytest

from flows.workers import WorkerLost, WorkerPool, warm_up
from tasks.common.hashing import sha256_file
from tasks.extract.batch import BatchSpec


def test_a_failed_warm_up_is_only_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="flows.workers"):
        warm_up("no_such_spacy_model_here", validation=False)
    assert "warm-up failed: spaCy model 'no_such_spacy_model_here' is not installed" in caplog.text


@pytest.mark.slow
def test_a_worker_that_dies_fails_its_batch_and_the_pool_starts_again(tmp_path):
    (tmp_path / "a.txt").write_text("Council votes\nThe council voted on Monday to close the pool.\n", encoding="utf-8")
    spec = BatchSpec(batch=4, files=[(str(tmp_path / "a.txt"), "a.txt", sha256_file(tmp_path / "a.txt"))], run_id="R",
                     model="en_core_web_sm", ingested_at=datetime(2026, 4, 1, tzinfo=timezone.utc))
    pool = WorkerPool("en_core_web_sm", 1)
    try:
        first = pool.extract(spec)
        pool._executor.submit(os._exit, 1)  # the worker dies between two batches
        with pytest.raises(WorkerLost, match="a worker process died while extracting batch 4"):
            pool.extract(spec)
        again = pool.extract(spec)
    finally:
        pool.close()
    assert first.articles == again.articles == 1
    assert first.worker[0] != again.worker[0] and os.getpid() not in (first.worker[0], again.worker[0])
