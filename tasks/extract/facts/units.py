"""Unit and kind of a number: this module alone decides them.

A fact's `unit` is the ISO 4217 code of money, '%' (or "percentage points", "basis points") of a
percent, the canonical unit of a quantity ("kilometre", "years old"), or the counted noun of a
count; its `kind` is count|money|percent|quantity|year|date|ordinal. Three moments:

  * while the scanner reads a number (`scan`), it asks here what is written beside it: a currency
    before the digits (`currency_before`, `set_currency`), whether "133m" is million or metres
    (`letter_is_scale`), and the unit, currency word or code after it (`read_after`,
    `read_unit_at`). What they record on the `Candidate` is evidence: its extent makes the
    scanner's spans, and glued letters that are no unit ("5G") make no number;
  * with the parse, `decide` settles each fact: an age ("aged 25"), the noun a count counts
    ("300 jobs" -> jobs; "thousands of dollars" -> money; "dozens of miles" -> a quantity), a
    bare "133m" (metres), a bare 4-digit integer (a year), a time span used as a modifier
    ("a three-year forecast": no quantity at all);
  * `share_units`: a unitless number coordinated with the next takes its unit
    ("four-, five- and six-cylinder", "12 and 15 per cent").

The units and currencies themselves are data (unit_measures.json, currency_codes.json).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tasks.common.datafiles import DataFiles
from tasks.extract.facts import context, lexicon
from tasks.extract.facts.lexicon import alternation
from tasks.extract.facts.records import Candidate, Fact

DATA = DataFiles.beside(__file__)

RE_SPACE = re.compile(r"[ \t\u00a0]*")


@dataclass
class UnitLex:
    unit_words: dict[str, tuple[str, str]]  # lower-case spelling -> (canonical, kind)
    unit_abbr: dict[str, tuple[str, str]]  # exact spelling -> (canonical, kind)
    attached_only: frozenset[str]  # abbreviations read only when they touch the digits ("2in", "5t")
    prefixes: dict[str, str]  # currency written before the digits -> ISO code
    glued: frozenset[str]  # letter prefixes that must touch the digits ("RM79")
    suffix_codes: frozenset[str]  # ISO codes written after the number ("5 million EUR")
    money_words: dict[str, str]  # "dollars", "yuan", "cents" -> ISO code ("USD/100": a hundredth)
    re_unit_words: re.Pattern
    re_unit_abbr: re.Pattern
    re_money_words: re.Pattern
    re_suffix_code: re.Pattern
    time_units: frozenset[str]
    metre_context: frozenset[str]  # words after "1500m" that make it metres
    dimensionless: frozenset[str]  # counted nouns that are multipliers: "four times"


@lru_cache(maxsize=1)
def lex() -> UnitLex:
    units = DATA.json("unit_measures.json")
    cur = DATA.json("currency_codes.json")
    unit_words: dict[str, tuple[str, str]] = {}
    unit_abbr: dict[str, tuple[str, str]] = {}
    for canon, spec in units.items():
        if canon.startswith("_"):
            continue
        kind = spec.get("kind", "quantity")
        for s in spec.get("words", []):
            unit_words[s.lower()] = (canon, kind)
        for s in spec.get("abbr", []):
            unit_abbr[s] = (canon, kind)
    money_words = {k.lower(): v for k, v in cur["words"].items()}
    return UnitLex(
        unit_words=unit_words,
        unit_abbr=unit_abbr,
        attached_only=frozenset(units.get("_attached_only", [])),
        prefixes=dict(cur["prefixes"]),
        glued=frozenset(cur["glued"]),
        suffix_codes=frozenset(cur["suffix_codes"]),
        money_words=money_words,
        re_unit_words=re.compile(rf"(?:{alternation(unit_words)})(?![\w°])", re.I),
        re_unit_abbr=re.compile(rf"(?:{alternation(unit_abbr)})(?![A-Za-z0-9])"),
        re_money_words=re.compile(rf"(?:{alternation(money_words)})(?![\w])", re.I),
        re_suffix_code=re.compile(rf"(?:{alternation(cur['suffix_codes'])})(?![a-z])"),
        time_units=frozenset(units["_time_units"]),
        metre_context=frozenset(DATA.json("number_scales.json")["metre_context"]),
        dimensionless=frozenset(w.lower() for w in DATA.lines("number_dimensionless.txt")),
    )


# --------------------------------------------------------------------------- what is written


def unit_at(text: str, pos: int, attached: bool) -> tuple[str, str, int] | None:
    """A unit of measure (or percent) written at `pos`: (canonical, kind, end)."""
    lx = lex()
    m = lx.re_unit_abbr.match(text, pos)
    best = None
    if m and m.end() > pos:
        tok = m.group(0)
        if attached or (len(tok) > 1 and tok not in lx.attached_only) or not tok.isalpha():
            canon, kind = lx.unit_abbr[tok]
            best = (canon, kind, m.end())
    m2 = lx.re_unit_words.match(text, pos)
    if m2 and m2.end() > pos and (best is None or m2.end() > best[2]):
        canon, kind = lx.unit_words[m2.group(0).lower()]
        best = (canon, kind, m2.end())
    return best


def money_word_at(text: str, pos: int) -> tuple[str, int] | None:
    """A currency word or ISO code written at `pos` ("dollars", "EUR", "EUR="): (code, end)."""
    lx = lex()
    m = lx.re_money_words.match(text, pos)
    if m:
        return lx.money_words[m.group(0).lower()], m.end()
    m = lx.re_suffix_code.match(text, pos)
    if m:
        end = m.end()
        if end < len(text) and text[end] == "=":
            end += 1
        return m.group(0), end
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
    return None


def letter_is_scale(text: str, end: int, letter: str) -> bool:
    """'m'/'b' glued to digits with no currency before them: million/billion, or metres/bytes?
    "b" is never a scale; "m" is metres before a word of distance or sport ("1500m freestyle"),
    punctuation, a bracket or nothing, else million (`decide` may still make it metres)."""
    nxt = re.match(r"\s*([\w(]+)", text[end:])
    word = nxt.group(1).lower() if nxt else ""
    end_ch = text[end:end + 1]
    if letter in ("b", "B"):
        return False
    if end_ch in ("(", "-", "/") or not word or word in lex().metre_context or word.startswith("("):
        return False
    return end_ch not in (".", ",", ";", ")")


def set_currency(n: Candidate, code: str) -> None:
    n.unit_kind = "money"
    n.unit = code


def read_unit_at(text: str, pos: int, n: Candidate) -> bool:
    """A unit of measure written at `pos` ("a quarter of a percentage point") becomes the number's."""
    u = unit_at(text, pos, False)
    if u:
        _set_unit(n, u)
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
        if u:
            # "40 yard line", "2.4-liter", "50 year-old", "5 per cent"
            _set_unit(n, u)
            return True
    mw = money_word_at(text, p2)
    if mw and (not hy or n.kind != "money"):
        if n.kind == "money":
            # "$7.5 million US"? only ISO codes override the prefix ("$1.1396 EUR=")
            if mw[0] != n.unit and text[p2:mw[1]].rstrip("=").isupper():
                n.unit = mw[0]
                n.end = mw[1]
            return True
        _set_money_word(n, mw, text)
    return True


