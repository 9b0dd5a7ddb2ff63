"""Readers: HTML pages, JSONL/CSV/Parquet dumps, .gz and .zip archives -> exact documents."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tasks.ingest import files as ingest
from tasks.ingest import readers
from tasks.structure.clean import clean
from tasks.model import RawDocument, Rejection

INPUTS = Path(__file__).parent / "data" / "inputs"
UTC = timezone.utc
MB = 1_000_000


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read(path: Path, source: str | None = None, max_bytes: int = MB, fields: dict[str, str] | None = None) -> list:
    return list(readers.read(ingest.InputFile(path, source or path.name), max_bytes=max_bytes, fields=fields))


# --- HTML ----------------------------------------------------------------------------

ARTICLE_PARAS = [
    ("headline", "Harbour town votes to keep its ferry"),
    ("standfirst", "Residents of Port Wren backed a plan to run the island ferry for another ten years despite rising fuel costs."),
    ("body", "Residents of Port Wren voted on Wednesday to keep the island ferry running for another ten years, ending a dispute that had split the small harbour town since the autumn."),
    ("body", "The council said 2,314 people took part in the ballot, and 61 percent of them backed the plan to renew the operating contract despite a steep rise in fuel costs."),
    ("subheading", "Fuel costs"),
    ("body", "\"We knew it would be close, but people here depend on that boat,\" said the council leader, Ines Harrow, who had campaigned for the renewal since last year."),
    ("body", "The operator has warned that ticket prices could rise by up to 15 percent next month if diesel stays at its current price."),
    ("body", "Opponents of the plan, who wanted the service replaced by a smaller passenger launch, said they would accept the result of the vote."),
]


def test_html_page_exact_document():
    path = INPUTS / "article.html"
    assert read(path) == [RawDocument(
        source="article.html",
        text="\n\n".join(t for _, t in ARTICLE_PARAS),
        encoding="utf-8 (declared utf-8)",
        content_sha256=sha(path.read_bytes()),
        title="Harbour town votes to keep its ferry",
        url="https://news.example.com/2022/02/10/harbour-town-ferry-vote",
        published_at=datetime(2022, 2, 10, 8, 30, tzinfo=UTC),  # 09:30+01:00
        paragraphs_hint=ARTICLE_PARAS,
    )]


def test_html_boilerplate_left_out_and_structure_kept():
    (doc,) = read(INPUTS / "article.html")
    art = clean(doc)
    for boiler in ("cookies", "Weather forecast", "Related stories", "Lighthouse keeper", "Great news for the island",
                   "far too high", "Copyright", "Privacy policy", "By Mara Quint", "Coastal Ledger", "Photo:", "newsletter"):
        assert boiler not in art.text
    assert [(p.kind, p.section) for p in art.paragraphs] == [
        ("headline", None), ("standfirst", None), ("body", None), ("body", None),
        ("subheading", "Fuel costs"), ("body", "Fuel costs"), ("body", "Fuel costs"), ("body", "Fuel costs")]
    assert all(art.text[p.start:p.end] == p.text for p in art.paragraphs)
    assert art.title == "Harbour town votes to keep its ferry"
    assert art.standfirst == ARTICLE_PARAS[1][1]


def test_html_declared_latin1_and_date_from_url():
    path = INPUTS / "cafe-latin1.htm"
    paras = [
        ("headline", "Café owners in Montélimar protest new terrace fees"),
        ("body", "Owners of more than forty cafés in Montélimar closed their terraces for an hour on Tuesday in protest at a new municipal fee that they say will cost each of them several thousand euros a year."),
        ("body", "The town hall defended the fee, saying that the money would pay for wider pavements and new benches along the main square, and that the charge had not changed since 2009."),
        ("body", "« We are not against the works, we are against paying for all of them », said Renée Falc, who runs a small bakery and café near the station."),
    ]
    assert read(path) == [RawDocument(
        source="cafe-latin1.htm", text="\n\n".join(t for _, t in paras), encoding="cp1252 (declared iso-8859-1)",
        content_sha256=sha(path.read_bytes()), title=paras[0][1],
        url="https://regional.example.org/news/2021/11/03/cafe-terrace-fees",
        published_at=datetime(2021, 11, 3, tzinfo=UTC), paragraphs_hint=paras)]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty page"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found in the page"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file (PNG image), not text"),
])
def test_html_bad_pages_rejected(tmp_path, data, reason):
    p = tmp_path / "bad.html"
    p.write_bytes(data)
    assert read(p) == [Rejection("bad.html", reason, sha(data))]


def test_html_too_large(tmp_path):
    p = tmp_path / "big.html"
    p.write_bytes(b"<p>" + b"x" * 200 + b"</p>")
    assert read(p, max_bytes=100) == [Rejection("big.html", "file too large (207 bytes > limit 100)")]


def test_decode_html_meta_charset():
    assert readers.decode_html("<meta charset='windows-1251'><p>Привет</p>".encode("cp1251")) == (
        "<meta charset='windows-1251'><p>Привет</p>", "cp1251 (declared windows-1251)")
    assert readers.decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>") == ("<p>café</p>", "utf-8")
    # no declaration: as ingest.decode (UTF-8, else cp1252)
    assert readers.decode_html(b"<p>caf\xe9</p>") == ("<p>café</p>", "cp1252 (fallback from utf-8)")
    # an unknown declared charset falls back too
    assert readers.decode_html(b"<meta charset=nonsense><p>ok</p>") == ("<meta charset=nonsense><p>ok</p>", "utf-8")


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


# --- archives ------------------------------------------------------------------------


def test_gz_jsonl_same_rows_as_plain(tmp_path):
    p = tmp_path / "rows.jsonl.gz"
    p.write_bytes(gzip.compress((INPUTS / "rows.jsonl").read_bytes()))
    plain = read(INPUTS / "rows.jsonl", source="rows.jsonl.gz")
    assert read(p) == plain


def test_gz_over_size_bound(tmp_path):
    p = tmp_path / "big.html.gz"
    p.write_bytes(gzip.compress(b"<p>" + b"a" * 5000 + b"</p>"))
    assert read(p, max_bytes=1000) == [Rejection("big.html.gz", "gzip member too large (5007 bytes uncompressed > limit 1000)")]


def test_gz_bound_enforced_while_inflating(tmp_path):
    # a trailer that lies about the size: the bytes actually inflated are counted
    data = bytearray(gzip.compress(b"\n".join(json.dumps({"text": f"row {i} " + "b" * 80}).encode() for i in range(300))))
    data[-4:] = (10).to_bytes(4, "little")
    p = tmp_path / "lying.jsonl.gz"
    p.write_bytes(bytes(data))
    out = read(p, max_bytes=10_000)
    # rows read before the bound was hit are kept, then the member is refused
    assert all(isinstance(d, RawDocument) for d in out[:-1]) and 0 < len(out) - 1 < 300
    assert out[-1] == Rejection("lying.jsonl.gz", "gzip member lying.jsonl exceeds the limit of 10000 bytes uncompressed")


def test_gz_corrupt_and_unsupported(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"text": "x"}\n' * 50)[:40])
    (rej,) = read(bad)
    assert rej.source == "bad.jsonl.gz" and rej.reason.startswith("corrupt archive")
    other = tmp_path / "pic.png.gz"
    other.write_bytes(gzip.compress(b"\x89PNG"))
    assert read(other) == [Rejection("pic.png.gz", "unsupported type inside gzip: pic.png")]


def test_zip_of_mixed_inputs(tmp_path):
    p = tmp_path / "pages.zip"
    bound = (INPUTS / "article.html").stat().st_size + 50  # the page is under the bound, big.txt over it
    txt = "Ferry strike ends\n\nCrews returned to work on Monday."
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(INPUTS / "article.html", "site/article.html")
        z.writestr("notes/story.txt", txt.encode("cp1252"))
        z.writestr("rows.jsonl", '{"id": "z1", "text": "Zipped row."}\nnot json\n')
        z.writestr("image.png", b"\x89PNG")  # other types are skipped, as in folders
        z.writestr("__MACOSX/._article.html", b"junk")
        z.writestr("empty.txt", b"  \n")
        z.writestr("big.txt", b"y" * (bound + 100))
    out = read(p, max_bytes=bound)
    html = read(INPUTS / "article.html", source="pages.zip/site/article.html")
    assert out == html + [
        RawDocument(source="pages.zip/notes/story.txt", text=txt, encoding="utf-8", content_sha256=sha(txt)),
        RawDocument(source="pages.zip/rows.jsonl#z1", text="Zipped row.", encoding="utf-8", content_sha256=sha("Zipped row.")),
        Rejection("pages.zip/rows.jsonl#2", "invalid JSON: Expecting value at column 1", sha("not json\n")),
        Rejection("pages.zip/empty.txt", "empty or whitespace-only file", sha("  \n")),
        Rejection("pages.zip/big.txt", f"zip member too large ({bound + 100} bytes uncompressed > limit {bound})"),
    ]


def test_zip_txt_decoded_like_ingest(tmp_path):
    p = tmp_path / "a.zip"
    raw = "Café reopens\n\nThe “old” café reopened.".encode("cp1252")
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a.txt", raw)
    assert read(p) == [RawDocument(source="a.zip/a.txt", text=raw.decode("cp1252"), encoding="cp1252 (fallback from utf-8)",
                                   content_sha256=sha(raw))]


def test_zip_nested_and_corrupt(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep.txt", b"Deep text.")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("inner.zip", inner.getvalue())
    assert read(outer) == [RawDocument(source="outer.zip/inner.zip/deep.txt", text="Deep text.", encoding="utf-8", content_sha256=sha("Deep text."))]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 truncated")
    (rej,) = read(bad)
    assert rej.source == "bad.zip" and rej.reason.startswith("corrupt archive")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("x.png", b"\x89PNG")
    assert read(empty) == [Rejection("empty.zip", "archive holds no readable input")]


# --- through ingest ------------------------------------------------------------------


def test_ingest_discovers_and_reads_reader_types(tmp_path):
    (tmp_path / "a.txt").write_text("Plain\n\nText file.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Row one."}\n', encoding="utf-8")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Row two."}\n'))
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    files, rejected = ingest.discover([tmp_path])
    assert rejected == [] and [f.path.name for f in files] == ["a.txt", "b.jsonl", "c.jsonl.gz"]
    docs = list(ingest.read(files))
    assert [(Path(d.source).name, d.text) for d in docs] == [("a.txt", "Plain\n\nText file."), ("b.jsonl#1", "Row one."), ("c.jsonl.gz#1", "Row two.")]


def test_jsonl_overlong_line_skipped_without_loading(tmp_path):
    p = tmp_path / "long.jsonl"
    p.write_bytes(b'{"text": "before"}\r\n' + b'{"text": "' + b"z" * 500 + b'"}\n' + b'{"text": "after"}')
    assert read(p, max_bytes=100) == [
        RawDocument(source="long.jsonl#1", text="before", encoding="utf-8", content_sha256=sha("before")),
        Rejection("long.jsonl#2", "line too large (513 bytes > limit 200)"),
        RawDocument(source="long.jsonl#3", text="after", encoding="utf-8", content_sha256=sha("after")),
    ]


def test_gz_html_page_same_as_plain(tmp_path):
    p = tmp_path / "article.html.gz"
    p.write_bytes(gzip.compress((INPUTS / "article.html").read_bytes()))
    assert read(p) == read(INPUTS / "article.html", source="article.html.gz")


@pytest.mark.parametrize("value, expected", [
    ("2022-02-10", datetime(2022, 2, 10, tzinfo=UTC)),
    ("2022-02-10T09:30:00+01:00", datetime(2022, 2, 10, 8, 30, tzinfo=UTC)),
    ("2022-02-10T09:30:00Z", datetime(2022, 2, 10, 9, 30, tzinfo=UTC)),
    ("2022-02-10 09:30", datetime(2022, 2, 10, 9, 30, tzinfo=UTC)),  # naive: taken as UTC
    ("Thu, 10 Feb 2022 12:00:00 +0100", datetime(2022, 2, 10, 11, 0, tzinfo=UTC)),
    (1644451200, datetime(2022, 2, 10, tzinfo=UTC)),
    (1644451200000, datetime(2022, 2, 10, tzinfo=UTC)),  # milliseconds
    (datetime(2022, 2, 10, 9, 30), datetime(2022, 2, 10, 9, 30, tzinfo=UTC)),
    ("10/02/2022", None),  # ambiguous day/month order: not guessed
    ("yesterday", None),
    ("", None),
    (True, None),
    (1e30, None),
])
def test_published_at_values(value, expected):
    assert readers._parse_datetime(value) == expected
