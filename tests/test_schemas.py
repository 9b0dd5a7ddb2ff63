"""Everything derived from the schemas is in sync with them."""
from __future__ import annotations

from tasks.report import data_dictionary as datadoc
from tasks.paths import DOCS_DIR
from tasks.schemas import ALL_TABLES, describe


def test_every_column_is_described():
    for name, schema in ALL_TABLES.items():
        for f in schema:
            assert describe(f), f"{name}.{f.name} has no description"


def test_data_dictionary_is_in_sync():
    assert (DOCS_DIR / "DATA.md").read_text(encoding="utf-8") == datadoc.render(), "docs/DATA.md is stale: python -m tasks.report.data_dictionary"
