"""The corpus-level entity_index: one key per real thing across articles, rebuilt at commit month by month."""
from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import pyarrow as pa

from tasks.schemas import ENTITIES, QUOTES, row
from tasks.store import entity_index, journal, staging
from tasks.store.commit import commit
from tasks.store.layout import OutputLayout
from tasks.store.manifest import Manifest
from tasks.store.tables import read_table
from tasks.validate.quarantine import quarantine

JAN = datetime(2026, 1, 20, tzinfo=timezone.utc)
FEB = datetime(2026, 2, 3, tzinfo=timezone.utc)
MAR = datetime(2026, 3, 9, tzinfo=timezone.utc)


def _entity(aid: str, n: int, name: str, label: str, key: str, mentions: int) -> dict:
    return row(ENTITIES, article_id=aid, entity_id=f"{aid}:{n}", entity_key=key, name=name, label=label,
               mention_count=mentions, aliases=[name], role=None)


def _quote(aid: str, n: int, text: str, speaker: dict) -> dict:
    values = {c: None for c in QUOTES.names} | {
        "article_id": aid, "quote_id": f"{aid}:q:{n}", "paragraph_idx": 0, "sentence_idx": 0, "char_start": 0,
        "char_end": len(text), "text": text, "kind": "full", "closed": True, "speaker": speaker["name"],
        "speaker_entity_id": speaker["entity_id"], "entity_key": speaker["entity_key"], "attribution": "name"}
    return row(QUOTES, **values)


def _batch(layout, extracted, run_id: str, articles: list[tuple], entities: list[dict], quotes: list[dict]):
    spec, ex = extracted(0, articles, run_id=run_id)
    ex.tables["entities"] = pa.Table.from_pylist(entities, schema=ENTITIES)
    ex.tables["quotes"] = pa.Table.from_pylist(quotes, schema=QUOTES)
    return staging.stage_batch(layout, spec, ex, quarantine(ex.tables, {}), {}, {})


def _first_run(layout, extracted):
    """a1 (January) names Mara Lindqvist in full and the country Jordan; b1 (February) names her
    by her surname only, and a footballer called Jordan."""
    mara = _entity("a1", 0, "Mara Lindqvist", "PERSON", "PERSON:mara-lindqvist", 2)
    lindqvist = _entity("b1", 0, "Lindqvist", "PERSON", "PERSON:lindqvist", 1)
    ents = [mara, _entity("a1", 1, "Jordan", "GPE", "GPE:jordan", 1), lindqvist,
            _entity("b1", 1, "Jordan", "PERSON", "PERSON:jordan", 1)]
    quotes = [_quote("a1", 0, "We will build it", mara), _quote("a1", 1, "Not this year", mara),
              _quote("b1", 0, "The vote is close", lindqvist)]
    arts = [("a1", "a.txt", "Mayor Mara Lindqvist visits Jordan", JAN), ("b1", "b.txt", "Lindqvist meets Jordan", FEB)]
    commit(layout, "R1", [_batch(layout, extracted, "R1", arts, ents, quotes)], Manifest())


def _index(tmp_path) -> list[tuple]:
    df = read_table(tmp_path, "entity_index")
    return [(r.entity_key, r.canonical_key, r.label, r.name, r.articles, r.mentions, r.quotes,
             r.first_published_at.month, r.last_published_at.month) for r in df.itertuples()]


def test_a_surname_takes_the_key_of_the_one_full_name_and_a_namesake_of_another_label_stays_apart(tmp_path, extracted):
    _first_run(OutputLayout(tmp_path), extracted)
    assert _index(tmp_path) == [
        ("GPE:jordan", "GPE:jordan", "GPE", "Jordan", 1, 1, 0, 1, 1),
        ("PERSON:jordan", "PERSON:jordan", "PERSON", "Jordan", 1, 1, 0, 2, 2),
        ("PERSON:lindqvist", "PERSON:mara-lindqvist", "PERSON", "Mara Lindqvist", 2, 3, 3, 1, 2),
        ("PERSON:mara-lindqvist", "PERSON:mara-lindqvist", "PERSON", "Mara Lindqvist", 2, 3, 3, 1, 2),
    ]


def test_a_second_full_name_makes_the_surname_ambiguous_and_only_its_month_is_summed_again(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    _first_run(layout, extracted)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.parquet") if "entity_index" not in p.parts}
    erik = _entity("c1", 0, "Erik Lindqvist", "PERSON", "PERSON:erik-lindqvist", 1)
    commit(layout, "R2", [_batch(layout, extracted, "R2", [("c1", "c.txt", "Erik Lindqvist wins", MAR)], [erik],
                                 [_quote("c1", 0, "I am delighted", erik)])], Manifest.load(layout))
    assert _index(tmp_path) == [
        ("GPE:jordan", "GPE:jordan", "GPE", "Jordan", 1, 1, 0, 1, 1),
        ("PERSON:erik-lindqvist", "PERSON:erik-lindqvist", "PERSON", "Erik Lindqvist", 1, 1, 1, 3, 3),
        ("PERSON:jordan", "PERSON:jordan", "PERSON", "Jordan", 1, 1, 0, 2, 2),
        ("PERSON:lindqvist", "PERSON:lindqvist", "PERSON", "Lindqvist", 1, 1, 1, 2, 2),
        ("PERSON:mara-lindqvist", "PERSON:mara-lindqvist", "PERSON", "Mara Lindqvist", 1, 2, 2, 1, 1),
    ]
    # no part of the first run and no summary of January or February was written again
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert sorted(p.name for p in (tmp_path / entity_index.STATE).iterdir()) == [
        "month=2026-01.parquet", "month=2026-02.parquet", "month=2026-03.parquet"]


def test_a_commit_that_changes_no_month_leaves_the_index_alone(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    _first_run(layout, extracted)
    assert entity_index.commit_ops(layout, "R2", []) == []


def test_every_quote_by_a_person_is_one_join(tmp_path, extracted):
    _first_run(OutputLayout(tmp_path), extracted)
    got = duckdb.sql(f"""
        select q.article_id, q.text
        from read_parquet('{tmp_path}/quotes/**/*.parquet', hive_partitioning=true) q
        join read_parquet('{tmp_path}/entity_index/*.parquet') i on q.entity_key = i.entity_key
        where i.canonical_key = 'PERSON:mara-lindqvist'
        order by q.article_id, q.quote_id""").fetchall()
    assert got == [("a1", "We will build it"), ("a1", "Not this year"), ("b1", "The vote is close")]


def test_a_run_without_entities_gives_an_empty_index_and_the_next_commit_touches_nothing(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    spec, ex = extracted(0, [("a1", "a.txt", "Ferry fares rise", JAN)])
    commit(layout, "R1", [staging.stage_batch(layout, spec, ex, quarantine(ex.tables, {}), {}, {})], Manifest())
    assert read_table(tmp_path, "entity_index").empty
    assert entity_index.commit_ops(layout, "R2", []) == []


def test_an_index_that_is_gone_is_written_again_from_the_month_sums(tmp_path, extracted):
    layout = OutputLayout(tmp_path)
    _first_run(layout, extracted)
    expected = _index(tmp_path)
    (tmp_path / entity_index.INDEX_PART).unlink()
    ops = entity_index.commit_ops(layout, "R2", [])
    assert [op["dst"] for op in ops] == [entity_index.INDEX_PART]
    journal.carry_out(layout, {"run_id": "R2", "ops": ops, "manifest": {}})
    assert _index(tmp_path) == expected
