"""Word lists of quotation extraction and the reporting-verb test."""
from __future__ import annotations

from tasks.extract.quotes.lexicon import cue_words, is_cue, is_past_tense_cue, speaker_words, title_words


def test_cue_words():
    cues = cue_words()
    assert {"say", "tell", "add"} <= cues.speech <= cues.verbs
    assert {"call", "describe", "dub"} <= cues.naming <= cues.verbs
    assert not cues.naming & cues.speech  # a naming verb never introduces indirect speech
    assert cues.phrasal["go"] == (frozenset({"on"}),)
    assert cues.phrasal["put"] == (frozenset({"it", "as"}),)
    assert {"claim", "statement", "comment"} <= cues.nouns


def test_title_words():
    titles = title_words()
    assert {"titled", "entitled", "nicknamed"} <= titles.strong
    assert {"film", "book", "known"} <= titles.all - titles.strong
    assert titles.strong <= titles.all


def test_speaker_words():
    lex = speaker_words()
    assert lex.pronouns["he"] == {"gender": "m", "labels": ["PERSON"]}
    assert lex.pronouns["it"] == {"gender": None, "labels": ["ORG", "GPE", "NORP"]}
    assert (lex.honorifics["mrs"], lex.honorifics["sir"]) == ("f", "m")
    assert "mayor" in lex.person_nouns and "the" in lex.generic
    assert lex.abbreviations["sen"] == "senator"


def test_past_tense_cue_by_spelling():
    assert [is_past_tense_cue(w) for w in ("Stated", "Replied", "said", "Added", "Harbour", "Red")] == [True, True, True, True, False, False]


def test_is_cue(nlp):
    doc = nlp("The skipper said the ferry was late. “It is over,” she went on. The ferry went to Cork.")
    assert [t.text for t in doc if is_cue(t)] == ["said", "went"]  # "went on" with its particle only
    doc = nlp("He looked assured in midfield. She assured the board that it was safe.")
    assert [(t.i, t.text) for t in doc if is_cue(t)] == [(7, "assured")]  # a state, then words
