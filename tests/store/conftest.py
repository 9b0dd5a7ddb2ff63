"""A batch as the extract stage hands it over, built from invented rows."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
import pytest

from tasks import PIPELINE_VERSION
from tasks.extract.batch import BatchSpec, ExtractedBatch
from tasks.schemas import ARTICLES, PARAGRAPHS, TABLES, row

INGESTED = datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc)


def article_tables(articles: list[tuple[str, str, str, datetime | None]]) -> dict[str, pa.Table]:
    """(article id, source, text, published_at) -> the tables of a batch: articles and one
    headline paragraph each, the other tables empty."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for aid, source, text, published in articles:
        rows["articles"].append(row(ARTICLES, article_id=aid, source=source, sources=[source], title=text, standfirst=None, text=text,
                                    n_paragraphs=1, n_sentences=1, n_words=len(text.split()), content_sha256=f"sha-{aid}",
                                    encoding="utf-8", url=None, published_at=published, ingested_at=INGESTED,
                                    pipeline_version=PIPELINE_VERSION))
        rows["paragraphs"].append(row(PARAGRAPHS, article_id=aid, paragraph_idx=0, kind="headline", section=None, char_start=0,
                                      char_end=len(text), text=text))
    return {t: pa.Table.from_pylist(rs, schema=TABLES[t]) for t, rs in rows.items()}


@pytest.fixture()
def extracted():
    """extracted(batch, [(aid, source, text, published_at)], rejections=[]) -> (BatchSpec, ExtractedBatch)."""

    def make(batch: int, articles: list[tuple], rejections: list | None = None, run_id: str = "R1"):
        inputs: dict[str, dict] = {}
        for aid, source, _text, _published in articles:
            inputs.setdefault(source, {"sha": f"file-{source}", "article_ids": []})["article_ids"].append(aid)
        spec = BatchSpec(batch=batch, files=[(s, s, info["sha"]) for s, info in inputs.items()], run_id=run_id, model="-",
                         ingested_at=INGESTED)
        return spec, ExtractedBatch(tables=article_tables(articles), rejections=rejections or [], inputs=inputs,
                                    seconds={"spacy": 1.0})

    return make
