"""Who said what: the people quoted most, each with their most characteristic quote and the
list of everything they said.

A speaker here is a person: a quote counts for its speaker when the speaker is an entity of
the article labelled PERSON (quotes.speaker_entity_id -> entities); speakers are gathered
across articles by their canonical name (quotes.speaker).

The most characteristic quote of a speaker is decided here: among their quotes of
MIN_WORDS..MAX_WORDS words (those in their own words, full or partial, if there are any),
the one whose words are the most typical of this speaker compared with all quotes. A word
scores log((share of the speaker's quotes that use it) / (share of all quotes that use it))
when the speaker uses it in at least two quotes, else 0; a quote scores the mean of its
distinct words' positive scores. Ties go to the earlier quote.
"""
from __future__ import annotations

import math
import re
import string
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from tasks.report.load import Loaded

TOP_SPEAKERS = 20
MIN_WORDS, MAX_WORDS = 8, 60
PUNCTUATION = string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"


@dataclass(frozen=True)
class QuoteLine:
    quote_id: str
    text: str
    kind: str
    article_title: str
    source: str


@dataclass(frozen=True)
class Speaker:
    name: str
    anchor: str
    quotes: int
    articles: int
    characteristic: QuoteLine
    said: list[QuoteLine]  # in article order, then in text order


@dataclass(frozen=True)
class Speakers:
    top: list[Speaker]
    people: int  # distinct people quoted
    by_people: int  # quotes whose speaker is a person
    by_others: int  # quotes whose speaker is a group, an organisation or a description
    unattributed: int  # quotes with no speaker


def words(text: str) -> set[str]:
    """The distinct words of a text: lower case, split at white space, without the punctuation
    around them; tokens that start with a digit are numbers, not words."""
    return {w for w in (token.strip(PUNCTUATION) for token in text.lower().split()) if w and not w[0].isdigit()}


def speakers(data: Loaded, top: int = TOP_SPEAKERS) -> Speakers:
    quotes = data.tables["quotes"]
    by_person = quotes_by_people(data)
    counts = by_person.groupby("speaker").agg(quotes=("quote_id", "size"), articles=("article_id", "nunique"))
    leaders = sorted(counts.itertuples(), key=lambda r: (-r.quotes, -r.articles, r.Index))[:top]
    bags = dict(zip(quotes["quote_id"], map(words, quotes["text"])))
    df_all = Counter(w for bag in bags.values() for w in bag)
    said = _said(by_person[by_person["speaker"].isin([r.Index for r in leaders])], data.tables["articles"])
    out = []
    for i, r in enumerate(leaders):
        lines = said[r.Index]
        best = characteristic(lines, [bags[q.quote_id] for q in lines], df_all, len(quotes))
        out.append(Speaker(name=r.Index, anchor=f"speaker-{i + 1}-{_slug(r.Index)}", quotes=int(r.quotes),
                           articles=int(r.articles), characteristic=lines[best], said=lines))
    named = int(quotes["speaker"].notna().sum())
    return Speakers(top=out, people=len(counts), by_people=len(by_person), by_others=named - len(by_person),
                    unattributed=len(quotes) - named)


def quotes_by_people(data: Loaded) -> pd.DataFrame:
    """The quotes whose speaker is an entity of their article labelled PERSON."""
    ents = data.tables["entities"]
    people = ents.loc[ents["label"] == "PERSON", ["article_id", "entity_id"]]
    return data.tables["quotes"].merge(people, left_on=["article_id", "speaker_entity_id"], right_on=["article_id", "entity_id"])


def _said(quotes: pd.DataFrame, articles: pd.DataFrame) -> dict[str, list[QuoteLine]]:
    """Each speaker's quotes, in article order and then in text order."""
    titles = {a: (t if isinstance(t, str) else "", s) for a, t, s in zip(articles["article_id"], articles["title"], articles["source"])}
    ordered = quotes.sort_values(["speaker", "article_id", "char_start"])
    return {name: [QuoteLine(quote_id=q.quote_id, text=q.text, kind=q.kind, article_title=titles[q.article_id][0],
                             source=titles[q.article_id][1]) for q in group.itertuples()]
            for name, group in ordered.groupby("speaker")}


def characteristic(lines: list[QuoteLine], bags: list[set[str]], df_all: Counter, n_all: int) -> int:
    """Index of the most characteristic of one speaker's quotes (see the module's doc), given
    each quote's distinct words and in how many of all n_all quotes each word occurs."""
    df_own = Counter(w for bag in bags for w in bag)

    def score(w: str) -> float:
        if df_own[w] < 2:
            return 0.0
        return max(0.0, math.log((df_own[w] / len(lines)) / ((df_all[w] + 1) / (n_all + 1))))

    def quote_score(i: int) -> float:
        return sum(score(w) for w in bags[i]) / len(bags[i])

    n_words = [len(q.text.split()) for q in lines]
    fits = [i for i, n in enumerate(n_words) if MIN_WORDS <= n <= MAX_WORDS]
    own_words = [i for i in fits if lines[i].kind != "indirect"]
    if own_words or fits:
        return max(own_words or fits, key=lambda i: (quote_score(i), -i))
    short = [i for i, n in enumerate(n_words) if n <= MAX_WORDS]  # only very short or very long quotes
    return max(short, key=lambda i: (n_words[i], -i)) if short else 0


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40]
