"""Rules and gazetteers (data files) that correct the small model's entity errors.

`add_to(nlp)` is called once when the model is loaded.
"""
from __future__ import annotations

from spacy.language import Language

from tasks.data import DATA_DIR


def add_to(nlp: Language) -> None:
    patterns = DATA_DIR / "entity_patterns.jsonl"
    if "ner" in nlp.pipe_names and patterns.exists() and "newsfacts_entity_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="newsfacts_entity_ruler", after="ner", config={"overwrite_ents": True})
        ruler.from_disk(patterns)
