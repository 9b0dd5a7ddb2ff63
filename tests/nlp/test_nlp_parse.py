"""tasks.nlp.parse: the batch runner parses every article in order and gives it its sentences."""
from __future__ import annotations

from tasks.model import RawDocument
from tasks.nlp.parse import model_text, on_text, parse
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


def test_model_text_makes_a_plural_possessive_ascii_unless_it_closes_a_single_quote():
    """"Brent Radio\u2019 Lucy Marr": an apostrophe after an "s" and before a word is a plural
    possessive, unless a single quotation mark is open before it on its line."""
    assert model_text("On Brent Radio\u2019s show, Brent Radios\u2019 Lucy Marr asked.") == (
        "On Brent Radio's show, Brent Radios' Lucy Marr asked.")
    text = "He called the \u2018dreamers\u2019 naive and the Hendricks\u2019 plan weak."
    assert model_text(text) == "He called the \u2018dreamers\u2019 naive and the Hendricks' plan weak."
    assert model_text("A \u2018Tories\u2019 Plan\u2019 row\nthe Jones\u2019 dog") == (
        "A \u2018Tories\u2019 Plan\u2019 row\nthe Jones' dog")
    # a known limit: a possessive inside a quoted title reads as the mark that closes it
    text = "Ask the \u2018Gardeners\u2019 Question Time\u2019 panel.\nThe Bakers\u2019 view was clear."
    assert model_text(text) == "Ask the \u2018Gardeners\u2019 Question Time\u2019 panel.\nThe Bakers' view was clear."
    assert len(model_text(text)) == len(text)


def test_parse_reads_a_typographic_apostrophe_as_the_model_was_trained_and_keeps_the_text(nlp):
    text = "Film row\n\nThe director Tomas O\u2019Hegarty defended the film on Monday. Critics at Screenwise\u2019s Ana Pell disagreed."
    art = _article(text)
    (_, doc), = parse([art])
    assert doc.text == art.text
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Tomas O\u2019Hegarty" in people
    assert "Ana Pell" in people
    assert not any("Screenwise" in p for p in people)


def test_a_doc_put_back_on_the_text_keeps_every_annotation_of_the_model(nlp):
    """The doc over the text as written has the model's tokens, tags, parse, sentences, entities
    and norms; only the words are the text's own."""
    text = "Film row\n\nTomas O\u2019Hegarty said he didn\u2019t know. Screenwise\u2019s boss Ana Pell disagreed."
    seen = nlp(model_text(text))
    doc = on_text(seen, text)
    assert doc.text == text and on_text(doc, text) is doc
    keys = lambda d: [(t.idx, len(t), t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_, t.norm_)
                      for t in d]
    assert keys(doc) == keys(seen)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in seen.ents]
    assert doc.tensor.shape == seen.tensor.shape
