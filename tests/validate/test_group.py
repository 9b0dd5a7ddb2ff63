"""A group of batches validated at once gives each batch the verdict it would get alone."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa

from tasks import PIPELINE_VERSION
from tasks.schemas import ARTICLES, PARAGRAPHS, TABLES, row
from tasks.validate import gx
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


def test_a_failing_row_is_blamed_on_its_own_batch_at_its_own_position():
    verdicts = validate_group([batch(("a1", ["headline", "body"])), batch(("b1", ["headline", "body", "sidebar"]))])
    assert [v.failed for v in verdicts] == [{}, {"paragraphs": {2: [IN_SET]}}]
    assert verdicts[0].record["paragraphs"] == {"success": True, "rows": 2, "failed_rows": 0, "table_failures": [],
                                                "results": verdicts[0].record["paragraphs"]["results"]}
    assert len(verdicts[0].record["paragraphs"]["results"]) == 1  # one GX call for the group, riding on its first batch
    assert {k: v for k, v in verdicts[1].record["paragraphs"].items()} == {"success": False, "rows": 3, "failed_rows": 1,
                                                                           "table_failures": []}
    assert all("results" not in rec for rec in verdicts[1].record.values())


def test_an_exact_duplicate_in_a_later_batch_is_not_a_duplicated_key():
    same = ("a1", ["headline", "body"])
    verdicts = validate_group([batch(same), batch(same, ("b1", ["headline"]))])
    assert [v.failed for v in verdicts] == [{}, {}]
    assert len(verdicts[0].record["paragraphs"]["results"]) == 2  # the copy validated in a layer of its own


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
    assert len(verdicts[0].record["paragraphs"]["results"]) == 2  # judged again batch by batch
