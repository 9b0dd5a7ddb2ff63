"""tasks.extract.entities.grouping: which mentions name the same thing."""
from __future__ import annotations

from spacy.tokens import Span

from tasks.extract.entities.grouping import _group_key, _initials, _join_party_names, entity_groups
from tasks.extract.entities.index import extract
from tasks.extract.entities.mentions import Mention, MentionGroup
from tasks.nlp.gazetteer import gazetteer


def test_group_keys_countries_and_bodies_named_by_places():
    gaz = gazetteer()
    assert _group_key(Mention(0, 1, "GPE", "UK"), "uk", gaz) == ("country:United Kingdom", "United Kingdom")
    assert _group_key(Mention(0, 1, "PERSON", "Britain"), "britain", gaz) == ("country:United Kingdom", "United Kingdom")
    assert _group_key(Mention(0, 1, "NORP", "British"), "british", gaz) == ("british", None)
    assert _group_key(Mention(0, 1, "ORG", "Britain"), "britain", gaz) == ("org:britain", None)
    assert _group_key(Mention(0, 2, "ORG", "NEW YORK"), "new york", gaz) == ("org:new york", None)
    assert _group_key(Mention(0, 2, "GPE", "NEW YORK"), "new york", gaz) == ("new york", None)
    assert _group_key(Mention(0, 1, "DATE", "UK"), "uk", gaz) == ("uk", None)


def test_groups_of_a_parsed_text(parse):
    art, doc = parse("Wang Donghai won . Wang said he was tired .\nNorway's Larsen flew to Norway .")
    groups = entity_groups(doc, gazetteer())
    assert [(g.key, g.country, g.person, g.org, [(m.text, m.label) for m in g.mentions]) for g in groups] == [
        ("wang donghai", None, True, False, [("Wang Donghai", "PERSON"), ("Wang", "PERSON")]),  # "Wang said he"
        ("country:Norway", "Norway", False, False, [("Norway", "GPE"), ("Norway", "GPE")]),
        ("larsen", None, False, False, [("Larsen", "PERSON")]),
    ]


def test_initials_skip_connectors_and_split_hyphens():
    connectors = gazetteer().connectors
    assert _initials("Kurdistan Democratic Party", connectors) == "KDP"
    assert _initials("Bank of Northern Ireland", connectors) == "BNI"
    assert _initials("Anglo-Irish Bank", connectors) == "AIB"
    assert _initials("UK Independence Party", connectors) == "UIP"
    assert _initials("UK Independence Party", connectors, spell_caps=True) == "UKIP"  # a word in capitals gives its letters


