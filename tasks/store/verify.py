"""Is every file of the tables the one the manifest registered? Damaged parts are found here,
never read as empty.

The manifest registers every file a commit puts into the tables (path -> rows, bytes,
SHA-256). A part deleted, truncated, or rewritten by hand or by a sync tool, and a file no
commit put there (a sync tool's conflicted copy), is a damage:
  - `quick` (at the start of every run): each registered file is there with its size, and no
    other file is in the tables' folders; a folder written before files were registered has
    each part's footer read instead;
  - `full` (`newsfacts check`): also each file's SHA-256 and the row count in its footer.
Files whose names start with "." or "_" are not part of the tables (readers skip them too).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from tasks.common.hashing import sha256_file
from tasks.schemas import ALL_TABLES, CORPUS_TABLES
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest, Plan, PlannedInput

QUARANTINE = "quarantine"


@dataclass(frozen=True)
class Damage:
    path: str  # relative to the output folder
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class DamagedTables(RuntimeError):
    """The tables have damaged files: a run refuses to start (it would read or keep them)."""

    def __init__(self, out: str | Path, damages: list[Damage]):
        self.damages = damages
        shown = "; ".join(str(d) for d in damages[:5]) + (f"; and {len(damages) - 5} more" if len(damages) > 5 else "")
        super().__init__(f"{len(damages)} damaged file{'s' if len(damages) > 1 else ''} in the tables of {out}: {shown}. "
                         f"Nothing was changed; `newsfacts check --repair --out {out}` extracts their articles again")


@dataclass
class Repair:
    """What a repair asks of a commit: damaged files to take out of the tables (never read),
    the articles that had rows in them (their new rows replace what is left of the old ones),
    and those of them no input can give again (removed from every table, and listed)."""

    files: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    lost: set[str] = field(default_factory=set)


def table_files(layout: OutputLayout) -> list[str]:
    """Every file in the tables' folders (relative paths), but names starting with "." or "_"."""
    out = []
    for name in [*ALL_TABLES, *CORPUS_TABLES, QUARANTINE]:
        folder = layout.table(name)
        if folder.is_dir():
            out += [str(p.relative_to(layout.root)) for p in folder.rglob("*") if p.is_file() and not _hidden(p, folder)]
    return sorted(out)


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith((".", "_")) for part in path.relative_to(folder).parts)


def stats(path: Path) -> dict:
    """What the registry keeps of a file: its rows (from the Parquet footer), bytes and SHA-256."""
    return {"rows": pq.ParquetFile(path).metadata.num_rows, "bytes": path.stat().st_size, "sha256": sha256_file(path)}


def quick(layout: OutputLayout, manifest: Manifest) -> list[Damage]:
    """Missing, resized and unknown files (footers instead, for a folder with no registry)."""
    if manifest.parts is None:
        return [d for rel in table_files(layout) if (d := _footer(layout, rel)) is not None]
    found = set(table_files(layout))
    damages = []
    for rel, want in sorted(manifest.parts.items()):
        if rel not in found:
            damages.append(Damage(rel, "missing"))
            continue
        size = (layout.root / rel).stat().st_size
        if size != want["bytes"]:
            damages.append(Damage(rel, f"{size} bytes, registered with {want['bytes']}"))
    damages += [Damage(rel, "not put there by newsfacts (no commit registered it)") for rel in sorted(found - set(manifest.parts))]
    return damages


def full(layout: OutputLayout, manifest: Manifest) -> list[Damage]:
    """`quick`, then the content hash and row count of every registered file of the right size."""
    damages = quick(layout, manifest)
    if manifest.parts is None:
        return damages
    flagged = {d.path for d in damages}
    for rel, want in sorted(manifest.parts.items()):
        if rel in flagged:
            continue
        path = layout.root / rel
        if sha256_file(path) != want["sha256"]:
            damages.append(Damage(rel, "content differs from the registered SHA-256"))
        elif (d := _footer(layout, rel, want["rows"])) is not None:
            damages.append(d)
    return damages


def _footer(layout: OutputLayout, rel: str, rows: int | None = None) -> Damage | None:
    try:
        n = pq.ParquetFile(layout.root / rel).metadata.num_rows
    except (OSError, ValueError) as e:  # pyarrow: ArrowInvalid (a ValueError) for a truncated or foreign file
        return Damage(rel, f"unreadable: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
    if rows is not None and n != rows:
        return Damage(rel, f"{n} rows, registered with {rows}")
    return None


def affected_articles(damages: list[Damage], manifest: Manifest) -> set[str]:
    """The articles with rows in a damaged part of the seven tables (a part's name after its
    table folder is the one the manifest keeps for each of its articles)."""
    names = {d.path.split("/", 1)[1] for d in damages if d.path.split("/", 1)[0] in ALL_TABLES and "/" in d.path}
    return {aid for aid, info in manifest.articles.items() if info.get("part") in names}


def plan_repair(plan: Plan, damages: list[Damage]) -> tuple[Plan, Repair]:
    """Add to the plan the inputs holding an article with rows in a damaged part, where their
    file still exists (read at the recorded path, whatever its bytes now); the articles no such
    input holds are lost."""
    m = plan.manifest
    affected = affected_articles(damages, m)
    planned = {i.source for i in plan.inputs}
    recoverable: set[str] = set()
    for src, info in sorted(m.inputs.items()):
        held = set(info.get("articles", [])) & affected
        if not held:
            continue
        if src in planned:  # among the run's inputs: extracted again even when unchanged
            plan.inputs = [i._replace(status="repair") if i.source == src and i.status == "unchanged" else i for i in plan.inputs]
            recoverable |= held
            continue
        try:
            sha = sha256_file(src)
        except OSError:
            continue
        plan.inputs.append(PlannedInput(src, src, sha, "repair"))
        plan.outside += 1
        recoverable |= held
    return plan, Repair(files=sorted(d.path for d in damages), articles=affected, lost=affected - recoverable)
