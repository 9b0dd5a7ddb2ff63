"""The number scanner: every number of a sentence, written in digits or in words, as a `Candidate`.

`scan(text)` returns the candidates of one sentence (offsets relative to the text given): the
value with its scale ("$800 million" -> 8e8), ranges ("10-12", "between 100 and 200", "four to
five thousand", `ranges`), the bound cue ("around", "more than", "or more", `bounds`), and the
form of the expression (a number, date, ordinal, year or fraction). Clock times, phone numbers,
addresses, versions and numbers glued to words ("G7", "COVID-19", "S23") are recognised so that
they are not taken as quantities.

The unit or currency written beside a number is read for the scanner by `units` (its extent is
part of the candidate's span), and is only evidence: `units.decide` settles the unit and kind of
a fact with the parse. Everything here is string work over patterns built once (`lexicon`).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.extract.facts import bounds, ranges, units
from tasks.extract.facts.lexicon import NumberLex, lex
from tasks.extract.facts.records import Candidate
from tasks.extract.facts.spelled import parse_words

Spans = list[tuple[int, int]]

RE_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+")
# thousands split by a space in tokenised text ("65, 000"): the groups after the first are 3 digits and
# the last starts with 0, which no number of a list does ("in 2019, 300 people" stays two numbers)
RE_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:,\s\d{3})*,\s0\d{2}(?![\d,.]\d|\d)")
RE_SPACED_SCALE = re.compile(r" (B|M|bn|mn)(?= [a-z]{3,}(?<!\bin)(?<!\bof)(?<!\bto)(?<!\bfor)(?<!\bper)\b)")
RE_BY_DIMENSION = re.compile(r"\d-by-$")  # "12-by-10-foot"
RE_TO_RANGE = re.compile(r"(?<![\w.])\d+-to-$")  # "18-to-24-year-olds": the top of an age band
RE_YEAR_OLDS = re.compile(r"\d+[- ]years?[- ]olds?\b", re.I)
RE_MULTIPLIER = re.compile(r"[x×](?![\w\d])")
RE_SCI = re.compile(r"(?<![\w.])(?:(?P<m>\d+(?:\.\d+)?)\s?[×x*]\s?)?10\s?(?:\^\(?(?P<e>[-−–]?\d{1,3})\)?|(?P<e2>[-−–]\d{1,3}))(?![\d])")
RE_ATT_SCALE = re.compile(r"(?:bn|mn|tn|trn|mln|bln|[kKmMbB])(?![A-Za-z])")
RE_WORD_SCALE = re.compile(r"[\s-]?(?:hundred|thousand|million|billion|trillion|bn|mn|tn|mln|bln|crores?|lakhs?)(?![A-Za-z])", re.I)
RE_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])")
RE_WHOLE_DIGITS = re.compile(r"\d+|\d{1,3}(?:,\d{3})+")  # an integer as written, thousands marked or not ("1,001st")
RE_DIGIT_ANY = re.compile(r"[\d½⅓⅔¼¾⅕⅛]")
RE_LOWER_WORD = re.compile(r"[a-z]+")
RE_BY_BEFORE = re.compile(r"(?<![\w-])by\s+$", re.I)  # "fell by a third", "cut by half": a change
RE_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][\w-]*)")
RE_DIGIT_FRACTION = re.compile(r"(?<![\w./,])(?:(?P<w>\d+)\s+)?(?P<a>\d)/(?P<b>\d{1,2})(?![\w/])")
RE_AND_HALF = re.compile(r"(?:\s+and\s+a\s+half|-and-a-half)(?![\w])", re.I)
RE_OF_A_SCALE = re.compile(r"\s+of\s+(?:a|an|one)\s+(hundred|thousand|million|billion|trillion|dozen)(?![\w])", re.I)
RE_OF_A = re.compile(r"\s+of\s+(?:a|an|one)\s+", re.I)
RE_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")  # the word right before a position (searched up to it)
RE_HALF_A = re.compile(r"\s+an?\s+", re.I)


def parse_digits(s: str) -> float:
    return float(s.replace(",", "").replace(" ", ""))


def _ordinal_suffix(v: int) -> str:
    if 10 <= v % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(v % 10, "th")


def _overlaps(spans: Spans, s: int, e: int) -> bool:
    return any(a < e and b > s for a, b in spans)


def scan(text: str, keep_apart: Callable[[int], bool] | None = None) -> list[Candidate]:
    """Numeric expressions of `text`. `keep_apart(pos)`, when given, tells that the number starting at
    `pos` follows a word of change ("rose $2 to $85"): "A to B" is then a change and a level, not a range."""
    lx = lex()
    if not RE_DIGIT_ANY.search(text) and lx.words_any.isdisjoint(RE_LOWER_WORD.findall(text.lower())):
        return []
    nums = _digit_fractions(text)
    blocked: Spans = [(n.start, n.end) for n in nums]
    for rx in lx.re_blocked:
        blocked.extend((m.start(), m.end()) for m in rx.finditer(text))
    nums += _dates(text, lx, blocked)
    taken: Spans = list(blocked)
    for read in (_plural_scales, _word_fractions, _ratios, _multiplier_words, _ordinal_words, _word_numbers, _scientific,
                 _digit_numbers):
        nums += read(text, lx, taken)
    nums.sort(key=lambda n: n.start)
    nums = ranges.merge(text, nums, keep_apart)
    for n in nums:
        bounds.read_cues(text, n)
    return nums


# --------------------------------------------------------------------------- the passes, in order
# Each pass skips what an earlier one took and adds the spans it takes to `taken`.


def _digit_fractions(text: str) -> list[Candidate]:
    """"1/2", "3 1/2", "3/4 of" (not "24/7", "9/11")."""
    out = []
    for m in RE_DIGIT_FRACTION.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if not (0 < a < b and b in (2, 3, 4, 5, 8, 10, 16)):
            continue
        whole = float(m.group("w")) if m.group("w") else 0.0
        n = Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=whole + a / b)
        if not whole and text[m.end():m.end() + 4].lower() == " of ":
            n.form, n.of_follows = "fraction", True
        else:
            units.read_after(text, n, attached=False)
        out.append(n)
    return out


def _dates(text: str, lx: NumberLex, blocked: Spans) -> list[Candidate]:
    """"12 March 2022", "september 8", "March 2022": the value is the day (else the year)."""
    out = []
    for rx in lx.re_dates:
        for m in rx.finditer(text):
            if _overlaps(blocked, m.start(), m.end()):
                continue
            gd = m.groupdict()
            d, y = gd.get("d"), gd.get("y")
            if d is not None and not (1 <= int(d) <= 31):
                continue
            val = float(d) if d is not None else float(y)
            out.append(Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=val, form="date"))
            blocked.append((m.start(), m.end()))
    return out


def _plural_scales(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """"tens of thousands of", "hundreds of", "dozens of": a range of one order of magnitude."""
    out = []
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
        quoted = m.start() > 0 and text[m.start() - 1] in "\"“‘'" and text[m.end():m.end() + 1] in ("\"", "”", "’", "'")
        start = m.start() - 1 if quoted else m.start()  # '"hundreds of millions" of pounds': the marks stay paired
        out.append(Candidate(start=start, end=m.end(), num_start=m.start(), num_end=m.end(), value=lo, low=lo, high=hi,
                             spelled=True, of_follows=True, is_range=True))
        taken.append((m.start(), m.end()))
    return out


def _word_fractions(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """"a third of", "two-thirds", "half of", "a quarter of a million", "a quarter of a percentage point"."""
    out = []
    for m in lx.re_fraction.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        fr = _word_fraction(text, lx, m)
        if fr is None:
            continue
        ms = RE_OF_A_SCALE.match(text, m.end())
        ma = RE_OF_A.match(text, m.end())
        if ms:
            fr.value *= lx.cardinals[ms.group(1).lower()]
            fr.form, fr.of_follows = "number", False
            fr.end = fr.num_end = ms.end()
            units.read_after(text, fr, attached=False)
        elif ma and units.read_unit_at(text, ma.end(), fr):
            fr.num_end = ma.end()
            fr.of_follows = False
        out.append(fr)
        taken.append((fr.start, fr.end))
    return out


def _word_fraction(text: str, lx: NumberLex, m: re.Match) -> Candidate | None:
    """The fraction matched by `m`, or None when the words are not one ("the second half", "a fifth consecutive win")."""
    share = False
    if m.group("half") or m.group("by_half"):
        before = RE_WORD_BEFORE.search(text[max(0, m.start() - 24):m.start()])
        if m.group("half") and before is not None and before.group(1).lower() in lx.half_parts:
            return None  # "the second half of 2004", "the other half": a part, not a share
        val = 0.5
    else:
        n_word = m.group("n").lower()
        d_word = m.group("d").lower()
        num = 1.0 if n_word in ("a", "an") else lx.cardinals.get(n_word)
        if num is None or num > 20:
            return None
        if n_word in ("a", "an", "one") and d_word.endswith("s"):
            return None
        share = lx.re_share_noun.match(text, m.end()) is not None  # "a one-fifth stake", "a three-quarter share"
        if num > 1 and not d_word.endswith("s") and d_word not in ("half",) and not share:
            # "two third" is not a fraction; "the second half" neither
            return None
        val = num / lx.fractions[d_word]
    fr = Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=val, form="fraction", spelled=True)
    if share:
        fr.proportion = True
        return fr
    if m.group("by_half"):
        fr.proportion = _ends_phrase(text, m.end())
        return fr if fr.proportion else None  # "cut by half"; not "by half measures"
    of = text[m.end():m.end() + 4].lower().startswith(" of")
    by = RE_BY_BEFORE.search(text[max(0, m.start() - 8):m.start()]) is not None and _ends_phrase(text, m.end())
    if not m.group("half") and m.group("n").lower() in ("a", "an", "one") and not of and not by:
        return None  # "a fifth consecutive win"
    half_a = RE_HALF_A.match(text, m.end()) if m.group("half") else None
    if half_a is not None:
        if units.read_unit_at(text, half_a.end(), fr):  # "half a mile", "half a percentage point"
            fr.num_end = half_a.end()
            return fr
        return None  # "half a dozen", "half a million": read with the number words; "half a chance": none
    fr.of_follows = of or bool(m.group("half"))  # "half the staff"
    fr.proportion = by and not of
    return fr


def _ends_phrase(text: str, pos: int) -> bool:
    """Whether the words before `pos` end a phrase: punctuation or the end follows, or a function
    word ("fell by a third last year", "by half in 2020"; not "by a third party")."""
    m = RE_NEXT_WORD.match(text, pos)
    return m is None or m.group(1).lower() in STOP_WORDS


def _ratios(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """"one in four", "1 in 5", "one in every five", "two out of three": a fraction of what follows."""
    out = []
    for m in lx.re_ratio.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        a, b = (_small_number(m.group(g), lx) for g in ("a", "b"))
        if a is None or b is None or not 0 < a < b:
            continue
        out.append(Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=a / b,
                             spelled=not m.group("a")[0].isdigit()))
        taken.append((m.start(), m.end()))
    return out


def _small_number(word: str, lx: NumberLex) -> float | None:
    return float(word) if word.isdigit() else lx.cardinals.get(word.lower())


def _multiplier_words(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """"fivefold", "tenfold", "a hundredfold": how many times."""
    out = []
    for m in lx.re_multiplier.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        out.append(Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(),
                             value=lx.cardinals[m.group("n").lower()], spelled=True, multiplier=True))
        taken.append((m.start(), m.end()))
    return out


def _ordinal_words(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """"third", "twenty-second" (not "one second", "7 second", "per second": durations)."""
    out = []
    for m in lx.re_ordinal_words.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        pw = re.search(r"([\w.,]+)\s+$", text[max(0, m.start() - 12):m.start()])
        if pw and m.group(0).lower().startswith("second") and (pw.group(1)[-1:].isdigit() or pw.group(1).lower() in lx.cardinals
                                                              or pw.group(1).lower() == "per"):
            continue  # "one second", "7 second", "per second": a duration
        out.append(Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(),
                             value=lx.ordinals[m.group(0).lower()], form="ordinal", spelled=True))
        taken.append((m.start(), m.end()))
    return out


def _word_numbers(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """Numbers in words: "two hundred and fifty", "a dozen", "half a million", "two and a half"."""
    out = []
    for m in lx.re_words.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        parts = [(w.group(0), m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"[A-Za-z]+", m.group(0))]
        for val, i, j in parse_words([p[0] for p in parts], lx):
            n = _word_number(text, lx, parts[i:j], val)
            if n is None:
                continue
            out.append(n)
            taken.append((parts[i][1], n.end))
    return out


def _word_number(text: str, lx: NumberLex, parts: list[tuple[str, int, int]], val: float) -> Candidate | None:
    """One number of a run of number words (`parts`: word, start, end), or None for a bare "a" or scale."""
    if val == 0 and parts[0][0].lower() in ("a", "an"):
        return None
    s, e = parts[0][1], parts[-1][2]
    if parts[-1][0].lower() in ("a", "an", "and"):
        return None
    words = [p[0].lower() for p in parts]
    if len(words) == 1 and (words[0] in lx.scale_words or words[0] in ("a", "an")):
        return None  # a bare "million" belongs to digits before it ("2.9 million") or to nothing
    if words[0] in lx.scale_words and re.search(r"\d[ -]$", text[max(0, s - 2):s]):
        return None  # "3 hundred thousand": the scale words belong to the digits
    scale = lx.scale_words[words[-1]] if words[-1] in lx.scale_words and len(words) > 1 else None
    n = Candidate(start=s, end=e, num_start=s, num_end=e, value=val, spelled=True, scale_word=scale)
    half = re.search(r"half\s+$", text[max(0, s - 6):s], re.I)
    if words[0] in ("a", "an") and re.search(r"(?:^|\W)half\s+$", text[max(0, s - 6):s], re.I):
        n.value *= 0.5  # "half a dozen", "half a million"
        n.start = n.num_start = s - len(half.group(0))
    mh = RE_AND_HALF.match(text, n.num_end)
    if mh:
        n.value += 0.5 * (n.scale_word or 1)
        n.end = n.num_end = mh.end()
    units.read_after(text, n, attached=False)
    return n


def _scientific(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """Scientific notation: "1.99×10−30", "6.02 x 10^23", "10^6", "10^(-25)" (not "10-15": a range)."""
    out = []
    for m in RE_SCI.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        if m.group("m") is None and m.group("e") is None:
            continue  # "10-15", "10 -3": a range or a score, not ten to a power
        exp = int((m.group("e") or m.group("e2")).replace("−", "-").replace("–", "-"))
        if abs(exp) > 300:
            continue
        n = Candidate(start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(), value=parse_digits(m.group("m") or "1") * 10.0 ** exp)
        units.read_after(text, n, attached=False)
        out.append(n)
        taken.append((n.start, n.end))
    return out


def _digit_numbers(text: str, lx: NumberLex, taken: Spans) -> list[Candidate]:
    """Numbers in digits, with their currency, scale, fraction, suffix and unit."""
    out = []
    for m in RE_DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if _overlaps(taken, s, e):
            continue
        if s > 0 and text[s - 1].isdigit():
            continue
        sp = RE_SPACED_THOUSANDS.match(text, s)
        raw = sp.group(0) if sp else m.group(0)
        e = sp.end() if sp else e
        n = _digit_number(text, s, e, raw, lx)
        if n is None:
            continue
        out.append(n)
        taken.append((n.start, n.end))
    return out


# --------------------------------------------------------------------------- one number in digits


def _digit_number(text: str, s: int, e: int, raw: str, lx: NumberLex) -> Candidate | None:
    if len(raw.replace(",", "").split(".")[0]) > 15:
        return None  # a code or an identifier, not a quantity
    opening = _opening(text, s, e, raw)
    if opening is None:
        return None
    start, currency, sign = opening
    n = Candidate(start=start, end=e, num_start=s, num_end=e, value=parse_digits(raw), sign=sign)
    if currency:
        units.set_currency(n, currency, text[start:s].strip("+-−"))
    n.plain_int = bool(re.fullmatch(r"\d+", raw))
    if RE_MULTIPLIER.match(text, e):  # "3x", "10×": a multiplier
        n.multiplier = True
        n.end = n.num_end = e + 1
        return n
    pos = _scale(text, n, e, currency, lx)
    if pos is None:
        return None
    pos = _fraction_part(text, n, pos, lx)
    n.num_end = n.end = pos
    if pos < len(text) and text[pos].isalpha():
        return _glued_suffix(text, n, raw, currency, pos)
    units.read_after(text, n, attached=False)
    return n


def _opening(text: str, s: int, e: int, raw: str) -> tuple[int, str | None, str | None] | None:
    """What is written before the digits: (start, currency, sign), or None when the digits are part
    of a name or code ("G7", "COVID-19", "PS5")."""
    start = s
    currency = sign = None
    pre = units.currency_before(text, s)
    if pre is None and s >= 2 and text[s - 1] in "-−" and text[s - 2] in "$£€¥":
        pre = units.currency_before(text, s - 1)  # "$-3.2bn": the sign after the currency
        if pre:
            currency, start = pre
            return start, currency, "-"
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
    return start, currency, sign


def _is_name_code(text: str, s: int) -> bool:
    """Digits glued to a word or a hyphenated word ("G7", "COVID-19", "last-32")."""
    if s == 0:
        return False
    c = text[s - 1]
    if c in "x×" and s >= 2 and text[s - 2].isdigit():
        return False  # "1920x1080": the other side of a dimension
    if c.isalpha():
        return True
    if c in "-–" and s >= 2 and text[s - 2].isalpha():
        if RE_BY_DIMENSION.search(text, max(0, s - 8), s):
            return False  # "a 12-by-10-foot shed": the other side of a dimension
        if RE_TO_RANGE.search(text, max(0, s - 8), s) and RE_YEAR_OLDS.match(text, s):
            return False  # "18-to-24-year-olds": the top of an age band (not "won 3-to-1", "the A1-to-2 route")
        return not any(text[max(0, s - len(p)):s].lower() == p for p in lex().year_prefixes)
    if c in "#@/\\_":
        return True
    if c == "." and s >= 2 and (text[s - 2].isdigit() or text[s - 2].isalpha()):
        return True
    return False


def _scale(text: str, n: Candidate, pos: int, currency: str | None, lx: NumberLex) -> int | None:
    """The scale after the digits, attached ("25k", "2.7m", "$1.762bn") or a word ("5.5 million",
    "4 hundred"), applied to `n`: returns where the number goes on, or None for "4K video"."""
    m = RE_ATT_SCALE.match(text, pos)
    if m and pos < len(text):
        tok = m.group(0)
        mult = lx.attached_scales.get(tok)
        if mult is not None:
            use = bool(currency) or tok not in ("m", "M", "b", "B") or units.letter_is_scale(text, m.end(), tok)
            if tok == "K" and not currency and n.plain_int and n.value < 20:
                return None  # "4K video", "8K TV": a name, not four thousand
            if use:
                n.value *= mult
                n.scale_word = mult
                n.plain_int = False
                n.m_ambiguous = tok in ("m", "M") and not currency
                pos = m.end()
    if n.scale_word is None:
        m = RE_SPACED_SCALE.match(text, pos)
        if m and not currency:  # "2 B users", "40 M subscribers": a scale letter before a countable noun
            n.value *= lx.attached_scales[m.group(1)]
            n.scale_word = lx.attached_scales[m.group(1)]
            n.plain_int = False
            return m.end(1)
        while True:  # "5.5 million", "3 hundred thousand"
            m = RE_WORD_SCALE.match(text, pos)
            mult = lx.scale_words.get(m.group(0).strip(" -\t").lower()) if m else None
            if not mult or (n.scale_word and mult <= n.scale_word):
                break
            n.value *= mult
            n.scale_word = mult * (n.scale_word or 1)
            n.plain_int = False
            pos = m.end()
    return pos


def _fraction_part(text: str, n: Candidate, pos: int, lx: NumberLex) -> int:
    """"2½", "3 and a half": added to `n`; returns where the number goes on."""
    if pos < len(text) and text[pos] in lx.unicode_fractions and n.plain_int:
        n.value += lx.unicode_fractions[text[pos]]
        n.plain_int = False
        pos += 1
    mh = RE_AND_HALF.match(text, pos)
    if mh and n.scale_word is None:
        n.value += 0.5
        n.plain_int = False
        pos = mh.end()
    return pos


def _glued_suffix(text: str, n: Candidate, raw: str, currency: str | None, pos: int) -> Candidate | None:
    """Letters touching the digits: an ordinal ("22nd", "1,001st"), a decade ("1990s"), a unit or currency
    ("5km", "118.5p"); None for anything else ("5G", "3D", "in their 20s")."""
    mo = RE_ORD_SUFFIX.match(text, pos)
    if mo and RE_WHOLE_DIGITS.fullmatch(raw) and n.scale_word is None and not currency and mo.group(0) == _ordinal_suffix(int(n.value)):
        n.form = "ordinal"
        n.end = n.num_end = mo.end()
        return n
    if text[pos] in "x×" and text[pos + 1:pos + 2].isdigit():
        return n  # "1920x1080": one side of a dimension (the unit after the other side is shared)
    if text[pos] == "s" and (pos + 1 >= len(text) or not text[pos + 1].isalpha()) and n.plain_int:
        if len(raw) == 4:
            n.form = "year"
            n.end = n.num_end = pos + 1
            return n
        if raw.endswith("0") and len(raw) == 2:
            return None  # "in their 20s"
    if not units.read_after(text, n, attached=True):
        return None  # glued letters that are neither a scale, a unit nor a currency: "5G", "3D", "9AB"
    return n
