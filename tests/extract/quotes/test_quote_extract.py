"""Quotations: texts in, exact (quote, speaker) rows out; the seed against its gold."""
from __future__ import annotations

import re

import pytest

from tasks.extract.entities import index as entities
from tasks.extract.quotes.extract import extract
from tasks.schemas import QUOTES


def run(parse, text: str) -> list[dict]:
    art, doc = parse(text)
    rows = extract(art, doc, entities.extract(art, doc))
    for r in rows:  # the contract: exact columns, offsets that give back the words
        assert set(r) == set(QUOTES.names)
        assert art.text[r["char_start"]:r["char_end"]] == r["text"]
        if r["speaker_char_start"] is not None:
            assert art.text[r["speaker_char_start"]:r["speaker_char_end"]] == r["speaker_mention"]
    return rows


def direct(rows: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["text"], r["speaker"]) for r in rows if r["kind"] != "indirect"]


def test_split_quote(parse):
    rows = run(parse, "Economy grows\n\nPrime Minister Boris Johnson visited a factory in Derby on Monday.\n\n"
                      "\"The economy is recovering,\" Johnson said, \"but we must remain careful.\"\n")
    assert direct(rows) == [("The economy is recovering,", "Boris Johnson"), ("but we must remain careful.", "Boris Johnson")]
    assert [r["speaker_mention"] for r in rows] == ["Johnson", "Johnson"]
    assert [r["attribution"] for r in rows] == ["cue_after:name", "cue_above:name"]
    assert [r["speaker_type"] for r in rows] == ["person", "person"]
    assert [r["cue"] for r in rows] == ["said", "said"]


def test_colon_quote(parse):
    rows = run(parse, "Waiting lists\n\nHealth Secretary Patricia Hewitt visited the hospital on Friday.\n\n"
                      "Ms Hewitt said: \"We will publish the figures next week.\"\n")
    assert direct(rows) == [("We will publish the figures next week.", "Patricia Hewitt")]
    assert rows[0]["kind"] == "full" and rows[0]["closed"] is True and rows[0]["cue"] == "said"


def test_multi_paragraph_quote(parse):
    rows = run(parse, "Budget row\n\nThe finance minister, Anna Berg, defended the plan on Monday.\n\n"
                      "\"We have made hard choices,\" Berg said. \"Nobody likes higher taxes.\n\n"
                      "\"But the alternative is a deficit that our children will pay for.\"\n\n"
                      "Critics were not convinced.\n")
    assert direct(rows) == [("We have made hard choices,", "Anna Berg"), ("Nobody likes higher taxes.", "Anna Berg"),
                            ("But the alternative is a deficit that our children will pay for.", "Anna Berg")]
    # the open paragraph is continued by the next one: news style, not a missing mark
    assert [r["closed"] for r in rows] == [True, True, True]
    assert rows[2]["attribution"] == "carried:name" and rows[2]["paragraph_idx"] == 3


def test_unclosed_quote_runs_to_paragraph_end_only(parse):
    rows = run(parse, "Strike goes on\n\nUnion leader Mick Lynch addressed the rally.\n\n"
                      "Lynch said: \"We will not give up the fight until the offer improves.\n\n"
                      "The company declined to comment.\n\n"
                      "\"It is over,\" rail boss Andrew Haines said later.\n")
    assert direct(rows) == [("We will not give up the fight until the offer improves.", "Mick Lynch"), ("It is over,", "Andrew Haines")]
    assert [r["closed"] for r in rows] == [False, True]


def test_scare_quotes_and_titles_are_not_quotations(parse):
    rows = run(parse, "Reform delayed\n\nThe \"reform\" has been delayed twice since March.\n\n"
                      "Senator Ann Cole appeared on CBS's \"Face the Nation\" on Sunday.\n\n"
                      "\"The delay is a scandal,\" Cole said.\n")
    assert direct(rows) == [("The delay is a scandal,", "Ann Cole")]


