"""Tokenizer additions: an opening quotation mark glued to the punctuation before it.

Web text drops the space before an opening mark (`Reilly said,"Nobody ...`, `Rep. Ann Roe
(R-Ore.):"I have ...`). spaCy's English tokenizer keeps such a run as one token
(`said,"Nobody`), which hides the reporting verb, the comma or colon and the quote's first word
from the parser and from the quote finders. These infixes cut the run at the punctuation and
at the mark. A curly closing mark glued to a name (`...,”Clinton said`) is left alone for the
quote finders; a straight one (`...,"Clinton said`) is cut like an opening mark, which a
straight mark may be. (The marks are listed here, not read from the quote finders' data: the
tokenizer stage comes before them and may not import them.) (A piece an
infix cuts out skips spaCy's special cases: `said,"I'm` gives `I'm` as one token, as the whole
run was before.)

Also the hyphenated words kept as one token (`keep_words_whole`, `data/tokens_kept_whole.txt`),
the title abbreviations kept whole with their full stop (`keep_title_abbreviations`,
`data/tokens_title_abbreviations.txt`) and the one test of a hyphen the tokenizer split out of a
word (`in_word_hyphen`).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Token

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)

_OPENING = "\"\u201c\u2018"
GLUED_MARK_INFIXES = (
    rf"(?<=\S)[,:;)](?=[,:;)]*[{_OPENING}]\w)",  # the punctuation before a glued opening mark
    rf"(?<=[,:;)])[{_OPENING}](?=\w)",  # the mark itself
)


def split_glued_marks(nlp: Language) -> None:
    """Add the glued-mark infixes to nlp's tokenizer (its own infixes kept, tried first)."""
    own = nlp.tokenizer.infix_finditer
    pattern = own.__self__.pattern if own is not None else ""
    combined = "|".join(p for p in (pattern, *GLUED_MARK_INFIXES) if p)
    nlp.tokenizer.infix_finditer = re.compile(combined).finditer


def keep_words_whole(nlp: Language) -> None:
    """Special cases that keep each listed hyphenated word one token, read by the model as the
    spelling listed beside it; in lower case, with a capital and in upper case ("e-mail",
    "E-mail", "E-MAIL", all read as "email")."""
    for line in DATA.lines("tokens_kept_whole.txt"):
        word, norm = line.split()
        for form in {word, word[:1].upper() + word[1:], word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: norm}])


def keep_title_abbreviations(nlp: Language) -> None:
    """Special cases that keep each listed title abbreviation one token with its full stop
    ("Capt.", "Sgt."; `data/tokens_title_abbreviations.txt`), as spaCy does for "Gen." and "Sen."."""
    for word in DATA.lines("tokens_title_abbreviations.txt"):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


HYPHENS = ("-", "\u2011")  # the hyphen and the non-breaking hyphen


def in_word_hyphen(t: Token) -> bool:
    """A hyphen the tokenizer split out of a word, with no space on either side ("co-chairman",
    "film-maker", "Secretary-General" are three tokens each)."""
    doc = t.doc
    return t.text in HYPHENS and not t.whitespace_ and 0 < t.i < len(doc) - 1 and not doc[t.i - 1].whitespace_


def plural_possessive(t: Token) -> bool:
    """The apostrophe of a plural possessive ("the employers' spokeswoman", "the teachers'
    union"): tagged a possessive, written right after a word ending in "s"."""
    return t.tag_ == "POS" and t.text in ("'", "\u2019") and t.i > 0 and not t.doc[t.i - 1].whitespace_ \
        and t.doc[t.i - 1].lower_.endswith("s")
