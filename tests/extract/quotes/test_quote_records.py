"""The records passed between the steps of quotation extraction."""
from __future__ import annotations

from tasks.extract.quotes.marks import QuoteSpan
from tasks.extract.quotes.records import Attribution, Quote, Reported


def test_defaults_say_nothing_was_found():
    att = Attribution()
    assert (att.cue, att.speaker_start, att.speaker_end, att.head, att.how, att.source, att.strategy) == (None,) * 4 + ("none", None, None)
    q = Quote(span=QuoteSpan(open=0, close=5, start=1, end=5, para=0), kind="full")
    assert (q.att, q.kept, q.resolution) == (None, True, None)
    r = Reported(start=3, end=9, att=att)
    assert r.resolution is None
