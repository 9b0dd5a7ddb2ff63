"""Quotation benchmark on a PolNeAR split (brat attributions): P/R/F1 of direct quotations
and attributed F1 (a quote counts only with its right speaker).

    .venv/bin/python benchmarks/quotes_polnear.py ../shared/corpus/polnear/dev [--limit N]

Runs clean -> spaCy -> extract in-process on each article's text. Matching follows the
shared newsbench scorer: a predicted quote matches a gold one when they overlap by at least
80% of both; its speaker is right when the speaker mention overlaps the annotated source, or
a word (over two letters) of the resolved name appears in the source text.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb]")


def load(split: Path) -> dict[str, dict]:
    """stem -> {text, quotes: [(start, end, [(s, e)], source text)]}; malformed .ann lines skipped."""
    out = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in out:
            continue
        text = (split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        spans, rels = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            try:
                if line.startswith("T") and len(parts) >= 2:
                    label, offs = parts[1].split(" ", 1)
                    spans[parts[0]] = [tuple(map(int, p.split())) for p in offs.split(";")]
                elif line.startswith("E") and len(parts) >= 2:
                    rels.append(dict(p.split(":", 1) for p in parts[1].split()))
            except ValueError:
                continue
        quotes = []
        for r in rels:
            srcs = spans.get(r.get("Source"), [])
            src_text = " ".join(text[s:e] for s, e in srcs)
            merged: list[list[int]] = []  # a content span is cut at sentence ends: rejoin short gaps
            for s, e in sorted(spans.get(r.get("Content"), [])):
                if merged and s - merged[-1][1] <= 3 and not MARKS.search(text[merged[-1][1]:s]):
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            for s, e in merged:
                seg = text[s:e]
                marks = [m.start() for m in MARKS.finditer(seg)]
                for i in range(0, len(marks), 2):
                    a = marks[i] + 1
                    b = marks[i + 1] if i + 1 < len(marks) else len(seg)
                    inner = seg[a:b]
                    if len(inner.strip()) >= 3:
                        lead = len(inner) - len(inner.lstrip())
                        quotes.append((s + a + lead, s + a + lead + len(inner.strip()), srcs, src_text))
        out[stem] = {"text": text, "quotes": quotes}
    return out


def score(gold: dict, pred: dict, errors: list | None = None) -> dict:
    """P/R/F1 and attributed F1; with ``errors``, append (kind, stem, gold span, prediction) for each miss."""
    tp = fp = fn = att = 0
    for stem, g in gold.items():
        preds, used = pred.get(stem, []), set()
        for gs, ge, srcs, src_text in g["quotes"]:
            best, cover = None, 0.0
            for i, p in enumerate(preds):
                ov = max(0, min(ge, p["char_end"]) - max(gs, p["char_start"]))
                if i not in used and ov >= 0.8 * (ge - gs) and ov >= 0.8 * (p["char_end"] - p["char_start"]):
                    c = ov / max(ge - gs, p["char_end"] - p["char_start"])
                    if c > cover:
                        best, cover = i, c
            if best is None:
                fn += 1
                if errors is not None:
                    errors.append(("missed", stem, (gs, ge, src_text), None))
                continue
            used.add(best)
            tp += 1
            p = preds[best]
            if not srcs:
                att += 1
                continue
            ok = p["speaker_char_start"] is not None and any(
                max(0, min(e, p["speaker_char_end"]) - max(s, p["speaker_char_start"])) > 0 for s, e in srcs)
            name = (p["speaker"] or "").lower()
            ok = ok or any(t in src_text.lower() for t in re.findall(r"\w+", name) if len(t) > 2)
            att += ok
            if not ok and errors is not None:
                errors.append(("speaker", stem, (gs, ge, src_text), p))
        fp += len(preds) - len(used)
        if errors is not None:
            errors.extend(("extra", stem, None, p) for i, p in enumerate(preds) if i not in used)

    def f1(c: int) -> float:
        pr, rc = c / (tp + fp) if tp + fp else 0, c / (tp + fn) if tp + fn else 0
        return round(200 * pr * rc / (pr + rc), 1) if pr + rc else 0.0
    return {"gold": tp + fn, "pred": tp + fp, "P": round(100 * tp / (tp + fp), 1) if tp + fp else 0,
            "R": round(100 * tp / (tp + fn), 1) if tp + fn else 0, "F1": f1(tp), "attributed_F1": f1(att)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("split")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", action="store_true", help="print each missed, extra or misattributed quote")
    a = ap.parse_args()
    from tasks.extract.article import process_batch
    from tasks.model import RawDocument

    gold = load(Path(a.split))
    stems = sorted(gold)[: a.limit]
    gold = {s: gold[s] for s in stems}
    t = time.perf_counter()
    res = process_batch([RawDocument(source=s, text=gold[s]["text"], encoding="utf-8", content_sha256="-") for s in stems], "en_core_web_sm")
    pred: dict[str, list] = {}
    by_id = {a["article_id"]: a["source"] for a in res.rows["articles"]}
    for q in res.rows["quotes"]:
        if q["kind"] != "indirect":
            pred.setdefault(by_id[q["article_id"]], []).append(q)
    errors: list | None = [] if a.errors else None
    print(json.dumps({"split": a.split, "articles": len(stems), **score(gold, pred, errors), "seconds": round(time.perf_counter() - t, 1)}))
    for kind, stem, g, p in errors or []:
        text = gold[stem]["text"]
        at = g[0] if g else p["char_start"]
        line_start, line_end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        print(f"--- {kind} {stem}" + (f" gold source: {g[2]!r}" if g else "") + (f" quote {text[g[0]:g[1]][:80]!r}" if g else ""))
        if p:
            print(f"    predicted: {p['speaker']!r} ({p['speaker_type']}, {p['attribution']}) quote {text[p['char_start']:p['char_end']][:80]!r}")
        print("    " + text[line_start:line_end if line_end > 0 else None][:600])


if __name__ == "__main__":
    main()
