"""Unit and kind of a number: this module alone decides them.

A fact's `unit` is canonical for its `kind` (`is_canonical`, `canonical_units`): money an ISO 4217
code; percent '%', "percentage points" or "basis points"; a quantity a unit name of Pint's
registry ("kilometer", "degree_Celsius", "mile_per_hour"; compounds "square_X", "cubic_X",
"X_per_Y", see `measures`) or one of the news idioms of unit_idioms.json ("years old"); a count the
singular lemma of its counted noun ("job"). `unit_text` keeps the unit's words as written. The
kind is count|money|percent|quantity|year|date|ordinal. Three moments:

  * while the scanner reads a number (`scan`), it asks here what is written beside it: a currency
    before the digits (`currency_before`, `set_currency`), whether "133m" is million or metres
    (`letter_is_scale`), and the unit, currency word or code after it (`read_after`,
    `read_unit_at`): news idioms first, then the spellings whose meaning the sentence decides
    (unit_senses.json: "pounds", "degrees", "kt", a spaced "C"), then Pint. What they record on
    the `Candidate` is evidence: its extent makes the scanner's spans, and glued letters that are
    no unit ("5G") make no number;
  * with the parse, `decide` settles each fact: an ambiguous spelling by the cue words of its
    sentence (pounds of weight or of money, degrees of heat or of angle), an age ("aged 25"), the
    noun a count counts ("300 jobs" -> job; "thousands of dollars" -> money; "dozens of miles" ->
    a quantity; "the death toll rose to 312" -> death), a bare "133m" (metres in a sentence of a
    race or a length, else a million), a bare 4-digit integer (a year), a time span used as a
    modifier ("a three-year forecast": no quantity);
  * `share_units`: a unitless number coordinated with the next takes its unit
    ("four-, five- and six-cylinder", "12 and 15 per cent"); unitless numbers right after an
    exchange rate between two currencies are amounts of them ("the yuan to the dollar is 6.5:1").

The data: unit_idioms.json, unit_senses.json, currency_codes.json, the currency names of ISO 4217
from Babel (CLDR), and Pint's registry.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from tasks.common.datafiles import DataFiles
from tasks.extract.facts import context, lexicon, measures
from tasks.extract.facts.lexicon import alternation
from tasks.extract.facts.records import Candidate, Fact
from tasks.extract.quotes.lexicon import speaker_words

DATA = DataFiles.beside(__file__)

RE_SPACE = re.compile(r"[ \t\u00a0]*")
# the last day whose currencies in legal tender give their names and codes (Babel): fixed, so that a run's
# facts do not depend on the day it runs (move it forward with the Babel pin)
ISO_4217_AS_OF = datetime.date(2026, 1, 1)
PERCENT_UNITS = frozenset({"%", "percentage points", "basis points"})
TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit"})
PERCENT_CARRIED_AT_MOST = 1000  # a bare number after a percent takes "%" only up to this (news writes "rose 300%", not 21,000%)
YEARS_OF_NEWS = (1900, 2100)  # the years a bare 4-digit number before a plural noun may be ("its 2004 results")
AGE_AT_MOST = 130  # years of a person's age: a number from it up is no age ("11 year olds, while 14.9 million ...")
RE_BELOW_ZERO = re.compile(r"[ \t\u00a0]+below[ \t\u00a0]+(zero|freezing)\b", re.I)
RE_M_BY_AFTER = re.compile(r"\s*(?:by|x|×)\s*\d[\d.,]*\s?m\b")  # "105m by 68m": a size in metres (money is never "by")
RE_M_BY_BEFORE = re.compile(r"\d[\d.,]*\s?m\s*(?:by|x|×)\s*$")
RE_GLUED_M = re.compile(r"\d[mM]$")
RE_CURRENCY_SIGN = re.compile(r"[$£€¥]")
RE_PER_TIME = re.compile(r"\s*(?:per|/|an?|each)\s*(?:second|sec|minute|min|hour|hr)s?\b", re.I)  # a rate of time after a unit: "17m per second" (metres), "150' per second" (feet)
RE_PART_OF_WHICH = re.compile(r"\s+of\s+(which|whom)\b", re.I)  # a part of the number before it
RE_CURRENCY_IN_BRACKET = re.compile(r"\s*\(\s*[$£€¥]")  # "$204.3m (£109m)": the same money in another currency
RE_CENTS = re.compile(r"\d{1,3}(?:,\d{3})*\.\d\d(?!\d)")  # an amount with its cents written ("R18.50")
RE_SCALED = re.compile(r"\d[\d.,]*\s?(?:m|bn|million|billion|trillion)\b")  # "R1.2 million": a name takes no scale
RE_INCHES_AFTER = re.compile(r"\s?(?:1[01]|\d)(?:\.\d+)?[\"”″]")  # 5'11": the feet of a height (0 to 11 inches)
RE_FEET_BEFORE = re.compile(r"\d['’′]\s?$")  # and its inches
RE_RELAY = re.compile(r" ?[x×] ?(\d+)m\b")  # "4x100m", "4 x 400m": legs of a relay
LIST_GAP = r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+"  # between two numbers of a list ("4, 12 and 31")
RE_LIST_NEXT = re.compile(rf"(?:{LIST_GAP})\d")  # another number listed after this one
RE_LEGS_BEFORE = re.compile(r"(?<![\d.])(?:10|[1-9]) ?[x×] ?$")  # and the distance after its legs


@dataclass(frozen=True)
class Sense:
    unit: str  # canonical unit ("GBP", "pound"); money may be "USD/100": a hundredth
    kind: str
    cues: frozenset[str]  # lemmas / lower-case words of the sentence that point to this sense
    phrases: tuple[str, ...]  # cues of several words, found in the lower-cased sentence
    strong: frozenset[str]  # cues worth five
    strong_phrases: tuple[str, ...]
    glued_default: bool  # touching the digits with no cue, this sense ("10C", "5c", "118p")
    value_at_least: float | None  # two points when the number is this large (thousands of drams are money)
    implausible: tuple[Implausible, ...]  # values this sense cannot have when its scale is not written


@dataclass(frozen=True)
class Implausible:
    """A value the sense cannot take in a context, so the scale not written is another one:
    104 unwritten degrees of a day's heat are Fahrenheit (no air anywhere has reached 58 C)."""

    low: float
    high: float
    when: frozenset[str]  # the rule holds only with one of these cues in the sentence (empty: always)
    unless: frozenset[str]  # ... and none of these (water boils at 100 C; a sauna runs at 90 C)
    instead: str  # the unit of the group's sense taken instead


@dataclass(frozen=True)
class SenseGroup:
    key: str
    senses: tuple[Sense, ...]
    glued: bool  # may touch the digits
    spaced: bool  # may follow them after a space
    needs_cue: bool  # without a cue it is no unit at all
    followed_by: frozenset[str]  # what must come next ("a" as acres: "5 a of land"), empty: anything


