"""tasks.report.speakers: who is quoted most, their most characteristic quote, who said what."""
from __future__ import annotations

from collections import Counter

from tasks.report.load import load
from tasks.report.speakers import QuoteLine, characteristic, speakers, words


def line(text: str, kind: str = "full") -> QuoteLine:
    return QuoteLine(quote_id="q", text=text, kind=kind, article_title="", source="")


def test_words_are_lower_case_without_the_punctuation_around_them():
    assert words("We'll re-open the Bridge in 2026, won\u2019t we? [sic] \u201cNo\u201d \u00a35bn") == {
        "we'll", "re-open", "the", "bridge", "in", "won\u2019t", "we", "sic", "no", "\u00a35bn"}


def test_characteristic_quote_uses_the_speakers_own_repeated_words():
    lines = [line("Harbour dredging will start soon and the harbour will reopen"),
             line("The weather was fine on the day of the opening ceremony here"),
             line("Dredging the harbour is what this town has needed for decades now")]
    bags = [words(q.text) for q in lines]
    everyone = Counter({w: 50 for b in bags for w in b}) + Counter({"harbour": 1, "dredging": 1})
    # "harbour" and "dredging": in two of the speaker's three quotes, rare elsewhere
    assert characteristic(lines, bags, everyone, 1000) == 0


def test_characteristic_quote_prefers_own_words_and_a_readable_length():
    lines = [line("officials said the harbour dredging plan was sound and would be done", kind="indirect"),
             line("Harbour dredging: yes"),
             line("We will finish the harbour dredging before the storms of the winter come")]
    bags = [words(q.text) for q in lines]
    assert characteristic(lines, bags, Counter(), 10) == 2  # the indirect one scores the same; the short one is too short
    short = [line("Yes"), line("No, never"), line("Perhaps")]
    assert characteristic(short, [words(q.text) for q in short], Counter(), 10) == 1  # the longest of the short


def test_speakers_of_the_invented_folder(invented):
    s = speakers(load(invented.out))
    assert (s.people, s.by_people, s.by_others, s.unattributed) == (2, 4, 1, 1)
    assert [(p.name, p.anchor, p.quotes, p.articles) for p in s.top] == [("Jane Doe", "speaker-1-jane-doe", 3, 2),
                                                                        ("John Roe", "speaker-2-john-roe", 1, 1)]
    jane = s.top[0]
    assert [q.quote_id for q in jane.said] == ["a1:q:0", "a1:q:1", "a2:q:0"]
    assert jane.characteristic == QuoteLine(quote_id="a1:q:0", text="The bridge will carry trams and bikes across the river by spring",
                                            kind="full", article_title="Mayor opens <b>bridge</b>", source="site/a1.html")
    assert s.top[1].characteristic.text == "We oppose the <script>alert(1)</script> plan [sic]"
    assert [p.name for p in speakers(load(invented.out), top=1).top] == ["Jane Doe"]
