"""What a run is handed: the decision to start workers or warm up while Prefect starts."""
from __future__ import annotations

import pytest

from flows import runtime as rt
from tasks import PIPELINE_VERSION
from tasks.schemas import SCHEMA_VERSION
from tasks.store.io import atomic_write_json
from tasks.store.layout import OutputLayout


class FakePool:
    def __init__(self, model, workers):
        self.args, self.closed = (model, workers), False

    def close(self):
        self.closed = True


@pytest.fixture()
def calls(monkeypatch):
    seen: list = []
    monkeypatch.setattr(rt, "WorkerPool", FakePool)
    monkeypatch.setattr(rt, "warm_up_in_background", lambda model, validation=True: seen.append(("warm-up", model, validation)))
    return seen


def _files(folder, n, suffix=".txt"):
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"n{i:03d}{suffix}").write_text("Headline\nBody text.\n", encoding="utf-8")


def test_a_larger_run_starts_the_workers_and_warms_gx_once_they_are_busy(tmp_path, calls, monkeypatch):
    monkeypatch.setattr(rt.gx, "warm_up", lambda: calls.append(("gx",)))
    _files(tmp_path / "in", 60)
    r = rt.Runtime()
    r.later.append(lambda: calls.append(("report",)))
    r.prepare([str(tmp_path / "in")], str(tmp_path / "out"), "m", 2)
    assert r.pool.args == ("m", 2) and calls == []  # nothing of this process's own contends with Prefect's start
    r.workers_busy()
    for t in rt.threading.enumerate():
        if t.name == "warm-up-later":
            t.join(5)
    assert calls == [("gx",), ("report",)] and r.later == []
    r.workers_busy()  # once per run
    assert calls == [("gx",), ("report",)]
    pool = r.pool
    r.stop_pool()
    assert pool.closed and r.pool is None


def test_a_small_run_or_one_worker_warms_the_model_and_gx_in_this_process(tmp_path, calls):
    _files(tmp_path / "in", 3)
    r = rt.Runtime()
    r.prepare([str(tmp_path / "in")], str(tmp_path / "out"), "m", 2)
    _files(tmp_path / "in", 60)
    r.prepare([str(tmp_path / "in")], str(tmp_path / "out"), "m", 1)
    assert r.pool is None and calls == [("warm-up", "m", True), ("warm-up", "m", True)]


def test_a_bulk_input_starts_the_workers_however_few_the_files(tmp_path, calls):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.jsonl").write_text('{"text": "A body."}\n', encoding="utf-8")
    r = rt.Runtime()
    r.prepare([str(tmp_path / "in")], str(tmp_path / "out"), "m", 2)
    assert r.pool is not None


def test_inputs_the_output_already_holds_need_no_warm_up(tmp_path, calls):
    _files(tmp_path / "in", 60)
    held = {str(p): {"sha": "x", "version": PIPELINE_VERSION} for p in sorted((tmp_path / "in").iterdir())}
    atomic_write_json(OutputLayout(tmp_path / "out").manifest, {"inputs": held, "schema_version": SCHEMA_VERSION})
    r = rt.Runtime()
    r.prepare([str(tmp_path / "in")], str(tmp_path / "out"), "m", 2)
    assert r.pool is None and calls == []


def test_progress_goes_to_the_callback_if_there_is_one():
    seen = []
    rt.Runtime(progress=lambda done, total: seen.append((done, total))).report(3, 10)
    rt.Runtime().report(1, 2)  # no callback: nothing to do
    assert seen == [(3, 10)]
