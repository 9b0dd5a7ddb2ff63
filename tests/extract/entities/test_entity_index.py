"""tasks.extract.entities.index: the EntityIndex, its lookups and its rows."""
from __future__ import annotations

from tasks.extract.entities.index import Entity, EntityIndex
from tasks.model import Article, Sentence
from tasks.schemas import ENTITIES, MENTIONS


def _index() -> EntityIndex:
    return EntityIndex("a1", [
        Entity("a1:0", "Karl Lind", "PERSON", aliases=["Karl Lind", "Lind"], role="head of the Nordic Council",
               mentions=[(0, 9), (40, 44)], roles=["head of the Nordic Council"]),
        Entity("a1:1", "United Kingdom", "GPE", aliases=["UK"], mentions=[(20, 22)]),
        Entity("a1:2", "Ann Berg", "PERSON", aliases=["Ann Berg"], role="Swedish envoy", mentions=[(50, 58)],
               roles=["Swedish envoy"], country="Sweden", nationality="Swedish"),
        Entity("a1:3", "Ola Dahl", "PERSON", aliases=["Ola Dahl"], role="Swedish envoy", mentions=[(70, 78)],
               roles=["Swedish envoy"], country="Sweden", nationality="Swedish"),
    ])


def test_at_finds_the_entity_of_an_overlapping_mention():
    idx = _index()
    assert [getattr(idx.at(s, e), "entity_id", None) for s, e in [(0, 1), (8, 12), (9, 20), (21, 30), (44, 45), (39, 41)]] == [
        "a1:0", "a1:0", None, "a1:1", None, "a1:0"]
    idx.entities[1].mentions.append((30, 32))  # the index follows new mentions
    assert idx.at(31, 32).entity_id == "a1:1"


def test_by_name_names_aliases_and_country_aliases():
    idx = _index()
    assert [getattr(idx.by_name(n), "entity_id", None) for n in ("karl lind", " Lind ", "the UK", "Britain", "United Kingdom", "Berg")] == [
        "a1:0", "a1:0", "a1:1", "a1:1", "a1:1", None]


def test_by_description_prefers_the_best_score_then_the_latest_mentioned():
    idx = _index()
    assert idx.by_description("the Swedish envoy").entity_id == "a1:3"
    assert idx.by_description("the Swedish envoy", before=60).entity_id == "a1:2"
    assert idx.by_description("the Swedish envoy", before=50) is None
    assert idx.by_description("the council head").entity_id == "a1:0"
    assert idx.by_description("the Norwegian envoy") is None


def test_rows():
    text = "Karl Lind met the UK delegation. Later Lind left."
    art = Article(article_id="a1", source="x", text=text, paragraphs=[], content_sha256="0" * 64,
                  sentences=[Sentence(idx=0, paragraph_idx=0, start=0, end=32, text=text[:32]),
                             Sentence(idx=1, paragraph_idx=0, start=33, end=49, text=text[33:])])
    idx = EntityIndex("a1", [Entity("a1:0", "Karl Lind", "PERSON", aliases=["Lind", "Karl Lind", "Lind"], mentions=[(39, 43), (0, 9)]),
                             Entity("a1:1", "United Kingdom", "GPE", aliases=["UK"], mentions=[(18, 20)])])
    ents, ments = idx.rows(art)
    assert ents == [
        {"article_id": "a1", "entity_id": "a1:0", "entity_key": "PERSON:karl-lind", "name": "Karl Lind", "label": "PERSON", "mention_count": 2, "aliases": ["Karl Lind", "Lind"],
         "role": None},
        {"article_id": "a1", "entity_id": "a1:1", "entity_key": "GPE:united-kingdom", "name": "United Kingdom", "label": "GPE", "mention_count": 1, "aliases": ["UK"], "role": None},
    ]
    assert ments == [
        {"article_id": "a1", "entity_id": "a1:0", "entity_key": "PERSON:karl-lind", "sentence_idx": 0, "char_start": 0, "char_end": 9, "text": "Karl Lind", "label": "PERSON"},
        {"article_id": "a1", "entity_id": "a1:1", "entity_key": "GPE:united-kingdom", "sentence_idx": 0, "char_start": 18, "char_end": 20, "text": "UK", "label": "GPE"},
        {"article_id": "a1", "entity_id": "a1:0", "entity_key": "PERSON:karl-lind", "sentence_idx": 1, "char_start": 39, "char_end": 43, "text": "Lind", "label": "PERSON"},
    ]
    assert [list(r) for r in ents[:1] + ments[:1]] == [ENTITIES.names, MENTIONS.names]


def test_extract_numbers_entities_in_order_of_first_mention(ents_of):
    art, idx = ents_of("Officials from the Northern Fisheries Authority (NFA) met in Oslo. The NFA said quotas would fall.")
    assert [(e.entity_id, e.name, e.label, e.aliases, e.mentions) for e in idx.entities] == [
        (f"{art.article_id}:0", "Northern Fisheries Authority", "ORG", ["NFA", "Northern Fisheries Authority"], [(19, 47), (49, 52), (71, 74)]),
        (f"{art.article_id}:1", "Oslo", "GPE", ["Oslo"], [(61, 65)]),
    ]
