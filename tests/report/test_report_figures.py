"""Every number on the report of a real run (the shared seed run) is the one DuckDB computes
from the same Parquet files, the run log and the validation results."""
from __future__ import annotations

import json

import duckdb
import lxml.html
import pytest

from tasks.schemas import ALL_TABLES

TOP_SPEAKER = {"Vladimir Putin", "Emmanuel Macron"}


@pytest.fixture(scope="module")
def page(seed_run):
    return lxml.html.fromstring(open(seed_run[2]["report"], encoding="utf-8").read())


@pytest.fixture(scope="module")
def sql(seed_run):
    out = seed_run[0]
    con = duckdb.connect()
    for table in ALL_TABLES:
        con.execute(f"create view {table} as select * from read_parquet('{out}/{table}/**/*.parquet', hive_partitioning=true)")

    def query(q: str) -> list[tuple]:
        return con.execute(q).fetchall()

    yield query
    con.close()


def text(el) -> str:
    return " ".join(" ".join(el.itertext()).split())


def rows(page, table_id: str) -> list[list[str]]:
    return [[text(td) for td in tr.findall("td")] for tr in page.get_element_by_id(table_id).iter("tr") if tr.findall("td")]


def n(s: str) -> int | float:
    v = float(s.replace(",", ""))
    return int(v) if v.is_integer() else v


def test_corpus_at_a_glance(page, sql):
    shown = {dd.get("id"): n(dd.text_content()) for dd in page.get_element_by_id("glance").iter("dd")}
    assert shown == {
        "n-articles": sql("select count(*) from articles")[0][0],
        "n-words": sql("select sum(n_words) from articles")[0][0],
        "n-quotes": sql("select count(*) from quotes")[0][0],
        "n-people": sql("select count(distinct q.speaker) from quotes q join entities e on q.article_id = e.article_id "
                        "and q.speaker_entity_id = e.entity_id where e.label = 'PERSON'")[0][0],
        "n-facts": sql("select count(*) from numeric_facts")[0][0],
        "n-entities": sql("select count(*) from entities")[0][0],
        "n-distinct-entities": sql("select count(*) from (select distinct name, label from entities)")[0][0],
        "n-refused": sql("select count(*) from rejections")[0][0],
        "n-quarantined": 0,  # no quarantine folder: nothing failed
    }
    assert shown["n-articles"] == 2 and shown["n-refused"] == 1


def test_articles_per_month_and_outlet(page, sql):
    assert [[k, n(v)] for k, v in rows(page, "data-months")] == [list(r) for r in sql(
        "select month, count(*) from articles group by month order by month")]
    assert [[k, n(v)] for k, v in rows(page, "data-outlets")] == [list(r) for r in sql(
        "select coalesce(nullif(regexp_replace(regexp_extract(url, '^[a-z]+://([^/:]+)', 1), '^www\\.', ''), ''), "
        "regexp_extract(source, '([^/]+)/[^/]+$', 1)) as outlet, count(*) as n from articles group by outlet order by n desc, outlet")]


def test_top_speakers_their_quotes_and_who_said_what(page, sql):
    expected = sql("select q.speaker, count(*) as quotes, count(distinct q.article_id) as arts from quotes q join entities e "
                   "on q.article_id = e.article_id and q.speaker_entity_id = e.entity_id where e.label = 'PERSON' "
                   "group by q.speaker order by quotes desc, arts desc, q.speaker limit 20")
    shown = rows(page, "top-speakers")
    assert [(r[1], n(r[2]), n(r[3])) for r in shown] == expected
    assert shown[0][1] in TOP_SPEAKER
    for i, (name, quotes, _) in enumerate(expected):
        anchor = page.xpath("//table[@id='top-speakers']//a/@href")[i][1:]
        said = page.get_element_by_id(anchor)
        assert text(said.find("h3")).startswith(name) and len(said.findall(".//li")) == quotes
        spoken = {t for (t,) in sql(f"select q.text from quotes q join entities e on q.article_id = e.article_id and "
                                    f"q.speaker_entity_id = e.entity_id where e.label = 'PERSON' and q.speaker = $${name}$$")}
        assert {" ".join(li.find("span[@class='quote']").text_content().split()) for li in said.findall(".//li")} == \
            {" ".join(t.split()) for t in spoken}
        assert " ".join(shown[i][4].split()) .startswith(tuple(" ".join(t.split()) for t in spoken))  # its characteristic quote is its own


