"""tasks.extract.facts.records: a candidate's kind as written (its form, else its unit's kind)."""
from __future__ import annotations

import pytest

from tasks.extract.facts.records import Candidate, Fact


def cand(**kw) -> Candidate:
    return Candidate(start=0, end=1, num_start=0, num_end=1, value=1.0, **kw)


@pytest.mark.parametrize("form,unit_kind,kind", [
    ("number", None, "count"),
    ("number", "money", "money"),
    ("number", "percent", "percent"),
    ("fraction", None, "fraction"),
    ("fraction", "quantity", "quantity"),  # "a quarter of a percentage point" reads its unit
    ("year", "money", "year"),  # "$1990s": a decade stays a year
    ("date", None, "date"),
    ("ordinal", None, "ordinal"),
])
def test_kind_as_written(form, unit_kind, kind):
    assert cand(form=form, unit_kind=unit_kind).kind == kind


def test_cue_start_is_the_relation_cue_when_there_is_one():
    assert cand().cue_start == 0
    n = Candidate(start=6, end=8, num_start=6, num_end=8, value=40.0, rel="~", rel_start=0)
    assert n.cue_start == 0


def test_fact_keeps_bare_spelled_numbers_apart():
    f = Fact(sentence_idx=0, char_start=4, char_end=7, text="two", value=2.0, value_low=None, value_high=None, unit=None,
             unit_text=None, qualifier=None, kind="count", relation="=", direction=None, subject=None, location=None)
    assert f.drop_if_bare is False
