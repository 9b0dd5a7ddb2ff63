"""Entities: canonical rows, alias merging, label voting, roles, country aliases, rule fixes."""
from __future__ import annotations

import re

import pytest

from tasks.extract.entities import index as entities


def ents_of(parse, text: str):
    art, doc = parse(text)
    return art, entities.extract(art, doc)


def table(idx, art):
    """{name: (label, aliases, role, mention texts)} for compact exact comparisons."""
    return {e.name: (e.label, e.aliases, e.role, [art.text[s:t] for s, t in e.mentions]) for e in idx.entities}


# --- the seed against its gold -------------------------------------------------------------------

def test_seed_gold_entities(seed, gold):
    art, doc = seed
    idx = entities.extract(art, doc)
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


def test_seed_roles_and_descriptions(seed):
    art, doc = seed
    idx = entities.extract(art, doc)
    roles = {e.name: e.role for e in idx.entities if e.label == "PERSON"}
    assert roles["Vladimir Putin"] == "Russian President"
    assert roles["Emmanuel Macron"] == "French President"
    assert roles["Jens Stoltenberg"] == "NATO Secretary-General"
    assert roles["Andrzej Duda"] == "Polish President"
    assert roles["Ben Wallace"] == "British Defense Minister"
    assert roles["Victoria Nuland"] == "senior US State Department official"
    assert roles["Annalena Baerbock"] == "German Foreign Minister"
    pos = art.text.index("the Russian leader added")
    assert idx.by_description("the Russian leader", before=pos).name == "Vladimir Putin"
    pos = art.text.index("The UK defense minister")
    assert idx.by_description("The UK defense minister", before=pos).name == "Ben Wallace"
    assert idx.by_description("the German chancellor") is None


def test_seed_rows_are_consistent(seed):
    art, doc = seed
    idx = entities.extract(art, doc)
    ent_rows, ment_rows = idx.rows(art)
    labels = {r["entity_id"]: r["label"] for r in ent_rows}
    for m in ment_rows:
        assert art.text[m["char_start"]:m["char_end"]] == m["text"]
        assert m["label"] == labels[m["entity_id"]]
    assert [r["entity_id"] for r in ent_rows] == [f"{art.article_id}:{i}" for i in range(len(ent_rows))]
    assert len({(m["char_start"], m["char_end"]) for m in ment_rows}) == len(ment_rows)


# --- merging, voting, names ------------------------------------------------------------------------

def test_surname_and_full_name_are_one_person(parse):
    art, idx = ents_of(parse, "German Chancellor Angela Merkel met Russian President Vladimir Putin in Berlin on Friday.\n"
                              "Putin said the talks were useful. Merkel agreed.")
    assert table(idx, art) == {
        "German": ("NORP", ["German"], None, ["German"]),
        "Angela Merkel": ("PERSON", ["Angela Merkel", "Merkel"], "German Chancellor", ["Angela Merkel", "Merkel"]),
        "Russian": ("NORP", ["Russian"], None, ["Russian"]),
        "Vladimir Putin": ("PERSON", ["Putin", "Vladimir Putin"], "Russian President", ["Vladimir Putin", "Putin"]),
        "Berlin": ("GPE", ["Berlin"], None, ["Berlin"]),
    }
    putin = idx.by_name("Putin")
    assert putin.nationality == "Russian" and putin.country == "Russia"
    s = art.text.index("Putin said")
    assert idx.at(s, s + 5) is putin


def test_surname_tagged_as_place_joins_its_person(parse):
    art, idx = ents_of(parse, "Victoria Nuland, a senior US State Department official, told reporters that Nuland would travel to Kiev.\n"
                              "Nuland said the visit was important.")
    t = table(idx, art)
    assert t["Victoria Nuland"] == ("PERSON", ["Nuland", "Victoria Nuland"], "senior US State Department official",
                                    ["Victoria Nuland", "Nuland", "Nuland"])
    assert t["US State Department"][0] == "ORG"
    assert idx.by_name("Nuland").nationality == "American"


def test_country_aliases_are_one_country(parse):
    art, idx = ents_of(parse, "Britain and the UK said on Monday that the United States and America, or the US, had agreed.\n"
                              "The U.S. envoy met British officials in London.")
    assert table(idx, art) == {
        "United Kingdom": ("GPE", ["Britain", "UK"], None, ["Britain", "UK"]),
        "United States": ("GPE", ["America", "U.S.", "US", "United States"], None, ["United States", "America", "US", "U.S."]),
        "British": ("NORP", ["British"], None, ["British"]),
        "London": ("GPE", ["London"], None, ["London"]),
    }
    assert idx.by_name("Britain").name == "United Kingdom"
    assert idx.by_name("the United States").name == "United States"


