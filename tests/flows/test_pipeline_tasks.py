"""The flow reads as the pipeline: plan, extract-batch, validate-group and commit are named
Prefect tasks, and a failure names its stage."""
from __future__ import annotations

import time

import pytest

from flows import pipeline
from flows.workers import WorkerLost

ARTICLES = {
    "a.txt": "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n",
    "b.txt": "Storm hits coast\nA storm struck the coast on Monday, cutting power to 3,000 homes.\n",
    "c.txt": "Club signs striker\nUnited signed the striker for \u00a312m, the club said on Tuesday.\n",
}


@pytest.fixture()
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_a_failing_batch_names_its_stage_and_batch(inputs, tmp_path, monkeypatch):
    def broken(spec):
        raise OSError("disk gone")

    monkeypatch.setattr(pipeline, "extract_batch", broken)
    with pytest.raises(pipeline.StageFailed, match=r"^extract-batch \(batch 0\) failed: OSError: disk gone$") as e:
        pipeline.run_pipeline([str(inputs)], str(tmp_path / "out"), workers=1)
    assert e.value.stage == "extract-batch"
    assert not (tmp_path / "out" / "articles").exists()  # nothing was committed


def test_only_a_lost_worker_is_retried():
    from prefect.states import Failed

    assert pipeline._worker_lost(pipeline.extract_batch_task, None, Failed(data=WorkerLost("gone")))
    assert not pipeline._worker_lost(pipeline.extract_batch_task, None, Failed(data=ValueError("bad row")))
    assert pipeline.extract_batch_task.retries == 1


def _task_runs(flow_run_id, want: int, timeout: float = 90.0):
    """The flow run's task runs once the server has recorded all of them in a final state."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            if (len(runs) >= want and all(r.state and r.state.is_final() for r in runs)) or time.monotonic() > deadline:
                return runs
            time.sleep(1)


@pytest.mark.slow
def test_a_run_shows_the_four_task_kinds_with_their_states(inputs, tmp_path, prefect_server, nlp):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    seen = []
    runtime = pipeline.Runtime(progress=lambda done, total: seen.append((done, total)))
    with temporary_settings({PREFECT_API_URL: prefect_server}):
        state = pipeline.build_flow(runtime)(paths=[str(inputs)], out=str(tmp_path / "out"), workers=1, batch_size=1,
                                             validate_every=2, return_state=True)
        assert state.is_completed(), state
        summary = state.result()
        runs = _task_runs(state.state_details.flow_run_id, want=7)
    assert summary["articles_written"] == 3 and summary["peak_memory_mb"] > 0
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert sorted((r.name, r.state.name) for r in runs) == [
        ("commit", "Completed"), ("extract-batch-0", "Completed"), ("extract-batch-1", "Completed"), ("extract-batch-2", "Completed"),
        ("plan", "Completed"), ("validate-group-0", "Completed"), ("validate-group-1", "Completed")]


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        if isinstance(self.value, BaseException):
            raise self.value
        return self.value


def test_a_batch_whose_worker_died_is_sent_off_again_and_any_other_error_fails_its_stage():
    from concurrent.futures.process import BrokenProcessPool
    from types import SimpleNamespace

    from distributed.scheduler import KilledWorker

    from tasks.extract.batch import BatchSpec

    spec = BatchSpec(batch=7, files=[], run_id="R", model="-", ingested_at=None)
    sent, stats = [], pipeline._Stats()
    again = iter([_Done(KilledWorker("extract_batch_task-1", SimpleNamespace(address="tcp://w2"), 0)), _Done("rows")])

    def submit(s):
        sent.append(s.batch)
        return next(again)

    futures = {0: _Done(BrokenProcessPool("a worker died"))}
    assert pipeline._collect(futures, 0, spec, submit, stats) == "rows"
    assert sent == [7, 7] and stats.retried == [7, 7]
    with pytest.raises(pipeline.StageFailed, match=r"^extract-batch \(batch 7\) failed: ValueError: bad row$"):
        pipeline._collect({0: _Done(ValueError("bad row"))}, 0, spec, submit, stats)
    gone = iter([_Done(WorkerLost("gone"))] * 3)
    with pytest.raises(pipeline.StageFailed, match="WorkerLost"):  # at most WORKER_LOST_RETRIES times again
        pipeline._collect({0: _Done(WorkerLost("gone"))}, 0, spec, lambda s: next(gone), stats)
