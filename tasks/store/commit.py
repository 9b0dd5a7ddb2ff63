"""The commit: what a run's staged parts change in the tables and in the manifest.

  1. the inputs the run processed replace their earlier versions in the manifest; an article
     the folder (or an earlier batch of the run) already holds is dropped from later parts;
  2. every article is listed under every name by which a current input holds it, in path
     order (`sources`; `source` is the first);
  3. existing parts holding articles that are gone, or whose sources changed, are rewritten
     (or deleted when nothing is left in them);
  4. the run's parts move into the tables; its quarantine and rejection parts are appended;
  5. every table exists, even with no rows yet (a schema-only part), so readers never fail.
All of it becomes one journal (`tasks.store.journal`), carried out with renames.
"""
from __future__ import annotations

import pyarrow as pa

from tasks import PIPELINE_VERSION
from tasks.schemas import TABLES
from tasks.store import journal
from tasks.store.io import read_part, write_parquet
from tasks.store.layout import OutputLayout, month_of, month_part, table_part
from tasks.store.manifest import Manifest
from tasks.store.staging import EXTRA, StagedBatch


def commit(layout: OutputLayout, run_id: str, batches: list[StagedBatch], manifest: Manifest) -> dict:
    """Make a run's staged parts visible: plan, journal, apply. Returns counts."""
    moves = _Moves(layout, run_id)
    new = manifest.copy()
    for b in batches:
        if b.batch < 0:  # refusals made while planning: recorded once, not again on every run
            new.refused.update({r["source"]: r["reason"] for r in b.rejections})
    new_articles, dropped = _record_inputs(new, manifest, batches)
    sources = _final_sources(manifest, batches, new.inputs)
    removed = {aid for aid in manifest.articles if aid not in sources}
    resourced = {aid for aid in manifest.articles if aid in sources and manifest.articles[aid].get("sources") != sources[aid]}
    ops, n_rewritten = _rewrite_parts(layout, moves, manifest, removed, resourced, sources)
    for aid in removed:
        new.articles.pop(aid, None)
    for aid in resourced:
        new.articles[aid]["sources"] = sources[aid]
    ops += _new_parts(moves, batches, dropped, sources)
    for aid, info in new_articles.items():
        new.articles[aid] = {"part": month_part(info["month"], run_id, info["batch"]), "sources": sources.get(aid, info["sources"]),
                             "content_sha256": info.get("content_sha256")}
    ops += [moves.op(rel) for b in batches for rel in b.parts.get(EXTRA, [])]
    ops += _empty_tables(layout, moves, run_id, ops)
    journal.carry_out(layout, {"run_id": run_id, "ops": ops, "manifest": new.to_json()})
    return {"new_articles": len(new_articles), "removed_articles": len(removed), "rewritten_parts": n_rewritten}


class _Moves:
    """The run's staging folder, and the journal operations that move a file staged there
    (`rel`: its path under staging) into the tables (at `rel` too, unless told otherwise)."""

    def __init__(self, layout: OutputLayout, run_id: str):
        self.stage = layout.staging(run_id)
        self.stage_in_out = self.stage.relative_to(layout.root)  # as the journal names it

    def op(self, rel: str, dst: str | None = None) -> dict:
        return {"op": "move", "src": str(self.stage_in_out / rel), "dst": dst or rel}


def _record_inputs(new: Manifest, manifest: Manifest, batches: list[StagedBatch]) -> tuple[dict[str, dict], dict[str, set[int]]]:
    """Record the run's inputs in `new` (a bulk input split over several batches is one input).
    Returns the articles the run adds (id -> staged info and batch) and, per article already
    held, the batches whose copy is dropped."""
    dropped: dict[str, set[int]] = {}
    new_articles: dict[str, dict] = {}
    seen: set[str] = set()
    for b in sorted(batches, key=lambda b: b.batch):
        for src, info in b.inputs.items():
            if src in seen:
                held = new.inputs[src]["articles"]
                held += [a for a in info["article_ids"] if a not in held]
            else:
                new.inputs[src] = {"sha": info["sha"], "version": PIPELINE_VERSION, "articles": list(info["article_ids"])}
                seen.add(src)
        for aid, info in b.articles.items():
            if aid in new_articles or aid in manifest.articles:
                dropped.setdefault(aid, set()).add(b.batch)
                continue
            new_articles[aid] = {**info, "batch": b.batch}
    return new_articles, dropped


