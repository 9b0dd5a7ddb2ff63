"""Tokenizer additions: an opening quotation mark glued to the punctuation before it; hyphenated words kept whole."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ('Reilly said,"Nobody told us."', ["Reilly", "said", ",", '"', "Nobody", "told", "us", ".", '"']),
    ("Mayor Ann Cole:\u201cWe are ready.\u201d", ["Mayor", "Ann", "Cole", ":", "\u201c", "We", "are", "ready", ".", "\u201d"]),
    ("The notice read;\u2018Closed\u2019", ["The", "notice", "read", ";", "\u2018", "Closed", "\u2019"]),
    ('"The pier is safe,"Cole said.', ['"', "The", "pier", "is", "safe", ",", '"', "Cole", "said", "."]),  # straight marks: either way
])
def test_an_opening_mark_glued_to_punctuation_is_its_own_token(nlp, text, expected):
    assert [t.text for t in nlp.tokenizer(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("\u201cThe pier is safe,\u201dCole said.", ["\u201c", "The", "pier", "is", "safe,\u201dCole", "said", "."]),  # a closing mark: left to the quote finders
    ("It costs $3,000 a year.", ["It", "costs", "$", "3,000", "a", "year", "."]),
    ("He said it's fine.", ["He", "said", "it", "'s", "fine", "."]),
])
def test_other_tokens_are_unchanged(nlp, text, expected):
    assert [t.text for t in nlp.tokenizer(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Her e-mail said so.", [("Her", "her"), ("e-mail", "email"), ("said", "said"), ("so", "so"), (".", ".")]),
    ("E-mails were e-mailed.", [("E-mails", "emails"), ("were", "were"), ("e-mailed", "emailed"), (".", ".")]),
    ("He was E-MAILING.", [("He", "he"), ("was", "was"), ("E-MAILING", "emailing"), (".", ".")]),
])
def test_e_mail_is_one_token_the_model_reads_as_email(nlp, text, expected):
    """Split at the hyphen, "e-mail" is three words to the tagger ("Kim's e-mail suggested" got
    "e" and "mail" as two subjects); kept whole and read as "email", it is the noun or verb."""
    assert [(t.text, t.norm_) for t in nlp.tokenizer(text)] == expected


def test_a_playing_position_is_one_token_and_the_subject_it_heads(nlp):
    """Split at the hyphen, "said the Harlow full-back" made "Harlow" the subject and "back" an
    adverb; kept whole, the position heads its noun phrase."""
    doc = nlp("\"We trained well,\" said the Harlow full-back. Fly-halves and scrum-halves rested.")
    assert [(t.text, t.dep_) for t in doc if "-" in t.text] == [("full-back", "nsubj"), ("Fly-halves", "nsubj"), ("scrum-halves", "conj")]


def test_e_mail_is_tagged_as_the_model_tags_email(nlp):
    doc = nlp("He said the junk e-mails sent to staff were fake. Kim then e-mailed Lee.")
    assert [(t.text, t.tag_, t.lemma_) for t in doc if "mail" in t.lower_] == [("e-mails", "NNS", "e-mail"), ("e-mailed", "VBD", "e-mail")]


def test_a_title_abbreviated_with_a_full_stop_is_one_token_and_ends_no_sentence(nlp):
    """Split off, the stop of "Lt." ended the sentence, and the name after it began another."""
    doc = nlp("Reporters were told by Coast Guard spokesman Lt. Pia Hollis, who declined to comment further.")
    assert [t.text for t in doc][7:10] == ["Lt.", "Pia", "Hollis"]
    assert len(list(doc.sents)) == 1
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Pia Hollis"]
