"""tasks.report.page: the page is one self-contained file, every value from the articles is
escaped, and its numbers are the sections' (on the invented folder, exactly)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import lxml.html
import pytest

from tasks.report import page
from tasks.report.load import NoTables, load

BUILT = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def html(invented_once) -> str:
    return page.render(load(invented_once.out), built_at=BUILT)


def cells(doc, table_id: str) -> list[list[str]]:
    return [[" ".join(" ".join(td.itertext()).split()) for td in tr.findall("td")] for tr in doc.get_element_by_id(table_id).iter("tr")
            if tr.findall("td")]


def test_the_page_loads_and_runs_nothing(html):
    doc = lxml.html.fromstring(html)
    assert doc.xpath("//script | //link | //img | //iframe | //object | //embed | //image | //foreignObject") == []
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    assert not [v for el in doc.iter() if isinstance(el.tag, str) for k, v in el.attrib.items()
                if k in ("href", "src", "xlink:href") and not v.startswith("#")]
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert "@import" not in html and not re.search(r"url\((?!#)", html)  # only references within the page


def test_text_from_the_articles_is_escaped(html):
    assert "<script" not in html and "<b>bridge" not in html and "<img" not in html
    assert "We oppose the &lt;script&gt;alert(1)&lt;/script&gt; plan [sic]" in html
    assert "Mayor opens &lt;b&gt;bridge&lt;/b&gt;" in html
    assert "site/&lt;img src=x onerror=alert(1)&gt;.pdf" in html


def test_the_page_shows_the_sections_numbers(html):
    doc = lxml.html.fromstring(html)
    glance = {dd.get("id"): dd.text_content() for dd in doc.get_element_by_id("glance").iter("dd")}
    assert glance == {"n-articles": "3", "n-words": "240", "n-quotes": "6", "n-people": "2", "n-facts": "4", "n-entities": "6",
                      "n-distinct-entities": "4", "n-refused": "1", "n-quarantined": "2"}
    assert cells(doc, "data-months") == [["2026-01", "2"], ["2026-02", "1"]]
    assert cells(doc, "data-outlets") == [["example.org", "2"], ["feed.jsonl", "1"]]
    assert [row[:4] for row in cells(doc, "top-speakers")] == [["1", "Jane Doe", "3", "2"], ["2", "John Roe", "1", "1"]]
    assert doc.xpath("//table[@id='top-speakers']//a/@href") == ["#speaker-1-jane-doe", "#speaker-2-john-roe"]
    assert [len(doc.get_element_by_id(a).findall(".//li")) for a in ("speaker-1-jane-doe", "speaker-2-john-roe")] == [3, 1]
    assert cells(doc, "data-kinds") == [["count", "2"], ["money", "1"], ["percent", "1"]]
    assert cells(doc, "largest-counts") == [["40,000", "troops", "40,000 troops crossed it. Mayor opens <b>bridge</b>"],
                                            ["3,000", "families", "For 3,000 families , a bridge. Mayor opens <b>bridge</b>"]]
    assert doc.xpath("//table[@id='largest-counts']//mark/text()") == ["40,000 troops", "3,000 families"]
    assert [[c for c in r] for r in cells(doc, "failed-expectations")] == [
        ["20260203T101500-bbbbbb", "quotes", "expect_column_values_to_be_in_set", "kind", "critical", "2", "shouted, sung"]]
    quotes_b = " ".join(doc.xpath("//tr[@data-run='20260203T101500-bbbbbb']/td[@data-table='quotes']")[0].itertext()).split()
    assert quotes_b == ["failed", "1", "of", "24", "expectations", "failed;", "2", "rows", "quarantined"]
    assert cells(doc, "refusals") == [["site/<img src=x onerror=alert(1)>.pdf", "binary file (PDF document), not text", "2026-02-03 10:15 UTC"]]
    assert cells(doc, "run-log")[0] == ["20260203T101500-bbbbbb", "2026-02-03 10:15 UTC", "1", "0", "2", "1", "1", "2", "2.0 s", "0.5", "512.5"]
    assert "line 2 (not JSON" in html


def test_every_chart_is_drawn_and_the_build_is_repeatable(invented_once, html):
    doc = lxml.html.fromstring(html)
    figures = [f.get("id") for f in doc.iter("figure") if f.find(".//{*}svg") is not None or f.find(".//svg") is not None]
    assert figures == ["fig-months", "fig-outlets", "fig-speakers", "fig-kinds", "fig-units", "fig-labels", "fig-stages", "fig-speed",
                       "fig-memory"]
    assert page.render(load(invented_once.out), built_at=BUILT) == html


def test_build_writes_the_default_path_or_the_one_given(invented, tmp_path):
    assert page.build(invented.out) == invented.out / "_newsfacts" / "report.html"
    assert page.build(invented.out, tmp_path / "sub" / "r.html") == tmp_path / "sub" / "r.html"
    assert (tmp_path / "sub" / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    with pytest.raises(NoTables):
        page.build(tmp_path / "nothing")


@pytest.mark.parametrize("value, shown", [(3, "3"), (12345, "12,345"), (3.5, "3.5"), (40000.0, "40,000"), (0.125, "0.12"),
                                          (None, "\u2013"), (float("nan"), "\u2013"), (2e18, "2e+18")])
def test_numbers_as_people_read_them(value, shown):
    assert page.number(value) == shown


def test_a_folder_whose_tables_are_empty_gets_a_page_that_says_so(tmp_path):
    import pyarrow.parquet as pq

    from tasks.schemas import TABLES

    for table, schema in TABLES.items():
        (tmp_path / table / "month=2026-01").mkdir(parents=True)
        pq.write_table(schema.empty_table(), tmp_path / table / "month=2026-01" / "part-20260101T000000-abcdef-empty.parquet")
    doc = lxml.html.fromstring(page.build(tmp_path).read_text(encoding="utf-8"))
    assert doc.get_element_by_id("n-articles").text_content() == "0" and doc.xpath("//figure") == []
    assert [" ".join(p.text_content().split()) for p in doc.xpath("//section/p[not(@class)]")] == [
        "No quote is attributed to a person yet.", "No run has validated anything yet.", "No row has been quarantined.",
        "No input has been refused.", "The run log is empty."]
