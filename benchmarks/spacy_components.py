"""Time each spaCy component of the model, as shipped and as the pipeline runs it.

    .venv/bin/python benchmarks/spacy_components.py CORPUS_DIR [--every 10] [--limit 220] [--model en_core_web_sm]

Runs every `--every`-th text of the corpus (up to --limit) through each component in turn,
twice (the second pass is the one printed, with the lemmatizer's cache warm, as in a long
run), for the model as spaCy loads it and with `tasks.nlp.fast_pipes` swapped in, and
checks that both give the same tokens. Prints one JSON line per model.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.throughput import texts_of  # noqa: E402
from tasks.nlp import fast_pipes  # noqa: E402
from tasks.nlp.model import _load_package  # noqa: E402

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def timed(nlp, texts: list[str]) -> tuple[dict[str, float], list]:
    for _ in range(2):
        seconds, docs = {}, [nlp.make_doc(t) for t in texts]
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            seconds[name] = round(time.perf_counter() - t, 2)
    return seconds, docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--limit", type=int, default=220)
    ap.add_argument("--model", default="en_core_web_sm")
    a = ap.parse_args()
    texts = texts_of(Path(a.corpus))[::a.every][:a.limit]
    plain, fast = _load_package(a.model), _load_package(a.model)
    swapped = fast_pipes.speed_up(fast)
    results = []
    for label, nlp in (("as shipped", plain), ("fast_pipes", fast)):
        seconds, docs = timed(nlp, texts)
        results.append(docs)
        print(json.dumps({"model": a.model, "pipeline": label, "texts": len(texts), "seconds": seconds,
                          "total": round(sum(seconds.values()), 2)}), flush=True)
    same = sum(np.array_equal(x.to_array(ATTRS), y.to_array(ATTRS)) for x, y in zip(*results))
    print(json.dumps({"swapped": swapped, "docs_identical": f"{same}/{len(texts)}"}))


if __name__ == "__main__":
    main()
