"""tasks.extract.facts.units: the one owner of a fact's unit and kind."""
from __future__ import annotations

import pytest

from tasks.extract.facts import context, scan, units
from tasks.extract.facts.records import Candidate, Fact

# --------------------------------------------------------------------------- what is written beside a number


def test_unit_at():
    assert units.unit_at("5 km long", 2, False) == ("kilometer", "quantity", 4)
    assert units.unit_at("5 per cent", 2, False) == ("%", "percent", 10)
    assert units.unit_at("6ft 2in", 5, True) == ("inch", "quantity", 7)
    assert units.unit_at("2 in London", 2, False) is None  # "in" is an inch only when it touches the digits
    assert units.unit_at("12 apples", 3, False) is None


@pytest.mark.parametrize("text, pos, expected", [
    ("3 kilos of rice", 2, ("kilogram", "quantity", 7)),
    ("a 2 kilo bag", 4, ("kilogram", "quantity", 8)),
    ("waited 45 mins", 10, ("minute", "quantity", 14)),
    ("a 23 hrs trip", 5, ("hour", "quantity", 8)),
    ("served 3 yrs", 9, ("year", "quantity", 12)),
])
def test_news_shorthand_for_units_is_the_unit(text, pos, expected):
    """"kilos", "mins", "hrs", "yrs": Pint takes plurals of names only ("kilo" is only a
    prefix to it); the idioms file names the unit."""
    assert units.unit_at(text, pos, False) == expected


@pytest.mark.parametrize("text, pos, expected", [
    ("3,000 forints", 6, ("HUF", 13)),
    ("2,000 kuna a month", 6, ("HRK", 10)),
    ("900 tenge", 4, ("KZT", 9)),
    ("100m drachmas", 5, ("GRD", 13)),
    ("200 dinars", 4, None),  # many currencies are dinars
    ("100 manats", 4, None),  # Azerbaijani and Turkmen manats: Babel gives only the first a plural
    ("100 soms", 4, None),
    ("10 gold medals", 3, None),  # an English word first
    ("5 real estate firms", 2, None),
])
def test_a_currency_s_own_word_alone_is_the_currency(text, pos, expected):
    """The last word of a currency's English name, written alone after an amount, is that currency
    when no other currency shares it."""
    assert units.money_word_at(text, pos) == expected


def test_money_word_at():
    assert units.money_word_at("5 dollars", 2) == ("USD", 9)
    assert units.money_word_at("1.1396 EUR= at", 7) == ("EUR", 11)
    assert units.money_word_at("12 cents", 3) == ("USD/100", 8)
    assert units.money_word_at("12 apples", 3) is None
    assert units.money_word_at("9 South African rand", 2) == ("ZAR", 20)  # Babel's names, singular and plural
    assert units.money_word_at("9 Costa Rican colon", 2) == ("CRC", 19)  # and without accents
    assert units.money_word_at("9 TOP", 2) is None
    # the other ISO codes (Babel) only after a number, where the clause ends or a small word follows
    assert units.money_word_at("a fare of 900 AMD.", 14) == ("AMD", 17)
    assert units.money_word_at("rooms at 350 HRK for a night", 13) == ("HRK", 16)
    assert units.money_word_at("he ordered 2 AMD processors", 13) is None
    assert units.money_word_at("goal SDG 4", 5) is None


@pytest.mark.parametrize("text,s,expected", [
    ("cost $5", 6, ("USD", 5)),
    ("cost US$5", 8, ("USD", 5)),
    ("cost USD 5", 9, ("USD", 5)),
    ("cost RM79", 7, ("MYR", 5)),
    ("cost Rs 500", 8, ("INR", 5)),
    ("at SDG 4", 7, None),  # an ISO code news writes as another acronym: only hand-kept codes are read
    ("the R5 road", 5, None),
    ("cost AB$5", 8, None),
    ("cost ABC 5", 9, None),
])
def test_currency_before(text, s, expected):
    assert units.currency_before(text, s) == expected


@pytest.mark.parametrize("text,end,letter,scale", [
    ("133m text messages", 4, "m", True),
    ("the 1500m freestyle", 9, "m", False),
    # before punctuation, the end or a small word, a million for now: `decide` reads the sentence
    ("ran 400m.", 8, "m", True),
    ("ran 400m", 8, "m", True),
    ("a 37m (121ft) skeleton", 5, "m", False),
    ("took $37m (£20m) in June", 8, "m", True),
    ("a 37m-long hall", 5, "m", False),
    ("a 64b chip", 5, "b", False),
])
def test_letter_is_scale(text, end, letter, scale):
    assert units.letter_is_scale(text, end, letter) is scale


def read(text: str, num_end: int, attached: bool, value: float = 1.0) -> tuple:
    n = Candidate(start=0, end=num_end, num_start=0, num_end=num_end, value=value, plain_int=True)
    ok = units.read_after(text, n, attached)
    return ok, n.kind, n.unit, n.value, text[:n.end], n.plain_int


