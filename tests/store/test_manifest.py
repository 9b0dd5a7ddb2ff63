"""What is new, changed or unchanged: decided by the manifest alone."""
from __future__ import annotations

import hashlib

from tasks import PIPELINE_VERSION
from tasks.ingest import InputFile
from tasks.model import Rejection
from tasks.store.io import atomic_write_json
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest, PlannedInput


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_status_compares_content_hash_pipeline_version_and_schema_version():
    m = Manifest(inputs={"a.txt": {"sha": _sha("A"), "version": PIPELINE_VERSION, "articles": ["x"]},
                         "b.txt": {"sha": _sha("B"), "version": "0.0.1", "articles": ["y"]}})
    assert m.status("a.txt", _sha("A")) == "unchanged"
    assert m.status("a.txt", _sha("A2")) == "changed"
    assert m.status("b.txt", _sha("B")) == "upgrade"  # an older pipeline wrote it
    assert m.status("b.txt", _sha("B2")) == "changed"  # changed bytes come first
    assert m.status("c.txt", _sha("C")) == "new"
    m.schema_version = "another"  # the tables have another schema: every input is extracted again
    assert m.status("a.txt", _sha("A")) == "upgrade" and not m.current


def test_plan_hashes_inputs_refuses_unreadable_ones_and_records_a_refusal_once(tmp_path):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    m = Manifest(inputs={"a.txt": {"sha": _sha("A"), "version": PIPELINE_VERSION, "articles": []}},
                 refused={"old.txt": "empty file"})
    files = [InputFile(tmp_path / "a.txt", "a.txt"), InputFile(tmp_path / "b.txt", "b.txt"), InputFile(tmp_path / "gone.txt", "gone.txt")]
    plan = m.plan(files, [Rejection("old.txt", "empty file"), Rejection("link.txt", "broken symlink")])
    assert plan.inputs == [PlannedInput(str(tmp_path / "a.txt"), "a.txt", _sha("A"), "unchanged"),
                           PlannedInput(str(tmp_path / "b.txt"), "b.txt", _sha("B"), "new")]
    assert plan.counts == {"new": 1, "changed": 0, "unchanged": 1, "upgrade": 0, "repair": 0}
    assert [i.source for i in plan.todo] == ["b.txt"]
    assert plan.refusals == [Rejection("link.txt", "broken symlink"),
                             Rejection("gone.txt", "unreadable file: No such file or directory")]
    assert plan.manifest is m


def test_unseen_inputs_are_the_ones_not_held_at_this_version():
    m = Manifest(inputs={"a.txt": {"sha": "1", "version": PIPELINE_VERSION}, "b.txt": {"sha": "2", "version": "0.0.1"}})
    files = [InputFile("a.txt", "a.txt"), InputFile("b.txt", "b.txt"), InputFile("c.txt", "c.txt")]
    assert [f.source for f in m.unseen(files)] == ["b.txt", "c.txt"]
    m.schema_version = ""  # tables of a version that did not record its schema: every input is extracted again
    assert [f.source for f in m.unseen(files)] == ["a.txt", "b.txt", "c.txt"]


def test_load_and_save_round_trip(tmp_path):
    layout = OutputLayout(tmp_path)
    assert Manifest.load(layout) == Manifest()
    m = Manifest(inputs={"a.txt": {"sha": "1", "version": PIPELINE_VERSION, "articles": ["x"]}},
                 articles={"x": {"part": "month=2026-01/part-R-00000.parquet", "sources": ["a.txt"], "content_sha256": "1"}},
                 refused={"e.txt": "empty file"}, parts={"articles/month=2026-01/part-R-00000.parquet": {"rows": 1, "bytes": 9, "sha256": "f"}})
    atomic_write_json(layout.manifest, m.to_json())
    assert Manifest.load(layout) == m
    copy = m.copy()
    copy.articles["x"]["part"] = "elsewhere"
    assert m.articles["x"]["part"] == "month=2026-01/part-R-00000.parquet"  # a copy's article entries are its own


def test_a_manifest_of_newsfacts_0_1_has_no_schema_version_and_no_registry(tmp_path):
    layout = OutputLayout(tmp_path)
    atomic_write_json(layout.manifest, {"inputs": {"a.txt": {"sha": "1", "version": "0.1.0", "articles": ["x"]}}, "articles": {},
                                        "refused": {}, "pipeline_version": "0.1.0"})
    m = Manifest.load(layout)
    assert (m.schema_version, m.pipeline_version, m.parts, m.current) == ("", "0.1.0", None, False)
    assert Manifest().current  # an empty folder has nothing to upgrade
