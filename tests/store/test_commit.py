"""The commit: what a run's staged parts change in the tables and the manifest."""
from __future__ import annotations

from datetime import datetime, timezone

from tasks import PIPELINE_VERSION
from tasks.store import staging
from tasks.store.commit import commit
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest
from tasks.store.tables import read_table
from tasks.validate.quarantine import quarantine

JAN = datetime(2026, 1, 20, tzinfo=timezone.utc)


def _stage(layout, spec, ex):
    return staging.stage_batch(layout, spec, ex, quarantine(ex.tables, {}), {}, {})


def test_a_duplicate_in_a_later_batch_becomes_a_source_and_every_table_exists(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    batches = [_stage(layout, *extracted(0, [("a1", "a.txt", "Mayor opens bridge", JAN)])),
               _stage(layout, *extracted(1, [("a1", "copy.txt", "Mayor opens bridge", JAN), ("b1", "b.txt", "Ferry fares rise", JAN)]))]
    counts = commit(layout, "R1", batches, Manifest())
    assert counts == {"new_articles": 2, "replaced_articles": 0, "removed_articles": 0, "rewritten_parts": 0, "retired": []}
    arts = read_table(tmp_path, "articles").sort_values("article_id")
    assert list(arts["article_id"]) == ["a1", "b1"]
    assert [list(s) for s in arts["sources"]] == [["a.txt", "copy.txt"], ["b.txt"]]
    assert sorted(read_table(tmp_path, "paragraphs")["article_id"]) == ["a1", "b1"]
    for table in ("sentences", "entities", "mentions", "quotes", "numeric_facts"):  # schema-only parts
        assert read_table(tmp_path, table).empty and any(layout.table(table).rglob("*-empty.parquet")), table
    m = Manifest.load(layout)
    assert m.inputs == {"a.txt": {"sha": "file-a.txt", "version": PIPELINE_VERSION, "articles": ["a1"]},
                        "copy.txt": {"sha": "file-copy.txt", "version": PIPELINE_VERSION, "articles": ["a1"]},
                        "b.txt": {"sha": "file-b.txt", "version": PIPELINE_VERSION, "articles": ["b1"]}}
    assert m.articles == {"a1": {"part": "month=2026-01/part-R1-00000.parquet", "sources": ["a.txt", "copy.txt"], "content_sha256": "sha-a1",
                                 "version": PIPELINE_VERSION},
                          "b1": {"part": "month=2026-01/part-R1-00001.parquet", "sources": ["b.txt"], "content_sha256": "sha-b1",
                                 "version": PIPELINE_VERSION}}
    assert not layout.staging("R1").exists() and not layout.journal.exists()


def test_a_changed_input_replaces_its_article_and_the_sources_follow_the_inputs(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    first = [_stage(layout, *extracted(0, [("a1", "a.txt", "Mayor opens bridge", JAN)])),
             _stage(layout, *extracted(1, [("a1", "copy.txt", "Mayor opens bridge", JAN), ("b1", "b.txt", "Ferry fares rise", JAN)]))]
    commit(layout, "R1", first, Manifest())
    # b.txt now holds another article, and a.txt holds b.txt's old one
    second = [_stage(layout, *extracted(0, [("b2", "b.txt", "Ferry fares fall", JAN), ("b1", "a.txt", "Ferry fares rise", JAN)],
                                        run_id="R2"))]
    counts = commit(layout, "R2", second, Manifest.load(layout))
    # both of R1's parts hold an article whose sources changed: their articles and paragraphs parts are rewritten
    assert counts == {"new_articles": 1, "replaced_articles": 0, "removed_articles": 0, "rewritten_parts": 4, "retired": []}
    arts = read_table(tmp_path, "articles").sort_values("article_id")
    assert list(arts["article_id"]) == ["a1", "b1", "b2"]
    assert [list(s) for s in arts["sources"]] == [["copy.txt"], ["a.txt"], ["b.txt"]]
    assert list(arts["source"]) == ["copy.txt", "a.txt", "b.txt"]
    m = Manifest.load(layout)
    assert {aid: a["sources"] for aid, a in m.articles.items()} == {"a1": ["copy.txt"], "b1": ["a.txt"], "b2": ["b.txt"]}
    assert m.articles["b1"]["part"] == "month=2026-01/part-R1-00001.parquet"  # it stays where it was written
    assert sorted(read_table(tmp_path, "paragraphs")["article_id"]) == ["a1", "b1", "b2"]


def test_an_article_no_input_holds_any_more_is_removed(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    commit(layout, "R1", [_stage(layout, *extracted(0, [("a1", "a.txt", "Mayor opens bridge", JAN),
                                                         ("b1", "b.txt", "Ferry fares rise", JAN)]))], Manifest())
    counts = commit(layout, "R2", [_stage(layout, *extracted(0, [("a2", "a.txt", "Mayor closes bridge", JAN)], run_id="R2"))],
                    Manifest.load(layout))
    assert counts == {"new_articles": 1, "replaced_articles": 0, "removed_articles": 1, "rewritten_parts": 2, "retired": []}
    assert sorted(read_table(tmp_path, "articles")["article_id"]) == ["a2", "b1"]
    assert sorted(read_table(tmp_path, "paragraphs")["article_id"]) == ["a2", "b1"]
