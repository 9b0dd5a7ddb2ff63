"""tasks.report.data_dictionary: docs/DATA.md rendered from the schemas (its sync with the file
is checked in tests/test_schemas.py)."""
from __future__ import annotations

from tasks.report.data_dictionary import render
from tasks.schemas import ALL_TABLES


def test_each_table_has_its_section_key_and_columns():
    lines = render().splitlines()
    assert [line[3:] for line in lines if line.startswith("## ")] == list(ALL_TABLES)
    paragraphs = lines[lines.index("## paragraphs"):lines.index("## sentences")]
    assert "Key: `article_id`, `paragraph_idx`" in paragraphs
    assert "| `kind` | string | no | Paragraph type. One of: headline, standfirst, subheading, body. |" in paragraphs
    assert "| `section` | string | yes | Text of the subheading this paragraph falls under (null before the first). |" in paragraphs
    rejections = lines[lines.index("## rejections"):]
    assert not [line for line in rejections if line.startswith("Key:")]  # the one table without a key
