"""The two records of the numeric-facts stage, and who fills which field.

`Candidate`: one number the scanner (`scan`) found in a sentence. The scanner sets its span, value,
range, bound cue and `form` (what the expression is: a plain number, a date, an ordinal, a year, a
fraction). The unit or currency written beside it (`unit`, `unit_kind`) is read by `units` only,
and is evidence, not the final word: `units.decide` settles a fact's unit and kind with the parse.

`Fact`: one fact of a sentence once `units`, `direction` and `subject` have decided it, before
`facts` numbers it and turns it into a `numeric_facts` row.
"""
from __future__ import annotations

from dataclasses import dataclass

FORMS = ("number", "date", "ordinal", "year", "fraction")


@dataclass(slots=True)
class Candidate:
    start: int  # start of the expression (relation cue excluded; currency symbol included)
    end: int  # end of the expression (unit included)
    num_start: int  # start of the digits / number words
    num_end: int  # end of the number with its scale word, before any unit
    value: float
    low: float | None = None
    high: float | None = None
    form: str = "number"  # one of FORMS (set by the scanner)
    unit: str | None = None  # unit of measure, '%' or ISO 4217 code written beside the number (set by units)
    unit_kind: str | None = None  # kind of that unit: money|percent|quantity (set by units)
    unit_text: str | None = None  # the unit's words as written ("km/h", "$", "pounds") (set by units)
    sense: str | None = None  # an ambiguous spelling's group ("pound"): `units.decide` chooses its sense
    sense_glued: bool = False  # that spelling touches the digits ("10C")
    not_a_unit: bool = False  # that spelling turned out to be no unit here ("Group 4 C"): nor is it a counted noun
    spelled: bool = False
    plain_int: bool = False  # an integer written with digits only (a year candidate)
    rel: str = "="
    rel_start: int | None = None  # start of the relation cue before the number
    sign: str | None = None  # '+' / '-' written before the digits
    of_follows: bool = False  # "thousands of", "a third of": the counted noun comes after "of"
    scale_word: float | None = None  # the scale written after the number ("million" -> 1e6)
    is_range: bool = False
    multiplier: bool = False  # "3x", "fivefold": how many times, not a count of things
    proportion: bool = False  # "fell by a third", "cut by half": a fraction of what changed, with no noun after it
    m_ambiguous: bool = False  # "133m": million if it counts something, else metres (decided with the parse)

    @property
    def cue_start(self) -> int:
        return self.rel_start if self.rel_start is not None else self.start

    @property
    def kind(self) -> str:
        """The kind as written: a date, ordinal or year is one whatever follows it; otherwise the
        kind of the unit written beside the number, else a fraction or a count."""
        if self.form in ("date", "ordinal", "year"):
            return self.form
        if self.unit_kind is not None:
            return self.unit_kind
        return "fraction" if self.form == "fraction" else "count"


@dataclass(slots=True)
class Fact:
    """A decided fact of one sentence (offsets into the article's text)."""

    sentence_idx: int
    char_start: int
    char_end: int
    text: str
    value: float
    value_low: float | None
    value_high: float | None
    unit: str | None
    unit_text: str | None
    qualifier: str | None
    kind: str
    relation: str
    direction: str | None
    subject: str | None
    location: str | None
    drop_if_bare: bool = False  # a bare small spelled number ("the two met"): kept only if it gets a unit
    proportion: bool = False  # a fraction of something with no noun after it ("cut by a third", "a one-fifth stake"): takes no unit
    legs: bool = False  # the number of legs of a relay ("the 4x100m relay"): takes no unit
