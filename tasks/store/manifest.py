"""What the output folder already holds, and so what a run has to do: the one place that
decides whether an input is new, changed or unchanged.

An input is new when the manifest does not hold it; changed when it holds it with another
content hash (SHA-256 of its bytes); upgrade when it holds the same bytes but another pipeline
version wrote them, or the tables have another schema version (`tasks.store.upgrade` says what
a run does about that); unchanged otherwise. A refusal made before reading (a broken symlink,
an empty file...) is recorded once, not again on every run.

Besides inputs and articles, the manifest registers every file of the tables (`parts`: path
-> rows, bytes, SHA-256), so that a part deleted, truncated or altered by hand is found
(`tasks.store.verify`), and the schema version the tables have.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from tasks import PIPELINE_VERSION
from tasks.common.hashing import sha256_file
from tasks.schemas import SCHEMA_VERSION
from tasks.ingest import InputFile
from tasks.model import Rejection
from tasks.store.layout import OutputLayout

STATUSES = ("new", "changed", "unchanged", "upgrade", "repair")


class PlannedInput(NamedTuple):
    path: str  # where to read it
    source: str  # the path as given
    sha: str  # SHA-256 of its bytes
    status: str  # new | changed | unchanged | upgrade (held at another version) | repair (its rows were damaged)


@dataclass
class Plan:
    """A run's inputs with their status, the refusals it has to record, and the manifest it
    starts from; `outside`: how many of the inputs are not among the run's paths (held inputs
    extracted again for an upgrade or a repair); `kept`: held articles no input of the run
    replaces while the tables' schema changes (their rows are migrated or retired)."""

    inputs: list[PlannedInput]
    refusals: list[Rejection]
    manifest: "Manifest"
    outside: int = 0
    kept: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(1 for i in self.inputs if i.status == s) for s in STATUSES}

    @property
    def todo(self) -> list[PlannedInput]:
        """The inputs to read: new and changed ones."""
        return [i for i in self.inputs if i.status != "unchanged"]


@dataclass
class Manifest:
    """What the output folder holds: inputs (path -> sha, version, article ids), articles
    (id -> part path, sources, content hash, version), the files of the tables (path -> rows,
    bytes, sha256; None for a folder written before they were registered), the schema version
    of the tables ("" before it was recorded) and the pipeline version of the last commit."""

    inputs: dict[str, dict] = field(default_factory=dict)
    articles: dict[str, dict] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # paths refused before reading (symlinks...) -> reason
    parts: dict[str, dict] | None = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = PIPELINE_VERSION

    @classmethod
    def load(cls, layout: OutputLayout) -> "Manifest":
        if not layout.manifest.exists():
            return cls()
        d = json.loads(layout.manifest.read_text(encoding="utf-8"))
        return cls(inputs=d.get("inputs", {}), articles=d.get("articles", {}), refused=d.get("refused", {}),
                   parts=d.get("parts"), schema_version=d.get("schema_version", ""), pipeline_version=d.get("pipeline_version", ""))

    def to_json(self) -> dict:
        """As a commit writes it: by this pipeline version, the tables in this schema version."""
        return {"inputs": self.inputs, "articles": self.articles, "refused": self.refused, "parts": self.parts or {},
                "pipeline_version": PIPELINE_VERSION, "schema_version": SCHEMA_VERSION}

    def copy(self) -> "Manifest":
        return Manifest(inputs=dict(self.inputs), articles={k: dict(v) for k, v in self.articles.items()},
                        refused=dict(self.refused), parts=None if self.parts is None else dict(self.parts),
                        schema_version=self.schema_version, pipeline_version=self.pipeline_version)

    @property
    def current(self) -> bool:
        """True when the tables have this version's schema (or there are none yet)."""
        return self.schema_version == SCHEMA_VERSION or not (self.inputs or self.articles)

    def status(self, source: str, sha: str) -> str:
        """new | changed | upgrade | unchanged for an input file."""
        prev = self.inputs.get(source)
        if prev is None:
            return "new"
        if prev.get("sha") != sha:
            return "changed"
        if prev.get("version") != PIPELINE_VERSION or not self.current:
            return "upgrade"
        return "unchanged"

    def plan(self, files: Iterable[InputFile], refusals: list[Rejection]) -> Plan:
        """Hash every input and compare it with what the folder holds. An input that cannot
        be read is refused; refusals already recorded with the same reason are left out."""
        planned: list[PlannedInput] = []
        refused = list(refusals)
        for f in files:
            try:
                sha = sha256_file(f.path)
            except OSError as e:
                refused.append(Rejection(f.source, f"unreadable file: {e.strerror or e}"))
                continue
            planned.append(PlannedInput(str(f.path), f.source, sha, self.status(f.source, sha)))
        return Plan(planned, [r for r in refused if self.refused.get(r.source) != r.reason], self)

    def unseen(self, files: Iterable[InputFile]) -> list[InputFile]:
        """The inputs this folder holds at no version of this pipeline: a guess, without reading
        their bytes, at which inputs a run will process (to prepare workers before planning)."""
        if not self.current:
            return list(files)
        return [f for f in files if self.inputs.get(f.source, {}).get("version") != PIPELINE_VERSION]
