"""tasks.extract.facts.lexicon: the scanner's word lists and patterns."""
from __future__ import annotations

import pytest

from tasks.extract.facts.lexicon import alternation, lex


def test_alternation_is_longest_first_and_escaped():
    assert alternation(["a", "a.bc", "", "abc", "a"]) == r"a\.bc|abc|a"


def test_number_words_and_scales():
    lx = lex()
    assert (lx.cardinals["seven"], lx.cardinals["hundred"], lx.cardinals["million"], lx.cardinals["dozen"]) == (7.0, 100.0, 1e6, 12.0)
    assert (lx.ordinals["third"], lx.fractions["thirds"], lx.plural_scales["hundreds"]) == (3.0, 3.0, 100.0)
    assert (lx.scale_words["bn"], lx.attached_scales["k"], lx.unicode_fractions["½"]) == (1e9, 1e3, 0.5)
    assert {"seven", "third", "halves", "thousands"} <= lx.words_any


@pytest.mark.parametrize("text,dates", [
    ("It opens on 12 March 2022 in Leeds.", ["12 March 2022", "March 2022"]),  # the scanner keeps the first
    ("It ran from 14 to 17 February.", ["14 to 17 February"]),
    ("By June 3rd, 2021 it was over.", ["June 3rd, 2021"]),
    ("Filed on 03/04/2021 and 2021-04-03.", ["03/04/2021", "2021-04-03"]),
    ("She may 12 times", []),
])
def test_dates(text, dates):
    found = sorted((m.start(), m.group(0)) for rx in lex().re_dates for m in rx.finditer(text))
    assert [g for _, g in found] == dates


@pytest.mark.parametrize("text,blocked", [
    ("Doors open at 7.30pm and 19:45 GMT.", ["7.30pm", "19:45 GMT"]),
    ("Ring 0161 496 0000 today.", ["0161 496 0000"]),
    ("Send it to 12 Elm Street, Bolton.", ["12 Elm Street"]),
    ("Version 2.10.4 runs 24/7.", ["2.10.4", "24/7"]),
    ("It costs 12 pounds.", []),
])
def test_digits_that_are_not_quantities(text, blocked):
    found = sorted((m.start(), m.group(0)) for rx in lex().re_blocked for m in rx.finditer(text))
    assert [g for _, g in found] == blocked


def test_partitive_and_word_patterns():
    lx = lex()
    assert lx.re_partitive.match("40 of the boats", 2) is not None
    assert lx.re_partitive.match("40 of boats", 2) is None
    assert [m.group(0) for m in lx.re_words.finditer("a hundred and six pipers, nine lords")] == ["a hundred and six", "nine"]
    assert [m.group(0) for m in lx.re_plural_scale.finditer("tens of thousands of fans")] == ["tens of thousands"]
    assert [m.group(0) for m in lx.re_fraction.finditer("two-thirds of them and half of us")] == ["two-thirds", "half"]
