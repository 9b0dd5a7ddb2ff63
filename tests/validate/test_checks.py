"""The checks that need a second table (computed in the validation stage): each failure injected
into real tables fails its row under the check's name, at severity critical, and what points at
a failed row fails with it."""
from __future__ import annotations

from tasks.schemas import TABLES
from tasks.validate import checks, suites

WITHIN = "expect_span_to_be_within_article_text(column_list=['char_start', 'char_end'])"
MATCH = "expect_column_values_to_equal_article_text_slice(column=text)"


def ref(column: str, table: str) -> str:
    return f"expect_column_values_to_exist_in_table(column={column}, table={table})"


def run(tables) -> tuple[dict, list[checks.Outcome]]:
    failed: dict = {}
    declared = {t: suites.stored_suite(t).get("meta", {}).get("computed", []) for t in TABLES}
    return failed, checks.check_batch(tables, failed, declared)


def test_real_tables_pass_every_computed_check(ferry):
    failed, outcomes = run(ferry)
    assert failed == {}
    judged = {(o.table, o.name): o.element_count for o in outcomes}
    assert judged[("mentions", ref("entity_id", "entities"))] == ferry["mentions"].num_rows
    assert judged[("numeric_facts", ref("quote_id", "quotes"))] == 3  # the facts inside a quote
    assert judged[("quotes", "expect_column_values_to_equal_article_text_slice(column=speaker_mention)")] == 3
    assert all(o.config["severity"] == "critical" for o in outcomes)


def test_an_offset_outside_the_text_fails_and_what_points_at_its_sentence_follows(ferry, edit):
    last = edit.row_of(ferry, "sentences", sentence_idx=4)
    failed, _ = run(edit.changed(ferry, "sentences", last, char_end=999))
    assert failed == {"sentences": {last: [WITHIN]},
                      "mentions": {edit.row_of(ferry, "mentions", sentence_idx=4): [ref("sentence_idx", "sentences")]},
                      "quotes": {edit.row_of(ferry, "quotes", sentence_idx=4): [ref("sentence_idx", "sentences")]},
                      "numeric_facts": {edit.row_of(ferry, "numeric_facts", sentence_idx=4): [ref("sentence_idx", "sentences"),
                                                                                               ref("quote_id", "quotes")]}}


def test_text_that_is_not_the_slice_it_claims_fails(ferry, edit):
    i = edit.row_of(ferry, "mentions", text="Ines Harrow")
    failed, outcomes = run(edit.changed(ferry, "mentions", i, text="Ines Harow"))
    assert failed == {"mentions": {i: [MATCH]}}
    (o,) = [o for o in outcomes if o.table == "mentions" and o.name == MATCH]
    assert o.unexpected == [i] and o.examples == [f"{ferry['articles']['article_id'][0]}: 'Ines Harow' != 'Ines Harrow'"]


def test_a_speaker_mention_that_is_not_its_slice_fails(ferry, edit):
    i = edit.row_of(ferry, "quotes", speaker_mention="Harrow")
    start = ferry["quotes"]["speaker_char_start"][i].as_py()
    quote_id = ferry["quotes"]["quote_id"][i].as_py()
    failed, _ = run(edit.changed(ferry, "quotes", i, speaker_char_start=start + 1))
    assert failed == {"quotes": {i: ["expect_column_values_to_equal_article_text_slice(column=speaker_mention)"]},
                      "numeric_facts": {edit.row_of(ferry, "numeric_facts", quote_id=quote_id): [ref("quote_id", "quotes")]}}


def test_a_paragraph_index_that_does_not_exist_fails_with_the_facts_of_its_quote(ferry, edit):
    q = edit.row_of(ferry, "quotes", kind="full")
    quote_id = ferry["quotes"]["quote_id"][q].as_py()
    failed, _ = run(edit.changed(ferry, "quotes", q, paragraph_idx=9))
    assert failed == {"quotes": {q: [ref("paragraph_idx", "paragraphs")]},
                      "numeric_facts": {edit.row_of(ferry, "numeric_facts", quote_id=quote_id): [ref("quote_id", "quotes")]}}


def test_a_mention_whose_entity_does_not_exist_fails(ferry, edit):
    aid = ferry["articles"]["article_id"][0].as_py()
    failed, _ = run(edit.changed(ferry, "mentions", 0, entity_id=f"{aid}:7"))
    assert failed == {"mentions": {0: [ref("entity_id", "entities")]}}


