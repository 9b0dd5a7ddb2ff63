"""Decoding: bytes to text with the encoding recorded, fallbacks named, binary refused."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.ingest.decode import LineDecoder, decode, decode_html


def test_decode_utf8_cp1252_utf16():
    assert decode("caf\u00e9 \u201cx\u201d".encode()) == ("caf\u00e9 \u201cx\u201d", "utf-8")
    text, enc = decode("caf\u00e9 \u2013 \u00a3100".encode("cp1252"))
    assert text == "caf\u00e9 \u2013 \u00a3100" and enc.startswith("cp1252")
    assert decode("Hello".encode("utf-16")) == ("Hello", "utf-16")


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
    (b"%PDF-1.4\n", "PDF"),
    (b"PK\x03\x04rest", "zip"),
    (b"abc\x00\x00\x00\x00def\x00\x00", "NUL"),
])
def test_decode_refuses_binary(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode(data)


@pytest.mark.parametrize("data, expected", [
    (b"\xef\xbb\xbfKiln lit", ("Kiln lit", "utf-8")),  # a UTF-8 byte-order mark is dropped
    (b"Caf\xe9 \x93open\x94", ("Caf\u00e9 \u201copen\u201d", "cp1252 (fallback from utf-8)")),
    (b"Byte \x81 undefined in cp1252", ("Byte \x81 undefined in cp1252", "latin-1 (fallback from utf-8)")),
    (b"One stray\x00 NUL in a longer line of text", ("One stray\x00 NUL in a longer line of text", "utf-8")),
])
def test_decode_exact(data, expected):
    assert decode(data) == expected


def test_decode_refusals_exact():
    with pytest.raises(ValueError, match=r"^binary file \(gzip archive\), not text$"):
        decode(b"\x1f\x8b\x08")
    with pytest.raises(ValueError, match=r"^binary content \(4 NUL bytes in 6\)$"):
        decode(b"a\x00\x00\x00\x00b")
    with pytest.raises(ValueError, match=r"^UTF-16 byte-order mark but undecodable: "):
        decode(b"\xff\xfe\x00\xd8")  # a lone surrogate


def test_decode_html_meta_charset():
    assert decode_html("<meta charset='windows-1251'><p>Привет</p>".encode("cp1251")) == (
        "<meta charset='windows-1251'><p>Привет</p>", "cp1251 (declared windows-1251)")
    assert decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>") == ("<p>café</p>", "utf-8")
    # no declaration: as ingest.decode (UTF-8, else cp1252)
    assert decode_html(b"<p>caf\xe9</p>") == ("<p>café</p>", "cp1252 (fallback from utf-8)")
    # an unknown declared charset falls back too
    assert decode_html(b"<meta charset=nonsense><p>ok</p>") == ("<meta charset=nonsense><p>ok</p>", "utf-8")


@pytest.mark.parametrize("data, expected", [
    (b'<?xml version="1.0" encoding="ISO-8859-15"?><p>\xa4 5</p>',
     ('<?xml version="1.0" encoding="ISO-8859-15"?><p>\u20ac 5</p>', "iso8859-15 (declared iso-8859-15)")),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=utf-16"><p>x</p>',
     ('<meta http-equiv="Content-Type" content="text/html; charset=utf-16"><p>x</p>', "utf-8 (declared utf-16)")),
    (b"<meta charset=latin1><p>\x81</p>", ("<meta charset=latin1><p>\x81</p>", "latin-1 (declared latin1, not valid cp1252)")),
    (b"<meta charset=utf-8><p>caf\xe9</p>", ("<meta charset=utf-8><p>caf\u00e9</p>", "cp1252 (fallback from utf-8)")),
    ("\ufeff<p>Tide</p>".encode("utf-16-le"), ("<p>Tide</p>", "utf-16")),
])
def test_decode_html_declarations_exact(data, expected):
    assert decode_html(data) == expected


def test_line_decoder_falls_back_per_line_and_says_so():
    dec = LineDecoder()
    lines = dec.lines(io.BytesIO(b"\xef\xbb\xbftext\nplain\ncaf\xe9\n"))
    assert (next(lines), dec.fell_back) == ("text\n", False)
    assert (next(lines), dec.fell_back) == ("plain\n", False)
    assert (next(lines), dec.fell_back) == ("caf\u00e9\n", True)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_either_decodes_or_refuses_with_a_reason(data):
    try:
        text, enc = decode(data)
    except ValueError as e:
        assert str(e)
        return
    assert isinstance(text, str) and enc
