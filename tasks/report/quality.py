"""Data quality: each run's validation per table (expectations evaluated and failed, rows
quarantined), its validation warnings (GX severity warning: the rows landed; from the run log),
the quarantine by reason, and the inputs refused with their reasons."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from tasks.report.load import Loaded
from tasks.store.layout import run_time
from tasks.report.ranked import ranked
from tasks.schemas import TABLES

RECENT_RUNS = 20
LATEST_REFUSALS = 50
EXAMPLES = 3


@dataclass(frozen=True)
class FailedExpectation:
    table: str
    expectation: str  # GX expectation type
    column: str | None
    unexpected: int  # rows that broke it (0 for an expectation on the whole table)
    examples: list[str]  # a few unexpected values
    severity: str = "critical"  # GX's: critical (rows quarantined), warning or info (rows landed)


@dataclass(frozen=True)
class TableCheck:
    """One table in one run."""

    validated: bool  # the run validated rows of this table
    evaluated: int  # expectations evaluated, over the run's validation groups
    failed: int  # of those, critical ones failed
    quarantined: int  # rows of this table the run quarantined
    warned: int = 0  # warning/info expectations failed (nothing quarantined)

    @property
    def passed(self) -> bool:
        return not self.failed and not self.quarantined


@dataclass(frozen=True)
class RunCheck:
    run_id: str
    when: datetime | None
    tables: dict[str, TableCheck]
    failures: list[FailedExpectation]
    warnings: list[dict] = field(default_factory=list)  # the run's validation warnings (runs.jsonl: severity, table, message)


@dataclass(frozen=True)
class Refusal:
    source: str
    reason: str
    when: datetime | None


@dataclass(frozen=True)
class Quality:
    runs: list[RunCheck]  # newest first, at most RECENT_RUNS
    tables: list[str]  # columns of the validation grid
    quarantine: list[tuple[str, str, int]]  # (table, failed expectations, rows), most rows first
    quarantined: int
    refused: int
    refusal_reasons: list[tuple[str, int]]
    latest_refusals: list[Refusal]


def quality(data: Loaded, recent: int = RECENT_RUNS) -> Quality:
    run_ids = [r["run_id"] for r in data.run_log.runs]  # load() reads the results of these runs only
    q = data.quarantine
    per_run_table = q.groupby(["run_id", "table"]).size().to_dict() if len(q) else {}
    logged = {r["run_id"]: r for r in data.run_log.runs}
    runs = [_run_check(rid, data.validations.get(rid, {}), per_run_table, logged.get(rid, {}).get("warnings") or [])
            for rid in reversed(run_ids[-recent:])]
    reasons = q.groupby(["table", "failed_expectations"]).size() if len(q) else pd.Series(dtype=int)
    quarantine = sorted(((t, why, int(n)) for (t, why), n in reasons.items()), key=lambda r: (-r[2], r[0], r[1]))
    rej = data.rejections.sort_values(["rejected_at", "source"], ascending=[False, True])
    latest = [Refusal(source=r.source, reason=r.reason, when=_when(r.rejected_at)) for r in rej.head(LATEST_REFUSALS).itertuples()]
    return Quality(runs=runs, tables=list(TABLES), quarantine=quarantine, quarantined=len(q), refused=len(rej),
                   refusal_reasons=ranked(rej["reason"].value_counts().items()), latest_refusals=latest)


def _run_check(run_id: str, results: dict[str, list[dict]], quarantined: dict[tuple[str, str], int],
               warnings: list[dict]) -> RunCheck:
    tables, failures = {}, []
    for table in list(TABLES):
        groups = results.get(table, [])
        stats = [g.get("statistics", {}) for g in groups]
        severities = [_severity(r) for g in groups for r in g.get("results", []) if not r.get("success", True)]
        tables[table] = TableCheck(validated=bool(groups), evaluated=sum(s.get("evaluated_expectations", 0) for s in stats),
                                   failed=severities.count("critical"), quarantined=int(quarantined.get((run_id, table), 0)),
                                   warned=len(severities) - severities.count("critical"))
        failures += failed_expectations(table, groups)
    return RunCheck(run_id=run_id, when=run_time(run_id), tables=tables, failures=failures,
                    warnings=[w for w in warnings if isinstance(w, dict)])


def _severity(result: dict) -> str:
    """GX's severity of an expectation result (critical when the result does not say: GX's default)."""
    return (result.get("expectation_config") or {}).get("severity") or "critical"


def failed_expectations(table: str, groups: list[dict]) -> list[FailedExpectation]:
    """The failed expectations of one table's GX results, merged over the validation groups."""
    merged: dict[tuple[str, str | None, str], tuple[int, list[str]]] = {}
    for g in groups:
        for r in g.get("results", []):
            if r.get("success", True):
                continue
            cfg = r.get("expectation_config", {})
            key = (cfg.get("type", "?"), cfg.get("kwargs", {}).get("column"), _severity(r))
            res = r.get("result") or {}
            n, ex = merged.get(key, (0, []))
            ex = ex + [str(v) for v in res.get("partial_unexpected_list") or [] if str(v) not in ex]
            merged[key] = (n + int(res.get("unexpected_count") or 0), ex[:EXAMPLES])
    return [FailedExpectation(table=table, expectation=t, column=c, unexpected=n, examples=ex, severity=sev)
            for (t, c, sev), (n, ex) in sorted(merged.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2]))]


def _when(ts) -> datetime | None:
    return None if ts is None or pd.isna(ts) else pd.Timestamp(ts).to_pydatetime()