@pytest.mark.parametrize("text,num_end,attached,value,expected", [
    ("5 per cent more", 1, False, 5.0, (True, "percent", "%", 5.0, "5 per cent", False)),
    ("2.4-litre engine", 3, False, 2.4, (True, "quantity", "liter", 2.4, "2.4-litre", False)),
    # an ambiguous spelling gets its default sense here ("118.5p": pence); `decide` chooses with the sentence
    ("118.5p a share", 5, True, 118.5, (True, "money", "GBX", 118.5, "118.5p", False)),
    # a hundredth of a currency is divided when decided ("85c" -> 0.85 USD)
    ("85c each", 2, True, 85.0, (True, "money", "USD/100", 85.0, "85c", False)),
    ("12 cents each", 2, False, 12.0, (True, "money", "USD/100", 12.0, "12 cents", False)),
    ("92 million yuan", 10, False, 92e6, (True, "money", "CNY", 92e6, "92 million yuan", False)),
    ("2 pounds of flour", 1, False, 2.0, (True, "money", "GBP", 2.0, "2 pounds", False)),
    ("20 km/h winds", 2, False, 20.0, (True, "quantity", "kilometer_per_hour", 20.0, "20 km/h", False)),
    ("18 degrees celsius", 2, False, 18.0, (True, "quantity", "degree_Celsius", 18.0, "18 degrees celsius", False)),
    ("5G phones", 1, True, 5.0, (False, "count", None, 5.0, "5", True)),
    ("40 apples", 2, False, 40.0, (True, "count", None, 40.0, "40", True)),
])
def test_read_after(text, num_end, attached, value, expected):
    assert read(text, num_end, attached, value) == expected


def test_an_iso_code_after_a_currency_symbol_wins():
    n = Candidate(start=0, end=7, num_start=1, num_end=7, value=1.1396)
    units.set_currency(n, "USD")
    assert units.read_after("$1.1396 EUR= today", n, False) is True
    assert (n.kind, n.unit, n.end) == ("money", "EUR", 12)


# --------------------------------------------------------------------------- decided with the parse


def decided(parse, text: str) -> list[tuple | None]:
    """(words, kind, unit, value, qualifier, drop_if_bare) of each candidate; None when it is no quantity."""
    art, doc = parse(text)
    dx = context.TokenIndex(doc, art.text)
    out = []
    for sent in art.sentences:
        for n in scan.scan(sent.text):
            site = context.locate(dx, sent, n)
            m = units.decide(n, site)
            out.append(None if m is None else (art.text[site.start:m.end], m.kind, m.unit, m.value, m.qualifier, m.drop_if_bare))
    return out


DECISIONS = [
    ("Women aged 25 and over were asked.", [("25", "quantity", "years old", 25.0, None, False)]),
    ("Smith, 47, said no.", [("47", "quantity", "years old", 47.0, None, False)]),
    # ages with nothing after them to count: a bound after people, "a boy of", "who is", "turns"
    ("Drivers over 80 must retake the test.", [("over 80", "quantity", "years old", 80.0, None, False)]),
    ("A boy of nine found the coins.", [("nine", "quantity", "years old", 9.0, None, False)]),
    ("The farmer, who is 58, sold the herd.", [("58", "quantity", "years old", 58.0, None, False)]),
    ("The cyclist, 29, was unhurt.", [("29", "quantity", "years old", 29.0, None, False)]),
    # a person's "be" before a whole number that ends the clause; a score or a golf card is no age
    ("She will be 44 by the spring.", [("44", "quantity", "years old", 44.0, None, False)]),
    ("He was 3 down after nine holes.", [("3", "count", None, 3.0, None, False), ("nine holes", "count", "hole", 9.0, None, False)]),
    ("The total was 61 at lunch.", [("61", "count", None, 61.0, None, False)]),
    ("The poet turned 60 last week and turned 40 pages.",
     [("60", "quantity", "years old", 60.0, None, False), ("40 pages", "count", "page", 40.0, None, False)]),
    ("The chef, 38, and a woman, 19, were hurt.",
     [("38", "quantity", "years old", 38.0, None, False), ("19", "quantity", "years old", 19.0, None, False)]),
    ("The vote, 52, was close.", [("52", "count", None, 52.0, None, False)]),
    ("The firm cut 300 jobs.", [("300 jobs", "count", "job", 300.0, None, False)]),
    ("They raised thousands of dollars.", [("thousands of dollars", "money", "USD", 1000.0, None, False)]),
    ("The 1500m will be her distance.", [("1500m", "quantity", "meter", 1500.0, None, False)]),
    ("He ran 400m.", [("400m", "quantity", "meter", 400.0, None, False)]),
    ("Its audience hit 4m.", [("4m", "count", None, 4e6, None, False)]),
    # "m" before a noun is million, whatever the noun's number ("a 5m contract", "a 4m audience")
    ("The club drew 30m fans after a 7m deal.",
     [("30m fans", "count", "fan", 3e7, None, False), ("7m deal", "count", "deal", 7e6, None, False)]),
    ("It opened in 1998 with 1998 seats.",
     [("1998", "year", None, 1998.0, None, False), ("1998 seats", "count", "seat", 1998.0, None, False)]),
    ("Two-thirds of voters agreed.", [("Two-thirds of voters", "count", "voter", 2 / 3, None, False)]),
    ("It covers dozens of miles.", [("dozens of miles", "quantity", "mile", 24.0, None, False)]),
    ("Sales were four times higher.", [("four times", "count", None, 4.0, "times", False)]),
    ("The two met in Rome.", [("two", "count", None, 2.0, None, True)]),
    # a time unit hyphenated to a number word before a noun makes a kind of thing; to digits, a measure
    ("It issued a three-year forecast and a 12-month plan.", [None, ("12-month", "quantity", "month", 12.0, None, False)]),
    ("It sold 12 and 15 tonnes.", [("12", "count", None, 12.0, None, False), ("15 tonnes", "quantity", "metric_ton", 15.0, None, False)]),
    ("The 12 page report and 8 new red buses.",
     [("12 page", "count", "page", 12.0, None, False), ("8 new red buses", "count", "bus", 8.0, "new red", False)]),
]


