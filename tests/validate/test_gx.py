"""Running a suite: which rows fail, and which expectations fail without naming rows."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

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


# ---- semantic expectations (critical: the row is quarantined) and GX's severity


def test_real_rows_pass_every_expectation_and_count_their_metrics(ferry):
    for table, data in ferry.items():
        v = gx.validate_table(table, data)
        assert (v.success, v.failed_rows, v.table_failures, v.findings) == (True, {}, [], []), table
    assert gx.validate_table("quotes", ferry["quotes"]).counts == {"quotes_named_speaker": (2, 3)}
    assert gx.validate_table("numeric_facts", ferry["numeric_facts"]).counts == {"money_with_currency": (1, 1)}
    assert gx.validate_table("articles", ferry["articles"]).counts == {"articles_without_sentences": (0, 1),
                                                                       "articles_below_word_floor": (0, 1)}


def test_a_value_outside_its_range_fails(ferry, edit):
    i = edit.row_of(ferry, "numeric_facts", unit="%")
    above = gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", i, value=9.0)["numeric_facts"])
    below = gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", i, value_low=6.0)["numeric_facts"])
    upside_down = gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", i, value_high=4.0)["numeric_facts"])
    pair = "expect_column_pair_values_a_to_be_greater_than_b"
    assert above.failed_rows == {i: [f"{pair}(column_A=value_high, column_B=value)"]}
    assert below.failed_rows == {i: [f"{pair}(column_A=value, column_B=value_low)"]}
    assert upside_down.failed_rows == {i: [f"{pair}(column_A=value_high, column_B=value)", f"{pair}(column_A=value_high, column_B=value_low)"]}


def test_a_unit_outside_the_vocabulary_of_its_kind_fails(ferry, edit):
    money = edit.row_of(ferry, "numeric_facts", unit="GBP")
    v = gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", money, unit="pounds")["numeric_facts"])
    assert v.failed_rows == {money: ['expect_column_values_to_be_in_set(column=unit, if kind=="money")']}
    pct = edit.row_of(ferry, "numeric_facts", unit="%")
    v = gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", pct, unit="percent")["numeric_facts"])
    assert v.failed_rows == {pct: ['expect_column_values_to_be_in_set(column=unit, if kind=="percent")']}
    year = edit.changed(ferry, "numeric_facts", money, kind="year")
    v = gx.validate_table("numeric_facts", year["numeric_facts"])
    assert v.failed_rows == {money: ["expect_column_values_to_be_null(column=unit, if kind in ['year', 'date', 'ordinal'])"]}
    counted = edit.row_of(ferry, "numeric_facts", kind="count", value=2314.0)  # open vocabularies: computed (test_checks)
    assert gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", counted, unit="ferries")["numeric_facts"]).success


def test_a_publication_time_in_the_future_fails(ferry, edit):
    soon = datetime.now(timezone.utc) + timedelta(hours=12)  # within the widest UTC offset: not yet the future
    later = datetime.now(timezone.utc) + timedelta(days=2)
    assert gx.validate_table("articles", edit.changed(ferry, "articles", 0, published_at=soon)["articles"]).success
    v = gx.validate_table("articles", edit.changed(ferry, "articles", 0, published_at=later)["articles"])
    assert v.failed_rows == {0: ["expect_column_values_to_be_between(column=published_at)"]}


def test_a_warning_expectation_names_its_rows_and_quarantines_nothing(ferry, edit):
    v = gx.validate_table("articles", edit.changed(ferry, "articles", 0, n_words=22)["articles"])
    assert (v.success, v.failed_rows, v.table_failures) == (True, {}, [])
    (f,) = v.findings
    assert (f.name, f.severity, f.rows, f.element_count, f.unexpected_count) == (
        "expect_column_values_to_be_between(column=n_words)", "warning", [0], 1, 1)
    assert f.config["meta"]["metric"] == "articles_below_word_floor" and "1st-percentile" in f.config["meta"]["reason"]
    assert v.counts["articles_below_word_floor"] == (1, 1)
    stored = [r for r in v.result["results"] if not r["success"]]
    assert [r["expectation_config"]["severity"] for r in stored] == ["warning"]
    assert "unexpected_index_list" not in stored[0]["result"] and stored[0]["result"]["partial_unexpected_list"] == [22]


def test_statistical_warnings_fire_on_quotes_without_speakers_money_without_currency_and_articles_without_sentences(ferry, edit):
    no_speakers = ferry["quotes"]
    for column in ("speaker", "speaker_type", "speaker_entity_id"):  # no speaker found for any quote
        no_speakers = no_speakers.set_column(no_speakers.schema.get_field_index(column), no_speakers.schema.field(column),
                                             pa.nulls(no_speakers.num_rows, pa.string()))
    v = gx.validate_table("quotes", no_speakers)
    assert v.success and [(f.name, f.severity) for f in v.findings] == [("expect_column_values_to_not_be_null(column=speaker_entity_id)", "warning")]
    assert v.counts == {"quotes_named_speaker": (0, 3)}
    money = edit.row_of(ferry, "numeric_facts", unit="GBP")
    v = gx.validate_table("numeric_facts", edit.changed(ferry, "numeric_facts", money, unit=None)["numeric_facts"])
    assert v.success and [(f.name, f.severity) for f in v.findings] == [('expect_column_values_to_not_be_null(column=unit, if kind=="money")', "warning")]
    v = gx.validate_table("articles", edit.changed(ferry, "articles", 0, n_sentences=0)["articles"])
    assert v.success and [(f.name, f.severity) for f in v.findings] == [("expect_column_values_to_be_between(column=n_sentences)", "warning")]
    assert v.counts["articles_without_sentences"] == (1, 1)


def test_a_speaker_type_that_contradicts_the_speaker_entity_fails(ferry, edit):
    full = edit.row_of(ferry, "quotes", kind="full")
    unnamed_with_entity = edit.changed(ferry, "quotes", full, speaker_type="unnamed")["quotes"]
    person_without_entity = edit.changed(ferry, "quotes", full, speaker_entity_id=None)["quotes"]
    untyped_with_entity = edit.changed(ferry, "quotes", full, speaker_type=None)["quotes"]
    described = edit.changed(ferry, "quotes", full, speaker_type="unnamed", speaker_entity_id=None, speaker="a spokesman")["quotes"]
    assert gx.validate_table("quotes", unnamed_with_entity).failed_rows == {
        full: ["expect_column_values_to_be_null(column=speaker_entity_id, if speaker_type == \"unnamed\")"]}
    assert gx.validate_table("quotes", person_without_entity).failed_rows == {
        full: ["expect_column_values_to_not_be_null(column=speaker_entity_id, if speaker_type in [\"person\", \"organisation\"])"]}
    assert gx.validate_table("quotes", untyped_with_entity).failed_rows == {
        full: ["expect_column_values_to_not_be_null(column=speaker_type, if speaker_entity_id.notnull())"]}
    assert gx.validate_table("quotes", described).success
