"""Running a suite: which rows fail, and which expectations fail without naming rows."""
from __future__ import annotations

import pyarrow as pa

from tasks.schemas import PARAGRAPHS
from tasks.validate import gx

GOOD = {"article_id": "a" * 16, "paragraph_idx": 0, "kind": "body", "section": None, "char_start": 0, "char_end": 4, "text": "Text"}


def test_validation_splits_failing_rows():
    good = {"article_id": "a" * 16, "paragraph_idx": 0, "kind": "body", "section": None, "char_start": 0, "char_end": 4, "text": "Text"}
    bad = dict(good, paragraph_idx=1, kind="sidebar")
    v = gx.validate_rows("paragraphs", [good, bad])
    assert not v.success
    assert v.failed_rows == {1: ["expect_column_values_to_be_in_set(column=kind)"]}


def test_rows_that_pass_give_a_success_and_the_gx_result():
    v = gx.validate_rows("paragraphs", [GOOD, dict(GOOD, paragraph_idx=1, char_start=5, char_end=9)])
    assert (v.success, v.rows, v.failed_rows, v.table_failures) == (True, 2, {}, [])
    assert v.result["success"] is True and v.result["suite_name"] == "paragraphs"


def test_each_failing_row_is_named_with_every_expectation_it_fails():
    v = gx.validate_rows("paragraphs", [GOOD, GOOD, dict(GOOD, paragraph_idx=1, char_end=0)])
    key = "expect_compound_columns_to_be_unique(column_list=['article_id', 'paragraph_idx'])"
    assert v.failed_rows == {0: [key], 1: [key], 2: ["expect_column_pair_values_a_to_be_greater_than_b(column_A=char_end, column_B=char_start)"]}
    assert v.table_failures == []


def test_an_expectation_naming_no_rows_is_a_table_failure():
    t = pa.Table.from_pylist([GOOD], schema=PARAGRAPHS).select(["paragraph_idx", "article_id", "kind", "section", "char_start", "char_end", "text"])
    v = gx.validate_table("paragraphs", t)
    assert not v.success and v.failed_rows == {}
    assert v.table_failures == ["expect_table_columns_to_match_ordered_list(column_list=['article_id', 'paragraph_idx', 'kind', "
                                "'section', 'char_start', 'char_end', 'text'])"]
