"""Split: paragraph spans in both layouts, their kinds and sections, and page-given paragraphs."""
from __future__ import annotations

import pytest

from tasks.model import Paragraph
from tasks.structure.split import from_hint, is_blank_line_layout, split_paragraphs, type_paragraphs


def test_split_paragraphs_empty():
    assert split_paragraphs("   \n \n") == ("   \n \n", [])


def test_line_layout_one_paragraph_per_line_trimmed():
    text = "Canal reopens\n  Boats returned on Monday.  \nLocks were repaired."
    assert split_paragraphs(text) == (text, [(0, 13), (16, 41), (44, 64)])


def test_blank_line_layout_joins_only_hard_wrapped_blocks():
    text = ("Canal reopens\n\n"
            "Boats returned to the canal on Monday after\n"
            "six weeks of repairs to the locks.\n\n"
            "Short line\n"
            "A much longer line that is not wrapped prose because its neighbour is far shorter than it is.\n")
    joined, spans = split_paragraphs(text)
    assert len(joined) == len(text)
    assert [joined[s:e] for s, e in spans] == [
        "Canal reopens",
        "Boats returned to the canal on Monday after six weeks of repairs to the locks.",
        "Short line",
        "A much longer line that is not wrapped prose because its neighbour is far shorter than it is.",
    ]


@pytest.mark.parametrize("text, blank", [("A\nB", False), ("A\n\nB", True), ("A\n  \nB", True), ("A\n\t\nB", False)])
def test_blank_line_layout(text, blank):
    assert is_blank_line_layout(text) is blank


def test_type_paragraphs_line_layout():
    text = "Canal reopens\nBoats returned on Monday after repairs.\nThe locks\nEach lock gate was replaced.\n\"It took weeks,\" she said."
    spans = split_paragraphs(text)[1]
    assert type_paragraphs(text, spans, blank_layout=False) == [
        Paragraph(0, "headline", None, 0, 13, "Canal reopens"),
        Paragraph(1, "standfirst", None, 14, 53, "Boats returned on Monday after repairs."),
        Paragraph(2, "subheading", "The locks", 54, 63, "The locks"),
        Paragraph(3, "body", "The locks", 64, 92, "Each lock gate was replaced."),
        Paragraph(4, "body", "The locks", 93, 119, "\"It took weeks,\" she said."),
    ]


@pytest.mark.parametrize("lines, kinds", [
    # the blank-line layout has no standfirst; a subheading-like second line is a subheading
    (["Canal reopens", "Boats returned on Monday.", "Cost", "It cost a lot."], ["headline", "body", "subheading", "body"]),
    # never two subheadings in a row, never the last paragraph
    (["Canal reopens", "Boats returned on Monday.", "Cost", "Time", "Done"], ["headline", "body", "subheading", "body", "body"]),
    # quotations and list items are not subheadings
    (["Canal reopens", "Boats returned on Monday.", "\u201cGreat day", "- Locks", "Done."], ["headline", "body", "body", "body", "body"]),
])
def test_type_paragraphs_blank_layout(lines, kinds):
    text = "\n\n".join(lines)
    spans = split_paragraphs(text)[1]
    assert [p.kind for p in type_paragraphs(text, spans, blank_layout=True)] == kinds


def test_from_hint_lays_out_typed_paragraphs():
    text, paras = from_hint([("body", "Canal reopens"), ("standfirst", "Boats are back."), ("subheading", "Cost"), ("body", "It cost \u00a32m.")])
    assert text == "Canal reopens\n\nBoats are back.\n\nCost\n\nIt cost \u00a32m."
    assert paras == [
        Paragraph(0, "headline", None, 0, 13, "Canal reopens"),
        Paragraph(1, "standfirst", None, 15, 30, "Boats are back."),
        Paragraph(2, "subheading", "Cost", 32, 36, "Cost"),
        Paragraph(3, "body", "Cost", 38, 50, "It cost \u00a32m."),
    ]
    assert from_hint([]) == ("", [])