def test_acronym_joins_its_expansion(parse):
    art, idx = ents_of(parse, "Fighters of the Kurdistan Democratic Party (KDP) took the town on Saturday.\n"
                              "The KDP said Baghdad had helped it.")
    assert table(idx, art) == {
        "Kurdistan Democratic Party": ("ORG", ["KDP", "Kurdistan Democratic Party"], None, ["Kurdistan Democratic Party", "KDP", "KDP"]),
        "Baghdad": ("GPE", ["Baghdad"], None, ["Baghdad"]),
    }


def test_name_and_numbered_name_are_one_entity(seed):
    art, doc = seed
    idx = entities.extract(art, doc)
    ns = idx.by_name("Nord Stream")
    assert ns.name == "Nord Stream 2" and ns.label != "PERSON"
    assert ns.aliases == ["Nord Stream", "Nord Stream 2"]


# --- rules: headlines, datelines, sports reports ---------------------------------------------------

def test_caps_headline_dateline_and_countries(parse):
    art, idx = ents_of(parse, "SOCCER - ROMANIA BEAT LITHUANIA IN WORLD CUP QUALIFIER .\nBUCHAREST 1996-08-31\n"
                              "Romania beat Lithuania 3-0 in a World Cup qualifier on Saturday.")
    t = table(idx, art)
    assert t["Romania"] == ("GPE", ["ROMANIA", "Romania"], None, ["ROMANIA", "Romania"])
    assert t["Lithuania"] == ("GPE", ["LITHUANIA", "Lithuania"], None, ["LITHUANIA", "Lithuania"])
    assert t["Bucharest"] == ("GPE", ["BUCHAREST"], None, ["BUCHAREST"])


def test_county_teams_in_a_cricket_report(parse):
    art, idx = ents_of(parse, "CRICKET - ESSEX BEAT KENT .\nLONDON 1996-08-30\n"
                              "Leicester : Leicestershire beat Somerset by an innings and 39 runs .\n"
                              "Somerset 83 and 174 , Leicestershire 296 .")
    t = table(idx, art)
    assert t["Leicestershire"][0] == "ORG" and t["Leicestershire"][3] == ["Leicestershire", "Leicestershire"]
    assert t["Somerset"][0] == "ORG" and t["Somerset"][3] == ["Somerset", "Somerset"]
    assert t["Leicester"][0] == "GPE"
    assert t["London"][0] == "GPE"


def test_model_spans_are_cleaned(parse):
    art, doc = parse("Interfax news agency said Yeltsin would meet Lebed .\nGERMANY - Bunds extended losses on Friday .")
    texts = {(e.text, e.label_) for e in doc.ents}
    assert ("Interfax", "ORG") in texts
    assert ("GERMANY", "GPE") in texts
    assert not any(" - " in e.text or e.text.endswith("agency") for e in doc.ents)


# --- robustness -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["no entities here at all.", "\" unbalanced ( ( , , -- 'S", "A\n\n\nB"])
def test_odd_texts_do_not_raise(parse, text):
    art, idx = ents_of(parse, text)
    idx.rows(art)
    assert idx.at(0, 1) is None or idx.at(0, 1).mentions


def test_empty_doc(nlp):
    from tasks.model import Article

    art = Article(article_id="x", source="x", text="", paragraphs=[], content_sha256="0" * 64)
    idx = entities.extract(art, nlp(""))
    assert idx.entities == [] and idx.rows(art) == ([], [])


# --- rules for Reuters-style reports (CoNLL-2003 kind) ---------------------------------------------

def test_results_table_teams_and_players(parse):
    art, idx = ents_of(parse, "SOCCER - ENGLISH LEAGUE RESULTS .\nLONDON 1996-08-31\nDivision two\nWrexham 2 Walsall 1\n"
                              "Blackburn Rovers 0 Norwich City 3")
    assert {e.name: e.label for e in idx.entities} == {
        "ENGLISH": "NORP", "London": "GPE", "Wrexham": "ORG", "Walsall": "ORG", "Blackburn Rovers": "ORG", "Norwich City": "ORG"}
    art, idx = ents_of(parse, "TENNIS - RESULTS AT THE U.S. OPEN .\nNEW YORK 1996-08-30\nMen 's singles , second round\n"
                              "12 - Todd Martin ( U.S. ) beat Andrea Gaudenzi ( Italy ) 6-3 6-2 6-2")
    assert {e.name: e.label for e in idx.entities} == {
        "U.S. OPEN": "EVENT", "New York": "GPE", "Todd Martin": "PERSON", "United States": "GPE", "Andrea Gaudenzi": "PERSON",
        "Italy": "GPE"}


