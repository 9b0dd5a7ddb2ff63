"""tasks.extract.facts: exact rows, with `unit_text`, for the units and values news writes in many ways.

Every sentence is invented; each covers one general mechanism: canonical units from Pint's registry,
ambiguous units decided by their sentence, and the value forms (number words with digits, scale
letters, fractions in words, years beside nouns, date ranges, negatives, multipliers, scores,
tokenised thousands, years before "to", units carried through a list, index levels).
"""
from __future__ import annotations

import pytest

from tasks.extract.entities import index as entities
from tasks.extract.facts.facts import extract


def rows(parse, text: str) -> list[tuple]:
    art, doc = parse(text)
    out = extract(art, doc, entities.extract(art, doc), [])
    return [(r["text"], r["value"], r["value_low"], r["value_high"], r["unit"], r["unit_text"], r["kind"], r["relation"],
             r["qualifier"]) for r in out]


def r(text, value, unit=None, unit_text=None, kind="count", relation="=", qualifier=None, low=None, high=None) -> tuple:
    return (text, value, low, high, unit, unit_text, kind, relation, qualifier)


UNITS = [
    # canonical names of Pint's registry, the words as written kept in unit_text
    ("It was 18 degrees celsius at noon in the square.",
     [r("18 degrees celsius", 18.0, "degree_Celsius", "degrees celsius", "quantity")]),
    ("The steel is rated at 250 MPa.", [r("250 MPa", 250.0, "megapascal", "MPa", "quantity")]),
    ("The flat is 30 sq m and the engine makes 400 pound-feet.",
     [r("30 sq m", 30.0, "square_meter", "sq m", "quantity"), r("400 pound-feet", 400.0, "foot_pound", "pound-feet", "quantity")]),
    ("Gusts reached 90 m.p.h on the coast road.", [r("90 m.p.h", 90.0, "mile_per_hour", "m.p.h", "quantity")]),
    # "Nm" is torque in news (Pint reads it as a reciprocal metre); "quid" is slang for pounds sterling
    ("The diesel gives 350 Nm and the ticket costs 12 quid.",
     [r("350 Nm", 350.0, "newton_meter", "Nm", "quantity"), r("12 quid", 12.0, "GBP", "quid", "money")]),
    ("The lorry carried 12 tonnes at 80 km/h.",
     [r("12 tonnes", 12.0, "metric_ton", "tonnes", "quantity"), r("80 km/h", 80.0, "kilometer_per_hour", "km/h", "quantity")]),
    ("The pressure fell to 960 mb overnight.", [r("960 mb", 960.0, "millibar", "mb", "quantity")]),
    # a news idiom Pint reads otherwise ("dpi" is its dry pint); "the old one" is no number to carry it to
    ("The scanner reads at 1,200 dpi and is slower than the old one.",
     [r("1,200 dpi", 1200.0, "pixels_per_inch", "dpi", "quantity")]),
    ("The lake covers 2,500 square kilometres.", [r("2,500 square kilometres", 2500.0, "square_kilometer", "square kilometres", "quantity")]),
    # counts: the singular lemma of the counted noun
    ("The depot sent 14 buses and 3 ferries.", [r("14 buses", 14.0, "bus", "buses"), r("3 ferries", 3.0, "ferry", "ferries")]),
    # ambiguous units, decided by their sentence
    ("The heavyweight weighs 230 pounds.", [r("230 pounds", 230.0, "pound", "pounds", "quantity")]),
    ("She paid 40 pounds for the ticket.", [r("40 pounds", 40.0, "GBP", "pounds", "money")]),
    ("The ramp tilts at 12 degrees.", [r("12 degrees", 12.0, "degree", "degrees", "quantity")]),
    # bare degrees with nothing of an angle in the sentence are a temperature, as in most news
    ("Saturday will bring a pleasant 24 degrees.", [r("24 degrees", 24.0, "degree_Celsius", "degrees", "quantity")]),
    ("The new camera gives a 360-degree sweep.", [r("360-degree", 360.0, "degree", "degree", "quantity")]),  # a whole turn
    # a bare "m" in a size is metres, never a million
    # a power after a unit letter: square metres, at a sentence's end too, never millions
    ("The depot covers 9,500m2. Each unit has 40 m2.", [r("9,500m2", 9500.0, "square_meter", "m2", "quantity"),
                                                       r("40 m2", 40.0, "square_meter", "m2", "quantity")]),
    # feet and inches written with primes are a height, whatever the sentence
    ('The new goalkeeper is 6\'3" tall.', [r("6'", 6.0, "foot", "'", "quantity"), r('3"', 3.0, "inch", '"', "quantity")]),
    # a prime before "per second" is a length in a rate, not a time
    ("The glider sank at 40' per second.", [r("40'", 40.0, "foot", "'", "quantity")]),
    ("The new hall measures 45m by 30m.", [r("45m", 45.0, "meter", "m", "quantity"), r("30m", 30.0, "meter", "m", "quantity")]),
    ("The soup was heated to 70 degrees in the oven.", [r("70 degrees", 70.0, "degree_Celsius", "degrees", "quantity")]),
    # degrees of heat with no scale written: a value Celsius cannot have there is Fahrenheit
    ("Afternoon highs of 97 degrees are forecast for the valley.", [r("97 degrees", 97.0, "degree_Fahrenheit", "degrees", "quantity")]),
    ("The toddler ran a fever of 102 degrees.", [r("102 degrees", 102.0, "degree_Fahrenheit", "degrees", "quantity")]),
    ("Preheat the oven to 425 degrees.", [r("425 degrees", 425.0, "degree_Fahrenheit", "degrees", "quantity")]),
    ("The sheets should be washed at 60 degrees.", [r("60 degrees", 60.0, "degree_Celsius", "degrees", "quantity")]),
    ("The test blast yielded 15 kt of TNT.", [r("15 kt", 15.0, "kiloton_TNT", "kt", "quantity")]),
    ("The yacht cruised at 9 kt.", [r("9 kt", 9.0, "knot", "kt", "quantity")]),
    ("Each pixel stores 24 b of colour data.", [r("24 b", 24.0, "bit", "b", "quantity")]),
    ("The chemist measured 2 drams of powder.", [r("2 drams", 2.0, "dram", "drams", "quantity")]),
    ("The taxi fare was 3,000 drams in Yerevan.", [r("3,000 drams", 3000.0, "AMD", "drams", "money")]),
    ("A bowl of noodles costs ¥800 in Tokyo.", [r("¥800", 800.0, "JPY", "¥", "money")]),
    ("A metro ticket in Beijing costs ¥4.", [r("¥4", 4.0, "CNY", "¥", "money")]),
    # letters that are money only with cents written or their currency's place in the sentence
    ("A loaf costs R21.99 now.", [r("R21.99", 21.99, "ZAR", "R", "money")]),
    ("A taxi across Durban costs R90.", [r("R90", 90.0, "ZAR", "R", "money")]),
    ("The R34 road was closed.", []),
    ("The council will spend R3.4 million on roads.", [r("R3.4 million", 3.4e6, "ZAR", "R", "money")]),  # a name takes no scale
    ('The tablet has a 10.9" screen.', [r('10.9"', 10.9, "inch", '"', "quantity")]),
    ("Stamps cost 5 cents more.", [r("5 cents", 0.05, "USD", "cents", "money")]),
    ("The index fell 35 points.", [r("35 points", 35.0, "point", "points")]),
    ("The pitch is 4 C colder than the car park.", [r("4 C", 4.0, "degree_Celsius", "C", "quantity")]),
    ("The pupils formed Group 4 C in the hall.", []),
    # a cue the tokenizer splits ("cross-section") is looked for in the sentence's text
    ("The measured cross-section was 4 b.", [r("4 b", 4.0, "barn", "b", "quantity")]),
    # "¥" with no country named: under 100 is yuan (a yuan is worth some twenty yen), from 100 yen;
    # a yen amount with its scale written is counted whole
    ("A bus ride in town cost ¥2.", [r("¥2", 2.0, "CNY", "¥", "money")]),
    ("The bill came to ¥3,200.", [r("¥3,200", 3200.0, "JPY", "¥", "money")]),
    ("The carmaker booked a loss of ¥1.4 billion.", [r("¥1.4 billion", 1.4e9, "JPY", "¥", "money")]),
    ("In Osaka a can of tea costs ¥9.", [r("¥9", 9.0, "JPY", "¥", "money")]),
    # a unit of measure after the spelling rules its currency sense out
    ("The new dose is 1.5 p milligrams higher.", [r("1.5 p", 1.5, "point", "p", "count")]),
    # "dpt of" something is a volume, never a lens power; a capital B in a data rate is a byte
    ("She picked 2 dpt of blackberries.", [r("2 dpt", 2.0, "pint", "dpt", "quantity")]),
    ("The old modem sent 2,400 Bps.", [r("2,400 Bps", 2400.0, "byte_per_second", "Bps", "quantity")]),
    # currency names from Babel (any currency since 1950); its codes are not read, being also acronyms
    ("The ferry contract was worth 2 million Norwegian kroner, and the pier 40,000 South African rand.",
     [r("2 million Norwegian kroner", 2e6, "NOK", "Norwegian kroner", "money"),
      r("40,000 South African rand", 4e4, "ZAR", "South African rand", "money")]),
    ("Progress on SDG 4 stalled, and he bought 2 AMD processors.",
     [r("2 AMD processors", 2.0, "processor", "processors", "count", qualifier="AMD")]),
    ('Leaders named "Project 2" in a speech.', []),
    # "mb" and "Mb" by their sentence: storage, a line's speed, or the air's pressure (Pint: millibarn, megabarn)
    ("The cheaper player holds 256mb of songs.", [r("256mb", 256.0, "megabyte", "mb", "quantity")]),
    ("The village line now runs at 4Mb.", [r("4Mb", 4.0, "megabit", "Mb", "quantity")]),
    ("The storm's central pressure dropped to 962mb.", [r("962mb", 962.0, "millibar", "mb", "quantity")]),
    # a glued "A" is amperes only beside electricity; otherwise the digits and letter are a code
    ("Fit a 5A fuse to the plug.", [r("5A", 5.0, "ampere", "A", "quantity")]),
    ("The comedy was given a 12A certificate.", []),
    # a digit squares only a length: "MP3" is a name, "km2" a square
    ("She keeps one MP3 player in the car and farms 3 km2 of rye.",
     [r("one MP3 player", 1.0, "player", "player", qualifier="MP3"), r("3 km2", 3.0, "square_kilometer", "km2", "quantity")]),
    # both sides of a hyphenated dimension take its unit
    ("They laid a 9-by-12-foot rug.", [r("9", 9.0, "foot", None, "quantity"), r("12-foot", 12.0, "foot", "foot", "quantity")]),
    # a count of molecules is a count (Pint's "particle" is no unit of news)
    ("The robot tested 40,000 molecules.", [r("40,000 molecules", 40000.0, "molecule", "molecules")]),
    # a number word and a unit word both capitalised inside a sentence are a title
    ("Tickets for the Four Seasons tour sold out.", []),
]