def _final_sources(manifest: Manifest, batches: list[StagedBatch], inputs: dict[str, dict]) -> dict[str, list[str]]:
    """Article id -> every name under which a current input holds it, in path order (an
    article no current input holds has none: it is removed)."""
    candidates: dict[str, list[str]] = {}
    for aid, info in manifest.articles.items():
        candidates.setdefault(aid, []).extend(info.get("sources", []))
    for b in batches:
        for aid, info in b.articles.items():
            candidates.setdefault(aid, []).extend(info["sources"])

    def input_of(name: str) -> str:  # "dump.jsonl#12" is held by the input "dump.jsonl"
        return name if name in inputs else name.rpartition("#")[0]

    final: dict[str, list[str]] = {}
    for aid, names in candidates.items():
        ok = sorted({n for n in names if aid in inputs.get(input_of(n), {}).get("articles", ())}, key=lambda n: (input_of(n), n))
        if ok:
            final[aid] = ok
    return final


def _set_sources(rows: list[dict], sources: dict[str, list[str]]) -> None:
    for r in rows:
        if r["article_id"] in sources:
            r["sources"] = sources[r["article_id"]]
            r["source"] = sources[r["article_id"]][0]


def _rewrite_parts(layout: OutputLayout, moves: _Moves, manifest: Manifest, removed: set[str], resourced: set[str],
                   sources: dict[str, list[str]]) -> tuple[list[dict], int]:
    """Existing parts holding removed or re-sourced articles, rewritten in staging (or deleted)."""
    touched: dict[str, set[str]] = {}
    for aid in removed | resourced:
        touched.setdefault(manifest.articles[aid]["part"], set()).add(aid)
    ops: list[dict] = []
    n_rewritten = 0
    for part, aids in sorted(touched.items()):
        gone = removed & aids
        for table, schema in TABLES.items():
            path = layout.table(table) / part
            if not path.exists():
                continue
            t = read_part(path)
            keep = [i for i, a in enumerate(t.column("article_id").to_pylist()) if a not in gone]
            rows = t.take(pa.array(keep, type=pa.int64())).to_pylist() if len(keep) != t.num_rows else t.to_pylist()
            if table == "articles":
                _set_sources(rows, sources)
            if rows:
                rel = f"rewrite/{table}/{part}"
                write_parquet(pa.Table.from_pylist(rows, schema=schema), moves.stage / rel)
                ops.append(moves.op(rel, f"{table}/{part}"))
            else:
                ops.append({"op": "delete", "dst": f"{table}/{part}"})
            n_rewritten += 1
    return ops, n_rewritten


def _new_parts(moves: _Moves, batches: list[StagedBatch], dropped: dict[str, set[int]], sources: dict[str, list[str]]) -> list[dict]:
    """The run's table parts, without the articles already held and with final sources."""
    ops: list[dict] = []
    for b in batches:
        dups = {aid for aid, bs in dropped.items() if b.batch in bs}
        resourced = any(sources.get(aid, info["sources"]) != info["sources"] for aid, info in b.articles.items())
        for table, rels in b.parts.items():
            if table == EXTRA:
                continue
            for rel in rels:
                if (dups or (table == "articles" and resourced)) and not _fix_staged(moves, rel, table, dups, sources):
                    continue
                ops.append(moves.op(rel))
    return ops


def _fix_staged(moves: _Moves, rel: str, table: str, dups: set[str], sources: dict[str, list[str]]) -> bool:
    """Rewrite a staged part without `dups` and with final sources; False when nothing is left."""
    src = moves.stage / rel
    t = read_part(src)
    rows = [r for r in t.to_pylist() if r["article_id"] not in dups]
    if table == "articles":
        _set_sources(rows, sources)
    if not rows:
        src.unlink()
        return False
    write_parquet(pa.Table.from_pylist(rows, schema=TABLES[table]), src)
    return True


def _empty_tables(layout: OutputLayout, moves: _Moves, run_id: str, ops: list[dict]) -> list[dict]:
    """A schema-only part for every table that has no part yet and gets none from this run."""
    moved = {op["dst"].split("/", 1)[0] for op in ops if op["op"] == "move"}
    out = []
    for table, schema in TABLES.items():
        if table not in moved and not any(layout.table(table).rglob("*.parquet")):
            rel = table_part(table, month_of(None), run_id, "empty")
            write_parquet(pa.Table.from_pylist([], schema=schema), moves.stage / rel)
            out.append(moves.op(rel))
    return out
