"""tasks.extract.facts.facts: texts in, exact numeric_facts rows out; non-facts; the seed against its gold."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tasks.extract.entities import index as entities
from tasks.extract.facts.facts import extract
from tasks.model import Article
from tasks.schemas import NUMERIC_FACTS

KEYS = ("text", "value", "value_low", "value_high", "unit", "qualifier", "kind", "relation", "direction", "subject", "location")


def facts(parse, text: str, quotes: list[dict] | None = None, published_at=None) -> list[dict]:
    art, doc = parse(text)
    art.published_at = published_at
    ents = entities.extract(art, doc)
    rows = extract(art, doc, ents, quotes or [])
    for r in rows:
        assert set(r) == set(NUMERIC_FACTS.names)
        assert art.text[r["char_start"]:r["char_end"]] == r["text"]
    return rows


def row(text, value, unit=None, kind="count", relation="=", direction=None, qualifier=None, low=None, high=None,
        subject=None, location=None) -> dict:
    return {"text": text, "value": value, "value_low": low, "value_high": high, "unit": unit, "qualifier": qualifier,
            "kind": kind, "relation": relation, "direction": direction, "subject": subject, "location": location}


def sem(rows: list[dict], with_actors: bool = False) -> list[dict]:
    out = []
    for r in rows:
        d = {k: r[k] for k in KEYS}
        if not with_actors:
            d["subject"] = d["location"] = None
        out.append(d)
    return out


CASES = [
    # counts: the counted noun, its qualifiers, spelled-out numbers
    ("He thanked the 100 British military engineers.", [row("100 British military engineers", 100.0, "engineer", qualifier="British military")]),
    ("The two sides met in Geneva.", [row("two sides", 2.0, "side")]),
    ("They found one solution.", [row("one solution", 1.0, "solution")]),
    ("He bought a dozen eggs.", [row("a dozen eggs", 12.0, "egg")]),
    ("Police sent a further 350 officers.", [row("a further 350 officers", 350.0, "officer", qualifier="further")]),
    ("There were 4 hundred people.", [row("4 hundred people", 400.0, "people")]),
    ("About 3 million people watched.", [row("About 3 million people", 3e6, "people", relation="~")]),
    ("Tens of thousands of students protested.", [row("Tens of thousands of students", 1e4, "student", low=1e4, high=1e5)]),
    ("The mayor pledged \"hundreds of millions\" of rand.",  # a quotation closing before "of"
     [row("\"hundreds of millions\" of rand", 1e8, "ZAR", kind="money", low=1e8, high=1e9)]),
    ("Almost two-thirds of voters agreed.", [row("Almost two-thirds of voters", 2 / 3, "voter", relation="~")]),
    ("The museum holds the 12 page document and 96 Liverpool fans visited.",
     [row("12 page", 12.0, "page"), row("96 Liverpool fans", 96.0, "fan", qualifier="Liverpool")]),
    ("It is a four-cylinder engine.", [row("four-cylinder", 4.0, "cylinder")]),
    ("The list has four-, five- and six-cylinder engines.",
     [row("four", 4.0, "cylinder"), row("five", 5.0, "cylinder"), row("six-cylinder", 6.0, "cylinder")]),
    # money: ISO codes, scales
    ("Prices start at £1,400.", [row("£1,400", 1400.0, "GBP", kind="money")]),
    ("The deal is worth $1.07bn and 8.2bn euros.",  # no float noise from the scale
     [row("$1.07bn", 1.07e9, "USD", kind="money"), row("8.2bn euros", 8.2e9, "EUR", kind="money")]),
    ("The exchange rate for Ghanaian cedis to euros is now 13.5:1.",
     [row("13.5", 13.5, "GHS", kind="money"), row("1", 1.0, "EUR", kind="money")]),
    ("Exchange rates of the rupee to the dollar were 82.1, 82.9 and 83.3, and 2 banks cut their fees.",
     [row("82.1", 82.1, "INR", kind="money"), row("82.9", 82.9, "INR", kind="money"), row("83.3", 83.3, "INR", kind="money"),
      row("2 banks", 2.0, "bank")]),
    ("The company will invest $800 million in the plant.", [row("$800 million", 8e8, "USD", kind="money")]),
    ("The deal is worth $2.5bn.", [row("$2.5bn", 2.5e9, "USD", kind="money")]),
    ("Revenue reached €3m and 10.5 million Australian dollars.",
     [row("€3m", 3e6, "EUR", kind="money"), row("10.5 million Australian dollars", 10.5e6, "AUD", kind="money")]),
    ("It cost USD1,700, RM79 and 92 million yuan.",
     [row("USD1,700", 1700.0, "USD", kind="money"), row("RM79", 79.0, "MYR", kind="money"), row("92 million yuan", 92e6, "CNY", kind="money")]),
    ("Shares closed at 118.5p.", [row("118.5p", 118.5, "GBX", kind="money")]),
    ("It is a million dollar house.", [row("a million dollar", 1e6, "USD", kind="money")]),
    ("Tickets cost from $370,000 to $5.5 million.",
     [row("from $370,000 to $5.5 million", 370000.0, "USD", kind="money", low=370000.0, high=5.5e6)]),
    # percent
    ("Unemployment rose by 5% last year.", [row("5%", 5.0, "%", kind="percent", direction="up")]),
    ("Shares fell 2.5 per cent on Monday.", [row("2.5 per cent", 2.5, "%", kind="percent", direction="down")]),
    ("Britain can borrow at 1.38pc.", [row("1.38pc", 1.38, "%", kind="percent")]),
    ("Growth was revised from 5 to 7 per cent.", [row("from 5 to 7 per cent", 5.0, "%", kind="percent", low=5.0, high=7.0)]),
    # quantities
    ("Mothers get 26 weeks of leave.", [row("26 weeks", 26.0, "week", kind="quantity")]),
    ("The trail is 5 km long.", [row("5 km", 5.0, "kilometer", kind="quantity")]),
    ("The project took nine months.", [row("nine months", 9.0, "month", kind="quantity")]),
    ("It has 256GB of storage and a 2.4-liter engine.",
     [row("256GB", 256.0, "gigabyte", kind="quantity"), row("2.4-liter", 2.4, "liter", kind="quantity")]),
    ("He was travelling at 15-22 miles per hour.",
     [row("15-22 miles per hour", 15.0, "mile_per_hour", kind="quantity", low=15.0, high=22.0)]),
    ("It is about minus 387 Fahrenheit.", [row("about minus 387 Fahrenheit", -387.0, "degree_Fahrenheit", kind="quantity", relation="~")]),
    ("A 50 year-old man was arrested.", [row("50 year-old", 50.0, "years old", kind="quantity")]),
    ("The skeleton is 37m (121ft) long.",
     [row("37m", 37.0, "meter", kind="quantity"), row("121ft", 121.0, "foot", kind="quantity")]),
    # ranges
    ("The town has between 100 and 200 residents.",
     [row("between 100 and 200 residents", 100.0, "resident", low=100.0, high=200.0)]),
    ("The team hired 10-12 engineers.", [row("10-12 engineers", 10.0, "engineer", low=10.0, high=12.0)]),
    ("There are four to five thousand people.", [row("four to five thousand people", 4000.0, "people", low=4000.0, high=5000.0)]),
    # relations
    ("More than 5,000 people marched.", [row("More than 5,000 people", 5000.0, "people", relation=">")]),
    ("Fewer than 20 schools closed.", [row("Fewer than 20 schools", 20.0, "school", relation="<")]),
    ("Up to 400 workers could lose their jobs.", [row("Up to 400 workers", 400.0, "worker", relation="<")]),
    ("At least 12 people died.", [row("At least 12 people", 12.0, "people", relation=">")]),
    ("Some 40 boats sank.", [row("Some 40 boats", 40.0, "boat", relation="~")]),
    ("The plan needs 1,000 volunteers or more.", [row("1,000 volunteers", 1000.0, "volunteer", relation=">")]),
    # directions
    ("The firm will cut 300 jobs.", [row("300 jobs", 300.0, "job", direction="down")]),
    ("The index was down 1.9% and Tesla jumped 8.5%.",
     [row("1.9%", 1.9, "%", kind="percent", direction="down"), row("8.5%", 8.5, "%", kind="percent", direction="up")]),
    ("Nasdaq +0.8%.", [row("+0.8%", 0.8, "%", kind="percent", direction="up")]),
    ("The Dow gained 0.68 per cent to 3,005.47.",
     [row("0.68 per cent", 0.68, "%", kind="percent", direction="up"), row("3,005.47", 3005.47)]),
    # years, dates, ordinals
    ("The law was passed in 1998.", [row("1998", 1998.0, kind="year")]),
    ("The summit opens on 12 March 2022.", [row("12 March 2022", 12.0, kind="date")]),
    ("It was the third attempt and the 22nd amendment.", [row("third", 3.0, kind="ordinal"), row("22nd", 22.0, kind="ordinal")]),
    ("OHSU has performed more than 700 heart transplants since 1985.",
     [row("more than 700 heart transplants", 700.0, "transplant", relation=">", qualifier="heart"), row("1985", 1985.0, kind="year")]),
    ("In the 1990s, 2014-15 was the best season.", [row("1990s", 1990.0, kind="year"), row("2014-15", 2014.0, kind="year")]),
    # fractions and halves
    ("It needs two and a half cups of flour and 2½ teaspoons of salt.",
     [row("two and a half cups", 2.5, "cup"), row("2½ teaspoons", 2.5, "teaspoon", kind="quantity")]),
    ("Half a dozen eggs and a quarter of a million dollars.",
     [row("Half a dozen eggs", 6.0, "egg"), row("a quarter of a million dollars", 250000.0, "USD", kind="money")]),
    ("The battery lasts 3 1/2 hours and 3/4 of voters agree.",
     [row("3 1/2 hours", 3.5, "hour", kind="quantity"), row("3/4 of voters", 0.75, "voter")]),
    ("He stands 6ft 2in and weighs 14st.",
     [row("6ft", 6.0, "foot", kind="quantity"), row("2in", 2.0, "inch", kind="quantity"), row("14st", 14.0, "stone", kind="quantity")]),
    # a change and a level are two facts; temporal words are not counted nouns
    ("Ticket sales were up by 40 to 960.", [row("40", 40.0, direction="up"), row("960", 960.0)]),
    ("Membership grew by 2,100 to 48,000, and fees may rise by 4 to 6 per cent.",
     [row("2,100", 2100.0, direction="up"), row("48,000", 48000.0),
      row("4 to 6 per cent", 4.0, "%", kind="percent", direction="up", low=4.0, high=6.0)]),
    ("Her 4x200m and 4 x 400m relay teams trained on a track.",  # legs of a relay, no size
     [row("4", 4.0), row("200m", 200.0, "meter", kind="quantity"), row("4", 4.0), row("400m", 400.0, "meter", kind="quantity")]),
    ("She took the 4x100m and 4x200m relays in Rome.",
     [row("4", 4.0), row("100m", 100.0, "meter", kind="quantity"), row("4", 4.0), row("200m", 200.0, "meter", kind="quantity")]),
    ("The plates measure 2x3 metres.", [row("2x3 metres", 2.0, "meter", kind="quantity"), row("3 metres", 3.0, "meter", kind="quantity")]),
    ("Copper lost almost $300 to $8,100 a tonne, and prices may fall by about 1 to 2%.",
     [row("almost $300", 300.0, "USD", kind="money", relation="~", direction="down"), row("$8,100", 8100.0, "USD", kind="money"),
      row("about 1 to 2%", 1.0, "%", kind="percent", relation="~", direction="down", low=1.0, high=2.0)]),
    ("Oil prices rose $2 to $85 a barrel.",
     [row("$2", 2.0, "USD", kind="money", direction="up"), row("$85", 85.0, "USD", kind="money")]),
    ("Ticket sales totalled 45,000, compared with 40,000 last year.", [row("45,000", 45000.0), row("40,000", 40000.0)]),
    ("It is one of Japan's biggest banks and two of the company's factories closed.",
     [row("one of Japan's biggest banks", 1.0, "bank", qualifier="biggest"), row("two of the company's factories", 2.0, "factory")]),
    ("Sales were more than four times the number.", [row("more than four times", 4.0, relation=">", qualifier="times")]),
    # people of an age, one or a band of ages, however the band is written
    ("The school took 90 15-year-olds and 60 16-year-olds; the odds were 9-to-1.",  # head counts, not ages
     [row("90", 90.0), row("15-year-olds", 15.0, "years old", kind="quantity"), row("60", 60.0),
      row("16-year-olds", 16.0, "years old", kind="quantity"), row("9", 9.0)]),
    ("The club signed two 19-year-olds, and the survey asked 600 35- to 44-year-olds and 12-to-15-year-olds.",
     [row("19-year-olds", 19.0, "years old", kind="quantity"), row("600", 600.0),
      row("35- to 44-year-olds", 35.0, "years old", kind="quantity", low=35.0, high=44.0),
      row("12-to-15-year-olds", 12.0, "years old", kind="quantity", low=12.0, high=15.0)]),
    ("Women aged 25 to 54 and Senard, 65, agreed.", [row("25 to 54", 25.0, "years old", kind="quantity", low=25.0, high=54.0),
                                                    row("65", 65.0, "years old", kind="quantity")]),
    ("The 10-year Treasury yield rose to 4.2%.", [row("4.2%", 4.2, "%", kind="percent")]),
    # a recent year before a plural after a determiner or a possessive, or where counts mark their thousands
    ("The bank's 2003 results beat the 1998 levels.", [row("2003", 2003.0, kind="year"), row("1998", 1998.0, kind="year")]),
    ("Its 2040 targets stand, and some 2000 fans and all 2000 tickets were counted.",
     [row("2040", 2040.0, kind="year"), row("some 2000 fans", 2000.0, "fan", relation="~"),
      row("2000 tickets", 2000.0, "ticket")]),
    ("The 2000 people who came cheered, and police held 2000 marchers.",
     [row("2000 people", 2000.0, "people"), row("2000 marchers", 2000.0, "marcher")]),
    # a count whose thing is named by the noun holding it ("the toll", "the number of")
    ("The flood's death toll climbed to 173 on Tuesday.", [row("173", 173.0, "death")]),
    ("The number of stranded hikers is now 26, and the vote tally reached 9,100.",
     [row("26", 26.0, "hiker"), row("9,100", 9100.0, "vote")]),
    ("The tally was 12.", [row("12", 12.0)]),
    ("Tourist numbers rose to 3,400.", [row("3,400", 3400.0, "tourist")]),
    ("The raffle numbers were 8, 14 and 27.", [row("8", 8.0), row("14", 14.0), row("27", 27.0)]),
    ("Ferry passenger numbers fell by 2,300.", [row("2,300", 2300.0, "passenger", direction="down")]),
    ("The club's world number one was 19 then.", [row("19", 19.0)]),
    ("She recorded a 40-minute Radio Ulster talk and an 18-month EU course.",
     [row("40-minute", 40.0, "minute", kind="quantity")]),  # a length; the term of a named kind of thing is no quantity
    ("The state will spend £1.5 billion over five years.",
     [row("£1.5 billion", 1.5e9, "GBP", kind="money"), row("five years", 5.0, "year", kind="quantity")]),
    ("Shares of Ross were down 2.3%, Burlington by 2.6%.",
     [row("2.3%", 2.3, "%", kind="percent", direction="down"), row("2.6%", 2.6, "%", kind="percent", direction="down")]),
    ("she died on september 8 and the ftse 100 index rose.", [row("september 8", 8.0, kind="date")]),
    ("It raised NZ$300, EUR 5 million and Rs 500 crore.",
     [row("NZ$300", 300.0, "NZD", kind="money"), row("EUR 5 million", 5e6, "EUR", kind="money"),
      row("Rs 500 crore", 5e9, "INR", kind="money")]),
    ("The company reported earnings of 85 cents per share.", [row("85 cents", 0.85, "USD", kind="money")]),
    ("The critic was wrong about one claim; about 60 anglers fished in all three Lions matches.",
     [row("one claim", 1.0, "claim"), row("about 60 anglers", 60.0, "angler", relation="~"),
      row("three Lions matches", 3.0, "match", qualifier="Lions")]),
    ("The bike shoots 4K video and pays 40K a year.", [row("40K", 40000.0)]),
    # "m" is million when it counts something, metres otherwise; date ranges
    ("The 1500m will be her distance, after 133m text messages were sent from 14 to 17 February.",
     [row("1500m", 1500.0, "meter", kind="quantity"), row("133m text messages", 1.33e8, "message", qualifier="text"),
      row("14 to 17 February", 17.0, kind="date")]),
    ("Rates rose by a quarter of a percentage point to 0.25%.",
     [row("a quarter of a percentage point", 0.25, "percentage points", kind="percent", direction="up"),
      row("0.25%", 0.25, "%", kind="percent")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_kinds_and_forms(parse, text, expected):
    assert sem(facts(parse, text)) == expected


NOT_FACTS = [
    "If Russia invades Ukraine, one way or another, Nord Stream 2 will not move forward.",
    "The Boeing 737 is grounded after COVID-19 hit the G7 economies.",
    "Tickets are in Section 427 Row 21.",
    "Call 020 7946 0958 or +44 20 7946 0958 for details.",
    "1. Open the box.",
    "He lives at 575 Wilbraham Road, Chorlton.",
    "We met at 10:27 PM and left at 5am.",
    "The Samsung Galaxy S23 has 5G.",
    "No one came to the Apple Watch 5 launch.",
    "He was the Formula One champion at Game 6.",
    "The Boeing 777 plane landed after the FTSE 100 closed.",
    "Windows 10 and Chapter 11 bankruptcy, Formula 1 and Euro 2020 and the M25 motorway in Q3.",
    "The Falcons were 22-6 down before a 3-2 win.",
    "The album made the top 10 after the FTSE 100 and the S&P 500 closed.",
]


@pytest.mark.parametrize("text", NOT_FACTS, ids=[t[:40] for t in NOT_FACTS])
def test_not_facts(parse, text):
    assert [r["text"] for r in facts(parse, text) if r["kind"] not in ("ordinal",)] == []


def test_subject_and_place(parse):
    art, doc = parse("NATO has a response force of around 40,000 troops. The UK was going to send 350 additional troops to Poland.")
    ents = entities.extract(art, doc)
    rows = extract(art, doc, ents, [])
    uk = ents.at(art.text.index("UK"), art.text.index("UK") + 2)
    poland = ents.at(art.text.index("Poland"), art.text.index("Poland") + 6)
    assert uk is not None and poland is not None
    assert sem(rows, with_actors=True) == [
        row("around 40,000 troops", 40000.0, "troop", relation="~", subject="NATO"),
        row("350 additional troops", 350.0, "troop", qualifier="additional", subject=uk.name, location=poland.name),
    ]


def test_ids_offsets_and_quotes(parse):
    text = 'Officials said "we will send 300 soldiers" on Monday. Another 20 tanks left.'
    art, doc = parse(text)
    s = art.text.index("we will")
    quote = {"quote_id": f"{art.article_id}:q:0", "char_start": s, "char_end": art.text.index('" on')}
    rows = extract(art, doc, entities.extract(art, doc), [quote])
    assert [(r["fact_id"], r["sentence_idx"], r["text"], r["quote_id"]) for r in rows] == [
        (f"{art.article_id}:0:0", 0, "300 soldiers", quote["quote_id"]),
        (f"{art.article_id}:1:0", 1, "Another 20 tanks", None),
    ]
    assert rows[1]["qualifier"] == "Another"


def test_date_resolution_when_published(parse):
    pytest.importorskip("tasks.common.dates")
    rows = facts(parse, "The summit opens on 12 March.", published_at=datetime(2022, 2, 10, tzinfo=timezone.utc))
    assert [(r["kind"], r["resolved_date"]) for r in rows] == [("date", "2022-03-12")]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "“unbalanced 5", "$", "1,2,3,4", "--5--", "½ of 3/4 of ⅓", "9" * 400,
                                  "one two three four five six seven eight nine ten", "between and 5 to", "5-", "-"])
def test_never_raises(parse, text):
    if not text.strip():
        art = Article(article_id="x", source="s", text=text, paragraphs=[], content_sha256="0")
        assert extract(art, parse("x")[1][:0].as_doc(), entities.EntityIndex("x"), []) == []
        return
    facts(parse, text)


def test_seed_against_gold(seed, gold):
    """All gold facts with value, unit and approximation; no extra counts; nothing from 'Nord Stream 2'."""
    art, doc = seed
    rows = extract(art, doc, entities.extract(art, doc), [])
    for g in gold["numeric_facts"]:
        hits = [r for r in rows if abs(r["value"] - g["value"]) < 1e-6 and r["kind"] == g["kind"]
                and (g["kind"] != "count" or r["text"].split()[-1] == g["text"].split()[-1])
                and (not g.get("unit") or (r["unit"] or "").rstrip("s") == g["unit"].rstrip("s"))
                and (g["kind"] != "count" or (r["relation"] == "~") == g["approximate"])]
        assert hits, g
    counts = [r for r in rows if r["kind"] == "count"]
    assert len(counts) == len([g for g in gold["numeric_facts"] if g["kind"] == "count"])
    for phrase in gold["not_numeric_facts"]:
        for i in [i for i in range(len(art.text)) if art.text.startswith(phrase, i)]:
            assert not [r for r in rows if r["char_start"] < i + len(phrase) and r["char_end"] > i], phrase


def test_bare_word_number_kept_only_with_a_shared_unit_and_ids_count_kept_facts(parse):
    art, doc = parse("The two met. It sold two or three engines.")
    rows = extract(art, doc, entities.extract(art, doc), [])
    assert [list(r) for r in rows] == [NUMERIC_FACTS.names] * 2
    aid = art.article_id
    assert [(r["fact_id"], r["text"], r["value"], r["unit"], r["kind"]) for r in rows] == [
        (f"{aid}:1:0", "two", 2.0, "engine", "count"), (f"{aid}:1:1", "three engines", 3.0, "engine", "count")]


def test_alternatives_share_a_direction(parse):
    assert sem(facts(parse, "Fares rose 5 percent, or 30 cents.")) == [
        row("5 percent", 5.0, "%", kind="percent", direction="up"), row("30 cents", 0.3, "USD", kind="money", direction="up")]
