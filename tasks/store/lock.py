"""One run writes an output folder at a time: an exclusive lock on `_newsfacts/lock`."""
from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from tasks.store.layout import OutputLayout

RETRY_SECONDS = 0.5  # how often a waiting run tries the lock again


class LockedError(RuntimeError):
    """Another run holds the output folder."""


@contextmanager
def output_lock(layout: OutputLayout, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock on an output folder (released by the OS even if the run is killed).
    The holder writes its pid and start time into the lock file, for the message of a run refused."""
    layout.state.mkdir(parents=True, exist_ok=True)
    fd = os.open(layout.lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, layout, time.monotonic() + wait_seconds)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {datetime.now(timezone.utc).isoformat(timespec='seconds')}".encode(), 0)
        yield
    finally:
        os.close(fd)


def _acquire(fd: int, layout: OutputLayout, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
                raise LockedError(
                    f"another newsfacts run is writing {layout.root} ({holder or 'pid unknown'}); "
                    f"wait for it to finish or pass --wait SECONDS") from None
            time.sleep(RETRY_SECONDS)
