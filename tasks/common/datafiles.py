"""Versioned data files (word lists, cue verbs, titles, patterns) and their loaders.

Each stage keeps its data files in a `data/` folder beside its modules; a module reads them
through `DATA = DataFiles.beside(__file__)`.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(
        line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


class DataFiles:
    """The data files of one stage (its `data/` folder)."""

    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def beside(cls, module_file: str) -> "DataFiles":
        return cls(Path(module_file).resolve().parent / "data")

    def path(self, name: str) -> Path:
        return self.folder / name

    def lines(self, name: str) -> tuple[str, ...]:
        """Non-empty, non-comment lines of a data file (lower-cased is up to the caller)."""
        return _lines(self.folder / name)

    def json(self, name: str):
        return _json(self.folder / name)

    def entries(self, name: str) -> dict:
        """A JSON object data file without its documentation keys (those starting with "_")."""
        return {k: v for k, v in self.json(name).items() if not k.startswith("_")}
