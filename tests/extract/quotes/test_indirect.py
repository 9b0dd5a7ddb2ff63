"""Indirect (reported) speech (indirect.py)."""
from __future__ import annotations

from tasks.extract.quotes.indirect import find_reported


def reported(quote_context, text: str) -> list[tuple[str, str, str, str]]:
    ctx = quote_context(text)
    return [(ctx.text[r.start:r.end], r.att.cue.text, r.att.how, ctx.text[r.att.speaker_start:r.att.speaker_end])
            for r in find_reported(ctx)]


def test_a_speech_verb_with_a_clause_and_a_subject(quote_context):
    assert reported(quote_context, "Harbour\n\nTom Reilly said the quay would open in May and the boats would return.") == [
        ("the quay would open in May and the boats would return", "said", "indirect", "Tom Reilly")]
    assert reported(quote_context, "Harbour\n\nThe mayor told reporters that the pier was safe.") == [
        ("the pier was safe", "told", "indirect", "The mayor")]


def test_reported_words_before_the_speech_verb(quote_context):
    """Only a comma and the speaker between the clause and its verb: "..., he said"."""
    assert reported(quote_context, "Harbour\n\nThe quay would open in May and the boats would return, Tom Reilly said.") == [
        ("The quay would open in May and the boats would return", "said", "indirect", "Tom Reilly")]
    assert reported(quote_context, "Harbour\n\nThe quay opened in May, after the council said so.") == []


def test_not_reported_speech(quote_context):
    text = ("Harbour\n\nTom Reilly said it was.\n\n"  # too short a clause
            "\"He said the pier was unsafe,\" Mayor Ann Cole said.\n\n"  # inside a direct quote
            "Monday said the pier was unsafe.\n\n"  # no speaker
            "Tom Reilly called the pier unsafe.")  # a naming verb, not speech
    assert reported(quote_context, text) == []


def test_an_inverted_speaker_inside_the_clause(quote_context):
    """"..., said Ms X, <clause>": when the parse makes the speaker the clause's subject, the
    reported words start after the name."""
    got = reported(quote_context, "Harbour\n\nEngineer Ava Keddie runs the quay. In the longer term, said Ms Keddie, "
                                  "upgrades to the way cranes are built could save the port money.")
    assert got == [("upgrades to the way cranes are built could save the port money", "said", "indirect", "Ms Keddie")]


def test_an_empty_it_of_a_passive_reports_nothing(quote_context):
    """"It is believed (that) ...": the writer's hedge names no one who said the clause."""
    text = ("Harbour\n\nThe Quay Trust welcomed the plan. And it is believed the owners will sell the cranes before May.\n\n"
            "It was claimed that the harbour master had hidden the survey.")
    assert reported(quote_context, text) == []


def test_what_a_which_after_a_noun_for_no_one_suggests_is_not_reported(quote_context):
    """"a tie with the chart show, which suggests ...": the writer's inference; a "which" after a
    body or a statement still reports ("the council, which said ...")."""
    text = ("Harbour\n\nThe ferry will keep a close tie with the night bus, which suggests it may run on Sundays.\n\n"
            "The plan came from the council, which said the quay would reopen in May.")
    assert reported(quote_context, text) == [("the quay would reopen in May", "said", "indirect", "which")]


def test_a_headline_reported_clause_ends_before_its_line_break(quote_context):
    assert reported(quote_context, "Ann Cole says quay to reopen in May\n\nThe quay has been shut since March.") == [
        ("quay to reopen in May", "says", "indirect", "Ann Cole")]


def test_a_clause_telling_when_the_words_were_said_is_not_what_was_said(quote_context):
    """"she said when her title was announced": a subordinate clause of time; a "when" after a
    denial or before a modal asks a question, which is reported."""
    assert reported(quote_context, "Peer\n\nAnn Cole is now a peer. \"I accepted the offer,\" she said when her title "
                                   "was first announced.") == []
    assert reported(quote_context, "Plant\n\nA spokesman for the mill would not say when the old boiler would fire "
                                   "again.") == [
        ("when the old boiler would fire again", "say", "indirect", "A spokesman for the mill")]
