"""Which quote spans are quotations, and of which kind (classify.py)."""
from __future__ import annotations

from tasks.extract.quotes.attribution import attribute
from tasks.extract.quotes.classify import is_markup, is_scare_quote, is_title, kind_of, without_markup
from tasks.extract.quotes.marks import find_spans


def quoted(ctx) -> list[str]:
    return [ctx.text[sp.start:sp.end] for sp in ctx.spans]


def titles(ctx) -> list[bool]:
    """is_title for every quote span, judged with its kind and the attribution found for it."""
    kinds = [kind_of(ctx, k) for k in range(len(ctx.spans))]
    return [is_title(ctx, k, kinds[k], attribute(ctx, k, kinds[k])) for k in range(len(ctx.spans))]


def test_kind_full_or_partial(quote_context):
    ctx = quote_context("Harbour\n\nMayor Ann Cole said: \"The pier is safe.\" She called it \"a fine pier\" and said \"It will last.\"\n\n"
                        "\"Boats are back,\" she added.")
    assert quoted(ctx) == ["The pier is safe.", "a fine pier", "It will last.", "Boats are back,"]
    assert [kind_of(ctx, k) for k in range(4)] == ["full", "partial", "full", "full"]


def test_markup_is_never_a_quotation(parse):
    text = ("Harbour\n\nThe page had <a href=\"pier.html\">a link</a>.\n\n\"REILLY: The pier is safe.\n\n"
            "A film titled \"the pier at dawn\" was shown. Harbourmaster Thomas \"Tom\" Reilly was there. \"Boats,\" he said.")
    art, _ = parse(text)
    spans = find_spans(art.text, art.paragraphs)
    assert [(art.text[sp.start:sp.end], is_markup(art.text, art.paragraphs, sp)) for sp in spans] == [
        ("pier.html", True), ("REILLY: The pier is safe.", True), ("the pier at dawn", True), ("Tom", True), ("Boats,", False)]


def test_a_paragraph_continuing_a_transcript_turn_belongs_to_it(parse):
    text = ("Harbour\n\n\"MOSS: The tide came in early this year.\n\n\"And the boats stayed in port for a week.\n\n"
            "\"OKAFOR: We had warned the council.\n\nLater, Ms Okafor said: \"It was avoidable.\"")
    art, _ = parse(text)
    kept = without_markup(art.text, art.paragraphs, find_spans(art.text, art.paragraphs))
    assert [art.text[sp.start:sp.end] for sp in kept] == ["It was avoidable."]


def test_titles_and_names(quote_context):
    ctx = quote_context("Harbour\n\nThe pier appeared in the film \"Harbour Lights\" and in the \"Coastal Towns Review\". "
                        "\"Fine Day,\" Mayor Ann Cole said.")
    assert quoted(ctx) == ["Harbour Lights", "Coastal Towns Review", "Fine Day,"]
    # after a title word; a title-cased name nobody is said to say; one a speaker says right there
    assert titles(ctx) == [True, True, False]


def test_scare_quotes(quote_context):
    ctx = quote_context("Harbour\n\nThe \"new\" pier is open. \"It is new,\" Mayor Ann Cole said.")
    assert quoted(ctx) == ["new", "It is new,"]
    atts = [attribute(ctx, k, kind_of(ctx, k)) for k in range(2)]
    assert atts[0] is None
    assert [is_scare_quote(ctx, k, atts[k]) for k in range(2)] == [True, False]


def test_a_term_talked_about_is_no_quotation(quote_context):
    """"the term "X"", "the word "X"": a word mentioned, whoever the sentence is about; not a word
    someone is said to use ("has used the phrase "X"") nor a quoted verdict on a noun that happens
    to be "term" ("called the ten-year term "harsh"")."""
    ctx = quote_context("Harbour\n\nMayor Ann Cole said the pier fits the term \"historic\" better than any other. "
                        "Her lawyer called the ten-year term \"harsh\". Cole has often used the phrase \"harbour pride\".")
    assert quoted(ctx) == ["historic", "harsh", "harbour pride"]
    atts = [attribute(ctx, k, kind_of(ctx, k)) for k in range(3)]
    assert [is_scare_quote(ctx, k, atts[k]) for k in range(3)] == [True, False, False]


def test_a_name_or_a_translation_after_known_as_or_which_means_is_no_quotation(quote_context):
    """The writer's term, whoever the sentence is about; not words a person is said to have used."""
    ctx = quote_context("Harbour\n\nMayor Ann Cole built a quay, known locally as the \"long arm\", in 1990. "
                        "Her group, Cyfeillion Harbwr - which means \"harbour friends\" - grew. "
                        "Cole said the quay was \"long overdue\".")
    assert quoted(ctx) == ["long arm", "harbour friends", "long overdue"]
    atts = [attribute(ctx, k, kind_of(ctx, k)) for k in range(3)]
    assert [is_scare_quote(ctx, k, atts[k]) for k in range(3)] == [True, True, False]
    ctx = quote_context("Harbour\n\nCole said that means \"a lot\" to the town.")  # a speaker's own words
    assert [is_scare_quote(ctx, 0, attribute(ctx, 0, kind_of(ctx, 0)))] == [False]


def test_a_name_a_speaker_gives_is_a_quotation_not_a_title(quote_context):
    """A title-cased fragment that a naming verb's subject gives something ("branded the plan
    "Pier Folly"") is what that speaker said; the same words after a title word stay a title."""
    ctx = quote_context("Harbour\n\nMayor Ann Cole branded the harbour plan \"Pier Folly\" on Monday. "
                        "Her rival called the mayor \"Madam No\" in reply. The council showed the film \"Pier Folly\" later.")
    assert quoted(ctx) == ["Pier Folly", "Madam No", "Pier Folly"]
    assert titles(ctx) == [False, False, True]
