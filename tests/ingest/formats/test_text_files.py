"""Plain text files -> exact documents."""
from __future__ import annotations

import hashlib

import pytest

from tasks.ingest.formats.text import text_document
from tasks.model import RawDocument


def test_text_document_exact():
    data = "Bakery wins award\nThe bakery on Mill Lane won a regional prize.\n".encode("cp1252")
    assert text_document("bakery.txt", data) == RawDocument(
        source="bakery.txt", text="Bakery wins award\nThe bakery on Mill Lane won a regional prize.\n", encoding="utf-8",
        content_sha256=hashlib.sha256(data).hexdigest())


@pytest.mark.parametrize("data, reason", [
    (b" \r\n\t", "empty or whitespace-only file"),
    (b"%PDF-1.7", r"binary file \(PDF document\), not text"),
])
def test_text_document_refused(data, reason):
    with pytest.raises(ValueError, match=f"^{reason}$"):
        text_document("x.txt", data)