@pytest.mark.parametrize("text,expected", UNITS, ids=[c[0][:40] for c in UNITS])
def test_units(parse, text, expected):
    assert rows(parse, text) == expected


VALUES = [
    # number words mixed with digits; scale letters before a countable noun
    ("The app now has 3 hundred thousand users.", [r("3 hundred thousand users", 3e5, "user", "users")]),
    ("The platform reached 2 B users.", [r("2 B users", 2e9, "user", "users")]),
    ("The service added 40m subscribers.", [r("40m subscribers", 4e7, "subscriber", "subscribers")]),
    # a bare "m" counting nothing is metres only in a sentence of a race or a length, else a million
    ("The quiz drew 7.2m on Sunday.", [r("7.2m", 7.2e6)]),
    ("Her sister won the 400m in Oslo.", [r("400m", 400.0, "meter", "m", "quantity")]),
    ("The keeper sprinted 40m to the ball.", [r("40m", 40.0, "meter", "m", "quantity")]),
    ("The vaulter cleared 1.80m and 4.85m.", [r("1.80m", 1.8, "meter", "m", "quantity"), r("4.85m", 4.85, "meter", "m", "quantity")]),
    # so is one before a singular noun (a million counts a plural or a group) in such a sentence
    ("The sprinter took a 60m victory, then swam the 50m leg.",
     [r("60m", 60.0, "meter", "m", "quantity"), r("50m", 50.0, "meter", "m", "quantity")]),
    ("Kenya's 800m man Ole Tanui will run in Leeds.", [r("800m", 800.0, "meter", "m", "quantity")]),
    ("The final drew a 6m audience and 2m new viewers.",
     [r("6m audience", 6e6, "audience", "audience"), r("2m new viewers", 2e6, "viewer", "viewers", qualifier="new")]),
    # a currency written before a range's first number is the whole range's
    ("The repairs will cost £3-4bn.", [r("£3-4bn", 3e9, "GBP", "£", "money", low=3e9, high=4e9)]),
    ("Tickets cost from £12 up to £40.", [r("from £12 up to £40", 12.0, "GBP", "£", "money", low=12.0, high=40.0)]),
    # a 4-digit number before a capitalised name is its year
    ("She swam at the 1996 Atlanta Games.", [r("1996", 1996.0, kind="year")]),
    # fractions in words
    ("Roughly one in four voters backed it.", [r("Roughly one in four voters", 0.25, "voter", "voters", relation="~")]),
    ("One in every five homes lacks heating.", [r("One in every five homes", 0.2, "home", "homes")]),
    ("Nearly two-thirds of the members agreed.", [r("Nearly two-thirds of the members", 2 / 3, "member", "members", relation="~")]),
    ("Almost half the staff left.", [r("Almost half the staff", 0.5, "staff", "staff", relation="~")]),
    # a fraction of a pronoun is still a share, though no noun is counted
    ("About a quarter of them quit, and half of those who stayed moved.",
     [r("About a quarter", 0.25, relation="~"), r("half", 0.5)]),
    # "the second half", "the other half": a part of a period or a thing, not a share
    ("Sales grew in the second half of 2019, and the other half of the board resigned.",
     [r("second", 2.0, kind="ordinal"), r("2019", 2019.0, kind="year")]),
    # a fraction of a change, after "by", with no noun after it; an ordinal before a noun is none
    ("The clinic cut its backlog by two-thirds.", [r("two-thirds", 2 / 3)]),
    ("Turnout fell by a third in the east.", [r("a third", 1 / 3)]),
    ("The council slashed the grant by half.", [r("half", 0.5)]),
    # "half a" + a unit of measure; "half a dozen" is read with the number words, "half a chance" is none
    ("The pier sank half a metre and the levy rose half a percentage point.",
     [r("half a metre", 0.5, "meter", "metre", "quantity"), r("half a percentage point", 0.5, "percentage points", "percentage point", "percent")]),
    ("She had half a chance.", []),
    ("The audit was run by a third party firm.", [r("third", 3.0, kind="ordinal")]),
    # a fraction before a word for a share is the share's ratio; not carried a percent from the number before it
    ("The bank bought a one-fifth stake, then a 10% and a three-quarter share in another.",
     [r("one-fifth", 0.2), r("10%", 10.0, "%", "%", "percent"), r("three-quarter", 0.75)]),
    # ordinals with their thousands marked
    ("The 1,001st visitor won a pass.", [r("1,001st", 1001.0, kind="ordinal")]),
    # ten to a power, written with a caret
    ("The sensor counts 10^6 photons.", [r("10^6 photons", 1e6, "photon", "photons")]),
    # years beside nouns and names; date ranges
    ("In 2019 most firms cut costs.", [r("2019", 2019.0, kind="year")]),
    ("During 2016 Smith met the minister.", [r("2016", 2016.0, kind="year")]),
    ("The fair runs Oct. 3-7 in town.", [r("Oct. 3-7", 3.0, kind="date")]),
    # negatives
    ("Temperatures fell to minus 12 degrees overnight.",
     [r("minus 12 degrees", -12.0, "degree_Celsius", "degrees", "quantity")]),
    ("The firm reported a loss of $-3.2bn.", [r("$-3.2bn", -3.2e9, "USD", "$", "money")]),
    ("Overnight the mercury fell to 8 degrees below zero.",
     [r("8 degrees below zero", -8.0, "degree_Celsius", "degrees", "quantity")]),
    # "below freezing" is below 0C, or below 32F
    ("By dawn the lake sat at 6 degrees below freezing.",
     [r("6 degrees below freezing", -6.0, "degree_Celsius", "degrees", "quantity")]),
    ("The ranch woke to 12F below freezing.", [r("12F below freezing", 20.0, "degree_Fahrenheit", "F", "quantity")]),
    # multipliers
    ("Sales rose fivefold and the shares are up 3x.",
     [r("fivefold", 5.0, qualifier="times"), r("3x", 3.0, qualifier="times")]),
    # scores are no quantity, whichever side won, nor is the set of a match that the loser took
    ("United won 2-0 at home and suffered a 1-3 defeat away.", []),
    ("Ines beat the top seed 6-2 4-6 7-5 on Tuesday.", []),
    # a number with a leading zero is a code; a capitalised unit word inside a sentence belongs to a name
    ("The regulator gave 0870 to premium lines.", []),
    ("The film 12 Ounces won, the rapper 40 Cent sang and the tickets cost 9 Euros.",
     [r("9 Euros", 9.0, "EUR", "Euros", "money")]),
    # a four-digit number the model dates before a people's adjective is a year
    ("The 2008 Olympic men's relay team was stripped of its medals.", [r("2008", 2008.0, kind="year")]),
    # thousands split by a space in tokenised text
    ("The crowd of 65, 000 fans sang.", [r("65, 000 fans", 65000.0, "fan", "fans")]),
    # a range goes up: a pair that comes down is two numbers (a result, a ratio, a change)
    ("Diaz took the ward 61%-37% and backers rose from $9m to $4m, a ratio of 5 to 2.",
     [r("61%", 61.0, "%", "%", "percent"), r("37%", 37.0, "%", "%", "percent"),
      r("from $9m to $4m", 4e6, "USD", "$", "money", low=4e6, high=9e6), r("5", 5.0), r("2", 2.0)]),
    # the suffix of a bound ("-plus", "-odd") does not hide the counted noun; "the minimum", "a maximum" bound
    ("The site has 30,000-plus readers and 70-odd writers.",
     [r("30,000-plus readers", 30000.0, "reader", "readers", relation=">"), r("70-odd writers", 70.0, "writer", "writers", relation="~")]),
    ("A seat costs the minimum $4 million and carries a maximum $900 fine.",
     [r("the minimum $4 million", 4e6, "USD", "$", "money", relation=">"), r("a maximum $900", 900.0, "USD", "$", "money", relation="<")]),
    # a year before "to" does not start a range
    ("Prices rose from 2.1% in 2018 to 3.4% in 2019.",
     [r("2.1%", 2.1, "%", "%", "percent"), r("2018", 2018.0, kind="year"), r("3.4%", 3.4, "%", "%", "percent"),
      r("2019", 2019.0, kind="year")]),
    # a unit carried through a list; written nowhere beside the second number
    ("The developer has 300 flats for sale and 120 for rent.",
     [r("300 flats", 300.0, "flat", "flats"), r("120", 120.0, "flat")]),
    # so is a part of it ("of which", "of whom": the last count of people)
    ("The port has six cranes, two of which are idle.", [r("six cranes", 6.0, "crane", "cranes"), r("two", 2.0, "crane")]),
    ("Some 40 nurses worked there for 12 years, nine of whom left.",
     [r("Some 40 nurses", 40.0, "nurse", "nurses", relation="~"), r("12 years", 12.0, "year", "years", "quantity"),
      r("nine", 9.0, "nurse")]),
    # a one-word modifier in quotation marks stays in the counted noun phrase; "one thing" is an idiom
    ('The town will add 2,000 "starter" flats.', [r('2,000 "starter" flats', 2000.0, "flat", "flats", qualifier='"starter"')]),
    ("One thing is clear: the clinic saw 40 patients.", [r("40 patients", 40.0, "patient", "patients")]),
    ("The mill cut its costs by 15% and its payroll by 2,400.",
     [r("15%", 15.0, "%", "%", "percent"), r("2,400", 2400.0)]),
    # an index level after a percent change is no percent
    ("The index rose 0.6 per cent to 7,312.45.", [r("0.6 per cent", 0.6, "%", "per cent", "percent"), r("7,312.45", 7312.45)]),
]


@pytest.mark.parametrize("text,expected", VALUES, ids=[c[0][:40] for c in VALUES])
def test_values(parse, text, expected):
    assert rows(parse, text) == expected
