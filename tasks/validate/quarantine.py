"""Which rows are quarantined, and why: the one place that decides it.

A row that fails a critical expectation (GX's, or a computed check's: tasks.validate.checks)
leaves its table with the failing expectations as its reason; warnings and info quarantine
nothing. An article whose own row fails takes all its rows with it ("article row quarantined"),
so no table holds rows of an article that `articles` does not (a row that points at another
quarantined row fails its reference check, so none points at a row that is not there). Quarantined rows keep every value, as
text: a quarantined row is any table's row, so it has no schema of its own.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from tasks.schemas import TABLES

log = logging.getLogger(__name__)

ARTICLE_QUARANTINED = "article row quarantined"  # the reason of a row whose article failed


@dataclass
class Quarantine:
    """A batch's tables split by its verdict."""

    kept: dict[str, pa.Table]  # table -> the rows that go into the tables
    rows: dict[str, list[dict]]  # table -> quarantined rows (see quarantine_row)

    @property
    def kept_articles(self) -> set[str]:
        return set(self.kept["articles"].column("article_id").to_pylist())


def quarantine(tables: dict[str, pa.Table], failed: dict[str, dict[int, list[str]]]) -> Quarantine:
    """Split a batch's tables: `failed` is table -> row position -> failing expectations."""
    kept, rows = dict(tables), {}
    for table, bad in failed.items():
        t = kept[table]
        positions = sorted(bad)
        failing = t.take(pa.array(positions, type=pa.int64())).to_pylist()
        rows[table] = [quarantine_row(table, r, "; ".join(bad[i])) for i, r in zip(positions, failing)]
        kept[table] = t.filter(pa.array([i not in bad for i in range(t.num_rows)]))
        log.warning("%d %s rows failed validation and were quarantined", len(bad), table)
    if "articles" in failed:
        _take_orphans(kept, rows)
    return Quarantine(kept, rows)


def _take_orphans(kept: dict[str, pa.Table], rows: dict[str, list[dict]]) -> None:
    """Rows whose article row was quarantined follow it."""
    articles = kept["articles"].column("article_id")
    for table in TABLES:
        if table == "articles":
            continue
        t = kept[table]
        orphan = pc.invert(pc.is_in(t.column("article_id"), value_set=articles))
        if pc.any(orphan).as_py():
            rows.setdefault(table, []).extend(quarantine_row(table, r, ARTICLE_QUARANTINED) for r in t.filter(orphan).to_pylist())
            kept[table] = t.filter(pc.invert(orphan))


def quarantine_row(table: str, row: dict, why: str) -> dict:
    """A quarantined row: its table, the failing expectations, and every value as text."""
    return {"table": table, "failed_expectations": why, **{k: None if v is None else str(v) for k, v in row.items()}}