def test_pronoun_skips_the_nearest_name(parse):
    """'he' is the previous sentence's subject, not the president in the prepositional phrase."""
    rows = run(parse, "Ready to talk\n\nSecretary-General Maren Holt spoke in Vilnius on Monday.\n\n"
                      "In a joint press conference with Latvian President Ilze Berzina, she said, \"We will hear every side first.\"\n")
    assert direct(rows) == [("We will hear every side first.", "Maren Holt")]
    assert rows[0]["speaker_mention"] == "she" and rows[0]["attribution"] == "cue_before:pronoun"


def test_pronoun_gender(parse):
    rows = run(parse, "Talks in Kyiv\n\nUS official Victoria Nuland met Foreign Minister Dmitry Kuleba on Monday. Kuleba spoke first.\n\n"
                      "\"We stand with Ukraine,\" she said.\n")
    assert direct(rows) == [("We stand with Ukraine,", "Victoria Nuland")]


def test_description_speaker(parse):
    rows = run(parse, "Summit\n\nPortuguese President Rui Matos met Finnish President Aino Lehto in Lisbon.\n\n"
                      "\"We went through every one of these questions,\" the Portuguese leader added.\n")
    assert direct(rows) == [("We went through every one of these questions,", "Rui Matos")]
    assert rows[0]["attribution"] == "cue_after:description" and rows[0]["speaker_mention"] == "the Portuguese leader"


def test_partial_quotes_in_the_writers_sentence(parse):
    rows = run(parse, "Talks\n\nHarbour board chair Tomas Veld met the ferry operators on Monday.\n\n"
                      "He noted that the two sides were starting to shape a \"workable compromise,\" which was \"fair to everyone\" on the quay.\n")
    assert direct(rows) == [("workable compromise,", "Tomas Veld"), ("fair to everyone", "Tomas Veld")]
    assert {r["kind"] for r in rows if r["kind"] != "indirect"} == {"partial"}
    assert rows[0]["cue"] == "noted"


def test_indirect_speech(parse):
    rows = run(parse, "Summit\n\nSpanish Prime Minister Pablo Ruiz met Jonas Berg on Monday.\n\n"
                      "Ruiz said Madrid and Oslo shared worries about fishing quotas in the north.\n")
    ind = [r for r in rows if r["kind"] == "indirect"]
    assert [(r["text"], r["speaker"], r["cue"]) for r in ind] == [
        ("Madrid and Oslo shared worries about fishing quotas in the north", "Pablo Ruiz", "said")]
    assert direct(rows) == []


def test_curly_marks_and_nested_single_quotes(parse):
    rows = run(parse, "Vote\n\nSenator Mary Jones spoke after the vote.\n\n"
                      "“They told us ‘wait and see’ for years,” Jones said.\n")
    assert direct(rows) == [("They told us ‘wait and see’ for years,", "Mary Jones")]


def test_robust_to_odd_inputs(parse):
    for text in ["Headline only", "\"\"\"", "A \"\n\nB \"\n\n\"C", "“”“”", "Title\n\n' ' \" ' ”“ ,\" said.", "Title\n\n" + "\"x " * 300]:
        rows = run(parse, text)
        assert isinstance(rows, list)


def test_one_unclosed_mark_does_not_cost_the_article(parse):
    body = "\n\n".join(f"\"Point {i} stands,\" Mr Brown said." for i in range(1, 6))
    rows = run(parse, "Title\n\nJohn Brown spoke. \"A stray mark with no end.\n\nHe went on.\n\n" + body + "\n")
    assert [(r["text"], r["closed"]) for r in rows if not r["closed"]] == [("A stray mark with no end.", False)]
    assert [r["text"] for r in rows if r["closed"]] == [f"Point {i} stands," for i in range(1, 6)]
    assert all(r["speaker"] == "John Brown" for r in rows)


def test_a_thousand_quotations_in_one_article_are_all_found(nlp):
    """1,000 quotations in one article (100 paragraphs of ten), each a full quote. The article is
    the one benchmarks/long_articles.py times at growing sizes (its time per paragraph stays flat)."""
    from benchmarks.long_articles import quotes_article

    art, doc = quotes_article(nlp, 100)
    ents = entities.extract(art, doc)
    rows = extract(art, doc, ents)
    assert len([r for r in rows if r["kind"] == "full"]) == 1000


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


