"""The journal: a commit is written whole before it starts, and a commit cut short is finished."""
from __future__ import annotations

import json

import pytest

from tasks.store import journal
from tasks.store.layout import OutputLayout


def _layout_with_staged_part(tmp_path) -> tuple[OutputLayout, dict]:
    layout = OutputLayout(tmp_path / "out")
    staged = layout.staging("R1") / "quotes" / "month=2026-01" / "part-R1-00000.parquet"
    staged.parent.mkdir(parents=True)
    staged.write_bytes(b"new part")
    old = layout.table("quotes") / "month=2025-12" / "part-R0-00000.parquet"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old part")
    plan = {"run_id": "R1", "manifest": {"inputs": {"a.txt": {"sha": "1"}}},
            "ops": [{"op": "move", "src": "_newsfacts/staging/R1/quotes/month=2026-01/part-R1-00000.parquet",
                     "dst": "quotes/month=2026-01/part-R1-00000.parquet"},
                    {"op": "delete", "dst": "quotes/month=2025-12/part-R0-00000.parquet"}]}
    return layout, plan


def test_a_commit_moves_deletes_writes_the_manifest_and_removes_journal_and_staging(tmp_path):
    layout, plan = _layout_with_staged_part(tmp_path)
    journal.carry_out(layout, plan)
    assert (layout.table("quotes") / "month=2026-01" / "part-R1-00000.parquet").read_bytes() == b"new part"
    assert not (layout.table("quotes") / "month=2025-12").exists()  # emptied folders go too
    assert json.loads(layout.manifest.read_text()) == {"inputs": {"a.txt": {"sha": "1"}}}
    assert not layout.journal.exists() and not layout.staging("R1").exists()
    assert journal.replay(layout) is False


def test_a_commit_killed_after_its_journal_is_finished_by_replay(tmp_path, monkeypatch):
    layout, plan = _layout_with_staged_part(tmp_path)

    def killed(layout, plan):
        raise KeyboardInterrupt

    monkeypatch.setattr(journal, "_apply", killed)
    with pytest.raises(KeyboardInterrupt):
        journal.carry_out(layout, plan)
    monkeypatch.undo()
    assert json.loads(layout.journal.read_text()) == plan
    # half done: the move happened, the delete did not
    dst = layout.table("quotes") / "month=2026-01" / "part-R1-00000.parquet"
    dst.parent.mkdir(parents=True)
    (layout.staging("R1") / "quotes" / "month=2026-01" / "part-R1-00000.parquet").rename(dst)
    assert journal.replay(layout) is True
    assert dst.read_bytes() == b"new part"
    assert not (layout.table("quotes") / "month=2025-12").exists()
    assert json.loads(layout.manifest.read_text()) == plan["manifest"] and not layout.journal.exists()