def test_surname_and_full_name_are_one_person(ents_of, table):
    art, idx = ents_of("German Chancellor Angela Merkel met Russian President Vladimir Putin in Berlin on Friday.\n"
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


def test_surname_tagged_as_place_joins_its_person(ents_of, table):
    art, idx = ents_of("Victoria Nuland, a senior US State Department official, told reporters that Nuland would travel to Kiev.\n"
                       "Nuland said the visit was important.")
    t = table(idx, art)
    assert t["Victoria Nuland"] == ("PERSON", ["Nuland", "Victoria Nuland"], "senior US State Department official",
                                    ["Victoria Nuland", "Nuland", "Nuland"])
    assert t["US State Department"][0] == "ORG"
    assert idx.by_name("Nuland").nationality == "American"


def test_country_aliases_are_one_country(ents_of, table):
    art, idx = ents_of("Britain and the UK said on Monday that the United States and America, or the US, had agreed.\n"
                       "The U.S. envoy met British officials in London.")
    assert table(idx, art) == {
        "United Kingdom": ("GPE", ["Britain", "UK"], None, ["Britain", "UK"]),
        "United States": ("GPE", ["America", "U.S.", "US", "United States"], None, ["United States", "America", "US", "U.S."]),
        "British": ("NORP", ["British"], None, ["British"]),
        "London": ("GPE", ["London"], None, ["London"]),
    }
    assert idx.by_name("Britain").name == "United Kingdom"
    assert idx.by_name("the United States").name == "United States"


def test_acronym_joins_its_expansion(ents_of, table):
    art, idx = ents_of("Fighters of the Kurdistan Democratic Party (KDP) took the town on Saturday.\n"
                       "The KDP said Baghdad had helped it.")
    assert table(idx, art) == {
        "Kurdistan Democratic Party": ("ORG", ["KDP", "Kurdistan Democratic Party"], None, ["Kurdistan Democratic Party", "KDP", "KDP"]),
        "Baghdad": ("GPE", ["Baghdad"], None, ["Baghdad"]),
    }


def test_acronym_spelling_a_word_in_capitals_joins_its_expansion(ents_of, table):
    art, idx = ents_of("The EU Fisheries Council met in Brussels on Monday.\nThe EUFC said quotas would fall.")
    assert idx.by_name("EUFC").name == "EU Fisheries Council"


def test_name_and_numbered_name_are_one_entity(seed):
    art, doc = seed
    idx = extract(art, doc)
    ns = idx.by_name("Nord Stream")
    assert ns.name == "Nord Stream 2" and ns.label != "PERSON"
    assert ns.aliases == ["Nord Stream", "Nord Stream 2"]


def test_person_cues_age_and_honorific(ents_of, table):
    art, idx = ents_of("Duran , 45 , takes on Mexican Ariel Cruz on Saturday .\nDuran told Reuters he was not retiring .\n"
                       "Mr Lebed met Boris Yeltsin .")
    assert table(idx, art) == {
        "Duran": ("PERSON", ["Duran"], None, ["Duran", "Duran"]),
        "Mexican": ("NORP", ["Mexican"], None, ["Mexican"]),
        "Ariel Cruz": ("PERSON", ["Ariel Cruz"], None, ["Ariel Cruz"]),
        "Reuters": ("ORG", ["Reuters"], None, ["Reuters"]),
        "Lebed": ("PERSON", ["Lebed"], None, ["Lebed"]),
        "Boris Yeltsin": ("PERSON", ["Boris Yeltsin"], None, ["Boris Yeltsin"]),
    }


def test_company_short_names_join_their_full_names(ents_of, table):
    art, idx = ents_of("Shares of packaging company Cofinec S.A. fell on Friday .\nCofinec said profits would be lower .\n"
                       "Pirelli Cables won an order .\nPirelli said it was pleased .")
    assert table(idx, art) == {
        "Cofinec S.A.": ("ORG", ["Cofinec", "Cofinec S.A."], None, ["Cofinec S.A.", "Cofinec"]),
        "Pirelli Cables": ("ORG", ["Pirelli", "Pirelli Cables"], None, ["Pirelli Cables", "Pirelli"]),
    }



def test_a_person_is_not_the_body_named_after_them(ents_of, table):
    art, idx = ents_of("Gifts and shops\nNadia Ferrow said her charity had broken no rules .\nThe Nadia Ferrow Foundation gave $ 3 million "
                       "to schools last year .\nAlan Brisk Bakeries Ltd now owns nine shops .\nAlan Brisk , 61 , opened the first in 1990 .")
    assert table(idx, art) == {
        "Nadia Ferrow": ("PERSON", ["Nadia Ferrow"], None, ["Nadia Ferrow"]),
        "Nadia Ferrow Foundation": ("ORG", ["Nadia Ferrow Foundation"], None, ["Nadia Ferrow Foundation"]),
        "Alan Brisk": ("PERSON", ["Alan Brisk"], None, ["Alan Brisk"]),
        "Alan Brisk Bakeries Ltd": ("ORG", ["Alan Brisk Bakeries Ltd"], None, ["Alan Brisk Bakeries Ltd"]),
    }


def test_a_surname_joins_a_full_name_ending_in_a_generational_suffix(ents_of, table):
    art, idx = ents_of("Vote\nSenator Ray Colton III spoke first .\nColton said the bill would pass .")
    assert table(idx, art) == {"Ray Colton III": ("PERSON", ["Colton", "Ray Colton III"], "Senator", ["Ray Colton III", "Colton"])}


def test_a_given_name_and_surname_join_the_one_person_named_with_a_middle_name(ents_of, table):
    art, idx = ents_of("Vote\nSenator Nora Eliza Brandt spoke first .\nNora Brandt said the bill would pass .\n"
                       "Her rival Tom R. Vance and Tom Vance's aides disagreed .")
    assert {k: v[1] for k, v in table(idx, art).items()} == {
        "Nora Eliza Brandt": ["Nora Brandt", "Nora Eliza Brandt"], "Tom R. Vance": ["Tom R. Vance", "Tom Vance"]}
    art, idx = ents_of("Vote\nSenator Ann Mary Cole-Hart spoke first .\nAnn Cole-Hart said the bill would pass .")
    assert {k: v[1] for k, v in table(idx, art).items()} == {"Ann Mary Cole-Hart": ["Ann Cole-Hart", "Ann Mary Cole-Hart"]}
    art, idx = ents_of("Dynasty\nPresident Carl H. Dunmore and his son Carl T. Dunmore met .\nCarl Dunmore said little .")
    assert sorted(table(idx, art)) == ["Carl Dunmore", "Carl H. Dunmore", "Carl T. Dunmore"]  # which one is not told


def test_an_acronym_defined_in_brackets_joins_its_name_and_takes_its_label(ents_of, table):
    art, idx = ents_of("The Fisheries Recovery Programme ( FRP ) began in May. The FRP will run for two years, officials said.")
    assert table(idx, art) == {
        "Fisheries Recovery Programme": ("LAW", ["FRP", "Fisheries Recovery Programme"], None,
                                         ["Fisheries Recovery Programme", "FRP", "FRP"])}


def test_an_acronym_of_the_name_s_last_words_joins_it(ents_of, table):
    """"the Northern Harbour Safety Authority ( HSA )": the acronym spells the name's last words."""
    art, idx = ents_of("Fines were set by the Northern Harbour Safety Authority ( HSA ) on Monday. The HSA said ports must pay.")
    assert {k: v[1] for k, v in table(idx, art).items() if "HSA" in v[1]} == {
        "Northern Harbour Safety Authority": ["HSA", "Northern Harbour Safety Authority"]}


def test_person_cues_an_honorific_inside_the_name_and_an_occupation_before_it(nlp):
    """The model's organisations that the text marks as people: a name it tagged whole with its
    honorific ("Dr Halvorsen"), a name after a person's occupation ("Barcelona star Ruiz")."""
    from spacy.tokens import Span

    doc = nlp("Dr Halvorsen spoke on Monday . Barcelona star Ruiz scored twice .")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, words.index("Barcelona"), words.index("Barcelona") + 1, label="ORG"),
                Span(doc, words.index("Ruiz"), words.index("Ruiz") + 1, label="ORG")]
    assert [(g.key, g.person) for g in entity_groups(doc, gazetteer())] == [
        ("dr halvorsen", True), ("org:barcelona", False), ("ruiz", True)]