def test_seed_against_gold(seed, gold):
    art, doc = seed
    rows = extract(art, doc, entities.extract(art, doc))
    got = [r for r in rows if r["kind"] in ("full", "partial")]
    assert len(got) == len(gold["quotes"]), "no extra or missing direct quotations"
    for g in gold["quotes"]:
        hit = [r for r in got if _norm(r["text"]) == _norm(g["text"])]
        assert hit, f"missed {g['text'][:40]!r}"
        assert hit[0]["speaker"] == g["speaker"], (g["text"][:40], hit[0]["speaker_mention"])
        assert hit[0]["closed"] == g["closed"]
    ids = [r["quote_id"] for r in rows]
    assert len(set(ids)) == len(ids) and all(i.startswith(art.article_id + ":q:") for i in ids)


# ---- attribution rules for constructions met in political news (invented sentences) ------
def test_participle_cue_takes_the_writers_subject(parse):
    """`..., writing "..."` / `..., telling reporters, "..."` where the parse hangs the
    participle on the quoted words: the subject of the writer's clause before it."""
    rows = run(parse, "Concert\n\nDrummer Lena Voss shared the photo on social media on Sunday, "
                      "writing “So proud to stand with the people of this town.”\n")
    assert direct(rows) == [("So proud to stand with the people of this town.", "Lena Voss")]
    rows = run(parse, "Harbour\n\nMayor Paul Brandt didn’t seem very pleased with the ruling Wednesday, "
                      "telling reporters, “Plenty of residents think the board should resign.”\n")
    assert direct(rows) == [("Plenty of residents think the board should resign.", "Paul Brandt")]
    assert rows[0]["cue"] == "telling"


def test_according_to_names_the_outer_source_only_when_no_person_said_the_words(parse):
    """`"...," Okafor said, according to CNN`: Okafor said the words, CNN only reports them; `"...,"
    the memo said, according to CNN`: no person said them here, so the one who reports them."""
    rows = run(parse, "Convention\n\nSenator Amara Okafor spoke to delegates.\n\n"
                      "“Please keep the debate on the floor civil tonight,” Okafor said, according to CNN.\n")
    assert direct(rows) == [("Please keep the debate on the floor civil tonight,", "Amara Okafor")]
    assert rows[0]["cue"] == "said"
    rows = run(parse, "Convention\n\nThe delegates met on Monday.\n\n"
                      "“Every delegate must register by noon,” the memo said, according to CNN.\n")
    assert direct(rows) == [("Every delegate must register by noon,", "CNN")]


def test_name_glued_to_the_closing_mark(parse):
    rows = run(parse, "Interview\n\nMaria Ellison spoke on Friday.\n\n“The result surprised all of us,”Ellison said.\n")
    assert direct(rows) == [("The result surprised all of us,", "Maria Ellison")]
    assert rows[0]["speaker_mention"] == "Ellison"


def test_inverted_cue_taken_for_a_name(parse):
    """`Stated Marsh:` (tagged as a name) introducing a quote paragraph."""
    rows = run(parse, "Radio\n\nVictor Marsh spoke on the radio.\n\nStated Marsh:\n\n“The vote next week will decide everything.”\n")
    assert [(r["text"], r["speaker_mention"]) for r in rows if r["kind"] != "indirect"] == [
        ("The vote next week will decide everything.", "Marsh")]


def test_subject_lost_in_a_relative_clause(parse):
    rows = run(parse, "Reaction\n\nHelen Drake, who served as the mayor's chief adviser during the 2018 campaign, "
                      "called the council's plans \"reckless.\"\n")
    assert direct(rows) == [("reckless.", "Helen Drake")]


def test_dash_label_before_the_colon(parse):
    rows = run(parse, "Polls\n\nAnalysts agree - Tomas Reyes: “The clearest lesson was a plain one: keep on talking to voters.”\n")
    assert direct(rows) == [("The clearest lesson was a plain one: keep on talking to voters.", "Tomas Reyes")]


def test_colon_clause_with_a_person_as_object(parse):
    rows = run(parse, "Polls\n\nThe size of the swing doesn’t surprise Labour strategist Nina Hale: "
                      "“Smaller parties always gain late in a campaign.”\n")
    assert direct(rows) == [("Smaller parties always gain late in a campaign.", "Nina Hale")]


