"""Validating a group of batches at once: one GX call per table and group, per-batch verdicts.

GX costs a few hundredths of a second per expectation and call whatever the rows, so the flow
validates several batches together. A row's verdict never depends on which batches share its call:
  * an exact duplicate of an article in a later batch of the group is validated in a frame of
    its own (a "layer"), so its keys are not taken for duplicated keys (it is dropped at commit);
  * a critical expectation that names no rows (the column list, a row count) fails a whole
    frame: then each batch's piece is judged again on its own, and only the pieces that fail
    alone fail;
  * the checks that need two tables (tasks.validate.checks) run batch by batch, with no GX call.
Warnings (severity warning/info: they quarantine nothing) are judged on the group: its
statistics need many rows (tasks.validate.findings).
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from tasks.schemas import TABLES
from tasks.validate import checks, findings, gx, suites
from tasks.validate.metrics import COMPUTED_RATE, METRICS, add_counts, value

# a batch's rows in a frame: (the rows, (batch, their positions in that batch, or None for all))
Piece = tuple[pa.Table, tuple[int, list[int] | None]]


@dataclass
class BatchVerdict:
    """What validation said of one batch."""

    failed: dict[str, dict[int, list[str]]] = field(default_factory=dict)  # table -> row position -> failing expectations
    # table -> {success, rows, failed_rows, table_failures[, results, warnings, metrics]}
    record: dict[str, dict] = field(default_factory=dict)


def validate_group(batches: list[dict[str, pa.Table]]) -> list[BatchVerdict]:
    """Validate every table of a group of batches (each: table -> rows), one GX call per table
    and layer of duplicates (almost always one), then the computed checks batch by batch. The
    group's results (JSON, GX's and the computed checks'), its warnings and its metric counts
    ride on the first batch's record, as `results`, `warnings` and `metrics`."""
    layers = _layers(batches)
    n_layers = 1 + max((max(ly.values(), default=0) for ly in layers), default=0)
    verdicts = [BatchVerdict(record={t: {"success": True, "rows": tables[t].num_rows, "failed_rows": 0, "table_failures": []}
                                     for t in TABLES}) for tables in batches]
    results: dict[str, list[dict]] = {}
    found: list[findings.Found] = []
    counts: dict[str, dict[str, list[int]]] = {}
    for table in TABLES:
        for layer in range(n_layers):
            pieces = _pieces(batches, table, layers, layer, n_layers)
            if not pieces:
                continue
            for v, frame, data in _judge(table, pieces):
                results.setdefault(table, []).append(v.result)
                _blame(v, frame, verdicts)
                if layer == 0:  # a later layer holds exact copies of articles already counted: no statistics of its own
                    found += _found(v, frame, data, layers)
                    for metric, (hits, total) in v.counts.items():
                        _add(counts, table, metric, hits, total)
    _computed(batches, verdicts, results, found, counts)
    for verdict in verdicts:
        for table, rec in verdict.record.items():
            rec["failed_rows"] = len(verdict.failed.get(table, {}))
            rec["success"] = not rec["failed_rows"] and not rec["table_failures"]
    if verdicts:
        first = verdicts[0].record
        for table, rs in results.items():
            first[table]["results"] = rs
        for w in findings.warnings(found):
            first[w["table"]].setdefault("warnings", []).append(w)
        for table, c in counts.items():
            first[table]["metrics"] = c
    return verdicts


def _add(counts: dict[str, dict[str, list[int]]], table: str, metric: str, hits: int, total: int) -> None:
    add_counts(counts.setdefault(table, {}), metric, hits, total)


def _layers(batches: list[dict[str, pa.Table]]) -> list[dict[str, int]]:
    """Per batch: article id -> how many earlier batches of the group hold the same article."""
    seen: dict[str, int] = {}
    out = []
    for tables in batches:
        layer = {}
        for aid in tables["articles"].column("article_id").to_pylist():
            layer[aid] = seen.get(aid, 0)
            seen[aid] = layer[aid] + 1
        out.append(layer)
    return out


def _pieces(batches: list[dict[str, pa.Table]], table: str, layers: list[dict[str, int]], layer: int,
            n_layers: int) -> list[Piece]:
    """Each batch's rows of `table` in this layer (all of them when there is one layer)."""
    pieces: list[Piece] = []
    for b, tables in enumerate(batches):
        t = tables[table]
        if n_layers == 1:
            pieces.append((t, (b, None)))
            continue
        pos = [i for i, a in enumerate(t.column("article_id").to_pylist()) if layers[b].get(a, 0) == layer]
        if pos:
            pieces.append((t.take(pa.array(pos, type=pa.int64())), (b, pos)))
    return pieces


