"""Readers for inputs other than plain .txt files (HTML pages, bulk dumps, archives)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tasks.model import RawDocument, Rejection

if TYPE_CHECKING:
    from tasks.ingest import InputFile

SUFFIXES: tuple[str, ...] = ()


def read(f: "InputFile", max_bytes: int, fields: dict[str, str] | None = None) -> Iterator[RawDocument | Rejection]:
    yield Rejection(f.source, f"unsupported input type: {f.path.suffix}")
