"""tasks.extract.entities.repeats: untagged repeats of known names become mentions."""
from __future__ import annotations

from spacy.tokens import Span

from tasks.extract.entities.mentions import Mention, MentionGroup
from tasks.extract.entities.repeats import add_untagged_repeats


def test_given_names_groups_and_untagged_repeats(ents_of):
    art, idx = ents_of("Mihai Tararache scored twice .\nIraqi Kurds fled the town .")
    assert {e.name: e.label for e in idx.entities} == {"Mihai Tararache": "PERSON", "Iraqi Kurds": "NORP"}
    art, idx = ents_of("Security chief Alexander Lebed flew to Chechnya on Friday .\n"
                       "Lebed said he hoped to sign a deal .\nNeither Lebed nor Maskhadov spoke .")
    lebed = idx.by_name("Lebed")
    assert lebed.name == "Alexander Lebed" and lebed.label == "PERSON" and len(lebed.mentions) == 3
    assert lebed.role == "Security chief"


def test_caps_and_surname_repeats(ents_of, table):
    art, idx = ents_of("PETROV WINS\nAlexander Petrov won the race . Petrov said it was hard .")
    assert table(idx, art) == {
        "Alexander Petrov": ("PERSON", ["Alexander Petrov", "PETROV", "Petrov"], None, ["PETROV", "Alexander Petrov", "Petrov"])}


def test_a_word_inside_a_longer_capitalised_name_is_no_repeat(nlp):
    doc = nlp.make_doc("Alexander Lebed spoke . Lebed left . Lebed Street is long . Old Lebed sat . LEBED")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    g = MentionGroup("alexander lebed", [Mention(0, 2, "PERSON", "Alexander Lebed")])
    add_untagged_repeats(doc, [g], {g: "PERSON"})
    assert [(m.start, m.end, m.label, m.text) for m in g.mentions] == [
        (0, 2, "PERSON", "Alexander Lebed"), (4, 5, "PERSON", "Lebed"), (16, 17, "PERSON", "LEBED")]


def test_only_named_labels_and_real_words_repeat(nlp):
    doc = nlp.make_doc("The Act passed . Act now , said Al . The Act")
    doc.ents = [Span(doc, 1, 2, label="LAW"), Span(doc, 8, 9, label="PERSON")]
    law = MentionGroup("act", [Mention(1, 2, "LAW", "Act")])
    al = MentionGroup("al", [Mention(8, 9, "PERSON", "Al")])
    add_untagged_repeats(doc, [law, al], {law: "LAW", al: "PERSON"})
    assert len(law.mentions) == 1 and len(al.mentions) == 1  # a LAW does not repeat; "Al" is too short
