"""The journal: how a commit survives a crash, a full disk and a folder that turns read-only.

A commit is a list of file operations (move a staged part into a table, delete a part) and
the manifest that holds once they are done. Everything that takes space is written first, in
the run's staging folder: the parts, and the new manifest as a file of its own. Then the
journal (`_newsfacts/journal.json`, the operations) is written whole, atomically, and carried
out with renames only: a file a move replaces, or a delete removes, is first renamed aside into
staging (`replaced/`), so that nothing is lost until the journal is gone. The manifest's move
is the last operation; the journal is removed after it, then the staging folder (and with it
the files set aside).

  - a failure before the journal exists changes nothing visible;
  - an operation that fails (the folder turned read-only, no room for a folder entry) rolls
    every operation back, in reverse, and removes the journal: the tables are as before;
  - a run killed half way leaves the journal, and the next run finishes it (`replay`): every
    operation can be done again (a move whose source is gone, a delete whose file is gone,
    are skipped), so a replay cut short can be replayed too.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from tasks.store.io import atomic_write_json, fsync_dir
from tasks.store.layout import OutputLayout

log = logging.getLogger(__name__)


def carry_out(layout: OutputLayout, plan: dict) -> None:
    """Stage the new manifest, write the journal of a commit (run_id, ops), then apply it; an
    operation that fails is rolled back with the others before the error goes on."""
    stage = layout.staging(plan["run_id"])
    ops = list(plan["ops"])
    if "manifest" in plan:
        manifest = str(layout.manifest.relative_to(layout.root))
        staged = stage / manifest
        atomic_write_json(staged, plan["manifest"])
        ops.append({"op": "move", "src": str(staged.relative_to(layout.root)), "dst": manifest})
    record = {"run_id": plan["run_id"], "ops": ops}
    atomic_write_json(layout.journal, record)
    try:
        _apply(layout, record)
    except OSError:
        _roll_back(layout, record)
        raise
    _finish(layout, record)


def replay(layout: OutputLayout) -> bool:
    """Finish a commit that a killed run left half done. Returns True if there was one."""
    if not layout.journal.exists():
        return False
    record = json.loads(layout.journal.read_text(encoding="utf-8"))
    log.warning("finishing the commit of interrupted run %s", record.get("run_id"))
    _apply(layout, record)
    if "manifest" in record:  # a journal written by newsfacts 0.1, which kept the manifest inline
        atomic_write_json(layout.manifest, record["manifest"])
    _finish(layout, record)
    return True


def _aside(layout: OutputLayout, run_id: str, dst: str) -> Path:
    """Where the file at `dst` is kept while a commit replaces or deletes it."""
    return layout.staging(run_id) / "replaced" / dst


def _rename(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    os.replace(src, dst)


def _apply(layout: OutputLayout, record: dict) -> None:
    root = layout.root
    for op in record["ops"]:
        dst, aside = root / op["dst"], _aside(layout, record["run_id"], op["dst"])
        if op["op"] == "move":
            src = root / op["src"]
            if not src.exists():  # done already
                continue
            if dst.exists() and not aside.exists():
                _rename(dst, aside)
            _rename(src, dst)
        elif op["op"] == "delete" and dst.exists():
            if aside.exists():
                dst.unlink()
            else:
                _rename(dst, aside)


def _roll_back(layout: OutputLayout, record: dict) -> None:
    """Undo a commit's operations, last first, and remove its journal. Where that fails too
    (a read-only folder) the journal stays, and the next run finishes the commit instead."""
    root = layout.root
    try:
        for op in reversed(record["ops"]):
            dst, aside = root / op["dst"], _aside(layout, record["run_id"], op["dst"])
            if op["op"] == "move" and dst.exists() and not (root / op["src"]).exists():
                _rename(dst, root / op["src"])
            if aside.exists():
                _rename(aside, dst)
        _prune(root, record)
        layout.journal.unlink()
    except OSError as e:
        log.error("could not roll back the commit of run %s (%s): the next run finishes it", record["run_id"], e)


def _prune(root: Path, record: dict) -> None:
    """Make the folders a commit touched durable, and remove those it left empty."""
    for d in sorted({(root / op["dst"]).parent for op in record["ops"]}, reverse=True):
        if d.is_dir():
            fsync_dir(d)
            if d != root and not any(d.iterdir()):
                d.rmdir()


def _finish(layout: OutputLayout, record: dict) -> None:
    _prune(layout.root, record)
    layout.journal.unlink()
    fsync_dir(layout.state)
    shutil.rmtree(layout.staging(record["run_id"]), ignore_errors=True)