def _judge(table: str, pieces: list[Piece]) -> list[tuple[gx.TableValidation, list[Piece], pa.Table]]:
    """Validate the pieces in one frame; if a critical expectation naming no rows fails it,
    judge each batch's piece on its own, so that a verdict never depends on the group."""
    data = pa.concat_tables([p for p, _ in pieces])
    v = gx.validate_table(table, data)
    if v.table_failures and len(pieces) > 1:
        return [(gx.validate_table(table, p), [(p, own)], p) for p, own in pieces]
    return [(v, pieces, data)]


def _blame(v: gx.TableValidation, frame: list[Piece], verdicts: list[BatchVerdict]) -> None:
    """Hand each failing row of a frame to its batch, at its position there."""
    bad = dict(v.failed_rows)
    if v.table_failures and not bad:  # no row to blame: the whole frame fails
        bad = {i: list(v.table_failures) for i in range(v.rows)}
    starts = list(itertools.accumulate((p.num_rows for p, _ in frame[:-1]), initial=0))
    for i, why in bad.items():
        k = bisect.bisect_right(starts, i) - 1
        b, pos = frame[k][1]
        verdicts[b].failed.setdefault(v.table, {})[i - starts[k] if pos is None else pos[i - starts[k]]] = why
    for _, (b, _pos) in frame:
        rec = verdicts[b].record[v.table]
        rec["table_failures"] = sorted(set(rec["table_failures"]) | set(v.table_failures))


def _found(v: gx.TableValidation, frame: list[Piece], data: pa.Table, layers: list[dict[str, int]]) -> list[findings.Found]:
    """A frame's (of the first layer) warning/info findings, with the articles of its batches in that layer."""
    articles = sum(sum(1 for n in layers[b].values() if n == 0) for b in {b for _, (b, _pos) in frame})
    return [findings.Found(f, data, articles, v.counts.get(f.config.get("meta", {}).get("metric", ""))) for f in v.findings]


def _computed(batches: list[dict[str, pa.Table]], verdicts: list[BatchVerdict], results: dict[str, list[dict]],
              found: list[findings.Found], counts: dict[str, dict[str, list[int]]]) -> None:
    """The checks GX cannot make in one table's call: critical ones batch by batch (failing
    rows join the batch's failures), mentions per 1,000 words over the group."""
    declared = {t: suites.stored_suite(t).get("meta", {}).get("computed", []) for t in TABLES}
    outcomes: list[checks.Outcome] = []
    for tables, verdict in zip(batches, verdicts):
        outcomes += checks.check_batch(tables, verdict.failed, declared)
    rate = next((c for c in declared["mentions"] if c["type"] == COMPUTED_RATE), None)
    extra: dict[str, list[dict]] = {}
    if rate and batches:
        hits = sum(b["mentions"].num_rows for b in batches)
        words = sum(pc.sum(b["articles"].column("n_words")).as_py() or 0 for b in batches)
        metric = METRICS[rate["meta"]["metric"]]
        _add(counts, "mentions", metric.name, hits, words)
        observed, ok = _judge_rate(rate, hits, words)
        extra["mentions"] = [checks.expectation_result(rate, words, 0, [], success=ok, observed=observed)]
        if not ok:
            name = gx.expectation_name(rate["type"], rate["kwargs"])
            finding = gx.Finding("mentions", name, rate["severity"], rate, words, 0)
            found.append(findings.Found(finding, None, sum(b["articles"].num_rows for b in batches), (hits, words)))
    for table in TABLES:
        mine = [o for o in outcomes if o.table == table]
        if mine or extra.get(table):
            r = checks.result_json(table, mine, extra.get(table, []))
            results.setdefault(table, []).append(r)


def _judge_rate(cfg: dict, hits: int, total: int) -> tuple[float | None, bool]:
    v = value(METRICS[cfg["meta"]["metric"]], hits, total)
    lo, hi = cfg["kwargs"].get("min_value"), cfg["kwargs"].get("max_value")
    return v, v is None or ((lo is None or v >= lo) and (hi is None or v <= hi))
