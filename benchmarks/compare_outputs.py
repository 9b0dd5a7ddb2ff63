"""Compare two newsfacts output folders table by table, row by row.

    .venv/bin/python benchmarks/compare_outputs.py OLD_OUT NEW_OUT [--ignore COLUMN ...]

Used to show that a refactor changes no row: run the old and the new code on the same corpus
into two folders, then compare them. Columns that differ by run and not by content are left out
(ingested_at, rejected_at, the hive month partition); input paths are compared by file name, so
the two runs may read the corpus from different folders. Prints one line per table and exits 1
when any table differs, with a few rows only in one side.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow.dataset as ds

RUN_COLUMNS = {"ingested_at", "rejected_at", "month"}
TABLES = ["articles", "paragraphs", "sentences", "entities", "mentions", "quotes", "numeric_facts", "rejections"]


def rows(root: Path, table: str, ignore: set[str]) -> list[str]:
    """The table's rows as sorted, comparable strings (input paths reduced to file names)."""
    path = root / table
    if not path.exists():
        return []
    t = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    t = t.select([c for c in t.column_names if c not in ignore])
    out = []
    for r in t.to_pylist():
        if isinstance(r.get("source"), str):
            r["source"] = Path(r["source"].split("#")[0]).name + ("#" + r["source"].split("#", 1)[1] if "#" in r["source"] else "")
        if r.get("sources"):
            r["sources"] = sorted(Path(s).name for s in r["sources"])
        out.append(repr(sorted(r.items())))
    return sorted(out)


def compare(old: Path, new: Path, ignore: set[str], show: int = 3) -> bool:
    same = True
    for table in TABLES:
        a, b = rows(old, table, ignore), rows(new, table, ignore)
        if a == b:
            print(f"{table}: identical ({len(a)} rows)")
            continue
        same = False
        sa, sb = set(a), set(b)
        print(f"{table}: DIFFERENT: {len(a)} vs {len(b)} rows, {len(sa - sb)} only in old, {len(sb - sa)} only in new")
        for r in sorted(sa - sb)[:show]:
            print("  old:", r[:500])
        for r in sorted(sb - sa)[:show]:
            print("  new:", r[:500])
    return same


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("--ignore", action="append", default=[], help="another column to leave out (repeatable)")
    a = p.parse_args()
    for d in (a.old, a.new):
        if not (d / "articles").is_dir():
            print(f"error: {d} holds no newsfacts tables", file=sys.stderr)
            return 2
    return 0 if compare(a.old, a.new, RUN_COLUMNS | set(a.ignore)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
