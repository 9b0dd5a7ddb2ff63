"""tasks.nlp.parse: the batch runner parses every article in order and gives it its sentences."""
from __future__ import annotations

from tasks.model import RawDocument
from tasks.nlp.parse import parse
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
