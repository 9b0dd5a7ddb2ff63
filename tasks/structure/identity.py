"""An article's identity: article_id, the first 16 hex digits of the SHA-256 of its cleaned text.

The same text read from any input (a .txt file, a symlink to it, a row of a dump) is the same
article; inputs that differ only in what cleaning removes or repairs (CRLF line ends, trailing
blanks, zero-width and bidirectional control characters, mojibake, decomposed Unicode) are the
same article too: the text hashed is the text cleaning gives without the spaces that keep a
repaired text's length (`tasks.structure.clean`). Any other change to the cleaned text is a
new article.
"""
from __future__ import annotations

from tasks.common.hashing import sha256

ARTICLE_ID_HEX_DIGITS = 16


def article_id(text: str) -> str:
    """The identity of an article with this cleaned text."""
    return sha256(text.encode("utf-8"))[:ARTICLE_ID_HEX_DIGITS]


__all__ = ["article_id"]
