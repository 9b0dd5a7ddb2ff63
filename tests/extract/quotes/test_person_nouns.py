"""The nouns whose commonest sense is a person, derived from WordNet 3.0
(tasks.extract.quotes.person_nouns), and the versioned data file made from them."""
from __future__ import annotations

from tasks.extract.quotes import person_nouns
from tasks.extract.quotes.lexicon import speaker_words

LEXNAMES = "03\tnoun.Tops\t1\n06\tnoun.artifact\t1\n18\tnoun.person\t1\n"
# data.noun lines: offset, lexicographer file, part of speech, word count (hex), words with lex ids, ...
DATA_NOUN = """\
  1 This software and database is being provided to you ...
10000001 18 n 02 tiler 0 roofer 0 000 | a worker who lays tiles
10000002 06 n 01 tile 0 000 | a thin flat slab
10000003 18 n 01 Quimby 0 000 | an inventor, named
10000004 18 n 01 sky-watcher 0 000 | one who watches the sky
10000005 03 n 01 lark 0 000 | a carefree adventure
10000006 18 n 01 lark 0 000 | a mischievous person
10000007 18 n 01 jack_tar 0 000 | a sailor
"""
# index.noun lines: lemma, pos, synset count, pointer count, pointers, sense count, tagged count, offsets (commonest first)
INDEX_NOUN = """\
  1 This software and database is being provided to you ...
lark n 2 1 @ 2 1 10000005 10000006
quimby n 1 1 @ 1 0 10000003
roofer n 1 1 @ 1 0 10000001
sky-watcher n 1 1 @ 1 0 10000004
tile n 1 1 @ 1 0 10000002
tiler n 1 2 @ ~ 1 0 10000001
jack_tar n 1 1 @ 1 0 10000007
"""


def test_only_nouns_whose_first_sense_is_a_person_written_in_lower_case():
    # "lark": its commonest sense is no person; "quimby": the synset writes a name; "jack_tar": two words
    assert person_nouns.derive(LEXNAMES, INDEX_NOUN, DATA_NOUN) == ["roofer", "sky-watcher", "tiler"]


def test_the_data_file_is_what_the_pinned_package_gives():
    """Regenerate with `python -m tasks.extract.quotes.person_nouns` after moving the pin."""
    assert person_nouns.OUT.read_text(encoding="utf-8") == person_nouns.from_package()


def test_the_lexicon_reads_the_derived_nouns_beside_the_hand_kept_ones():
    lex = speaker_words()
    assert {"neurosurgeon", "astronaut", "impostor"} <= lex.person_nouns_wordnet
    assert "boy" in lex.person_nouns_wordnet and "boy" in lex.gender  # held apart by describe._person_by_wordnet
    assert "neurosurgeon" not in lex.person_nouns  # a weaker, separate list
