"""Time the quote and entity extractors on invented articles of growing length, to show their
work stays linear in the article's size (the tests check what they extract, not how fast).

    .venv/bin/python benchmarks/long_articles.py [--sizes 100 200 400 800]

For each size n: an article of n paragraphs of ten attributed quotations (quote extraction on a
tokenised-only Doc, so the parser is not timed) and one of n paragraphs of names, an
organisation and a place (entity extraction and lookups on a parsed Doc). Prints one JSON line
per size with the seconds and the seconds per paragraph; flat seconds per paragraph = linear.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tasks.extract.entities import index as entities  # noqa: E402
from tasks.extract.quotes.extract import extract as extract_quotes  # noqa: E402
from tasks.model import RawDocument  # noqa: E402
from tasks.nlp.model import load_model  # noqa: E402
from tasks.nlp.sentences import sentences_of  # noqa: E402
from tasks.structure.clean import clean  # noqa: E402


def _article(paras: list[str]):
    return clean(RawDocument(source="long.txt", text="Plan\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8",
                             content_sha256="0" * 64))


def quotes_article(nlp, n: int):
    """(Article, Doc) of n paragraphs of ten attributed quotations, only tokenised (with the
    paragraph sentence starts) so that the quote extractor, not the parser, is what is timed.
    Also the test of a huge article (tests/extract/quotes/test_quote_extract.py)."""
    # (five quoted words: on an untagged doc no cue is found, and shorter unattributed
    # sentences in marks are dropped as slogans)
    paras = [" ".join(f"\"Point {i}.{j} stands as written,\" Jane Smith said." for j in range(10)) for i in range(n)]
    art = _article(paras)
    doc = nlp.get_pipe("newsfacts_paragraphs")(nlp.make_doc(art.text))
    for tok in doc[1:]:
        if tok.is_sent_start is None:
            tok.is_sent_start = False
    art.sentences = sentences_of(doc, art)
    return art, doc


def quotes_seconds(nlp, n: int) -> tuple[float, int]:
    art, doc = quotes_article(nlp, n)
    ents = entities.extract(art, doc)
    t = time.perf_counter()
    rows = extract_quotes(art, doc, ents)
    return time.perf_counter() - t, len(rows)


def entities_seconds(nlp, n: int) -> tuple[float, int]:
    paras = [f'"We will do it," John Smith{i % 50} of Acme{i % 20} Corp told Reuters in London. Smith{i % 50} said the UK agreed.'
             for i in range(n)]
    art = _article(paras)
    doc = nlp(art.text)
    art.sentences = sentences_of(doc, art)
    t = time.perf_counter()
    idx = entities.extract(art, doc)
    idx.rows(art)
    for k in range(0, len(art.text), 40):
        idx.at(k, k + 5)
    return time.perf_counter() - t, len(idx.entities)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 800])
    a = ap.parse_args()
    nlp = load_model()
    for n in a.sizes:
        qs, quotes = quotes_seconds(nlp, n)
        es, ents = entities_seconds(nlp, n)
        print(json.dumps({"paragraphs": n, "quotes": quotes, "quote_seconds": round(qs, 3),
                          "quote_ms_per_paragraph": round(1000 * qs / n, 2), "entities": ents,
                          "entity_seconds": round(es, 3), "entity_ms_per_paragraph": round(1000 * es / n, 2)}), flush=True)


if __name__ == "__main__":
    main()