def _read_glued(text: str, n: Candidate) -> bool:
    pos = n.num_end
    u = unit_at(text, pos, True)
    if u and (u[2] >= len(text) or not text[u[2]].isalnum()):
        _set_unit(n, u)
        return True
    if text[pos] in "pc" and (pos + 1 >= len(text) or not text[pos + 1].isalpha()) and not n.unit:
        # pence / cents glued: "118.5p"
        # prices in pence are quoted in pence (GBX, as markets do); cents become dollars
        n.unit_kind = "money"
        if text[pos] == "p":
            n.unit = "GBX"
        else:
            n.unit = "USD"
            n.value /= 100.0
        n.end = pos + 1
        return True
    mw = money_word_at(text, pos)
    if mw:
        _set_money_word(n, mw, text)
        return True
    return False


def _set_unit(n: Candidate, u: tuple[str, str, int]) -> None:
    canon, kind, end = u
    n.unit = canon
    n.unit_kind = kind
    n.end = end
    n.plain_int = False


def _set_money_word(n: Candidate, mw: tuple[str, int], text: str) -> None:
    code, end = mw
    word = text[n.num_end:end].strip().lower()
    if code in ("GBP",) and word in ("pound", "pounds"):
        # weight, not sterling, when the sentence talks of weighing or "pounds of X"
        low = text.lower()
        if "weigh" in low or re.match(r"\s+of\s+(?!sterling)", text[end:]) or "lb" in low:
            n.unit_kind = "quantity"
            n.unit = "pound"
            n.end = end
            n.plain_int = False
            return
    if "/" in code:
        code, div = code.split("/")
        n.value /= float(div)
    n.unit_kind = "money"
    n.unit = code
    n.end = end
    n.plain_int = False


