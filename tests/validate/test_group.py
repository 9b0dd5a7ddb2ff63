"""A group of batches validated at once gives each batch the verdict it would get alone."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.compute as pc

from tasks import PIPELINE_VERSION
from tasks.schemas import ARTICLES, PARAGRAPHS, TABLES, row
from tasks.validate import checks, gx
from tasks.validate.group import validate_group

WHEN = datetime(2026, 2, 1, tzinfo=timezone.utc)
IN_SET = "expect_column_values_to_be_in_set(column=kind)"


def batch(*articles: tuple[str, list[str]]) -> dict[str, pa.Table]:
    """(article id, paragraph kinds) -> a batch's tables (its other tables empty)."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for aid, kinds in articles:
        text = " ".join(f"Line {i}." for i in range(len(kinds)))
        rows["articles"].append(row(ARTICLES, article_id=aid, source=f"{aid}.txt", sources=[f"{aid}.txt"], title="Line 0.", standfirst=None,
                                    text=text, n_paragraphs=len(kinds), n_sentences=len(kinds), n_words=2 * len(kinds),
                                    content_sha256="0" * 64, encoding="utf-8", url=None, published_at=None, ingested_at=WHEN,
                                    pipeline_version=PIPELINE_VERSION))
        rows["paragraphs"] += [row(PARAGRAPHS, article_id=aid, paragraph_idx=i, kind=k, section=None, char_start=8 * i,
                                   char_end=8 * i + 7, text=f"Line {i}.") for i, k in enumerate(kinds)]
    return {t: pa.Table.from_pylist(rs, schema=TABLES[t]) for t, rs in rows.items()}


def gx_calls(record: dict) -> int:
    """GX results in a table's record (the computed checks' result rides beside them)."""
    return sum(r.get("meta", {}).get("evaluated_by") != checks.EVALUATED_BY for r in record["results"])


def test_a_failing_row_is_blamed_on_its_own_batch_at_its_own_position():
    verdicts = validate_group([batch(("a1", ["headline", "body"])), batch(("b1", ["headline", "body", "sidebar"]))])
    assert [v.failed for v in verdicts] == [{}, {"paragraphs": {2: [IN_SET]}}]
    assert verdicts[0].record["paragraphs"] == {"success": True, "rows": 2, "failed_rows": 0, "table_failures": [],
                                                "results": verdicts[0].record["paragraphs"]["results"]}
    assert gx_calls(verdicts[0].record["paragraphs"]) == 1  # one GX call for the group, riding on its first batch
    assert {k: v for k, v in verdicts[1].record["paragraphs"].items()} == {"success": False, "rows": 3, "failed_rows": 1,
                                                                           "table_failures": []}
    assert all("results" not in rec for rec in verdicts[1].record.values())


def test_an_exact_duplicate_in_a_later_batch_is_not_a_duplicated_key():
    same = ("a1", ["headline", "body"])
    verdicts = validate_group([batch(same), batch(same, ("b1", ["headline"]))])
    assert [v.failed for v in verdicts] == [{}, {}]
    assert gx_calls(verdicts[0].record["paragraphs"]) == 2  # the copy validated in a layer of its own


def test_an_expectation_naming_no_rows_fails_only_the_batch_that_fails_it_alone(monkeypatch):
    real = gx.validate_table

    def row_count(table, data, *args):
        v = real(table, data, *args)
        if table == "paragraphs" and "b1" in data.column("article_id").to_pylist():
            v.success, v.table_failures = False, ["expect_table_row_count_to_be_between()"]
        return v

    monkeypatch.setattr(gx, "validate_table", row_count)
    verdicts = validate_group([batch(("a1", ["headline", "body"])), batch(("b1", ["headline"]))])
    assert verdicts[0].failed == {} and verdicts[0].record["paragraphs"]["success"]
    assert verdicts[1].failed == {"paragraphs": {0: ["expect_table_row_count_to_be_between()"]}}
    assert verdicts[1].record["paragraphs"]["table_failures"] == ["expect_table_row_count_to_be_between()"]
    assert gx_calls(verdicts[0].record["paragraphs"]) == 2  # judged again batch by batch


# ---- with real tables: the computed checks, the warnings and the metrics of a group

ID_COLUMNS = ("article_id", "entity_id", "speaker_entity_id", "quote_id", "fact_id")


