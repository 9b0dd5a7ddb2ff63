"""Clean & split: normalisation, both layouts, paragraph types, offsets."""
from __future__ import annotations

from tasks.structure.clean import clean, normalise, split_paragraphs
from tasks.model import RawDocument


def doc(text: str) -> RawDocument:
    return RawDocument(source="t.txt", text=text, encoding="utf-8", content_sha256="0" * 64)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in clean(doc(text)).paragraphs]


def test_line_layout_types_headline_standfirst_subheading_body():
    text = ("Minister resigns over budget\n"
            "The finance minister quit on Friday after a row over spending.\n"
            "Jane Doe said she had lost the confidence of colleagues.\n"
            "A new budget\n"
            "The treasury will publish a revised plan next week.\n")
    assert kinds(text) == [
        ("headline", "Minister resigns over budget"),
        ("standfirst", "The finance minister quit on Friday after a row over spending."),
        ("body", "Jane Doe said she had lost the confidence of colleagues."),
        ("subheading", "A new budget"),
        ("body", "The treasury will publish a revised plan next week."),
    ]
    art = clean(doc(text))
    assert [p.section for p in art.paragraphs] == [None, None, None, "A new budget", "A new budget"]


def test_blank_line_layout_joins_hard_wrapped_lines_keeping_offsets():
    text = ("Ad sales boost profit\n\n"
            "Quarterly profits at the media giant jumped 76% to $1.13bn for the\n"
            "three months to December, from $639m a year earlier.\n\n"
            "The firm said it was pleased.\n")
    art = clean(doc(text))
    assert [(p.kind, p.text) for p in art.paragraphs] == [
        ("headline", "Ad sales boost profit"),
        ("body", "Quarterly profits at the media giant jumped 76% to $1.13bn for the three months to December, from $639m a year earlier."),
        ("body", "The firm said it was pleased."),
    ]
    assert len(art.text) == len(text.rstrip())  # joining wrapped lines keeps every offset
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text


def test_normalise_is_length_preserving_for_clean_text():
    text = "Mr\u00a0Smith said\t\u201chello\u201d.\nNext line"
    out = normalise(text)
    assert out == "Mr Smith said \u201chello\u201d.\nNext line"
    assert len(out) == len(text)


def test_normalise_repairs_mojibake_and_line_ends():
    assert normalise("It\u00e2\u0080\u0099s a \u00e2\u0080\u009ctest\u00e2\u0080\u009d\r\nok") == "It\u2019s a \u201ctest\u201d\nok"


def test_article_id_is_stable_and_derived_from_cleaned_text():
    a = clean(doc("Title\nBody text here.\n"))
    b = clean(doc("Title\r\nBody text here.\r\n\r\n"))
    assert a.article_id == b.article_id and len(a.article_id) == 16


def test_only_headline_is_an_article_of_one_paragraph():
    art = clean(doc("Just a headline"))
    assert [(p.kind, p.text) for p in art.paragraphs] == [("headline", "Just a headline")]


def test_seed_structure_matches_gold(seed, gold):
    art, _ = seed
    st = gold["structure"]
    by_kind = {}
    for p in art.paragraphs:
        by_kind.setdefault(p.kind, []).append(p.text)
    assert by_kind["headline"] == [st["headline"]]
    assert by_kind["standfirst"] == [st["standfirst"]]
    assert by_kind["subheading"] == st["subheadings"]
    assert len(by_kind["body"]) == st["body_paragraphs"]


def test_split_paragraphs_empty():
    assert split_paragraphs("   \n \n") == ("   \n \n", [])
