"""Numbers benchmark in-process: a NewsQuant-format file scored with the shared NewsQuant scorer.

    .venv/bin/python benchmarks/numbers_newsquant.py ../shared/corpus/newsquant/dev.json [--errors]
    .venv/bin/python benchmarks/numbers_newsquant.py benchmarks/data/bbc_quantities_own.jsonl \
        --articles ../shared/corpus/bbc --bench ../shared/bench

Each sentence becomes an article as `newsbench numbers` writes it (a headline line, then the
sentence), goes through clean -> spaCy -> entities -> facts in this process, and the
facts are scored by `newsquant.score` (the scorer beside the corpus: CORPUS/../../bench, or
--bench). The corpus may instead be our own annotations (benchmarks/data/bbc_quantities_own.jsonl:
200 BBC sentences drawn at random by kind, 55 with money, 55 with measures, 20 with "degrees" or
"Fahrenheit", 25 with ages and 45 others, annotated in NewsQuant's format by helpers who never saw
this project's output; offsets into the article, no corpus text), read with --articles; and
benchmarks/data/polnear_quantities_own.jsonl, 120 sentences of US political news drawn the same
way from ../shared/corpus/polnear (--articles ../shared/corpus/polnear). The sentences are split once by a fixed hash of their text into a tuning part (3/4)
and a held-apart part (1/4); the whole file and both parts are scored. --errors prints every
sentence whose facts differ from the gold.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SKIPPED_KINDS = ("year", "date", "ordinal", "time")  # newsbench does not score them


def held_apart(text: str) -> bool:
    """The fixed split: a quarter of the sentences, by the MD5 of their text."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 4 == 0


def predict(items: list[dict], headline: str) -> list[list[dict]]:
    """The facts of each sentence as the scorer takes them (value or (low, high), unit, relation, direction)."""
    from tasks.extract.entities import index as entities
    from tasks.extract.facts import facts
    from tasks.model import RawDocument
    from tasks.nlp import parse as nlp
    from tasks.structure import clean

    arts = [clean.clean(RawDocument(source=f"nq{i:04d}", text=f"{headline}\n{it['text']}\n", encoding="utf-8",
                                    content_sha256="-")) for i, it in enumerate(items)]
    body_start = len(headline) + 1
    by_source: dict[str, list[dict]] = {}
    for art, doc in nlp.parse(arts):
        rows = facts.extract(art, doc, entities.extract(art, doc), [])  # quotations play no part in the scores
        by_source[art.source] = [_tag(r) for r in rows if r["char_start"] >= body_start and r["kind"] not in SKIPPED_KINDS]
    return [by_source.get(f"nq{i:04d}", []) for i in range(len(items))]


def _tag(r: dict) -> dict:
    lo, hi = r["value_low"], r["value_high"]
    value = (lo, hi) if lo is not None and hi is not None and lo != hi else r["value"]
    return {"value": value, "unit": r["unit"], "relation": r["relation"], "direction": r["direction"],
            "text": r["text"], "kind": r["kind"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--bench", help="folder of newsquant.py (default: CORPUS/../../bench)")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--part", choices=["all", "tune", "held"], default="all", help="which sentences --errors prints")
    ap.add_argument("--articles", help="the articles folder an offsets .jsonl points into (../shared/corpus/bbc)")
    a = ap.parse_args()
    corpus = Path(a.corpus).resolve()
    sys.path.insert(0, str(Path(a.bench).resolve() if a.bench else corpus.parent.parent.parent / "bench"))
    import newsquant

    items = _from_offsets(corpus, Path(a.articles)) if a.articles else newsquant.load(corpus)
    t = time.perf_counter()
    preds = predict(items, newsquant.HEADLINE)
    secs = round(time.perf_counter() - t, 1)
    held = [held_apart(it["text"]) for it in items]
    out = {"corpus": str(a.corpus), "sentences": len(items), "seconds": secs}
    for name, keep in (("all", lambda h: True), ("tune", lambda h: not h), ("held", lambda h: h)):
        sel = [i for i, h in enumerate(held) if keep(h)]
        s = newsquant.score([items[i] for i in sel], [preds[i] for i in sel])
        out[name] = {"n": len(sel), **{k: s[k]["F1"] for k in ("value", "value+unit", "value+change")}}
    print(json.dumps(out))
    if a.errors:
        _print_errors(newsquant, items, preds, held, a.part)


def _from_offsets(path: Path, articles: Path) -> list[dict]:
    """NewsQuant-format items from rows of (article, start, end, quantities): the sentence is read
    from the article, decoded as the pipeline decodes it."""
    from tasks.ingest.decode import decode

    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text, _ = decode((articles / r["article"]).read_bytes())
        items.append({"text": text[r["start"]:r["end"]], "quantities": r["quantities"]})
    return items


def _print_errors(newsquant, items: list[dict], preds: list[list[dict]], held: list[bool], part: str) -> None:
    for i, (it, tags, h) in enumerate(zip(items, preds, held)):
        if part == "tune" and h or part == "held" and not h:
            continue
        s = newsquant.score([it], [tags])
        if s["value+unit"]["F1"] == 100.0 and s["value+change"]["F1"] == 100.0:
            continue
        print(f"--- {i} {it['text']}")
        for q in it["quantities"]:
            print(f"   gold  {q['value']!s:>14} {q['normalized_unit']!r:28} {q['change']}  ({q['unit']})")
        for p in tags:
            print(f"   pred  {p['value']!s:>14} {p['unit']!r:28} {p['direction'] or p['relation']}  [{p['text']}] {p['kind']}")


if __name__ == "__main__":
    main()
