"""Numeric facts of an article: `extract(art, doc, ents, quotes)` -> `numeric_facts` rows.

Per sentence: the scanner (`scan`) finds the numbers; `nonfacts` drops names, identifiers, idioms
and list markers; `units` decides each fact's unit and kind; `context` adds the qualifier written
before a count ("a further 350"); `direction` the direction of a change; `subject` the subject and
place; `bounds` the relation. Then coordinated numbers share their unit (`units.share_units`) and
direction (`direction.share_direction`), an amount converted in brackets the bound and direction of
the one it converts (`bounds.equivalents`), and each fact gets its id, its quotation and, for a date,
the date it resolves to.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from tasks.common import dates
from tasks.extract.entities.index import EntityIndex
from tasks.extract.facts import bounds, context, direction, nonfacts, scan, subject, units
from tasks.extract.facts.records import Candidate, Fact
from tasks.model import Article, Sentence
from tasks.schemas import NUMERIC_FACTS, row

TIDY_DIGITS = 10  # a value that 15 significant digits write with at most this many is a written number, not a repeating one

_CHANGES = ("percent", "money", "count", "quantity")  # kinds that can rise or fall
_ABOUT_SOMETHING = ("count", "money", "percent", "quantity")  # kinds that have a subject and a place


def extract(art: Article, doc: Doc, ents: EntityIndex, quotes: list[dict]) -> list[dict]:
    if not art.text or not art.sentences or len(doc) == 0:
        return []
    dx = context.TokenIndex(doc, art.text)
    quote_spans = _QuoteSpans(quotes)
    rows: list[dict] = []
    for sent in art.sentences:
        for k, f in enumerate(_sentence_facts(art, dx, sent, ents)):
            rows.append(_row(art, f, f"{art.article_id}:{sent.idx}:{k}", quote_spans.holding(f.char_start, f.char_end)))
    return rows


def _sentence_facts(art: Article, dx: context.TokenIndex, sent: Sentence, ents: EntityIndex) -> list[Fact]:
    nums = scan.scan(sent.text, direction.keep_apart(dx, sent.start))
    if not nums:
        return []
    idioms = nonfacts.idiom_spans(sent)
    facts = [f for f in (_fact(dx, sent, n, ents, idioms) for n in nums) if f is not None]
    units.share_units(art.text, facts)
    converted = bounds.equivalents(art.text, facts)
    bounds.share_relation(converted)
    direction.share_direction(art.text, facts, converted)
    return [f for f in facts if not (f.drop_if_bare and f.unit is None)]


def _fact(dx: context.TokenIndex, sent: Sentence, n: Candidate, ents: EntityIndex, idioms: list[tuple[int, int]]) -> Fact | None:
    site = context.locate(dx, sent, n)
    units.settle_sense(n, site)
    if nonfacts.written_as_name(n, site, idioms):
        return None
    m = units.decide(n, site)
    if m is None or (m.noun is not None and nonfacts.noun_makes_name(m.noun, n, site.prev)):
        return None
    text, base = site.text, site.base
    start, qualifier = context.pre_qualified(site, m.kind, site.start, m.qualifier)
    change = None
    if m.kind in _CHANGES and not (n.is_range and text[site.start:site.start + 4].lower() in ("from", "betw")):
        change = direction.of_number(dx, site.start, base, n)
    who = where = None
    anchor = m.head if m.head is not None else site.tok
    if anchor is not None and m.kind in _ABOUT_SOMETHING:
        who, where = subject.subject_and_place(anchor, ents)
    relation, start = bounds.relation_of(n, site, m.kind, m.unit, m.head is not None, start, m.end)
    low = n.low * m.scale if n.is_range and n.low is not None else None
    high = n.high * m.scale if n.is_range and n.high is not None else None
    start = max(start, base)
    end = min(m.end, sent.end)
    if end <= start:
        return None
    return Fact(sentence_idx=sent.idx, char_start=start, char_end=end, text=text[start:end],
                value=float(m.value if low is None else low), value_low=None if low is None else float(low),
                value_high=None if high is None else float(high), unit=m.unit, unit_text=m.unit_text, qualifier=qualifier, kind=m.kind,
                relation=relation, direction=change, subject=who, location=where, drop_if_bare=m.drop_if_bare,
                proportion=n.proportion, legs=m.legs)


def _tidy(v: float | None) -> float | None:
    """The value without the float noise of a scaled decimal ("$1.07bn": 1070000000.0000001 ->
    1.07e9; "8.2bn": 8199999999.999999 -> 8.2e9), so that an analyst's `value == 1.07e9` holds;
    a repeating value ("a third": 0.333..., "one in six") keeps its digits."""
    if v is None:
        return None
    written = f"{v:.15g}"
    digits = re.sub(r"\D", "", written.split("e")[0]).strip("0")
    return float(written) if len(digits) <= TIDY_DIGITS else v


def _row(art: Article, f: Fact, fact_id: str, quote_id: str | None) -> dict:
    resolved = None
    if f.kind == "date" and art.published_at is not None:
        resolved = dates.resolve(f.text, art.published_at)
    return row(NUMERIC_FACTS, article_id=art.article_id, fact_id=fact_id, sentence_idx=f.sentence_idx,
               char_start=f.char_start, char_end=f.char_end, text=f.text, value=_tidy(f.value), value_low=_tidy(f.value_low),
               value_high=_tidy(f.value_high), unit=f.unit, unit_text=f.unit_text, qualifier=f.qualifier, kind=f.kind, relation=f.relation,
               direction=f.direction, subject=f.subject, location=f.location, resolved_date=resolved, quote_id=quote_id)


class _QuoteSpans:
    """The article's quotations by offset: which one holds a fact."""

    def __init__(self, quotes: list[dict]):
        self.spans = sorted((int(q["char_start"]), int(q["char_end"]), q["quote_id"]) for q in quotes)
        self.starts = [q[0] for q in self.spans]

    def holding(self, s: int, e: int) -> str | None:
        i = bisect_right(self.starts, s) - 1
        # quotes do not nest much: look back a few
        for j in range(i, max(-1, i - 4), -1):
            qs, qe, qid = self.spans[j]
            if qs <= s and e <= qe:
                return qid
        return None
