"""The given names' genders derived from nomquamgender (tasks.extract.quotes.name_genders) and
the versioned data file made from them."""
from __future__ import annotations

from tasks.extract.quotes import name_genders
from tasks.extract.quotes.lexicon import speaker_words


def test_only_names_clearly_given_to_one_gender_by_enough_sources():
    table = {
        "ilsabet": [12, 900, 0.99, 3],  # a woman's name in twelve sources
        "tomasz": [9, 800, 0.0, 3],
        "kerry": [30, 5000, 0.6, 3],  # given to both: no gender
        "oddname": [2, 10, 1.0, 3],  # too few sources
        "anne-lise": [6, 300, 0.97, 3],
        "o'neil": [8, 200, 0.0, 3],  # not a plain name
        "jo": [40, 9000, 0.951, 3],  # just past the line
        "hopewell": [9, 700, 0.95, 3],  # on the line, either way
        "brantley": [9, 700, 0.05, 3],
        "kerrin": [9, 700, 0.94, 3],  # short of it
    }
    assert name_genders.derive(table) == {"anne-lise": "f", "brantley": "m", "hopewell": "f", "ilsabet": "f", "jo": "f",
                                          "tomasz": "m"}


def test_the_data_file_is_what_the_pinned_package_gives():
    """Regenerate with `python -m tasks.extract.quotes.name_genders` after moving the pin."""
    assert name_genders.OUT.read_text(encoding="utf-8") == name_genders.from_package()


def test_the_hand_kept_lists_stay_apart_from_the_derived_hint():
    lex = speaker_words()
    assert lex.name_genders["wendy"] == "f" and lex.name_genders["denis"] == "m"
    assert "denis" not in lex.male  # the hand-kept lists also tell a name from a word (`describe.proper_name`)
