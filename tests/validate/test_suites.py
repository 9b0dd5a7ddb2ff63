"""The GX suites are derived from the schemas, and the stored ones are in sync."""
from __future__ import annotations

import json

import pyarrow as pa

from tasks.paths import EXPECTATIONS_DIR
from tasks.schemas import ALL_TABLES
from tasks.validate import checks, suites as validate


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


def test_numeric_facts_expect_ranges_in_order_and_units_of_their_kind():
    d = validate.suite_dict("numeric_facts")
    exps = [(e["type"], e["kwargs"]) for e in d["expectations"]]
    pair = "expect_column_pair_values_a_to_be_greater_than_b"
    for a, b in (("value", "value_low"), ("value_high", "value"), ("value_high", "value_low")):
        assert (pair, {"column_A": a, "column_B": b, "or_equal": True, "ignore_row_if": "either_value_is_missing"}) in exps
    in_set = {e["kwargs"]["row_condition"]: e["kwargs"]["value_set"] for e in d["expectations"]
              if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == "unit"}
    assert set(in_set) == {'kind=="money"', 'kind=="percent"'}
    assert {"GBP", "USD", "EUR", "GBX"} <= set(in_set['kind=="money"']) and "%" in in_set['kind=="percent"']
    canonical = [c for c in d["meta"]["computed"] if c["type"] == checks.CANONICAL]
    assert [c["kwargs"] for c in canonical] == [{"column": "unit", "kinds": ["count", "quantity"]}]


def test_statistical_expectations_are_warnings_with_their_thresholds_and_reasons():
    th = json.loads((EXPECTATIONS_DIR / "thresholds.json").read_text(encoding="utf-8"))
    quotes = validate.suite_dict("quotes")["expectations"]
    (named,) = [e for e in quotes if e.get("meta", {}).get("metric") == "quotes_named_speaker"]
    assert named["severity"] == "warning" and named["kwargs"] == {"column": "speaker_entity_id",
                                                                  "mostly": th["metrics"]["quotes_named_speaker"]["min_value"]}
    assert named["meta"]["reason"] == th["metrics"]["quotes_named_speaker"]["reason"]
    (floor,) = [e for e in validate.suite_dict("articles")["expectations"] if e.get("meta", {}).get("metric") == "articles_below_word_floor"]
    assert floor["kwargs"] == {"column": "n_words", "min_value": th["word_floor"]["value"]} and floor["meta"]["min_articles"] == 0
    (rate,) = [c for c in validate.suite_dict("mentions")["meta"]["computed"] if c["type"] == "expect_mentions_per_1000_words_to_be_between"]
    assert rate["severity"] == "warning" and rate["kwargs"] == {k: th["metrics"]["mentions_per_1000_words"][k] for k in ("min_value", "max_value")}
    assert set(validate.metric_meta()) == {"quotes_named_speaker", "money_with_currency", "articles_without_sentences",
                                           "articles_below_word_floor", "mentions_per_1000_words"}
    critical = [e for t in ALL_TABLES for e in validate.suite_dict(t)["expectations"] if "metric" not in e.get("meta", {})]
    assert all(e.get("severity", "critical") == "critical" for e in critical)


def test_every_reference_and_span_of_the_schemas_is_a_computed_check():
    computed = {(c["type"], c["kwargs"].get("column"), c["kwargs"].get("table")) for c in validate.suite_dict("quotes")["meta"]["computed"]}
    ref = "expect_column_values_to_exist_in_table"
    assert {(ref, "article_id", "articles"), (ref, "paragraph_idx", "paragraphs"), (ref, "sentence_idx", "sentences"),
            (ref, "speaker_entity_id", "entities"), (checks.MATCH, "text", None), (checks.MATCH, "speaker_mention", None)} <= computed
    assert "computed" not in validate.suite_dict("rejections")["meta"]


def test_speaker_type_expectations_exist_only_with_the_column(monkeypatch):
    quotes = validate.ALL_TABLES["quotes"]
    has = "speaker_type" in quotes.names
    typed = quotes if has else quotes.append(pa.field("speaker_type", pa.string()))
    monkeypatch.setitem(validate.ALL_TABLES, "quotes", typed)
    conds = [e["kwargs"].get("row_condition") for e in validate.suite_dict("quotes")["expectations"] if e["kwargs"].get("column") == "speaker_entity_id"]
    assert 'speaker_type == "unnamed"' in conds
    monkeypatch.setitem(validate.ALL_TABLES, "quotes", pa.schema([f for f in quotes if f.name != "speaker_type"], metadata=quotes.metadata))
    assert not any("speaker_type" in json.dumps(e) for e in validate.suite_dict("quotes")["expectations"])


def test_suite_parameters_allow_the_widest_utc_offset():
    from datetime import datetime, timedelta, timezone

    now = datetime(2026, 2, 1, 12, tzinfo=timezone.utc)
    assert validate.suite_parameters(now) == {"latest_published_at": now + timedelta(hours=14)}
