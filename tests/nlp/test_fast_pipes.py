"""tasks.nlp.fast_pipes: the array versions of the attribute ruler and lemmatizer give the model's
own tokens, attribute for attribute, including its word exceptions."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from tasks.nlp import fast_pipes
from tasks.nlp.model import DEFAULT_MODEL, _load_package

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

# invented sentences touching the ruler's word exceptions (contractions, "gonna", "y'all",
# "let's", expletive "there is", subordinators, determiners as pronouns, whitespace tokens)
TEXTS = [
    "I ain't gonna sign it, y'all, and we gotta leave; let's go before the ferry's gone.",
    "There is a storm and there were two more, so c'mon, she said, that's what they'd've done.",
    "Whichever route the council picks, those who object can't stop it, because it won't wait.",
    "The mayor  said:\n\n\"We will build 300 homes.\"   That is all.\n",
    "He's been there. You're right, weren't you? Them's the rules, ma'am, said Mr O'Neill.",
    "Prices rose 4.5% in May, the fastest since 2019; economists had expected 3%.",
    "",
]


@pytest.fixture(scope="module")
def models():
    plain, fast = _load_package(DEFAULT_MODEL), _load_package(DEFAULT_MODEL)
    assert fast_pipes.speed_up(fast)
    return plain, fast


def test_the_model_is_swapped_in_place(models):
    _, fast = models
    assert fast.pipe_names == ["tok2vec", "tagger", "parser", fast_pipes.RULER_COMPONENT, fast_pipes.LEMMATIZER_COMPONENT, "ner"]
    ruler = fast.get_pipe(fast_pipes.RULER_COMPONENT)
    # every rule of en_core_web_sm has a shape the arrays take: no token goes through a matcher
    assert ruler.lead == 56 and len(ruler.rest) == 0 and ruler.words and ruler.sequences


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_is_the_models_own(models, text):
    plain, fast = models
    a, b = plain(text), fast(text)
    assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))
    assert [(t.lemma_, t.pos_, str(t.morph)) for t in a] == [(t.lemma_, t.pos_, str(t.morph)) for t in b]


def test_word_exceptions_are_applied(models):
    _, fast = models
    doc = fast("We ain't gonna wait.")
    assert [(t.text, t.lemma_) for t in doc][:4] == [("We", "we"), ("ai", "be"), ("n't", "not"), ("gon", "go")]


def test_a_model_without_the_expected_components_is_left_as_it_is():
    nlp = spacy.blank("en")
    assert not fast_pipes.speed_up(nlp)
    assert nlp.pipe_names == []


def test_dictionary_words_are_the_lemmatizer_index(nlp):
    words = fast_pipes.dictionary_words(nlp)
    assert {"century", "save", "harbour", "quickly"} <= words
    assert not {"odalie", "solenne"} & words
    assert fast_pipes.dictionary_words(spacy.blank("en")) == frozenset()
