"""Which rows are quarantined, and why."""
from __future__ import annotations

import pyarrow as pa

from tasks.schemas import TABLES
from tasks.validate.quarantine import ARTICLE_QUARANTINED, quarantine, quarantine_row


def _tables(articles: list[str], paragraphs: list[tuple[str, int, str]]) -> dict[str, pa.Table]:
    rows = {t: [] for t in TABLES}
    rows["articles"] = [{"article_id": a, "source": f"{a}.txt", "n_paragraphs": 1} for a in articles]
    rows["paragraphs"] = [{"article_id": a, "paragraph_idx": i, "kind": k, "char_start": 0, "char_end": 3, "text": "Hey"}
                          for a, i, k in paragraphs]
    return {t: pa.Table.from_pylist(rs, schema=TABLES[t]) for t, rs in rows.items()}


def test_a_failing_row_leaves_its_table_with_its_reasons():
    tables = _tables(["a1"], [("a1", 0, "headline"), ("a1", 1, "sidebar"), ("a1", 2, "body")])
    q = quarantine(tables, {"paragraphs": {1: ["expect_column_values_to_be_in_set(column=kind)", "other(column=kind)"]}})
    assert q.kept["paragraphs"].column("paragraph_idx").to_pylist() == [0, 2]
    assert q.kept["articles"].num_rows == 1 and q.kept_articles == {"a1"}
    assert q.rows == {"paragraphs": [{"table": "paragraphs", "failed_expectations": "expect_column_values_to_be_in_set(column=kind); other(column=kind)",
                                      "article_id": "a1", "paragraph_idx": "1", "kind": "sidebar", "section": None,
                                      "char_start": "0", "char_end": "3", "text": "Hey"}]}


def test_an_article_whose_row_fails_takes_all_its_rows_with_it():
    tables = _tables(["a1", "b1"], [("a1", 0, "headline"), ("b1", 0, "headline"), ("b1", 1, "sidebar")])
    q = quarantine(tables, {"articles": {1: ["expect_column_values_to_be_between(column=n_paragraphs)"]},
                            "paragraphs": {2: ["expect_column_values_to_be_in_set(column=kind)"]}})
    assert q.kept_articles == {"a1"}
    assert q.kept["paragraphs"].column("article_id").to_pylist() == ["a1"]
    assert [(r["article_id"], r["paragraph_idx"], r["failed_expectations"]) for r in q.rows["paragraphs"]] == [
        ("b1", "1", "expect_column_values_to_be_in_set(column=kind)"), ("b1", "0", ARTICLE_QUARANTINED)]
    assert [r["article_id"] for r in q.rows["articles"]] == ["b1"]
    assert set(q.rows) == {"articles", "paragraphs"}  # tables without rows of b1 lose nothing


def test_a_quarantined_row_keeps_every_value_as_text():
    assert quarantine_row("quotes", {"a": 1, "b": None, "c": ["x"]}, "why") == {"table": "quotes", "failed_expectations": "why",
                                                                                 "a": "1", "b": None, "c": "['x']"}