@dataclass
class UnitLex:
    idioms: dict[str, tuple[str, str]]  # lower-case spelling -> (canonical, kind)
    idiom_abbr: dict[str, tuple[str, str]]  # exact spelling -> (canonical, kind)
    idiom_units: frozenset[str]  # canonical quantity units that are idioms, not Pint names
    prefixes: dict[str, str]  # currency written before the digits -> ISO code
    cued_prefixes: dict[str, tuple[str, re.Pattern]]  # letters that are money with cents or a cue ("R18.50") -> (ISO code, cues)
    glued: frozenset[str]  # letter prefixes that must touch the digits ("RM79")
    suffix_codes: frozenset[str]  # ISO codes written after the number ("5 million EUR")
    re_iso_code: re.Pattern  # the other ISO codes in tender (Babel), read after a number only where the clause ends
    money_words: dict[str, str]  # "dollars", "yuan", "cents" -> ISO code ("USD/100": a hundredth)
    re_idioms: re.Pattern
    re_idiom_abbr: re.Pattern
    re_money_words: re.Pattern
    re_suffix_code: re.Pattern
    re_senses: re.Pattern
    sense_surfaces: dict[str, SenseGroup]  # exact spelling -> its group
    sense_groups: dict[str, SenseGroup]  # the groups of unit_senses.json by their key
    prefix_senses: dict[str, SenseGroup]  # "¥": yen or yuan; "cents": of a dollar or of a euro
    glued_letters: frozenset[str]  # one-letter symbols read only touching the digits ("5m", "2l")
    not_units: frozenset[str]  # spellings Pint reads as units that news writes as words ("hands", "th")
    time_words: frozenset[str]  # time spans beside Pint's time units ("night", "season")
    term_units: frozenset[str]  # spans that name a term before a name ("the 10-year Treasury yield")
    metre_context: frozenset[str]  # words after "1500m" that make it metres
    metre_cues: frozenset[str]  # words of a sentence where a bare "400m" is metres (a race, a jump, a length)
    metre_phrases: tuple[str, ...]  # the same cues of several words ("personal best")
    race_distances: frozenset[float]  # "the 800m": after a determiner or a possessive, a race in metres
    relay_cues: frozenset[str]  # words of a sentence about a relay ("the 4x100m relay": four legs)
    re_metre_article: re.Pattern  # words of athletics: an article with two of them writes metres as "400m"
    dimensionless: frozenset[str]  # counted nouns that are multipliers: "four times"
    count_holders_of: frozenset[str]  # "the number of victims is 45": the thing counted follows with "of"
    count_holders_compound: frozenset[str]  # "the death toll rose to 312": the noun before names it
    count_links: frozenset[str]  # the prepositions that tie a holder's verb to its number ("rose to 312")
    re_carry: re.Pattern  # "and", "compared with": a bare count after them takes the unit before them
    re_exchange_rate: re.Pattern  # "the exchange rate for the yuan to the dollar is ": group "pair" holds the currencies
    exchange_rate_majors: frozenset[str]  # the currencies rates are quoted in ("the naira to the dollar is 460": naira)
    age_groups: frozenset[str]  # "pensioners over 75": people an age bound follows
    age_people: frozenset[str]  # "a girl of eight"
    age_verbs: frozenset[str]  # "turns 50"
    age_after_be: frozenset[str]  # "he will be 35 by May": words after an age a person's "be" comes before


@lru_cache(maxsize=1)
def lex() -> UnitLex:
    idioms = DATA.json("unit_idioms.json")
    cur = DATA.json("currency_codes.json")
    ages = DATA.json("number_ages.json")
    holders = DATA.json("unit_count_holders.json")
    words: dict[str, tuple[str, str]] = {}
    abbr: dict[str, tuple[str, str]] = {}
    for kind in ("percent", "quantity"):
        for canon, spec in idioms[kind].items():
            words.update({s.lower(): (canon, kind) for s in spec.get("words", [])})
            abbr.update({s: (canon, kind) for s in spec.get("abbr", [])})
    iso_names, iso_codes = _iso_currencies()
    prefixes = dict(cur["prefixes"])
    suffix_codes = frozenset(cur["suffix_codes"])
    followers = alternation(cur["iso_code_followers"])
    senses = DATA.json("unit_senses.json")
    scales = DATA.json("number_scales.json")
    sets = senses["cue_sets"]
    groups = {k: _group(k, g, sets) for k, g in senses["groups"].items()}
    surfaces: dict[str, SenseGroup] = {}
    for k, g in senses["groups"].items():
        for s in g["surfaces"]:
            surfaces[s] = groups[k]
            if g.get("words"):
                surfaces[s.capitalize()] = groups[k]
    bare = {w: c for w, c in _bare_currency_names(iso_names).items()
            if w not in surfaces and w not in cur["bare_names_not_read"]}  # "dram": unit_senses.json decides
    money_words = {**bare, **iso_names, **{k.lower(): v for k, v in cur["words"].items()}}
    return UnitLex(
        idioms=words, idiom_abbr=abbr,
        idiom_units=frozenset([*idioms["quantity"], *idioms["other_canonical"]]),
        prefixes=prefixes, glued=frozenset(cur["glued"]),
        cued_prefixes={p: (c["code"], re.compile(rf"\b(?:{alternation(c['cues'])})\b", re.I)) for p, c in cur["cued_prefixes"].items()},
        suffix_codes=suffix_codes,
        re_iso_code=re.compile(rf"(?:{alternation(iso_codes - suffix_codes - set(prefixes) - set(cur['iso_codes_not_read']))})"
                               rf"(?=[ \t]*(?:$|[.,;:!?)\]]|(?:{followers})\b))"),
        money_words=money_words,
        re_idioms=re.compile(rf"(?:{alternation(words)})(?![\w°])", re.I),
        re_idiom_abbr=re.compile(rf"(?:{alternation(abbr)})(?![A-Za-z0-9])"),
        re_money_words=re.compile(rf"(?:{alternation(money_words)})(?![\w])", re.I),
        re_suffix_code=re.compile(rf"(?:{alternation(suffix_codes)})(?![a-z])"),
        re_senses=re.compile(rf"(?:{alternation(surfaces)})(?:(?![A-Za-z0-9])|(?=\s?\d{{1,2}}(?:\.\d+)?[\"”″]))"),  # or 5'11"
        sense_surfaces=surfaces,
        sense_groups=groups,
        prefix_senses={k: _group(k, {"senses": v, "glued": True, "spaced": True}, sets) for k, v in senses["prefix_senses"].items()},
        glued_letters=frozenset(idioms["glued_letters"]),
        not_units=frozenset(idioms["not_units"]),
        time_words=frozenset(idioms["time_words"]),
        term_units=frozenset(idioms["term_units"]),
        metre_context=frozenset(scales["metre_context"]),
        metre_cues=frozenset(c for c in scales["metre_sentence_cues"] if " " not in c),
        metre_phrases=tuple(c for c in scales["metre_sentence_cues"] if " " in c),
        race_distances=frozenset(float(v) for v in scales["metre_race_distances"]),
        relay_cues=frozenset(scales["relay_cues"]),
        re_metre_article=re.compile(rf"(?<![\w-])(?:{alternation(scales['metre_article_cues'])})(?![\w-])"),
        dimensionless=frozenset(w.lower() for w in DATA.lines("number_dimensionless.txt")),
        count_holders_of=frozenset(holders["of"]),
        count_holders_compound=frozenset(holders["compound"]),
        count_links=frozenset(holders["links"]),
        re_carry=re.compile(rf"(?:^|[\s,;])(?:{alternation(DATA.lines('unit_carry_words.txt'))})(?=[\s,;]|$)", re.I),
        re_exchange_rate=re.compile(rf"\b(?:{alternation(cur['exchange_rate_nouns'])})\b(?P<pair>(?:[^.!?;\n\d]|(?<=\b[A-Z])\.){{1,100}}?)\s"
                                    rf"(?:{alternation(cur['exchange_rate_links'])})\s+(?:(?:{alternation(cur['exchange_rate_adverbs'])})\s+)?$",
                                    re.I),  # (no number in the pair; "U.S. dollar": a period after a capital does not end it)
        exchange_rate_majors=frozenset(cur["exchange_rate_majors"]),
        age_groups=frozenset(ages["groups"]),
        age_people=frozenset(ages["people"]),
        age_verbs=frozenset(ages["verbs"]),
        age_after_be=frozenset(ages["after_be"]),
    )


