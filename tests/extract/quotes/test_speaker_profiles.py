"""What an article says of its entities (profiles.py), over a hand-made entity index."""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.extract.entities.index import Entity, EntityIndex
from tasks.extract.quotes.profiles import EntityProfiles, _misread_as_reported, description_words, token_sentences, words_of

TEXT = "Russian President Vladimir Putin met Ms Anna Berg in Moscow. Putin praised his host. Berg said little."


def at(word: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(word, i + 1)
    return i, i + len(word)


def index() -> EntityIndex:
    return EntityIndex(article_id="a", entities=[
        Entity("a:0", "Vladimir Putin", "PERSON", mentions=[at("Vladimir Putin"), at("Putin", 1)]),
        Entity("a:1", "Anna Berg", "PERSON", mentions=[at("Anna Berg")]),
        Entity("a:2", "Berg", "PERSON", mentions=[at("Berg", 1)]),
        Entity("a:3", "Moscow", "GPE", mentions=[at("Moscow")]),
    ])


def test_words_of():
    assert words_of("Sen. O’Brien's staff, the U.S. envoy") == ["sen", "o'brien", "staff", "the", "u.s", "envoy"]


def test_description_words():
    assert description_words(["the", "russian", "leader"]) == {"russian", "@russia", "leader"}
    assert description_words(["the", "sen", "from", "south", "korea"]) >= {"senator", "@south korea"}


def test_token_sentences(nlp):
    doc = nlp("One sentence here. And two.")
    assert token_sentences(doc) == [0, 0, 0, 0, 1, 1, 1]


def test_profiles(nlp):
    doc = nlp(TEXT)
    p = EntityProfiles.build(doc, index(), token_sentences(doc))
    ents = {e.entity_id: e for e in p.ents.entities}
    assert [(s, t, e.entity_id) for s, t, e in p.mentions] == [(*at("Vladimir Putin"), "a:0"), (*at("Anna Berg"), "a:1"),
                                                                (*at("Moscow"), "a:3"), (*at("Putin", 1), "a:0"), (*at("Berg", 1), "a:2")]
    assert p.profile["a:0"] == {"russian", "@russia", "president"}
    assert p.profile["a:1"] == {"ms"}
    assert p.gender == {"a:0": "m", "a:1": "f", "a:2": None, "a:3": None}
    assert p.fuller == {"a:2": ents["a:1"]}  # "Berg" is short for "Anna Berg"
    assert p.canon(ents["a:2"]) is ents["a:1"] and p.canon(ents["a:0"]) is ents["a:0"]
    assert p.first_pos == {"a:0": at("Vladimir Putin")[0], "a:1": at("Anna Berg")[0], "a:3": at("Moscow")[0], "a:2": at("Berg", 1)[0]}
    assert [(r.entity.entity_id, r.sent, r.subject) for r in p.subjects] == [("a:0", 0, True), ("a:1", 0, False), ("a:3", 0, False),
                                                                             ("a:0", 1, True), ("a:2", 2, True)]


def test_lookups(nlp):
    doc = nlp(TEXT)
    p = EntityProfiles.build(doc, index(), token_sentences(doc))
    s, e = at("Putin")
    assert p.entity_at(s, e).entity_id == "a:0"
    assert p.entity_at(*at("met")) is None
    assert [m[2].entity_id for m in p.mentions_in(0, at("Moscow")[1])] == ["a:0", "a:1", "a:3"]
    assert [m[2].entity_id for m in p.mentions_over(at("Ms")[0], at("Anna")[1])] == ["a:1"]
    assert p.last_mention_before(p.ents.entities[0], at("his")[0]) == at("Putin", 1)[0]
    assert p.last_mention_before(p.ents.entities[0], 0) == -1


def test_a_subject_under_a_preposition_is_background_and_who_introduces_a_person(nlp):
    """"The crew, despite having Sam Doyle still out injured, ...": Doyle's clause hangs inside one
    under "despite", so he is not the sentence's topic; "the arrival of stroke Ben Okafor who
    skipped the regatta" introduces Okafor as one, as an apposition would."""
    from tasks.extract.quotes.profiles import _introduced, _prominent_subject

    doc = nlp("The crew, despite having Sam Doyle still out injured, have been strengthened by the arrival of "
              "veteran stroke Ben Okafor who skipped the spring regatta with a sore back.")
    doyle, okafor = (next(t for t in doc if t.text == w) for w in ("Doyle", "Okafor"))
    assert doyle.dep_ == "nsubj" and any(a.dep_ == "pcomp" for a in doyle.ancestors)  # (the parse the rule is for)
    assert (_prominent_subject(doyle), _introduced(okafor)) == (False, True)


def test_a_name_the_parse_hung_on_the_verb_after_the_subject_is_the_subject(nlp):
    """"However, one of the Harbour Four, Tom Reidy, said ...": the parse may make the name a
    modifier of the verb; it is the apposition of the subject before its comma, so the sentence's
    topic (and a later "he" may mean him). A name before no subject's phrase is not."""
    from spacy.tokens import Doc

    from tasks.extract.quotes.profiles import _prominent_subject

    words = ["However", ",", "one", "of", "the", "Harbour", "Four", ",", "Tom", "Reidy", ",", "said", "so", "."]
    heads = [11, 11, 11, 2, 6, 6, 3, 11, 9, 11, 11, 11, 11, 11]
    deps = ["advmod", "punct", "nsubj", "prep", "det", "compound", "pobj", "punct", "compound", "npadvmod", "punct",
            "ROOT", "advmod", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _prominent_subject(doc[9])
    deps[2] = "npadvmod"  # no subject before the name: it is no apposition
    assert not _prominent_subject(Doc(nlp.vocab, words=words, heads=heads, deps=deps)[9])


def test_but_ends_a_subject_list_only_after_two_members(nlp):
    """"..., Piet Okkerse and Rui Brenner of Portugal but James Marsh is unfazed": James Marsh is the
    subject; "but" for "except" ("Everyone but Jim Cole voted") or before "not" leaves the list as it is."""
    from tasks.extract.quotes.profiles import subject_after_but

    def after_but(text: str, word: str) -> str | None:
        doc = nlp(text)
        found = subject_after_but([t for t in doc if t.text == word][-1])
        return found.text if found is not None else None

    assert after_but("The final would be between himself, Dutchman Piet Okkerse and Rui Brenner of Portugal but "
                     "James Marsh is unfazed.", "Marsh") == "Marsh"
    assert after_but("Everyone but Jim Cole voted for the plan.", "Cole") is None
    assert after_but("All the councillors but Jim Cole voted for the plan.", "Cole") is None
    assert after_but("Tom Reid and Sam Marsh but not Jim Cole were picked for the final.", "Cole") is None


def test_a_closing_cue_is_not_said_by_a_name_after_a_preposition(nlp):
    """"He loved his job, the father of Jim Cole, said.": the father said it, not Jim Cole."""
    from tasks.extract.quotes.profiles import closing_cue_of

    doc = nlp("He loved his job, the father of Jim Cole, said.")
    assert closing_cue_of([t for t in doc if t.text == "Cole"][0]) is None


def test_a_clause_before_a_subjectless_cue_that_reports_another_is_the_writers(nlp):
    """"Mr Reid denied Mr Pryce ... said the plans were bad": "said" reports the clause after it,
    so the clause before it, hung on it by the parse, is the writer's; a clause before a cue that
    reports nothing else ("..., says minister", "..., the minister said") is the reported words."""
    def misread(text: str) -> list[tuple[str, bool]]:
        return [(t.text, _misread_as_reported(t)) for t in nlp(text) if t.dep_ == "ccomp" and t.i < t.head.i]
    assert misread("But Mr Reid denied Mr Pryce, his health spokesman, said the plans were bad.") == [("denied", True)]
    assert misread("Clinic could close, says minister.") == [("close", False)]
    assert misread("The clinic will close, the minister said.") == [("close", False)]
    # the parse of a headline may leave the cue after the clause with no subject: still reported
    words = ["Clinic", "could", "close", ",", "says", "minister"]
    headline = Doc(nlp.vocab, words=words, heads=[2, 2, 4, 4, 4, 4], deps=["nsubj", "aux", "ccomp", "punct", "ROOT", "dep"])
    assert not _misread_as_reported(headline[2])


def test_a_subject_s_gender_from_a_pronoun_after_another_name_only_one_that_name_rules_out(nlp):
    """"Ebbe Quill said Jane Marr had distanced herself": no vote for Quill; "Dagny Holm tracked
    down Mr Tom Hale after her aunt ...": "her" is not his, so it is Dagny Holm's."""
    text = "Ebbe Quill said Jane Marr had distanced herself. Dagny Holm tracked down Mr Tom Hale after her aunt wrote."
    at_ = lambda w: (text.index(w), text.index(w) + len(w))
    idx = EntityIndex(article_id="a", entities=[
        Entity("a:0", "Ebbe Quill", "PERSON", mentions=[at_("Ebbe Quill")]),
        Entity("a:1", "Jane Marr", "PERSON", mentions=[at_("Jane Marr")]),
        Entity("a:2", "Dagny Holm", "PERSON", mentions=[at_("Dagny Holm")]),
        Entity("a:3", "Tom Hale", "PERSON", mentions=[at_("Tom Hale")]),
    ])
    doc = nlp(text)
    p = EntityProfiles.build(doc, idx, token_sentences(doc))
    assert p.gender == {"a:0": None, "a:1": "f", "a:2": "f", "a:3": "m"}
    text = "Ebbe Quill told Mr Tom Hale he could stay."  # "he" may be Mr Hale: no vote for Quill
    idx = EntityIndex(article_id="a", entities=[Entity("a:0", "Ebbe Quill", "PERSON", mentions=[(0, 10)]),
                                                Entity("a:1", "Tom Hale", "PERSON", mentions=[(19, 27)])])
    doc = nlp(text)
    assert EntityProfiles.build(doc, idx, token_sentences(doc)).gender == {"a:0": None, "a:1": "m"}


def test_a_name_opening_its_sentence_before_an_aside_is_the_main_verb_s_subject(nlp):
    """"And Harlan, for all the votes he won, seems to agree": the parse may make the opening name
    a modifier and give the main verb a subject from the aside; the name is the sentence's subject
    (a later "he" means him), also where the parse left it unlabelled. Not when a word of the
    sentence's own comes before the name."""
    from tasks.extract.quotes.profiles import _prominent_subject

    words = ["And", "Harlan", ",", "for", "all", "the", "votes", "he", "won", ",", "seems", "to", "agree", "."]
    heads = [10, 10, 10, 10, 6, 6, 10, 8, 6, 10, 10, 12, 10, 10]
    deps = ["cc", "npadvmod", "punct", "prep", "predet", "det", "nsubj", "nsubj", "relcl", "punct", "ROOT", "aux", "xcomp", "punct"]
    pos = ["CCONJ", "PROPN", "PUNCT", "ADP", "DET", "DET", "NOUN", "PRON", "VERB", "PUNCT", "VERB", "PART", "VERB", "PUNCT"]
    tags = ["CC", "NNP", ",", "IN", "PDT", "DT", "NNS", "PRP", "VBD", ",", "VBZ", "TO", "VB", "."]
    ents = ["O", "B-PERSON", *["O"] * 12]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents, sent_starts=[True, *[False] * 13])
    assert _prominent_subject(doc[1])
    deps[1], pos[1], tags[1] = "dep", "ADJ", "JJ"  # left unlabelled and untagged (the model's entity came from elsewhere)
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, sent_starts=[True, *[False] * 13])
    assert _prominent_subject(doc[1])
    words[0], pos[0], deps[0] = "Today", "NOUN", "npadvmod"  # a word of the sentence's own before the name
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents, sent_starts=[True, *[False] * 13])
    assert not _prominent_subject(doc[1])
