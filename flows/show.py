"""`newsfacts show`: the tables as readable terminal tables.

Every value comes from the articles and is shown as plain text (rich.text.Text): square
brackets in a quote ("[sic]", "[/bold]") are words, never console markup.
"""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from tasks.store.tables import read_table

VIEWS = {
    "quotes": ("quotes", ["speaker", "kind", "cue", "attribution", "text"]),
    "entities": ("entities", ["name", "label", "mention_count", "role", "aliases"]),
    "facts": ("numeric_facts", ["text", "value", "unit", "kind", "relation", "direction", "subject"]),
}


def select_article(out: str, article: str | None) -> list[str] | None:
    if not article:
        return None
    arts = read_table(out, "articles")
    hit = arts[(arts["article_id"] == article) | arts["source"].str.contains(article, regex=False)
               | arts["title"].fillna("").str.contains(article, case=False, regex=False)]
    return list(hit["article_id"])


def cell(v) -> Text:
    """A table value as plain text: nothing for a null, lists joined with commas."""
    if v is None or (isinstance(v, float) and v != v):
        return Text("")
    if hasattr(v, "__len__") and not isinstance(v, str):
        return Text(", ".join(str(x) for x in v))
    return Text(str(v))


def show(what: str, article: str | None, out: str, limit: int = 50) -> int:
    console = Console()
    table, cols = VIEWS[what]
    df = read_table(out, table)
    ids = select_article(out, article)
    if ids is not None:
        if not ids:
            console.print(f"[red]no article matches {escape(repr(article))} in {escape(str(out))}[/]")
            return 1
        df = df[df["article_id"].isin(ids)]
    sort = [c for c in ("article_id", "char_start") if c in df.columns]
    df = df.sort_values(sort) if sort else df
    t = Table(title=f"{what} ({len(df)} rows{', first ' + str(limit) if len(df) > limit else ''})", show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold", max_width=70 if c == "text" else 30)
    for _, r in df.head(limit).iterrows():
        t.add_row(*(cell(r[c]) for c in cols))
    console.print(t)
    return 0