def test_a_quote_whose_speaker_points_nowhere_fails_with_the_facts_inside_it(ferry, edit):
    q = edit.row_of(ferry, "quotes", kind="indirect", speaker="Ines Harrow")
    quote_id = ferry["quotes"]["quote_id"][q].as_py()
    failed, _ = run(edit.changed(ferry, "quotes", q, speaker_entity_id="elsewhere:9"))
    assert failed == {"quotes": {q: [ref("speaker_entity_id", "entities")]},
                      "numeric_facts": {edit.row_of(ferry, "numeric_facts", quote_id=quote_id): [ref("quote_id", "quotes")]}}


def test_a_row_of_no_article_fails_every_reference(ferry, edit):
    i = edit.row_of(ferry, "numeric_facts", unit="GBP")
    failed, _ = run(edit.changed(ferry, "numeric_facts", i, article_id="ffffffffffffffff"))
    assert failed == {"numeric_facts": {i: [ref("article_id", "articles"), ref("sentence_idx", "sentences")]}}


def test_a_fact_whose_quote_does_not_exist_fails(ferry, edit):
    i = edit.row_of(ferry, "numeric_facts", kind="count", value=2314.0)
    failed, _ = run(edit.changed(ferry, "numeric_facts", i, quote_id="nowhere:q:9"))
    assert failed == {"numeric_facts": {i: [ref("quote_id", "quotes")]}}


def test_a_quarantined_entity_takes_its_mentions_and_leaves_quotes_pointing_at_it_failing(ferry, edit):
    harrow = edit.row_of(ferry, "entities", name="Ines Harrow")
    failed = {"entities": {harrow: ["expect_column_values_to_be_in_set(column=label)"]}}
    declared = {t: suites.stored_suite(t).get("meta", {}).get("computed", []) for t in TABLES}
    checks.check_batch(ferry, failed, declared)
    entity_id = ferry["entities"]["entity_id"][harrow].as_py()
    assert set(failed["mentions"]) == {i for i, e in enumerate(ferry["mentions"]["entity_id"].to_pylist()) if e == entity_id}
    harrows = {i for i, e in enumerate(ferry["quotes"]["speaker_entity_id"].to_pylist()) if e == entity_id}
    assert harrows == {0, 2}  # her quotation and her reported words; the operator's (1) is not hers
    assert set(failed["quotes"]) == harrows and set(failed["numeric_facts"]) == {1, 3}


def test_results_are_in_gx_result_format():
    o = checks.Outcome("mentions", {"type": checks.REFERENCE, "kwargs": {"column": "entity_id", "table": "entities",
                                                                         "table_column": "entity_id"}, "severity": "critical"},
                       element_count=4, unexpected=[2], examples=["a1: a1:7"])
    r = checks.result_json("mentions", [o, checks.Outcome("mentions", o.config, element_count=3)])
    assert r["success"] is False and r["statistics"] == {"evaluated_expectations": 1, "successful_expectations": 0,
                                                         "unsuccessful_expectations": 1, "success_percent": 0.0}
    (res,) = r["results"]
    assert res["expectation_config"] == o.config and res["success"] is False
    assert res["result"] == {"element_count": 7, "unexpected_count": 1, "unexpected_percent": 100 / 7, "partial_unexpected_list": ["a1: a1:7"]}


def test_a_quantity_or_count_unit_that_is_not_canonical_fails(ferry, edit):
    canonical = "expect_column_values_to_be_canonical_units(column=unit)"
    years = edit.row_of(ferry, "numeric_facts", kind="quantity", value=10.0)
    failed, _ = run(edit.changed(ferry, "numeric_facts", years, unit="kilometres"))  # Pint's name is "kilometer"
    assert failed == {"numeric_facts": {years: [canonical]}}
    assert run(edit.changed(ferry, "numeric_facts", years, unit="square_kilometer"))[0] == {}
    residents = edit.row_of(ferry, "numeric_facts", kind="count", value=2314.0)
    failed, _ = run(edit.changed(ferry, "numeric_facts", residents, unit=" resident "))
    assert failed == {"numeric_facts": {residents: [canonical]}}
