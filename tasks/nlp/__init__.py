"""Stage 3, nlp: the spaCy pipeline (model loading, parsing, the entity-fixer component)."""
