"""Rules and gazetteers (data files) that correct the small model's entity errors.

`add_to(nlp)` is called once when the model is loaded: it adds `newsfacts_entity_fixer` after
the NER. The fixer, per document:
  1. cleans the model's spans: splits them at punctuation and at lower-case words that cannot
     stand inside a name ("Yorkshire at Headingley", "GERMANY - Bunds"), trims a leading "the",
     a trailing possessive and trailing score numbers ("Somerset 83"), drops spans with no
     capitalised word ("national news agency") and table headings ("Attendance");
  2. applies the gazetteers (countries and their aliases, demonyms, places, organisations; each
     matched as written, in Title Case and in ALL CAPS) and token rules (datelines, organisation
     head nouns, sports-club names): a rule span relabels a model span with the same extent,
     replaces spans it covers or crosses, and yields to a longer model name that contains it;
  3. in a sports report (headline "SOCCER - ...") turns club towns and counties into teams (ORG)
     unless they are a venue ("at Leicester", "Leicester :") or the dateline.

Everything is a phrase or token matcher run once over the document, plus loops over the
entities only: no per-name regular expressions over the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tasks.data import load_lines

NAMED = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
SPLIT_PUNCT = {",", ":", ";", "(", ")", "[", "]", '"', "“", "”", "--", "—", "–", "/", "|", "+"}
STRIP_LEAD = {"the", "The", "THE", "a", "an", "A", "An", "'s", "'", "-", ".", "’s", "’"}
STRIP_TRAIL = {"'s", "'", "’s", "’", "-", ".", "'S"}
NOT_FIRST = ["The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "But", "And", "Of", "From", "To", "By", "With"]
EDGE_CONNECTORS = {"of", "and", "&", "for", "the"}
NUMERIC_TOKEN = re.compile(r"^[+\-]?[\d][\d.,\-/:]*$")
DATE_TOKEN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Gazetteer:
    """Everything the rules and the entity index know from the data files."""

    country_of: dict[str, str]  # lower-cased country name or alias -> canonical name
    demonym_country: dict[str, str]  # lower-cased demonym -> canonical country
    country_demonym: dict[str, str]  # canonical country -> its first demonym ("Russian")
    norp: frozenset[str]  # lower-cased non-country NORP words
    places: dict[str, str]  # place name -> label (GPE / LOC)
    orgs: frozenset[str]
    clubs: frozenset[str]  # names that are teams in a sports report
    sports_headings: frozenset[str]
    connectors: frozenset[str]
    not_names: frozenset[str]  # lower-cased
    org_heads: frozenset[str]
    club_prefixes: frozenset[str]
    club_suffixes: frozenset[str]
    phrases: dict[str, str] = field(default_factory=dict)  # surface -> label, for the phrase matcher


def _split_cols(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    country_of: dict[str, str] = {}
    demonym_country: dict[str, str] = {}
    country_demonym: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for line in load_lines("country_names.txt"):
        cols = _split_cols(line) + ["", ""]
        name, aliases, demonyms = cols[0], [a.strip() for a in cols[1].split(";") if a.strip()], [d.strip() for d in cols[2].split(";") if d.strip()]
        for a in [name, *aliases]:
            country_of[a.lower()] = name
            if a.lower().startswith("the "):
                country_of[a[4:].lower()] = name
            phrases[a] = "GPE"
        for d in demonyms:
            demonym_country.setdefault(d.lower(), name)
            phrases.setdefault(d, "NORP")
        if demonyms:
            country_demonym[name] = demonyms[0]
    norp = frozenset(w.lower() for w in load_lines("gazetteer_norp.txt"))
    for w in load_lines("gazetteer_norp.txt"):
        phrases.setdefault(w, "NORP")
    places: dict[str, str] = {}
    for line in load_lines("gazetteer_places.txt"):
        cols = _split_cols(line)
        label = cols[1] if len(cols) > 1 and cols[1] else "GPE"
        places[cols[0]] = label
        phrases.setdefault(cols[0], label)
    orgs = frozenset(load_lines("gazetteer_orgs.txt"))
    for o in orgs:
        phrases.setdefault(o, "ORG")
    prefixes, suffixes = set(), set()
    for line in load_lines("entity_club_affixes.txt"):
        kind, _, word = line.partition(" ")
        (prefixes if kind == "prefix" else suffixes).add(word.strip())
    return Gazetteer(
        country_of=country_of, demonym_country=demonym_country, country_demonym=country_demonym, norp=norp,
        places=places, orgs=orgs, clubs=frozenset(load_lines("gazetteer_sports.txt")),
        sports_headings=frozenset(w.lower() for w in load_lines("gazetteer_sports_headings.txt")),
        connectors=frozenset(load_lines("entity_name_connectors.txt")),
        not_names=frozenset(w.lower() for w in load_lines("entity_not_names.txt")),
        org_heads=frozenset(load_lines("entity_org_heads.txt")),
        club_prefixes=frozenset(prefixes), club_suffixes=frozenset(suffixes), phrases=phrases,
    )


def is_sports_report(doc: Doc, gaz: Gazetteer) -> bool:
    """Reuters-style sports headline: 'SOCCER - ...', 'Boxing-Bruno quits ...', 'NFL AMERICAN FOOTBALL-...'."""
    head = doc.text[:80].split("\n", 1)[0].lower()
    m = re.match(r"\s*([a-z][a-z .]*?)\s*-", head)
    if not m:
        return False
    words = m.group(1).strip()
    return words in gaz.sports_headings or any(words.endswith(" " + h) or words.startswith(h + " ") for h in gaz.sports_headings)


class EntityFixer:
    def __init__(self, nlp: Language):
        self.gaz = gaz = gazetteer()
        self.phrase = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list] = {}
        seen: set[str] = set()
        for surface, label in gaz.phrases.items():
            variants = {surface, surface.upper()}
            for v in variants:
                if v in seen:
                    continue
                seen.add(v)
                by_label.setdefault(label, []).append(v)
        for label, surfaces in by_label.items():
            self.phrase.add(label, list(nlp.tokenizer.pipe(surfaces)))
        self.matcher = Matcher(nlp.vocab)
        cap = {"IS_ALPHA": True, "IS_TITLE": True}
        upper = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z'\.&-]*$"}}
        heads = sorted(gaz.org_heads)
        self.matcher.add("ORG_HEAD", [
            [{"TEXT": {"REGEX": r"^[A-Z]"}, "ORTH": {"NOT_IN": NOT_FIRST}},
             {"ORTH": "-", "OP": "?"}, {**upper, "OP": "*"}, {"ORTH": {"IN": heads}}],
        ], greedy="LONGEST")
        self.matcher.add("CLUB", [
            [{**cap, "ORTH": {"NOT_IN": NOT_FIRST}}, {**cap, "OP": "*"}, {"ORTH": {"IN": sorted(gaz.club_suffixes)}}],
            [{"ORTH": {"IN": sorted(gaz.club_prefixes)}}, {**cap, "OP": "+"}],
        ], greedy="LONGEST")
        self.matcher.add("DATELINE", [
            [{"IS_UPPER": True, "OP": "+"}, {"ORTH": ",", "OP": "?"}, {"IS_TITLE": True, "OP": "*"},
             {"SHAPE": "dddd"}, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}],
        ], greedy="LONGEST")

    # -- step 1: clean the model's spans -------------------------------------------------------
    def clean(self, span: Span) -> list[Span]:
        doc, label = span.doc, span.label_
        pieces, cur = [], []
        for tok in span:
            t = tok.text
            brk = (t in SPLIT_PUNCT or "\n" in t
                   or (t in {"-", "–"} and tok.i > 0 and doc[tok.i - 1].whitespace_ and tok.whitespace_)
                   or (t.isalpha() and t.islower() and t not in self.gaz.connectors and label != "NORP"))
            if brk:
                if cur:
                    pieces.append(cur)
                cur = []
                continue
            cur.append(tok.i)
            if "\n" in tok.whitespace_:
                pieces.append(cur)
                cur = []
        if cur:
            pieces.append(cur)
        out = []
        for p in pieces:
            s, e = p[0], p[-1] + 1
            while s < e and (doc[s].text in STRIP_LEAD or doc[s].text.lower() in EDGE_CONNECTORS):
                s += 1
            while e > s and (doc[e - 1].text in STRIP_TRAIL or doc[e - 1].is_punct or doc[e - 1].text.lower() in EDGE_CONNECTORS
                             or self._score_number(doc, e - 1, label, s)):
                e -= 1
            if e <= s:
                continue
            if label == "PERSON" and doc[e - 1].is_digit:
                label = "ORG"  # a person's name does not end in a number ("Nord Stream 2")
            sp = Span(doc, s, e, label=label)
            if not any(c.isupper() for c in sp.text) or sp.text.lower() in self.gaz.not_names:
                continue
            out.append(sp)
        return out

    @staticmethod
    def _score_number(doc: Doc, i: int, label: str, start: int) -> bool:
        """A trailing number that is a score or statistic, not part of the name ('Somerset 83')."""
        t = doc[i].text
        if i == start or not NUMERIC_TOKEN.match(t):
            return False
        return len(t) >= 2 or not t.isdigit()

    # -- the component ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        gaz = self.gaz
        other: list[Span] = []  # numeric and temporal entities, kept as the model made them
        model: list[Span] = []
        for ent in doc.ents:
            if ent.label_ in NAMED:
                model.extend(self.clean(ent))
            else:
                other.append(ent)
        gazetteer_spans = filter_spans([Span(doc, s, e, label=match_id) for match_id, s, e in self.phrase(doc)])
        sports = is_sports_report(doc, gaz)
        patterns: list[Span] = []
        datelines: list[Span] = []
        for match_id, s, e in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "DATELINE":
                if s == 0 or "\n" in doc[s - 1].text or "\n" in doc[s - 1].whitespace_:
                    datelines.extend(self._dateline(doc, s, e))
            else:
                patterns.append(Span(doc, s, e, label="ORG"))
        ents = self._merge(model, filter_spans(patterns), sports)
        ents = self._merge(ents, gazetteer_spans, sports)
        ents = self._merge(ents, datelines, sports, force=True)
        if sports:
            ents = [self._team(sp) for sp in ents]
        ents = filter_spans(ents)
        taken = set()
        for sp in ents:
            taken.update(range(sp.start, sp.end))
        ents += [o for o in other if not any(i in taken for i in range(o.start, o.end))]
        doc.ents = sorted(filter_spans(ents), key=lambda sp: sp.start)
        return doc

    def _dateline(self, doc: Doc, s: int, e: int) -> list[Span]:
        """'BONN 1996-08-30' / 'KHASAVYURT , Russia 1996-08-31': the places of a dateline."""
        out = []
        i = s
        while i < e and doc[i].is_upper and not doc[i].like_num:
            i += 1
        if i > s:
            out.append(Span(doc, s, i, label="GPE"))
        j = i + 1 if i < e and doc[i].text == "," else i
        k = j
        while k < e and doc[k].is_title:
            k += 1
        if k > j:
            out.append(Span(doc, j, k, label="GPE"))
        return out

    def _merge(self, model: list[Span], rules: list[Span], sports: bool, force: bool = False) -> list[Span]:
        """Rule spans relabel model spans of the same extent, replace the ones they cover or cross,
        and yield to a longer model span that contains them (unless force)."""
        keep = list(model)
        add = []
        for r in rules:
            same = [m for m in keep if m.start == r.start and m.end == r.end]
            if same:
                keep = [m for m in keep if m not in same]
                add.append(Span(r.doc, r.start, r.end, label=self._rule_label(r, same[0], sports)))
                continue
            inside = [m for m in keep if m.start <= r.start and r.end <= m.end]
            if inside and not force:
                continue
            keep = [m for m in keep if m.end <= r.start or m.start >= r.end]
            add.append(r)
        return keep + add

    def _rule_label(self, r: Span, m: Span, sports: bool) -> str:
        if r.label_ == "ORG" and m.label_ in {"GPE", "LOC"} and r.text in self.gaz.places and not sports:
            return m.label_
        return r.label_

    def _team(self, sp: Span) -> Span:
        """In a sports report, a club town or county that is not a venue is the team."""
        gaz = self.gaz
        text = sp.text
        if sp.label_ not in {"GPE", "LOC", "PERSON", "NORP", "ORG"} or sp.label_ == "ORG":
            return sp
        title = text.title() if text.isupper() else text
        if text.lower() in gaz.country_of or text.lower() in gaz.demonym_country or text.lower() in gaz.norp:
            return sp
        if not (title in gaz.clubs or (title in gaz.places and gaz.places[title] == "GPE")):
            return sp
        doc = sp.doc
        prev = doc[sp.start - 1] if sp.start > 0 else None
        nxt = doc[sp.end] if sp.end < len(doc) else None
        if prev is not None and prev.lower_ in {"at", "in", "near", "from", "to", "outside", "into", "of", "on"}:
            return sp
        if nxt is not None and (nxt.text == ":" or nxt.text == "," and sp.start == 0 or nxt.shape_ == "dddd"):
            return sp
        if prev is not None and prev.text == "," and nxt is not None and nxt.text in {")", "."}:
            return sp  # "( at Lord 's , London )"
        if prev is None or "\n" in prev.text or "\n" in prev.whitespace_:
            if nxt is not None and (nxt.shape_ == "dddd" or nxt.text == ","):
                return sp  # dateline
        return Span(doc, sp.start, sp.end, label="ORG")


@Language.factory("newsfacts_entity_fixer")
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp)


def add_to(nlp: Language) -> None:
    if "ner" in nlp.pipe_names and "newsfacts_entity_fixer" not in nlp.pipe_names:
        nlp.add_pipe("newsfacts_entity_fixer", after="ner")
