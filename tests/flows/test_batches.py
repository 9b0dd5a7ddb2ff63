"""How a run's inputs are cut into batches."""
from __future__ import annotations

from datetime import datetime, timezone

from flows.batches import batch_specs, guided_batches, split_bulk
from tasks.store.manifest import PlannedInput

ROWS = ('{"id": "r1", "title": "Pool closes", "text": "The pool closed on Friday."}\n'
        '{"id": "r2", "title": "Park opens", "text": "The park opened on Saturday."}\n'
        '{"id": "r3", "title": "Road shuts", "text": "The road shut on Sunday."}\n')


def test_batches_shrink_towards_the_end_so_that_workers_finish_together():
    assert [len(b) for b in guided_batches(list(range(300)), 100, 2)] == [75, 57, 50, 50, 68]
    assert [len(b) for b in guided_batches(list(range(1000)), 100, 2)] == [100] * 7 + [75, 57, 50, 50, 68]
    assert [len(b) for b in guided_batches(list(range(120)), 100, 1)] == [60, 60]
    assert [len(b) for b in guided_batches(list(range(7)), 1, 2)] == [1] * 7


def test_a_bulk_slice_counts_as_the_items_it_holds():
    assert guided_batches([("a",), None, None, ("b",), ("c",)], 3, 1) == [[("a",)], [("b",), ("c",)]]


def test_a_bulk_input_is_cut_into_slices_of_items(tmp_path):
    (tmp_path / "rows.jsonl").write_text(ROWS, encoding="utf-8")
    bulk, txt = (str(tmp_path / "rows.jsonl"), "rows.jsonl", "s1"), (str(tmp_path / "a.txt"), "a.txt", "s2")
    assert split_bulk([bulk, txt], 2, None, 10**6) == [bulk + (0, 2), None, bulk + (2, 3), txt]
    assert split_bulk([bulk], 3, None, 10**6) == [bulk]  # small enough to be one unit


def test_batch_specs_number_the_batches_and_carry_the_runs_settings(tmp_path):
    when = datetime(2026, 4, 1, tzinfo=timezone.utc)
    todo = [PlannedInput(f"/in/{n}.txt", f"{n}.txt", f"sha{n}", "new") for n in range(3)]
    specs = batch_specs(todo, batch_size=2, n_workers=1, run_id="R", model="m", ingested_at=when, fields={"text": "body"},
                        max_bytes=1000)
    assert [(s.batch, s.files) for s in specs] == [(0, [("/in/0.txt", "0.txt", "sha0"), ("/in/1.txt", "1.txt", "sha1")]),
                                                   (1, [("/in/2.txt", "2.txt", "sha2")])]
    assert {(s.run_id, s.model, s.ingested_at, s.max_bytes) for s in specs} == {("R", "m", when, 1000)}
    assert specs[0].fields == {"text": "body"}


def test_a_small_remainder_joins_the_last_validation_group():
    """Groups of at least validate_every articles; fewer than half of that left to extract (a
    bulk slice counts as its articles) join the group being made, whose GX call ends the run."""
    from flows.pipeline import _group_full, _items_after
    from tasks.extract.batch import BatchSpec

    def spec(i: int, files: list[tuple]) -> BatchSpec:
        return BatchSpec(batch=i, files=files, run_id="r", model="m", ingested_at=datetime.now(timezone.utc), fields=None,
                         max_bytes=1)

    specs = [spec(0, [("a", "s", "x")] * 3), spec(1, [("big.jsonl", "s", "x", 0, 100)]), spec(2, [("b", "s", "x")] * 2)]
    assert _items_after(specs) == [102, 2, 0]
    assert _group_full(1000, 600, 1000) and not _group_full(1000, 499, 1000) and not _group_full(999, 600, 1000)
