"""The nouns whose first sense is a person, derived from WordNet 3.0
(tasks.extract.quotes.person_nouns), and the versioned data file made from them."""
from __future__ import annotations

from tasks.extract.quotes import person_nouns
from tasks.extract.quotes.lexicon import speaker_words

LEXNAMES = "03\tnoun.Tops\t1\n06\tnoun.artifact\t1\n18\tnoun.person\t1\n"
# data.noun: offset, lexicographer file, part of speech, word count (hex), words with lex ids,
# pointer count, pointers (symbol, offset, part of speech, source/target), "|" and the gloss
DATA_NOUN = """\
  1 This software and database is being provided to you ...
10000001 18 n 02 tiler 0 roofer 0 001 @ 10000009 n 0000 | a worker who lays tiles
10000002 06 n 01 tile 0 000 | a thin flat slab
10000003 18 n 01 Quimby 0 000 | an inventor, named
10000004 18 n 01 sky-watcher 0 000 | one who watches the sky
10000005 03 n 01 lark 0 000 | a carefree adventure
10000006 18 n 01 lark 0 000 | a mischievous person
10000007 18 n 01 jack_tar 0 000 | a sailor
10000008 18 n 02 relative 0 relation 0 000 | a person related by blood or marriage
10000009 18 n 01 worker 0 000 | a person who works
10000010 18 n 01 parent 0 001 @ 10000008 n 0000 | a father or mother
10000011 18 n 01 papa 0 001 @ 10000010 n 0000 | a father
10000012 18 n 01 ranger 0 000 | a keeper of a park
10000013 18 n 01 ranger 0 000 | a soldier
"""
# index.noun: lemma, pos, synset count, pointer count, pointers, sense count, tagged senses, offsets (most tagged first)
INDEX_NOUN = """\
  1 This software and database is being provided to you ...
lark n 2 1 @ 2 1 10000005 10000006
quimby n 1 1 @ 1 0 10000003
roofer n 1 1 @ 1 0 10000001
sky-watcher n 1 1 @ 1 0 10000004
tile n 1 1 @ 1 0 10000002
tiler n 1 2 @ ~ 1 0 10000001
jack_tar n 1 1 @ 1 0 10000007
relative n 1 1 ~ 1 1 10000008
papa n 1 1 @ 1 0 10000011
ranger n 2 1 @ 2 0 10000012 10000013
"""


def test_only_nouns_whose_first_sense_is_a_role_written_in_lower_case():
    # "lark": its commonest sense is no person; "quimby": the synset writes a name; "jack_tar": two
    # words; "relative" and "papa" (a parent, a kind of relative): words for anyone; "ranger": two
    # senses, none tagged, so no first sense is the commonest
    assert person_nouns.derive(LEXNAMES, INDEX_NOUN, DATA_NOUN) == ["roofer", "sky-watcher", "tiler"]


def test_the_database_files_may_end_their_lines_as_windows_does():
    crlf = lambda text: text.replace("\n", "\r\n")  # noqa: E731 (the pinned copy's line ends)
    assert person_nouns.derive(crlf(LEXNAMES), crlf(INDEX_NOUN), crlf(DATA_NOUN)) == ["roofer", "sky-watcher", "tiler"]


def test_the_data_file_is_what_the_pinned_package_gives_with_wordnets_notice():
    """Regenerate with `python -m tasks.extract.quotes.person_nouns` after moving the pin."""
    text = person_nouns.OUT.read_text(encoding="utf-8")
    assert text == person_nouns.from_package()
    assert text.startswith("# WordNet 3.0 Copyright 2006 by Princeton University.")


def test_the_lexicon_reads_the_derived_nouns_beside_the_hand_kept_ones():
    lex = speaker_words()
    assert {"neurosurgeon", "astronaut", "beekeeper"} <= lex.person_nouns_wordnet
    assert not {"boy", "dad", "child", "teenager", "spouse", "girlfriend"} & lex.person_nouns_wordnet
    assert "astronaut" not in lex.person_nouns  # a weaker, separate list
