"""Quotation marks: pairing within a paragraph and the quote spans of an article (no parser)."""
from __future__ import annotations

from tasks.extract.quotes.marks import QuoteSpan, find_spans, marks, opens_paragraph, pair_paragraph
from tasks.model import Paragraph


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs separated by blank lines, with their offsets."""
    out, pos = [], 0
    for n, chunk in enumerate(text.split("\n\n")):
        out.append(Paragraph(idx=n, kind="body", section=None, start=pos, end=pos + len(chunk), text=chunk))
        pos += len(chunk) + 2
    return out


def spans(text: str) -> list[tuple[str, bool, bool, bool]]:
    """(quoted words, closed, continues, continued) of each span."""
    return [(text[s.start:s.end], s.close is not None, s.continues, s.continued) for s in find_spans(text, paragraphs(text))]


def test_straight_marks_pair_by_context():
    text = 'The ferry was "late again" and "full", the skipper said.'
    assert spans(text) == [("late again", True, False, False), ("full", True, False, False)]


def test_curly_marks_nest_the_other_family():
    text = "“They promised us ‘a new pier’ twice,” Mrs Okafor said."
    assert spans(text) == [("They promised us ‘a new pier’ twice,", True, False, False)]


def test_unclosed_quote_runs_to_its_paragraph_end_only():
    text = '"The pier will never be rebuilt.\n\nThe council disagreed.'
    assert spans(text) == [("The pier will never be rebuilt.", False, False, False)]


def test_paragraph_reopening_with_a_mark_continues_an_open_quote():
    text = '"The pier will be rebuilt.\n\n"And the ferry will return."'
    assert spans(text) == [("The pier will be rebuilt.", False, False, True), ("And the ferry will return.", True, True, False)]


def test_single_marks_are_primary_only_without_double_ones():
    text = "The skipper said 'the ferry isn't late' and didn't stop."
    assert spans(text) == [("the ferry isn't late", True, False, False)]
    # with double marks in the article, single ones are never primary
    assert spans(text + ' "Fine," she said.') == [("Fine,", True, False, False)]


def test_stray_closing_mark_and_empty_quotes_give_nothing():
    assert spans("The pipe is 3” wide and “” was all he wrote, “?”") == []


def test_same_family_reopening_continues_the_quotation():
    """A mark of the same family reopening an open quote ends it there: paragraphs of one
    quotation whose breaks the text lost (`"... ballet. "We need ..."`)."""
    text = 'The coach said: "We trained hard. "We will win on Sunday." Fans cheered.'
    assert spans(text) == [("We trained hard.", False, False, True), ("We will win on Sunday.", True, True, False)]
    curly = "She said: “The pier is old. “It must be rebuilt.”"
    assert spans(curly) == [("The pier is old.", False, False, True), ("It must be rebuilt.", True, True, False)]


def test_the_same_family_nests_when_two_closing_marks_follow():
    """`“... calls “a mess” ...”`: the inner quotation is set in the outer one's own marks."""
    curly = "“I would sooner swim than take what he calls “a ferry” across the bay.” ― Ann Cole"
    assert spans(curly) == [("I would sooner swim than take what he calls “a ferry” across the bay.", True, False, False)]
    straight = 'He wrote: "You skip the meeting because you "had nets to mend"; you stop calling friends," he said.'
    assert spans(straight) == [('You skip the meeting because you "had nets to mend"; you stop calling friends,', True, False, False)]


def test_pair_paragraph_offsets():
    text = 'A "b" c “d”'
    assert pair_paragraph(text, 0, len(text), False, marks()) == [(2, 4, 1, 4), (8, 10, 1, 10)]
    reopened = '"a. "b'
    assert pair_paragraph(reopened, 0, len(reopened), False, marks()) == [(0, None, 1, 4), (4, None, 1, 6)]


def test_span_outer_end_and_paragraph_start():
    text = 'Intro.\n\n"Quay," she said.'
    paras = paragraphs(text)
    (sp,) = find_spans(text, paras)
    assert sp == QuoteSpan(open=8, close=14, start=9, end=14, para=1)
    assert sp.outer_end == 15
    assert opens_paragraph(text, sp, paras)
    later = 'Intro.\n\nShe said "quay".'
    assert not opens_paragraph(later, find_spans(later, paragraphs(later))[0], paragraphs(later))


def test_a_mark_reopening_after_the_writer_s_words_means_the_open_quote_lost_its_close():
    """The open quote ends with its first sentence; the next quote is a new one, not its continuation."""
    text = 'She said lists were "only a tenth of the job. Dr Gibb, a GP, said staff wanted calm after "constant change".'
    assert spans(text) == [("only a tenth of the job.", True, False, False), ("constant change", True, False, False)]
