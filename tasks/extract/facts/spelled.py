"""Numbers written in words: a run of number words split into numbers with their values.

"two hundred and fifty thousand" -> 250000; "one two" -> 1, 2; "a dozen" -> 12. The scanner
finds the runs (`lexicon.NumberLex.re_words`); this grammar says where one number ends.
"""
from __future__ import annotations

from tasks.extract.facts.lexicon import NumberLex

# word classes: unit (1-9), teen (10-19), tens, hundred, dozen ("dozen", "score"), scale (thousand and up), a ("a"/"an")
_MAY_FOLLOW = {
    "unit": ("hundred", "scale", "and"),
    "teen": ("hundred", "scale", "and"),
    "tens": ("hundred", "scale", "and"),
    "hundred": ("unit", "teen", "tens", "a"),
    "dozen": ("unit", "teen", "tens", "a", "hundred"),
    "scale": ("unit", "teen", "tens", "hundred", "a", "and"),
}


def _word_class(word: str, value: float) -> str:
    if value == 100:
        return "hundred"
    if value >= 1000:
        return "scale"
    if word in ("dozen", "score"):
        return "dozen"
    if value >= 20 and value % 10 == 0:
        return "tens"
    if value >= 10:
        return "teen"
    return "unit"


class _Reader:
    """The number being read: its value so far (`total` of completed scales + `cur`), where it started."""

    def __init__(self) -> None:
        self.out: list[tuple[float, int, int]] = []
        self.total = self.cur = 0.0
        self.start: int | None = None
        self.prev: str | None = None  # class of the previous word, or "and"

    def flush(self, end: int) -> None:
        if self.start is not None:
            self.out.append((self.total + self.cur, self.start, end))
        self.total = self.cur = 0.0
        self.start = None
        self.prev = None

    def continues(self, cls: str, value: float) -> bool:
        """Whether a word of class `cls` continues the number being read."""
        if self.start is None:
            return True
        ok = self.prev in _MAY_FOLLOW[cls] or (cls == "unit" and self.prev == "tens")
        if cls == "hundred":
            ok = ok and self.cur < 100
        if cls == "scale" and ok and self.total and self.total < value * 1000 and self.cur == 0:
            ok = False
        return ok

    def add(self, cls: str, value: float) -> None:
        if cls in ("unit", "teen", "tens"):
            self.cur += value
        elif cls == "hundred":
            self.cur = (self.cur or 1.0) * 100
        elif cls == "dozen":
            self.cur = (self.cur or 1.0) * value
        else:
            self.total += (self.cur or 1.0) * value
            self.cur = 0.0
        self.prev = cls


def parse_words(words: list[str], lx: NumberLex) -> list[tuple[float, int, int]]:
    """Split a run of number words into numbers: [(value, first_word, last_word_exclusive)]."""
    r = _Reader()
    n = len(words)
    for i, word in enumerate(words):
        wd = word.lower()
        if wd == "and":
            # "two hundred and fifty": "and" joins a hundred or a scale to what is below a hundred
            if r.prev in ("hundred", "scale") and i + 1 < n and lx.cardinals.get(words[i + 1].lower(), 100.0) < 100:
                r.prev = "and"
            else:
                r.flush(i)
            continue
        if wd in ("a", "an"):
            r.flush(i)
            r.start, r.cur, r.prev = i, 1.0, "a"
            continue
        v = lx.cardinals.get(wd)
        if v is None:
            r.flush(i)
            continue
        cls = _word_class(wd, v)
        if not r.continues(cls, v):
            r.flush(i)
        if r.start is None:
            r.start = i
        r.add(cls, v)
    r.flush(n)
    return r.out
