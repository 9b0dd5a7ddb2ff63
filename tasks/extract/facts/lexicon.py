"""The scanner's word lists and patterns, built once from the data files beside this module.

Number words (cardinals, ordinals, fractions, "tens of thousands"), scale words ("million",
"bn", "25k"), and the patterns of what looks like a number but is not a quantity (dates, clock
times, phone numbers, street addresses, versions). Units and currencies have their own lexicon
in `units`; relation cues ("about", "more than") theirs in `bounds`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, each escaped."""
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)


@dataclass
class NumberLex:
    cardinals: dict[str, float]
    ordinals: dict[str, float]
    fractions: dict[str, float]
    plural_scales: dict[str, float]
    unicode_fractions: dict[str, float]
    scale_words: dict[str, float]
    attached_scales: dict[str, float]
    re_words: re.Pattern
    re_ordinal_words: re.Pattern
    re_fraction: re.Pattern
    re_plural_scale: re.Pattern
    re_dates: list[re.Pattern]
    re_blocked: list[re.Pattern]
    words_any: frozenset[str]  # words that may be or start a number
    year_prefixes: tuple[str, ...]  # "mid-2020": a hyphenated prefix that does not make a name
    year_prepositions: frozenset[str]  # "in 2019 most firms": after these a 4-digit number is a year
    year_determiners: frozenset[str]  # "the 2006 finals": after these a 4-digit number before a plural is a year
    score_words: frozenset[str]  # "a 1-3 defeat", "won 2-0": two numbers that are a score
    re_partitive: re.Pattern  # " of the", " of their": the counted noun comes after
    re_ratio: re.Pattern  # "one in four", "1 in every 5", "two out of three"
    re_multiplier: re.Pattern  # "fivefold", "tenfold"
    re_share_noun: re.Pattern  # " stake", " share": after a fraction ("a one-fifth stake"), a share of something
    half_parts: frozenset[str]  # "the second half", "the other half": a part, not a share


@lru_cache(maxsize=1)
def lex() -> NumberLex:
    w = DATA.json("number_words.json")
    sc = DATA.json("number_scales.json")
    cardinals: dict[str, float] = {}
    for key in ("cardinals", "tens", "hundred", "scales", "multiples"):
        cardinals.update({k: float(v) for k, v in w[key].items()})
    return NumberLex(
        cardinals=cardinals,
        ordinals={k: float(v) for k, v in w["ordinals"].items()},
        fractions={k: float(v) for k, v in w["fractions"].items()},
        plural_scales={k: float(v) for k, v in w["plural_scales"].items()},
        unicode_fractions={k: float(v) for k, v in w["unicode_fractions"].items()},
        scale_words={k.lower(): float(v) for k, v in sc["words"].items()},
        attached_scales={k: float(v) for k, v in sc["attached"].items()},
        re_words=_number_words_pattern(cardinals),
        re_ordinal_words=re.compile(rf"(?<![\w-])(?:{alternation(w['ordinals'])})(?![\w])", re.I),
        re_fraction=_fraction_pattern(w),
        re_plural_scale=_plural_scale_pattern(w),
        re_dates=_date_patterns(frozenset(DATA.lines("number_months.txt"))),
        re_blocked=_not_quantity_patterns(DATA.lines("number_street_words.txt")),
        year_prefixes=tuple(w["year_prefixes"]),
        year_prepositions=frozenset(w["year_prepositions"]),
        year_determiners=frozenset(w["year_determiners"]),
        score_words=frozenset(x.lower() for x in DATA.lines("number_score_words.txt")),
        re_partitive=re.compile(rf" of (?:{alternation(w['partitive_determiners'])})\b", re.I),
        words_any=frozenset(list(cardinals) + list(w["ordinals"]) + list(w["fractions"]) + list(w["plural_scales"])
                            + [c + "fold" for c in cardinals]),
        re_ratio=_ratio_pattern(cardinals),
        re_multiplier=re.compile(rf"(?<![\w-])(?P<n>{alternation(cardinals)})-?fold(?![\w-])", re.I),
        re_share_noun=re.compile(rf"\s+(?:{alternation(w['share_nouns'])})\b", re.I),
        half_parts=frozenset(w["half_parts"]),
    )


def _ratio_pattern(cardinals: dict[str, float]) -> re.Pattern:
    """"one in four", "1 in 5", "one in every five", "two out of three" (small numbers: a share, not a score)."""
    small = alternation(c for c, v in cardinals.items() if v < 100)
    num = rf"(?:{small}|\d{{1,3}}(?![\d,.]\d))"
    return re.compile(rf"(?<![\w.,-])(?P<a>{num})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{num})(?![\w.,-]|,\d)", re.I)


