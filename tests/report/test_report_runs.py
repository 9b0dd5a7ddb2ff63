"""tasks.report.runs: runs over time from the run log."""
from __future__ import annotations

from tasks.report.load import load
from tasks.report.runs import Run, runs


def test_runs_of_the_invented_folder(invented):
    r = runs(load(invented.out))
    assert r.total == 2 and r.memory_recorded and r.unreadable == [(2, "not JSON (Expecting property name enclosed in double quotes)")]
    assert r.stages == ["batches:spacy", "flow:validate", "commit", "flow:write"]
    assert r.recent[0] == Run(run_id=invented.run_a, when=invented.jan, new=2, changed=0, unchanged=0, articles=2, refused=0, quarantined=0, seconds=4.0,
                              stages={"batches:spacy": 2.0, "flow:validate": 0.5, "commit": 0.25}, peak_memory_mb=None,
                              validation_passed=True)
    assert r.recent[0].articles_per_second == 0.5
    assert (r.recent[1].run_id, r.recent[1].peak_memory_mb, r.recent[1].quarantined, r.recent[1].refused) == (invented.run_b, 512.5, 2, 1)
    assert [x.run_id for x in runs(load(invented.out), recent=1).recent] == [invented.run_b]


def test_a_run_without_articles_or_seconds_has_no_speed():
    assert Run("r", None, 0, 0, 3, 0, 0, 0, 1.5, {}, None, True).articles_per_second is None
    assert Run("r", None, 1, 0, 0, 1, 0, 0, None, {}, None, True).articles_per_second is None
