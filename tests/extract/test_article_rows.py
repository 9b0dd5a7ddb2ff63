"""One article's rows, and a batch of documents cleaned, parsed and extracted."""
from __future__ import annotations

from datetime import datetime, timezone

from tasks.extract.article import article_rows, process_batch
from tasks.model import RawDocument, Rejection

WHEN = datetime(2026, 4, 1, tzinfo=timezone.utc)
TEXT = "Council votes\nThe council voted on Monday to close the pool.\n"
AID = "7f21604b5d870594"


def test_an_article_row_carries_its_text_counts_and_provenance(parse):
    art, doc = parse(TEXT, source="a.txt")
    art.sources = ["a.txt", "b.txt"]
    rows = article_rows(art, doc, WHEN)
    assert rows["articles"] == [{
        "article_id": AID, "source": "a.txt", "sources": ["a.txt", "b.txt"], "title": "Council votes", "standfirst": None,
        "text": "Council votes\nThe council voted on Monday to close the pool.", "n_paragraphs": 2, "n_sentences": 2, "n_words": 11,
        "content_sha256": "0" * 64, "encoding": "utf-8", "url": None, "published_at": None, "ingested_at": WHEN,
        "pipeline_version": "0.2.0"}]
    assert rows["paragraphs"] == [
        {"article_id": AID, "paragraph_idx": 0, "kind": "headline", "section": None, "char_start": 0, "char_end": 13, "text": "Council votes"},
        {"article_id": AID, "paragraph_idx": 1, "kind": "body", "section": None, "char_start": 14, "char_end": 60,
         "text": "The council voted on Monday to close the pool."}]
    assert rows["sentences"] == [
        {"article_id": AID, "sentence_idx": 0, "paragraph_idx": 0, "char_start": 0, "char_end": 13, "text": "Council votes"},
        {"article_id": AID, "sentence_idx": 1, "paragraph_idx": 1, "char_start": 14, "char_end": 60,
         "text": "The council voted on Monday to close the pool."}]
    assert list(rows) == ["articles", "paragraphs", "sentences", "entities", "mentions", "quotes", "numeric_facts"]


def test_a_batch_merges_exact_duplicates_and_refuses_an_article_over_the_limit(nlp):
    docs = [RawDocument("a.txt", TEXT, "utf-8", "1" * 64), RawDocument("b.txt", TEXT, "utf-8", "1" * 64),
            RawDocument("c.txt", "Long read\n" + "Word " * 30 + "\n", "utf-8", "2" * 64)]
    r = process_batch(docs, "en_core_web_sm", ingested_at=WHEN, max_chars=100)
    assert r.rejections == [Rejection("c.txt", "article too long (159 characters > limit 100)", "2" * 64)]
    assert [(a["article_id"], a["sources"], a["ingested_at"]) for a in r.rows["articles"]] == [(AID, ["a.txt", "b.txt"], WHEN)]
    assert len(r.rows["paragraphs"]) == 2 and len(r.rows["sentences"]) == 2
    assert list(r.seconds) == ["clean", "spacy", "extract"]


def test_an_extractor_failure_refuses_only_its_article(nlp, monkeypatch):
    from tasks.extract import article

    real = article.article_rows

    def failing(art, doc, ingested_at):
        if art.source == "b.txt":
            raise ValueError("invented failure")
        return real(art, doc, ingested_at)

    monkeypatch.setattr(article, "article_rows", failing)
    docs = [RawDocument("a.txt", TEXT, "utf-8", "1" * 64), RawDocument("b.txt", "Pool closes\nThe pool closed.\n", "utf-8", "3" * 64)]
    r = process_batch(docs, "en_core_web_sm", ingested_at=WHEN)
    assert r.rejections == [Rejection("b.txt", "extraction failed: ValueError: invented failure", "3" * 64)]
    assert [a["source"] for a in r.rows["articles"]] == ["a.txt"]
