"""Numeric facts: every quantity with its value, unit, bound, direction and subject.

The numbers themselves are read by `tasks.extract.facts.scan` (digits, words, scales, ranges, currencies,
units of measure, bounds). This module decides, with the spaCy parse of the sentence:
  * which numbers are not facts (names and identifiers: "Nord Stream 2", "Section 427",
    "Boeing 737"; idioms: "one way or another"; list markers);
  * the kind (a bare 4-digit integer is a year unless it counts a plural noun);
  * the counted noun of a count (head of its noun phrase) and its qualifiers;
  * the direction of a change ("rose 5%", "cut 300 jobs");
  * the subject (actor of the governing verb, or owner) and the place ("to Poland"),
    both as canonical entity names, and the quotation holding the fact.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from tasks.extract.facts import scan as numparse
from tasks.common import dates
from tasks.common.datafiles import DataFiles
from tasks.extract.entities.index import EntityIndex
from tasks.model import Article, Sentence
from tasks.extract.facts.scan import Num

DATA = DataFiles.beside(__file__)


PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PERSON"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}


@dataclass
class _Lists:
    idioms: re.Pattern
    id_words: frozenset[str]
    qualifiers: frozenset[str]
    up: frozenset[str]
    up_percent_only: frozenset[str]
    skip_before: frozenset[str]
    about_preposition: frozenset[str]
    place_preps: frozenset[str]
    collective: frozenset[str]
    not_change_particle_verbs: frozenset[str]
    noun_stops: frozenset[str]
    dimensionless: frozenset[str]
    down: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    idioms = sorted(DATA.lines("number_idioms.txt"), key=len, reverse=True)
    d = DATA.json("number_direction.json")
    return _Lists(
        idioms=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(i) for i in idioms) + r")(?![\w])", re.I),
        id_words=frozenset(w.lower() for w in DATA.lines("number_id_words.txt")),
        qualifiers=frozenset(w.lower() for w in DATA.lines("number_qualifiers.txt")),
        up=frozenset(d["up"]),
        up_percent_only=frozenset(d["up_percent_only"]),
        skip_before=frozenset(d["skip_before"]),
        about_preposition=frozenset(DATA.json("number_relations.json")["about_is_preposition_after"]),
        place_preps=frozenset(DATA.lines("number_place_prepositions.txt")),
        collective=frozenset(w.lower() for w in DATA.lines("number_collective_nouns.txt")),
        not_change_particle_verbs=frozenset(d["not_change_particle_verbs"]),
        noun_stops=frozenset(w.lower() for w in DATA.lines("number_noun_stops.txt")),
        dimensionless=frozenset(w.lower() for w in DATA.lines("number_dimensionless.txt")),
        down=frozenset(d["down"]),
    )


class _Doc:
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


def _dates_resolve(text: str, art: Article) -> str | None:
    if art.published_at is None:
        return None
    return dates.resolve(text, art.published_at)


def extract(art: Article, doc: Doc, ents: EntityIndex, quotes: list[dict]) -> list[dict]:
    rows: list[dict] = []
    if not art.text or not art.sentences or len(doc) == 0:
        return rows
    dx = _Doc(doc, art.text)
    lists = _lists()
    qspans = sorted((int(q["char_start"]), int(q["char_end"]), q["quote_id"]) for q in quotes)
    qstarts = [q[0] for q in qspans]
    for sent in art.sentences:
        nums = numparse.scan(sent.text, lambda pos, _b=sent.start: _after_change_word(dx, _b + pos, _b, lists))
        if not nums:
            continue
        idiom_spans = [(sent.start + m.start(), sent.start + m.end()) for m in lists.idioms.finditer(sent.text)]
        facts: list[dict] = []
        for n in nums:
            f = _fact(art, dx, sent, n, ents, idiom_spans, lists)
            if f is not None:
                facts.append(f)
        _share_units(art.text, facts)
        k = 0
        for f in facts:
            if f.pop("_drop_if_bare") and f["unit"] is None:
                continue
            f["fact_id"] = f"{art.article_id}:{sent.idx}:{k}"
            f["quote_id"] = _quote_of(qspans, qstarts, f["char_start"], f["char_end"])
            if f["kind"] == "date":
                f["resolved_date"] = _dates_resolve(f["text"], art)
            rows.append(f)
            k += 1
    return rows


def _quote_of(qspans: list[tuple[int, int, str]], qstarts: list[int], s: int, e: int) -> str | None:
    i = bisect_right(qstarts, s) - 1
    # quotes do not nest much: look back a few
    for j in range(i, max(-1, i - 4), -1):
        qs, qe, qid = qspans[j]
        if qs <= s and e <= qe:
            return qid
    return None


def _fact(art: Article, dx: _Doc, sent: Sentence, n: Num, ents: EntityIndex,
          idiom_spans: list[tuple[int, int]], lists: _Lists) -> dict | None:
    base = sent.start
    text = art.text
    ns, ne = base + n.num_start, base + n.num_end
    start, end = base + n.cue_start, base + n.end
    if any(a < ne and b > ns for a, b in idiom_spans):
        return None
    kind = n.kind
    tok = dx.at(ns)
    i_prev = dx.index_before(base + n.cue_start)
    prev = dx.doc[i_prev] if i_prev >= 0 and dx.doc[i_prev].idx >= base else None
    sent_first = prev is None

    # list markers: "1." / "2)" opening a sentence
    if sent_first and n.plain_int and n.value < 100 and re.match(r"[.)]\s", text[ne:ne + 2]):
        return None

    unitless = n.unit is None and kind in ("count", "year")
    if kind in ("count", "year", "ordinal") and not n.spelled and prev is not None:
        pw = prev.text.lower()
        if pw in lists.id_words:
            return None
        if unitless and prev.pos_ in ("PROPN", "NOUN", "X") and not prev.ent_type_ == "DATE" and prev.text[:1].isupper() \
                and n.rel_start is None and n.sign != "+" and not (prev.i == 0 or prev.is_sent_start):
            return None  # "Nord Stream 2", "Boeing 737", "Section 427", "Game 6"
    if tok is not None and unitless and not n.spelled and tok.ent_type_ in NAME_LABELS:
        span = _ent_span(tok)
        near = [t for t in span if abs(t.i - tok.i) == 1 and not t.like_num and t.text[:1].isupper()]
        if near:
            return None  # a number inside a name: "Nord Stream 2", "G7 summit" tagged as one entity
    if n.spelled and tok is not None and kind in ("count", "ordinal", "fraction"):
        if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and not sent_first and tok.i > 0 and not tok.is_sent_start):
            return None  # "Formula One", "Big Ten"
        if tok.lower_ == "one" and tok.pos_ not in ("NUM",) and n.scale_word is None:
            return None  # "one" as a pronoun

    if kind == "count" and n.unit is None and prev is not None and _is_age(dx, prev, n, text, ne):
        kind, n.unit = "quantity", "years old"
    head = None
    quals = ""
    plural = False
    if kind in ("count", "fraction") and n.unit is None:
        of_follows = n.of_follows or kind == "fraction" or (n.spelled and n.value == 1 and text[ne:ne + 4] == " of ") or \
            (n.unit is None and n.scale_word is None and numparse.lex().re_partitive.match(text, ne) is not None)
        head, quals, glued = _counted_noun(dx, base + n.num_end, sent.end, of_follows, n.value)
        if head is not None and glued and _is_time_unit(head) and head.i + 1 < len(dx.doc) and \
                dx.doc[head.i + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
            return None  # "a three-year forecast", "a two-month contract": a kind of thing, not a quantity
        if head is not None:
            plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in lists.collective
            if head.pos_ == "PROPN" and not plural and not n.spelled:
                return None  # "787 Dreamliner", "10 Downing Street"
            if not plural and not n.spelled and n.value != 1 and prev is not None and prev.pos_ == "PROPN" \
                    and prev.text[:1].isupper() and n.rel_start is None and not (prev.i == 0 or prev.is_sent_start) \
                    and prev.ent_type_ != "DATE":
                return None  # "Boeing 777 plane", "Airbus 380 jet": a model name
            money = numparse.money_word_at(text, head.idx, numparse.lex()) if n.of_follows else None
            if money is not None:
                kind = "money"
                n.unit = money[0]
                end = max(end, money[1])
                head = None
    if n.m_ambiguous and head is None and kind == "count":
        kind, n.unit, n.value = "quantity", "metre", n.value / 1e6  # "the 1500m will be her distance"
    # a bare 4-digit integer is a year unless it counts something
    if kind == "count" and n.plain_int and 1000 <= n.value <= 2100 and len(text[ns:ne]) >= 4 and n.scale_word is None \
            and n.unit is None and not (head is not None and plural):
        kind = "year"
        head, quals = None, ""
    if kind == "fraction":
        kind = "count"

    if kind == "quantity" and n.unit in numparse.lex().time_units and text[ne:ne + 1] in ("-", "–"):
        nxt_i = dx.index_from(end)
        if nxt_i < len(dx.doc) and dx.doc[nxt_i].idx < sent.end and dx.doc[nxt_i].pos_ in ("NOUN", "ADJ", "PROPN"):
            return None  # "a three-year forecast", "a two-month contract": a kind of thing, not a quantity
    unit = n.unit
    qualifier = None
    drop_if_bare = False
    if kind == "count" and unit is None:
        if head is not None:
            unit = head.text.rstrip("-–")
            end = max(end, head.idx + len(unit))
            if unit.lower() in lists.dimensionless:
                qualifier, unit = unit, None  # "four times the number": a multiplier
                measure = None
            else:
                measure = numparse.unit_at(unit, 0, False, numparse.lex())
            if measure is not None and unit is not None and measure[2] == len(unit):
                kind, unit = measure[1], measure[0]  # "thousands of years", "dozens of miles"
            qualifier = quals or qualifier
        elif n.spelled and n.scale_word is None and not n.is_range:
            drop_if_bare = True  # "the two met": a bare small word number is rarely a fact
    # pre-qualifiers: "a further 350", "an additional 100", "another 50"
    if kind == "count" and prev is not None and prev.lower_ in lists.qualifiers and prev.lower_ != "more":
        pre = prev.text
        start = min(start, prev.idx)
        det = dx.doc[prev.i - 1] if prev.i > 0 else None
        if det is not None and det.lower_ in ("a", "an") and det.idx >= base:
            start = det.idx
        qualifier = pre + (" " + qualifier if qualifier else "")

    direction = None
    if kind in ("percent", "money", "count", "quantity") and not (
            n.is_range and text[base + n.cue_start:base + n.cue_start + 4].lower() in ("from", "betw")):
        direction = _direction(dx, base + n.cue_start, base, n, lists)

    subject = location = None
    anchor = head if head is not None else tok
    if anchor is not None and kind in ("count", "money", "percent", "quantity"):
        subject, location = _subject_place(anchor, ents)

    relation = n.rel
    if relation == "~" and n.rel_start is not None and text[base + n.rel_start:base + n.rel_start + 6].lower() == "about " \
            and prev is not None and prev.lower_ in lists.about_preposition:
        relation = "="  # "wrong about one thing"
        start = base + n.start
    if relation == ">" and kind == "quantity" and unit in numparse.lex().time_units and n.rel_start is not None \
            and text[base + n.rel_start:base + n.start].strip().lower() == "over":
        relation = "="  # "spend £1.5bn over five years": during, not more than
        start = base + n.start
    if relation == "=" and head is not None and kind == "count":
        post = numparse.lex().re_rel_after.match(text, end, min(len(text), end + 16))
        if post:
            cue = post.group(0).strip().lower()
            relation = next((r for p, r in numparse.lex().rel_after if p.strip() == cue and cue != "plus"), relation)
    value = n.value
    low = n.low if n.is_range else None
    high = n.high if n.is_range else None
    if low is not None:
        value = low
    start = max(start, base)
    end = min(end, sent.end)
    if end <= start:
        return None
    return {
        "article_id": art.article_id,
        "fact_id": "",
        "sentence_idx": sent.idx,
        "char_start": start,
        "char_end": end,
        "text": text[start:end],
        "value": float(value),
        "value_low": None if low is None else float(low),
        "value_high": None if high is None else float(high),
        "unit": unit,
        "qualifier": qualifier,
        "kind": kind,
        "relation": relation,
        "direction": direction,
        "subject": subject,
        "location": location,
        "resolved_date": None,
        "quote_id": None,
        "_drop_if_bare": drop_if_bare,
    }


def _is_age(dx: _Doc, prev: Token, n: Num, text: str, ne: int) -> bool:
    """'aged 18 to 34', 'over the age of 21', 'Senard, 65, now faces'."""
    if not (0 < n.value < 130) or n.scale_word is not None:
        return False
    doc = dx.doc
    before = doc[prev.i - 1] if prev.i > 0 else None
    if prev.lower_ == "aged" or (prev.lower_ == "of" and before is not None and before.lower_ == "age"):
        return True
    if prev.text == "," and before is not None and (before.ent_type_ == "PERSON" or before.pos_ == "PROPN") \
            and n.plain_int and not n.is_range \
            and text[ne:ne + 1] == ",":
        return True
    return False


def _ent_span(tok: Token) -> list[Token]:
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return list(doc[i:j])


def _glued_hyphen(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.text in ("-", "–") and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _counted_noun(dx: _Doc, pos: int, sent_end: int, of_follows: bool, value: float) -> tuple[Token | None, str, bool]:
    """The noun counted by the number ending at `pos`, the words qualifying it, and whether it is
    glued by a hyphen ("12-page"): "350 additional soldiers" -> soldiers, "additional";
    "thousands of job cuts" -> cuts, "job"; "12 page document" -> page (a measure compound)."""
    doc = dx.doc
    i = dx.index_from(pos)
    if i >= len(doc) or doc[i].idx >= sent_end:
        return None, "", False
    if doc[i].idx == pos and doc[i].text in ("-", "–") and not doc[i].whitespace_:
        # "four-cylinder", "three-point", "12-page": the glued noun is the unit
        if i + 1 < len(doc) and (doc[i + 1].pos_ in ("NOUN", "PROPN") or doc[i + 1].tag_.startswith("NN")):
            return doc[i + 1], "", True
        return None, "", False
    if of_follows:
        if doc[i].lower_ != "of":
            return None, "", False
        i += 1
        while i < len(doc) and doc[i].tag_ in ("DT", "PRP$", "WDT") and doc[i].idx < sent_end:
            i += 1
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
        nounish = t.pos_ in ("NOUN", "PROPN") or t.tag_.startswith("NN")
        if nounish:
            chain.append(t)
            if t.tag_ in ("NNS", "NNPS") and not (nxt is not None and _glued_hyphen(doc, nxt.i)) and not (
                    nxt is not None and nxt.tag_.startswith("NN") and (t.pos_ == "PROPN" or t.dep_ == "compound")):
                break  # a plural noun closes the phrase ("three Lions Tests" goes on to its noun)
            i += 1
            continue
        if t.like_num and chain and chain[-1].pos_ == "PROPN" and not t.whitespace_ == "" and t.text.startswith("-"):
            chain.append(t)  # "COVID -19 tests"
            i += 1
            continue
        if t.pos_ == "ADJ" or (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound", "nmod", "nummod")):
            if t.lower_ in ("more", "less", "fewer") and nxt is not None and nxt.lower_ == "than":
                break
            if any(c.pos_ in ("NOUN", "PROPN") for c in chain) and not (chain and chain[-1].text in ("-", "–")):
                break  # an adjective after a noun starts something else: "one point last year"
            chain.append(t)
            i += 1
            continue
        if t.pos_ == "ADV" and nxt is not None and (nxt.pos_ == "ADJ" or nxt.tag_ in ("VBN",)) and not t.lower_ in ("than", "as"):
            chain.append(t)
            i += 1
            continue
        if t.lower_ in ("and", "&") and chain and nxt is not None and (nxt.pos_ in ("ADJ", "PROPN") or chain[-1].pos_ == "PROPN"):
            chain.append(t)
            i += 1
            continue
        break
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


def _after_change_word(dx: _Doc, pos: int, base: int, lists: _Lists) -> bool:
    i = dx.index_before(pos)
    if i < 0 or dx.doc[i].idx < base:
        return False
    t = dx.doc[i]
    lemma = t.lemma_.lower()
    return t.pos_ in ("VERB", "ADV", "ADP") and (lemma in lists.up or lemma in lists.down or t.lower_ in ("up", "down"))


def _is_time_unit(tok: Token) -> bool:
    units = numparse.lex().time_units
    return tok.lemma_.lower() in units or tok.lower_ in units


def _direction(dx: _Doc, cue_start: int, base: int, n: Num, lists: _Lists) -> str | None:
    if n.sign == "+":
        return "up"
    doc = dx.doc
    i = dx.index_before(cue_start)
    skipped = 0
    while i >= 0 and doc[i].idx >= base and skipped < 4:
        t = doc[i]
        low = t.lower_
        if low in ("up", "down") and t.pos_ in ("ADV", "ADP", "PART") and not (
                t.dep_ == "prt" and t.head.lemma_.lower() in lists.not_change_particle_verbs):
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if low == "up" and nxt is not None and nxt.lower_ == "to":
                return None
            return low
        if low in lists.skip_before or t.is_punct and low in ("$",):
            i -= 1
            skipped += 1
            continue
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
            if (lemma in lists.up or low in lists.up) and (n.kind == "percent" or lemma not in lists.up_percent_only):
                return "up"
            if lemma in lists.down or low in lists.down:
                return "down"
        return None
    return None


def _entity_name(tok: Token, ents: EntityIndex, labels: set[str] | None = None) -> str | None:
    e = ents.at(tok.idx, tok.idx + len(tok.text))
    if e is None:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss") and c.i < tok.i:
                e = ents.at(c.idx, c.idx + len(c.text))
                if e is not None:
                    break
    if e is None:
        return None
    if labels is not None and e.label not in labels:
        return None
    return e.name


def _place_of(tok: Token, ents: EntityIndex) -> str | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _lists().place_preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    name = _entity_name(o, ents, PLACE_LABELS)
                    if name:
                        return name
    return None


def _subject_place(anchor: Token, ents: EntityIndex) -> tuple[str | None, str | None]:
    """Walk up from the counted noun to the verb that governs it: its subject is the actor;
    a possessor on the way ("NATO's troops") is the owner; "to/in <place>" gives the place."""
    subject = location = None
    tok = anchor
    location = _place_of(tok, ents)
    for _ in range(10):
        for c in tok.children:
            if c.dep_ == "poss" and tok.pos_ in ("NOUN", "PROPN"):
                subject = _entity_name(c, ents)
                if subject:
                    break
        if subject:
            break
        if tok.pos_ in ("VERB", "AUX"):
            if location is None:
                location = _place_of(tok, ents)
            subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
            if subj:
                subject = _entity_name(subj[0], ents)
                if subject is None:
                    agent = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                    if agent:
                        subject = _entity_name(agent[0], ents)
                break
            if tok.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp"):
                break
        if tok.head is tok:
            break
        tok = tok.head
    return subject, location


def _share_units(text: str, facts: list[dict]) -> None:
    """'four-, five- and six-cylinder', '12 and 15 per cent', '280 million of the 1.5 billion shekels':
    a unitless number coordinated with the next one takes its unit; 'grew by 125,600 positions or 2.2 per cent':
    the second of two alternatives takes the direction of the first."""
    for a, b in zip(reversed(facts[:-1]), reversed(facts[1:])):
        gap = text[a["char_end"]:b["char_start"]]
        if a["unit"] is None and a["kind"] == "count" and b["unit"] is not None and b["kind"] in ("count", "percent", "quantity", "money"):
            if re.fullmatch(r"\s*-\s*,?\s*(?:and|or)?\s*|\s+(?:and|or|to)\s+", gap) or \
                    (b["kind"] == "money" and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap)):
                a["unit"] = b["unit"]
                a["kind"] = b["kind"]
    for a, b in zip(facts[:-1], facts[1:]):
        gap = text[a["char_end"]:b["char_start"]]
        if a["direction"] and not b["direction"] and re.fullmatch(r",?\s+or\s+", gap):
            b["direction"] = a["direction"]
        elif a["direction"] and not b["direction"] and a["kind"] == b["kind"] and text[:b["char_start"]].endswith(" by ") \
                and re.fullmatch(r",\s+[\w&.' ]{1,40}\s+by\s+", gap):
            b["direction"] = a["direction"]  # "Ross was down 2.3%, Burlington by 2.6%"
