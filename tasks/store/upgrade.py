"""What a run of this version does to tables that another version wrote: the one place that
decides it.

  1. An input the folder holds with the same bytes but written by another pipeline version is
     extracted again when a run is given it (status "upgrade"), and its articles' new rows
     replace the old ones (an article keeps its id: the same text is the same article).
  2. When the tables have another schema version (a column added, dropped, retyped: the
     version is derived from the schemas, `tasks.schemas.SCHEMA_VERSION`), the run rewrites
     every table in the new schema, so that after it every table has one schema:
       - every article the folder holds is extracted again: from the run's inputs, and from
         every other input the manifest lists whose file is still at the path it recorded
         (relative to the folder the run starts in) with the same bytes;
       - the rows of an article that cannot be extracted again (its input gone or changed)
         are migrated: a new column null, a dropped column dropped, a retyped column cast;
       - when a new column may not be null, such rows cannot be migrated: the article is
         retired, its rows moved, as they were, to `_newsfacts/retired/<old schema>/`, and the
         run lists it (`retired` in the summary).
  3. Every part records the pipeline and schema version that wrote it; the manifest records the
     tables' schema version and the pipeline version of every input and article.
The upgrade is one run like any other: in batches, with progress, committed at once at the end,
so a run killed during it changes nothing and the next run starts it again.
"""
from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks import PIPELINE_VERSION
from tasks.common.hashing import sha256_file
from tasks.schemas import ALL_TABLES, SCHEMA_VERSION
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest, Plan, PlannedInput


class CannotMigrate(ValueError):
    """Rows of an older schema lack a column that may not be null."""


def replaced(manifest: Manifest, extracted: set[str]) -> set[str]:
    """The articles a run extracted again whose held rows another version wrote: the new rows replace them."""
    if not manifest.current:
        return {a for a in extracted if a in manifest.articles}
    return {a for a in extracted if a in manifest.articles and manifest.articles[a].get("version") != PIPELINE_VERSION}


def carry(plan: Plan) -> Plan:
    """On a schema change, add to the plan every held input outside the run's paths that can be
    extracted again (same bytes at the recorded path); count the held articles that cannot."""
    m = plan.manifest
    if m.current:
        return plan
    given = {i.source for i in plan.inputs}
    outside = [PlannedInput(src, src, info["sha"], "upgrade") for src, info in sorted(m.inputs.items())
               if src not in given and _same_bytes(src, info.get("sha"))]
    extracted = given | {i.source for i in outside}
    kept = {a for src, info in m.inputs.items() if src not in extracted for a in info.get("articles", [])}
    kept -= {a for src in extracted for a in m.inputs.get(src, {}).get("articles", [])}
    plan.inputs += outside
    plan.outside, plan.kept = len(outside), len(kept)
    return plan


def _same_bytes(path: str, sha: str | None) -> bool:
    try:
        return sha is not None and sha256_file(path) == sha
    except OSError:
        return False


def blocking_columns(layout: OutputLayout, skip: set[str] = frozenset()) -> dict[str, list[str]]:
    """Table -> the columns its current schema requires (not null) that some part lacks: rows
    of such parts cannot be migrated. Only part footers are read (not those of `skip`: damaged
    files, relative paths)."""
    out: dict[str, list[str]] = {}
    for table, schema in ALL_TABLES.items():
        folder = layout.table(table)
        if not folder.is_dir():
            continue
        missing: set[str] = set()
        for path in folder.rglob("*.parquet"):
            if str(path.relative_to(layout.root)) in skip:
                continue
            names = set(pq.read_schema(path).names)
            missing |= {f.name for f in schema if not f.nullable and f.name not in names}
        if missing:
            out[table] = sorted(missing)
    return out


def migrate(t: pa.Table, schema: pa.Schema) -> pa.Table:
    """Rows of an older schema in `schema`: columns in its order, a new column null, a dropped
    column dropped, a retyped column cast (raises CannotMigrate for a new column that may not
    be null, and pyarrow's error for a cast that would lose values)."""
    if t.schema.remove_metadata().equals(schema.remove_metadata()):
        return t.replace_schema_metadata(schema.metadata)
    cols = []
    for f in schema:
        if f.name in t.column_names:
            cols.append(pc.cast(t.column(f.name), f.type))
        elif f.nullable or t.num_rows == 0:
            cols.append(pa.nulls(t.num_rows, type=f.type))
        else:
            raise CannotMigrate(f"column {f.name} is new and may not be null")
    return pa.Table.from_arrays(cols, schema=schema)


def describe(manifest: Manifest) -> str | None:
    """One line on what a run does to this folder because of versions (None when nothing)."""
    if manifest.current:
        return None
    return (f"the tables were written by newsfacts {manifest.pipeline_version or '0.1'} in schema "
            f"{manifest.schema_version or '(unversioned)'}; newsfacts {PIPELINE_VERSION} has schema {SCHEMA_VERSION}: every "
            f"article is extracted again (or migrated, or retired), every table rewritten in the new schema")
