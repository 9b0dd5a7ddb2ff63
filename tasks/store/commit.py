"""The commit: what a run's staged parts change in the tables and in the manifest.

  1. the inputs the run processed replace their earlier versions in the manifest; an article
     the folder (or an earlier batch of the run) already holds is dropped from later parts,
     unless another version wrote the rows held (`tasks.store.upgrade`) or a repair asks for
     it: then its new rows replace the held ones;
  2. every article is listed under every name by which a current input holds it, in path
     order (`sources`; `source` is the first);
  3. existing parts holding articles that are gone, replaced, or whose sources changed, are
     rewritten (or deleted when nothing is left in them); when the tables' schema version
     changes, every part is rewritten in the new schema (the rows of an article no input of
     the run holds are migrated, or retired when they cannot be);
  4. the run's parts move into the tables; its quarantine and rejection parts are appended;
  5. every table exists, even with no rows yet (a schema-only part), so readers never fail.
  6. the corpus-level entity_index is brought up to date with the parts (`tasks.store.entity_index`).
  7. a repair moves the damaged files out of the tables, never reading them;
  8. the manifest registers every file the commit puts into the tables (rows, bytes, SHA-256)
     and forgets every file it takes out (`tasks.store.verify` checks them against it).
All of it becomes one journal (`tasks.store.journal`), carried out with renames.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from tasks import PIPELINE_VERSION
from tasks.schemas import ALL_TABLES, TABLES
from tasks.store import entity_index, journal, upgrade, verify
from tasks.store.io import read_part, write_parquet
from tasks.store.layout import OutputLayout, month_of, month_part, table_part
from tasks.store.manifest import Manifest
from tasks.store.staging import EXTRA, StagedBatch
from tasks.store.verify import Repair


def commit(layout: OutputLayout, run_id: str, batches: list[StagedBatch], manifest: Manifest, repair: Repair | None = None) -> dict:
    """Make a run's staged parts visible: plan, journal, apply. Returns counts (and the retired articles)."""
    repair = repair or Repair()
    moves = _Moves(layout, run_id)
    held = verify.table_files(layout)  # the tables' files before this commit (walked once)
    new = manifest.copy()
    for b in batches:
        if b.batch < 0:  # refusals made while planning: recorded once, not again on every run
            new.refused.update({r["source"]: r["reason"] for r in b.rejections})
    extracted = {aid for b in batches for aid in b.articles}
    replaced = upgrade.replaced(manifest, extracted) | (repair.articles & extracted)
    new_articles, dropped = _record_inputs(new, manifest, batches, replaced)
    sources = _final_sources(manifest, batches, new.inputs)
    retired = set(sources) - extracted if not manifest.current and upgrade.blocking_columns(layout, set(repair.files)) else set()
    for aid in retired | repair.lost:
        sources.pop(aid, None)
    _forget(new, retired | repair.lost)
    removed = {aid for aid in manifest.articles if aid not in sources}
    resourced = {aid for aid in manifest.articles if aid in sources and manifest.articles[aid].get("sources") != sources[aid]}
    rw = _Rewrite(gone=removed | replaced, resourced=resourced, retired=retired, sources=sources, skip=set(repair.files),
                  migrate_all=not manifest.current, retired_to=layout.retired(manifest.schema_version))
    ops, n_rewritten = _rewrite_parts(layout, moves, manifest, rw, held)
    for aid in removed:
        new.articles.pop(aid, None)
    for aid in resourced:
        new.articles[aid]["sources"] = sources[aid]
    ops += _new_parts(moves, batches, dropped, sources)
    for aid, info in new_articles.items():
        new.articles[aid] = {"part": month_part(info["month"], run_id, info["batch"]), "sources": sources.get(aid, info["sources"]),
                             "content_sha256": info.get("content_sha256"), "version": PIPELINE_VERSION}
    ops += [moves.op(rel) for b in batches for rel in b.parts.get(EXTRA, [])]
    ops += [{"op": "move", "src": rel, "dst": f"{layout.damaged(run_id)}/{rel}"} for rel in sorted(repair.files)]
    ops += _empty_tables(moves, run_id, ops, held)
    # the corpus-level index, in the same journal (a damaged file taken out is, for it, a file deleted)
    ops += entity_index.commit_ops(layout, run_id, ops + [{"op": "delete", "dst": rel} for rel in repair.files])
    new.parts = _registry(layout, manifest, ops, set(repair.files), held)
    journal.carry_out(layout, {"run_id": run_id, "ops": ops, "manifest": new.to_json()})
    return {"new_articles": len(new_articles), "replaced_articles": len(replaced), "removed_articles": len(removed - retired),
            "rewritten_parts": n_rewritten,
            "retired": [{"article_id": a, "sources": manifest.articles[a].get("sources", [])} for a in sorted(retired)]}


class _Moves:
    """The run's staging folder, and the journal operations that move a file staged there
    (`rel`: its path under staging) into the tables (at `rel` too, unless told otherwise)."""

    def __init__(self, layout: OutputLayout, run_id: str):
        self.stage = layout.staging(run_id)
        self.stage_in_out = self.stage.relative_to(layout.root)  # as the journal names it

    def op(self, rel: str, dst: str | None = None) -> dict:
        return {"op": "move", "src": str(self.stage_in_out / rel), "dst": dst or rel}


