"""Runs over time, from the run log: inputs, articles, seconds per stage, articles per second
and peak memory (when the run recorded it)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tasks.report.load import Loaded
from tasks.store.layout import run_time

RECENT_RUNS = 30
# summary keys that are not one stage: the run's own clock, or stages taken together
NOT_STAGES = {"total", "wall", "plan+process"}


@dataclass(frozen=True)
class Run:
    run_id: str
    when: datetime | None
    new: int
    changed: int
    unchanged: int
    articles: int  # articles processed (validated and written) by the run
    refused: int
    quarantined: int
    seconds: float | None
    stages: dict[str, float]  # seconds per stage (batch stages summed over the batches)
    peak_memory_mb: float | None
    validation_passed: bool | None

    @property
    def articles_per_second(self) -> float | None:
        return self.articles / self.seconds if self.articles and self.seconds else None


@dataclass(frozen=True)
class Runs:
    recent: list[Run]  # oldest first, at most RECENT_RUNS
    total: int  # runs in the log
    stages: list[str]  # every stage any recent run recorded, in the order first seen
    memory_recorded: bool
    unreadable: list[tuple[int, str]]  # lines of the run log that could not be read


def runs(data: Loaded, recent: int = RECENT_RUNS) -> Runs:
    rows = [_run(r) for r in data.run_log.runs[-recent:]]
    stages: list[str] = []
    for r in rows:
        stages += [s for s in r.stages if s not in stages]
    return Runs(recent=rows, total=len(data.run_log.runs), stages=stages,
                memory_recorded=any(r.peak_memory_mb is not None for r in rows), unreadable=data.run_log.unreadable)


def _run(r: dict) -> Run:
    inputs, rows, secs = r.get("inputs") or {}, r.get("rows") or {}, r.get("seconds") or {}
    rejected = r.get("rejected", 0)
    memory = r.get("peak_memory_mb")
    return Run(run_id=r["run_id"], when=run_time(r["run_id"]), new=int(inputs.get("new", 0)), changed=int(inputs.get("changed", 0)),
               unchanged=int(inputs.get("unchanged", 0)), articles=int(rows.get("articles", 0)),
               refused=len(rejected) if isinstance(rejected, list) else int(rejected),
               quarantined=sum(int(v) for v in (r.get("quarantined") or {}).values()),
               seconds=_number(secs.get("total")), stages={k: float(v) for k, v in secs.items() if k not in NOT_STAGES},
               peak_memory_mb=_number(memory), validation_passed=r.get("validation_passed"))


def _number(v) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
