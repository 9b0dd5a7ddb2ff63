"""`newsfacts show`: values from the articles are shown as text, never as console markup."""
from __future__ import annotations

import numpy as np
from rich.text import Text

from flows import cli
from flows.show import cell


def test_cell_is_plain_text():
    assert cell("[/bold] closes nothing [sic]") == Text("[/bold] closes nothing [sic]")
    assert cell(None) == Text("") and cell(float("nan")) == Text("")
    assert cell(np.array(["Putin", "[red]Vladimir"], dtype=object)) == Text("Putin, [red]Vladimir")
    assert cell(3) == Text("3")


def test_show_quotes_with_square_brackets(seed_run, capsys, monkeypatch):
    """A quote holding "[/bold]" crashed `show quotes` with rich.errors.MarkupError."""
    monkeypatch.setenv("COLUMNS", "300")
    assert cli.main(["show", "quotes", "markup", "--out", str(seed_run[0])]) == 0
    out = capsys.readouterr().out
    assert "Markup like [/bold] and [red]this[/red] is just text," in out
    assert "We will cut taxes for 3,000 families <img src=x" in out  # (a long quote folds over lines)
    assert "onerror=document.title=1> this year [sic]," in out
    assert out.count("Jane Doe") == 2


def test_show_says_when_no_article_matches_as_text(seed_run, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    assert cli.main(["show", "facts", "[nothing]", "--out", str(seed_run[0])]) == 1
    assert capsys.readouterr().out == f"no article matches '[nothing]' in {seed_run[0]}\n"
