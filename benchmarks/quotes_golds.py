"""Quotations and canonical speakers against hand-made gold files (the format of the shared
gold folder: one JSON file per article, its "article" field naming the article file).

    .venv/bin/python benchmarks/quotes_golds.py GOLD_DIR ARTICLES_DIR [--misses] [--rules]
    .venv/bin/python benchmarks/quotes_golds.py benchmarks/data/bbc_quotes_own.jsonl ../shared/corpus/bbc --part held

Runs ingest-decode -> clean -> spaCy -> extract in-process, each article parsed once. Scoring
follows the shared `golds` scorer: a gold quote is found when a full or partial quote row has
the same words (punctuation and case aside; or one holds the other and they differ by under
20%); its speaker is right when the row's canonical `speaker` equals the gold name
(honorifics, a leading article and case aside), or, for an unnamed gold speaker ("the
spokesman"), when the row's speaker_mention does; rows matched by no gold quote are extra.
--misses lists every miss with the row's attribution; --rules counts right and wrong
speakers per attribution rule; --by-round adds a line of scores per round of our PolNeAR
annotations (its `round` field).

GOLD_DIR may instead be a .jsonl of our own annotations (benchmarks/data/bbc_quotes_own.jsonl:
10,031 quotes in 1,954 BBC articles outside the dev gold, by annotators who never saw this
project's output, to the dev gold's conventions: sets t1-t28 and h1-h17 each annotated once,
sets t29-t108 and h18-h57 by two annotators apart, keeping only the quotes both gave with the
same speaker, as the dev gold does (sets from t89 and h46 on leave out articles whose text an
earlier set's article repeats; the corpus holds duplicates, which a run keeps once, under every
path that held it); offsets into the article, no corpus text; an article with no quote is one
row with null offsets). Its "tune" part (1,276 articles, sets t1-t108; t33-t108 were scored once
as unseen articles before any change they prompted) is for finding kinds of error; its "held"
part (678 articles, sets h1-h57) is for measuring only: read its scores, never its misses.

benchmarks/data/polnear_speakers_own.jsonl holds canonical speakers for the quotations PolNeAR
marks in 512 articles of its train split (../shared/corpus/polnear/train; "article" is the
text's path there): US political news, a second kind of news for the speaker rules. Two
annotators apart gave each quotation's speaker to the dev gold's conventions, from the article
and PolNeAR's source words only; the 5,918 quotes both gave alike are kept (titles and scare
quotes that no one said are left out). Rounds r1-r8 and r10 (`round`: r1 32 articles, the others
48 each, drawn at random) were read for kinds of error after each was first scored: its "tune"
part (416 articles, 5,149 quotes). Rounds r9 (48 articles drawn at random, 464 quotes) and r11
(the 17 train articles left with three or more quotes whose source is a description or one word,
and 31 drawn from those with two; 305 quotes) are its "held" part (96 articles, 769 quotes),
scored only. PolNeAR marks only the quotations its annotators attributed, so "extra" counts
real quotations too there.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "prof", "professor", "rev"}


def norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", str(s).lower()).strip()


def speaker_key(s: str) -> str:
    words = [w for w in norm(s).split() if w not in HONORIFICS]
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def same_speaker(gold: str, name: str | None, mention: str | None) -> bool:
    g = speaker_key(gold)
    if name and speaker_key(name) == g:
        return True
    return norm(gold).split()[:1] in (["the"], ["a"]) and bool(mention) and speaker_key(mention) == g


def same_text(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a) and (a == b or (len(a) > 12 and len(b) > 12 and (a in b or b in a)
                                   and min(len(a), len(b)) / max(len(a), len(b)) > 0.8))


def score_article(gold: dict, rows: list[dict], stem: str, tally: dict, misses: list[str], rules: Counter) -> None:
    rows = [r for r in rows if r["kind"] in ("full", "partial")]
    used: set[int] = set()
    for g in gold.get("quotes", []):
        tally["quotes"] += 1
        hit = next((i for i, r in enumerate(rows) if i not in used and same_text(g["text"], r["text"])), None)
        if hit is None:
            misses.append(f"{stem}: missed {g['text'][:60]!r} ({g['speaker']})")
            continue
        used.add(hit)
        tally["found"] += 1
        r = rows[hit]
        ok = same_speaker(g["speaker"], r["speaker"], r["speaker_mention"])
        tally["speakers"] += ok
        rules[(r["attribution"], ok)] += 1
        if not ok:
            misses.append(f"{stem}: speaker {r['speaker']!r} (mention {r['speaker_mention']!r}, {r['attribution']}) "
                          f"!= {g['speaker']!r} for {g['text'][:50]!r}")
    for i, r in enumerate(rows):
        if i not in used:
            tally["extra"] += 1
            misses.append(f"{stem}: extra {r['text'][:60]!r} ({r['speaker']}, {r['attribution']})")


def _own_golds(path: Path, articles: Path, part: str) -> list[dict]:
    """Gold files rebuilt from our own annotations (benchmarks/data/bbc_quotes_own.jsonl: each
    quote as offsets into the decoded article, so no corpus text is copied into the project)."""
    from tasks.ingest.decode import decode
    from tasks.structure.clean import normalise

    by_article: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if part in ("all", q["part"]):
            by_article.setdefault(q["article"], []).append(q)
    golds = []
    for article, qs in sorted(by_article.items()):
        text, _ = decode((articles / article).read_bytes())
        # the quote's words as the cleaned text shows them (an HTML reference "&#233;" read as "\u00e9")
        golds.append({"article": article, "round": qs[0].get("round"),  # (PolNeAR's rounds: `--by-round`)
                      "quotes": [{**q, "text": normalise(text[q["start"]:q["end"]], keep_length=False)}
                                 for q in qs if q["start"] is not None]})  # a null row: an article with no quote
    return golds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("articles_dir")
    ap.add_argument("--misses", action="store_true", help="list every missed, wrong and extra quote")
    ap.add_argument("--rules", action="store_true", help="right/wrong speakers per attribution rule")
    ap.add_argument("--part", choices=["tune", "held", "all"], default="all",
                    help="for a .jsonl of our own annotations: its tuning part, its held-apart part, or both")
    ap.add_argument("--by-round", action="store_true",
                    help="for a .jsonl with a `round` field (our PolNeAR annotations): the scores of each round too")
    a = ap.parse_args()
    from tasks.extract.article import process_batch
    from tasks.ingest.decode import decode
    from tasks.model import RawDocument

    golds = _own_golds(Path(a.gold_dir), Path(a.articles_dir), a.part) if a.gold_dir.endswith(".jsonl") else \
        [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(a.gold_dir).glob("*.json"))]
    docs = []
    for g in golds:
        text, enc = decode((Path(a.articles_dir) / g["article"]).read_bytes())
        docs.append(RawDocument(source=g["article"], text=text, encoding=enc, content_sha256="-"))
    t = time.perf_counter()
    res = process_batch(docs, "en_core_web_sm")
    # a run keeps an article whose text repeats another's once (the corpus holds duplicates), with
    # every path that held it: each annotated path gets the article's rows
    by_id = {r["article_id"]: r["sources"] for r in res.rows["articles"]}
    rows: dict[str, list[dict]] = {}
    for q in res.rows["quotes"]:
        for source in by_id[q["article_id"]]:
            rows.setdefault(source, []).append(q)
    tally = {"quotes": 0, "found": 0, "speakers": 0, "extra": 0}
    misses: list[str] = []
    rules: Counter = Counter()
    by_round: dict[str, dict] = {}
    for g in golds:
        before = dict(tally)
        score_article(g, rows.get(g["article"], []), g["article"], tally, misses, rules)
        if g.get("round"):
            r = by_round.setdefault(g["round"], {"quotes": 0, "found": 0, "speakers": 0, "extra": 0})
            for k in r:
                r[k] += tally[k] - before[k]
    n = tally["quotes"] or 1
    print(json.dumps({"articles": len(golds), **tally, "found_pct": round(100 * tally["found"] / n, 1),
                      "speaker_pct": round(100 * tally["speakers"] / n, 1),
                      "extra_pct": round(100 * tally["extra"] / max(1, tally["found"] + tally["extra"]), 1),
                      "seconds": round(time.perf_counter() - t, 1)}))
    if a.by_round:
        for name, r in sorted(by_round.items(), key=lambda kv: int(kv[0].lstrip("r") or 0)):
            print(json.dumps({"round": name, **r, "speaker_pct": round(100 * r["speakers"] / max(1, r["quotes"]), 1)}))
    if a.misses:
        print("\n".join(misses))
    if a.rules:
        for rule in sorted({r for r, _ in rules}):
            print(f"{rule:40s} right {rules[(rule, True)]:4d}  wrong {rules[(rule, False)]:4d}")


if __name__ == "__main__":
    main()
