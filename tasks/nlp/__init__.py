"""Stage 3, nlp: the spaCy pipeline.

  model.py             the model, loaded once per process, with the pipeline's components added
  parse.py             the batch runner: nlp.pipe over articles, sentences attached
  sentences.py         a paragraph break ends a sentence; sentence rows and lookup
  gazetteer.py         what the entity rules and the entity index know from the data files
  entity_fixer.py      the spaCy component that corrects the model's entities, in steps:
    entity_cleaning.py   1. clean the model's spans
    entity_matchers.py   2. gazetteer and token rules
    entity_merging.py       merging rule spans with the model's
    capitalised_runs.py  3. runs of capitalised words (sports tables, missed names)
    credits.py              bylines and picture credits
    sports.py            4. sports reports: which kind, and which places are teams
    cues.py                 words around a name: organisation nouns, acronyms, platforms
    compounds.py         5. hyphenated compounds built on a name ("London-based")
"""
