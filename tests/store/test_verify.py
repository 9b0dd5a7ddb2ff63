"""The registry of the tables' files: every file a commit puts in is registered, and a file
missing, cut short, altered or unknown is a damage, named by its path."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow.parquet as pq

from tasks.store import staging, verify
from tasks.store.commit import commit
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest, Plan
from tasks.validate.quarantine import quarantine

JAN = datetime(2026, 1, 20, tzinfo=timezone.utc)
PART = "month=2026-01/part-R1-00000.parquet"


def _committed(tmp_path, extracted) -> tuple[OutputLayout, Manifest]:
    layout = OutputLayout(tmp_path)
    spec, ex = extracted(0, [("a1", "a.txt", "Mayor opens bridge", JAN), ("b1", "b.txt", "Ferry fares rise", JAN)])
    commit(layout, "R1", [staging.stage_batch(layout, spec, ex, quarantine(ex.tables, {}), {}, {})], Manifest())
    return layout, Manifest.load(layout)


def test_every_file_a_commit_puts_into_the_tables_is_registered_with_rows_bytes_and_hash(tmp_path, extracted):
    layout, m = _committed(tmp_path, extracted)
    assert set(m.parts) == set(verify.table_files(layout))
    assert m.parts[f"paragraphs/{PART}"]["rows"] == 2
    path = layout.table("paragraphs") / PART
    assert m.parts[f"paragraphs/{PART}"] == verify.stats(path) and m.parts[f"paragraphs/{PART}"]["bytes"] == path.stat().st_size
    assert verify.quick(layout, m) == verify.full(layout, m) == []


def test_a_part_cut_short_deleted_or_unknown_is_found_by_the_quick_check(tmp_path, extracted):
    layout, m = _committed(tmp_path, extracted)
    cut = layout.table("paragraphs") / PART
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    (layout.table("articles") / PART).unlink()
    stray = layout.table("articles") / "month=2026-01" / "part-R1-00000 (conflicted copy).parquet"
    stray.write_bytes(b"PAR1")
    (layout.table("articles") / "month=2026-01" / ".hidden").write_bytes(b"")  # readers skip it: so does the check
    size = m.parts[f"paragraphs/{PART}"]["bytes"]
    assert [str(d) for d in verify.quick(layout, m)] == [
        f"articles/{PART}: missing",
        f"paragraphs/{PART}: {size // 2} bytes, registered with {size}",
        "articles/month=2026-01/part-R1-00000 (conflicted copy).parquet: not put there by newsfacts (no commit registered it)"]
    assert verify.affected_articles(verify.quick(layout, m), m) == {"a1", "b1"}


def test_a_part_altered_in_place_is_found_by_the_full_check_only(tmp_path, extracted):
    layout, m = _committed(tmp_path, extracted)
    path = layout.table("paragraphs") / PART
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF  # same size, other bytes
    path.write_bytes(bytes(data))
    assert verify.quick(layout, m) == []
    assert [str(d) for d in verify.full(layout, m)] == [f"paragraphs/{PART}: content differs from the registered SHA-256"]


def test_a_folder_written_before_files_were_registered_has_each_footer_read(tmp_path, extracted):
    layout, m = _committed(tmp_path, extracted)
    m.parts = None
    cut = layout.table("quotes") / next(iter(p.relative_to(layout.table("quotes")) for p in layout.table("quotes").rglob("*.parquet")))
    cut.write_bytes(cut.read_bytes()[:20])
    (d,) = verify.quick(layout, m)
    assert d.path == str(cut.relative_to(tmp_path)) and d.problem.startswith("unreadable: ")


def test_a_repair_extracts_again_the_inputs_that_still_exist_and_counts_the_rest_as_lost(tmp_path, extracted, monkeypatch):
    layout, m = _committed(tmp_path, extracted)
    (tmp_path / "a.txt").write_text("Mayor opens bridge", encoding="utf-8")  # b.txt is gone
    monkeypatch.chdir(tmp_path)  # inputs are read where the manifest recorded them: relative to the run's folder
    plan, fix = verify.plan_repair(Plan([], [], m), [verify.Damage(f"paragraphs/{PART}", "missing")])
    assert [(i.source, i.status) for i in plan.inputs] == [("a.txt", "repair")] and plan.outside == 1
    assert (fix.files, fix.articles, fix.lost) == ([f"paragraphs/{PART}"], {"a1", "b1"}, {"b1"})
    assert pq.read_metadata(layout.table("articles") / PART).num_rows == 2
