"""Direction of a change: "rose 5%" -> up, "cut 300 jobs" -> down, "+0.8%" -> up.

Read from the word before the number (a verb, adverb or adjective of change, or "up"/"down"),
skipping a few small words ("by", "a", "$"), or from the verb that a "by" before it hangs on ("cut
waiting lists by a third"); the word lists are number_direction.json. Also here:
whether a number follows a word of change (`keep_apart`: "rose $2 to $85" is a change and a
level, not a range) and the direction shared by alternatives (`share_direction`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tasks.common.datafiles import DataFiles
from tasks.extract.facts.context import TokenIndex
from tasks.extract.facts.records import Candidate, Fact

DATA = DataFiles.beside(__file__)


@dataclass(frozen=True)
class _Lists:
    up: frozenset[str]
    down: frozenset[str]
    up_percent_only: frozenset[str]  # words that mean a rise only of a percent
    up_by_only: frozenset[str]  # verbs that mean a rise only through "by" ("raised prices by 5%")
    skip_before: frozenset[str]  # small words between the change word and the number
    not_change_particle_verbs: frozenset[str]  # "make up", "set up": not a change


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    d = DATA.json("number_direction.json")
    return _Lists(up=frozenset(d["up"]), down=frozenset(d["down"]), up_percent_only=frozenset(d["up_percent_only"]),
                  up_by_only=frozenset(d["up_by_only"]),
                  skip_before=frozenset(d["skip_before"]), not_change_particle_verbs=frozenset(d["not_change_particle_verbs"]))


def keep_apart(dx: TokenIndex, base: int) -> Callable[[int], bool]:
    """For the scanner, in one sentence starting at `base`: whether the number at a sentence offset
    follows a word of change."""
    return lambda pos: _after_change_word(dx, base + pos, base)


def _after_change_word(dx: TokenIndex, pos: int, base: int) -> bool:
    i = dx.index_before(pos)
    if i < 0 or dx.doc[i].idx < base:
        return False
    t = dx.doc[i]
    lists = _lists()
    # "rose by 12 to 312", "rose sharply by", "were up by", "the budget rise by" (ranges.py asks more after "by")
    if t.lower_ == "by":
        j = i - 1
        while j >= 0 and dx.doc[j].idx >= base and dx.doc[j].pos_ == "ADV" and dx.doc[j].lower_ not in ("up", "down") and i - j <= 2:
            j -= 1
        w = dx.doc[j] if j >= 0 and dx.doc[j].idx >= base else None
        return w is not None and (w.lower_ in ("up", "down") or (w.pos_ in ("VERB", "NOUN") and _of_change(w, lists)))
    return t.pos_ in ("VERB", "ADV", "ADP") and (_of_change(t, lists) or t.lower_ in ("up", "down"))


def _of_change(t: Token, lists: _Lists) -> bool:
    return t.lemma_.lower() in lists.up or t.lemma_.lower() in lists.down


def of_number(dx: TokenIndex, cue_start: int, base: int, n: Candidate) -> str | None:
    """up / down / None for the number whose words (relation cue included) start at `cue_start`."""
    if n.sign == "+":
        return "up"
    lists = _lists()
    doc = dx.doc
    i = dx.index_before(cue_start)
    skipped = 0
    while i >= 0 and doc[i].idx >= base and skipped < 5:
        t = doc[i]
        low = t.lower_
        if low in ("up", "down") and (t.pos_ in ("ADV", "ADP", "PART") or t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "$") \
                and not (t.dep_ == "prt" and t.head.lemma_.lower() in lists.not_change_particle_verbs):
            # (the model tags "up" before a currency sign a noun: "- up £10m on last year")
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if low == "up" and nxt is not None and nxt.lower_ == "to":
                return None
            return low
        if low == "by" and t.dep_ in ("prep", "agent") and t.head.pos_ == "VERB" and t.head.i < t.i:
            # "cut waiting lists by a third", "raised prices by 5%": the verb "by" hangs on
            found = "up" if t.head.lemma_.lower() in lists.up_by_only else _of_verb(t.head, n, lists)
            if found is not None:
                return found
        if low in lists.skip_before or t.tag_ == "$":  # "rose by $2", "up £10m"
            i -= 1
            skipped += 1
            continue
        if t.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
            return _of_verb(t, n, lists)
        return None
    return None


def _of_verb(t: Token, n: Candidate, lists: _Lists) -> str | None:
    """up / down for a word of change (a verb, adverb or adjective), else None."""
    lemma, low = t.lemma_.lower(), t.lower_
    if (lemma in lists.up or low in lists.up) and (n.kind == "percent" or lemma not in lists.up_percent_only):
        return "up"
    if lemma in lists.down or low in lists.down:
        return "down"
    return None


def share_direction(text: str, facts: Sequence[Fact], equivalents: Sequence[tuple[Fact, Fact]] = ()) -> None:
    """'grew by 125,600 positions or 2.2 per cent': the second of two alternatives takes the direction
    of the first; so does 'Ross was down 2.3%, Burlington by 2.6%', and an amount converted in
    brackets ('cut the levy by 2bn euros ($2.4bn)': `bounds.equivalents`)."""
    for a, b in equivalents:
        if a.direction and not b.direction:
            b.direction = a.direction
    for a, b in zip(facts[:-1], facts[1:]):
        gap = text[a.char_end:b.char_start]
        if a.direction and not b.direction and re.fullmatch(r",?\s+or\s+", gap):
            b.direction = a.direction
        elif a.direction and not b.direction and a.kind == b.kind and text[:b.char_start].endswith(" by ") \
                and re.fullmatch(r",\s+[\w&.' ]{1,40}\s+by\s+", gap):
            b.direction = a.direction
