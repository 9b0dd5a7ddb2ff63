"""Property-based tests: cleaning and splitting never fail on any Unicode text, and every
offset slices the cleaned text to exactly the row's text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import clean, normalise
from tasks.ingest import decode
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
