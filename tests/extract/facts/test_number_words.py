"""tasks.extract.facts.spelled: runs of number words split into numbers with their values."""
from __future__ import annotations

import pytest

from tasks.extract.facts.lexicon import lex
from tasks.extract.facts.spelled import parse_words


def test_parse_words():
    lx = lex()
    assert [v for v, _, _ in parse_words("two hundred and fifty thousand".split(), lx)] == [250000.0]
    assert [v for v, _, _ in parse_words("twenty five".split(), lx)] == [25.0]
    assert [v for v, _, _ in parse_words("one two".split(), lx)] == [1.0, 2.0]


@pytest.mark.parametrize("words,expected", [
    ("a dozen", [(12.0, 0, 2)]),
    ("three hundred", [(300.0, 0, 2)]),
    ("nineteen ninety", [(19.0, 0, 1), (90.0, 1, 2)]),
    ("a million and two", [(1000002.0, 0, 4)]),
    ("five and six", [(5.0, 0, 1), (6.0, 2, 3)]),
    ("two thousand three hundred and four", [(2304.0, 0, 6)]),
    ("seven thousand thousand", [(7000.0, 0, 2), (1000.0, 2, 3)]),
    ("a hundred a", [(100.0, 0, 2), (1.0, 2, 3)]),
    ("forty two", [(42.0, 0, 2)]),
])
def test_word_runs_split_into_numbers(words, expected):
    assert parse_words(words.split(), lex()) == expected