def test_cricket_scorecard_names_are_people(parse):
    art, idx = ents_of(parse, "CRICKET - SCOREBOARD .\nSalim Malik c Stewart b Hollioake 23\nBowling : Gough 8-0-39-3 , Mullally 6-0-30-1")
    assert table(idx, art) == {
        "Salim Malik": ("PERSON", ["Salim Malik"], None, ["Salim Malik"]),
        "Stewart": ("PERSON", ["Stewart"], None, ["Stewart"]),
        "Hollioake": ("PERSON", ["Hollioake"], None, ["Hollioake"]),
        "Gough": ("PERSON", ["Gough"], None, ["Gough"]),
        "Mullally": ("PERSON", ["Mullally"], None, ["Mullally"]),
    }


def test_person_cues_age_and_honorific(parse):
    art, idx = ents_of(parse, "Duran , 45 , takes on Mexican Ariel Cruz on Saturday .\nDuran told Reuters he was not retiring .\n"
                              "Mr Lebed met Boris Yeltsin .")
    assert table(idx, art) == {
        "Duran": ("PERSON", ["Duran"], None, ["Duran", "Duran"]),
        "Mexican": ("NORP", ["Mexican"], None, ["Mexican"]),
        "Ariel Cruz": ("PERSON", ["Ariel Cruz"], None, ["Ariel Cruz"]),
        "Reuters": ("ORG", ["Reuters"], None, ["Reuters"]),
        "Lebed": ("PERSON", ["Lebed"], None, ["Lebed"]),
        "Boris Yeltsin": ("PERSON", ["Boris Yeltsin"], None, ["Boris Yeltsin"]),
    }


def test_given_names_groups_and_untagged_repeats(parse):
    art, idx = ents_of(parse, "Mihai Tararache scored twice .\nIraqi Kurds fled the town .")
    assert {e.name: e.label for e in idx.entities} == {"Mihai Tararache": "PERSON", "Iraqi Kurds": "NORP"}
    art, idx = ents_of(parse, "Security chief Alexander Lebed flew to Chechnya on Friday .\n"
                              "Lebed said he hoped to sign a deal .\nNeither Lebed nor Maskhadov spoke .")
    lebed = idx.by_name("Lebed")
    assert lebed.name == "Alexander Lebed" and lebed.label == "PERSON" and len(lebed.mentions) == 3
    assert lebed.role == "Security chief"


def test_company_short_names_events_and_sign_offs(parse):
    art, idx = ents_of(parse, "Shares of packaging company Cofinec S.A. fell on Friday .\nCofinec said profits would be lower .\n"
                              "Pirelli Cables won an order .\nPirelli said it was pleased .")
    assert table(idx, art) == {
        "Cofinec S.A.": ("ORG", ["Cofinec", "Cofinec S.A."], None, ["Cofinec S.A.", "Cofinec"]),
        "Pirelli Cables": ("ORG", ["Pirelli", "Pirelli Cables"], None, ["Pirelli Cables", "Pirelli"]),
    }
    art, idx = ents_of(parse, "Agassi reached the final of the U.S. Open in New York .\nThe Hong Kong Open starts on Monday .")
    assert {e.name: e.label for e in idx.entities} == {"Agassi": "PERSON", "U.S. Open": "EVENT", "New York": "GPE", "Hong Kong Open": "EVENT"}
    art, idx = ents_of(parse, "The September Treasury bond future fell .\n-- Warsaw Newsroom +48 22 653 9700")
    assert {e.name: e.label for e in idx.entities} == {"Treasury": "ORG", "Warsaw Newsroom": "ORG"}


def test_extract_is_linear_on_a_huge_article(parse):
    import time

    paras = [f'"We will do it," John Smith{i % 50} of Acme{i % 20} Corp told Reuters in London. Smith{i % 50} said the UK agreed.'
             for i in range(300)]
    art, doc = parse("Headline\n\n" + "\n\n".join(paras))
    t = time.perf_counter()
    idx = entities.extract(art, doc)
    idx.rows(art)
    for k in range(0, len(art.text), 40):
        idx.at(k, k + 5)
    assert time.perf_counter() - t < 2.0
    assert idx.by_name("United Kingdom").label == "GPE"