def _iso_currencies() -> tuple[dict[str, str], frozenset[str]]:
    """From Babel's CLDR data: the English names of every currency in legal tender somewhere
    between 1950 and ISO_4217_AS_OF, singular and plural, lower-cased (and without accents:
    "costa rican colon") -> ISO 4217 code; and those currencies' codes.
    Names with dates ("... (1993–1994)") are left out: news does not write them."""
    en = Locale("en")
    territories = [t for t in en.territories if len(t) == 2 and t.isalpha()]
    codes = {c for t in territories for c in get_territory_currencies(
        t, start_date=datetime.date(1950, 1, 1), end_date=ISO_4217_AS_OF, tender=True)}
    names: dict[str, str] = {}
    for code in sorted(codes):
        for count in (None, 1, 2):
            name = get_currency_name(code, count=count, locale=en).lower()
            if "(" in name or any(ch.isdigit() for ch in name):
                continue
            folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
            for spelling in {name, folded}:
                names.setdefault(spelling, code)
    return names, frozenset(codes)


def _bare_currency_names(names: dict[str, str]) -> dict[str, str]:
    """The last word of Babel's currency names that names one currency only, in the singular too
    ("forints" -> HUF: "3,000 forints"; "kuna" -> HRK), not one several share ("dinar", "peso",
    "krona"; "manats", though Babel writes only the Azerbaijani manat's plural so)."""
    codes: dict[str, set[str]] = {}
    for name, code in names.items():
        codes.setdefault(name.split()[-1], set()).add(code)

    def singular(w: str) -> str:  # Babel gives some currencies a plural of their own, others none ("manats": AZN, "manat": AZN, TMT)
        return next((w[:-n] for n in (2, 1) if w.endswith("es"[2 - n:]) and w[:-n] in codes), w)

    return {w: next(iter(c)) for w, c in codes.items() if len(c) == 1 and codes[singular(w)] == c and w not in names}


def _group(key: str, g: dict, sets: dict[str, list[str]]) -> SenseGroup:
    def expand(cues: list[str]) -> list[str]:
        return [w for c in cues for w in (sets[c[1:]] if c.startswith("@") else [c])]

    def sense(s: dict) -> Sense:
        cues, strong = expand(s.get("cues", [])), expand(s.get("strong", []))
        return Sense(unit=s["unit"], kind=s["kind"], cues=frozenset(c for c in cues if not _is_phrase(c)),
                     phrases=tuple(c for c in cues if _is_phrase(c)), strong=frozenset(c for c in strong if not _is_phrase(c)),
                     strong_phrases=tuple(c for c in strong if _is_phrase(c)), glued_default=bool(s.get("glued_default")),
                     value_at_least=s.get("value_at_least"),
                     implausible=tuple(Implausible(low=r["between"][0], high=r["between"][1], when=frozenset(expand(r.get("when", []))),
                                                   unless=frozenset(expand(r.get("unless", []))), instead=r["instead"])
                                       for r in s.get("implausible", [])))
    return SenseGroup(key=key, senses=tuple(sense(s) for s in g["senses"]), glued=bool(g.get("glued")),
                      spaced=bool(g.get("spaced")), needs_cue=bool(g.get("needs_cue")),
                      followed_by=frozenset(g.get("followed_by", [])))


def _is_phrase(cue: str) -> bool:
    """A cue looked for in the lower-cased sentence, not among its words: several words, or a word
    the tokenizer splits ("cross-section", "x-ray", "°c", "mb/s"); a lone symbol ("£") is a token."""
    return len(cue) > 1 and not cue.isalnum()


# --------------------------------------------------------------------------- the vocabulary


@lru_cache(maxsize=None)  # validation asks once per fact
def canonical_units(kind: str) -> frozenset[str] | None:
    """The closed vocabulary of a kind's units: money (ISO 4217 codes, GBX for prices in pence) and
    percent; None for an open one (quantity: see `is_canonical`; count: any counted noun's lemma);
    the empty set for kinds that have no unit (year, date, ordinal)."""
    lx = lex()
    if kind == "money":
        codes = {*lx.prefixes.values(), *lx.suffix_codes, *lx.money_words.values(),
                 *(s.unit for g in [*lx.sense_surfaces.values(), *lx.prefix_senses.values()] for s in g.senses if s.kind == "money")}
        return frozenset(c.split("/")[0] for c in codes) | {"GBX"}
    if kind == "percent":
        return PERCENT_UNITS
    if kind in ("year", "date", "ordinal"):
        return frozenset()
    return None


def is_canonical(kind: str, unit: str | None) -> bool:
    """Whether `unit` is canonical for a fact of `kind` (None is canonical for every kind: no unit)."""
    if unit is None:
        return True
    closed = canonical_units(kind)
    if closed is not None:
        return unit in closed
    if kind == "quantity":
        return unit in lex().idiom_units or measures.is_canonical(unit)
    return kind == "count" and unit == unit.strip() and bool(unit)


def is_time_unit(unit: str | None) -> bool:
    """A unit of time ("year", "hour", "night"): spans, not amounts."""
    return unit is not None and (unit in lex().time_words or measures.is_time(unit))


# --------------------------------------------------------------------------- what is written


def unit_at(text: str, pos: int, attached: bool) -> tuple[str, str, int] | None:
    """A unit of measure (or percent) written at `pos`: (canonical, kind, end). The news idioms
    first, then Pint; a spaced word that is a stop word ("in", "a") or that news writes as a word
    ("hands") is no unit, nor a spaced single letter ("10 m" is read only glued: "10m")."""
    lx = lex()
    best = None
    m = lx.re_idiom_abbr.match(text, pos)
    if m and m.end() > pos and (attached or len(m.group(0)) > 1 or not m.group(0).isalpha()):
        best = (*lx.idiom_abbr[m.group(0)], m.end())
    m = lx.re_idioms.match(text, pos)
    if m and m.end() > pos and (best is None or m.end() > best[2]):
        best = (*lx.idioms[m.group(0).lower()], m.end())
    if best is not None:
        return best
    r = measures.read(text, pos)
    if r is None:
        return None
    first = measures.words_at(text, pos, 1)[0].text.rstrip(".")
    if (first in lx.not_units or first.lower() in lx.not_units) and r.words == 1:
        return None
    if len(first) == 1 and first.isalpha() and r.words == 1 and not (attached and first in lx.glued_letters):
        return None
    if not attached and r.words == 1 and first.lower() in STOP_WORDS:
        return None
    return r.unit, "quantity", r.end


def sense_at(text: str, pos: int, attached: bool) -> tuple[SenseGroup, int] | None:
    """An ambiguous unit spelling at `pos` ("pounds", "kt", a spaced "C"): its group and end."""
    lx = lex()
    m = lx.re_senses.match(text, pos)
    if not m:
        return None
    g = lx.sense_surfaces[m.group(0)]
    if not (g.glued if attached else g.spaced) or _closes_quotation(text, pos, m.group(0)):
        return None
    if g.followed_by:
        nxt = re.match(r"\s*(\w+|[^\w\s])", text[m.end():])
        if nxt is not None and nxt.group(1).lower() not in g.followed_by:
            return None
    return g, m.end()


_OPENING_MARKS = {'"': '"“', "”": '"“', "'": "'‘", "’": "'‘"}


def _closes_quotation(text: str, pos: int, mark: str) -> bool:
    """'including Nord Stream 2"': a quote mark after the digits that closes an open quotation."""
    opening = _OPENING_MARKS.get(mark)
    if opening is None:
        return False
    before = text[:pos]
    if mark in "'’":
        return bool(re.search(r"(?:^|[\s(\[])[‘']\w", before))
    return sum(before.count(c) for c in opening) % 2 == 1


def _sense_first(text: str, pos: int, u: tuple[str, str, int] | None, sg: tuple[SenseGroup, int] | None) -> bool:
    """An ambiguous spelling is read before Pint's reading at the same place, unless Pint reads a
    longer unit that it starts ("degrees Celsius", "pound-feet"; not "kn per kilogram")."""
    if sg is None:
        return False
    if u is None or sg[1] >= u[2]:
        return True
    ws = measures.words_at(text, pos, 2)
    return len(ws) < 2 or ws[1].sep not in (" ", "-")


