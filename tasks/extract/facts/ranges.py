"""Two numbers that make one: ranges ("10-12", "between 100 and 200", "from 5 to 7 per cent",
"four to five thousand"), seasons ("2014-15": a year), scores ("22-6": no fact at all).

Called by the scanner on its candidates in text order. A range is read with the unit written
after its second number ("10-12 engineers", "$370,000 to $5.5 million"), or with the currency written
before its first ("$10-25m").
"""
from __future__ import annotations

import re
from collections.abc import Callable

from tasks.extract.facts import bounds
from tasks.extract.facts.lexicon import lex
from tasks.extract.facts.records import Candidate

RANGE_SEP = re.compile(r"\s*(?:-\s+to|-|–|—|to|-to-|through|thru)\s*", re.I)  # ("18- to 24-year-olds")
FROM_UP_TO = re.compile(r"\s+(?:up\s+)?to\s+", re.I)  # "from 450 sq ft up to 900 sq ft": after "from" only
_NOT_IN_RANGES = ("date", "ordinal", "year", "fraction")
# After "rose by", "A to B" is a change and the level it reached when B is more than this many
# times A ("grew by 1.4 million to 44.9 million"); closer, a range of the change ("by 2 to 3%").
CHANGE_THEN_LEVEL = 3.0


def merge(text: str, nums: list[Candidate], keep_apart: Callable[[int], bool] | None = None) -> list[Candidate]:
    """The candidates with each pair that makes a range (or a season) replaced by one candidate, and
    each score dropped. `keep_apart(pos)`: the number at pos follows a word of change, so "A to B"
    is a change and a level ("rose $2 to $85")."""
    out: list[Candidate] = []
    i = 0
    while i < len(nums):
        joined = _join(text, nums[i], nums[i + 1], keep_apart) if i + 1 < len(nums) else None
        if joined is None:
            out.append(nums[i])
            i += 1
        else:
            out.extend(joined)
            i += 2
    return out


def _compatible(a: Candidate, b: Candidate, dash: bool) -> bool:
    if a.kind in _NOT_IN_RANGES or b.kind in _NOT_IN_RANGES:
        return False
    if a.is_range or b.is_range:
        return False
    if a.unit is None and a.kind == "count":
        return True
    if _money_before(a, b):
        return dash and (a.scale_word is None or b.scale_word is not None)  # "$10-25m"; not "£808m to 8,177 cases"
    return a.unit == b.unit and a.kind == b.kind


def _money_before(a: Candidate, b: Candidate) -> bool:
    """"$10-25m", "£5-6bn": the currency written once, before the first number, and nothing after the second."""
    return a.kind == "money" and a.start < a.num_start and b.unit is None and b.kind == "count"


def _yearlike(text: str, n: Candidate) -> bool:
    return n.plain_int and len(text[n.num_start:n.num_end]) == 4 and 1000 <= n.value <= 2100 and n.kind == "count"


