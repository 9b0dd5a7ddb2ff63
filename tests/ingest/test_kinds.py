"""Input kinds from file names."""
from __future__ import annotations

from pathlib import Path

import pytest

from tasks.ingest.kinds import SUFFIXES, is_bulk, kind_of


@pytest.mark.parametrize("name, kind, bulk", [
    ("story.txt", "txt", False),
    ("Story.TXT", "txt", False),
    ("page.html", "html", False),
    ("page.htm", "html", False),
    ("page.xhtml", "html", False),
    ("rows.jsonl", "jsonl", True),
    ("rows.ndjson", "jsonl", True),
    ("rows.csv", "csv", True),
    ("rows.parquet", "parquet", True),
    ("rows.jsonl.gz", "gz", True),
    ("page.html.gz", "gz", True),
    ("pages.zip", "zip", True),
    ("notes.md", None, False),
    ("txt", None, False),
    (Path("folder/rows.csv"), "csv", True),
])
def test_kind_of_and_bulk(name, kind, bulk):
    assert kind_of(name) == kind and is_bulk(name) is bulk


def test_suffixes_searched_in_folders():
    assert sorted(SUFFIXES) == [".csv", ".gz", ".htm", ".html", ".jsonl", ".ndjson", ".parquet", ".txt", ".xhtml", ".zip"]
