"""Where a number sits in the parsed sentence: its tokens, the noun it counts, the words qualifying it.

`TokenIndex` maps character offsets to spaCy tokens; `locate` places a scanner candidate in the
sentence (`Site`); `counted_noun` finds the noun a number counts ("350 additional soldiers" ->
soldiers, "additional"); `pre_qualified` reads "a further 350". These are lookups: what the
noun means for the unit is decided in `units`, whether a number is a name in `nonfacts`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from tasks.common.datafiles import DataFiles
from tasks.extract.facts.records import Candidate
from tasks.model import Sentence

DATA = DataFiles.beside(__file__)


@dataclass(frozen=True)
class _Lists:
    qualifiers: frozenset[str]  # "further", "additional", "another"
    collective: frozenset[str]  # singular nouns that count a plural: "staff", "people"
    noun_stops: frozenset[str]  # words that end the search for a counted noun


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    return _Lists(
        qualifiers=frozenset(w.lower() for w in DATA.lines("number_qualifiers.txt")),
        collective=frozenset(w.lower() for w in DATA.lines("number_collective_nouns.txt")),
        noun_stops=frozenset(w.lower() for w in DATA.lines("number_noun_stops.txt")),
    )


class TokenIndex:
    """Character offset -> token lookups for one doc."""

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text  # == doc.text, without rebuilding it
        self.starts = doc.to_array([IDX]).tolist() if len(doc) else []

    def at(self, c: int) -> Token | None:
        i = bisect_right(self.starts, c) - 1
        if i < 0:
            return None
        t = self.doc[i]
        return t if t.idx <= c < t.idx + len(t.text) else None

    def index_from(self, c: int) -> int:
        """Index of the first token starting at or after c."""
        return bisect_left(self.starts, c)

    def index_before(self, c: int) -> int:
        """Index of the last token ending at or before c (-1 if none)."""
        i = bisect_left(self.starts, c) - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return i


@dataclass(slots=True)
class Site:
    """A candidate placed in its sentence: offsets into the article's text, and its tokens."""

    dx: TokenIndex
    text: str  # the article's text
    base: int  # start of the sentence
    sent_end: int
    ns: int  # start of the number's digits or words
    ne: int  # end of the number (scale included, unit excluded)
    start: int  # start of the expression, relation cue included
    end: int  # end of the expression as scanned (unit included)
    tok: Token | None  # the token holding the number's first character
    prev: Token | None  # the token before the expression, inside the sentence

    @property
    def sent_first(self) -> bool:
        return self.prev is None


def locate(dx: TokenIndex, sent: Sentence, n: Candidate) -> Site:
    base = sent.start
    i_prev = dx.index_before(base + n.cue_start)
    prev = dx.doc[i_prev] if i_prev >= 0 and dx.doc[i_prev].idx >= base else None
    return Site(dx=dx, text=dx.text, base=base, sent_end=sent.end, ns=base + n.num_start, ne=base + n.num_end,
                start=base + n.cue_start, end=base + n.end, tok=dx.at(base + n.num_start), prev=prev)


@dataclass(slots=True)
class CountedNoun:
    head: Token  # the counted noun ("soldiers")
    quals: str  # the words between the number and the noun ("additional"), "" if none
    glued: bool  # joined to the number by a hyphen ("12-page")
    plural: bool  # a plural or collective noun


def counted_noun(dx: TokenIndex, pos: int, sent_end: int, of_follows: bool, value: float) -> CountedNoun | None:
    """The noun counted by the number ending at `pos`, the words qualifying it, and whether it is
    glued by a hyphen ("12-page"): "350 additional soldiers" -> soldiers, "additional";
    "thousands of job cuts" -> cuts, "job"; "12 page document" -> page (a measure compound)."""
    head, quals, glued = _noun_after(dx, pos, sent_end, of_follows, value)
    if head is None:
        return None
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in _lists().collective
    return CountedNoun(head=head, quals=quals, glued=glued, plural=plural)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.text in ("-", "–") and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _noun_after(dx: TokenIndex, pos: int, sent_end: int, of_follows: bool, value: float) -> tuple[Token | None, str, bool]:
    doc = dx.doc
    i = dx.index_from(pos)
    if i >= len(doc) or doc[i].idx >= sent_end:
        return None, "", False
    if doc[i].idx == pos and doc[i].text in ("-", "–") and i + 2 < len(doc) and doc[i + 1].lower_ in ("plus", "odd") \
            and not doc[i].whitespace_ and doc[i + 1].whitespace_:
        i += 2  # "100,000-plus subscribers", "40-odd boats": the bound's suffix, then the noun
    elif doc[i].idx == pos and doc[i].text in ("-", "–") and not doc[i].whitespace_:
        # "four-cylinder", "three-point", "12-page": the glued noun is the unit
        if i + 1 < len(doc) and (doc[i + 1].pos_ in ("NOUN", "PROPN") or doc[i + 1].tag_.startswith("NN")) \
                and not doc[i + 1].lower_.startswith(("by-", "to-")):  # not "12-by-10" (a size), "3-to-1" (odds, a score)
            return doc[i + 1], "", True
        return None, "", False
    if of_follows:  # "a third of the", or "half the" with no "of"
        if doc[i].idx == pos and doc[i].text in ('"', "”", "’", "'") and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            i += 1  # '"hundreds of millions" of pounds': the quotation closes before "of"
        if doc[i].lower_ == "of":
            i += 1
        elif doc[i].tag_ not in ("DT", "PDT", "PRP$"):
            return None, "", False
        while i < len(doc) and doc[i].tag_ in ("DT", "PRP$", "WDT") and doc[i].idx < sent_end:
            i += 1
    chain = _noun_phrase(doc, i, sent_end)
    while chain and not (chain[-1].pos_ in ("NOUN", "PROPN") or chain[-1].tag_.startswith("NN")):
        chain.pop()
    if not chain:
        return None, "", False
    head = chain[-1]
    first = chain[0]
    if head.tag_ == "NN" and value != 1 and first is not head and first.pos_ == "NOUN" and first.tag_ == "NN":
        # "12 page document", "3 cylinder engine": the measure noun right after the number
        return first, "", False
    quals = dx.text[first.idx:head.idx].strip() if first is not head else ""
    return head, quals, False