def test_a_titled_surname_joins_the_full_name_whatever_their_labels(nlp):
    """"Mr Varga" and "Tibor Varga", both taken for organisations, or the titled surname for a
    person and the full name for an organisation: one person, under the full name."""
    from spacy.tokens import Span

    from tasks.extract.entities.canonical import canonical_name

    doc = nlp("Tibor Varga founded the firm . Mr Varga said it was growing . Kata Nagy joined . Ms Nagy agreed .")
    words = [t.text for t in doc]

    def at(word: str, n: int, label: str) -> Span:
        i = words.index(word)
        return Span(doc, i, i + n, label=label)

    doc.ents = [at("Tibor", 2, "ORG"), at("Mr", 2, "ORG"), at("Kata", 2, "ORG"), at("Ms", 2, "PERSON")]
    groups = entity_groups(doc, gazetteer())
    assert [(canonical_name(g, gazetteer()), g.person, sorted(m.text for m in g.mentions)) for g in groups] == [
        ("Tibor Varga", True, ["Mr Varga", "Tibor Varga"]),
        ("Kata Nagy", True, ["Kata Nagy", "Ms Nagy"]),
    ]


def test_a_surname_taken_up_by_he_or_she_joins_its_full_name_whatever_the_labels(nlp):
    """The model took both the full name and the surname for an organisation or a place; the
    surname is the subject of a verb that "she" follows, so both are one person. Without the
    pronoun, or with "it", they stay as the model had them."""
    from spacy.tokens import Span

    def groups(text: str, labels: list[str]):
        doc = nlp(text)
        words = [t.text for t in doc]
        ents, i = [], 0
        for name, label in zip(("Tova", "Brennock"), labels):
            i = words.index(name, i)
            end = i + 2 if name == "Tova" else i + 1
            ents.append(Span(doc, i, end, label=label))
            i = end
        doc.ents = ents
        return [(g.key, g.person, len(g.mentions)) for g in entity_groups(doc, gazetteer())]

    assert groups("Tova Brennock opened the festival . Brennock said she was proud of the film .", ["ORG", "GPE"]) == [
        ("tova brennock", True, 2)]
    assert groups("Tova Brennock opened the festival . Brennock told reporters that she was proud .", ["ORG", "ORG"]) == [
        ("tova brennock", True, 2)]
    assert groups("Tova Brennock opened the festival . Brennock said the film was good .", ["ORG", "GPE"]) == [
        ("tova brennock", False, 1), ("brennock", False, 1)]
    assert groups("Tova Brennock opened the festival . Brennock said it would grow .", ["ORG", "ORG"]) == [
        ("tova brennock", False, 1), ("brennock", False, 1)]