@pytest.mark.parametrize("text,expected", DECISIONS, ids=[c[0][:40] for c in DECISIONS])
def test_decide(parse, text, expected):
    assert decided(parse, text) == expected


def test_is_time_word(parse):
    _, doc = parse("Three years and a month of walks.")
    assert [t.text for t in doc if units.is_time_word(t)] == ["years", "month"]


# --------------------------------------------------------------------------- coordination


def facts_in(text: str, spec: list[tuple[str, str | None, str]]) -> list[Fact]:
    """Facts for the given words of `text`, in order: (words, unit, kind)."""
    out, pos = [], 0
    for words, unit, kind in spec:
        start = text.index(words, pos)
        pos = start + len(words)
        out.append(Fact(sentence_idx=0, char_start=start, char_end=pos, text=words, value=1.0, value_low=None, value_high=None,
                        unit=unit, unit_text=None, qualifier=None, kind=kind, relation="=", direction=None, subject=None, location=None))
    return out


def test_share_units():
    text = "four-, five- and six-cylinder engines; 12 and 15 per cent; 280 million of the 1.5 billion shekels; 3 then 4 km"
    facts = facts_in(text, [("four", None, "count"), ("five", None, "count"), ("six-cylinder", "cylinder", "count"),
                            ("12", None, "count"), ("15 per cent", "%", "percent"),
                            ("280 million", None, "count"), ("1.5 billion shekels", "ILS", "money"),
                            ("3", None, "count"), ("4 km", "kilometer", "quantity")])
    units.share_units(text, facts)
    assert [(f.text, f.unit, f.kind) for f in facts] == [
        ("four", "cylinder", "count"), ("five", "cylinder", "count"), ("six-cylinder", "cylinder", "count"),
        ("12", "%", "percent"), ("15 per cent", "%", "percent"),
        ("280 million", "ILS", "money"), ("1.5 billion shekels", "ILS", "money"),
        ("3", None, "count"), ("4 km", "kilometer", "quantity")]


@pytest.mark.parametrize("text, numbers, expected", [
    # a ratio: the first number is of the first currency, the second of the second
    ("The exchange rate between Swiss francs and Thai baht was 1:38.6 in June.", ["1", "38.6"], ["CHF", "THB"]),
    ("Last May's exchange rate of U.S. dollars to rand was 18 to 1.", ["18", "1"], ["USD", "ZAR"]),
    ("Their exchange rate for Kenyan shillings to euros is currently 140 : 1.", ["140", "1"], ["KES", "EUR"]),
    # a lone number is the price of one unit of the first currency in the second ...
    ("The exchange rate for sterling to euros is 1.16 this week.", ["1.16"], ["EUR"]),
    ("Today's exchange rate of dollars to Indian rupees reached 83.4.", ["83.4"], ["INR"]),
    # ... unless only the second is a currency rates are quoted in
    ("Its exchange rate of Kenyan shillings to dollars stood at 129.", ["129"], ["KES"]),
    # no pair of currencies, or a unit already written: nothing to give
    ("The exchange rate was 7 and inflation 12.", ["7", "12"], [None, None]),
    ("The exchange rate between pesos and euros is 1 of 40 signs.", ["1", "40"], [None, None]),  # a part, not an amount
    ("The exchange rate for sterling to euros is 1.16 euros.", ["1.16 euros"], ["EUR"]),
])
def test_numbers_after_an_exchange_rate_are_amounts_of_its_currencies(text, numbers, expected):
    facts = facts_in(text, [(n, "EUR" if n.endswith("euros") else None, "money" if n.endswith("euros") else "count")
                            for n in numbers])
    units.share_units(text, facts)
    assert [f.unit for f in facts] == expected
    assert [f.kind for f in facts] == ["count" if u is None else "money" for u in expected]