def _join(text: str, a: Candidate, b: Candidate, keep_apart: Callable[[int], bool] | None) -> list[Candidate] | None:
    """What a and b make together: [range], [season], [] for a score; None if they stay apart."""
    gap = text[a.end:b.start]
    from_ = re.search(r"(?:^|\W)from\s+$", text[max(0, a.start - 6):a.start], re.I)
    m = RANGE_SEP.fullmatch(gap) or (FROM_UP_TO.fullmatch(gap) if from_ else None)
    between = re.search(r"(?:^|\W)between\s+$", text[max(0, a.start - 9):a.start], re.I)
    is_and = re.fullmatch(r"\s+and\s+", gap) is not None and between is not None
    dash = m is not None and m.group(0).strip() in ("-", "–", "—")
    if not (m or is_and) or not _compatible(a, b, dash):
        return None
    if not dash and _yearlike(text, a) != _yearlike(text, b):
        return None  # "from 2018 to 3,400": a year then a number, not a range
    ok = True
    if m and not dash and not between and not from_ and keep_apart is not None:
        cue = _cue_start(text, a)
        by = re.search(r"(?:^|\W)by\s+$", text[max(0, cue - 4):cue], re.I)
        if keep_apart(cue) and (by is None or b.value > CHANGE_THEN_LEVEL * a.value):
            ok = False  # "rose $2 to $85"; "rose by 12 to 312" (but "could rise by 5 to 10 percent": a range)
    if dash:
        # "2014-15" is a season; "9-2" a score or a range; no spaces around a dash range only
        if a.plain_int and len(text[a.num_start:a.num_end]) == 4 and 1000 <= a.value <= 2100:
            ok = False
            if re.fullmatch(r"\d{2}|\d{4}", text[b.num_start:b.num_end]):
                return [Candidate(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=a.value, form="year")]
        if b.sign == "-":
            b.sign = None
        if a.plain_int and b.plain_int and a.kind == b.kind == "count" and a.unit is None and a.value <= 200 \
                and (b.value <= a.value or _score_word_near(text, a.start, b.end) or _beside_a_score(text, a.start, b.end)):
            return []  # "22-6", "3-2", "1-1", "a 1-3 defeat", "6-4 5-7 6-3": a score, not a range (a range goes up)
    if ok and a.spelled != b.spelled and a.value > b.value and not a.scale_word:
        ok = False
    if ok and not from_ and a.value > b.value:
        ok = False  # "won the district 68%-31%", "$64.8m to $45.1m", "a ratio of four to one": a range goes up
    if not ok:
        return None
    word = between or (from_ if not dash else None)
    return [_range(text, a, b, word)]


def _cue_start(text: str, a: Candidate) -> int:
    """Where a's words start, a bound before it included ("lost more than $2 to $43": the change word
    is before "more than")."""
    m = bounds.bound_before(text, a.start)
    return a.start - min(a.start, bounds.BOUND_WINDOW) + m.start() if m else a.start


def _score_word_near(text: str, start: int, end: int) -> bool:
    """A word of a result within two words before or after "A-B" ("won 2-0", "a 1-3 defeat")."""
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 24):start])[-2:] + re.findall(r"[A-Za-z]+", text[end:end + 24])[:2]
    return any(w.lower() in lex().score_words for w in words)


SCORE_AFTER = re.compile(r"\s+\(?\d{1,2}-\d{1,2}\b")
SCORE_BEFORE = re.compile(r"\b\d{1,2}-\d{1,2}\)?\s+$")


def _beside_a_score(text: str, start: int, end: int) -> bool:
    """Another "A-B" right before or after: the sets of a tennis match ("6-4 5-7 6-3", "7-6 (7-4)")."""
    return SCORE_AFTER.match(text, end) is not None or SCORE_BEFORE.search(text, max(0, start - 8), start) is not None


def _range(text: str, a: Candidate, b: Candidate, word: re.Match | None) -> Candidate:
    lo, hi = a.value, b.value
    if a.scale_word is None and b.scale_word and lo * b.scale_word <= hi * 1.0001 and lo < b.scale_word:
        lo *= b.scale_word  # "four to five thousand"
    u = a if _money_before(a, b) else b  # the range's unit is written after it, or money before it
    r = Candidate(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=min(lo, hi),
                  low=min(lo, hi), high=max(lo, hi), unit=u.unit, unit_kind=u.unit_kind, unit_text=u.unit_text, sense=u.sense,
                  sense_glued=u.sense_glued, spelled=a.spelled and b.spelled, scale_word=b.scale_word, is_range=True,
                  of_follows=b.of_follows, m_ambiguous=b.m_ambiguous)
    r.plain_int = a.plain_int and b.plain_int and _yearlike(text, a) and _yearlike(text, b)
    if word is not None:
        r.rel_start = a.start - len(word.group(0).lstrip())
    return r
