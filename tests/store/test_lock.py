"""One run writes an output folder at a time."""
from __future__ import annotations

import os
import threading
import time

import pytest

from tasks.store.layout import OutputLayout
from tasks.store.lock import LockedError, output_lock


def test_a_second_holder_is_refused_with_the_holders_pid(tmp_path):
    layout = OutputLayout(tmp_path / "out")
    with output_lock(layout):
        assert layout.lock.read_text().startswith(f"pid {os.getpid()} since ")
        with pytest.raises(LockedError, match=rf"another newsfacts run is writing {tmp_path / 'out'} \(pid {os.getpid()} since "):
            with output_lock(layout):
                pass
    with output_lock(layout):  # released
        pass


def test_a_waiting_run_gets_the_lock_once_it_is_released(tmp_path):
    layout = OutputLayout(tmp_path / "out")
    held, release = threading.Event(), threading.Event()

    def holder():
        with output_lock(layout):
            held.set()
            release.wait(10)

    t = threading.Thread(target=holder)
    t.start()
    held.wait(10)
    threading.Timer(0.3, release.set).start()
    t0 = time.monotonic()
    with output_lock(layout, wait_seconds=10):
        waited = time.monotonic() - t0
    t.join()
    assert 0.25 < waited < 5