def _record_inputs(new: Manifest, manifest: Manifest, batches: list[StagedBatch],
                   replaced: set[str]) -> tuple[dict[str, dict], dict[str, set[int]]]:
    """Record the run's inputs in `new` (a bulk input split over several batches is one input).
    Returns the articles the run adds (id -> staged info and batch) and, per article already
    held (and not replaced), the batches whose copy is dropped."""
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
            if aid in new_articles or (aid in manifest.articles and aid not in replaced):
                dropped.setdefault(aid, set()).add(b.batch)
                continue
            new_articles[aid] = {**info, "batch": b.batch}
    return new_articles, dropped


def _forget(new: Manifest, articles: set[str]) -> None:
    """No input holds these articles any more (retired, or lost to a damage)."""
    if articles:
        for info in new.inputs.values():
            info["articles"] = [a for a in info.get("articles", []) if a not in articles]


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


@dataclass
class _Rewrite:
    """What a commit changes in the parts already in the tables."""

    gone: set[str]  # articles whose rows leave (removed, or replaced by the run's rows)
    resourced: set[str]  # articles whose sources change
    retired: set[str]  # articles whose rows leave for `retired_to`, as they are
    sources: dict[str, list[str]]
    skip: set[str]  # files never read (damaged: a repair takes them out)
    migrate_all: bool  # the schema changes: every part is rewritten
    retired_to: str


def _rewrite_parts(layout: OutputLayout, moves: _Moves, manifest: Manifest, rw: _Rewrite,
                   held: list[str]) -> tuple[list[dict], int]:
    """Existing parts holding articles that leave or change, rewritten in staging (or deleted);
    every part (of `held`, the tables' files), when the schema changes."""
    touched = {manifest.articles[a]["part"] for a in rw.gone | rw.resourced | rw.retired if a in manifest.articles}
    files = {f"{table}/{part}" for table in TABLES for part in touched}
    if rw.migrate_all:
        files |= {rel for rel in held if rel.split("/", 1)[0] in ALL_TABLES}
    ops: list[dict] = []
    for rel in sorted(files - rw.skip):
        if (layout.root / rel).exists():
            ops += _rewrite_part(layout, moves, rel, rw)
    return ops, sum(1 for op in ops if not op["dst"].startswith(rw.retired_to))


def _rewrite_part(layout: OutputLayout, moves: _Moves, rel: str, rw: _Rewrite) -> list[dict]:
    table = rel.split("/", 1)[0]
    t = read_part(layout.root / rel)
    had_rows = t.num_rows > 0
    ops = []
    if "article_id" in t.column_names:
        ids = t.column("article_id")
        if rw.retired:
            kept_as_is = t.filter(pc.is_in(ids, value_set=pa.array(sorted(rw.retired), pa.string())))
            if kept_as_is.num_rows:
                write_parquet(kept_as_is, moves.stage / "retired" / rel, stamp=False)
                ops.append(moves.op(f"retired/{rel}", f"{rw.retired_to}/{rel}"))
        if rw.gone | rw.retired:
            t = t.filter(pc.invert(pc.is_in(ids, value_set=pa.array(sorted(rw.gone | rw.retired), pa.string()))))
    if table == "articles" and t.num_rows and rw.resourced & set(t.column("article_id").to_pylist()):
        t = pa.Table.from_pylist(_with_sources(t.to_pylist(), rw.sources), schema=t.schema)
    if had_rows and not t.num_rows:
        return ops + [{"op": "delete", "dst": rel}]
    write_parquet(upgrade.migrate(t, ALL_TABLES[table]), moves.stage / "rewrite" / rel)
    return ops + [moves.op(f"rewrite/{rel}", rel)]


def _with_sources(rows: list[dict], sources: dict[str, list[str]]) -> list[dict]:
    for r in rows:
        if r["article_id"] in sources:
            r["sources"] = sources[r["article_id"]]
            r["source"] = sources[r["article_id"]][0]
    return rows


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
        _with_sources(rows, sources)
    if not rows:
        src.unlink()
        return False
    write_parquet(pa.Table.from_pylist(rows, schema=TABLES[table]), src)
    return True


def _empty_tables(moves: _Moves, run_id: str, ops: list[dict], held: list[str]) -> list[dict]:
    """A schema-only part for every table that has no part once `ops` are done (on `held`)."""
    after = set(held)
    for op in ops:
        after.discard(op["dst"] if op["op"] == "delete" else op["src"])
        if op["op"] == "move":
            after.add(op["dst"])
    out = []
    for table, schema in TABLES.items():
        if not any(rel.startswith(f"{table}/") for rel in after):
            rel = table_part(table, month_of(None), run_id, "empty")
            write_parquet(pa.Table.from_pylist([], schema=schema), moves.stage / rel)
            out.append(moves.op(rel))
    return out


def _registry(layout: OutputLayout, manifest: Manifest, ops: list[dict], damaged: set[str], held: list[str]) -> dict[str, dict]:
    """The registry of the tables' files once `ops` are done (a folder with none yet registers
    the files it `held`, but the damaged ones)."""
    reg = dict(manifest.parts) if manifest.parts is not None else {
        rel: verify.stats(layout.root / rel) for rel in held if rel not in damaged}
    for op in ops:
        if op["op"] == "delete":
            reg.pop(op["dst"], None)
            continue
        if not layout.is_state(op["src"]):
            reg.pop(op["src"], None)
        if not layout.is_state(op["dst"]):
            reg[op["dst"]] = verify.stats(layout.root / op["src"])
    return reg
