"""What a run leaves about itself in `_newsfacts/`: its GX validation results
(`validations/<run>/results.json`, for `newsfacts docs`) and one summary line in `runs.jsonl`."""
from __future__ import annotations

import json

from tasks.store.io import atomic_write_json
from tasks.store.layout import OutputLayout
from tasks.store.staging import StagedBatch


def save_validations(layout: OutputLayout, run_id: str, staged: list[StagedBatch]) -> None:
    """Table -> the GX results of every group validated in the run."""
    results: dict[str, list[dict]] = {}
    for b in staged:
        for table, v in b.validation.items():
            results.setdefault(table, []).extend(v.get("results", []))
    if results:
        atomic_write_json(layout.validations(run_id) / "results.json", results)


def read_runs(layout: OutputLayout) -> list[dict]:
    """The earlier runs' summaries, oldest first (lines that cannot be read are skipped: the
    report says which; a run only compares its metrics with them)."""
    if not layout.runs_log.exists():
        return []
    runs = []
    for line in layout.runs_log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            run = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(run, dict):
            runs.append(run)
    return runs


def append_run(layout: OutputLayout, summary: dict) -> None:
    """The run's summary as one line (refused inputs as their number)."""
    line = {k: v for k, v in summary.items() if k != "rejected"} | {"rejected": len(summary["rejected"])}
    with open(layout.runs_log, "a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
