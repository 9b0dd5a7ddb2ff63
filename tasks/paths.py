"""The project's own places: default input and output folders, the GX suites, the docs.

(The layout of an output folder is `tasks.store.layout`.)
"""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = PROJECT_ROOT / "raw"
DEFAULT_OUTPUT = PROJECT_ROOT / "processed"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DOCS_DIR = PROJECT_ROOT / "docs"
