"""tasks.extract.entities end to end: the seed against its gold, rows, rule-corrected entities in
headlines, datelines and sports reports, robustness."""
from __future__ import annotations

import re

import pytest

from tasks.extract.entities.index import extract


# --- the seed against its gold -------------------------------------------------------------------

def test_seed_gold_entities(seed, gold):
    art, doc = seed
    idx = extract(art, doc)
    ent_rows, ment_rows = idx.rows(art)
    norm = lambda s: re.sub(r"[^\w]+", " ", s.lower()).strip()
    bad = []
    for g in gold["entities"]:
        rows = [r for r in ent_rows if r["name"] == g["name"]]
        if len(rows) != 1 or rows[0]["label"] not in g["labels"]:
            bad.append((g["name"], [(r["name"], r["label"]) for r in rows]))
            continue
        texts = {norm(m["text"]) for m in ment_rows if m["entity_id"] == rows[0]["entity_id"]}
        missing = [a for a in g["aliases"] if norm(a) not in texts and norm("the " + a) not in texts]
        if missing:
            bad.append((g["name"], missing))
    assert bad == []
    wrong = [w for w in gold["not_entities_as"] if any(m["text"] == w["text"] and m["label"] == w["wrong_label"] for m in ment_rows)]
    assert wrong == []


def test_seed_rows_are_consistent(seed):
    art, doc = seed
    idx = extract(art, doc)
    ent_rows, ment_rows = idx.rows(art)
    labels = {r["entity_id"]: r["label"] for r in ent_rows}
    for m in ment_rows:
        assert art.text[m["char_start"]:m["char_end"]] == m["text"]
        assert m["label"] == labels[m["entity_id"]]
    assert [r["entity_id"] for r in ent_rows] == [f"{art.article_id}:{i}" for i in range(len(ent_rows))]
    assert len({(m["char_start"], m["char_end"]) for m in ment_rows}) == len(ment_rows)


# --- rules: headlines, datelines, sports reports ---------------------------------------------------

def test_caps_headline_dateline_and_countries(ents_of, table):
    art, idx = ents_of("SOCCER - ROMANIA BEAT LITHUANIA IN WORLD CUP QUALIFIER .\nBUCHAREST 1996-08-31\n"
                       "Romania beat Lithuania 3-0 in a World Cup qualifier on Saturday.")
    t = table(idx, art)
    assert t["Romania"] == ("GPE", ["ROMANIA", "Romania"], None, ["ROMANIA", "Romania"])
    assert t["Lithuania"] == ("GPE", ["LITHUANIA", "Lithuania"], None, ["LITHUANIA", "Lithuania"])
    assert t["Bucharest"] == ("GPE", ["BUCHAREST"], None, ["BUCHAREST"])


def test_county_teams_in_a_cricket_report(ents_of, table):
    art, idx = ents_of("CRICKET - ESSEX BEAT KENT .\nLONDON 1996-08-30\n"
                       "Leicester : Leicestershire beat Somerset by an innings and 39 runs .\n"
                       "Somerset 83 and 174 , Leicestershire 296 .")
    t = table(idx, art)
    assert t["Leicestershire"][0] == "ORG" and t["Leicestershire"][3] == ["Leicestershire", "Leicestershire"]
    assert t["Somerset"][0] == "ORG" and t["Somerset"][3] == ["Somerset", "Somerset"]
    assert t["Leicester"][0] == "GPE"
    assert t["London"][0] == "GPE"


def test_a_peer_named_by_title_surname_and_place_is_named_as_the_peerage_names_him(ents_of):
    """"Lord Ashdale of Penrith said ... Lord Ashdale added": "Ashdale of Penrith", the person;
    "Lord Ashdale" alone stays "Ashdale"; a full name the article gives wins."""
    art, idx = ents_of("Lords vote\n\nLord Ashdale of Penrith said the bill was flawed. Lord Ashdale added that "
                       "peers would vote against it.")
    assert [(e.name, e.label) for e in idx.entities if e.label == "PERSON"] == [("Ashdale of Penrith", "PERSON")]
    art, idx = ents_of("Lords vote\n\nLord Ashdale said the bill was flawed. The vote is on Monday.")
    assert [e.name for e in idx.entities if e.label == "PERSON"] == ["Ashdale"]
    art, idx = ents_of("Lords vote\n\nFormer minister Tom Ashdale, now Lord Ashdale of Penrith, said the bill was "
                       "flawed. Lord Ashdale added that peers would vote against it.")
    assert [e.name for e in idx.entities if e.label == "PERSON"] == ["Tom Ashdale"]
    art, idx = ents_of("Police figures\n\nLord Ashdale of Scotland Yard said the figures were good.")
    assert [e.name for e in idx.entities if e.label == "PERSON"] == ["Ashdale"]  # a body's name, not a place


