"""The corpus-level `entity_index` table, rebuilt at every commit that changes entities, and
incrementally: month by month.

Rows keep the key their own article gives them (`tasks.extract.entities.keys`); which keys of
the corpus name one real thing is decided here, at commit, over the whole corpus
(`keys.canonical_keys`), so a later article that makes a surname ambiguous or unambiguous changes
one table, `entity_index`, and no part of the tables.

  1. the months the commit touches (a part of entities, mentions, quotes or articles moved in or
     deleted; or a month with entities and no summary yet) are summed again from their parts as
     they will be once the commit is done: per key and name, the articles, mentions, quotes and
     first and last publication times; each month's sums are kept in
     `_newsfacts/entity_keys/month=YYYY-MM.parquet`;
  2. the months' sums make one row per key; each key gets its canonical key, and every row the
     canonical name, label and totals of the thing it names;
  3. the new summaries and `entity_index/entity_index.parquet` are staged and join the commit's
     journal, so a crash leaves the index as consistent as the tables.
A commit that touches no month leaves every file as it was (but writes the index again from the
month sums if it is gone, say taken out as damaged).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.extract.entities.keys import canonical_keys, entity_key
from tasks.schemas import ENTITY_INDEX, TS, row
from tasks.store.io import write_parquet
from tasks.store.layout import OutputLayout

TABLE = "entity_index"
INDEX_PART = f"{TABLE}/{TABLE}.parquet"
STATE = "_newsfacts/entity_keys"  # one summary per month, relative to the output folder
SOURCES = ("entities", "quotes", "articles")  # the tables whose parts the index is summed from
SUMS = pa.schema([("entity_key", pa.string()), ("label", pa.string()), ("name", pa.string()), ("articles", pa.int64()),
                  ("mentions", pa.int64()), ("quotes", pa.int64()), ("first_published_at", TS), ("last_published_at", TS)])
COUNTS = ("articles", "mentions", "quotes")


def commit_ops(layout: OutputLayout, run_id: str, ops: list[dict]) -> list[dict]:
    """The journal operations that bring the month summaries and the index up to date with a
    commit's `ops` (none when the commit changes no month)."""
    months = _touched_months(layout, ops)
    index_gone = not (layout.root / INDEX_PART).exists() or any(op["dst"] == INDEX_PART for op in ops)
    if not months and not (index_gone and any((layout.root / STATE).glob("month=*.parquet"))):
        return []  # nothing changed (an index that is gone is written again from the sums)
    stage = layout.staging(run_id) / TABLE
    stage_rel = stage.relative_to(layout.root)
    out: list[dict] = []
    fresh: dict[str, list[dict]] = {}
    for month in sorted(months):
        parts = _final_parts(layout, ops, month)
        fresh[month] = month_sums(parts)
        dst = f"{STATE}/month={month}.parquet"
        if parts["entities"]:  # a month of schema-only parts gets an empty summary, so it is not summed again
            write_parquet(pa.Table.from_pylist(fresh[month], schema=SUMS), stage / dst)
            out.append({"op": "move", "src": str(stage_rel / dst), "dst": dst})
        elif (layout.root / dst).exists():
            out.append({"op": "delete", "dst": dst})
    sums = [r for m, rows in fresh.items() for r in rows] + _kept_sums(layout, months)
    write_parquet(pa.Table.from_pylist(index_rows(sums), schema=ENTITY_INDEX), stage / INDEX_PART)
    out.append({"op": "move", "src": str(stage_rel / INDEX_PART), "dst": INDEX_PART})
    return out


