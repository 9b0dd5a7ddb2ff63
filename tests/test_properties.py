"""Property-based tests: cleaning and splitting never fail on any Unicode text, and every
offset slices the cleaned text to exactly the row's text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.structure.clean import clean, normalise
from tasks.ingest.files import decode
from tasks.model import RawDocument

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
lines = st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=12).map("\n".join)


def _doc(text: str) -> RawDocument:
    return RawDocument(source="p.txt", text=text, encoding="utf-8", content_sha256="0" * 64)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, lines))
def test_clean_never_fails_and_offsets_slice_the_text(text):
    try:
        art = clean(_doc(text))
    except ValueError as e:
        assert "no text" in str(e)
        assert not normalise(text).strip()
        return
    assert art.paragraphs and art.paragraphs[0].kind == "headline"
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text and p.text.strip() == p.text and p.text
    starts = [p.start for p in art.paragraphs]
    assert starts == sorted(starts)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_either_decodes_or_refuses_with_a_reason(data):
    try:
        text, enc = decode(data)
    except ValueError as e:
        assert str(e)
        return
    assert isinstance(text, str) and enc


# number parsing: any text, no exception, spans inside the text, values finite
number_texts = st.lists(st.one_of(
    st.sampled_from(["about", "more than", "$", "\u00a3", "%", "million", "bn", "m", "k", "between", "and", "to", "-",
                     "a dozen", "nine", "thousand", "1,400", "3.5", "10-12", "1/2", "per cent", "troops", "km", "2024", "first"]),
    st.text(max_size=6), st.integers(-10**12, 10**12).map(str)), max_size=15).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(number_texts, texts))
def test_number_scanning_never_fails_and_spans_stay_inside(text):
    import math

    from tasks.extract.facts.scan import scan

    for n in scan(text):
        assert 0 <= n.start <= n.num_start <= n.num_end <= n.end <= len(text)
        assert math.isfinite(n.value) or n.value != n.value or abs(n.value) == math.inf


# quotation pairing: any arrangement of marks, no exception, offsets slice the text
quote_texts = st.lists(st.one_of(
    st.sampled_from(["\"", "\u201c", "\u201d", "'", "\u2018", "\u2019", "he said", "she said.", "Ms Roe said:", "\n", ",", ". ",
                     "We will win", "the \"plan\"", "Jane Roe", "added"]),
    st.text(max_size=5)), min_size=1, max_size=25).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(quote_texts)
def test_quotation_pairing_never_fails_and_offsets_slice_the_text(parse, text):
    from tasks.extract.entities import index as entities
    from tasks.extract.quotes import quotes

    try:
        art, doc = parse("Headline\n" + text)
    except ValueError:
        return
    for q in quotes.extract(art, doc, entities.extract(art, doc)):
        assert art.text[q["char_start"]:q["char_end"]] == q["text"]
        if q["speaker_char_start"] is not None:
            assert art.text[q["speaker_char_start"]:q["speaker_char_end"]] == q["speaker_mention"]
