"""Derive the warning expectations' thresholds from a corpus run and regenerate the suites.

    .venv/bin/newsfacts run CORPUS --out OUT --workers 2
    .venv/bin/python benchmarks/expectation_thresholds.py OUT [--corpus NAME] [--dry-run]

Reads OUT's tables, derives every threshold with its reason (the rules are in
tasks/validate/thresholds.py), writes expectations/thresholds.json and expectations/*.json.
--dry-run prints the thresholds and writes nothing. For another corpus, run it on an output
folder of that corpus; commit both files.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.store.tables import read_table  # noqa: E402
from tasks.validate import suites, thresholds  # noqa: E402

COLUMNS = {"articles": ["article_id", "source", "url", "n_words", "n_sentences"], "quotes": ["article_id", "speaker_entity_id"],
           "numeric_facts": ["article_id", "kind", "unit"], "mentions": ["article_id"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="output folder of a newsfacts run on the corpus")
    ap.add_argument("--corpus", help="the corpus's name, recorded with the thresholds (default: OUT's folder name)")
    ap.add_argument("--dry-run", action="store_true", help="print the thresholds, write nothing")
    a = ap.parse_args()
    tables = {t: read_table(a.out, t)[cols] for t, cols in COLUMNS.items()}
    if tables["articles"].empty:
        print(f"no articles in {a.out}", file=sys.stderr)
        return 1
    th = thresholds.derive(tables, a.corpus or a.out.resolve().name)
    print(json.dumps(th, indent=2))
    if not a.dry_run:
        print(thresholds.write(th), file=sys.stderr)
        for p in suites.write_suites():
            print(p, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
