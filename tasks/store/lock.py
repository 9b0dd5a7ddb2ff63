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
    The holder writes its pid and start time into the lock file, for the message of a run
    refused. In a folder that cannot be written (read-only, full) the lock is still taken
    where the lock file exists, and the run's first write reports the folder."""
    fd = _open(layout)
    if fd is None:  # a read-only folder with no lock file yet: no run can write it, nothing to hold
        yield
        return
    try:
        _acquire(fd, layout, time.monotonic() + wait_seconds)
        try:
            with open(layout.lock, "w", encoding="utf-8") as note:
                note.write(f"pid {os.getpid()} since {datetime.now(timezone.utc).isoformat(timespec='seconds')}")
        except OSError:  # read-only or full: the lock holds all the same, only its note is missing
            pass
        yield
    finally:
        os.close(fd)


def _open(layout: OutputLayout) -> int | None:
    """The lock file, opened to read (a lock needs no more, and a run holding no file open for
    writing lets its folder be remounted read-only); None when it cannot even be made."""
    try:
        layout.state.mkdir(parents=True, exist_ok=True)
        return os.open(layout.lock, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as e:
        if e.errno not in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC):
            raise
    try:
        return os.open(layout.lock, os.O_RDONLY)
    except FileNotFoundError:
        return None


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
