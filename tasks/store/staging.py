"""Staging: a batch's parts written outside the tables, under `_newsfacts/staging/<run>/`,
until the commit makes the whole run's parts visible at once (`tasks.store.commit`).

A batch stages one part per table and month of its kept rows, one part per table of its
quarantined rows, and one part of its refusals. Staging left by a killed run with no journal
is discarded by the next run (its inputs are simply processed again).
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from tasks import PIPELINE_VERSION
from tasks.extract.batch import BatchSpec, ExtractedBatch
from tasks.model import Rejection
from tasks.schemas import REJECTIONS, TABLES, row
from tasks.store.io import write_parquet
from tasks.store.layout import OutputLayout, month_of, quarantine_part, table_part
from tasks.validate.quarantine import Quarantine

EXTRA = "_extra"  # StagedBatch.parts key of the parts outside the seven tables (quarantine, rejections)
PLAN_BATCH = -1  # the batch number of the refusals made while planning


@dataclass
class StagedBatch:
    """What a batch left in staging: its parts and the articles they hold."""

    batch: int
    parts: dict[str, list[str]]  # table -> relative paths under the staging dir (EXTRA: quarantine, rejections)
    articles: dict[str, dict]  # article_id -> {source, sources, month, content_sha256}
    inputs: dict[str, dict]  # input path -> {sha, article_ids}
    rejections: list[dict]
    quarantined: dict[str, int]
    validation: dict[str, dict]
    rows: dict[str, int]
    seconds: dict[str, float]


def stage_batch(layout: OutputLayout, spec: BatchSpec, ex: ExtractedBatch, q: Quarantine, validation: dict[str, dict],
                seconds: dict[str, float]) -> StagedBatch:
    """Write a validated batch's parts: its kept rows, its quarantined rows and its refusals."""
    t0 = time.perf_counter()
    tables = q.kept
    arts = {a["article_id"]: {"source": a["source"], "sources": a["sources"], "content_sha256": a["content_sha256"],
                              "month": month_of(a["published_at"] or spec.ingested_at)}
            for a in tables["articles"].select(["article_id", "source", "sources", "content_sha256", "published_at"]).to_pylist()}
    extra = [stage_quarantine(layout, spec.run_id, spec.batch, table, rows) for table, rows in q.rows.items()]
    parts = stage_tables(layout, spec.run_id, spec.batch, tables, {aid: a["month"] for aid, a in arts.items()},
                         month_of(spec.ingested_at))
    if ex.rejections:
        extra.append(stage_rejections(layout, spec.run_id, spec.batch, ex.rejections, spec.ingested_at))
    parts[EXTRA] = extra
    kept = q.kept_articles
    inputs = {src: {**info, "article_ids": [a for a in info["article_ids"] if a in kept]} for src, info in ex.inputs.items()}
    return StagedBatch(batch=spec.batch, parts=parts, articles=arts, inputs=inputs,
                       rejections=[{"source": r.source, "reason": r.reason} for r in ex.rejections],
                       quarantined={t: len(rows) for t, rows in q.rows.items()}, validation=validation,
                       rows={t: tables[t].num_rows for t in TABLES},
                       seconds={**seconds, "write": time.perf_counter() - t0})


def stage_tables(layout: OutputLayout, run_id: str, batch: int, tables: dict[str, pa.Table], month: dict[str, str],
                 default_month: str) -> dict[str, list[str]]:
    """Write one batch's tables as parts under staging, one file per table and month
    (`month`: article id -> month of publication, or of ingestion when unknown)."""
    parts: dict[str, list[str]] = {}
    stage = layout.staging(run_id)
    for table in TABLES:
        t = tables[table]
        months = [month.get(a, default_month) for a in t.column("article_id").to_pylist()]
        distinct = sorted(set(months))
        for m in distinct:
            part = t if len(distinct) == 1 else t.filter(pa.array([x == m for x in months]))
            rel = table_part(table, m, run_id, batch)
            write_parquet(part, stage / rel)
            parts.setdefault(table, []).append(rel)
    return parts


def stage_quarantine(layout: OutputLayout, run_id: str, batch: int, table: str, rows: list[dict]) -> str:
    """Quarantined rows keep every value (as text) and the failing expectations; columns:
    table, failed_expectations, then the table's columns in name order."""
    rel = quarantine_part(table, run_id, batch)
    cols = sorted({k for r in rows for k in r}, key=lambda k: (k not in ("table", "failed_expectations"), k))
    write_parquet(pa.table({c: pa.array([r.get(c) for r in rows], type=pa.string()) for c in cols}), layout.staging(run_id) / rel)
    return rel


def stage_rejections(layout: OutputLayout, run_id: str, batch: int | str, rejections: list[Rejection], when: datetime) -> str:
    """The refused inputs of a batch (or of the plan: batch "plan") as a part of `rejections`."""
    rel = table_part("rejections", month_of(when), run_id, batch)
    rows = [row(REJECTIONS, source=r.source, reason=r.reason, content_sha256=r.content_sha256, rejected_at=when,
                pipeline_version=PIPELINE_VERSION) for r in rejections]
    write_parquet(pa.Table.from_pylist(rows, schema=REJECTIONS), layout.staging(run_id) / rel)
    return rel


def stage_plan_refusals(layout: OutputLayout, run_id: str, rejections: list[Rejection], when: datetime) -> StagedBatch:
    """The refusals made while planning (paths that could not be inputs), staged as a batch of their own."""
    rel = stage_rejections(layout, run_id, "plan", rejections, when)
    return StagedBatch(batch=PLAN_BATCH, parts={EXTRA: [rel]}, articles={}, inputs={},
                       rejections=[{"source": r.source, "reason": r.reason} for r in rejections], quarantined={},
                       validation={}, rows={}, seconds={})


def discard_stale(layout: OutputLayout) -> None:
    """Staging left by a killed run whose commit never started: its inputs are processed again."""
    if layout.staging_root.exists():
        for d in layout.staging_root.iterdir():
            shutil.rmtree(d, ignore_errors=True)


def discard_run(layout: OutputLayout, run_id: str) -> bool:
    """Remove the staging of a run that failed before its commit (whose journal, if written,
    was rolled back): on a full disk this gives the space back at once. Returns False when
    it could not be removed (a read-only folder: the next run removes it)."""
    if layout.journal.exists():  # a commit of this run still to finish: its staging holds the files
        return False
    shutil.rmtree(layout.staging(run_id), ignore_errors=True)
    return not layout.staging(run_id).exists()
