"""Running a table's Great Expectations suite on rows before anything is written.

`validate_table` tells which rows fail a critical expectation, which critical expectations fail
without naming rows, and which warning or info expectations fail (GX's own `severity` field of
an expectation, great-expectations 1.x; critical is its default). One ephemeral GX context per
process, built once from expectations/*.json and used by one thread at a time. Great
Expectations is imported lazily: the import alone takes seconds.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from tasks.paths import EXPECTATIONS_DIR
from tasks.schemas import ALL_TABLES
from tasks.validate import checks, metrics, suites
from tasks.validate.checks import expectation_name

log = logging.getLogger(__name__)

_LOCK = threading.Lock()  # one GX context per process, used by one thread at a time
# the arguments of an expectation that name what it is about (in the name a failure is reported under)
CRITICAL = "critical"
EXAMPLES = 5  # unexpected values kept per failing expectation in the stored results
# the full lists GX's COMPLETE format holds: used here for the row positions, not stored
FULL_LISTS = ("unexpected_list", "unexpected_index_list", "unexpected_index_query", "unexpected_rows")


@dataclass
class Finding:
    """A failing expectation that quarantines nothing (severity warning or info)."""

    table: str
    name: str
    severity: str
    config: dict  # type, kwargs, meta
    element_count: int
    unexpected_count: int
    rows: list[int] = field(default_factory=list)  # positions of the rows it names (none for an aggregate)


@dataclass
class TableValidation:
    table: str
    success: bool  # no critical expectation failed
    rows: int
    failed_rows: dict[int, list[str]] = field(default_factory=dict)  # row index -> failing critical expectations
    table_failures: list[str] = field(default_factory=list)  # critical expectations failing without row indices
    result: dict = field(default_factory=dict)  # the GX result as JSON (full lists left out)
    findings: list[Finding] = field(default_factory=list)  # failing warning/info expectations
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # metric -> (hits, total) in these rows


def warm_up(folder: Path = EXPECTATIONS_DIR) -> None:
    """Build the GX context now (in a thread while the run starts), not in the first group's
    validation; and load what the computed checks need (the units' vocabulary: Pint, ~1 s)."""
    with _LOCK:
        _context(str(folder))
    checks.warm_up()


@lru_cache(maxsize=1)
def _context(folder: str):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)  # GX sets its own levels on import
    ctx = great_expectations.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    except ImportError as e:  # only cosmetic
        log.debug("cannot turn GX progress bars off: %s", e)
    source = ctx.data_sources.add_pandas("newsfacts")
    batch_defs, gx_suites = {}, {}
    for table in ALL_TABLES:
        d = suites.stored_suite(table, Path(folder))
        gx_suites[table] = ctx.suites.add(great_expectations.ExpectationSuite(**d))
        batch_defs[table] = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(f"{table}_batch")
    return ctx, batch_defs, gx_suites


def validate_rows(table: str, rows: list[dict], folder: Path = EXPECTATIONS_DIR) -> TableValidation:
    """Validate rows (dicts) of one table against its suite."""
    return validate_table(table, pa.Table.from_pylist(rows, schema=ALL_TABLES[table]), folder)


def validate_table(table: str, data: pa.Table, folder: Path = EXPECTATIONS_DIR) -> TableValidation:
    """Validate an Arrow table of one table's rows against its suite, in one GX call.

    GX's cost is almost all per call and expectation (whatever the rows), so callers hand it
    as many rows at once as they can. Positions (`failed_rows`, `Finding.rows`) are row
    positions in `data`."""
    df = data.to_pandas()
    params = suites.suite_parameters(datetime.now(timezone.utc))
    with _LOCK:
        _, batch_defs, gx_suites = _context(str(folder))
        batch = batch_defs[table].get_batch(batch_parameters={"dataframe": df})
        # COMPLETE costs what SUMMARY costs while everything passes, and names every failing row when not
        res = batch.validate(gx_suites[table], expectation_parameters=params,
                             result_format={"result_format": "COMPLETE", "partial_unexpected_count": EXAMPLES})
    out = TableValidation(table, True, len(df))
    for er in res.results:
        _read_result(out, er)
    out.success = not out.failed_rows and not out.table_failures
    out.result = _stored(res.to_json_dict())
    return out


def _read_result(out: TableValidation, er) -> None:
    """One expectation's result: a critical failure on the rows it names (else on the table),
    a warning/info finding, and the counts of a metric expectation."""
    cfg = er.expectation_config
    res = er.result or {}
    name = expectation_name(cfg.type, cfg.kwargs)
    severity = getattr(cfg.severity, "value", cfg.severity) or CRITICAL
    raised = bool((er.exception_info or {}).get("raised_exception"))
    meta = cfg.meta or {}
    if meta.get("metric") and not raised:
        out.counts[meta["metric"]] = metrics.counts_of({"meta": meta}, int(res.get("element_count") or 0),
                                                       int(res.get("unexpected_count") or 0))
    if er.success:
        return
    idx = [i for i in (_position(x) for x in res.get("unexpected_index_list") or []) if i >= 0]
    if severity != CRITICAL and not raised:  # an expectation that could not run is critical, whatever it says
        out.findings.append(Finding(out.table, name, severity, {"type": cfg.type, "kwargs": dict(cfg.kwargs), "meta": meta},
                                    int(res.get("element_count") or 0), int(res.get("unexpected_count") or 0), idx))
    elif not idx:
        out.table_failures.append(name)
    else:
        for i in idx:
            out.failed_rows.setdefault(i, []).append(name)


def _position(i) -> int:
    if isinstance(i, int):
        return i
    return int(i.get("index", -1)) if isinstance(i, dict) else -1


def _stored(result: dict) -> dict:
    """The GX result as kept in the run's results: every count and a few examples, not the full lists."""
    for r in result.get("results", []):
        for k in FULL_LISTS:
            (r.get("result") or {}).pop(k, None)
    return json.loads(json.dumps(result, default=str))
