"""tasks.report.numbers: facts by kind and unit, the largest counts in their sentence."""
from __future__ import annotations

from tasks.report.load import load
from tasks.report.numbers import LargeCount, Numbers, numbers


def test_numbers_of_the_invented_folder(invented):
    assert numbers(load(invented.out)) == Numbers(
        total=4, by_kind=[("count", 2), ("money", 1), ("percent", 1)],
        by_unit=[("%", 1), ("GBP", 1), ("families", 1), ("troops", 1)], units=4,
        largest_counts=[LargeCount(value=40000.0, unit="troops", text="40,000 troops", before="", after=" crossed it.",
                                   article_title="Mayor opens <b>bridge</b>"),
                        LargeCount(value=3000.0, unit="families", text="3,000 families", before="For ", after=", a bridge.",
                                   article_title="Mayor opens <b>bridge</b>")])
