"""HTML pages -> exact documents: main text, structure, boilerplate left out, metadata."""
from __future__ import annotations

import gzip
import hashlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tasks.ingest.discover import InputFile
from tasks.ingest.dispatch import read as read_inputs
from tasks.ingest.formats import html
from tasks.structure.clean import clean
from tasks.model import RawDocument, Rejection

INPUTS = Path(__file__).parent / "data"
UTC = timezone.utc
MB = 1_000_000


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read(path: Path, source: str | None = None, max_bytes: int = MB) -> list:
    return list(read_inputs([InputFile(path, source or path.name)], max_bytes=max_bytes))


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


def test_gz_html_page_same_as_plain(tmp_path):
    p = tmp_path / "article.html.gz"
    p.write_bytes(gzip.compress((INPUTS / "article.html").read_bytes()))
    assert read(p) == read(INPUTS / "article.html", source="article.html.gz")


# --- the page reader on its own --------------------------------------------------------

PAGE = """<html><head><title>Orchard growers count frost damage | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2023-04-05T18:15:00+02:00">
<meta name="description" content="Growers across the valley say a late frost has cost them a third of this year's apple blossom.">
</head><body><article>
<h1>Orchard growers count frost damage</h1>
<p>Apple growers in the upper valley spent Wednesday walking their rows after two nights of frost, counting the blossom that had turned brown overnight.</p>
<h2>Insurance claims</h2>
<p>The growers' cooperative said that about a third of the blossom had been lost and that its members would file insurance claims before the end of the month.</p>
<p>Photo: Valley Post</p>
</article></body></html>"""


def test_page_document_headline_standfirst_subheading_and_same_day_time():
    doc = html.html_document("orchard.html", PAGE.encode("utf-8"))
    assert doc.paragraphs_hint == [
        ("headline", "Orchard growers count frost damage"),  # the <title> without the site name
        ("standfirst", "Growers across the valley say a late frost has cost them a third of this year's apple blossom."),
        ("body", "Apple growers in the upper valley spent Wednesday walking their rows after two nights of frost, counting the blossom that had turned brown overnight."),
        ("subheading", "Insurance claims"),
        ("body", "The growers' cooperative said that about a third of the blossom had been lost and that its members would file insurance claims before the end of the month."),
    ]
    assert (doc.title, doc.encoding, doc.url) == ("Orchard growers count frost damage", "utf-8", None)
    assert doc.published_at == datetime(2023, 4, 5, 16, 15, tzinfo=UTC)  # the meta tag's time, in UTC
    assert doc.text == "\n\n".join(t for _, t in doc.paragraphs_hint)


def test_page_headline_only_is_refused():
    page = b"<html><head><title>Ferry times</title></head><body><article><h1>Ferry times</h1></article></body></html>"
    assert html.html_document("ferry.html", page) == Rejection("ferry.html", "no article text found in the page (headline only)", sha(page))


@pytest.mark.parametrize("title, site, expected", [
    ("Orchard growers count frost damage | Valley Post", "Valley Post", "Orchard growers count frost damage"),
    ("Valley Post \u2013 Orchard growers count frost damage", "Valley Post", "Orchard growers count frost damage"),
    ("Orchard growers count frost damage", None, "Orchard growers count frost damage"),
    ("Valley Post", "Valley Post", "Valley Post"),  # nothing left to strip around
])
def test_strip_site_name(title, site, expected):
    assert html._strip_site_name(title, site) == expected


BLOCKS = [("body", "Apple growers in the upper valley spent Wednesday walking their rows after two nights of frost.")]


@pytest.mark.parametrize("description, expected", [
    # a full sentence about the same story, not in the text: the standfirst
    ("Growers say a late frost in the upper valley has cost them a third of their apple blossom.",
     "Growers say a late frost in the upper valley has cost them a third of their apple blossom."),
    ("Too short to use.", None),
    ("Growers say a late frost in the upper valley has cost them a third of their...", None),  # a teaser
    ("Apple growers in the upper valley spent Wednesday walking their rows after two nights of frost.", None),  # in the text
    ("Subscribe now for unlimited access to every edition of our paper today.", None),  # not about the story
    (None, None),
])
def test_standfirst_from_description(description, expected):
    assert html._standfirst(description, "Orchard growers count frost damage", BLOCKS) == expected


@pytest.mark.parametrize("text, boilerplate", [
    ("Photo: Valley Post", True),
    ("(Credit: A. Hollis / Valley Post)", True),
    ("Sign up for our morning newsletter", True),
    ("We may earn a commission when you buy through links on our site.", True),
    ("The newsletter of the growers' cooperative reported the losses first.", False),
    ("Growers said the frost was the worst in a decade.", False),
])
def test_boilerplate_paragraphs(text, boilerplate):
    assert html._is_boilerplate(text) is boilerplate
