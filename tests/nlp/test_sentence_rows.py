"""tasks.nlp.sentences: a paragraph break ends a sentence; sentence rows and the sentence of an offset."""
from __future__ import annotations

from tasks.model import Sentence
from tasks.nlp.sentences import paragraph_boundaries, sentence_index, sentences_of


def test_a_token_after_a_line_break_starts_a_sentence(nlp):
    doc = paragraph_boundaries(nlp.make_doc("First line here\nSecond line . Third\n\nFourth"))
    assert [(t.text, t.is_sent_start) for t in doc] == [
        ("First", True), ("line", None), ("here", None), ("\n", None), ("Second", True), ("line", None), (".", None),
        ("Third", None), ("\n\n", None), ("Fourth", True)]


def test_sentence_rows_are_trimmed_and_know_their_paragraph(parse):
    art, _ = parse("Harbour talks resume\n\nThe mayor of Port Ellin spoke on Monday. She said the ferry would run again.\n\n"
                   "Dockers cheered.")
    assert [(s.idx, s.paragraph_idx, s.start, s.end, s.text) for s in art.sentences] == [
        (0, 0, 0, 20, "Harbour talks resume"),
        (1, 1, 22, 62, "The mayor of Port Ellin spoke on Monday."),
        (2, 1, 63, 98, "She said the ferry would run again."),
        (3, 2, 100, 116, "Dockers cheered."),
    ]
    assert all(art.text[s.start:s.end] == s.text for s in art.sentences)


def test_no_sentence_crosses_a_paragraph_break(parse):
    art, doc = parse("Talks end\n\nthe mayor said\n\nthat the port reopens")
    assert sentences_of(doc, art) == art.sentences
    assert [s.text for s in art.sentences] == ["Talks end", "the mayor said", "that the port reopens"]


def _sentences(*bounds: tuple[int, int]) -> list[Sentence]:
    return [Sentence(idx=i, paragraph_idx=0, start=s, end=e, text="x" * (e - s)) for i, (s, e) in enumerate(bounds)]


def test_sentence_index_of_an_offset():
    sents = _sentences((5, 20), (21, 40), (45, 60))
    assert [sentence_index(sents, k) for k in (0, 5, 19, 20, 21, 39, 42, 45, 59, 1000)] == [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_sentence_index_without_sentences_is_zero():
    assert sentence_index([], 12) == 0
