"""Everything derived from the schemas is in sync with them."""
from __future__ import annotations

import json

from tasks.report import data_dictionary as datadoc
from tasks.validate import suites as validate
from tasks.paths import DOCS_DIR, EXPECTATIONS_DIR
from tasks.schemas import ALL_TABLES, describe


def test_every_column_is_described():
    for name, schema in ALL_TABLES.items():
        for f in schema:
            assert describe(f), f"{name}.{f.name} has no description"


def test_expectation_suites_are_generated_from_the_schemas():
    for table in ALL_TABLES:
        stored = json.loads((EXPECTATIONS_DIR / f"{table}.json").read_text(encoding="utf-8"))
        assert stored == validate.suite_dict(table), f"expectations/{table}.json is stale: run `make expectations`"


def test_data_dictionary_is_in_sync():
    assert (DOCS_DIR / "DATA.md").read_text(encoding="utf-8") == datadoc.render(), "docs/DATA.md is stale: python -m tasks.report.data_dictionary"


def test_validation_splits_failing_rows():
    good = {"article_id": "a" * 16, "paragraph_idx": 0, "kind": "body", "section": None, "char_start": 0, "char_end": 4, "text": "Text"}
    bad = dict(good, paragraph_idx=1, kind="sidebar")
    v = validate.validate_rows("paragraphs", [good, bad])
    assert not v.success
    assert v.failed_rows == {1: ["expect_column_values_to_be_in_set(column=kind)"]}