def test_a_surname_the_model_took_for_a_person_joins_the_full_name_written_before_it(nlp):
    """"Director Tova Brennock" tagged an organisation, then "Brennock" a person: news names a
    person in full first, so the two are one person. A full name written only after the
    surname is not joined."""
    from spacy.tokens import Span

    def groups(text: str):
        doc = nlp(text)
        words = [t.text for t in doc]
        full = words.index("Tova")
        alone = next(k for k, w in enumerate(words) if w == "Brennock" and k != full + 1)
        doc.ents = sorted([Span(doc, full, full + 2, label="ORG"), Span(doc, alone, alone + 1, label="PERSON")], key=lambda s: s.start)
        return [(g.key, g.person, len(g.mentions)) for g in entity_groups(doc, gazetteer())]

    assert groups("Director Tova Brennock opened the festival . Brennock thanked the crowd .") == [("tova brennock", True, 2)]
    assert groups("Brennock thanked the crowd . Tova Brennock opened the festival .") == [
        ("brennock", False, 1), ("tova brennock", False, 1)]


def test_a_hyphenated_surname_alone_joins_the_full_name_whatever_its_label(nlp):
    """"Tova Brennock-Hale ... Brennock-Hale added", the surname alone tagged an organisation: one person."""
    from spacy.tokens import Span

    doc = nlp("Coach Tova Brennock-Hale opened the track . Brennock-Hale added that it was ready .")
    words = [t.text for t in doc]
    full = words.index("Tova")
    alone = next(k for k, w in enumerate(words) if w == "Brennock" and k != full + 1)
    doc.ents = [Span(doc, full, full + 4, label="PERSON"), Span(doc, alone, alone + 3, label="ORG")]
    assert [(g.key, len(g.mentions)) for g in entity_groups(doc, gazetteer()) if g.merged_into is None] == [
        ("tova brennock - hale", 2)]


