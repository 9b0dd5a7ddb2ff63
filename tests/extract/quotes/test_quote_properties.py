"""Property-based test: quotation pairing and attribution never fail on any arrangement of
marks, and every offset slices the cleaned text to exactly the row's text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.extract.entities import index as entities
from tasks.extract.quotes.extract import extract

# quotation pairing: any arrangement of marks, no exception, offsets slice the text
quote_texts = st.lists(st.one_of(
    st.sampled_from(["\"", "\u201c", "\u201d", "'", "\u2018", "\u2019", "he said", "she said.", "Ms Roe said:", "\n", ",", ". ",
                     "We will win", "the \"plan\"", "Jane Roe", "added"]),
    st.text(max_size=5)), min_size=1, max_size=25).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(quote_texts)
def test_quotation_pairing_never_fails_and_offsets_slice_the_text(parse, text):
    try:
        art, doc = parse("Headline\n" + text)
    except ValueError:
        return
    for q in extract(art, doc, entities.extract(art, doc)):
        assert art.text[q["char_start"]:q["char_end"]] == q["text"]
        if q["speaker_char_start"] is not None:
            assert art.text[q["speaker_char_start"]:q["speaker_char_end"]] == q["speaker_mention"]
