"""An HTML page (.html, .htm, .xhtml): one article, its text found by trafilatura.

Bytes are decoded by tasks.ingest.decode.decode_html. trafilatura (2.3.1) finds the main text
and the metadata (comments, navigation and related links are left out by its defaults,
include_comments=False); short paragraphs matching the patterns of data/html_boilerplate.txt
(photo credits standing alone, newsletter sign-up prompts, advertiser disclosures) are dropped
too. Its XML body gives the structure: each <head> is a subheading, each <p>, list item,
quotation line and table row a body paragraph (<lb/> line breaks split paragraphs).

The title, without the site's name, becomes the headline (paragraphs_hint[0]); the page's
description becomes the standfirst when it is a full sentence that the text does not already
hold; url is the page's canonical/og:url when absolute; published_at is decided by
tasks.ingest.published.page_published.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.common.datafiles import DataFiles
from tasks.common.hashing import sha256
from tasks.ingest.decode import decode_html
from tasks.ingest.published import page_published, published_metas
from tasks.model import RawDocument, Rejection

DATA = DataFiles.beside(__file__)

BOILERPLATE_MAX_WORDS = 60  # longer paragraphs are never dropped as boilerplate
STANDFIRST_MIN_WORDS = 6
STANDFIRST_PREFIX = 60  # a description whose start is in the text already is a teaser of it
STANDFIRST_OVERLAP = 0.3  # share of its longer words the description must have in the text
NO_TEXT = "no article text found in the page"
_SITE_SEPARATORS = r"[|\-\u2013\u2014:\u00b7]"


def html_document(source: str, data: bytes) -> RawDocument | Rejection:
    """The article in a page's bytes, or the reason there is none."""
    digest = sha256(data)
    try:
        text, enc = decode_html(data)
    except ValueError as e:
        return Rejection(source, str(e), digest)
    if not text.strip():
        return Rejection(source, "empty page", digest)
    extracted = _extract(text)
    if isinstance(extracted, str):
        return Rejection(source, extracted, digest)
    doc, metas = extracted
    blocks = _blocks(doc.body)
    if not blocks:
        return Rejection(source, NO_TEXT, digest)
    title = _strip_site_name(re.sub(r"\s+", " ", doc.title).strip(), doc.sitename) if doc.title else None
    url = doc.url if doc.url and re.match(r"https?://", doc.url) else None
    published = page_published(doc.date, metas, url)
    if title and blocks[0][1] == title:  # the page's <h1> kept in the text: it is the headline
        blocks = blocks[1:]
    if not blocks:
        return Rejection(source, f"{NO_TEXT} (headline only)", digest)
    standfirst = _standfirst(doc.description, title, blocks)
    hint = ([("headline", title)] if title else []) + ([("standfirst", standfirst)] if standfirst else []) + blocks
    return RawDocument(source=source, text="\n\n".join(t for _, t in hint), encoding=enc, content_sha256=digest,
                       title=title, url=url, published_at=published, paragraphs_hint=hint)


def _extract(text: str):
    """(trafilatura's document, the publication meta tags) of a decoded page, or why there are none."""
    # imported on the first page read: 0.8 s that a run without HTML inputs never pays
    import trafilatura
    from lxml import etree

    try:
        tree = trafilatura.load_html(text)
        if tree is None and "<" in text:  # a fragment (no <html>): parse it wrapped in a page
            tree = trafilatura.load_html(f"<html><body>{text}</body></html>")
        if tree is None:
            return "not parseable as HTML"
        metas = published_metas(tree)
        doc = trafilatura.bare_extraction(tree, include_comments=False, include_formatting=True, with_metadata=True)
    except (ValueError, TypeError, etree.LxmlError) as e:
        return f"HTML extraction failed: {e.__class__.__name__}: {e}"
    if doc is None or doc.body is None:
        return NO_TEXT
    return doc, metas


@lru_cache(maxsize=None)
def _boilerplate() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in DATA.lines("html_boilerplate.txt")), re.I)


def _is_boilerplate(text: str) -> bool:
    return len(text.split()) <= BOILERPLATE_MAX_WORDS and _boilerplate().search(text) is not None


def _blocks(body) -> list[tuple[str, str]]:
    """(kind, text) paragraphs from trafilatura's XML body."""
    from trafilatura.xml import xmltotxt  # see _extract

    out: list[tuple[str, str]] = []
    for child in body:
        if child.tag == "graphic":
            continue
        kind = "subheading" if child.tag == "head" else "body"
        for line in xmltotxt(child, include_formatting=False).split("\n"):
            line = _block_line(child.tag, line.strip())
            if line and not _is_boilerplate(line):
                out.append((kind, line))
    return out


def _block_line(tag: str, line: str) -> str | None:
    """One line of an extracted element without its list marker or table bars (None: a table rule)."""
    if tag == "list":
        return re.sub(r"^(?:[-*\u2022]|[0-9]+\.)\s+", "", line)
    if tag == "table" and line.startswith("|"):
        if re.fullmatch(r"[|\-: ]+", line):
            return None
        return line.strip("| ").strip()
    return line


def _strip_site_name(title: str, site: str | None) -> str | None:
    """'Headline | Site' -> 'Headline' (also 'Site - Headline', with -, |, \u2013, \u2014, : or \u00b7)."""
    if site:
        site = re.escape(site.strip())
        title = re.sub(rf"\s+{_SITE_SEPARATORS}\s+{site}$", "", title, flags=re.I)
        title = re.sub(rf"^{site}\s+{_SITE_SEPARATORS}\s+", "", title, flags=re.I)
    return title or None


def _standfirst(description: str | None, title: str | None, blocks: list[tuple[str, str]]) -> str | None:
    """The page's description (og:description, meta description) as standfirst, when it is a
    full sentence about the article that the extracted text does not already hold."""
    if not description:
        return None
    d = re.sub(r"\s+", " ", description).strip()
    words = re.findall(r"\w+", d.lower())
    if len(words) < STANDFIRST_MIN_WORDS or d.endswith(("...", "\u2026")) or (title and d.lower() == title.lower()):
        return None
    norm_body = re.sub(r"\s+", " ", " ".join(t for _, t in blocks)).lower()
    if d.lower() in norm_body or d.lower()[:STANDFIRST_PREFIX] in norm_body:
        return None
    content = [w for w in words if len(w) > 3]
    body_words = set(re.findall(r"\w+", norm_body))
    if not content or sum(w in body_words for w in content) < STANDFIRST_OVERLAP * len(content):
        return None
    return d


__all__ = ["html_document"]
