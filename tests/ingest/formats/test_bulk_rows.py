"""Bulk dumps -> exact documents: JSON Lines, CSV and Parquet rows, field mapping, bad rows."""
from __future__ import annotations

import hashlib
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tasks.ingest.discover import InputFile
from tasks.ingest.dispatch import read as read_inputs
from tasks.ingest.formats import bulk
from tasks.structure.clean import clean
from tasks.model import RawDocument, Rejection

INPUTS = Path(__file__).parent / "data"
UTC = timezone.utc
MB = 1_000_000


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read(path: Path, source: str | None = None, max_bytes: int = MB, fields: dict[str, str] | None = None) -> list:
    return list(read_inputs([InputFile(path, source or path.name)], max_bytes=max_bytes, fields=fields))


# --- JSONL ---------------------------------------------------------------------------


def test_jsonl_rows_and_bad_lines():
    lines = (INPUTS / "rows.jsonl").read_bytes().splitlines(keepends=True)
    text1 = "Heavy snow closed the northern pass on Monday.\nPolice said the road would reopen on Wednesday."
    text2 = "Library extends opening hours\n\nThe city library will open until 9pm on weekdays from March."
    text5 = "Repairs to the old bridge finished two weeks ahead of schedule.\n\nThe bridge reopened to traffic on Friday."
    assert read(INPUTS / "rows.jsonl") == [
        # line layout text: the title goes on its own line (the text's first line stays the standfirst)
        RawDocument(source="rows.jsonl#a1", text="Storm closes mountain pass\n" + text1, encoding="utf-8",
                    content_sha256=sha(text1), title="Storm closes mountain pass", url="https://example.net/a1",
                    published_at=datetime(2022, 2, 10, 6, 0, tzinfo=UTC)),
        # text already opens with its title: kept as it is; no id -> line number
        RawDocument(source="rows.jsonl#2", text=text2, encoding="utf-8", content_sha256=sha(text2),
                    title="Library extends opening hours", published_at=datetime(2022, 2, 9, tzinfo=UTC)),
        Rejection("rows.jsonl#a3", "empty text field (text)", sha("   ")),
        Rejection("rows.jsonl#4", "invalid JSON: Expecting value at column 1", sha(lines[3])),
        # default field names: headline/body/date; blank-line layout -> title + blank line
        RawDocument(source="rows.jsonl#a5", text="Bridge repairs finish early\n\n" + text5, encoding="utf-8",
                    content_sha256=sha(text5), title="Bridge repairs finish early",
                    published_at=datetime(2022, 2, 10, 11, 0, tzinfo=UTC)),
        Rejection("rows.jsonl#6", "row is a JSON list, not an object"),
    ]


def test_jsonl_rows_clean_to_headline_first():
    docs = [d for d in read(INPUTS / "rows.jsonl") if isinstance(d, RawDocument)]
    kinds = [[(p.kind, p.text) for p in clean(d).paragraphs] for d in docs]
    assert kinds[0] == [("headline", "Storm closes mountain pass"),
                        ("standfirst", "Heavy snow closed the northern pass on Monday."),
                        ("body", "Police said the road would reopen on Wednesday.")]
    assert kinds[1][0] == ("headline", "Library extends opening hours")
    assert [k for k, _ in kinds[2]] == ["headline", "body", "body"]


