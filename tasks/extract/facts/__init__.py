"""Numeric facts: every quantity of an article with its value, unit, kind, bound, direction and subject.

Who decides what (`facts.extract` runs them in this order, sentence by sentence):
  scan       the numbers: digits, number words (`spelled`), scales, fractions, dates, ordinals;
             patterns from `lexicon`; pairs into ranges (`ranges`) -> `records.Candidate`
  nonfacts   which numbers are names, identifiers, idioms or list markers
  units      the unit and kind of a fact (the only module that sets them): canonical units, the
             sense of an ambiguous unit by its sentence, units shared by coordinated numbers;
             `canonical_units(kind)` / `is_canonical(kind, unit)` are the vocabulary
  measures   units of measure as Pint's registry names them (lookups, no decisions)
  context    tokens at offsets, the noun a number counts, the qualifier before it
  bounds     the relation: =, ~, >, <
  direction  up / down
  subject    the subject and the place, as canonical entity names
  facts      the `numeric_facts` rows
"""
