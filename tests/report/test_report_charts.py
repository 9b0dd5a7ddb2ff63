"""tasks.report.charts: matplotlib figures as inline SVG that fetch nothing and run nothing."""
from __future__ import annotations

import re

from lxml import etree

from tasks.report import charts

HOSTILE = [("<script>alert(1)</script>", 3), ("$5 & \"more\" [sic]", 2), ("x" * 80, 1)]


def parsed(svg: str):
    return etree.fromstring(svg.encode("utf-8"))


def texts(svg: str) -> list[str]:
    return [t.text for t in parsed(svg).iter("{http://www.w3.org/2000/svg}text") if t.text]


def test_bars_label_each_bar_and_keep_labels_as_text():
    svg = charts.bars(HOSTILE, "quotes")
    assert svg.startswith("<svg ") and 'class="chart"' in svg and "<script" not in svg
    assert not re.search(r"\b(width|height)=\"[\d.]+pt\"", svg.split(">", 1)[0])  # scaled by the page, not fixed
    words = texts(svg)
    assert "<script>alert(1)</script>" in words and '$5 & "more" [sic]' in words  # escaped in the SVG, text again once parsed
    assert "x" * 37 + "\u2026" in words  # long labels are cut
    assert ["3", "2", "1"] == [w for w in words if w in ("1", "2", "3")][::-1]
    assert not any(el.tag.endswith(("script", "foreignObject", "image")) for el in parsed(svg).iter())
    assert "http://www.w3.org/2000/svg" in svg and not re.search(r"(href|src)=\"https?:", svg)


def test_columns_stacked_and_trend_draw_their_values():
    assert texts(charts.columns([("2026-01", 2), ("2026-02", 1)], "articles"))[:2] == ["2026-01", "2026-02"]
    stacked = charts.stacked(["run 1", "run 2"], ["batches:spacy", "commit"], [{"batches:spacy": 2.0}, {"commit": 1.0}], "seconds")
    assert {"run 1", "run 2", "batches:spacy", "commit", "seconds"} <= set(texts(stacked))
    trend = charts.trend(["run 1", "run 2", "run 3"], [1.5, None, 2.0], "articles per second")
    assert {"run 1", "run 3", "articles per second"} <= set(texts(trend))


def test_the_same_data_draws_the_same_svg():
    assert charts.bars(HOSTILE, "quotes") == charts.bars(HOSTILE, "quotes")