def test_a_full_name_after_a_person_s_occupation_takes_its_surname_whatever_the_labels(nlp):
    """"Rowing coach Tova Brennock" is a person, whatever the model's label; the surname alone
    joins her, as it joins a name the model tagged a person."""
    from spacy.tokens import Span

    doc = nlp("Rowing coach Tova Brennock picked her crew . Brennock said the crew was ready .")
    words = [t.text for t in doc]
    full, alone = words.index("Tova"), len(words) - 1 - words[::-1].index("Brennock")
    doc.ents = [Span(doc, full, full + 2, label="ORG"), Span(doc, alone, alone + 1, label="ORG")]
    assert [(g.key, g.person, len(g.mentions)) for g in entity_groups(doc, gazetteer())] == [("tova brennock", True, 2)]


def test_a_full_name_with_an_occupation_in_apposition_is_a_person_whatever_the_labels(nlp):
    """"Tova Brennock, the guild's senior economist," is a person though the model took her for an
    organisation; a place's name in apposition to another noun ("Harbour Bank, the lender,") is not."""
    from spacy.tokens import Span

    doc = nlp("The forecast is grim , said Tova Brennock , the guild 's senior economist . Harbour Bank , the lender , agreed .")
    words = [t.text for t in doc]
    full, bank = words.index("Tova"), words.index("Harbour")
    doc.ents = [Span(doc, full, full + 2, label="ORG"), Span(doc, bank, bank + 2, label="ORG")]
    assert [(g.key, g.person) for g in entity_groups(doc, gazetteer())] == [("tova brennock", True), ("harbour bank", False)]


def test_a_surname_misspelt_by_one_letter_joins_the_person_as_subject_only(nlp):
    """"Dwight Okonkwo ... Okonkwa said": a one-letter slip (either label) joins the one person
    whose surname it misses, when it is a clause's subject; a bare name in a line-up does not,
    nor a plural ("the Okonkwos")."""
    from spacy.tokens import Span

    def groups(text: str, slip: str, label: str):
        doc = nlp(text)
        words = [t.text for t in doc]
        full = words.index("Dwight")
        alone = words.index(slip)
        doc.ents = sorted([Span(doc, full, full + 2, label="PERSON"), Span(doc, alone, alone + 1, label=label)], key=lambda s: s.start)
        return [(g.key, len(g.mentions)) for g in entity_groups(doc, gazetteer())]

    assert groups("Dwight Okonkwo scored twice . Later Okonkwa said he was tired .", "Okonkwa", "ORG") == [("dwight okonkwo", 2)]
    assert groups("Dwight Okonkwo scored twice . The side : Hale , Okonkwa , Reilly .", "Okonkwa", "PERSON") == [
        ("dwight okonkwo", 1), ("okonkwa", 1)]
    assert groups("Dwight Okonkwo scored twice . Later Okonkwos said they were proud .", "Okonkwos", "PERSON") == [
        ("dwight okonkwo", 1), ("okonkwos", 1)]


def test_a_name_with_a_person_s_own_people_after_its_possessive_is_a_person(ents_of, table):
    art, idx = ents_of("Quimbaya's agent confirmed the talks. Quimbaya wants to stay in Leeds.")
    assert idx.by_name("Quimbaya").label == "PERSON"


def test_a_party_s_names_of_one_label_join_its_first_group():
    """Not the adjective ("Tory"), and not a name the model labelled otherwise (its label would change)."""
    groups = [MentionGroup("tories", [Mention(0, 1, "NORP", "Tories")]), MentionGroup("tory", [Mention(3, 4, "NORP", "Tory")]),
              MentionGroup("conservatives", [Mention(6, 7, "NORP", "Conservatives")]),
              MentionGroup("conservative party", [Mention(9, 11, "ORG", "Conservative Party")])]
    _join_party_names(groups, gazetteer())
    assert [(g.key, g.merged_into.key if g.merged_into else None) for g in groups] == [
        ("tories", None), ("tory", None), ("conservatives", "tories"), ("conservative party", None)]


