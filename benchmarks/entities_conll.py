"""Entity benchmark on a CoNLL-2003-format corpus (CoNLL-2003, CoNLL++), in-process: span P/R/F1
overall and per type, scored as the shared newsbench scorer does.

    .venv/bin/python benchmarks/entities_conll.py ../shared/corpus/conllpp/dev.txt [--split 44] [--model NAME]
    .venv/bin/python benchmarks/entities_conll.py ../shared/corpus/conll2003/eng.testa --raw   # the bare model
    .venv/bin/python benchmarks/entities_conll.py CORPUS --errors 40   # print wrong and missed spans

Each document becomes an article as newsbench writes it (tokens joined by spaces, one sentence a
line, the first line its headline), is cleaned and parsed by the pipeline's own functions, and
its mentions rows are scored. `--split K` also scores documents [0, K) and [K, n) apart (tune on
the first part, report the second). The model's parse without the entity fixer is cached in
`--cache` (default /tmp/newsfacts-conll-cache), so a rerun after a rule change only reruns the
fixer and the extraction. Scoring: OntoNotes labels map onto PER/LOC/ORG/MISC (numeric and
temporal labels dropped), a leading "the " and a trailing " 's" of a prediction are dropped,
spans must match exactly.
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

TO_CONLL = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC", "EVENT": "MISC",
            "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
TYPES = ("PER", "LOC", "ORG", "MISC")

Span = tuple[int, int, str]


def load(path: Path) -> list[dict]:
    """[{text, spans}] one per -DOCSTART- document; IOB1 or IOB2 tags in the last column."""
    docs: list[dict] = []
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + ["-DOCSTART-"]:
        if line.startswith("-DOCSTART-") or not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            if line.startswith("-DOCSTART-") and sents:
                docs.append(_document(sents))
                sents = []
            continue
        parts = line.split()
        cur.append((parts[0], parts[-1]))
    return docs


def _document(sents: list[list[tuple[str, str]]]) -> dict:
    lines, spans, pos = [], set(), 0
    for sent in sents:
        etype, start, end = None, 0, 0
        for k, (tok, tag) in enumerate(sent):
            pos += 1 if k else 0
            s, pos = pos, pos + len(tok)
            kind = tag[2:] if tag != "O" else None
            begins = tag.startswith("B-") or (tag.startswith("I-") and etype != kind)
            if etype and (tag == "O" or begins):
                spans.add((start, end, etype))
                etype = None
            if kind and etype is None:
                start, etype = s, kind
            end = pos
        if etype:
            spans.add((start, end, etype))
        lines.append(" ".join(t for t, _ in sent))
        pos += 1
    return {"text": "\n".join(lines) + "\n", "spans": spans}


def normalise(text: str, start: int, end: int) -> tuple[int, int]:
    for lead in ("the ", "The "):
        if text[start:end].startswith(lead):
            start += len(lead)
    if text[start:end].endswith(" 's"):
        end -= 3
    return start, end


def predicted(text: str, mentions: list[dict]) -> set[Span]:
    out = set()
    for m in mentions:
        t = TO_CONLL.get(m["label"])
        if t:
            s, e = normalise(text, m["char_start"], m["char_end"])
            out.add((s, e, t))
    return out


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p, r = (tp / n_pred if n_pred else 0), (tp / n_gold if n_gold else 0)
    return round(200 * p * r / (p + r), 1) if p + r else 0.0


def score(golds: list[set[Span]], preds: list[set[Span]]) -> dict:
    tp = sum(len(g & p) for g, p in zip(golds, preds))
    n_pred, n_gold = sum(map(len, preds)), sum(map(len, golds))
    out = {"gold": n_gold, "pred": n_pred, "P": round(100 * tp / n_pred, 1) if n_pred else 0,
           "R": round(100 * tp / n_gold, 1) if n_gold else 0, "F1": _f1(tp, n_pred, n_gold)}
    for t in TYPES:
        g = [{x for x in gs if x[2] == t} for gs in golds]
        q = [{x for x in ps if x[2] == t} for ps in preds]
        out[f"F1_{t}"] = _f1(sum(len(a & b) for a, b in zip(g, q)), sum(map(len, q)), sum(map(len, g)))
    return out


def _parsed(docs: list[dict], model: str, cache: Path):
    """(articles, docs parsed without the entity fixer), from the cache when it holds them."""
    from spacy.tokens import DocBin

    from tasks.model import RawDocument
    from tasks.nlp.entity_fixer import COMPONENT
    from tasks.nlp.model import load_model
    from tasks.structure.clean import clean

    nlp = load_model(model)
    arts = [clean(RawDocument(source=f"doc{i:04d}.txt", text=d["text"], encoding="utf-8", content_sha256="-"))
            for i, d in enumerate(docs)]
    digest = hashlib.sha256(("\0".join(a.text for a in arts) + model).encode()).hexdigest()[:16]
    path = cache / f"{digest}.spacy"
    if path.exists():
        return nlp, arts, list(DocBin().from_disk(path).get_docs(nlp.vocab))
    with nlp.select_pipes(disable=[COMPONENT]):
        parsed = list(nlp.pipe((a.text for a in arts), batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START"],
           docs=parsed).to_disk(path)
    return nlp, arts, parsed


def run(docs: list[dict], model: str, cache: Path, raw: bool) -> list[set[Span]]:
    """The predicted spans of every document."""
    from tasks.extract.entities import index as entities
    from tasks.nlp.entity_fixer import COMPONENT
    from tasks.nlp.sentences import sentences_of

    nlp, arts, parsed = _parsed(docs, model, cache)
    fixer = nlp.get_pipe(COMPONENT)
    preds = []
    for art, doc in zip(arts, parsed):
        if raw:
            preds.append(predicted(art.text, [{"label": e.label_, "char_start": e.start_char, "char_end": e.end_char}
                                              for e in doc.ents]))
            continue
        doc = fixer(doc)
        art.sentences = sentences_of(doc, art)
        _, mentions = entities.extract(art, doc).rows(art)
        preds.append(predicted(art.text, mentions))
    return preds


def errors(docs: list[dict], preds: list[set[Span]], limit: int) -> None:
    """Print, per document, the spans predicted wrongly (+) and missed (-), up to `limit` documents."""
    for i, (d, p) in enumerate(zip(docs, preds)):
        if i >= limit:
            break
        text, gold = d["text"], d["spans"]
        for s, e, t in sorted(p - gold):
            print(f"doc{i:04d} + {t:4} {text[s:e]!r}")
        for s, e, t in sorted(gold - p):
            print(f"doc{i:04d} - {t:4} {text[s:e]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--model", default="en_core_web_sm")
    ap.add_argument("--split", type=int, help="also score documents [0, K) and [K, n) apart")
    ap.add_argument("--raw", action="store_true", help="score the bare model's entities")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsfacts-conll-cache"))
    ap.add_argument("--errors", type=int, default=0, help="print the errors of the first N documents")
    a = ap.parse_args()
    docs = load(a.corpus)
    t = time.perf_counter()
    preds = run(docs, a.model, a.cache, a.raw)
    golds = [d["spans"] for d in docs]
    res = {"corpus": str(a.corpus), "docs": len(docs), "model": a.model, **score(golds, preds)}
    if a.split:
        res["tune"] = score(golds[:a.split], preds[:a.split])
        res["held"] = score(golds[a.split:], preds[a.split:])
    res["seconds"] = round(time.perf_counter() - t, 1)
    if a.errors:
        errors(docs, preds, a.errors)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
