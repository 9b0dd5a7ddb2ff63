"""Staging: a validated batch's parts, written outside the tables."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow.parquet as pq

from tasks.model import Rejection
from tasks.store import staging
from tasks.store.layout import OutputLayout
from tasks.validate.quarantine import quarantine

JAN = datetime(2026, 1, 20, tzinfo=timezone.utc)


def test_a_batch_stages_a_part_per_table_and_month_plus_quarantine_and_refusals(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    spec, ex = extracted(2, [("a1", "a.txt", "Mayor opens bridge", JAN), ("b1", "b.txt", "Ferry fares rise", None),
                             ("c1", "c.txt", "Library closes early", None)],
                         rejections=[Rejection("d.txt", "empty file", "sha-d")])
    verdict = {"articles": {2: ["expect_column_values_to_be_between(column=n_paragraphs)"]}}
    b = staging.stage_batch(layout, spec, ex, quarantine(ex.tables, verdict), {"articles": {"success": False}},
                            {"spacy": 1.0, "validate": 0.5})
    assert b.parts == {
        "articles": ["articles/month=2026-01/part-R1-00002.parquet", "articles/month=2026-03/part-R1-00002.parquet"],
        "paragraphs": ["paragraphs/month=2026-01/part-R1-00002.parquet", "paragraphs/month=2026-03/part-R1-00002.parquet"],
        "_extra": ["quarantine/articles/part-R1-00002.parquet", "quarantine/paragraphs/part-R1-00002.parquet",
                   "rejections/month=2026-03/part-R1-00002.parquet"],
    }
    assert b.articles == {"a1": {"source": "a.txt", "sources": ["a.txt"], "content_sha256": "sha-a1", "month": "2026-01"},
                          "b1": {"source": "b.txt", "sources": ["b.txt"], "content_sha256": "sha-b1", "month": "2026-03"}}
    assert b.inputs == {"a.txt": {"sha": "file-a.txt", "article_ids": ["a1"]}, "b.txt": {"sha": "file-b.txt", "article_ids": ["b1"]},
                        "c.txt": {"sha": "file-c.txt", "article_ids": []}}
    assert b.rejections == [{"source": "d.txt", "reason": "empty file"}]
    assert b.quarantined == {"articles": 1, "paragraphs": 1}
    assert b.rows == {"articles": 2, "paragraphs": 2, "sentences": 0, "entities": 0, "mentions": 0, "quotes": 0, "numeric_facts": 0}
    assert list(b.seconds) == ["spacy", "validate", "write"]
    stage = layout.staging("R1")
    q = pq.read_table(stage / "quarantine/paragraphs/part-R1-00002.parquet")
    assert q.column_names == ["failed_expectations", "table", "article_id", "char_end", "char_start", "kind", "paragraph_idx",
                              "section", "text"]
    assert q.to_pylist() == [{"failed_expectations": "article row quarantined", "table": "paragraphs", "article_id": "c1",
                              "char_end": "20", "char_start": "0", "kind": "headline", "paragraph_idx": "0", "section": None,
                              "text": "Library closes early"}]
    rej = pq.read_table(stage / "rejections/month=2026-03/part-R1-00002.parquet").to_pylist()
    assert rej == [{"source": "d.txt", "reason": "empty file", "content_sha256": "sha-d", "rejected_at": spec.ingested_at,
                    "pipeline_version": "0.2.0"}]


def test_plan_refusals_are_a_batch_of_their_own_and_stale_staging_is_discarded(tmp_path):
    layout = OutputLayout(tmp_path)
    b = staging.stage_plan_refusals(layout, "R1", [Rejection("loop.txt", "symlink loop")], JAN)
    assert (b.batch, b.parts, b.rejections) == (-1, {"_extra": ["rejections/month=2026-01/part-R1-plan.parquet"]},
                                                [{"source": "loop.txt", "reason": "symlink loop"}])
    assert (layout.staging("R1") / "rejections/month=2026-01/part-R1-plan.parquet").exists()
    staging.discard_stale(layout)
    assert list(layout.staging_root.iterdir()) == []
