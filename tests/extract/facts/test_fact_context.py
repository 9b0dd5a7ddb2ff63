"""tasks.extract.facts.context: tokens at offsets, where a number sits, the noun it counts, qualifiers before it."""
from __future__ import annotations

import pytest

from tasks.extract.facts import context, scan


def sites(parse, text: str):
    art, doc = parse(text)
    dx = context.TokenIndex(doc, art.text)
    sent = art.sentences[0]
    return dx, [(n, context.locate(dx, sent, n)) for n in scan.scan(sent.text)]


def test_token_index(parse):
    art, doc = parse("Police sent  350 officers.")
    dx = context.TokenIndex(doc, art.text)
    s = art.text.index("350")
    assert dx.at(s + 1).text == "350"
    assert dx.at(art.text.index("  ") + 1) is not None  # the extra space is a token of its own
    assert doc[dx.index_from(s)].text == "350"
    assert doc[dx.index_before(s)].text == "sent"  # spaces are skipped
    assert dx.index_before(0) == -1


def test_locate(parse):
    dx, ((n, site),) = sites(parse, "Police sent about 350 officers.")
    text = dx.text
    assert (text[site.start:site.end], text[site.ns:site.ne], site.tok.text, site.prev.text, site.sent_first) == (
        "about 350", "350", "350", "sent", False)
    _, ((_, first),) = sites(parse, "350 officers came.")
    assert first.prev is None and first.sent_first


@pytest.mark.parametrize("text,of_follows,expected", [
    ("Police sent 350 additional armed officers.", False, ("officers", "additional armed", False, True)),
    ("Thousands of job cuts followed.", True, ("cuts", "job", False, True)),
    ("A 12-page letter arrived.", False, ("page", "", True, False)),
    ("It has 3 cylinder engines.", False, ("engines", "cylinder", False, True)),
    ("It has 3 cylinder engine.", False, ("cylinder", "", False, False)),  # a measure noun right after the number
    ("One of Japan's biggest banks fell.", True, ("banks", "biggest", False, True)),
    ("The 20 staff left.", False, ("staff", "", False, True)),  # a collective noun counts as plural
    ("They built 40 more than planned.", False, None),
    ("About 60 in all.", False, None),
    ("About 60 cheered.", True, None),  # no "of": nothing counted after it
])
def test_counted_noun(parse, text, of_follows, expected):
    dx, ((n, site),) = sites(parse, text)
    cn = context.counted_noun(dx, site.ne, site.sent_end, of_follows, n.value)
    assert (None if cn is None else (cn.head.text, cn.quals, cn.glued, cn.plural)) == expected


@pytest.mark.parametrize("text,kind,expected", [
    ("Police sent a further 350 officers.", "count", ("a further 350", "further")),
    ("They sent another 20 tanks.", "count", ("another 20", "another")),
    ("They sent more 20 tanks.", "count", ("20", None)),
    ("It added a further 5%.", "percent", ("5%", None)),
])
def test_pre_qualified(parse, text, kind, expected):
    dx, ((n, site),) = sites(parse, text)
    start, qualifier = context.pre_qualified(site, kind, site.start, None)
    assert (dx.text[start:site.end], qualifier) == expected


def test_pre_qualifier_goes_before_the_noun_qualifiers(parse):
    dx, ((n, site),) = sites(parse, "Police sent an additional 350 armed officers.")
    assert context.pre_qualified(site, "count", site.start, "armed")[1] == "additional armed"