def _noun_phrase(doc: Doc, i: int, sent_end: int) -> list[Token]:
    """The tokens from `i` that make the counted noun phrase (adjectives, compounds, the noun)."""
    chain: list[Token] = []
    while i < len(doc) and len(chain) < 8 and doc[i].idx < sent_end:
        t = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) and doc[i + 1].idx < sent_end else None
        if _glued_hyphen(doc, i) and chain:
            chain.append(t)
            i += 1
            continue
        if t.lower_ in _lists().noun_stops:
            break
        if t.tag_ == "POS" and chain:
            chain = []  # "one of Japan's biggest banks": the possessor is not what is counted
            i += 1
            continue
        if t.pos_ in ("NOUN", "PROPN") or t.tag_.startswith("NN"):
            chain.append(t)
            if t.tag_ in ("NNS", "NNPS") and not (nxt is not None and _glued_hyphen(doc, nxt.i)) and not (
                    nxt is not None and nxt.tag_.startswith("NN") and (t.pos_ == "PROPN" or t.dep_ == "compound")):
                break  # a plural noun closes the phrase ("three Lions Tests" goes on to its noun)
            i += 1
            continue
        if not _continues_phrase(t, nxt, chain):
            break
        chain.append(t)
        i += 1
    return chain


def _continues_phrase(t: Token, nxt: Token | None, chain: list[Token]) -> bool:
    """Whether a token that is not a noun belongs to the noun phrase being read."""
    if t.is_quote and nxt is not None:  # a one-word modifier in quotation marks: '100,000 new "affordable" homes'
        doc = t.doc
        opens = nxt.pos_ == "ADJ" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].is_quote
        closes = bool(chain) and chain[-1].pos_ == "ADJ" and chain[-1].i > 0 and doc[chain[-1].i - 1].is_quote \
            and (nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_.startswith("NN"))
        return opens or closes
    if t.like_num and chain and chain[-1].pos_ == "PROPN" and not t.whitespace_ == "" and t.text.startswith("-"):
        return True  # "COVID -19 tests"
    if t.pos_ == "ADJ" or (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound", "nmod", "nummod")):
        if t.lower_ in ("more", "less", "fewer") and nxt is not None and nxt.lower_ == "than":
            return False
        if any(c.pos_ in ("NOUN", "PROPN") for c in chain) and not (chain and chain[-1].text in ("-", "–")):
            return False  # an adjective after a noun starts something else: "one point last year"
        return True
    if t.pos_ == "ADV" and nxt is not None and (nxt.pos_ == "ADJ" or nxt.tag_ in ("VBN",)) and not t.lower_ in ("than", "as"):
        return True
    if t.lower_ in ("and", "&") and chain and nxt is not None and (nxt.pos_ in ("ADJ", "PROPN") or chain[-1].pos_ == "PROPN"):
        return True
    return False


def pre_qualified(site: Site, kind: str, start: int, qualifier: str | None) -> tuple[int, str | None]:
    """A count's qualifier written before it ("a further 350", "an additional 100", "another 50"):
    the fact then starts at it. Returns (start, qualifier)."""
    prev = site.prev
    if kind != "count" or prev is None or prev.lower_ not in _lists().qualifiers or prev.lower_ == "more":
        return start, qualifier
    start = min(start, prev.idx)
    det = site.dx.doc[prev.i - 1] if prev.i > 0 else None
    if det is not None and det.lower_ in ("a", "an") and det.idx >= site.base:
        start = det.idx
    return start, prev.text + (" " + qualifier if qualifier else "")