def test_numeric_facts_by_kind_unit_and_the_largest_counts(page, sql):
    assert [[k, n(v)] for k, v in rows(page, "data-kinds")] == [list(r) for r in sql(
        "select kind, count(*) as c from numeric_facts group by kind order by c desc, kind")]
    assert [[k, n(v)] for k, v in rows(page, "data-units")] == [list(r) for r in sql(
        "select coalesce(unit, '(no unit)') as u, count(*) as c from numeric_facts group by u order by c desc, u limit 15")]
    largest = sql("select value, unit, text from numeric_facts where kind = 'count' order by value desc, article_id, char_start limit 10")
    shown = rows(page, "largest-counts")
    assert [(n(r[0]), r[1]) for r in shown] == [(v, u or "") for v, u, _ in largest]
    assert page.xpath("//table[@id='largest-counts']//mark/text()") == [t for _, _, t in largest]


def test_top_entities_by_label(page, sql):
    labels = [lab for (lab,) in sql("select label from entities group by label order by count(*) desc, label")]
    tables = page.xpath("//table[contains(@class, 'top-entities')]")
    assert [t.get("data-label") for t in tables] == labels
    for t in tables:
        assert [[r[0], n(r[1]), n(r[2])] for r in rows_of(t)] == [list(r) for r in sql(
            f"select name, count(distinct article_id) as a, sum(mention_count) as m from entities where label = '{t.get('data-label')}' "
            "group by name order by a desc, m desc, name limit 10")]


def rows_of(table) -> list[list[str]]:
    return [[text(td) for td in tr.findall("td")] for tr in table.iter("tr") if tr.findall("td")]


def test_validation_refusals_and_the_run(page, sql, seed_run):
    out, _, summary = seed_run
    run = summary["run_id"]
    results = json.loads((out / "_newsfacts" / "validations" / run / "results.json").read_text(encoding="utf-8"))
    for table, groups in results.items():
        cell = page.xpath(f"//table[@id='validation-runs']//tr[@data-run='{run}']/td[@data-table='{table}']")[0]
        evaluated = sum(g["statistics"]["evaluated_expectations"] for g in groups)
        warned = sum(not r["success"] and r["expectation_config"].get("severity") == "warning" for g in groups for r in g["results"])
        assert text(cell) == f"passed {evaluated:,} expectations" + (f"; {warned} warnings" if warned else ""), table
    warnings = [[w["table"], w["message"]] for w in summary["warnings"]]
    assert warnings and [r[1:] for r in rows(page, "validation-warnings")] == warnings  # the markup article: under the word floor
    assert rows(page, "refusals") == [[src, reason, rows(page, "refusals")[0][2]] for src, reason in sql("select source, reason from rejections")]
    assert [[r, n(c)] for r, c in rows(page, "refusal-reasons")] == [list(r) for r in sql("select reason, count(*) from rejections group by reason")]
    log = [json.loads(line) for line in (out / "_newsfacts" / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    (shown,) = rows(page, "run-log")
    assert shown[0] == run == log[-1]["run_id"]
    assert [n(x) for x in shown[2:8]] == [log[-1]["inputs"]["new"], log[-1]["inputs"]["changed"], log[-1]["inputs"]["unchanged"],
                                          log[-1]["rows"]["articles"], log[-1]["rejected"], 0]
