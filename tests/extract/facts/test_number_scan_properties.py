"""tasks.extract.facts.scan, property-based: any text, no exception, every span inside the text."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.extract.facts.scan import scan


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


# number parsing: any text, no exception, spans inside the text, values finite
number_texts = st.lists(st.one_of(
    st.sampled_from(["about", "more than", "$", "\u00a3", "%", "million", "bn", "m", "k", "between", "and", "to", "-",
                     "a dozen", "nine", "thousand", "1,400", "3.5", "10-12", "1/2", "per cent", "troops", "km", "2024", "first"]),
    st.text(max_size=6), st.integers(-10**12, 10**12).map(str)), max_size=15).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(number_texts, texts))
def test_number_scanning_never_fails_and_spans_stay_inside(text):
    for n in scan(text):
        assert 0 <= n.start <= n.num_start <= n.num_end <= n.end <= len(text)
        assert math.isfinite(n.value) or n.value != n.value or abs(n.value) == math.inf

