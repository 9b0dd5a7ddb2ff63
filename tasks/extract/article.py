"""Extract: from a cleaned article and its spaCy Doc to the rows of every table.

`process_batch` is the whole per-batch pipeline (clean, parse, extract) as plain Python;
`tasks.extract.batch` reads a batch's inputs for it and turns its rows into Arrow tables.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime

from spacy.tokens import Doc

from tasks import PIPELINE_VERSION
from tasks.structure import clean
from tasks.extract.entities import index as entities
from tasks.extract.facts import facts
from tasks.extract.quotes.extract import extract as extract_quotes
from tasks.model import Article, RawDocument, Rejection
from tasks.nlp import parse as nlp
from tasks.schemas import ARTICLES, PARAGRAPHS, SENTENCES, TABLES, row

log = logging.getLogger(__name__)

MAX_CHARS = 1_000_000


@dataclass
class BatchResult:
    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})
    rejections: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def add_time(self, stage: str, secs: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + secs


def article_rows(art: Article, doc: Doc, ingested_at: datetime | None) -> dict[str, list[dict]]:
    """Rows of all seven tables for one parsed article (`ingested_at`: when they are written)."""
    ents = entities.extract(art, doc)
    ent_rows, mention_rows = ents.rows(art)
    quote_rows = extract_quotes(art, doc, ents)
    fact_rows = facts.extract(art, doc, ents, quote_rows)
    return {
        "articles": [article_row(art, doc, ingested_at)],
        "paragraphs": [row(PARAGRAPHS, article_id=art.article_id, paragraph_idx=p.idx, kind=p.kind, section=p.section,
                           char_start=p.start, char_end=p.end, text=p.text) for p in art.paragraphs],
        "sentences": [row(SENTENCES, article_id=art.article_id, sentence_idx=s.idx, paragraph_idx=s.paragraph_idx,
                          char_start=s.start, char_end=s.end, text=s.text) for s in art.sentences],
        "entities": ent_rows,
        "mentions": mention_rows,
        "quotes": quote_rows,
        "numeric_facts": fact_rows,
    }


def article_row(art: Article, doc: Doc, ingested_at: datetime | None) -> dict:
    """The article's own row: its text, counts, identity and provenance."""
    return row(ARTICLES, article_id=art.article_id, source=art.source, sources=list(art.sources or [art.source]),
               title=art.title, standfirst=art.standfirst, text=art.text, n_paragraphs=len(art.paragraphs),
               n_sentences=len(art.sentences), n_words=sum(1 for t in doc if not (t.is_punct or t.is_space)),
               content_sha256=art.content_sha256, encoding=art.encoding, url=art.url, published_at=art.published_at,
               ingested_at=ingested_at, pipeline_version=PIPELINE_VERSION)


def clean_all(docs: list[RawDocument], result: BatchResult, max_chars: int = MAX_CHARS) -> list[Article]:
    """Clean each document; bad ones become rejections. Exact duplicates (same cleaned text)
    become one article whose `sources` lists every path."""
    arts: dict[str, Article] = {}
    for d in docs:
        try:
            art = clean.clean(d)
        except ValueError as e:
            result.rejections.append(Rejection(d.source, str(e), d.content_sha256))
            continue
        if len(art.text) > max_chars:
            result.rejections.append(Rejection(d.source, f"article too long ({len(art.text)} characters > limit {max_chars})", d.content_sha256))
            continue
        if art.article_id in arts:
            arts[art.article_id].sources.append(d.source)
            continue
        art.sources = [d.source]
        arts[art.article_id] = art
    return list(arts.values())


def process_batch(docs: list[RawDocument], model: str, n_process: int = 1, *, ingested_at: datetime | None = None,
                  max_chars: int = MAX_CHARS) -> BatchResult:
    """Clean, parse and extract one batch of documents into table rows (`ingested_at`: when
    the rows are written, None for a caller that only reads them)."""
    result = BatchResult()
    t0 = time.perf_counter()
    arts = clean_all(docs, result, max_chars)
    result.add_time("clean", time.perf_counter() - t0)
    t_nlp = t_ext = 0.0
    t = time.perf_counter()
    for art, doc in nlp.parse(arts, model=model, n_process=n_process):
        t1 = time.perf_counter()
        t_nlp += t1 - t
        try:
            rows = article_rows(art, doc, ingested_at)
        except Exception as e:  # an extractor bug must not take the batch down: refuse this article, loudly
            log.exception("extraction failed for %s", art.source)
            result.rejections.append(Rejection(art.source, f"extraction failed: {e.__class__.__name__}: {e}", art.content_sha256))
            t = time.perf_counter()
            t_ext += t - t1
            continue
        for table, rs in rows.items():
            result.rows[table].extend(rs)
        t = time.perf_counter()
        t_ext += t - t1
    result.add_time("spacy", t_nlp)
    result.add_time("extract", t_ext)
    return result
