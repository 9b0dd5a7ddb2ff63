"""tasks.nlp.parse: the batch runner parses every article in order and gives it its sentences."""
from __future__ import annotations

from tasks.model import RawDocument
from tasks.nlp.parse import model_text, parse
from tasks.structure.clean import clean


def _article(text: str):
    return clean(RawDocument(source="t.txt", text=text, encoding="utf-8", content_sha256="0" * 64))


def test_parse_yields_each_article_with_its_doc_and_sentences(nlp):
    arts = [_article("Ferry strike ends\n\nThe ferries run again. Dockers cheered."), _article("Bridge opens\n\nTraffic flowed at dawn.")]
    out = list(parse(arts, batch_size=1))
    assert [a for a, _ in out] == arts
    assert [doc.text for _, doc in out] == [a.text for a in arts]
    assert [[(s.idx, s.paragraph_idx, s.text) for s in a.sentences] for a in arts] == [
        [(0, 0, "Ferry strike ends"), (1, 1, "The ferries run again."), (2, 1, "Dockers cheered.")],
        [(0, 0, "Bridge opens"), (1, 1, "Traffic flowed at dawn.")],
    ]


def test_parse_of_no_articles_yields_nothing(nlp):
    assert list(parse([])) == []


def test_model_text_makes_only_an_apostrophe_inside_a_word_ascii():
    text = "Ms O\u2019Dowd\u2019s aide said \u2018no\u2019 in the \u201990s."
    assert model_text(text) == "Ms O'Dowd's aide said \u2018no\u2019 in the \u201990s."
    assert len(model_text(text)) == len(text)
    assert model_text("plain text") == "plain text"


def test_parse_reads_a_typographic_apostrophe_as_the_model_was_trained_and_keeps_the_text(nlp):
    text = "Film row\n\nThe director Tomas O\u2019Hegarty defended the film on Monday. Critics at Screenwise\u2019s Ana Pell disagreed."
    art = _article(text)
    (_, doc), = parse([art])
    assert doc.text == art.text
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Tomas O\u2019Hegarty" in people
    assert "Ana Pell" in people
    assert not any("Screenwise" in p for p in people)
