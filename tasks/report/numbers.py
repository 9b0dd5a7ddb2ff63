"""Numeric facts: how many of each kind and unit, and the largest counts in their sentence."""
from __future__ import annotations

from dataclasses import dataclass

from tasks.report.load import Loaded
from tasks.report.ranked import ranked

TOP_UNITS = 15
LARGEST = 10
NO_UNIT = "(no unit)"


@dataclass(frozen=True)
class LargeCount:
    value: float
    unit: str | None
    text: str  # the fact's words
    before: str  # the sentence around them
    after: str
    article_title: str


@dataclass(frozen=True)
class Numbers:
    total: int
    by_kind: list[tuple[str, int]]
    by_unit: list[tuple[str, int]]  # the TOP_UNITS most frequent, NO_UNIT for facts without one
    units: int  # distinct units in all
    largest_counts: list[LargeCount]


def numbers(data: Loaded) -> Numbers:
    facts = data.tables["numeric_facts"]
    by_kind = ranked(facts["kind"].value_counts().items())
    by_unit = ranked(facts["unit"].fillna(NO_UNIT).value_counts().items())
    counts = facts[facts["kind"] == "count"].sort_values(["value", "article_id", "char_start"], ascending=[False, True, True])
    top = counts.head(LARGEST)
    sentences = data.sentences([(a, int(s)) for a, s in zip(top["article_id"], top["sentence_idx"])])
    titles = data.tables["articles"].set_index("article_id")["title"]
    largest = []
    for f in top.itertuples():
        start, text = sentences.get((f.article_id, int(f.sentence_idx)), (f.char_start, f.text))
        a, b = f.char_start - start, f.char_end - start
        title = titles.get(f.article_id)
        largest.append(LargeCount(value=float(f.value), unit=f.unit if isinstance(f.unit, str) else None,
                                  text=text[a:b], before=text[:a], after=text[b:],
                                  article_title=title if isinstance(title, str) else ""))
    return Numbers(total=len(facts), by_kind=by_kind, by_unit=by_unit[:TOP_UNITS],
                   units=int(facts["unit"].nunique()), largest_counts=largest)