def money_word_at(text: str, pos: int) -> tuple[str, int] | None:
    """A currency word, ISO code or symbol written at `pos` ("dollars", "EUR", "EUR=", "12 €"): (code, end)."""
    lx = lex()
    sym = text[pos:pos + 1]
    if sym and not sym.isalnum() and sym in lx.prefixes and not text[pos + 1:pos + 2].isalnum():
        return lx.prefixes[sym], pos + 1
    m = lx.re_money_words.match(text, pos)
    if m:
        return lx.money_words[m.group(0).lower()], m.end()
    m = lx.re_suffix_code.match(text, pos)
    if m:
        end = m.end()
        if end < len(text) and text[end] == "=":
            end += 1
        return m.group(0), end
    m = lx.re_iso_code.match(text, pos)
    if m:
        i = pos
        while i > 0 and text[i - 1] in " \u00a0":
            i -= 1
        if i < pos and i > 0 and text[i - 1].isdigit():
            return m.group(0), m.end()  # "486.5 AMD.", "350 HRK for a night"; not "2 AMD processors"
    return None


def currency_before(text: str, s: int) -> tuple[str, int] | None:
    """Currency prefix written right before the digits at s ("$", "US$", "USD 5", "RM79"): (ISO code, start)."""
    lx = lex()
    for gap in (0, 1):
        if gap and (s < 1 or text[s - 1] not in " \u00a0"):
            continue
        end = s - gap
        for size in range(min(6, end), 0, -1):
            p = text[end - size:end]
            code = lx.prefixes.get(p)
            if code is None:
                continue
            start = end - size
            before = text[start - 1] if start > 0 else ""
            letters = p.replace(".", "").replace("=", "").isalpha()
            if letters:
                if before.isalnum():
                    continue
                if gap == 0 and p not in lx.glued:
                    continue
                if gap == 1 and p not in lx.suffix_codes and p not in ("Rs", "Rs.", "RMB", "NIS"):
                    continue
            elif before.isalnum():
                continue
            return code, start
    return _cued_prefix(text, s)


def _cued_prefix(text: str, s: int) -> tuple[str, int] | None:
    """"R18.50", "R1.2 million", "R45 in Johannesburg": letters touching the digits that are money
    only with cents or a scale written or a cue of their currency in the sentence; "R101" and
    "the R5" stay names."""
    for p, (code, cues) in lex().cued_prefixes.items():
        start = s - len(p)
        if start < 0 or text[start:s] != p or (start > 0 and text[start - 1].isalnum()):
            continue
        if RE_CENTS.match(text, s) or RE_SCALED.match(text, s) or cues.search(text):
            return code, start
    return None


def letter_is_scale(text: str, end: int, letter: str) -> bool:
    """'m'/'b' glued to digits with no currency before them: million/billion, or metres/bytes?
    "b" is never a scale; "m" is metres before a word of distance or sport ("1500m freestyle"), a
    hyphen, a slash or a bracket (not one of money), else million for now: `decide` makes it metres
    when it counts nothing and is a race or its sentence tells of a race or a length
    ("won the 800m.", "cleared 2.16m to win"; `_metre_sentence`)."""
    nxt = re.match(r"\s*([\w(]+)", text[end:])
    word = nxt.group(1).lower() if nxt else ""
    end_ch = text[end:end + 1]
    if letter in ("b", "B"):
        return False
    if measures.RE_POWER.match(text, end):
        return False  # "12,000m2", "a 200m² flat": square metres
    if end_ch in ("-", "/", ")") or word in lex().metre_context or RE_PER_TIME.match(text, end):
        return False  # "a 100m-long wall", "30ft (10m)", "the 1500m freestyle", "17m per second"
    if end_ch == "(" or word.startswith("("):
        return RE_CURRENCY_IN_BRACKET.match(text, end) is not None  # "1.3m (4.2ft)"; "204.3m (£109m)" is money
    return True


def set_currency(n: Candidate, code: str, written: str | None = None) -> None:
    n.unit_kind = "money"
    n.unit = code
    n.unit_text = written.strip() if written else code
    group = lex().prefix_senses.get(n.unit_text)
    if group is not None:
        n.sense = group.key


def read_unit_at(text: str, pos: int, n: Candidate) -> bool:
    """A unit of measure written at `pos` ("a quarter of a percentage point") becomes the number's."""
    u = unit_at(text, pos, False)
    if u:
        _set_unit(n, u, text[pos:u[2]])
    return u is not None


def read_after(text: str, n: Candidate, attached: bool) -> bool:
    """Read what follows the number: currency word/code, unit of measure, percent. `attached`: letters
    touch the digits ("5km"); returns False when they could not be read."""
    if attached:
        return _read_glued(text, n)
    pos = n.num_end
    m = RE_SPACE.match(text, pos)
    p2 = m.end() if m else pos
    hy = p2 < len(text) and text[p2] in "-–" and p2 == pos
    if hy:
        p2 += 1
    if p2 >= len(text):
        return True
    if n.kind != "money":
        u = unit_at(text, p2, False)
        sg = sense_at(text, p2, p2 == pos)
        if sg is not None and _sense_first(text, p2, u, sg):
            _set_sense(n, sg[0], sg[1], text[p2:sg[1]], p2 == pos)
            return True
        if u:
            # "40 yard line", "2.4-liter", "50 year-old", "5 per cent"
            _set_unit(n, u, text[p2:u[2]])
            return True
    mw = money_word_at(text, p2)
    if mw and (not hy or n.kind != "money"):
        if n.kind == "money":
            # "$7.5 million US"? only ISO codes override the prefix ("$1.1396 EUR=")
            if mw[0] != n.unit and text[p2:mw[1]].rstrip("=").isupper():
                n.unit = mw[0]
                n.unit_text = text[p2:mw[1]]
                n.end = mw[1]
            return True
        _set_money_word(n, mw, text)
    return True


def _read_glued(text: str, n: Candidate) -> bool:
    pos = n.num_end
    u = unit_at(text, pos, True)
    sg = sense_at(text, pos, True)
    if sg is not None and _sense_first(text, pos, u, sg) and (sg[1] >= len(text) or not text[sg[1]].isalnum()):
        _set_sense(n, sg[0], sg[1], text[pos:sg[1]], True)
        return True
    if u and (u[2] >= len(text) or not text[u[2]].isalnum()):
        _set_unit(n, u, text[pos:u[2]])
        return True
    mw = money_word_at(text, pos)
    if mw:
        _set_money_word(n, mw, text)
        return True
    return False


def _set_unit(n: Candidate, u: tuple[str, str, int], written: str) -> None:
    canon, kind, end = u
    n.unit = canon
    n.unit_kind = kind
    n.unit_text = written.strip(" -–")
    n.end = end
    n.plain_int = False


def _set_sense(n: Candidate, g: SenseGroup, end: int, written: str, glued: bool) -> None:
    """An ambiguous spelling: its default sense for now (`decide` chooses with the sentence); none yet
    for a spelling that is a unit only with a cue ("Group 4 C" stays a bare number to `nonfacts`)."""
    default = next((s for s in g.senses if s.glued_default), None) if glued else None
    if default is None and not g.needs_cue:
        default = g.senses[0]
    n.unit = default.unit if default else None
    n.unit_kind = default.kind if default else None
    n.unit_text, n.sense, n.sense_glued = written, g.key, glued
    n.end = end
    n.plain_int = False


def _set_money_word(n: Candidate, mw: tuple[str, int], text: str) -> None:
    code, end = mw
    n.unit_kind = "money"
    n.unit = code
    n.unit_text = text[n.num_end:end].strip(" -–")
    group = lex().prefix_senses.get(n.unit_text.lower())
    if group is not None:
        n.sense = group.key
    n.end = end
    n.plain_int = False