def test_a_surname_the_model_took_for_a_people_joins_its_person(ents_of, table):
    """"Valese" ends like "Maltese", so the model tags it NORP; it is Marco Valese's surname. A real
    people's word stays a group ("English" after "Bill English")."""
    art, idx = ents_of("Former Italian winger Marco Valese has told Leeds to stop moaning. But Valese told reporters "
                       "the side was poor.\n\nThe New Zealand leader Bill English spoke. English voters were unhappy.")
    t = table(idx, art)
    assert t["Marco Valese"] == ("PERSON", ["Marco Valese", "Valese"], "Former Italian winger", ["Marco Valese", "Valese"])
    assert "Valese" not in t
    assert t["English"][0] == "NORP" and t["Bill English"][3] == ["Bill English"]


def test_a_people_s_word_written_as_a_lone_subject_is_the_person_of_that_surname(ents_of, table):
    """"Haitian" is a people's word, and the surname of Rosa Haitian: standing alone as a verb's
    subject it is her ("Haitian said"); as a modifier it stays the people's word ("Haitian coffee")."""
    art, idx = ents_of("The grower Rosa Haitian opened her farm to visitors on Friday. Haitian said the harvest "
                       "was late.\n\nShe sells Haitian coffee to cafes. Haitian added that prices would rise.")
    t = table(idx, art)
    assert t["Rosa Haitian"][3] == ["Rosa Haitian", "Haitian", "Haitian"]
    assert t["Haitian"][0] == "NORP" and t["Haitian"][3] == ["Haitian"]


def test_a_full_name_the_headline_took_for_an_organisation_is_the_body_s_person(nlp):
    """The model reads a title-case headline poorly: "Ravi Okoro" tagged an organisation there and a
    person in the body is a person, and "Okoro" (an organisation once, a person once) joins him."""
    from spacy.tokens import Span

    from tasks.extract.entities.canonical import canonical_label

    doc = nlp("Ravi Okoro wins Golden Reel\nActor Ravi Okoro was honoured . Okoro thanked fans . Okoro smiled .")
    hits = [i for i, t in enumerate(doc) if t.text in ("Ravi", "Okoro")]
    doc.ents = [Span(doc, hits[0], hits[0] + 2, label="ORG"), Span(doc, hits[2], hits[2] + 2, label="PERSON"),
                Span(doc, hits[4], hits[4] + 1, label="ORG"), Span(doc, hits[5], hits[5] + 1, label="PERSON")]
    groups = entity_groups(doc, gazetteer())
    assert [(canonical_label(g), sorted(m.text for m in g.mentions)) for g in groups] == [
        ("PERSON", ["Okoro", "Okoro", "Ravi Okoro", "Ravi Okoro"])]


def test_a_full_name_tagged_a_person_as_often_as_not_is_one_when_its_surname_alone_is(nlp):
    """"Ines Varro" once an organisation and once a person, "Varro" alone a person: one person."""
    from spacy.tokens import Span

    from tasks.extract.entities.canonical import canonical_label

    doc = nlp("The prize went to Ines Varro . Later Ines Varro spoke . Varro smiled .")
    hits = [i for i, t in enumerate(doc) if t.text in ("Ines", "Varro")]
    doc.ents = [Span(doc, hits[0], hits[0] + 2, label="ORG"), Span(doc, hits[2], hits[2] + 2, label="PERSON"),
                Span(doc, hits[4], hits[4] + 1, label="PERSON")]
    groups = entity_groups(doc, gazetteer())
    assert [(canonical_label(g), sorted(m.text for m in g.mentions)) for g in groups] == [
        ("PERSON", ["Ines Varro", "Ines Varro", "Varro"])]