def copies(tables: dict[str, pa.Table], n: int) -> dict[str, pa.Table]:
    """n articles made of one: the same rows under n article ids."""
    aid = tables["articles"]["article_id"][0].as_py()
    out = {}
    for t, data in tables.items():
        parts = []
        for k in range(n):
            new = f"{k:016x}"
            part = data
            for c in ID_COLUMNS:
                if c in data.column_names:
                    part = part.set_column(part.schema.get_field_index(c), part.schema.field(c),
                                           pc.replace_substring(part.column(c), aid, new))
            parts.append(part)
        out[t] = pa.concat_tables(parts)
    return out


def without(tables: dict[str, pa.Table], table: str, column: str | None = None) -> dict[str, pa.Table]:
    """The tables with no rows of `table` (or with `column` of it all null)."""
    t = tables[table]
    if column is None:
        return {**tables, table: t.slice(0, 0)}
    return {**tables, table: t.set_column(t.schema.get_field_index(column), t.schema.field(column), pa.nulls(t.num_rows, t.schema.field(column).type))}


def test_a_computed_failure_is_blamed_on_its_own_batch_and_recorded_like_gx(ferry, edit):
    other = edit.changed(ferry, "mentions", 0, entity_id="nowhere:7")
    verdicts = validate_group([ferry, other])
    ref = "expect_column_values_to_exist_in_table(column=entity_id, table=entities)"
    assert [v.failed for v in verdicts] == [{}, {"mentions": {0: [ref]}}]
    assert verdicts[1].record["mentions"]["success"] is False and verdicts[1].record["mentions"]["failed_rows"] == 1
    (computed,) = [r for r in verdicts[0].record["mentions"]["results"] if r.get("meta", {}).get("evaluated_by") == checks.EVALUATED_BY]
    (res,) = [r for r in computed["results"] if r["expectation_config"]["kwargs"].get("column") == "entity_id"]
    assert res["success"] is False and res["result"]["unexpected_count"] == 1
    assert res["result"]["element_count"] == 2 * ferry["mentions"].num_rows


def test_warnings_ride_on_the_first_batch_and_a_small_group_records_statistics_as_info(ferry):
    verdicts = validate_group([without(ferry, "mentions"), ferry])
    warnings = verdicts[0].record["mentions"]["warnings"]
    assert [(w["severity"], w["metric"], w["articles"]) for w in warnings] == [("info", "mentions_per_1000_words", 2)]
    assert "too few to judge" in warnings[0]["message"]
    assert all("warnings" not in rec for rec in verdicts[1].record.values())
    assert verdicts[0].record["mentions"]["metrics"] == {"mentions_per_1000_words": [ferry["mentions"].num_rows,
                                                                                     2 * ferry["articles"]["n_words"][0].as_py()]}
    assert [v.failed for v in verdicts] == [{}, {}]  # warnings and info quarantine nothing


def test_statistics_of_a_large_enough_group_are_warnings(ferry):
    many = copies(ferry, 100)
    no_speakers = without(without(without(many, "quotes", "speaker_entity_id"), "quotes", "speaker_type"), "quotes", "speaker")
    verdicts = validate_group([without(no_speakers, "mentions")])
    got = {(w["table"], w["metric"], w["severity"]) for rec in verdicts[0].record.values() for w in rec.get("warnings", [])}
    assert got == {("mentions", "mentions_per_1000_words", "warning"), ("quotes", "quotes_named_speaker", "warning")}
    (w,) = verdicts[0].record["quotes"]["warnings"]
    assert w["value"] == 0.0 and w["count"] == [0, 300] and w["message"].startswith(
        "share of quotes whose speaker is a named entity: 0 in a group of 100 articles, below 0.")
    assert verdicts[0].failed == {}


def test_an_exact_duplicate_in_the_group_adds_nothing_to_its_statistics(ferry, edit):
    short = edit.changed(ferry, "articles", 0, n_words=30)  # under the word floor: one warning, not two
    verdicts = validate_group([short, short])
    first = verdicts[0].record
    assert first["quotes"]["metrics"] == {"quotes_named_speaker": [2, 3]}
    assert [(w["metric"], w["articles"], w["count"]) for w in first["articles"]["warnings"]] == [("articles_below_word_floor", 1, [1, 1])]
    assert [v.failed for v in verdicts] == [{}, {}]
