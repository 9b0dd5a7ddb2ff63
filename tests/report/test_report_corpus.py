"""tasks.report.corpus (the corpus at a glance; the outlet of an article) and tasks.report.ranked."""
from __future__ import annotations

from tasks.report.corpus import Corpus, Glance, corpus, outlet_of
from tasks.report.load import load
from tasks.report.ranked import ranked


def test_outlet_is_the_web_site_else_the_inputs_folder():
    assert outlet_of("in/a.html", "https://www.example.org/news/1") == "example.org"
    assert outlet_of("in/a.html", "http://news.example.co.uk:8080/x") == "news.example.co.uk"
    assert outlet_of("corpus/bbc/sport/001.txt", None) == "sport"
    assert outlet_of("corpus/bbc/sport/001.txt", float("nan")) == "sport"  # a null read by pandas
    assert outlet_of("dumps/feed.jsonl.gz#42", None) == "feed.jsonl.gz"
    assert outlet_of("notes/issue#3.txt", None) == "notes"  # '#' in a plain file name
    assert outlet_of("alone.txt", "") == "."


def test_ranking_is_by_count_then_name():
    assert ranked([("b", 2), ("a", 2), ("c", 5), (None, 1)]) == [("c", 5), ("a", 2), ("b", 2), ("None", 1)]


def test_corpus_of_the_invented_folder(invented):
    assert corpus(load(invented.out)) == Corpus(
        glance=Glance(articles=3, words=240, dated=2, quotes=6, quotes_with_speaker=5, facts=4, entities=6, distinct_entities=4,
                      refused=1, quarantined=2),
        per_month=[("2026-01", 2), ("2026-02", 1)], per_outlet=[("example.org", 2), ("feed.jsonl", 1)], outlets=2)