def test_an_organisation_s_first_word_joins_the_full_name_it_was_introduced_in(ents_of, table):
    """"Brindle Quarrell" then "Brindle": a body named by the first word of the full name the
    article introduced it with is that body."""
    art, idx = ents_of("Bank deal\n\nInvestment bank Brindle Quarrell fired three traders on Monday. "
                       "Brindle said the traders had broken its rules.")
    assert {n: v[1] for n, v in table(idx, art).items() if v[0] == "ORG"} == {"Brindle Quarrell": ["Brindle", "Brindle Quarrell"]}


def _orgs_grouped(nlp, text: str, names: list[tuple[str, int, int]]) -> list[list[str]]:
    """The mention texts of each group, with only `names` tagged as organisations: (first word,
    which occurrence, length in tokens)."""
    doc = nlp(text)
    spans = []
    for word, nth, n in names:
        at = [t.i for t in doc if t.text == word][nth]
        spans.append(Span(doc, at, at + n, label="ORG"))
    doc.ents = spans
    return [[m.text for m in g.mentions] for g in entity_groups(doc, gazetteer())]


def test_the_first_word_join_needs_the_full_name_first_and_no_known_name(nlp):
    """"Halloway" used alone before "Halloway Vision" is another body (a product, a channel of it);
    "BBC" never joins "BBC Radio Wales" (a name known on its own, and letters); "Brindle"
    after "Brindle Quarrell" joins it."""
    text = "TV deal\n\nHalloway sells the boxes. Halloway Vision has 900,000 users. Halloway said sales were strong."
    assert _orgs_grouped(nlp, text, [("Halloway", 0, 1), ("Halloway", 1, 2), ("Halloway", 2, 1)]) == [
        ["Halloway", "Halloway"], ["Halloway Vision"]]
    text = "TV deal\n\nHalloway Vision has 900,000 users. Halloway said sales were strong."
    assert _orgs_grouped(nlp, text, [("Halloway", 0, 2), ("Halloway", 1, 1)]) == [["Halloway Vision", "Halloway"]]
    text = "Radio deal\n\nThe concert is on BBC Radio Wales, the BBC said on Monday."
    assert _orgs_grouped(nlp, text, [("BBC", 0, 3), ("BBC", 1, 1)]) == [["BBC Radio Wales"], ["BBC"]]


def test_the_head_word_joins_the_name_a_shorter_name_joined(ents_of, table):
    """"the Reserve Bank of Freedonia" ... "the Reserve Bank" ... "the Bank": the shorter name
    joins the full one, and "the Bank" joins that same body, not a body of its own."""
    art, idx = ents_of("Rates rise\n\nThe Reserve Bank of Freedonia raised rates on Tuesday. The Reserve Bank said prices were "
                       "rising. Shortly after the Bank acted, growth figures fell.")
    orgs = {n: v[1] for n, v in table(idx, art).items() if v[0] == "ORG"}
    assert list(orgs) == ["Reserve Bank of Freedonia"]


def test_a_club_s_last_word_joins_the_one_club_it_ends(ents_of):
    """"Harbury United ... United": the one club named before whose name ends with the word; not
    when two clubs share it."""
    art, idx = ents_of("Football\n\nHarbury United signed a new striker from Kelso Rovers on Monday. "
                       "United said the fee was undisclosed.")
    united = idx.by_name("Harbury United")
    s = art.text.index("United said")
    assert united is not None and idx.at(s, s + 6) is united
    art, idx = ents_of("Football\n\nHarbury United beat Delford United on Monday. United said the win was deserved.")
    s = art.text.index("United said")
    found = idx.at(s, s + 6)
    assert found is not None and found.name == "United"