def test_signature_paragraph_after_the_quote(parse):
    rows = run(parse, "Fact check\n\nThe minister spoke at the debate.\n\n"
                      "\"Nearly every new job this year went to the capital.\"\n\n- Owen Price.\n\n"
                      "The minister is relying on an old survey.\n")
    assert direct(rows) == [("Nearly every new job this year went to the capital.", "Owen Price")]
    assert rows[0]["speaker_mention"] == "Owen Price"


def test_short_unattributed_sentence_in_marks_is_not_a_quotation(parse):
    rows = run(parse, "Rally\n\nThe evening ended with balloons. \"Make it happen.\" The band played on.\n\n"
                      "\"We will win this state,\" organiser Anna Berg said.\n")
    assert direct(rows) == [("We will win this state,", "Anna Berg")]


def test_name_and_colon_label_the_speaker(parse):
    rows = run(parse, "Debate\n\nIan Forde and Ruth Calder reject the term austerity.\n\n"
                      "Calder: \"Our aim is not to freeze or trim the budget, but to rebuild the harbour.\" "
                      "Forde: \"The task is to rebuild the harbour.\"\n")
    assert direct(rows) == [("Our aim is not to freeze or trim the budget, but to rebuild the harbour.", "Ruth Calder"),
                            ("The task is to rebuild the harbour.", "Ian Forde")]


def test_noun_of_saying_before_the_quote(parse):
    rows = run(parse, "Floods\n\nThe state mourned on Monday.\n\nImmediately after the floods, Governor Lisa Crane issued a statement, "
                      "“Last night, our state was hit by the worst storm in a century.”\n")
    assert direct(rows) == [("Last night, our state was hit by the worst storm in a century.", "Lisa Crane")]


def test_no_carry_over_a_paragraph_about_someone_else(parse):
    rows = run(parse, "Talks\n\nTrade Secretary Paul Hines spoke in Oslo.\n\n"
                      "“The market matters,” Norwegian Fisheries Minister Ingrid Dahl said.\n\n"
                      "Hines said that for years some critics had been predicting a collapse.\n\n"
                      "“That is because this market remains the most important for our exporters.”\n")
    assert direct(rows) == [("The market matters,", "Ingrid Dahl"),
                            ("That is because this market remains the most important for our exporters.", "Paul Hines")]


def test_more_reporting_verbs(parse):
    rows = run(parse, "Interview\n\nMark Devlin interviewed Paula Grant.\n\n“Would it be negotiable about the 2 million?” Devlin pressed.\n")
    assert direct(rows) == [("Would it be negotiable about the 2 million?", "Mark Devlin")]
    assert rows[0]["cue"] == "pressed"


def test_rows_in_text_order_with_their_ids(parse):
    """Direct and reported speech interleave by offset; quote ids number the rows in that order."""
    art, doc = parse("Harbour plan\n\nMayor Ann Cole said the quay would open in May. \"The boats will come home,\" she added, "
                     "\"and the town will be glad.\"\n\nTom Reilly told reporters that the pier was safe.\n")
    rows = run(parse, art.text)
    assert [(r["quote_id"], r["kind"], r["text"], r["speaker"], r["speaker_mention"], r["cue"], r["attribution"], r["closed"],
             r["paragraph_idx"], r["sentence_idx"]) for r in rows] == [
        (f"{art.article_id}:q:0", "indirect", "the quay would open in May", "Ann Cole", "Mayor Ann Cole", "said", "reported_speech:name", True, 1, 1),
        (f"{art.article_id}:q:1", "full", "The boats will come home,", "Ann Cole", "she", "added", "cue_after:pronoun", True, 1, 2),
        (f"{art.article_id}:q:2", "partial", "and the town will be glad.", "Ann Cole", "she", "added", "cue_above:pronoun", True, 1, 2),
        (f"{art.article_id}:q:3", "indirect", "the pier was safe", "Tom Reilly", "Tom Reilly", "told", "reported_speech:name", True, 2, 3),
    ]
    assert rows[1]["speaker_entity_id"] == rows[0]["speaker_entity_id"] != rows[3]["speaker_entity_id"]