# --------------------------------------------------------------------------- what the parse decides


@dataclass(slots=True)
class Measure:
    """The decided unit and kind of one fact."""

    kind: str
    unit: str | None
    unit_text: str | None  # the unit's words as written ("km/h", "$", "soldiers")
    value: float  # the number in that unit (a bare "1500m" is 1500 metres, not 1.5e9)
    scale: float  # what the candidate's values are multiplied by ("12 cents" -> 0.12 USD)
    end: int  # end of the fact's words: a counted noun or currency word after the number is part of it
    head: Token | None  # the counted noun that names the unit of a count
    noun: context.CountedNoun | None  # the noun found after the number, before money or year made it moot
    qualifier: str | None  # words qualifying the counted noun ("additional"), or a multiplier ("times")
    drop_if_bare: bool  # a bare small spelled number ("the two met"): a fact only if it gets a unit
    legs: bool = False  # the legs of a relay ("the 4x100m relay"): a count that takes no unit


def decide(n: Candidate, site: context.Site) -> Measure | None:
    """The unit and kind of the candidate `n`, with the parse; None when it is no quantity at all."""
    if _time_span_modifier(n, site):
        return None
    if n.multiplier:  # "3x", "fivefold": a number of times
        return Measure(kind="count", unit=None, unit_text=None, value=n.value, scale=1.0, end=site.end, head=None,
                       noun=None, qualifier="times", drop_if_bare=False)
    settle_sense(n, site)
    kind, unit, unit_text, end = n.kind, n.unit, n.unit_text, base_end(n, site)
    if kind == "count" and unit is None and site.prev is not None and _is_age(site, n):
        kind, unit = "quantity", "years old"
    noun = None
    legs = _relay_legs(n, site)
    # (not after "won the 60m. Lagat": "m." is one token; not for the legs of "the 4x100m relay")
    if kind in ("count", "fraction") and unit is None and not n.not_a_unit \
            and not (n.m_ambiguous and site.text[site.ne:site.ne + 1] in ".,;:") and not legs:
        noun = context.counted_noun(site.dx, site.ne, site.sent_end, _counted_after_of(n, site, kind), n.value)
        if noun is not None and noun.glued and is_time_word(noun.head) and _noun_follows(site, noun.head.i + 1):
            return None  # "a three-year forecast", "a two-month contract": a kind of thing, not a quantity
    head = noun.head if noun is not None else None
    money = money_word_at(site.text, head.idx) if head is not None and n.of_follows else None
    if money is not None:  # "thousands of dollars"
        kind, unit, unit_text, end, head = "money", money[0], site.text[head.idx:money[1]], max(end, money[1]), None
    if n.m_ambiguous and kind == "count" and ((noun is None or _names_a_thing(noun, site)) and _metre_sentence(n, site)
                                              or _relay_distance(n, site)):
        kind, unit, unit_text = "quantity", "meter", "m"  # "she won the 1500m in Madrid", "the 22m line": not a million
        head = noun = None
        n.value /= 1e6  # (divided, not multiplied by 1e-6: 1.80m stays 1.8)
        n.low = None if n.low is None else n.low / 1e6
        n.high = None if n.high is None else n.high / 1e6
        n.m_ambiguous = False
    value = n.value
    if kind == "count" and _bare_year(n, site, unit) and (not (head is not None and noun is not None and noun.plural)
                                                          or _after_year_preposition(site) or _before_a_name(site)
                                                          or _year_before_plural(site, n, head)):
        kind, head, noun = "year", None, None  # a bare 4-digit integer is a year unless it counts something
    if kind == "fraction":
        kind = "count"
    qualifier = None
    drop_if_bare = False
    if kind == "count" and unit is None:
        if head is not None and head.text in lex().sense_surfaces and lex().sense_surfaces[head.text].spaced:
            kind, unit, unit_text, _ = _resolve_sense(lex().sense_surfaces[head.text], False, head.text, site, n.value,
                                                      head.idx + len(head.text))
            end = max(end, head.idx + len(head.text))  # "48,000 Armenian drams", "two pounds"
        if kind == "count" and unit is None and head is not None:
            kind, unit, unit_text, end, qualifier = _counted_unit(head, noun.quals if noun else "", end)
        elif kind == "count" and unit is None and not n.is_range and (held := _held_count(site)) is not None:
            unit = _lemma(held) if held.pos_ != "PROPN" else held.text.lower()  # "the death toll rose to 312": deaths
        elif n.spelled and n.scale_word is None and not n.is_range and not n.proportion \
                and not (n.form == "fraction" and n.of_follows):  # "a third of those polled": a share
            drop_if_bare = True  # "the two met": a bare small word number is rarely a fact
    unit, scale = _minor_unit(unit)
    below = RE_BELOW_ZERO.match(site.text, end, site.sent_end) if unit in TEMPERATURES and not n.is_range else None
    if below is not None:  # "5 degrees below zero": -5; "below freezing": below 0C, or 32F
        freezing = 32.0 if unit == "degree_Fahrenheit" and below.group(1).lower() == "freezing" else 0.0
        value, end = freezing - abs(value), below.end()
    return Measure(kind=kind, unit=unit, unit_text=unit_text, value=value * scale, scale=scale, end=end, head=head,
                   noun=noun, qualifier=qualifier, drop_if_bare=drop_if_bare, legs=legs)


def _minor_unit(unit: str | None) -> tuple[str | None, float]:
    """"USD/100" (cents) -> ("USD", 0.01): money is given in its major unit."""
    if unit is None or "/" not in unit or unit.endswith("_per_") or not unit.split("/")[1].isdigit():
        return unit, 1.0
    code, div = unit.split("/")
    return code, 1.0 / float(div)


def settle_sense(n: Candidate, site: context.Site) -> None:
    """Decide the sense of an ambiguous spelling beside `n` by the cue words of its sentence and
    write it on the candidate (before `nonfacts` asks whether a unitless number is a name)."""
    if n.sense is None:
        return
    kind, unit, _, _ = _resolve_sense(_group_of(n.sense), n.sense_glued, n.unit_text, site, n.value, site.end)
    n.sense = None
    if unit is None:
        n.unit = n.unit_kind = n.unit_text = None
        n.not_a_unit = True
    else:
        n.unit, n.unit_kind = unit, kind


def base_end(n: Candidate, site: context.Site) -> int:
    """Where the fact's words end before any counted noun: after the unit, or after the number
    when the spelling after it was no unit."""
    return site.ne if n.not_a_unit else site.end


def _group_of(key: str) -> SenseGroup:
    lx = lex()
    return lx.prefix_senses.get(key) or lx.sense_groups[key]


def _resolve_sense(group: SenseGroup, glued: bool, written: str | None, site: context.Site,
                   value: float, after: int) -> tuple[str, str | None, str | None, int]:
    """An ambiguous spelling decided by the cue words of its sentence: (kind, unit, unit_text, end).
    A spelling that needs a cue and has none is no unit: the number stays a plain count. A spelling
    ending at `after` and followed by a unit of measure ("12 p seconds", "2.5 p percent") is no
    currency: its other sense is taken, cue or none."""
    words, lowered = _sentence_words(site)
    pair = _feet_and_inches(group, site, after, value)
    if pair is not None and not is_time_unit(getattr(_best_cued(group.senses, words, lowered, value), "unit", None)):
        return "quantity", pair, written, site.end  # not a time ("ran it in 1'05"")
    senses = group.senses
    if RE_PER_TIME.match(site.text, after, site.sent_end):  # "150' per second": a length per time, not a time
        untimed = tuple(s for s in senses if not is_time_unit(s.unit))
        if len(untimed) == 1 and len(senses) > 1:
            return untimed[0].kind, untimed[0].unit, written, site.end  # the rate is its cue
        senses = untimed or senses
    others = tuple(s for s in senses if s.kind != "money")
    if others and len(others) < len(senses) and _unit_follows(site.text, after, site.sent_end):
        if len(others) == 1:
            return others[0].kind, others[0].unit, written, site.end
        senses = others  # the defaults below are then taken among these too
    best = _best_cued(senses, words, lowered, value)
    if best is None:  # no cue in the sentence: the one before it in the paragraph ("It was a hot day. It hit 30C.")
        best = _best_cued(senses, *_previous_sentence_words(site), value)
    if best is None:
        if group.needs_cue and not (glued and any(s.glued_default for s in senses)):
            return "count", None, None, site.ne
        best = next((s for s in senses if s.glued_default), senses[0]) if glued else senses[0]
    best = _plausible(best, group, value, words, lowered)
    return best.kind, best.unit, written, site.end


