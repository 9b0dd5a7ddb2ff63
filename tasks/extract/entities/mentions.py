"""The working records while the model's mentions become entities: a mention (token offsets)
and a group of mentions that name one thing (`tasks.extract.entities.grouping` makes and merges
the groups)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    label: str
    text: str
    headline: bool = False  # in the article's first line, where the model reads title case poorly

    @property
    def n_tokens(self) -> int:
        return self.end - self.start

    def titled(self, honorifics: frozenset[str]) -> bool:
        """Written after an honorific of its own ("Prof Green", "Mr Pande" tagged whole)."""
        return self.n_tokens >= 2 and self.text.split()[0] in honorifics


@dataclass(eq=False)  # a group is itself: compared and hashed by identity
class MentionGroup:
    key: str  # the mentions' words, lower case; "country:NAME" for a country, "org:WORDS" for a body named by a place
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # the canonical name of the country the group names
    person: bool = False  # joined by a surname: a person whatever the model said
    org: bool = False  # joined by a company's short name: an organisation
    spelt_out: str | None = None  # joined by an acronym it defines ("Asset Purchase Programme ( APP )"): its own label decides
    merged_into: MentionGroup | None = None

    def root(self) -> MentionGroup:
        g = self
        while g.merged_into is not None:
            g = g.merged_into
        return g

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def words_key(doc: Doc, start: int, end: int) -> str:
    """The tokens' words, space-separated and lower case."""
    return " ".join(t.text for t in doc[start:end]).lower()
