"""Validating a group of batches at once: one GX call per table and group, per-batch verdicts.

GX costs ~0.1 s a call whatever the rows, so the flow validates several batches together.
A row's verdict never depends on which batches share its call:
  * an exact duplicate of an article in a later batch of the group is validated in a frame of
    its own (a "layer"), so its keys are not taken for duplicated keys (it is dropped at commit);
  * an expectation that names no rows (the column list, a row count) fails a whole frame: then
    each batch's piece is judged again on its own, and only the pieces that fail alone fail.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

import pyarrow as pa

from tasks.schemas import TABLES
from tasks.validate import gx

# a batch's rows in a frame: (the rows, (batch, their positions in that batch, or None for all))
Piece = tuple[pa.Table, tuple[int, list[int] | None]]


@dataclass
class BatchVerdict:
    """What validation said of one batch."""

    failed: dict[str, dict[int, list[str]]] = field(default_factory=dict)  # table -> row position -> failing expectations
    record: dict[str, dict] = field(default_factory=dict)  # table -> {success, rows, failed_rows, table_failures[, results]}


def validate_group(batches: list[dict[str, pa.Table]]) -> list[BatchVerdict]:
    """Validate every table of a group of batches (each: table -> rows), one GX call per table
    and layer of duplicates (almost always one). The group's GX results (JSON) ride on the
    first batch's record, as `results`."""
    layers = _layers(batches)
    n_layers = 1 + max((max(ly.values(), default=0) for ly in layers), default=0)
    verdicts = [BatchVerdict(record={t: {"success": True, "rows": tables[t].num_rows, "failed_rows": 0, "table_failures": []}
                                     for t in TABLES}) for tables in batches]
    results: dict[str, list[dict]] = {}
    for table in TABLES:
        for layer in range(n_layers):
            pieces = _pieces(batches, table, layers, layer, n_layers)
            if not pieces:
                continue
            for v, frame in _judge(table, pieces):
                results.setdefault(table, []).append(v.result)
                _blame(v, frame, verdicts)
    for verdict in verdicts:
        for table, rec in verdict.record.items():
            rec["failed_rows"] = len(verdict.failed.get(table, {}))
            rec["success"] = not rec["failed_rows"] and not rec["table_failures"]
    if verdicts:
        for table, rs in results.items():
            verdicts[0].record[table]["results"] = rs
    return verdicts


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


def _judge(table: str, pieces: list[Piece]) -> list[tuple[gx.TableValidation, list[Piece]]]:
    """Validate the pieces in one frame; if an expectation naming no rows fails it, judge each
    batch's piece on its own, so that a verdict never depends on the group."""
    v = gx.validate_table(table, pa.concat_tables([p for p, _ in pieces]))
    if v.table_failures and len(pieces) > 1:
        return [(gx.validate_table(table, p), [(p, own)]) for p, own in pieces]
    return [(v, pieces)]


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