def _feet_and_inches(group: SenseGroup, site: context.Site, after: int, value: float) -> str | None:
    """5'11": a prime before inches (0 to 11) and a double prime after feet are a height or a length."""
    units = {s.unit for s in group.senses}
    if "foot" in units and RE_INCHES_AFTER.match(site.text, after, site.sent_end):
        return "foot"
    if "inch" in units and 0 <= value < 12 and RE_FEET_BEFORE.search(site.text, site.base, site.start):
        return "inch"
    return None


def _best_cued(senses: Sequence[Sense], words: frozenset[str], lowered: str, value: float) -> Sense | None:
    """The sense with the most points from these words (a tie to the earlier), None if none scores."""
    best, best_score = None, 0
    for s in senses:
        score = sum(1 for c in s.cues if c in words) + sum(1 for c in s.phrases if c in lowered) \
            + 5 * _strong_cues(s, words, lowered) \
            + (2 if s.value_at_least is not None and abs(value) >= s.value_at_least else 0)
        if score > best_score:
            best, best_score = s, score
    return best


def _strong_cues(s: Sense, words: frozenset[str], lowered: str) -> int:
    return sum(1 for c in s.strong if c in words) + sum(1 for c in s.strong_phrases if c in lowered)


def _plausible(best: Sense, group: SenseGroup, value: float, words: frozenset[str], lowered: str) -> Sense:
    """The sense the cues chose, or the one its value makes the only possible reading when the
    sentence does not write the scale (no strong cue of the chosen sense): "temperatures hit 104
    degrees" is Fahrenheit, "preheat the oven to 350 degrees" too."""
    if not best.implausible or _strong_cues(best, words, lowered):
        return best

    def found(cues: frozenset[str]) -> bool:
        return any(c in words if c.isalnum() else c in lowered for c in cues)

    for rule in best.implausible:
        if rule.low <= value <= rule.high and (not rule.when or found(rule.when)) and not found(rule.unless):
            return next(s for s in group.senses if s.unit == rule.instead)
    return best


def _unit_follows(text: str, pos: int, end: int) -> bool:
    """Whether the next word after `pos`, in the sentence, is a unit of measure or percent ("seconds",
    "metres", "per cent"; not "per litre", "each" or a noun)."""
    m = RE_SPACE.match(text, pos)
    p = m.end() if m else pos
    return p > pos and p < end and unit_at(text[:end], p, False) is not None


def _metre_sentence(n: Candidate, site: context.Site) -> bool:
    """Whether a bare "400m" counting nothing is metres: a race distance after a determiner or a
    possessive ("won the women's 800m"), a size ("105m by 68m"), or a sentence that tells of a race,
    a jump or a length ("cleared 2.16m to finish fourth"); else it is a million ("up from 38m in
    2003", "peaked at 11.9m")."""
    lx = lex()
    prev = site.prev
    if n.value / 1e6 in lx.race_distances and prev is not None and (prev.tag_ in ("DT", "PRP$", "POS") or prev.lower_ == "over"):
        return True
    if RE_M_BY_AFTER.match(site.text, site.end, site.sent_end) or RE_M_BY_BEFORE.search(site.text, site.base, site.start):
        return True
    words, lowered = _sentence_words(site)
    if not lx.metre_cues.isdisjoint(words) or any(c in lowered for c in lx.metre_phrases):
        return True
    return _athletics_article(site.text) and not RE_CURRENCY_SIGN.search(site.text, site.base, site.sent_end)


def _names_a_thing(noun: context.CountedNoun, site: context.Site) -> bool:
    """Whether a bare "60m" before a noun can be metres: a million counts a plural ("40m subscribers")
    or a group ("a 9m audience": number_collective_nouns.txt), so before a singular noun it measures
    the thing ("a 60m victory" in a race report), or is money written without its currency
    ("a 7m deal"): a sentence that holds money is never of metres."""
    return not noun.plural and noun.head.tag_ in ("NN", "NNP") and not RE_CURRENCY_SIGN.search(site.text, site.base, site.sent_end)


@lru_cache(maxsize=8)
def _athletics_article(text: str) -> bool:
    """Whether the article is about athletics (two different words of it), where "over 800m" is a
    distance; read once per article (a string's hash is kept, so a lookup costs no second pass)."""
    return len({m.group(0) for m in lex().re_metre_article.finditer(text.lower())}) >= 2


def _previous_sentence_words(site: context.Site) -> tuple[frozenset[str], str]:
    """`_sentence_words` of the sentence before the fact's, when it is in the same paragraph (else none)."""
    doc = site.dx.doc
    toks: list[Token] = []
    for j in range(min(site.dx.index_from(site.base), len(doc)) - 1, -1, -1):
        t = doc[j]
        if "\n" in t.text_with_ws or "\n" in site.text[t.idx + len(t.text):site.base] and not toks:
            break  # a paragraph's first sentence (or a headline) has none
        toks.append(t)
        if t.is_sent_start:
            break
    else:
        toks = []  # the doc's first tokens: no sentence start was seen, so no whole sentence
    if not toks or not toks[-1].is_sent_start:
        return frozenset(), ""
    words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
    return frozenset(words), site.text[toks[-1].idx:toks[0].idx + len(toks[0].text)].lower()


def _sentence_words(site: context.Site) -> tuple[frozenset[str], str]:
    """The lemmas and lower-case words of the fact's sentence, and its lower-cased text."""
    doc = site.dx.doc
    i, j = site.dx.index_from(site.base), site.dx.index_from(site.sent_end)
    words = {t.lower_ for t in doc[i:j]} | {t.lemma_.lower() for t in doc[i:j]}
    return frozenset(words), site.text[site.base:site.sent_end].lower()


def _counted_unit(head: Token, quals: str, end: int) -> tuple[str, str | None, str | None, int, str | None]:
    """A count's unit is the singular lemma of its counted noun ("300 jobs" -> job), unless the noun
    is a multiplier ("four times": a qualifier) or a unit of measure ("thousands of years": a
    quantity). Returns (kind, unit, unit_text, end, qualifier)."""
    written = head.text.rstrip("-–")
    end = max(end, head.idx + len(written))
    if written.lower() in lex().dimensionless:
        return "count", None, None, end, quals or written
    measure = unit_at(written, 0, True)  # the noun token after the number: "10 m deep"
    if measure is not None and measure[2] == len(written.rstrip(".")):
        return measure[1], measure[0], written, end, quals or None
    return "count", _lemma(head), written, end, quals or None


