"""Which numbers are not facts: names and identifiers, idioms, list markers.

"Nord Stream 2", "Section 427", "Boeing 737", "Game 6", "Formula One", "787 Dreamliner"
(a number in or after a name), "one way or another" (an idiom), "1. Open the box." (a list
marker), "one" as a pronoun. Digits glued to words ("G7", "COVID-19") and dates, times and phone
numbers never become candidates at all (`scan`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tasks.common.datafiles import DataFiles
from tasks.extract.facts.context import CountedNoun, Site
from tasks.extract.facts.records import Candidate
from tasks.model import Sentence

DATA = DataFiles.beside(__file__)

NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PERSON"}


@dataclass(frozen=True)
class _Lists:
    idioms: re.Pattern
    id_words: frozenset[str]  # words followed by an identifier: "section", "row", "chapter"


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    idioms = sorted(DATA.lines("number_idioms.txt"), key=len, reverse=True)
    return _Lists(
        idioms=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(i) for i in idioms) + r")(?![\w])", re.I),
        id_words=frozenset(w.lower() for w in DATA.lines("number_id_words.txt")),
    )


def idiom_spans(sent: Sentence) -> list[tuple[int, int]]:
    """Spans (offsets into the article) of the idioms of a sentence: "one way or another"."""
    return [(sent.start + m.start(), sent.start + m.end()) for m in _lists().idioms.finditer(sent.text)]


def written_as_name(n: Candidate, site: Site, idioms: list[tuple[int, int]]) -> bool:
    """Whether the candidate is part of an idiom, a list marker, an identifier or a name."""
    if any(a < site.ne and b > site.ns for a, b in idioms):
        return True
    # list markers: "1." / "2)" opening a sentence
    if site.sent_first and n.plain_int and n.value < 100 and re.match(r"[.)]\s", site.text[site.ne:site.ne + 2]):
        return True
    if n.not_a_unit and n.sense_glued:
        return True  # letters touching the digits that are no unit here: a code ("a 12A rating", "the 29A group")
    if n.plain_int and re.fullmatch(r"0\d+", site.text[site.ns:site.ne]):
        return True  # a leading zero: a code ("0870 is the code", "agent 007"), not a count
    if not n.spelled and _titled_unit_word(n, site):
        return True  # "21 Grams" (a film), "50 Cent" (a singer): a unit word capitalised inside a sentence is a name's
    return _after_name(n, site) or _inside_name(n, site)


def _titled_unit_word(n: Candidate, site: Site) -> bool:
    """The unit word after the digits is a capitalised name ("Grams", not a symbol), in a sentence not
    written in title case, and no unit named after a person ("30 Celsius") nor a currency ("Euros")."""
    w = n.unit_text or ""
    if len(w) < 3 or not w.isalpha() or not w.istitle() or (n.unit or "").startswith("degree_") \
            or not site.text[site.ne:site.ne + 1].isspace() or not set(w[1:].lower()) & set("aeiouy"):
        return False  # a symbol touches the digits ("30Mbps") or has no vowel after its capital ("2,400 Bps")
    if n.kind == "money" and "/" not in (n.unit or ""):
        return False  # a currency's name, which some write capitalised ("5m Euros"); not its cents
    words = re.findall(r"[A-Za-z]+", site.text[site.base:site.sent_end])
    return sum(x[0].isupper() for x in words) * 2 < len(words)


def _after_name(n: Candidate, site: Site) -> bool:
    """"Section 427", "Nord Stream 2", "Boeing 737", "Game 6": digits right after an identifier word or a name."""
    prev = site.prev
    if n.kind not in ("count", "year", "ordinal") or n.spelled or prev is None:
        return False
    if prev.text.lower() in _lists().id_words:
        return True
    return _unitless(n) and prev.pos_ in ("PROPN", "NOUN", "X") and not prev.ent_type_ == "DATE" \
        and prev.text[:1].isupper() and n.rel_start is None and n.sign != "+" and not (prev.i == 0 or prev.is_sent_start)


def _inside_name(n: Candidate, site: Site) -> bool:
    """A number inside a name ("G7 summit" tagged as one entity, "Formula One", "Big Ten") or "one" as a pronoun."""
    tok = site.tok
    if tok is None:
        return False
    if _unitless(n) and not n.spelled and tok.ent_type_ in NAME_LABELS:
        if [t for t in _entity_tokens(tok) if abs(t.i - tok.i) == 1 and not t.like_num and t.text[:1].isupper()]:
            return True
    capitalised = tok.text[:1].isupper() and not site.sent_first and tok.i > 0 and not tok.is_sent_start
    if n.spelled and n.kind in ("count", "ordinal", "fraction"):
        if tok.pos_ == "PROPN" or capitalised:
            return True  # "Formula One", "Big Ten"
        if tok.lower_ == "one" and n.scale_word is None and (tok.pos_ not in ("NUM",) or _determined(tok)):
            return True  # "one" as a pronoun: "the old one", "this one" (the model may tag it NUM)
    if n.spelled and capitalised and n.unit_text and len(n.unit_text) > 2 and n.unit_text[:1].isupper():
        return True  # a number word and a unit word both capitalised inside a sentence: a title ("the Three Degrees")
    return False


def _determined(tok: Token) -> bool:
    """A word with its own determiner that modifies no noun: "the old one", "this one" (not "the
    one thing", where "one" is the noun's number)."""
    return tok.dep_ not in ("nummod", "quantmod", "compound") and any(c.dep_ == "det" for c in tok.children)


def _unitless(n: Candidate) -> bool:
    return n.unit is None and n.kind in ("count", "year") and not n.m_ambiguous  # "Olympic 800m": no model number


def _entity_tokens(tok: Token) -> list[Token]:
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return list(doc[i:j])


def noun_makes_name(noun: CountedNoun, n: Candidate, prev: Token | None) -> bool:
    """The noun after the number shows a name: "787 Dreamliner", "10 Downing Street" (a singular
    proper noun), "Boeing 777 plane", "Airbus 380 jet" (a model name before a singular noun)."""
    if noun.plural or n.spelled:
        return False
    if noun.head.pos_ == "PROPN":
        return True
    return n.value != 1 and prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and n.rel_start is None \
        and not (prev.i == 0 or prev.is_sent_start) and prev.ent_type_ != "DATE"