def _number_words_pattern(cardinals: dict[str, float]) -> re.Pattern:
    """A run of number words: "two hundred and fifty thousand", "a million", "twenty-five"."""
    alt = alternation(cardinals)
    return re.compile(
        rf"(?<![\w-])(?:(?:a|an|one)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
        rf"(?:{alt})(?:(?:\s+and\s+|[\s-]+)(?:{alt}))*(?![\w])",
        re.I,
    )


def _fraction_pattern(w: dict) -> re.Pattern:
    """"a third", "two-thirds", "half of"; "by half" (a change)."""
    frac_alt = alternation(w["fractions"])
    card_small = alternation(list(w["cardinals"]) + ["a", "an"])
    return re.compile(rf"(?<![\w-])(?P<n>{card_small})[\s-](?P<d>{frac_alt})(?![\w-])|(?<![\w-])(?P<half>half)(?=\s+(?:of|a|an|the|all|its|their|his|her|our|those|these)\b)"
                      rf"|(?<=\bby\s)(?P<by_half>half)(?![\w-])", re.I)


def _plural_scale_pattern(w: dict) -> re.Pattern:
    """"hundreds of", "tens of thousands of", '"hundreds of millions" of' (a closing quotation mark
    before "of")."""
    ps = alternation(w["plural_scales"])
    return re.compile(rf"(?<![\w-])(?:(?P<a>{ps})\s+of\s+)?(?P<b>{ps})(?=[\"”’']?\s+of\b)", re.I)


def _date_patterns(months: frozenset[str]) -> list[re.Pattern]:
    """Dates: "March 12", "12 March 2022", "14 to 17 February", "March 2022", "12/03/2022", "2022-03-12"."""
    # capitalised month names and abbreviations, plus full names in lower case ("september 8") except "may"/"march"
    lower_full = [m.lower() for m in months if len(m) > 3 and m.lower() not in ("may", "march", "sept")]
    month_names = sorted(set(months) | set(lower_full), key=len, reverse=True)
    full = {m.lower() for m in months if len(m) >= 5} | {"may", "june", "july"}
    month_alt = "|".join(re.escape(m) + ("" if m.lower() in full else r"\.?") for m in month_names)
    return [
        re.compile(rf"(?<![\w])(?:{month_alt})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?![\d:.,]\d)"
                   rf"(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"),
        re.compile(rf"(?<![\w.,])(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month_alt})(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"),
        re.compile(rf"(?<![\w])(?:{month_alt}),?\s+(?:of\s+)?(?P<y>\d{{4}})(?![\w])"),
        re.compile(r"(?<![\w./])(?P<d>\d{1,2})/\d{1,2}/(?P<y>\d{2}|\d{4})(?![\w/])"),
        re.compile(r"(?<![\w.-])(?P<y>\d{4})-\d{2}-(?P<d>\d{2})(?![\w-])"),
    ]


def _not_quantity_patterns(streets: Iterable[str]) -> list[re.Pattern]:
    """Digits that are not quantities: clock times, phone numbers, street addresses, versions, "24/7"."""
    street_alt = alternation(streets)
    return [
        # clock times
        re.compile(r"(?<![\w.,:])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"),
        re.compile(r"(?<![\w.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d])(?:\s?(?:GMT|UTC|BST|CET|[ECMP][SD]?T)\b)?"),
        re.compile(r"(?<![\w.,:])\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"),
        re.compile(r"(?<![\w.,:])\d{4}\s?(?:GMT|UTC|BST|CET|[ECMP][SD]T|ET|PT)\b"),
        # phone numbers
        re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?\(\d{2,5}\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])"),
        re.compile(r"(?<![\w.,$£€])\+?\d{2,5}[\s.-]\d{3,4}[\s.-]\d{3,5}(?![\d.,])"),
        re.compile(r"(?<![\w.,$£€])\+\d{1,3}[\s.-]?\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])"),
        # street addresses: "575 Wilbraham Road," "9 E 71st St, Manhattan"
        re.compile(rf"(?<![\w.,$£€])\d{{1,5}}[A-Za-z]?(?:\s+[A-Z0-9][\w.'-]*){{0,3}}\s+(?:{street_alt})\.?(?=\s*[,;)]|\s*$|\s+[A-Z0-9])"),
        # versions and dotted identifiers: 1.2.3, 192.168.0.1
        re.compile(r"(?<![\w.])\d+\.\d+\.\d+(?:\.\d+)*"),
        # ratios / fractions of dates such as 24/7, 9/11 handled as non-facts
        re.compile(r"(?<![\w./])\d{1,2}/\d{1,2}(?![\w/])"),
    ]