def test_a_title_before_a_family_name_written_first_joins_the_full_name(nlp):
    """"Ho Tianming ... Mr Ho": a two-word name whose last word the text never writes alone puts
    the family name first, so the titled word is that person; "Mr Hale" is no given name of "Hale
    Morton", who is "Mr Morton" in the same text."""
    from tasks.extract.entities.canonical import canonical_name

    def groups_of(text: str, ents: list[tuple[str, int, str, bool]]) -> list[tuple[str, list[str]]]:
        doc = nlp(text)
        words = [t.text for t in doc]
        doc.ents = [Span(doc, len(words) - 1 - words[::-1].index(w) if last else words.index(w),
                         (len(words) - 1 - words[::-1].index(w) if last else words.index(w)) + n, label=label)
                    for w, n, label, last in ents]
        return [(canonical_name(g, gazetteer()), sorted(m.text for m in g.mentions))
                for g in entity_groups(doc, gazetteer()) if g.merged_into is None]

    # (the model tags the word after the title alone, as here)
    assert groups_of("Minister Ho Tianming visited Lyon . Mr Ho said trade would grow .",
                     [("Ho", 2, "PERSON", False), ("Lyon", 1, "GPE", False), ("Ho", 1, "PERSON", True)]) == [
        ("Ho Tianming", ["Ho", "Ho Tianming"]), ("Lyon", ["Lyon"])]
    assert groups_of("Hale Morton resigned . Mr Morton left . Mr Hale said he was sorry .",
                     [("Hale", 2, "PERSON", False), ("Morton", 1, "PERSON", True), ("Hale", 1, "PERSON", True)]) == [
        ("Hale Morton", ["Hale Morton", "Morton"]), ("Hale", ["Hale"])]


def test_a_name_after_an_owners_acronym_takes_the_name_alone_and_not_its_numbered_product(nlp):
    """"KX Marlow" ... "the Marlow 40" ... "Marlow said": the firm's name alone joins the name its
    owner's acronym opens, not the numbered model; "Group" never joins "BT Group"."""
    text = "Car deal\n\nKX Marlow may cut jobs. Production of the Marlow 40 may move abroad. Marlow said talks went on."
    assert _orgs_grouped(nlp, text, [("KX", 0, 2), ("Marlow", 1, 2), ("Marlow", 2, 1)]) == [["KX Marlow", "Marlow"], ["Marlow 40"]]
    text = "Phone deal\n\nBT Group may cut jobs. Group sales rose."
    assert _orgs_grouped(nlp, text, [("BT", 0, 2), ("Group", 1, 1)]) == [["BT Group"], ["Group"]]


def test_initials_and_a_surname_the_model_tags_a_person_alone_are_a_person(ents_of):
    """"PJ Okafor" read as a place: initials and a surname that the model tags a person on its own
    ("Okafor said") are one person's name, and the surname joins it."""
    art, idx = ents_of("Stud\n\nThe colt is owned by Tom Varley and PJ Okafor. Varley and Okafor said the deal was done.")
    names = {e.name: (e.label, [art.text[s:t] for s, t in e.mentions]) for e in idx.entities if e.label == "PERSON"}
    assert names["PJ Okafor"] == ("PERSON", ["PJ Okafor", "Okafor"])


def test_initials_and_a_surname_are_no_person_when_another_person_s_name_ends_in_it():
    from tasks.extract.entities.grouping import _initials_and_surname

    gaz = gazetteer()
    group = MentionGroup("pj okafor", [Mention(0, 2, "GPE", "PJ Okafor")])
    assert _initials_and_surname(group, {"okafor"}, gaz)
    assert not _initials_and_surname(group, set(), gaz)  # "Okafor" ends another full name, or is no person alone
    assert not _initials_and_surname(MentionGroup("pj okafor holdings", [Mention(0, 3, "ORG", "PJ Okafor Holdings")]), {"holdings"}, gaz)


def test_a_body_named_with_its_possessive_keeps_it_in_the_entities_table(ents_of, table):
    art, idx = ents_of("Shares in Tolliver's rose after Tolliver's said sales grew. Tolliver's shares are up.")
    assert table(idx, art) == {"Tolliver's": ("ORG", ["Tolliver's"], None, ["Tolliver's", "Tolliver's", "Tolliver's"])}
