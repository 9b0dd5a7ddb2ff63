"""The in-memory records passed between stages.

Every offset is an integer character offset into `Article.text` (the cleaned text),
so any row of any table can be traced back to its words with `text[start:end]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class RawDocument:
    """One input as read from disk (or from a bulk file), before cleaning."""

    source: str  # the input path as given (bulk rows: "file.jsonl#12")
    text: str  # decoded text
    encoding: str  # how the bytes were decoded, as tasks.ingest.decode names it ("utf-8", "cp1252 (fallback from utf-8)", ...)
    content_sha256: str  # SHA-256 of the input bytes (of a bulk row: of its text, UTF-8)
    title: str | None = None  # given by the input's metadata (HTML, bulk dumps), if any
    url: str | None = None
    published_at: datetime | None = None
    paragraphs_hint: list[tuple[str, str]] | None = None  # (kind, text) from page structure


@dataclass
class Rejection:
    source: str
    reason: str
    content_sha256: str | None = None


@dataclass
class Paragraph:
    idx: int
    kind: str  # headline | standfirst | subheading | body
    section: str | None  # the subheading this paragraph falls under
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    idx: int
    paragraph_idx: int
    start: int
    end: int
    text: str


@dataclass
class Article:
    """A cleaned article: text plus its paragraph structure."""

    article_id: str
    source: str
    text: str
    paragraphs: list[Paragraph]
    content_sha256: str
    encoding: str = "utf-8"
    title: str | None = None
    standfirst: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    sentences: list[Sentence] = field(default_factory=list)  # filled after spaCy
    sources: list[str] = field(default_factory=list)  # every input of the batch holding this exact article

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph containing (or nearest before) a character offset."""
        best = 0
        for p in self.paragraphs:
            if p.start <= offset:
                best = p.idx
            else:
                break
        return best
