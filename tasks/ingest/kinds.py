"""What kind of input a file is, from its name: the one place that maps suffixes to readers.

    txt      .txt                      one article
    html     .html .htm .xhtml         one page
    jsonl    .jsonl .ndjson            bulk: one article a line
    csv      .csv                      bulk: one article a record
    parquet  .parquet                  bulk: one article a row
    gz, zip  .gz .zip                  archives of any of these

Folders are searched for these suffixes only (tasks.ingest.discover); a file named on the
command line is read whatever its name, and refused there when its kind is unknown.
"""
from __future__ import annotations

from pathlib import Path

# checked in this order; no suffix here is the end of another
KIND_SUFFIXES: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm", ".xhtml"),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "parquet": (".parquet",),
    "gz": (".gz",),
    "zip": (".zip",),
    "txt": (".txt",),
}
BULK_KINDS = frozenset({"jsonl", "csv", "parquet", "gz", "zip"})  # may hold many articles
ARCHIVE_KINDS = frozenset({"gz", "zip"})
SUFFIXES: tuple[str, ...] = tuple(s for sufs in KIND_SUFFIXES.values() for s in sufs)


def kind_of(name: str | Path) -> str | None:
    """The kind of input a file name says it is (case-insensitive), or None."""
    n = str(name).lower()
    for kind, sufs in KIND_SUFFIXES.items():
        if n.endswith(sufs):
            return kind
    return None


def is_bulk(name: str | Path) -> bool:
    """Inputs that may hold many articles (dumps and archives)."""
    return kind_of(name) in BULK_KINDS


__all__ = ["KIND_SUFFIXES", "SUFFIXES", "BULK_KINDS", "ARCHIVE_KINDS", "kind_of", "is_bulk"]
