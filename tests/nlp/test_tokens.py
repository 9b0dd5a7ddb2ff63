"""Tokenizer additions: an opening quotation mark glued to the punctuation before it."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ('Reilly said,"Nobody told us."', ["Reilly", "said", ",", '"', "Nobody", "told", "us", ".", '"']),
    ("Mayor Ann Cole:\u201cWe are ready.\u201d", ["Mayor", "Ann", "Cole", ":", "\u201c", "We", "are", "ready", ".", "\u201d"]),
    ("The notice read;\u2018Closed\u2019", ["The", "notice", "read", ";", "\u2018", "Closed", "\u2019"]),
    ('"The pier is safe,"Cole said.', ['"', "The", "pier", "is", "safe", ",", '"', "Cole", "said", "."]),  # straight marks: either way
])
def test_an_opening_mark_glued_to_punctuation_is_its_own_token(nlp, text, expected):
    assert [t.text for t in nlp.tokenizer(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("\u201cThe pier is safe,\u201dCole said.", ["\u201c", "The", "pier", "is", "safe,\u201dCole", "said", "."]),  # a closing mark: left to the quote finders
    ("It costs $3,000 a year.", ["It", "costs", "$", "3,000", "a", "year", "."]),
    ("He said it's fine.", ["He", "said", "it", "'s", "fine", "."]),
])
def test_other_tokens_are_unchanged(nlp, text, expected):
    assert [t.text for t in nlp.tokenizer(text)] == expected
