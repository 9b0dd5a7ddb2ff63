"""Number parsing over plain text: every number written in digits or in words, with its value.

`scan(text)` finds numeric expressions in one sentence and returns `Num` records (offsets relative
to the text given): the value (scale words applied: "$800 million" -> 8e8), ranges ("10-12",
"between 100 and 200", "four to five thousand"), the currency (ISO code) or unit of measure
written with it, the bound written before or after it ("around", "more than", "or more"), and
a first guess at its kind. Dates, clock times, phone numbers, addresses, list markers and numbers
glued to words ("G7", "COVID-19", "S23") are recognised so that they are not taken as quantities.

Everything here is string work (regular expressions built once from the data files); the
syntactic decisions (counted noun, identifiers after names, subject) are made in tasks.numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)


@dataclass
class Num:
    start: int  # start of the expression (relation cue excluded; currency symbol included)
    end: int  # end of the expression (unit included)
    num_start: int  # start of the digits / number words
    num_end: int  # end of the number with its scale word, before any unit
    value: float
    low: float | None = None
    high: float | None = None
    kind: str = "count"  # count|money|percent|quantity|year|date|ordinal|fraction
    unit: str | None = None
    spelled: bool = False
    plain_int: bool = False  # an integer written with digits only (a year candidate)
    rel: str = "="
    rel_start: int | None = None  # start of the relation cue before the number
    sign: str | None = None  # '+' / '-' written before the digits
    of_follows: bool = False  # "thousands of", "a third of": the counted noun comes after "of"
    scale_word: float | None = None  # the scale written after the number ("million" -> 1e6)
    is_range: bool = False
    m_ambiguous: bool = False  # "133m": million if it counts something, else metres (decided with the parse)

    @property
    def cue_start(self) -> int:
        return self.rel_start if self.rel_start is not None else self.start


# --------------------------------------------------------------------------- lexicons


def _alt(words) -> str:
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)


@dataclass
class _Lex:
    cardinals: dict[str, float]
    ordinals: dict[str, float]
    fractions: dict[str, float]
    plural_scales: dict[str, float]
    unicode_fractions: dict[str, float]
    scale_words: dict[str, float]
    attached_scales: dict[str, float]
    metre_context: frozenset[str]
    unit_words: dict[str, tuple[str, str]]  # lower-case spelling -> (canonical, kind)
    unit_abbr: dict[str, tuple[str, str]]  # exact spelling -> (canonical, kind)
    attached_only: frozenset[str]  # abbreviations read only when they touch the digits ("2in", "5t")
    prefixes: dict[str, str]
    glued: frozenset[str]
    suffix_codes: frozenset[str]
    money_words: dict[str, str]
    rel_before: list[tuple[str, str]]
    rel_after: list[tuple[str, str]]
    months: frozenset[str]
    re_words: re.Pattern
    re_unit_words: re.Pattern
    re_unit_abbr: re.Pattern
    re_money_words: re.Pattern
    re_suffix_code: re.Pattern
    re_prefix_end: re.Pattern
    re_ordinal_words: re.Pattern
    re_fraction: re.Pattern
    re_plural_scale: re.Pattern
    re_dates: list[re.Pattern]
    re_blocked: list[re.Pattern]
    re_rel_before: re.Pattern
    re_rel_after: re.Pattern
    words_any: frozenset[str]  # words that may be or start a number
    year_prefixes: tuple[str, ...]  # "mid-2020": a hyphenated prefix that does not make a name
    time_units: frozenset[str]
    re_partitive: re.Pattern  # " of the", " of their": the counted noun comes after


@lru_cache(maxsize=1)
def lex() -> _Lex:
    w = DATA.json("number_words.json")
    sc = DATA.json("number_scales.json")
    units = DATA.json("unit_measures.json")
    cur = DATA.json("currency_codes.json")
    rel = DATA.json("number_relations.json")
    months = frozenset(DATA.lines("number_months.txt"))
    streets = DATA.lines("number_street_words.txt")

    cardinals: dict[str, float] = {}
    for key in ("cardinals", "tens", "hundred", "scales", "multiples"):
        cardinals.update({k: float(v) for k, v in w[key].items()})
    unit_words: dict[str, tuple[str, str]] = {}
    unit_abbr: dict[str, tuple[str, str]] = {}
    attached_only = frozenset(units.get("_attached_only", []))
    for canon, spec in units.items():
        if canon.startswith("_"):
            continue
        kind = spec.get("kind", "quantity")
        for s in spec.get("words", []):
            unit_words[s.lower()] = (canon, kind)
        for s in spec.get("abbr", []):
            unit_abbr[s] = (canon, kind)
    money_words = {k.lower(): v for k, v in cur["words"].items()}
    rel_before = sorted(((p, r) for r, ps in rel["before"].items() for p in ps), key=lambda x: -len(x[0]))
    rel_after = sorted(((p, r) for r, ps in rel["after"].items() for p in ps), key=lambda x: -len(x[0]))

    num_word_alt = _alt(cardinals)
    re_words = re.compile(
        rf"(?<![\w-])(?:(?:a|an|one)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
        rf"(?:{num_word_alt})(?:(?:\s+and\s+|[\s-]+)(?:{num_word_alt}))*(?![\w])",
        re.I,
    )
    re_unit_words = re.compile(rf"(?:{_alt(unit_words)})(?![\w°])", re.I)
    re_unit_abbr = re.compile(rf"(?:{_alt(unit_abbr)})(?![A-Za-z0-9])")
    re_money_words = re.compile(rf"(?:{_alt(money_words)})(?![\w])", re.I)
    re_suffix_code = re.compile(rf"(?:{_alt(cur['suffix_codes'])})(?![a-z])")
    # a currency prefix ending exactly where the digits start (matched on the reversed left context)
    re_prefix_end = re.compile(rf"(?:{_alt(cur['prefixes'])})\s?$")
    re_ordinal_words = re.compile(rf"(?<![\w-])(?:{_alt(w['ordinals'])})(?![\w])", re.I)
    frac_alt = _alt(w["fractions"])
    card_small = _alt(list(w["cardinals"]) + ["a", "an"])
    re_fraction = re.compile(rf"(?<![\w-])(?P<n>{card_small})[\s-](?P<d>{frac_alt})(?![\w-])|(?<![\w-])(?P<half>half)(?=\s+(?:of|a|an)\b)", re.I)
    ps = _alt(w["plural_scales"])
    re_plural_scale = re.compile(rf"(?<![\w-])(?:(?P<a>{ps})\s+of\s+)?(?P<b>{ps})(?=\s+of\b)", re.I)

    # capitalised month names and abbreviations, plus full names in lower case ("september 8") except "may"/"march"
    lower_full = [m.lower() for m in months if len(m) > 3 and m.lower() not in ("may", "march", "sept")]
    month_names = sorted(set(months) | set(lower_full), key=len, reverse=True)
    full = {m.lower() for m in months if len(m) >= 5} | {"may", "june", "july"}
    month_alt = "|".join(re.escape(m) + ("" if m.lower() in full else r"\.?") for m in month_names)
    re_dates = [
        re.compile(rf"(?<![\w])(?:{month_alt})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.,]\d)(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"),
        re.compile(rf"(?<![\w.,])(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month_alt})(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"),
        re.compile(rf"(?<![\w])(?:{month_alt}),?\s+(?:of\s+)?(?P<y>\d{{4}})(?![\w])"),
        re.compile(r"(?<![\w./])(?P<d>\d{1,2})/\d{1,2}/(?P<y>\d{2}|\d{4})(?![\w/])"),
        re.compile(r"(?<![\w.-])(?P<y>\d{4})-\d{2}-(?P<d>\d{2})(?![\w-])"),
    ]
    street_alt = _alt(streets)
    re_blocked = [
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
    re_rel_before = re.compile(rf"(?:^|(?<=[^\w]))(?:{_alt(p for p, _ in rel_before)})\s*$", re.I)
    re_rel_after = re.compile(rf"\s*(?:{_alt(p.strip() for p, _ in rel_after)})(?![\w])", re.I)
    return _Lex(
        cardinals=cardinals,
        ordinals={k: float(v) for k, v in w["ordinals"].items()},
        fractions={k: float(v) for k, v in w["fractions"].items()},
        plural_scales={k: float(v) for k, v in w["plural_scales"].items()},
        unicode_fractions={k: float(v) for k, v in w["unicode_fractions"].items()},
        scale_words={k.lower(): float(v) for k, v in sc["words"].items()},
        attached_scales={k: float(v) for k, v in sc["attached"].items()},
        metre_context=frozenset(sc["metre_context"]),
        unit_words=unit_words,
        unit_abbr=unit_abbr,
        attached_only=attached_only,
        prefixes=dict(cur["prefixes"]),
        glued=frozenset(cur["glued"]),
        suffix_codes=frozenset(cur["suffix_codes"]),
        money_words=money_words,
        rel_before=rel_before,
        rel_after=rel_after,
        months=months,
        re_words=re_words,
        re_unit_words=re_unit_words,
        re_unit_abbr=re_unit_abbr,
        re_money_words=re_money_words,
        re_suffix_code=re_suffix_code,
        re_prefix_end=re_prefix_end,
        re_ordinal_words=re_ordinal_words,
        re_fraction=re_fraction,
        re_plural_scale=re_plural_scale,
        re_dates=re_dates,
        re_blocked=re_blocked,
        re_rel_before=re_rel_before,
        re_rel_after=re_rel_after,
        year_prefixes=tuple(w["year_prefixes"]),
        time_units=frozenset(units["_time_units"]),
        re_partitive=re.compile(rf" of (?:{_alt(w['partitive_determiners'])})\b", re.I),
        words_any=frozenset(list(cardinals) + list(w["ordinals"]) + list(w["fractions"]) + list(w["plural_scales"])),
    )


RE_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+")
RE_SCI = re.compile(r"(?<![\w.])(?P<m>\d+(?:\.\d+)?)\s?[×x*]\s?10\s?\^?(?P<e>[-−–]?\d{1,3})(?![\d])")
RE_ATT_SCALE = re.compile(r"(?:bn|mn|tn|trn|mln|bln|[kKmMbB])(?![A-Za-z])")
RE_WORD_SCALE = re.compile(r"[\s-]?(?:hundred|thousand|million|billion|trillion|bn|mn|tn|mln|bln|crores?|lakhs?)(?![A-Za-z])", re.I)
RE_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])")
RE_SPACE = re.compile(r"[ \t\u00a0]*")


def _ordinal_suffix(v: int) -> str:
    if 10 <= v % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(v % 10, "th")


RE_DIGIT_ANY = re.compile(r"[\d½⅓⅔¼¾⅕⅛]")
RE_LOWER_WORD = re.compile(r"[a-z]+")
RE_DIGIT_FRACTION = re.compile(r"(?<![\w./,])(?:(?P<w>\d+)\s+)?(?P<a>\d)/(?P<b>\d{1,2})(?![\w/])")
RE_AND_HALF = re.compile(r"(?:\s+and\s+a\s+half|-and-a-half)(?![\w])", re.I)
RE_OF_A_SCALE = re.compile(r"\s+of\s+(?:a|an|one)\s+(hundred|thousand|million|billion|trillion|dozen)(?![\w])", re.I)
RE_OF_A = re.compile(r"\s+of\s+(?:a|an|one)\s+", re.I)


def parse_digits(s: str) -> float:
    return float(s.replace(",", ""))


# --------------------------------------------------------------------------- spelled numbers


def parse_words(words: list[str], lx: _Lex) -> list[tuple[float, int, int]]:
    """Split a run of number words into numbers: [(value, first_word, last_word_exclusive)]."""
    out: list[tuple[float, int, int]] = []
    total = cur = 0.0
    start = None
    prev = None  # class of previous word: unit|teen|tens|hundred|scale|and
    i = 0
    n = len(words)

    def flush(end: int) -> None:
        nonlocal total, cur, start, prev
        if start is not None:
            out.append((total + cur, start, end))
        total = cur = 0.0
        start = None
        prev = None

    while i < n:
        wd = words[i].lower()
        if wd == "and":
            if prev in ("hundred", "scale") and i + 1 < n and words[i + 1].lower() in lx.cardinals:
                nxt = lx.cardinals[words[i + 1].lower()]
                if nxt < 100:
                    prev = "and"
                    i += 1
                    continue
            flush(i)
            i += 1
            continue
        if wd in ("a", "an"):
            flush(i)
            start = i
            cur = 1.0
            prev = "a"
            i += 1
            continue
        v = lx.cardinals.get(wd)
        if v is None:
            flush(i)
            i += 1
            continue
        if v == 100:
            cls = "hundred"
        elif v >= 1000:
            cls = "scale"
        elif wd in ("dozen", "score"):
            cls = "dozen"
        elif v >= 20 and v % 10 == 0:
            cls = "tens"
        elif v >= 10:
            cls = "teen"
        else:
            cls = "unit"
        ok: bool
        if start is None:
            ok = True
        elif cls in ("unit", "teen"):
            ok = prev in ("hundred", "scale", "and") or (prev == "tens" and cls == "unit")
        elif cls == "tens":
            ok = prev in ("hundred", "scale", "and")
        elif cls == "hundred":
            ok = prev in ("unit", "teen", "tens", "a") and cur < 100
        elif cls == "dozen":
            ok = prev in ("unit", "teen", "tens", "a", "hundred")
        else:  # scale
            ok = prev in ("unit", "teen", "tens", "hundred", "a", "and")
            if ok and total and total < v * 1000 and cur == 0:
                ok = False
        if not ok:
            flush(i)
        if start is None:
            start = i
        if cls in ("unit", "teen", "tens"):
            cur += v
        elif cls == "hundred":
            cur = (cur or 1.0) * 100
        elif cls == "dozen":
            cur = (cur or 1.0) * v
        else:
            total += (cur or 1.0) * v
            cur = 0.0
        prev = cls
        i += 1
    flush(n)
    return out


# --------------------------------------------------------------------------- scanning


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and b > s for a, b in spans)


def unit_at(text: str, pos: int, attached: bool, lx: _Lex) -> tuple[str, str, int] | None:
    """A unit of measure (or percent) written at `pos`: (canonical, kind, end)."""
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


def money_word_at(text: str, pos: int, lx: _Lex) -> tuple[str, int] | None:
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


def _prefix_before(text: str, s: int, lx: _Lex) -> tuple[str, int] | None:
    """Currency prefix written right before the digits at s ("$", "US$", "USD 5", "RM79"): (ISO code, start)."""
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


def _is_name_code(text: str, s: int) -> bool:
    """Digits glued to a word or a hyphenated word ("G7", "COVID-19", "last-32")."""
    if s == 0:
        return False
    c = text[s - 1]
    if c.isalpha():
        return True
    if c in "-–" and s >= 2 and text[s - 2].isalpha():
        return not any(text[max(0, s - len(p)):s].lower() == p for p in lex().year_prefixes)
    if c in "#@/\\_":
        return True
    if c == "." and s >= 2 and (text[s - 2].isdigit() or text[s - 2].isalpha()):
        return True
    return False


def scan(text: str, keep_apart=None) -> list[Num]:
    """Numeric expressions of `text`. `keep_apart(pos)`, when given, tells that the number starting at
    `pos` follows a word of change ("rose $2 to $85"): "A to B" is then a change and a level, not a range."""
    lx = lex()
    if not RE_DIGIT_ANY.search(text) and lx.words_any.isdisjoint(RE_LOWER_WORD.findall(text.lower())):
        return []
    nums: list[Num] = []
    blocked: list[tuple[int, int]] = []
    # fractions in digits: "1/2", "3 1/2", "3/4" (not "24/7", "9/11")
    for m in RE_DIGIT_FRACTION.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if not (0 < a < b and b in (2, 3, 4, 5, 8, 10, 16)):
            continue
        whole = float(m.group("w")) if m.group("w") else 0.0
        n = Num(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=whole + a / b)
        if not whole and text[m.end():m.end() + 4].lower() == " of ":
            n.kind, n.of_follows = "fraction", True
        else:
            _after_number(text, n, lx, attached=False)
        nums.append(n)
        blocked.append((n.start, n.end))
    for rx in lx.re_blocked:
        for m in rx.finditer(text):
            blocked.append((m.start(), m.end()))
    # dates
    for rx in lx.re_dates:
        for m in rx.finditer(text):
            if _overlaps(blocked, m.start(), m.end()):
                continue
            gd = m.groupdict()
            d, y = gd.get("d"), gd.get("y")
            if d is not None and not (1 <= int(d) <= 31):
                continue
            val = float(d) if d is not None else float(y)
            nums.append(Num(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=val, kind="date"))
            blocked.append((m.start(), m.end()))

    taken: list[tuple[int, int]] = list(blocked)

    # "tens of thousands of", "hundreds of"
    for m in lx.re_plural_scale.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        b = lx.plural_scales[m.group("b").lower()]
        a = lx.plural_scales[m.group("a").lower()] if m.group("a") else 1.0
        if m.group("a") and a >= b:
            continue
        lo = a * b if m.group("a") else b
        if m.group("b").lower() in ("dozens", "scores"):
            lo, hi = 2 * b, 10 * b
        else:
            hi = lo * 10
        nums.append(Num(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=lo, low=lo, high=hi,
                        spelled=True, of_follows=True, is_range=True))
        taken.append((m.start(), m.end()))

    # fractions: "a third", "two-thirds", "half of"
    for m in lx.re_fraction.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        if m.group("half"):
            val = 0.5
        else:
            n_word = m.group("n").lower()
            d_word = m.group("d").lower()
            num = 1.0 if n_word in ("a", "an") else lx.cardinals.get(n_word)
            if num is None or num > 20:
                continue
            if n_word in ("a", "an", "one") and d_word.endswith("s"):
                continue
            if num > 1 and not d_word.endswith("s") and d_word not in ("half",):
                # "two third" is not a fraction; "the second half" neither
                continue
            val = num / lx.fractions[d_word]
        after = text[m.end():m.end() + 4].lower()
        if not m.group("half") and m.group("n").lower() in ("a", "an", "one") and not after.startswith(" of"):
            continue  # "a fifth consecutive win"
        if m.group("half") and re.match(r"\s+an?\s", text[m.end():]):
            continue  # "half a dozen", "half a million": read with the number words
        fr = Num(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=val, kind="fraction",
                 spelled=True, of_follows=after.startswith(" of"))
        ms = RE_OF_A_SCALE.match(text, m.end())
        ma = RE_OF_A.match(text, m.end())
        if ms:
            fr.value *= lx.cardinals[ms.group(1).lower()]
            fr.kind, fr.of_follows = "count", False
            fr.end = fr.num_end = ms.end()
            _after_number(text, fr, lx, attached=False)
        elif ma:
            u = unit_at(text, ma.end(), False, lx)
            if u:
                fr.num_end = ma.end()
                _set_unit(fr, u)
                fr.of_follows = False
        nums.append(fr)
        taken.append((fr.start, fr.end))

    # ordinals in words
    for m in lx.re_ordinal_words.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        pw = re.search(r"([\w.,]+)\s+$", text[max(0, m.start() - 12):m.start()])
        if pw and m.group(0).lower().startswith("second") and (pw.group(1)[-1:].isdigit() or pw.group(1).lower() in lx.cardinals):
            continue  # "one second", "7 second": a duration
        nums.append(Num(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(),
                        value=lx.ordinals[m.group(0).lower()], kind="ordinal", spelled=True))
        taken.append((m.start(), m.end()))

    # numbers in words
    for m in lx.re_words.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        parts = [(w.group(0), m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"[A-Za-z]+", m.group(0))]
        for val, i, j in parse_words([p[0] for p in parts], lx):
            if val == 0 and parts[i][0].lower() in ("a", "an"):
                continue
            s, e = parts[i][1], parts[j - 1][2]
            if parts[j - 1][0].lower() in ("a", "an", "and"):
                continue
            words = [p[0].lower() for p in parts[i:j]]
            if len(words) == 1 and (words[0] in lx.scale_words or words[0] in ("a", "an")):
                continue  # a bare "million" belongs to digits before it ("2.9 million") or to nothing
            scale = None
            last = words[-1]
            if last in lx.scale_words and len(words) > 1:
                scale = lx.scale_words[last]
            n = Num(start=s, end=e, num_start=s, num_end=e, value=val, spelled=True, scale_word=scale)
            if words[0] in ("a", "an") and re.search(r"(?:^|\W)half\s+$", text[max(0, s - 6):s], re.I):
                n.value *= 0.5  # "half a dozen", "half a million"
                n.start = n.num_start = s - len(re.search(r"half\s+$", text[max(0, s - 6):s], re.I).group(0))
            mh = RE_AND_HALF.match(text, n.num_end)
            if mh:
                n.value += 0.5 * (n.scale_word or 1)
                n.end = n.num_end = mh.end()
            _after_number(text, n, lx, attached=False)
            nums.append(n)
            taken.append((s, n.end))

    # scientific notation: 1.99×10−30, 6.02 x 10^23
    for m in RE_SCI.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        exp = int(m.group("e").replace("−", "-").replace("–", "-"))
        if abs(exp) > 300:
            continue
        n = Num(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=parse_digits(m.group("m")) * 10.0 ** exp)
        _after_number(text, n, lx, attached=False)
        nums.append(n)
        taken.append((n.start, n.end))

    # numbers in digits
    for m in RE_DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if _overlaps(taken, s, e):
            continue
        raw = m.group(0)
        if s > 0 and text[s - 1].isdigit():
            continue
        n = _digit_number(text, s, e, raw, lx)
        if n is None:
            continue
        nums.append(n)
        taken.append((n.start, n.end))

    nums.sort(key=lambda n: n.start)
    nums = _merge_ranges(text, nums, lx, keep_apart)
    for n in nums:
        _bounds(text, n, lx)
    return nums


def _digit_number(text: str, s: int, e: int, raw: str, lx: _Lex) -> Num | None:
    if len(raw.replace(",", "").split(".")[0]) > 15:
        return None  # a code or an identifier, not a quantity
    value = parse_digits(raw)
    start = s
    currency = None
    sign = None
    pre = _prefix_before(text, s, lx)
    if pre:
        currency, start = pre
        if text[start:s].startswith("PS") and re.fullmatch(r"\d", raw) and not RE_ATT_SCALE.match(text, e) \
                and not RE_WORD_SCALE.match(text, e):
            return None  # "PS5": a console, not five pounds
    elif _is_name_code(text, s):
        return None
    elif s and text[s - 1] in "$£€¥₹":
        return None  # a currency symbol glued to a word
    c = text[start - 1] if start else ""
    if c and c in "+-−" and (start < 2 or text[start - 2] in " (\t\n[/"):
        sign = "+" if c == "+" else "-"
        start -= 1
    n = Num(start=start, end=e, num_start=s, num_end=e, value=value, sign=sign)
    if currency:
        n.kind = "money"
        n.unit = currency
    n.plain_int = bool(re.fullmatch(r"\d+", raw))
    pos = e
    # scale: attached ("25k", "2.7m", "$1.762bn") or a word ("5.5 million", "4 hundred")
    m = RE_ATT_SCALE.match(text, pos)
    if m and pos < len(text):
        tok = m.group(0)
        mult = lx.attached_scales.get(tok)
        if mult is not None:
            use = True
            if tok in ("m", "M", "b", "B") and not currency:
                # metres / bytes unless a money or counting context says million/billion
                nxt = re.match(r"\s*([\w(]+)", text[m.end():])
                word = nxt.group(1).lower() if nxt else ""
                end_ch = text[m.end():m.end() + 1]
                if tok in ("b", "B"):
                    use = False
                elif end_ch in ("(", "-", "/") or not word or word in lx.metre_context or word.startswith("("):
                    use = False
                elif end_ch in (".", ",", ";", ")"):
                    use = False
            if tok == "K" and not currency and n.plain_int and n.value < 20:
                return None  # "4K video", "8K TV": a name, not four thousand
            if use:
                n.value *= mult
                n.scale_word = mult
                n.plain_int = False
                n.m_ambiguous = tok in ("m", "M") and not currency
                pos = m.end()
    if n.scale_word is None:
        m = RE_WORD_SCALE.match(text, pos)
        if m:
            word = m.group(0).strip(" -\t").lower()
            mult = lx.scale_words.get(word)
            if mult:
                n.value *= mult
                n.scale_word = mult
                n.plain_int = False
                pos = m.end()
    if pos < len(text) and text[pos] in lx.unicode_fractions and n.plain_int:
        n.value += lx.unicode_fractions[text[pos]]
        n.plain_int = False
        pos += 1
    mh = RE_AND_HALF.match(text, pos)
    if mh and n.scale_word is None:
        n.value += 0.5
        n.plain_int = False
        pos = mh.end()
    n.num_end = pos
    n.end = pos
    # ordinals "22nd", decades "1990s", glued suffixes
    if pos < len(text) and text[pos].isalpha():
        mo = RE_ORD_SUFFIX.match(text, pos)
        if mo and n.plain_int and n.scale_word is None and not currency and mo.group(0) == _ordinal_suffix(int(n.value)):
            n.kind = "ordinal"
            n.end = n.num_end = mo.end()
            return n
        if text[pos] == "s" and (pos + 1 >= len(text) or not text[pos + 1].isalpha()) and n.plain_int:
            if len(raw) == 4:
                n.kind = "year"
                n.end = n.num_end = pos + 1
                return n
            if raw.endswith("0") and len(raw) == 2:
                return None  # "in their 20s"
        if not _after_number(text, n, lx, attached=True):
            # glued letters that are neither a scale, a unit nor a currency: "5G", "3D", "9AB"
            return None
        return n
    _after_number(text, n, lx, attached=False)
    return n


def _after_number(text: str, n: Num, lx: _Lex, attached: bool) -> bool:
    """Read what follows the number: currency word/code, unit of measure, percent. Returns False when
    glued letters could not be read."""
    pos = n.num_end
    if attached:
        u = unit_at(text, pos, True, lx)
        if u and (u[2] >= len(text) or not text[u[2]].isalnum()):
            _set_unit(n, u)
            return True
        if text[pos] in "pc" and (pos + 1 >= len(text) or not text[pos + 1].isalpha()) and not n.unit:
            # pence / cents glued: "118.5p"
            # prices in pence are quoted in pence (GBX, as markets do); cents become dollars
            n.kind = "money"
            if text[pos] == "p":
                n.unit = "GBX"
            else:
                n.unit = "USD"
                n.value /= 100.0
            n.end = pos + 1
            return True
        mw = money_word_at(text, pos, lx)
        if mw:
            _set_money_word(n, mw, text)
            return True
        return False
    m = RE_SPACE.match(text, pos)
    p2 = m.end() if m else pos
    hy = p2 < len(text) and text[p2] in "-–" and p2 == pos
    if hy:
        p2 += 1
    if p2 >= len(text):
        return True
    if n.kind != "money":
        u = unit_at(text, p2, False, lx)
        if u:
            # "40 yard line", "2.4-liter", "50 year-old", "5 per cent"
            _set_unit(n, u)
            # a currency word can still follow a percent-less unit? no: done
            return True
    mw = money_word_at(text, p2, lx)
    if mw and (not hy or n.kind != "money"):
        if n.kind == "money":
            # "$7.5 million US"? only ISO codes override the prefix ("$1.1396 EUR=")
            if mw[0] != n.unit and text[p2:mw[1]].rstrip("=").isupper():
                n.unit = mw[0]
                n.end = mw[1]
            return True
        _set_money_word(n, mw, text)
    return True


def _set_unit(n: Num, u: tuple[str, str, int]) -> None:
    canon, kind, end = u
    n.unit = canon
    n.kind = kind
    n.end = end
    n.plain_int = False


def _set_money_word(n: Num, mw: tuple[str, int], text: str) -> None:
    code, end = mw
    word = text[n.num_end:end].strip().lower()
    if code in ("GBP",) and word in ("pound", "pounds"):
        # weight, not sterling, when the sentence talks of weighing or "pounds of X"
        low = text.lower()
        if "weigh" in low or re.match(r"\s+of\s+(?!sterling)", text[end:]) or "lb" in low:
            n.kind = "quantity"
            n.unit = "pound"
            n.end = end
            n.plain_int = False
            return
    if "/" in code:
        code, div = code.split("/")
        n.value /= float(div)
    n.kind = "money"
    n.unit = code
    n.end = end
    n.plain_int = False


RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|-to-|through|thru)\s*", re.I)


def _compatible(a: Num, b: Num) -> bool:
    if a.kind in ("date", "ordinal", "year", "fraction") or b.kind in ("date", "ordinal", "year", "fraction"):
        return False
    if a.is_range or b.is_range:
        return False
    if a.unit is None and a.kind == "count":
        return True
    return a.unit == b.unit and a.kind == b.kind


def _yearlike(text: str, n: Num) -> bool:
    return n.plain_int and len(text[n.num_start:n.num_end]) == 4 and 1000 <= n.value <= 2100 and n.kind == "count"


def _merge_ranges(text: str, nums: list[Num], lx: _Lex, keep_apart=None) -> list[Num]:
    out: list[Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums):
            b = nums[i + 1]
            gap = text[a.end:b.start]
            m = RANGE_SEP.fullmatch(gap)
            between = re.search(r"(?:^|\W)between\s+$", text[max(0, a.start - 9):a.start], re.I)
            from_ = re.search(r"(?:^|\W)from\s+$", text[max(0, a.start - 6):a.start], re.I)
            is_and = re.fullmatch(r"\s+and\s+", gap) is not None and between is not None
            dash = m is not None and m.group(0).strip() in ("-", "–", "—")
            if (m or is_and) and _compatible(a, b):
                ok = True
                if m and not dash and not between and not from_ and keep_apart is not None and keep_apart(a.start):
                    ok = False
                if dash:
                    # "2014-15" is a season; "9-2" a score or a range; no spaces around a dash range only
                    if a.plain_int and len(text[a.num_start:a.num_end]) == 4 and 1000 <= a.value <= 2100:
                        ok = False
                        if re.fullmatch(r"\d{2}|\d{4}", text[b.num_start:b.num_end]):
                            yr = Num(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end,
                                     value=a.value, kind="year")
                            out.append(yr)
                            i += 2
                            continue
                    if b.sign == "-":
                        b.sign = None
                    if a.plain_int and b.plain_int and a.kind == b.kind == "count" and a.unit is None and b.value <= a.value <= 200:
                        # "22-6", "3-2", "1-1": a score, not a range (a range goes up)
                        i += 2
                        continue
                if ok and a.spelled != b.spelled and a.value > b.value and not a.scale_word:
                    ok = False
                if ok:
                    lo, hi = a.value, b.value
                    if a.scale_word is None and b.scale_word and lo * b.scale_word <= hi * 1.0001 and lo < b.scale_word:
                        lo *= b.scale_word
                    elif a.kind == "count" and a.unit is None and b.kind == "money" and a.start == a.num_start:
                        pass
                    r = Num(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=min(lo, hi),
                            low=min(lo, hi), high=max(lo, hi), kind=b.kind, unit=b.unit, spelled=a.spelled and b.spelled,
                            scale_word=b.scale_word, is_range=True, of_follows=b.of_follows)
                    r.plain_int = a.plain_int and b.plain_int and _yearlike(text, a) and _yearlike(text, b)
                    if between or (from_ and not dash):
                        word = between or from_
                        r.rel_start = a.start - len(word.group(0).lstrip())
                    out.append(r)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _bounds(text: str, n: Num, lx: _Lex) -> None:
    """Relation cue before ("around", "more than") or after ("or more") the number; sign; minus."""
    left = text[max(0, n.start - 24):n.start]
    if n.rel_start is None:
        m = lx.re_rel_before.search(left)
        if m:
            cue = m.group(0).strip().lower()
            for p, r in lx.rel_before:
                if cue == p:
                    n.rel = r
                    break
            n.rel_start = n.start - len(left) + m.start()
        mm = re.search(r"(?:^|(?<=\W))minus\s+$", left, re.I)
        if mm and n.kind != "money":
            n.value = -n.value
            n.rel_start = n.start - len(left) + mm.start()
            left2 = text[max(0, n.rel_start - 24):n.rel_start]
            m2 = lx.re_rel_before.search(left2)
            if m2:
                cue = m2.group(0).strip().lower()
                n.rel = next((r for p, r in lx.rel_before if p == cue), n.rel)
                n.rel_start = n.rel_start - len(left2) + m2.start()
    right = text[n.end:n.end + 16]
    m = lx.re_rel_after.match(right)
    if m and n.kind not in ("date", "year", "ordinal"):
        cue = m.group(0).strip().lower()
        for p, r in lx.rel_after:
            if cue == p.strip():
                if cue in ("plus",) and re.match(r"\s*plus\s+\w", right) and not right.lstrip().startswith("plus,"):
                    # "5 plus 3": an addition, not a bound
                    break
                n.rel = r
                break
    if n.sign == "-" and n.kind not in ("date", "year", "ordinal"):
        n.value = -n.value
        if n.low is not None:
            n.low, n.high = -n.high, -n.low  # type: ignore[operator]
