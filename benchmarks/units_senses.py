"""Ambiguous units benchmark in-process: sentences labelled with the unit their ambiguous word means
(pound of weight or sterling, degrees Celsius or Fahrenheit, knot or kiloton, a bare "C"...).

    .venv/bin/python benchmarks/units_senses.py ../shared/corpus/units/train.json [--errors]

Each sentence goes through clean -> spaCy -> extract as `numbers_newsquant.py` does; it is right
when one of its facts has the labelled unit (the label's name mapped onto the canonical unit
below). Sentences without a number are counted apart (there is no fact to carry a unit). The
file is split once by the MD5 of each text into a tuning part (2/3) and a held-apart part (1/3):
--errors prints the tuning part's misses only, never the held-apart part's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.numbers_newsquant import predict  # noqa: E402

# the label's unit name -> the canonical units (units.is_canonical) that mean it
CANONICAL = {
    "pound-mass": {"pound"}, "pound sterling": {"GBP"}, "pound": {"GBP"}, "celsius": {"degree_Celsius"},
    "fahrenheit": {"degree_Fahrenheit"}, "armenian dram": {"AMD"}, "dram": {"dram"}, "knot": {"knot"},
    "kiloton": {"kiloton_TNT", "kiloton", "kilometric_ton"}, "croatian kuna": {"HRK"}, "japanese yen": {"JPY"}, "chinese yuan": {"CNY"},
    "south african rand": {"ZAR"}, "cent": {"USD", "EUR"}, "penny": {"GBX"}, "pence": {"GBX"}, "percentage": {"%"},
    "percent": {"%"}, "diopter (lens)": {"diopter"}, "mile per hour": {"mile_per_hour"},
}


def held_apart(text: str) -> bool:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 3 == 0


def accepted(label: str) -> set[str]:
    return CANONICAL.get(label, {label.replace(" ", "_")})


def right(label: str, unit: str | None) -> bool:
    """The unit is the label's, or built on it ("nanofarad", "pixels_per_inch", "megabit_per_second" for farad,
    pixel, bit)."""
    if unit is None:
        return False
    names = accepted(label)
    parts = [p[:-1] if p.endswith("s") else p for p in unit.split("_")]
    return unit in names or any(unit.endswith(n) or any(p.endswith(n) for p in parts) for n in names if n[0].islower())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--errors", action="store_true", help="print the tuning part's misses")
    a = ap.parse_args()
    items = json.loads(Path(a.corpus).read_text(encoding="utf-8"))
    preds = predict(items, "Unit test sentence")
    out: dict[str, dict] = {}
    for part, keep in (("tune", False), ("held", True)):
        sel = [i for i, it in enumerate(items) if held_apart(it["text"]) == keep]
        numbered = [i for i in sel if re.search(r"\d", items[i]["text"])]
        hits = [i for i in numbered if any(right(items[i]["unit"], p["unit"]) for p in preds[i])]
        out[part] = {"sentences": len(sel), "with_a_number": len(numbered), "right": len(hits),
                     "accuracy": round(100 * len(hits) / len(numbered), 1) if numbered else 0.0}
        if a.errors and part == "tune":
            for i in sorted(set(numbered) - set(hits), key=lambda i: items[i]["unit"]):
                got = [(p["value"], p["unit"], p["text"]) for p in preds[i]]
                print(f"{items[i]['unit']:>16} | {items[i]['text'][:150]} | {got}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