def _month_of(rel: str) -> str | None:
    """'entities/month=2024-05/part-x.parquet' -> '2024-05' (None for a part of no source table)."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] in SOURCES + ("mentions",) and parts[1].startswith("month="):
        return parts[1][len("month="):]
    return None


def _touched_months(layout: OutputLayout, ops: list[dict]) -> set[str]:
    months = {m for op in ops if (m := _month_of(op["dst"])) is not None}
    entities = layout.table("entities")
    held = {d.name[len("month="):] for d in entities.glob("month=*") if d.is_dir()} if entities.is_dir() else set()
    summed = {p.stem[len("month="):] for p in (layout.root / STATE).glob("month=*.parquet")}
    return months | (held - summed) | (summed - held)


def _final_parts(layout: OutputLayout, ops: list[dict], month: str) -> dict[str, list[Path]]:
    """Table -> the files of its month partition once `ops` are done (a moved part read from staging)."""
    out = {}
    for table in SOURCES:
        prefix = f"{table}/month={month}/"
        files = {f"{prefix}{p.name}": p for p in (layout.root / prefix).glob("*.parquet")}
        for op in ops:
            if op["dst"].startswith(prefix):
                if op["op"] == "move":
                    files[op["dst"]] = layout.root / op["src"]
                else:
                    files.pop(op["dst"], None)
        out[table] = sorted(files.values())
    return out


def _read(paths: list[Path], columns: list[str]) -> list[dict]:
    """The rows of some parts, the columns each has of `columns` (a part from before a column existed lacks it)."""
    rows: list[dict] = []
    for p in paths:
        names = pq.read_schema(p).names
        rows += pq.read_table(p, columns=[c for c in columns if c in names], partitioning=None).to_pylist()
    return rows


def month_sums(parts: dict[str, list[Path]]) -> list[dict]:
    """One month's sums per key and canonical name: articles, mentions, quotes, first and last publication."""
    published = {r["article_id"]: r.get("published_at") for r in _read(parts["articles"], ["article_id", "published_at"])}
    keys: dict[tuple[str, str], tuple[str, str]] = {}  # (article, entity) -> its sum's (key, name)
    sums: dict[tuple[str, str], dict] = {}
    for e in _read(parts["entities"], ["article_id", "entity_id", "entity_key", "name", "label", "mention_count"]):
        key = e.get("entity_key") or entity_key(e["label"], e["name"])
        keys[(e["article_id"], e["entity_id"])] = (key, e["name"])
        s = sums.setdefault((key, e["name"]), {"entity_key": key, "label": e["label"], "name": e["name"], "articles": set(),
                                                "mentions": 0, "quotes": 0, "first_published_at": None, "last_published_at": None})
        s["articles"].add(e["article_id"])
        s["mentions"] += e["mention_count"]
        _widen(s, published.get(e["article_id"]), published.get(e["article_id"]))
    for q in _read(parts["quotes"], ["article_id", "speaker_entity_id"]):
        at = keys.get((q["article_id"], q["speaker_entity_id"]))
        if at is not None:
            sums[at]["quotes"] += 1
    return [{**s, "articles": len(s["articles"])} for _, s in sorted(sums.items())]


def _empty(**fields) -> dict:
    """A total with no articles, mentions or quotes yet, and no publication times."""
    return {c: 0 for c in COUNTS} | {"first_published_at": None, "last_published_at": None} | fields


def _add(total: dict, s: dict) -> None:
    """Add a sum's counts to a total and stretch its publication times over the sum's."""
    for c in COUNTS:
        total[c] += s[c]
    _widen(total, s["first_published_at"], s["last_published_at"])


def _widen(s: dict, first: datetime | None, last: datetime | None) -> None:
    """Stretch a sum's first and last publication times to cover [first, last]."""
    if first is not None and (s["first_published_at"] is None or first < s["first_published_at"]):
        s["first_published_at"] = first
    if last is not None and (s["last_published_at"] is None or last > s["last_published_at"]):
        s["last_published_at"] = last


def _kept_sums(layout: OutputLayout, replaced: set[str]) -> list[dict]:
    """The stored sums of every month the commit does not touch."""
    rows: list[dict] = []
    for p in sorted((layout.root / STATE).glob("month=*.parquet")):
        if p.stem[len("month="):] not in replaced:
            rows += pq.read_table(p, partitioning=None).to_pylist()
    return rows


def index_rows(sums: list[dict]) -> list[dict]:
    """The entity_index rows from sums per key and name (of any months): one row per key, with the
    canonical key, name, label and totals of the thing it names."""
    per_key = _per_key(sums)
    canonical = canonical_keys(per_key)
    things: dict[str, dict] = {}
    for key, s in per_key.items():
        _add(things.setdefault(canonical[key], _empty()), s)
    out = []
    for key in sorted(per_key, key=lambda k: (canonical[k], k)):
        c = canonical[key]
        out.append(row(ENTITY_INDEX, entity_key=key, canonical_key=c, label=per_key[c]["label"], name=per_key[c]["name"],
                       **things[c]))
    return out


def _per_key(sums: list[dict]) -> dict[str, dict]:
    """Sums per key; a key's name is the name most of its articles give it (then not ALL CAPS, then the first in order)."""
    per_key: dict[str, dict] = {}
    names: dict[str, dict[str, int]] = {}
    for s in sums:
        k = s["entity_key"]
        _add(per_key.setdefault(k, _empty(label=s["label"])), s)
        names.setdefault(k, {})
        names[k][s["name"]] = names[k].get(s["name"], 0) + s["articles"]
    for k, t in per_key.items():
        t["name"] = min(names[k].items(), key=lambda nv: (-nv[1], nv[0].isupper(), nv[0]))[0]
    return per_key