def test_a_royal_named_by_title_and_one_name_keeps_the_title_and_is_no_namesake(ents_of):
    """"Prince Frederick ... Frederick said": "Prince Frederick", the title being part of how a
    royal is named; not the "Frederick Harvey" the article also names, whom a bare given name would
    join."""
    art, idx = ents_of("Royal visit\n\nPrince Frederick opened the new children's ward at the hospital on Monday, "
                       "alongside council leader Frederick Harvey.\n\nFrederick told the staff he was proud of the ward.")
    assert sorted((e.name, len(e.mentions)) for e in idx.entities if e.label == "PERSON") == [
        ("Frederick Harvey", 1), ("Prince Frederick", 2)]
    art, idx = ents_of("Visit\n\nKing Tomas of Ruritania met the envoys on Friday. Tomas said the talks went well.")
    assert [e.name for e in idx.entities if e.label == "PERSON"] == ["King Tomas"]
    # the royal's own fuller name, written after the title too, is theirs
    art, idx = ents_of("Ministry\n\nWomen will be hired by the foreign ministry this year, Foreign Minister Prince Faris "
                       "Al-Hamad has said. \"We are proud of this,\" Prince Faris said.")
    assert [(e.name, len(e.mentions)) for e in idx.entities if e.label == "PERSON"] == [("Faris Al-Hamad", 2)]


# --- robustness -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["no entities here at all.", "\" unbalanced ( ( , , -- 'S", "A\n\n\nB"])
def test_odd_texts_do_not_raise(text, ents_of):
    art, idx = ents_of(text)
    idx.rows(art)
    assert idx.at(0, 1) is None or idx.at(0, 1).mentions


def test_empty_doc(nlp):
    from tasks.model import Article

    art = Article(article_id="x", source="x", text="", paragraphs=[], content_sha256="0" * 64)
    idx = extract(art, nlp(""))
    assert idx.entities == [] and idx.rows(art) == ([], [])


# --- rules for Reuters-style reports (CoNLL-2003 kind) ---------------------------------------------

def test_results_table_teams_and_players(ents_of):
    art, idx = ents_of("SOCCER - ENGLISH LEAGUE RESULTS .\nLONDON 1996-08-31\nDivision two\nWrexham 2 Walsall 1\n"
                       "Blackburn Rovers 0 Norwich City 3")
    assert {e.name: e.label for e in idx.entities} == {
        "ENGLISH": "NORP", "London": "GPE", "Wrexham": "ORG", "Walsall": "ORG", "Blackburn Rovers": "ORG", "Norwich City": "ORG"}
    art, idx = ents_of("TENNIS - RESULTS AT THE U.S. OPEN .\nNEW YORK 1996-08-30\nMen 's singles , second round\n"
                       "12 - Todd Martin ( U.S. ) beat Andrea Gaudenzi ( Italy ) 6-3 6-2 6-2")
    assert {e.name: e.label for e in idx.entities} == {
        "U.S. OPEN": "EVENT", "New York": "GPE", "Todd Martin": "PERSON", "United States": "GPE", "Andrea Gaudenzi": "PERSON",
        "Italy": "GPE"}


def test_cricket_scorecard_names_are_people(ents_of, table):
    art, idx = ents_of("CRICKET - SCOREBOARD .\nSalim Malik c Stewart b Hollioake 23\nBowling : Gough 8-0-39-3 , Mullally 6-0-30-1")
    assert table(idx, art) == {
        "Salim Malik": ("PERSON", ["Salim Malik"], None, ["Salim Malik"]),
        "Stewart": ("PERSON", ["Stewart"], None, ["Stewart"]),
        "Hollioake": ("PERSON", ["Hollioake"], None, ["Hollioake"]),
        "Gough": ("PERSON", ["Gough"], None, ["Gough"]),
        "Mullally": ("PERSON", ["Mullally"], None, ["Mullally"]),
    }


def test_events_and_sign_offs(ents_of):
    art, idx = ents_of("Agassi reached the final of the U.S. Open in New York .\nThe Hong Kong Open starts on Monday .")
    assert {e.name: e.label for e in idx.entities} == {"Agassi": "PERSON", "U.S. Open": "EVENT", "New York": "GPE", "Hong Kong Open": "EVENT"}
    art, idx = ents_of("The September Treasury bond future fell .\n-- Warsaw Newsroom +48 22 653 9700")
    assert {e.name: e.label for e in idx.entities} == {"Treasury": "ORG", "Warsaw Newsroom": "ORG"}


def test_a_huge_article_keeps_its_entities(parse):
    """How the time grows with the article: benchmarks/long_articles.py."""
    paras = [f'"We will do it," John Smith{i % 50} of Acme{i % 20} Corp told Reuters in London. Smith{i % 50} said the UK agreed.'
             for i in range(300)]
    art, doc = parse("Headline\n\n" + "\n\n".join(paras))
    idx = extract(art, doc)
    idx.rows(art)
    for k in range(0, len(art.text), 40):
        idx.at(k, k + 5)
    assert idx.by_name("United Kingdom").label == "GPE"
