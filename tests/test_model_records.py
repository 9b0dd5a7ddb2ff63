"""The in-memory records: an article finds the paragraph holding a character offset."""
from __future__ import annotations

from tasks.model import Article, Paragraph


def test_paragraph_at_offset():
    paras = [Paragraph(0, "headline", None, 0, 10, "Gale warns"), Paragraph(1, "body", None, 12, 30, "Boats stay in port")]
    art = Article(article_id="x", source="s.txt", text="Gale warns\n\nBoats stay in port", paragraphs=paras, content_sha256="0" * 64)
    assert [art.paragraph_at(o) for o in (0, 9, 11, 12, 29, 500)] == [0, 0, 0, 1, 1, 1]
    assert (art.sentences, art.sources, art.encoding) == ([], [], "utf-8")
