"""Clean: normalisation, mojibake repair, and the Article built from a document."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tasks.structure.clean import clean, normalise
from tasks.model import Article, Paragraph, RawDocument


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


def test_normalise_repairs_mojibake_and_line_ends_padding_each_repaired_word():
    # the characters a repair took out come back as spaces at the next line end ...
    text = "It\u00e2\u0080\u0099s a \u00e2\u0080\u009ctest\u00e2\u0080\u009d\r\nok"
    assert normalise(text) == "It\u2019s a \u201ctest\u201d      \nok"
    assert normalise(text, keep_length=False) == "It\u2019s a \u201ctest\u201d\nok"


def test_repaired_words_keep_the_offsets_of_the_text_after_them():
    text = "Pel\u00c3\u00a9 met Jos\u00c3\u00a9 Mar\u00c3\u00ada at noon \u00e2\u0080\u009cfor lunch\u00e2\u0080\u009d.\nDone"
    out = normalise(text)
    assert out == "Pel\u00e9 met Jos\u00e9 Mar\u00eda at noon \u201cfor lunch\u201d.       \nDone"
    assert len(out) == len(text) and out.index("Done") == text.index("Done")


def test_a_dash_between_words_takes_the_padding_too():
    text = "President Pe\u00c3\u00b1a Nieto - but not his aides - spoke."
    out = normalise(text)
    assert out == "President Pe\u00f1a Nieto -  but not his aides - spoke."
    assert out.index("but") == text.index("but")


def test_padding_goes_after_the_next_punctuation_mark_not_inside_a_name():
    text = "Ana Mar\u00c3\u00ada L\u00c3\u00b3pez, 62, told reporters: \u00e2\u0080\u009cWe won.\u00e2\u0080\u009d"
    out = normalise(text)
    assert out == "Ana Mar\u00eda L\u00f3pez,   62, told reporters: \u201cWe won.\u201d"
    assert out.index("62, told") == text.index("62, told")


def test_normalise_exact():
    # NFC (the composed word padded), zero-width characters dropped, line and paragraph separators
    # as line ends, controls as spaces
    assert normalise("Cafe\u0301\u200b owners\u2028met\x07 today \u3000\n\n") == "Caf\u00e9 owners  \nmet  today"
    assert normalise("Cafe\u0301 owners", keep_length=False) == "Caf\u00e9 owners"


def test_html_character_references_in_plain_text_are_read_as_their_characters_keeping_the_offsets():
    text = "The mayor, Ren&#233;e Dubois, said: &#8220;We are ready.&#8221;\nNext"
    out = normalise(text)
    assert out == "The mayor, Ren\u00e9e Dubois,      said: \u201cWe are ready.\u201d            \nNext"
    assert out.index("Next") == text.index("Next")


def test_a_reference_to_a_line_break_is_a_space_and_every_offset_stays():
    text = "Line one&#10;said Jos&#233;.\nNext line here"
    out = normalise(text)
    assert out == "Line one said Jos\u00e9." + " " * 9 + "\nNext line here" and out.index("Next") == text.index("Next")


def test_only_references_html_names_are_decoded():
    # a bare ampersand, a one-letter "reference" and a name HTML does not know stay as written
    text = "Smith &amp; Sons beat AT&T and B&Q; &nope; stays &Eacute;mile"
    assert normalise(text, keep_length=False) == "Smith & Sons beat AT&T and B&Q; &nope; stays \u00c9mile"


def test_article_id_is_stable_and_derived_from_cleaned_text():
    a = clean(doc("Title\nBody text here.\n"))
    b = clean(doc("Title\r\nBody text here.\r\n\r\n"))
    assert a.article_id == b.article_id and len(a.article_id) == 16


def test_bidirectional_controls_are_dropped_like_zero_width_characters_keeping_the_length():
    text = "\u202a\u201cWe won,\u201d posted Jo\u200e Bell.\u202c\nNext line"
    out = normalise(text)
    assert out == "\u201cWe won,\u201d  posted Jo Bell.  \nNext line"
    assert out.index("Next") == text.index("Next")
    assert normalise(text, keep_length=False) == "\u201cWe won,\u201d posted Jo Bell.\nNext line"


def test_a_character_dropped_from_a_blank_line_is_paid_back_on_that_line():
    assert normalise("Ends here.\n\u200b\nNext one") == "Ends here.\n \nNext one"
    assert normalise("Ends here.\n\u00c2\u00a0\nNext one") == "Ends here.\n  \nNext one"


def test_a_long_text_with_repairs_keeps_every_line_in_place():
    line = "The caf\u00c3\u00a9 owner said the plan would fail and the minister said it would not"
    text = "\n".join([line] * 3000 + ["END"])
    out = normalise(text)
    assert len(out) == len(text) and out.endswith("\nEND")
    assert out.split("\n")[0] == "The caf\u00e9 owner said the plan would fail and the minister said it would not "


pieces = st.sampled_from(["word", "Jos\u00c3\u00a9", "Jos&#233;", "&amp;", "&#10;", "&NewLine;", "Mar\u00c3\u00ada", "e\u0301", "\u200b", "\u202a", " ", "  ", "\n", ", ", ".", "\u00e2\u0080\u009c"])


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join))
@example("\u200b \u200b, , ")  # an alignment that pairs pieces wrongly must not pad the line twice
def test_repairs_never_move_the_next_line(text):
    out = normalise(text + "\nEND")
    assert out.endswith("\nEND") and len(out) == len(text) + 4


def test_a_page_title_that_needs_repair_is_still_the_page_s_one_headline():
    raw = RawDocument(source="p.html", text="", encoding="utf-8", content_sha256="0" * 64, title="Jos\u00c3\u00a9 wins, 62",
                      paragraphs_hint=[("headline", "Jos\u00c3\u00a9 wins, 62"), ("body", "He said so.")])
    assert [(p.kind, p.text) for p in clean(raw).paragraphs] == [("headline", "Jos\u00e9 wins, 62"), ("body", "He said so.")]


def test_a_repaired_copy_is_the_same_article_as_a_clean_one():
    clean_copy = clean(doc("Title\nJos\u00e9 said \u201cyes\u201d.\n"))
    broken = clean(doc("Title\nJos\u00c3\u00a9 said \u00e2\u0080\u009cyes\u00e2\u0080\u009d.\n"))
    decomposed = clean(doc("Title\nJose\u0301 said \u201cyes\u201d.\n"))
    marked = clean(doc("Title\n\u202aJos\u00e9 said \u201cyes\u201d.\u202c\n"))
    assert broken.text == "Title\nJos\u00e9 said \u201cyes\u201d."
    assert broken.article_id == decomposed.article_id == marked.article_id == clean_copy.article_id


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


def test_clean_exact_article_carries_the_document_metadata():
    when = datetime(2023, 3, 1, 9, 0, tzinfo=timezone.utc)
    raw = RawDocument(source="rows.jsonl#7", text="Ferry fares rise\nFares rise by 5% in April.", encoding="cp1252 (fallback from utf-8)",
                      content_sha256="ab" * 32, title="Ferry fares to rise", url="https://example.org/ferry", published_at=when)
    assert clean(raw) == Article(
        article_id="73fd5ed81de692fb",  # sha256 of the cleaned text, 16 hex digits
        source="rows.jsonl#7", text="Ferry fares rise\nFares rise by 5% in April.",
        paragraphs=[Paragraph(0, "headline", None, 0, 16, "Ferry fares rise"), Paragraph(1, "body", None, 17, 43, "Fares rise by 5% in April.")],
        content_sha256="ab" * 32, encoding="cp1252 (fallback from utf-8)", title="Ferry fares to rise", standfirst=None,
        url="https://example.org/ferry", published_at=when)


def test_clean_from_page_structure():
    raw = RawDocument(source="p.html", text="ignored when the page gives its paragraphs", encoding="utf-8", content_sha256="0" * 64,
                      title="Lock\u00a0gates replaced",
                      paragraphs_hint=[("body", "  Work on the lock\nended on Monday. "), ("subheading", "Cost"), ("body", " \u200b "),
                                       ("body", "It cost \u00a32m.")])
    art = clean(raw)
    assert art.text == "Lock gates replaced\n\nWork on the lock ended on Monday.\n\nCost\n\nIt cost \u00a32m."
    assert [(p.kind, p.section, p.start, p.end) for p in art.paragraphs] == [
        ("headline", None, 0, 19), ("body", None, 21, 54), ("subheading", "Cost", 56, 60), ("body", "Cost", 62, 74)]
    assert (art.title, art.standfirst) == ("Lock gates replaced", None)


def test_clean_refuses_a_document_with_no_text():
    with pytest.raises(ValueError, match=r"^no text after cleaning \(empty or whitespace-only input\)$"):
        clean(doc(" \u200b\n\t"))
    with pytest.raises(ValueError, match=r"^no text after cleaning \(empty page\)$"):
        clean(RawDocument(source="p.html", text="", encoding="utf-8", content_sha256="0" * 64, paragraphs_hint=[("body", " ")]))


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
lines = st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, lines))
def test_clean_never_fails_and_offsets_slice_the_text(text):
    try:
        art = clean(doc(text))
    except ValueError as e:
        assert "no text" in str(e)
        assert not normalise(text).strip()
        return
    assert art.paragraphs and art.paragraphs[0].kind == "headline"
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text and p.text.strip() == p.text and p.text
    starts = [p.start for p in art.paragraphs]
    assert starts == sorted(starts)
