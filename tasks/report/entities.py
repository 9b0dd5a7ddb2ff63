"""Entities: how many of each label, and the most widespread names of each label (by the
number of articles that name them, then by mentions)."""
from __future__ import annotations

from dataclasses import dataclass

from tasks.report.load import Loaded
from tasks.report.ranked import ranked

TOP_PER_LABEL = 10


@dataclass(frozen=True)
class TopEntity:
    name: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class Label:
    label: str
    entities: int  # rows: one real thing in one article
    names: int  # distinct canonical names
    top: list[TopEntity]


def entities(data: Loaded, per_label: int = TOP_PER_LABEL) -> list[Label]:
    """Every label present, the most entities first."""
    ents = data.tables["entities"]
    per_name = ents.groupby(["label", "name"]).agg(articles=("article_id", "nunique"), mentions=("mention_count", "sum"))
    out = []
    for label, n in ranked(ents["label"].value_counts().items()):
        names = per_name.loc[label]
        top = sorted(names.itertuples(), key=lambda r: (-r.articles, -r.mentions, r.Index))[:per_label]
        out.append(Label(label=label, entities=n, names=len(names),
                         top=[TopEntity(name=r.Index, articles=int(r.articles), mentions=int(r.mentions)) for r in top]))
    return out
