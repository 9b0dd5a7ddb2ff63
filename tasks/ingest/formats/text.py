"""A plain text file (.txt): one article, decoded by tasks.ingest.decode."""
from __future__ import annotations

from tasks.common.hashing import sha256
from tasks.ingest.decode import decode
from tasks.model import RawDocument


def text_document(source: str, data: bytes) -> RawDocument:
    """The document in a text file's bytes; raises ValueError with the reason it is refused."""
    text, enc = decode(data)
    if not text.strip():
        raise ValueError("empty or whitespace-only file")
    return RawDocument(source=source, text=text, encoding=enc, content_sha256=sha256(data))


__all__ = ["text_document"]
