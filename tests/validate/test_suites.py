"""The GX suites are derived from the schemas, and the stored ones are in sync."""
from __future__ import annotations

import json

from tasks.paths import EXPECTATIONS_DIR
from tasks.schemas import ALL_TABLES
from tasks.validate import suites as validate


def test_expectation_suites_are_generated_from_the_schemas():
    for table in ALL_TABLES:
        stored = json.loads((EXPECTATIONS_DIR / f"{table}.json").read_text(encoding="utf-8"))
        assert stored == validate.suite_dict(table), f"expectations/{table}.json is stale: run `make expectations`"


def test_a_suite_has_the_column_list_not_null_type_and_key_expectations():
    d = validate.suite_dict("rejections")
    assert d["name"] == "rejections" and d["meta"] == {"generated_from": "tasks/schemas.py"}
    assert [(e["type"], e["kwargs"]) for e in d["expectations"]] == [
        ("expect_table_columns_to_match_ordered_list", {"column_list": ["source", "reason", "content_sha256", "rejected_at", "pipeline_version"]}),
        ("expect_column_values_to_not_be_null", {"column": "source"}),
        ("expect_column_values_to_be_of_type", {"column": "source", "type_": "str"}),
        ("expect_column_values_to_not_be_null", {"column": "reason"}),
        ("expect_column_values_to_be_of_type", {"column": "reason", "type_": "str"}),
        ("expect_column_values_to_be_of_type", {"column": "content_sha256", "type_": "str"}),
        ("expect_column_values_to_not_be_null", {"column": "rejected_at"}),
        ("expect_column_values_to_not_be_null", {"column": "pipeline_version"}),
        ("expect_column_values_to_be_of_type", {"column": "pipeline_version", "type_": "str"}),
    ]
    assert d["expectations"][1]["meta"] == {"description": "Input that was refused."}
    kinds = {e["type"]: e["kwargs"] for e in validate.suite_dict("paragraphs")["expectations"]}
    assert kinds["expect_compound_columns_to_be_unique"] == {"column_list": ["article_id", "paragraph_idx"]}
    assert kinds["expect_column_values_to_be_in_set"] == {"column": "kind", "value_set": ["headline", "standfirst", "subheading", "body"]}
    assert kinds["expect_column_pair_values_a_to_be_greater_than_b"] == {"column_A": "char_end", "column_B": "char_start", "or_equal": False}


def test_write_suites_writes_one_file_per_table(tmp_path):
    written = validate.write_suites(tmp_path)
    assert [p.name for p in written] == [f"{t}.json" for t in ALL_TABLES]
    assert json.loads((tmp_path / "quotes.json").read_text(encoding="utf-8")) == validate.suite_dict("quotes")
    assert validate.main(["--bogus"]) == 2