def _held_count(site: context.Site) -> Token | None:
    """The thing a count holder names when the bare number is what it is, reaches or rises to:
    "the death toll rose to 312", "a death toll of 312", "the number of victims is 45", "the vote
    tally reached 4,500" (death, death, victim, vote); unit_count_holders.json."""
    t = site.tok
    if t is None:
        return None
    while t.dep_ in ("compound", "nummod", "quantmod") and t.head.like_num and t.head.i > t.i:
        t = t.head  # "2 million": the last word of the number
    holder = None
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        prep = t.head
        if prep.lower_ == "of":
            holder = prep.head  # "a death toll of 312"
        elif prep.lower_ in lex().count_links:
            holder = _subject_noun(prep.head)  # "rose to 312", "stands at 312"
    elif t.dep_ in ("attr", "dobj"):
        holder = _subject_noun(t.head)  # "the toll was 14", "the toll reached 312"
    if holder is None or holder.pos_ != "NOUN" or RE_LIST_NEXT.match(site.text, site.end, site.sent_end):
        return None  # (a list: "the lottery numbers were 4, 12 and 31")
    if holder.lower_ in lex().count_holders_of:
        counted = next((g for p in holder.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.tag_ == "NNS"), None)
        if counted is not None:
            return counted
    if holder.lower_ in lex().count_holders_compound:
        return next((c for c in holder.children if c.dep_ == "compound" and c.i == holder.i - 1
                     and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and not c.ent_type_))), None)  # ("Visitor numbers")
    return None


def _subject_noun(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.pos_ in ("VERB", "AUX") else None


def _lemma(head: Token) -> str:
    """The singular lemma of a counted noun: "jobs" -> job, "Americans" -> American, "staff" -> staff."""
    lemma = head.lemma_ or head.text
    if head.pos_ != "PROPN" and not head.text[:1].isupper():
        lemma = lemma.lower()
    return lemma.rstrip("-–") or head.text


def _counted_after_of(n: Candidate, site: context.Site, kind: str) -> bool:
    """Whether the counted noun comes after "of": "thousands of", "a third of", "one of", "40 of the"."""
    text, ne = site.text, site.ne
    return n.of_follows or kind == "fraction" or (n.spelled and n.value == 1 and text[ne:ne + 4] == " of ") or \
        (n.unit is None and n.scale_word is None and lexicon.lex().re_partitive.match(text, ne) is not None)


def _bare_year(n: Candidate, site: context.Site, unit: str | None) -> bool:
    return n.plain_int and 1000 <= n.value <= 2100 and len(site.text[site.ns:site.ne]) >= 4 and n.scale_word is None \
        and unit is None


def _year_before_plural(site: context.Site, n: Candidate, head: Token | None) -> bool:
    """"its 2004 results", "the 2006 finals", "their 2050 targets": a 4-digit number from 1900 to 2100
    after "the", "this", "that" (year_determiners) or a possessive, before a plural noun, is a
    year: news marks the thousands of a count ("its 2,000 staff"). Not after a bound ("some 2000
    fans"), a quantifier ("all 2000 tickets") or anything else ("arrested 2000 protesters"), nor
    before a noun that is its own plural ("the 2000 people")."""
    if not YEARS_OF_NEWS[0] <= n.value <= YEARS_OF_NEWS[1] or n.rel_start is not None or site.prev is None:
        return False
    if head is not None and head.lemma_.lower() == head.lower_:
        return False  # a collective noun ("people", "staff"), its own lemma: what a count counts, not what a year dates
    prev = site.prev
    return prev.tag_ in ("PRP$", "POS") or (prev.tag_ == "DT" and prev.lower_ in lexicon.lex().year_determiners)


def _after_year_preposition(site: context.Site) -> bool:
    """"in 2019 most firms", "from 2010 levels", "during 2016 Smith met": a year, whatever follows."""
    return site.prev is not None and site.prev.lower_ in lexicon.lex().year_prepositions


def _before_a_name(site: context.Site) -> bool:
    """"the 2000 Sydney Olympics", "the 2005 Six Nations": a 4-digit number before a capitalised name
    is its year (news marks the thousands of a count: "2,000 Britons"); before a people's adjective
    only when the model dates it ("the 2000 Olympic champion"; not "1500 Russian troops")."""
    doc = site.dx.doc
    i = site.dx.index_from(site.ne)
    nxt = doc[i] if i < len(doc) else None
    if nxt is None or nxt.idx != site.ne + 1 or not nxt.text[:1].isupper():
        return False
    if site.tok is not None and site.tok.ent_type_ == "DATE" and nxt.pos_ in ("PROPN", "NOUN", "ADJ"):
        return True  # "the 2008 Olympic men's relay", which the model reads as a date
    return nxt.ent_type_ != "NORP" and nxt.pos_ in ("PROPN", "NOUN")


def _is_age(site: context.Site, n: Candidate) -> bool:
    """'aged 18 to 34', 'over the age of 21', 'Senard, 65, now faces', 'the singer, 54, said'; with
    nothing after the number that it could count: 'pensioners over 75', 'a girl of eight', 'who is
    71,', 'turns 50' (number_ages.json)."""
    prev = site.prev
    if prev is None or not (0 < n.value < AGE_AT_MOST) or n.scale_word is not None:
        return False
    before = site.dx.doc[prev.i - 1] if prev.i > 0 else None
    if prev.lower_ == "aged" or (prev.lower_ == "of" and before is not None and before.lower_ == "age"):
        return True
    lx = lex()
    if n.rel in ("<", ">", "<=", ">=") and prev.lower_ in lx.age_groups and not n.is_range and n.unit is None \
            and not _counts_something(site):
        return True  # "pensioners over 75": `prev` is the word before the bound
    if before is None:
        return False
    low = before.lower_
    if prev.text == ",":
        return (before.ent_type_ == "PERSON" or before.pos_ == "PROPN" or _person_noun(before) or low in lx.age_people) \
            and n.plain_int and not n.is_range and site.text[site.ne:site.ne + 1] == ","
    if n.is_range or n.unit is not None or _counts_something(site):
        return False
    return (prev.lower_ == "of" and low in lx.age_people and before.i > 0 and before.nbor(-1).lower_ in ("a", "an")) \
        or (prev.lower_ in ("is", "was") and low == "who") or prev.lower_ in lx.age_verbs or _person_is(site, n, prev)


PERSON_PRONOUNS = ("he", "she", "i", "you")


def _person_is(site: context.Site, n: Candidate, be: Token) -> bool:
    """"He will be 35 by May", "she was 12 when": a bare whole number right after a person's "be",
    ending the clause (a comma or full stop, or a word of `after_be` in number_ages.json next)."""
    if be.lemma_ != "be" or not n.plain_int:
        return False
    verb = be if any(c.dep_ == "nsubj" for c in be.children) else be.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lower_ in PERSON_PRONOUNS or subj.ent_type_ == "PERSON"):
        return False
    nxt = _token_after(site)
    return nxt is None or nxt.text in (",", ".", ";") or nxt.lower_ in lex().age_after_be


def _counts_something(site: context.Site) -> bool:
    """A word the number could count comes next ("turned 50 pages")."""
    nxt = _token_after(site)
    if nxt is not None and nxt.pos_ == "ADJ" and nxt.lower_ not in ("next", "last", "this") and nxt.i + 1 < len(nxt.doc):
        nxt = nxt.doc[nxt.i + 1]  # "50 new jobs"; not "turns 50 next month"
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM")


def _token_after(site: context.Site) -> Token | None:
    """The token right after the number, None at the end of its sentence."""
    i = site.dx.index_from(site.ne)
    doc = site.dx.doc
    return doc[i] if i < len(doc) and doc[i].idx < site.sent_end else None


