"""Article identity: 16 hex digits of the SHA-256 of the cleaned text."""
from __future__ import annotations

from tasks.structure.identity import article_id


def test_article_id_exact():
    assert article_id("Ferry fares rise\nFares rise by 5% in April.") == "73fd5ed81de692fb"
    assert article_id("") == "e3b0c44298fc1c14"


def test_any_change_is_another_article():
    assert article_id("Ferry fares rise.") != article_id("Ferry fares rise!")
