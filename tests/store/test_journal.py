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
    # the journal lists the operations, the staged manifest's move last; the manifest is in staging
    assert json.loads(layout.journal.read_text()) == {"run_id": "R1", "ops": plan["ops"] + [
        {"op": "move", "src": "_newsfacts/staging/R1/_newsfacts/manifest.json", "dst": "_newsfacts/manifest.json"}]}
    assert not layout.manifest.exists()
    # half done: the move happened, the delete did not
    dst = layout.table("quotes") / "month=2026-01" / "part-R1-00000.parquet"
    dst.parent.mkdir(parents=True)
    (layout.staging("R1") / "quotes" / "month=2026-01" / "part-R1-00000.parquet").rename(dst)
    assert journal.replay(layout) is True
    assert dst.read_bytes() == b"new part"
    assert not (layout.table("quotes") / "month=2025-12").exists()
    assert json.loads(layout.manifest.read_text()) == plan["manifest"] and not layout.journal.exists()


def test_an_operation_that_fails_rolls_the_commit_back_and_loses_nothing(tmp_path, monkeypatch):
    layout, plan = _layout_with_staged_part(tmp_path)
    layout.manifest.parent.mkdir(parents=True, exist_ok=True)
    layout.manifest.write_text('{"inputs": {}}')
    replaced = layout.table("quotes") / "month=2026-01" / "part-R1-00000.parquet"
    replaced.parent.mkdir(parents=True)
    replaced.write_bytes(b"the part this commit replaces")
    real_rename, calls = journal._rename, []

    def full_after_two(src, dst):  # the third rename fails, as on a full disk that has no room for a folder entry
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(journal, "_rename", full_after_two)
    with pytest.raises(OSError, match="No space left"):
        journal.carry_out(layout, plan)
    monkeypatch.undo()
    assert replaced.read_bytes() == b"the part this commit replaces"
    assert (layout.table("quotes") / "month=2025-12" / "part-R0-00000.parquet").read_bytes() == b"old part"
    assert layout.manifest.read_text() == '{"inputs": {}}'
    assert not layout.journal.exists()
    assert (layout.staging("R1") / "quotes" / "month=2026-01" / "part-R1-00000.parquet").read_bytes() == b"new part"


def test_a_replay_cut_short_can_be_replayed(tmp_path, monkeypatch):
    layout, plan = _layout_with_staged_part(tmp_path)
    real_rename, calls = journal._rename, []

    def killed_at_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_rename(src, dst)

    monkeypatch.setattr(journal, "_rename", killed_at_second)
    with pytest.raises(KeyboardInterrupt):
        journal.carry_out(layout, plan)
    monkeypatch.undo()
    assert layout.journal.exists()
    assert journal.replay(layout) is True
    assert (layout.table("quotes") / "month=2026-01" / "part-R1-00000.parquet").read_bytes() == b"new part"
    assert not (layout.table("quotes") / "month=2025-12").exists()
    assert json.loads(layout.manifest.read_text()) == plan["manifest"]
    assert not layout.staging("R1").exists()


def test_a_journal_of_newsfacts_0_1_with_the_manifest_inline_is_finished(tmp_path):
    layout, plan = _layout_with_staged_part(tmp_path)
    layout.state.mkdir(parents=True, exist_ok=True)
    layout.journal.write_text(json.dumps(plan))  # 0.1 wrote the manifest into the journal itself
    assert journal.replay(layout) is True
    assert json.loads(layout.manifest.read_text()) == plan["manifest"]
    assert (layout.table("quotes") / "month=2026-01" / "part-R1-00000.parquet").read_bytes() == b"new part"