def _person_noun(tok: Token) -> bool:
    """"the singer, 54,", "a woman, 31,": a singular noun for a person (the speaker descriptions' words)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return False
    words = speaker_words()
    return tok.lower_ in words.person_nouns or tok.lower_ in words.epithets or tok.lower_ in words.gender \
        or tok.lower_ in words.anonymous


def is_time_word(tok: Token) -> bool:
    """A word of a time span ("year", "months", "night")."""
    lx = lex()
    if tok.lower_ in lx.time_words or tok.lemma_.lower() in lx.time_words:
        return True
    unit = measures.name_of(tok.lower_) if tok.is_alpha and len(tok.text) > 2 else None
    return measures.is_time(unit)


def _relay_legs(n: Candidate, site: context.Site) -> bool:
    """"the 4x100m relay": the number of legs of a race, a count of nothing written, in a sentence
    about a relay (not a side of a size in metres: "2x200m of fencing")."""
    m = RE_RELAY.match(site.text, site.ne)
    return m is not None and n.value <= 10 and float(m.group(1)) in lex().race_distances and _about_a_relay(site)


def _relay_distance(n: Candidate, site: context.Site) -> bool:
    """"the 4x400m relays": the glued "m" after the legs of a relay is metres, whatever follows."""
    return RE_LEGS_BEFORE.search(site.text, site.base, site.ns) is not None and n.value / 1e6 in lex().race_distances \
        and _about_a_relay(site)


def _about_a_relay(site: context.Site) -> bool:
    return not lex().relay_cues.isdisjoint(_sentence_words(site)[0])


def _noun_follows(site: context.Site, i: int) -> bool:
    doc = site.dx.doc
    return i < len(doc) and doc[i].pos_ in ("NOUN", "ADJ", "PROPN")


def _time_span_modifier(n: Candidate, site: context.Site) -> bool:
    """"a three-year forecast", "a two-month contract": a time unit hyphenated to a number word and
    followed by a noun makes a kind of thing, not a quantity; in digits it measures the thing ("a
    45-minute interview", "an 18-month period": so annotated in our BBC, PolNeAR and units sets,
    while NewsQuant leaves out the spelled ones), unless a name follows a span of weeks, months or
    years ("the 10-year Treasury yield", "a 13-week Treasury bill": the term of a kind of bond or
    plan; term_units in unit_idioms.json); "a 20-minute TED talk" lasts 20 minutes."""
    if n.kind != "quantity" or not is_time_unit(n.unit) or site.text[site.ne:site.ne + 1] not in ("-", "–"):
        return False
    i = site.dx.index_from(site.end)
    if not (i < len(site.dx.doc) and site.dx.doc[i].idx < site.sent_end and _noun_follows(site, i)):
        return False
    return n.spelled or (site.dx.doc[i].pos_ == "PROPN" and n.unit in lex().term_units)


# --------------------------------------------------------------------------- coordination


def share_units(text: str, facts: Sequence[Fact]) -> None:
    """'four-, five- and six-cylinder', '12 and 15 per cent', '280 million of the 1.5 billion shekels',
    '1920x1080 pixels', '8 by 10 feet', '12-by-10-foot': a unitless count coordinated with the next number takes its unit
    and kind (from the last pair back); then units carried forward through a list (`_carry_units`).
    Numbers right after an exchange rate take its currencies first (`_exchange_rate_units`)."""
    _exchange_rate_units(text, facts)
    for a, b in zip(reversed(facts[:-1]), reversed(facts[1:])):
        gap = text[a.char_end:b.char_start]
        if a.unit is None and a.kind == "count" and not a.proportion and b.unit is not None and b.kind in ("count", "percent", "quantity", "money"):
            if a.legs:
                continue  # "the 4x100m relay" (`_relay_legs`)
            if re.fullmatch(r"\s*-\s*,?\s*(?:and|or)?\s*|\s+(?:and|or|to|by)\s+|\s*[x×]\s*|-by-", gap) or \
                    (b.kind == "money" and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap)):
                if b.unit == "meter" and RE_GLUED_M.search(a.text):
                    a.value /= 1e6  # "800m and 1,500m gold": metres, not a million
                    a.value_low = None if a.value_low is None else a.value_low / 1e6
                    a.value_high = None if a.value_high is None else a.value_high / 1e6
                    a.unit_text = "m"
                a.unit = b.unit
                a.kind = b.kind
    _carry_units(text, facts)


def _exchange_rate_units(text: str, facts: Sequence[Fact]) -> None:
    """'the exchange rate for the yuan to the dollar is 6.5:1', 'the exchange rate of USD to ZAR was 14.25':
    the unitless number written right after an exchange rate between two currencies, unless it is
    a part of something ("one of 12 factors"), is an amount of them. In a ratio ("6.5:1",
    "6.5 to 1") the first number is of the first currency and the second of the second. A lone
    number is the price of one unit of the first currency in the second ("the euro to the dollar
    is 1.08"), unless only the second is a currency rates are quoted in: "the naira to the dollar
    is 460" is 460 naira, as news writes it; so are the lone numbers listed after it ("1.08, 1.09
    and 1.10")."""
    for i, f in enumerate(facts):
        if f.unit is not None or f.kind != "count" or f.value_low is not None \
                or re.match(r"\s+of\b", text[f.char_end:f.char_end + 4]):
            continue
        m = lex().re_exchange_rate.search(text, max(0, f.char_start - 160), f.char_start)
        codes = _currencies_in(text, m.start("pair"), m.end("pair")) if m is not None else []
        if len(codes) != 2:
            continue
        majors = lex().exchange_rate_majors
        f.unit, f.kind = codes[0] if codes[1] in majors and codes[0] not in majors else codes[1], "money"
        b = facts[i + 1] if i + 1 < len(facts) else None
        if b is not None and b.unit is None and b.kind == "count" and re.fullmatch(r"\s*:\s*|\s+to\s+", text[f.char_end:b.char_start]):
            f.unit, b.unit, b.kind = codes[0], codes[1], "money"
            return
        for a, b in zip(facts[i:], facts[i + 1:]):
            if b.unit is not None or b.kind != "count" or not re.fullmatch(LIST_GAP, text[a.char_end:b.char_start]):
                return
            b.unit, b.kind = f.unit, "money"
        return


def _currencies_in(text: str, start: int, end: int) -> list[str]:
    """The currencies named between start and end, in order, each once ("US dollars and the South African rand")."""
    codes: list[str] = []
    for m in re.finditer(r"(?<![\w$£€¥])\S", text[start:end]):
        found = money_word_at(text, start + m.start())
        if found is not None and found[1] <= end and found[0] not in codes:
            codes.append(found[0])
    return codes


def _carry_units(text: str, facts: Sequence[Fact]) -> None:
    """'300 flats for sale and 120 for rent', '1,200 cases in March and 900 in April': a bare count
    after a number with a unit, joined to it by a coordinator in the same sentence, means the same
    unit (its `unit_text` stays null: the unit is not written beside it); so does a part of it
    ("2m were sold, 500,000 of which in May"). A percent is not carried to the level after it
    ("fell 0.4 per cent to 13,176": index points)."""
    for i, b in enumerate(facts):
        if b.unit is not None or b.kind != "count" or b.qualifier is not None or b.proportion or b.legs or not i:
            continue  # ("the 4x200m and 4x400m relays": legs, not metres)
        a = facts[i - 1]
        part = RE_PART_OF_WHICH.match(text, b.char_end)
        if part is not None and part.group(1).lower() == "whom":  # people: the last count of them before
            a = next((f for f in reversed(facts[:i]) if f.kind == "count" and f.unit is not None), a)
        gap = text[a.char_end:b.char_start]
        if a.unit is None or a.kind not in ("count", "money", "quantity", "percent") or len(gap) > 60:
            continue
        if a.kind == "percent" and re.search(r"\b(?:to|at|from|of)\s*$", gap, re.I):
            continue  # "rose 0.6 per cent to 27,349": the level the index reached, not a percent
        if a.unit == "years old" and (b.value >= AGE_AT_MOST or (a.unit_text or "").lower().endswith("olds")):
            continue  # "120 16-year-olds and 100 17-year-olds", "... 11 year olds, while 14.9 million": head counts, not ages
        if a.kind == "percent" and b.value > PERCENT_CARRIED_AT_MOST:
            continue  # "cut costs by 20% and its staff by 21,000": a head count, not a percent
        if lex().re_carry.search(gap) or (a.kind != "percent" and part is not None):
            b.unit, b.kind = a.unit, a.kind  # ("25 million players were sold, 10 million of which ...")