def test_jsonl_field_mapping_and_too_large_row(tmp_path):
    p = tmp_path / "m.jsonl"
    rows = [{"key": 7, "story": "A short story.", "heading": "Short"}, {"key": 8, "story": "x" * 50}, {"key": 9, "text": "no story"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert read(p, max_bytes=40, fields={"id": "key", "text": "story", "title": "heading"}) == [
        RawDocument(source="m.jsonl#7", text="Short\nA short story.", encoding="utf-8", content_sha256=sha("A short story."), title="Short"),
        Rejection("m.jsonl#8", "row text too large (50 bytes > limit 40)", sha("x" * 50)),
        Rejection("m.jsonl#9", "row has no text field (story)"),
    ]


def test_unknown_field_key_rejected():
    assert read(INPUTS / "rows.jsonl", fields={"body": "x"}) == [
        Rejection("rows.jsonl", "unknown field mapping key(s) ['body']; known: ['id', 'published_at', 'text', 'title', 'url']")]


def test_jsonl_overlong_line_skipped_without_loading(tmp_path):
    p = tmp_path / "long.jsonl"
    p.write_bytes(b'{"text": "before"}\r\n' + b'{"text": "' + b"z" * 500 + b'"}\n' + b'{"text": "after"}')
    assert read(p, max_bytes=100) == [
        RawDocument(source="long.jsonl#1", text="before", encoding="utf-8", content_sha256=sha("before")),
        Rejection("long.jsonl#2", "line too large (513 bytes > limit 200)"),
        RawDocument(source="long.jsonl#3", text="after", encoding="utf-8", content_sha256=sha("after")),
    ]


# --- CSV -----------------------------------------------------------------------------

CSV_FIELDS = {"id": "story_id", "title": "headline", "text": "content", "url": "link", "published_at": "when"}


def test_csv_rows_with_missing_text():
    text17 = "The council approved its budget on Tuesday.\nSpending on roads will rise by 4 percent."
    text19 = "No title here, just a single paragraph of text."
    assert read(INPUTS / "rows.csv", fields=CSV_FIELDS) == [
        RawDocument(source="rows.csv#17", text="Council approves budget\n" + text17, encoding="utf-8",
                    content_sha256=sha(text17), title="Council approves budget", url="https://example.net/17",
                    published_at=datetime(2022, 2, 8, tzinfo=UTC)),
        Rejection("rows.csv#18", "empty text field (content)", sha("")),
        # no title, unparseable date (dropped, not guessed)
        RawDocument(source="rows.csv#19", text=text19, encoding="utf-8", content_sha256=sha(text19)),
    ]


def test_csv_default_fields_and_missing_text_column():
    # the defaults find content (text), headline (title) and link (url); no id column -> record numbers
    docs = read(INPUTS / "rows.csv")
    assert [d.source for d in docs] == ["rows.csv#1", "rows.csv#2", "rows.csv#3"]
    assert (docs[0].title, docs[0].url, docs[0].published_at) == ("Council approves budget", "https://example.net/17", None)
    assert read(INPUTS / "rows.csv", fields={"text": "story"}) == [
        Rejection("rows.csv", "no text column (story) in the CSV header ['story_id', 'headline', 'content', 'link', 'when']")]


def test_csv_not_utf8_lines_fall_back_to_cp1252(tmp_path):
    p = tmp_path / "l1.csv"
    p.write_bytes(b"text\nfine row\ncaf\xe9 \x93row\x94\n")
    assert read(p) == [
        RawDocument(source="l1.csv#1", text="fine row", encoding="utf-8", content_sha256=sha("fine row")),
        RawDocument(source="l1.csv#2", text="caf\u00e9 \u201crow\u201d", encoding="cp1252 (fallback from utf-8)",
                    content_sha256=sha("caf\u00e9 \u201crow\u201d")),
    ]


def test_csv_malformed_and_empty(tmp_path):
    p = tmp_path / "m.csv"
    p.write_bytes(b"")
    assert read(p) == [Rejection("m.csv", "empty CSV file (no header row)")]
    # the csv module is lenient: stray quotes are kept, an unterminated quote runs to the end
    p.write_bytes(b'text,title\n"ok",T\n"x" "y",\n"open\nquote,U\n')
    assert read(p, max_bytes=100) == [
        RawDocument(source="m.csv#1", text="T\nok", encoding="utf-8", content_sha256=sha("ok"), title="T"),
        RawDocument(source="m.csv#2", text='x "y"', encoding="utf-8", content_sha256=sha('x "y"')),
        RawDocument(source="m.csv#3", text="open\nquote,U\n", encoding="utf-8", content_sha256=sha("open\nquote,U\n")),
    ]


# --- Parquet -------------------------------------------------------------------------


def test_parquet_rows(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "rows.parquet"
    table = pa.table({
        "id": ["p1", None, "p3"],
        "title": ["Parquet headline", None, "Third"],
        "text": ["First paragraph.\n\nSecond paragraph.", "Untitled text.", None],
        "published_at": pa.array([datetime(2022, 2, 10, 12, 0, tzinfo=UTC), None, None], pa.timestamp("us", tz="UTC")),
    })
    pq.write_table(table, p, row_group_size=2)
    assert read(p) == [
        RawDocument(source="rows.parquet#p1", text="Parquet headline\n\nFirst paragraph.\n\nSecond paragraph.", encoding="utf-8",
                    content_sha256=sha("First paragraph.\n\nSecond paragraph."), title="Parquet headline",
                    published_at=datetime(2022, 2, 10, 12, 0, tzinfo=UTC)),
        RawDocument(source="rows.parquet#2", text="Untitled text.", encoding="utf-8", content_sha256=sha("Untitled text.")),
        Rejection("rows.parquet#p3", "row has no text field (text)"),
    ]


def test_parquet_corrupt(tmp_path):
    p = tmp_path / "bad.parquet"
    p.write_bytes(b"PAR1 not really")
    (rej,) = read(p)
    assert isinstance(rej, Rejection) and rej.source == "bad.parquet" and rej.reason.startswith("not a readable Parquet file")


# --- rows on their own -----------------------------------------------------------------


@pytest.mark.parametrize("title, text, expected", [
    ("Dam opens", "Water flowed on Monday.\nFarmers cheered.", "Dam opens\nWater flowed on Monday.\nFarmers cheered."),
    ("Dam opens", "Water flowed on Monday.\n\nFarmers cheered.", "Dam opens\n\nWater flowed on Monday.\n\nFarmers cheered."),
    ("Dam opens", "  Dam  opens\nWater flowed on Monday.", "  Dam  opens\nWater flowed on Monday."),  # opens with it already
    (None, "Water flowed on Monday.", "Water flowed on Monday."),
])
def test_title_put_in_front_in_the_text_layout(title, text, expected):
    assert bulk._with_title(title, text) == expected


def test_field_mapping_and_default_columns():
    assert bulk.unknown_fields({"text": "story", "author": "by", "body": "x"}) == ["author", "body"]
    assert bulk._columns({"text": "story"}, ["story", "headline", "date", "guid"]) == {
        "text": "story", "title": "headline", "url": None, "published_at": "date", "id": None}


def test_row_values_checked_one_by_one(tmp_path):
    p = tmp_path / "odd.jsonl"
    rows = [
        {"id": True, "text": "A boolean id is no id.", "title": "  Odd\n id  ", "url": " https://example.org/o "},
        {"id": "k2", "text": 42},
        {"id": "k3", "text": "Lone \ud800 surrogate."},
        {"id": "k4", "text": "Bad date kept out.", "published_at": "next Tuesday"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\xff\n", encoding="latin-1")
    lines = p.read_bytes().splitlines(keepends=True)
    assert read(p) == [
        RawDocument(source="odd.jsonl#1", text="Odd id\nA boolean id is no id.", encoding="utf-8",
                    content_sha256=sha("A boolean id is no id."), title="Odd id", url="https://example.org/o"),
        Rejection("odd.jsonl#k2", "text field (text) is a int, not a string"),
        Rejection("odd.jsonl#k3", "text field (text) is not valid Unicode: surrogates not allowed at 5"),
        RawDocument(source="odd.jsonl#k4", text="Bad date kept out.", encoding="utf-8", content_sha256=sha("Bad date kept out.")),
        Rejection("odd.jsonl#5", "line is not UTF-8: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
                  sha(lines[4])),
    ]


def test_csv_extra_cells_dropped_and_bom_skipped(tmp_path):
    p = tmp_path / "extra.csv"
    p.write_bytes(b"\xef\xbb\xbftitle,text\nPier reopens,The pier reopened on Sunday.,stray\n")
    assert read(p) == [RawDocument(source="extra.csv#1", text="Pier reopens\nThe pier reopened on Sunday.", encoding="utf-8",
                                   content_sha256=sha("The pier reopened on Sunday."), title="Pier reopens")]


def test_csv_documents_from_a_stream():
    fh = io.BytesIO(b"body,date\nTram line extended.,2023-06-01\n")
    assert list(bulk.csv_documents("s.csv", fh, MB, {})) == [
        RawDocument(source="s.csv#1", text="Tram line extended.", encoding="utf-8", content_sha256=sha("Tram line extended."),
                    published_at=datetime(2023, 6, 1, tzinfo=UTC))]
