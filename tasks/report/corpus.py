"""The corpus at a glance: how many articles, words, quotes, facts and entities; articles per
month and per outlet.

The outlet of an article is decided here: the web site of its URL (without "www."), else the
folder that held its input file (for a bulk input, the bulk file's name).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

import pandas as pd

from tasks.ingest.kinds import is_bulk
from tasks.report.load import Loaded
from tasks.report.ranked import ranked

TOP_OUTLETS = 15


@dataclass(frozen=True)
class Glance:
    articles: int
    words: int
    dated: int  # articles with a publication time
    quotes: int
    quotes_with_speaker: int
    facts: int
    entities: int  # rows of the entities table: one real thing in one article
    distinct_entities: int  # distinct (name, label)
    refused: int
    quarantined: int


@dataclass(frozen=True)
class Corpus:
    glance: Glance
    per_month: list[tuple[str, int]]  # oldest month first
    per_outlet: list[tuple[str, int]]  # most articles first, at most TOP_OUTLETS
    outlets: int  # how many outlets in all


def outlet_of(source: str, url: str | float | None) -> str:
    """The web site of the URL, else the folder of the input (for an item of a bulk input,
    FILE#ID, the bulk file's name)."""
    host = urlsplit(url).hostname if isinstance(url, str) and url else None
    if host:
        return host.removeprefix("www.")
    head, sep, _ = source.partition("#")
    if sep and is_bulk(head):
        return PurePath(head).name
    return PurePath(source).parent.name or "."


def corpus(data: Loaded) -> Corpus:
    arts, quotes = data.tables["articles"], data.tables["quotes"]
    ents, facts = data.tables["entities"], data.tables["numeric_facts"]
    glance = Glance(articles=len(arts), words=int(arts["n_words"].sum()), dated=int(arts["published_at"].notna().sum()),
                    quotes=len(quotes), quotes_with_speaker=int(quotes["speaker"].notna().sum()), facts=len(facts),
                    entities=len(ents), distinct_entities=len(ents[["name", "label"]].drop_duplicates()),
                    refused=len(data.rejections), quarantined=len(data.quarantine))
    per_month = arts.groupby("month").size().sort_index()
    outlets = pd.Series([outlet_of(s, u) for s, u in zip(arts["source"], arts["url"])], dtype="object")
    per_outlet = ranked(outlets.value_counts().items())
    return Corpus(glance=glance, per_month=[(str(m), int(n)) for m, n in per_month.items()],
                  per_outlet=per_outlet[:TOP_OUTLETS], outlets=len(per_outlet))

