"""The article as the quote finders see it: quoted tokens and the writer's words around a quote."""
from __future__ import annotations

TEXT = "Ferry row\n\nThe skipper was angry. Mrs Okafor told us, \"The ferry is late,\" and left the pier.\n\nStated Okafor:\n\n\"Never again.\""


def test_quoted_tokens(quote_context):
    ctx = quote_context(TEXT)
    assert [ctx.text[sp.start:sp.end] for sp in ctx.spans] == ["The ferry is late,", "Never again."]
    inside = [t.text for t in ctx.doc if ctx.quoted(t.i)]
    assert inside == ['"', "The", "ferry", "is", "late", ",", '"', '"', "Never", "again", ".", '"']
    assert [ctx.qid[t.i] for t in ctx.doc if ctx.quoted(t.i)] == [0] * 7 + [1] * 5
    assert ctx.doc[ctx.tok_at(ctx.text.index("ferry"))].text == "ferry"
    assert ctx.paragraph(1).idx == 3 and ctx.n_words(0) == 4


def test_writers_words_around_a_quote(quote_context):
    ctx = quote_context(TEXT)
    assert [t.text for t in ctx.before_tokens(0)] == [",", "us", "told", "Okafor", "Mrs"]  # nearest first, to the sentence start
    assert [t.text for t in ctx.after_tokens(0)] == ["and", "left", "the", "pier", "."]  # to the sentence end
    assert ctx.before_tokens(1) == [] and ctx.after_tokens(1) == []


def test_inverted_cue(quote_context):
    ctx = quote_context(TEXT)
    stated = next(t for t in ctx.doc if t.text == "Stated")
    told = next(t for t in ctx.doc if t.text == "told")
    assert ctx.inverted_cue(stated) and not ctx.inverted_cue(told)
