"""What a run leaves about itself: its validation results and a line in runs.jsonl."""
from __future__ import annotations

import json

from tasks.store.layout import OutputLayout
from tasks.store.runlog import append_run, read_runs, save_validations
from tasks.store.staging import StagedBatch


def _staged(batch, validation):
    return StagedBatch(batch=batch, parts={}, articles={}, inputs={}, rejections=[], quarantined={}, validation=validation,
                       rows={}, seconds={})


def test_the_runs_validation_results_are_kept_per_table(tmp_path):
    layout = OutputLayout(tmp_path)
    save_validations(layout, "R1", [_staged(0, {"quotes": {"success": True, "results": [{"g": 1}]}, "articles": {"success": True}}),
                                    _staged(1, {"quotes": {"success": True, "results": [{"g": 2}]}})])
    assert json.loads((tmp_path / "_newsfacts/validations/R1/results.json").read_text()) == {"quotes": [{"g": 1}, {"g": 2}], "articles": []}
    save_validations(layout, "R2", [])  # nothing validated: nothing written
    assert not (tmp_path / "_newsfacts/validations/R2").exists()


def test_a_run_is_one_line_with_its_refusals_counted(tmp_path):
    layout = OutputLayout(tmp_path)
    layout.state.mkdir()
    append_run(layout, {"run_id": "R1", "rejected": [{"source": "a", "reason": "empty"}], "peak_memory_mb": 512.5})
    append_run(layout, {"run_id": "R2", "rejected": []})
    lines = [json.loads(line) for line in layout.runs_log.read_text().splitlines()]
    assert lines == [{"run_id": "R1", "peak_memory_mb": 512.5, "rejected": 1}, {"run_id": "R2", "rejected": 0}]


def test_the_earlier_runs_are_read_back_oldest_first_skipping_what_is_not_a_run(tmp_path):
    layout = OutputLayout(tmp_path)
    assert read_runs(layout) == []
    layout.state.mkdir()
    append_run(layout, {"run_id": "R1", "rejected": [], "metrics": {"articles": 3, "counts": {"quotes_named_speaker": [2, 3]}}})
    with open(layout.runs_log, "a", encoding="utf-8") as f:
        f.write("{cut short\n[1, 2]\n")
    append_run(layout, {"run_id": "R2", "rejected": [], "warnings": [{"severity": "warning", "table": "articles", "message": "m"}]})
    assert [r["run_id"] for r in read_runs(layout)] == ["R1", "R2"]
    assert read_runs(layout)[0]["metrics"]["counts"] == {"quotes_named_speaker": [2, 3]}
