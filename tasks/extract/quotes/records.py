"""The records passed between the steps of quotation extraction (marks -> attribution ->
carry-over -> speaker -> rows)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tasks.extract.entities.index import Entity
from tasks.extract.quotes.marks import QuoteSpan


@dataclass
class Attribution:
    """The reporting verb of a quote and the words naming its speaker (not yet who they are)."""

    cue: Token | None = None
    speaker_start: int | None = None  # the words naming the speaker
    speaker_end: int | None = None
    head: Token | None = None  # head token of the speaker words; None: a cue with no speaker
    how: str = "none"  # where it was found: after | tree | before | colon | according | dash | carried | subject | indirect
    source: int | None = None  # index of the quote it was carried from
    strategy: str | None = None  # name of the attribution strategy (or carry step) that found it


def named(e: Entity, how: str) -> "Resolution":
    """The speaker is the entity e, under its canonical name: a person, or an organisation
    (anything else named: a party, a place speaking for its government, a facility)."""
    return Resolution(e, e.name, how, "person" if e.label == "PERSON" else "organisation")


@dataclass
class Resolution:
    """Who the speaker is (decided in speaker.py)."""

    entity: Entity | None
    speaker: str | None  # canonical name, or the canonical description of someone the article never names
    attribution: str  # how the words were resolved: name | pronoun | description
    kind: str | None = None  # person | organisation | unnamed (None: no speaker)
    together: tuple[Entity, ...] = ()  # words said together: the entities of `speaker`'s joint name, in its order


MAX_TOGETHER = 3  # speakers of words said together ("Ann Cole and Tom Reid said"); a longer list is a list


def joint_name(names: list[str]) -> str:
    """The speaker of words said together (two names or more): "Ann Cole and Tom Reid", "A, B and C"."""
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class PersonCount:
    """A person as the article's writer names them so far (speaker.Resolver.people_counted)."""

    entity: Entity  # under its fullest name
    count: int  # mentions outside quotations
    first: int  # character offset of the first of them
    titled: bool  # one of them, or of the shorter names it abbreviates, has an honorific ("Mr Blair")


@dataclass
class Quote:
    """A quotation found by its marks, with its kind, attribution and speaker."""

    span: QuoteSpan
    kind: str  # full | partial
    att: Attribution | None = None
    kept: bool = True  # False: a title, a name or a scare quote, not a quotation
    resolution: Resolution | None = None


@dataclass
class Reported:
    """Indirect (reported) speech: "Putin said Moscow and Paris had common concerns"."""

    start: int  # the reported clause
    end: int
    att: Attribution
    resolution: Resolution | None = None
