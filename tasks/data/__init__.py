"""Versioned data files (word lists, cue verbs, titles, patterns) and their loaders."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file (lower-cased is up to the caller)."""
    path = DATA_DIR / name
    return tuple(
        line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def load_json(name: str):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def load_entries(name: str) -> dict:
    """A JSON object data file without its documentation keys (those starting with "_")."""
    return {k: v for k, v in load_json(name).items() if not k.startswith("_")}
