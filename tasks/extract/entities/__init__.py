"""Named entities: one canonical row per real thing, and its mentions.

  index.py       extract(art, doc) -> EntityIndex (lookups for quotes and facts; the rows)
  mentions.py    the working records: a mention, a group of mentions
  grouping.py    which mentions name the same thing
  canonical.py   the canonical name and label of an entity (decided only here)
  keys.py        the cross-article key of an entity, and which keys of a corpus name one thing
  repeats.py     untagged repeats of known names become mentions
  roles.py       titles and descriptions, an entity's country, descriptions -> entities
"""