# --------------------------------------------------------------------------- what the parse decides


@dataclass(slots=True)
class Measure:
    """The decided unit and kind of one fact."""

    kind: str
    unit: str | None
    value: float  # the number in that unit (a bare "1500m" is 1500 metres, not 1.5e9)
    end: int  # end of the fact's words: a counted noun or currency word after the number is part of it
    head: Token | None  # the counted noun that names the unit of a count
    noun: context.CountedNoun | None  # the noun found after the number, before money or year made it moot
    qualifier: str | None  # words qualifying the counted noun ("additional"), or a multiplier ("times")
    drop_if_bare: bool  # a bare small spelled number ("the two met"): a fact only if it gets a unit


def decide(n: Candidate, site: context.Site) -> Measure | None:
    """The unit and kind of the candidate `n`, with the parse; None when it is no quantity at all."""
    if _time_span_modifier(n, site):
        return None
    kind, unit, value, end = n.kind, n.unit, n.value, site.end
    if kind == "count" and unit is None and site.prev is not None and _is_age(site, n):
        kind, unit = "quantity", "years old"
    noun = None
    if kind in ("count", "fraction") and unit is None:
        noun = context.counted_noun(site.dx, site.ne, site.sent_end, _counted_after_of(n, site, kind), n.value)
        if noun is not None and noun.glued and is_time_word(noun.head) and _noun_follows(site, noun.head.i + 1):
            return None  # "a three-year forecast", "a two-month contract": a kind of thing, not a quantity
    head = noun.head if noun is not None else None
    money = money_word_at(site.text, head.idx) if head is not None and n.of_follows else None
    if money is not None:
        kind, unit, end, head = "money", money[0], max(end, money[1]), None  # "thousands of dollars"
    if n.m_ambiguous and head is None and kind == "count":
        kind, unit, value = "quantity", "metre", n.value / 1e6  # "the 1500m will be her distance"
    if kind == "count" and _bare_year(n, site, unit) and not (head is not None and noun is not None and noun.plural):
        kind, head = "year", None  # a bare 4-digit integer is a year unless it counts something
    if kind == "fraction":
        kind = "count"
    qualifier = None
    drop_if_bare = False
    if kind == "count" and unit is None:
        if head is not None:
            kind, unit, end, qualifier = _counted_unit(head, noun.quals if noun else "", end)
        elif n.spelled and n.scale_word is None and not n.is_range:
            drop_if_bare = True  # "the two met": a bare small word number is rarely a fact
    return Measure(kind=kind, unit=unit, value=value, end=end, head=head, noun=noun, qualifier=qualifier,
                   drop_if_bare=drop_if_bare)


