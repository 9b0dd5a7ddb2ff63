"""The journal: how a commit survives a crash.

A commit is a list of file operations (move a staged part into a table, delete a part) and
the manifest that holds once they are done. It is written whole, atomically, to
`_newsfacts/journal.json` before the first operation, then carried out; the journal is
removed last. A run that finds a journal finishes it first (`replay`): every operation can
be done again (a move whose source is gone, a delete whose file is gone, are skipped).
"""
from __future__ import annotations

import json
import logging
import os
import shutil

from tasks.store.io import atomic_write_json, fsync_dir
from tasks.store.layout import OutputLayout

log = logging.getLogger(__name__)


def carry_out(layout: OutputLayout, plan: dict) -> None:
    """Write the journal of a commit (run_id, ops, manifest), then apply it."""
    atomic_write_json(layout.journal, plan)
    _apply(layout, plan)


def replay(layout: OutputLayout) -> bool:
    """Finish a commit that a killed run left half done. Returns True if there was one."""
    if not layout.journal.exists():
        return False
    plan = json.loads(layout.journal.read_text(encoding="utf-8"))
    log.warning("finishing the commit of interrupted run %s", plan.get("run_id"))
    _apply(layout, plan)
    return True


def _apply(layout: OutputLayout, plan: dict) -> None:
    root = layout.root
    for op in plan["ops"]:
        dst = root / op["dst"]
        if op["op"] == "move":
            src = root / op["src"]
            if src.exists():
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dst)
        elif op["op"] == "delete":
            if dst.exists():
                dst.unlink()
    for d in {(root / op["dst"]).parent for op in plan["ops"]}:
        if d.exists():
            fsync_dir(d)
            if d.is_dir() and not any(d.iterdir()):
                d.rmdir()
    atomic_write_json(layout.manifest, plan["manifest"])
    layout.journal.unlink()
    shutil.rmtree(layout.staging(plan["run_id"]), ignore_errors=True)
