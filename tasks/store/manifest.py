"""What the output folder already holds, and so what a run has to do: the one place that
decides whether an input is new, changed or unchanged.

An input is unchanged when the manifest holds it with the same content hash (SHA-256 of its
bytes) and the same pipeline version; changed when it holds it otherwise; new when it does
not hold it. A refusal made before reading (a broken symlink, an empty file...) is recorded
once, not again on every run.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from tasks import PIPELINE_VERSION
from tasks.common.hashing import sha256_file
from tasks.ingest import InputFile
from tasks.model import Rejection
from tasks.store.layout import OutputLayout

STATUSES = ("new", "changed", "unchanged")


class PlannedInput(NamedTuple):
    path: str  # where to read it
    source: str  # the path as given
    sha: str  # SHA-256 of its bytes
    status: str  # new | changed | unchanged


@dataclass
class Plan:
    """A run's inputs with their status, the refusals it has to record, and the manifest it starts from."""

    inputs: list[PlannedInput]
    refusals: list[Rejection]
    manifest: "Manifest"

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(1 for i in self.inputs if i.status == s) for s in STATUSES}

    @property
    def todo(self) -> list[PlannedInput]:
        """The inputs to read: new and changed ones."""
        return [i for i in self.inputs if i.status != "unchanged"]


@dataclass
class Manifest:
    """What the output folder holds: inputs (path -> sha, version, article ids) and articles
    (id -> part path, ingested_at, sources)."""

    inputs: dict[str, dict] = field(default_factory=dict)
    articles: dict[str, dict] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # paths refused before reading (symlinks...) -> reason

    @classmethod
    def load(cls, layout: OutputLayout) -> "Manifest":
        if not layout.manifest.exists():
            return cls()
        d = json.loads(layout.manifest.read_text(encoding="utf-8"))
        return cls(inputs=d.get("inputs", {}), articles=d.get("articles", {}), refused=d.get("refused", {}))

    def to_json(self) -> dict:
        return {"inputs": self.inputs, "articles": self.articles, "refused": self.refused, "pipeline_version": PIPELINE_VERSION}

    def copy(self) -> "Manifest":
        return Manifest(inputs=dict(self.inputs), articles={k: dict(v) for k, v in self.articles.items()},
                        refused=dict(self.refused))

    def status(self, source: str, sha: str) -> str:
        """new | changed | unchanged for an input file."""
        prev = self.inputs.get(source)
        if prev is None:
            return "new"
        if prev.get("sha") == sha and prev.get("version") == PIPELINE_VERSION:
            return "unchanged"
        return "changed"

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
        return [f for f in files if self.inputs.get(f.source, {}).get("version") != PIPELINE_VERSION]
