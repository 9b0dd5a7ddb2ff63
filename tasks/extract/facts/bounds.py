"""The relation of a number to what it counts: = exact, ~ about, > more than / at least, < fewer than / up to.

`read_cues` (called by the scanner) reads the cue written before the number ("around", "more
than", "up to") or after it ("or more", "-odd"), and the sign ("minus 387", "-5"). With the
parse, `relation_of` corrects it: "wrong about one thing" is no bound, "over five years" is a
duration, and a cue can follow the counted noun ("1,000 volunteers or more"). Cue words are data
(number_relations.json). An amount converted in brackets shares the bound of the amount it converts
(`equivalents`, `share_relation`: "more than $8bn (£4bn)").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tasks.common.datafiles import DataFiles
from tasks.extract.facts import units
from tasks.extract.facts.context import Site
from tasks.extract.facts.lexicon import alternation
from tasks.extract.facts.records import Candidate, Fact

DATA = DataFiles.beside(__file__)
BOUND_WINDOW = 24  # characters before a number in which its bound is read ("in the region of")


@dataclass(frozen=True)
class RelationLex:
    before: list[tuple[str, str]]  # (cue, relation), longest cue first
    after: list[tuple[str, str]]
    re_before: re.Pattern
    re_after: re.Pattern
    about_preposition: frozenset[str]  # words after which "about" is a preposition


@lru_cache(maxsize=1)
def lex() -> RelationLex:
    rel = DATA.json("number_relations.json")
    before = sorted(((p, r) for r, ps in rel["before"].items() for p in ps), key=lambda x: -len(x[0]))
    after = sorted(((p, r) for r, ps in rel["after"].items() for p in ps), key=lambda x: -len(x[0]))
    return RelationLex(
        before=before,
        after=after,
        re_before=re.compile(rf"(?:^|(?<=[^\w]))(?:{alternation(p for p, _ in before)})\s*$", re.I),
        re_after=re.compile(rf"\s*(?:{alternation(p.strip() for p, _ in after)})(?![\w])", re.I),
        about_preposition=frozenset(rel["about_is_preposition_after"]),
    )


def read_cues(text: str, n: Candidate) -> None:
    """Relation cue before ("around", "more than") or after ("or more") the number; sign; minus."""
    lx = lex()
    left = text[max(0, n.start - BOUND_WINDOW):n.start]
    if n.rel_start is None:
        m = bound_before(text, n.start)
        if m:
            cue = m.group(0).strip().lower()
            for p, r in lx.before:
                if cue == p:
                    n.rel = r
                    break
            n.rel_start = n.start - len(left) + m.start()
        _minus_before(text, n, left)
    right = text[n.end:n.end + 16]
    m = lx.re_after.match(right)
    if m and n.kind not in ("date", "year", "ordinal"):
        cue = m.group(0).strip().lower()
        for p, r in lx.after:
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


def bound_before(text: str, start: int) -> re.Match | None:
    """The bound written right before the number at `start` ("more than", "about"), matched in the
    BOUND_WINDOW characters before it."""
    return lex().re_before.search(text[max(0, start - BOUND_WINDOW):start])


def _minus_before(text: str, n: Candidate, left: str) -> None:
    """"minus 387", "about minus 387": a negative number, with the cue before "minus"."""
    mm = re.search(r"(?:^|(?<=\W))minus\s+$", left, re.I)
    if not mm or n.kind == "money":
        return
    lx = lex()
    n.value = -n.value
    n.rel_start = n.start - len(left) + mm.start()
    left2 = text[max(0, n.rel_start - 24):n.rel_start]
    m2 = lx.re_before.search(left2)
    if m2:
        cue = m2.group(0).strip().lower()
        n.rel = next((r for p, r in lx.before if p == cue), n.rel)
        n.rel_start = n.rel_start - len(left2) + m2.start()


def relation_of(n: Candidate, site: Site, kind: str, unit: str | None, counted: bool, start: int, end: int) -> tuple[str, int]:
    """The fact's relation with the parse, and where its words start (a cue that is no bound is
    left out). `counted`: the count has a counted noun, ending at `end`."""
    text, base = site.text, site.base
    relation = n.rel
    prev = site.prev
    if relation == "~" and n.rel_start is not None and text[base + n.rel_start:base + n.rel_start + 6].lower() == "about " \
            and prev is not None and prev.lower_ in lex().about_preposition:
        relation = "="  # "wrong about one thing"
        start = base + n.start
    if relation == ">" and kind == "quantity" and units.is_time_unit(unit) and n.rel_start is not None \
            and text[base + n.rel_start:base + n.start].strip().lower() == "over":
        relation = "="  # "spend £1.5bn over five years": during, not more than
        start = base + n.start
    if relation == "=" and counted and kind == "count":
        post = lex().re_after.match(text, end, min(len(text), end + 16))
        if post:
            cue = post.group(0).strip().lower()
            relation = next((r for p, r in lex().after if p.strip() == cue and cue != "plus"), relation)
    return relation, start


RE_OPENS_EQUIVALENT = re.compile(r"\s*[(\[]\s*")  # "about $3bn (£1.6bn)"
RE_NEXT_EQUIVALENT = re.compile(r"\s*[;,/]\s*")  # "2bn euros ($2.4bn; £1.7bn)"


def equivalents(text: str, facts: Sequence[Fact]) -> list[tuple[Fact, Fact]]:
    """(amount, the same amount converted in the brackets after it): "about $3bn (£1.6bn)", "at least
    40in (102cm)", each of "2bn euros ($2.4bn; £1.7bn)". Both are money, or both measures, in
    units that differ, and the converted one has no bound of its own."""
    pairs: list[tuple[Fact, Fact]] = []
    for a, b in zip(facts[:-1], facts[1:]):
        gap = text[a.char_end:b.char_start]
        if RE_OPENS_EQUIVALENT.fullmatch(gap):
            src = a
        elif pairs and pairs[-1][1] is a and RE_NEXT_EQUIVALENT.fullmatch(gap):
            src = pairs[-1][0]
        else:
            continue
        if src.kind == b.kind and b.kind in ("money", "quantity") and src.unit and b.unit and src.unit != b.unit \
                and b.relation == "=" and b.value_low is None and src.value_low is None:
            pairs.append((src, b))
    return pairs


def share_relation(pairs: Sequence[tuple[Fact, Fact]]) -> None:
    """A converted amount is bounded as the amount it converts ("more than $8bn (£4bn)": both more than)."""
    for a, b in pairs:
        b.relation = a.relation
