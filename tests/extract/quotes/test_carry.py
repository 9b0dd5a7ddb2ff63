"""Carry-over of a speaker to quotes with no attribution of their own (carry.py)."""
from __future__ import annotations

from tasks.extract.quotes.attribution import attribute
from tasks.extract.quotes.carry import carry_speakers
from tasks.extract.quotes.classify import is_title, kind_of
from tasks.extract.quotes.records import Quote


def carried(quote_context, text: str) -> list[tuple]:
    """(quoted words, strategy, how, source, cue, speaker words) of each quote after carry-over."""
    ctx = quote_context(text)
    quotes = [Quote(span=sp, kind=kind_of(ctx, k)) for k, sp in enumerate(ctx.spans)]
    for k, q in enumerate(quotes):
        q.att = attribute(ctx, k, q.kind)
        q.kept = not is_title(ctx, k, q.kind, q.att)
    carry_speakers(ctx, quotes)
    out = []
    for q in quotes:
        a = q.att
        words = ctx.text[q.span.start:q.span.end]
        if a is None:
            out.append((words, None))
            continue
        who = ctx.text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else None
        out.append((words, a.strategy, a.how, a.source, a.cue.text if a.cue is not None else None, who))
    return out


def test_within_the_paragraph(quote_context):
    assert carried(quote_context, "Harbour plan\n\nMayor Ann Cole said: \"It took ten years.\" And then, \"The boats can come home.\"") == [
        ("It took ten years.", "cue_above", "tree", None, "said", "Mayor Ann Cole"),
        ("The boats can come home.", "carried", "carried", 0, "said", "Mayor Ann Cole"),
    ]


def test_to_the_next_quote_paragraph(quote_context):
    text = ("Harbour plan\n\nHarbourmaster Tom Reilly opened the quay on Monday.\n\n"
            "\"It took ten years,\" he said. \"But the town waited patiently.\"\n\n\"Now the boats can come home.\"\n\nThe mayor was not there.")
    assert carried(quote_context, text) == [
        ("It took ten years,", "cue_after", "after", None, "said", "he"),
        ("But the town waited patiently.", "preceding_cue", "carried", None, "said", "he"),
        ("Now the boats can come home.", "carried", "carried", 1, "said", "he"),
    ]


def test_not_over_a_paragraph_about_someone_else(quote_context):
    text = ("Harbour plan\n\nTom Reilly opened the quay.\n\n\"It took ten years,\" Mayor Ann Cole said.\n\n"
            "Reilly said that the town had waited too long.\n\n\"Now the boats can come home.\"")
    assert carried(quote_context, text) == [
        ("It took ten years,", "cue_after", "after", None, "said", "Mayor Ann Cole"),
        ("Now the boats can come home.", "previous_paragraph_subject", "carried", None, None, "Reilly"),
    ]


def test_from_the_previous_paragraphs_subject(quote_context):
    assert carried(quote_context, "Harbour plan\n\nMayor Ann Cole thanked the builders.\n\n\"Now the boats can come home.\"") == [
        ("Now the boats can come home.", "previous_paragraph_subject", "carried", None, None, "Mayor Ann Cole"),
    ]


def test_a_partial_quote_only_within_its_sentence(quote_context):
    text = "Harbour plan\n\nThe builders, the mayor's \"heroes of the harbour\", were thanked. \"It took ten years,\" Mayor Ann Cole said."
    assert carried(quote_context, text) == [
        ("heroes of the harbour", None),
        ("It took ten years,", "cue_after", "after", None, "said", "Mayor Ann Cole"),
    ]