def _counted_unit(head: Token, quals: str, end: int) -> tuple[str, str | None, int, str | None]:
    """A count's unit is its counted noun ("300 jobs" -> jobs), unless the noun is a multiplier
    ("four times": a qualifier) or a unit of measure ("thousands of years": a quantity).
    Returns (kind, unit, end, qualifier)."""
    kind = "count"
    unit: str | None = head.text.rstrip("-–")
    end = max(end, head.idx + len(unit))
    qualifier = None
    measure = None
    if unit.lower() in lex().dimensionless:
        qualifier, unit = unit, None
    else:
        measure = unit_at(unit, 0, False)
    if measure is not None and unit is not None and measure[2] == len(unit):
        kind, unit = measure[1], measure[0]
    return kind, unit, end, quals or qualifier


def _counted_after_of(n: Candidate, site: context.Site, kind: str) -> bool:
    """Whether the counted noun comes after "of": "thousands of", "a third of", "one of", "40 of the"."""
    text, ne = site.text, site.ne
    return n.of_follows or kind == "fraction" or (n.spelled and n.value == 1 and text[ne:ne + 4] == " of ") or \
        (n.unit is None and n.scale_word is None and lexicon.lex().re_partitive.match(text, ne) is not None)


def _bare_year(n: Candidate, site: context.Site, unit: str | None) -> bool:
    return n.plain_int and 1000 <= n.value <= 2100 and len(site.text[site.ns:site.ne]) >= 4 and n.scale_word is None \
        and unit is None


def _is_age(site: context.Site, n: Candidate) -> bool:
    """'aged 18 to 34', 'over the age of 21', 'Senard, 65, now faces'."""
    prev = site.prev
    if prev is None or not (0 < n.value < 130) or n.scale_word is not None:
        return False
    before = site.dx.doc[prev.i - 1] if prev.i > 0 else None
    if prev.lower_ == "aged" or (prev.lower_ == "of" and before is not None and before.lower_ == "age"):
        return True
    return prev.text == "," and before is not None and (before.ent_type_ == "PERSON" or before.pos_ == "PROPN") \
        and n.plain_int and not n.is_range and site.text[site.ne:site.ne + 1] == ","


def is_time_word(tok: Token) -> bool:
    units = lex().time_units
    return tok.lemma_.lower() in units or tok.lower_ in units


def _noun_follows(site: context.Site, i: int) -> bool:
    doc = site.dx.doc
    return i < len(doc) and doc[i].pos_ in ("NOUN", "ADJ", "PROPN")


def _time_span_modifier(n: Candidate, site: context.Site) -> bool:
    """"a three-year forecast", "a two-month contract": a time unit hyphenated to the number and
    followed by a noun makes a kind of thing, not a quantity."""
    if n.kind != "quantity" or n.unit not in lex().time_units or site.text[site.ne:site.ne + 1] not in ("-", "–"):
        return False
    i = site.dx.index_from(site.end)
    return i < len(site.dx.doc) and site.dx.doc[i].idx < site.sent_end and _noun_follows(site, i)


# --------------------------------------------------------------------------- coordination


def share_units(text: str, facts: Sequence[Fact]) -> None:
    """'four-, five- and six-cylinder', '12 and 15 per cent', '280 million of the 1.5 billion shekels':
    a unitless count coordinated with the next number takes its unit and kind (from the last pair back)."""
    for a, b in zip(reversed(facts[:-1]), reversed(facts[1:])):
        gap = text[a.char_end:b.char_start]
        if a.unit is None and a.kind == "count" and b.unit is not None and b.kind in ("count", "percent", "quantity", "money"):
            if re.fullmatch(r"\s*-\s*,?\s*(?:and|or)?\s*|\s+(?:and|or|to)\s+", gap) or \
                    (b.kind == "money" and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap)):
                a.unit = b.unit
                a.kind = b.kind
