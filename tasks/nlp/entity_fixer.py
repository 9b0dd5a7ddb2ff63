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

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)

NAMED = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
SPLIT_PUNCT = {",", ":", ";", "(", ")", "[", "]", '"', "“", "”", "--", "—", "–", "/", "|", "+"}
STRIP_LEAD = {"the", "The", "THE", "a", "an", "A", "An", "'s", "'", "-", ".", "’s", "’"}
STRIP_TRAIL = {"'s", "'", "’s", "’", "-", ".", "'S"}
TEMPORAL = {"DATE", "TIME"}
PERSON_SUFFIX_TITLES = {"MP", "MEP", "QC", "MSP", "AM", "TD"}
NUMBERED_NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}  # names whose trailing numbers are scores
VENUE_WORDS = {"at", "in", "near", "from", "to", "outside", "into", "of", "on", "north", "south", "east", "west", "central",
               "northern", "southern", "eastern", "western"}
NOT_FIRST = ["The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "But", "And", "Of", "From", "To", "By", "With"]
EDGE_CONNECTORS = {"of", "and", "&", "for", "the"}
NUMERIC_TOKEN = re.compile(r"^[+\-]?[\d][\d.,\-/:]*(st|nd|rd|th)?$")
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
    sports_headings: dict[str, bool]  # heading -> team sport
    connectors: frozenset[str]
    not_names: frozenset[str]  # lower-cased
    org_heads: frozenset[str]
    club_prefixes: frozenset[str]
    club_suffixes: frozenset[str]
    first_names: frozenset[str] = frozenset()  # lower case
    place_heads: frozenset[str] = frozenset()
    event_heads: tuple[str, ...] = ()
    phrases: dict[str, str] = field(default_factory=dict)  # surface -> label, for the phrase matcher


def _split_cols(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    country_of: dict[str, str] = {}
    demonym_country: dict[str, str] = {}
    country_demonym: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for line in DATA.lines("country_names.txt"):
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
    norp = frozenset(w.lower() for w in DATA.lines("gazetteer_norp.txt"))
    for w in DATA.lines("gazetteer_norp.txt"):
        phrases.setdefault(w, "NORP")
    places: dict[str, str] = {}
    for line in DATA.lines("gazetteer_places.txt"):
        cols = _split_cols(line)
        label = cols[1] if len(cols) > 1 and cols[1] else "GPE"
        places[cols[0]] = label
        phrases.setdefault(cols[0], label)
    clubs = frozenset(DATA.lines("gazetteer_sports.txt"))
    for c in clubs:
        phrases.setdefault(c, "CLUB")  # a team in a team-sports report, else a place
    orgs = frozenset(DATA.lines("gazetteer_orgs.txt"))
    for o in orgs:
        phrases.setdefault(o, "ORG")
    prefixes, suffixes = set(), set()
    for line in DATA.lines("entity_club_affixes.txt"):
        kind, _, word = line.partition(" ")
        (prefixes if kind == "prefix" else suffixes).add(word.strip())
    return Gazetteer(
        country_of=country_of, demonym_country=demonym_country, country_demonym=country_demonym, norp=norp,
        places=places, orgs=orgs, clubs=clubs,
        sports_headings={_split_cols(w)[0].lower(): "team" in _split_cols(w)[1:] for w in DATA.lines("gazetteer_sports_headings.txt")},
        connectors=frozenset(DATA.lines("entity_name_connectors.txt")),
        not_names=frozenset(w.lower() for w in DATA.lines("entity_not_names.txt")),
        org_heads=frozenset(DATA.lines("entity_org_heads.txt")),
        club_prefixes=frozenset(prefixes), club_suffixes=frozenset(suffixes), phrases=phrases,
        first_names=frozenset(w.lower() for line in DATA.lines("entity_first_names.txt") for w in line.split()),
        place_heads=frozenset(DATA.lines("entity_place_heads.txt")), event_heads=DATA.lines("entity_event_heads.txt"),
    )


def sports_report(doc: Doc, gaz: Gazetteer) -> str | None:
    """Reuters-style sports headline ('SOCCER - ...', 'Boxing-Bruno quits ...', 'NFL AMERICAN FOOTBALL-...'):
    None if not a sports report, else "team" or "individual"."""
    head = doc[: min(len(doc), 16)].text.split("\n", 1)[0].lower()
    m = re.match(r"\s*([a-z][a-z .]*?)\s*-", head)
    if not m:
        return None
    words = m.group(1).strip()
    for h, team in gaz.sports_headings.items():
        if words == h or words.endswith(" " + h) or words.startswith(h + " "):
            return "team" if team else "individual"
    return None


class EntityFixer:
    def __init__(self, nlp: Language):
        self.gaz = gaz = gazetteer()
        self.titles = frozenset(DATA.lines("entity_title_words.txt"))
        self.strip_words = frozenset(DATA.lines("entity_strip_words.txt"))
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
        one = sorted({h for h in gaz.event_heads if " " not in h} | {h.upper() for h in gaz.event_heads if " " not in h})
        first = {"TEXT": {"REGEX": r"^[A-Z]"}, "ORTH": {"NOT_IN": NOT_FIRST}}
        name_tok = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z'\.-]*$"}, "OP": "*"}
        event_patterns = [[first, name_tok, {"ORTH": {"IN": one}}],
                          [first, name_tok, {"ORTH": {"IN": one}}, {"LOWER": "of"}, {"IS_TITLE": True}]]
        for h in gaz.event_heads:
            if " " in h:
                for v in (h, h.upper()):
                    event_patterns.append([first, name_tok] + [{"ORTH": w} for w in v.split()])
        self.matcher.add("EVENT", event_patterns, greedy="LONGEST")
        # cricket scorecards: "c Stewart b Hollioake 23", "Bowling : Gough 8-0-39-3"; "P. Simmons"
        self.matcher.add("PERSON_SCORECARD", [
            [{"ORTH": {"IN": ["c", "b", "st", "lbw"]}}, {**cap, "OP": "+"}],
            [{**cap, "OP": "+"}, {"IS_DIGIT": True}, {"ORTH": "-"}, {"IS_DIGIT": True}, {"ORTH": "-"}, {"IS_DIGIT": True},
             {"ORTH": "-"}, {"IS_DIGIT": True}],
        ], greedy="LONGEST")
        self.matcher.add("PERSON_HONORIFIC", [
            [{"ORTH": {"IN": list(DATA.lines("entity_honorifics.txt"))}}, {**cap, "OP": "+"}],
        ], greedy="LONGEST")
        self.matcher.add("PERSON_INITIAL", [
            [{"TEXT": {"REGEX": r"^[A-Z]\.$"}}, {**cap, "OP": "+"}],
        ], greedy="LONGEST")
        self.matcher.add("DATELINE", [
            [{"IS_UPPER": True, "OP": "+"}, {"ORTH": ",", "OP": "?"}, {"IS_TITLE": True, "OP": "*"},
             {"SHAPE": "dddd"}, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}],
        ], greedy="LONGEST")

    # -- step 1: clean the model's spans -------------------------------------------------------
    def clean(self, span: Span, sports: bool = False) -> list[Span]:
        doc, label = span.doc, span.label_
        pieces, cur = [], []
        for tok in span:
            t = tok.text
            brk = (t in SPLIT_PUNCT or "\n" in t
                   or (t in {"-", "–"} and tok.i > 0 and doc[tok.i - 1].whitespace_ and tok.whitespace_)
                   or (t.isalpha() and t.islower() and t not in self.gaz.connectors and label != "NORP"
                       and tok.whitespace_ and tok.i > 0 and doc[tok.i - 1].whitespace_))  # not "Ata-ur-Rehman"
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
            if label not in {"NORP", "EVENT", "LANGUAGE"} and e - s > 1 and doc[s].lower_ in self.gaz.demonym_country \
                    and doc[s + 1].is_title and (label == "PERSON" or self._looks_like_person(doc, s + 1, e)):
                out.append(Span(doc, s, s + 1, label="NORP"))  # "Australian Rodney Eyles"
                s += 1
            while s < e and (doc[s].text in STRIP_LEAD or doc[s].text.lower() in EDGE_CONNECTORS):
                s += 1
            while e - s > 1 and doc[s].text in self.strip_words:
                s += 1  # "September Treasury"
            e = self._trim_numbers(doc, s, e, keep_one=label not in NUMBERED_NAMES or not sports)
            while e - s > 1 and doc[e - 1].is_upper and doc[e - 1].lower_ in self.gaz.not_names:
                e -= 1  # "WORLD CUP QUALIFIER", "MAJOR LEAGUE STANDINGS"
            while e > s and (doc[e - 1].text in STRIP_TRAIL or doc[e - 1].is_punct or doc[e - 1].text.lower() in EDGE_CONNECTORS):
                e -= 1
            if e <= s:
                continue
            if label == "PERSON" and doc[e - 1].is_digit:
                label = "ORG"  # a person's name does not end in a number ("Nord Stream 2")
            if label == "PERSON":  # "Winger Nitoglia", "Paul Boateng MP": the title is not the name
                while e - s > 1 and doc[s].is_title and doc[s].lower_ in self.titles and doc[s].lower_ not in self.gaz.first_names:
                    s += 1
                while e - s > 1 and doc[e - 1].text in PERSON_SUFFIX_TITLES:
                    e -= 1
            if label in {"ORG", "GPE", "LOC", "FAC", "NORP"} and self._looks_like_person(doc, s, e):
                label = "PERSON"
            sp = Span(doc, s, e, label=label)
            low = sp.text.lower()
            if not any(c.isupper() for c in sp.text) or low in self.gaz.not_names or low in self.gaz.sports_headings \
                    or (e - s >= 3 and all(t.is_upper and len(t.text) <= 3 for t in sp)):  # a table header "W D L PCT"
                continue
            out.append(sp)
        return out

    def _looks_like_person(self, doc: Doc, s: int, e: int) -> bool:
        """'Mihai Tararache', 'Marion Clignet': a given name and a surname, not a known place or body."""
        gaz = self.gaz
        if not 2 <= e - s <= 3 or doc[s].lower_ not in gaz.first_names:
            return False
        toks = doc[s:e]
        if not all(t.is_title and t.is_alpha for t in toks) or toks[-1].text in gaz.place_heads or toks[-1].text in gaz.org_heads:
            return False
        text = toks.text
        return text not in gaz.places and text not in gaz.orgs and text.lower() not in gaz.country_of and toks[-1].text not in gaz.club_suffixes

    @staticmethod
    def _trim_numbers(doc: Doc, s: int, e: int, keep_one: bool = True) -> int:
        """Drop trailing scores and statistics ('Somerset 83', 'Croft 8-0-37-2', 'Surrey 429-7'), but keep
        (keep_one) a single number that can be part of the name ('Nord Stream 2', 'Euro 96')."""
        k = e
        while k > s + 1 and (NUMERIC_TOKEN.match(doc[k - 1].text) or doc[k - 1].text in {"-", "/", ".", ":"}):
            k -= 1
        run = doc[k:e]
        if k == e or k == s:
            return e
        if keep_one and len(run) == 1 and run[0].is_digit and (len(run[0].text) == 1 or doc[s].ent_type_ not in NUMBERED_NAMES):
            return e
        return k

    # -- the component ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        gaz = self.gaz
        other: list[Span] = []  # numeric and temporal entities, kept as the model made them
        model: list[Span] = []
        kind_of_sport = sports_report(doc, gaz)
        sports = kind_of_sport is not None
        for ent in doc.ents:
            if ent.label_ in NAMED:
                model.extend(self.clean(ent, sports))
            else:
                other.append(ent)
        club_label = "ORG" if kind_of_sport == "team" else "GPE"
        gazetteer_spans = filter_spans([Span(doc, s, e, label=club_label if doc.vocab.strings[match_id] == "CLUB" else match_id)
                                        for match_id, s, e in self.phrase(doc)])
        patterns: list[Span] = []
        datelines: list[Span] = []
        for match_id, s, e in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "DATELINE":
                if s == 0 or "\n" in doc[s - 1].text or "\n" in doc[s - 1].whitespace_:
                    datelines.extend(self._dateline(doc, s, e))
            elif kind == "PERSON_SCORECARD":
                if sports:
                    s += doc[s].is_lower
                    while e > s and not doc[e - 1].is_alpha:
                        e -= 1
                    if e > s:
                        patterns.append(Span(doc, s, e, label="PERSON"))
            elif kind == "EVENT":
                if doc[s:e].text.isupper():  # a headline: the event starts after the last function word
                    for k in range(e - 2, s - 1, -1):
                        if doc[k].lower_ in STOP_WORDS or doc[k].lower_ in {"beat", "beats", "v", "vs", "win", "wins", "draw"}:
                            s = k + 1
                            break
                if e - s >= 2 or not doc[s].text.isupper():
                    patterns.append(Span(doc, s, e, label="EVENT"))
            elif kind == "PERSON_HONORIFIC":
                patterns.append(Span(doc, s + 1, e, label="PERSON"))
            elif kind == "PERSON_INITIAL":
                patterns.append(Span(doc, s, e, label="PERSON"))
            else:
                patterns.extend(self.clean(Span(doc, s, e, label="ORG"), sports))
        from_model = {(m.start, m.end) for m in model}
        ents = self._merge(model, filter_spans(patterns), sports, from_model)
        ents = self._merge(ents, gazetteer_spans, sports, from_model)
        ents = self._merge(ents, datelines, sports, from_model, force=True)
        forced, fill = self._scan_runs(doc, kind_of_sport)
        ents = self._merge(ents, forced, sports, from_model, force=True)
        taken = {i for sp in ents for i in range(sp.start, sp.end)}
        ents += [sp for sp in fill if not any(i in taken for i in range(sp.start, sp.end))]
        if kind_of_sport == "team":
            ents = [self._team(sp) for sp in ents]
        ents = self._join_norp(filter_spans(ents))
        ents += self._acronyms(doc, ents)
        ents = filter_spans(ents)
        taken = set()
        for sp in ents:
            taken.update(range(sp.start, sp.end))
        ents += [o for o in other if not any(i in taken for i in range(o.start, o.end))]
        doc.ents = sorted(filter_spans(ents), key=lambda sp: sp.start)
        return doc

    def _scan_runs(self, doc: Doc, sport: str | None) -> tuple[list[Span], list[Span]]:
        """One pass over the runs of capitalised words. Returns spans that override the model (sports tables:
        teams in 'Wrexham 2 Walsall 1', 'Ssangbangwool 59 2 49 .545', the team after a rider's country in
        'Rolf Sorensen ( Denmark ) Rabobank 20:36:54', players in 'Rodney Eyles ( Australia ) beat ...'; countries
        stay places, being national teams) and spans that only fill gaps the model left: a given name and a
        surname ('Nolan Henke'), a player after his shirt number ('13 - Japie Mulder')."""
        gaz = self.gaz
        team_sport = sport == "team"
        out: list[Span] = []
        fill: list[Span] = []
        n = len(doc)
        i = 0
        line_start = True
        while i < n:
            tok = doc[i]
            if tok.is_space or "\n" in tok.text:
                line_start = True
                i += 1
                continue
            if not (tok.text[:1].isupper() and (tok.is_alpha or "'" in tok.text or tok.text.endswith("."))):
                line_start = False
                i += 1
                continue
            j = i + 1
            while j < n and j - i < 5 and ((doc[j].text[:1].isupper() and (doc[j].is_alpha or "'" in doc[j].text))
                                            or (doc[j].lower_ in {"of", "de"} and j + 1 < n and doc[j + 1].is_title)):
                if "\n" in doc[j - 1].whitespace_:
                    break
                j += 1
            prev = doc[i - 1] if i > 0 and not line_start else None
            nxt = doc[j] if j < n else None
            numeric_next = nxt is not None and "\n" not in doc[j - 1].whitespace_ and bool(NUMERIC_TOKEN.match(nxt.text))
            numeric_prev = prev is not None and bool(NUMERIC_TOKEN.match(prev.text))
            text = doc[i:j].text
            untagged = all(t.ent_type_ == "" for t in doc[i:j])
            if untagged and not text.isupper() and text.lower() not in gaz.country_of and text not in gaz.places:
                if (sport and prev is not None and prev.text == "-" and i >= 2 and doc[i - 2].is_digit) \
                        or (2 <= j - i <= 3 and self._looks_like_person(doc, i, j)
                            and not any(t.lower_ in STOP_WORDS for t in doc[i:j])):
                    fill.append(Span(doc, i, j, label="PERSON"))
            if not sport:
                line_start = False
                i = j
                continue
            if (j + 2 < n and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].lower_ in gaz.country_of
                    and j - i >= 2 and text.lower() not in gaz.country_of and not text.isupper()):
                out.append(Span(doc, i, j, label="PERSON"))  # "Rodney Eyles ( Australia ) beat ..."
                line_start = False
                i = j
                continue
            if numeric_next and (nxt.shape_ == "dddd" or nxt.ent_type_ in TEMPORAL or tok.ent_type_ in TEMPORAL):
                numeric_next = False  # a dateline ("LONDON 1996-08-30") or a date ("May 14")
            is_team = numeric_next and ((team_sport and (prev is None or numeric_prev)) or (prev is not None and prev.text == ")"))
            if is_team and text.lower() not in gaz.country_of and text.lower() not in gaz.demonym_country \
                    and text.lower() not in gaz.not_names:
                out.append(Span(doc, i, j, label="ORG"))
            line_start = False
            i = j
        return out, fill

    @staticmethod
    def _join_norp(ents: list[Span]) -> list[Span]:
        """'Iraqi Kurds', 'Iraqi Kurdish': two group words in a row are one group."""
        ents = sorted(ents, key=lambda sp: sp.start)
        out: list[Span] = []
        for sp in ents:
            if out and out[-1].label_ == "NORP" and sp.label_ == "NORP" and out[-1].end == sp.start:
                out[-1] = Span(sp.doc, out[-1].start, sp.end, label="NORP")
                continue
            out.append(sp)
        return out

    @staticmethod
    def _acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
        """'Kurdistan Democratic Party ( KDP )': the acronym in brackets after a name is named too."""
        out = []
        starts = {sp.start for sp in ents}
        for sp in ents:
            i = sp.end
            if (sp.label_ in {"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"} and i + 2 < len(doc) and doc[i].text == "("
                    and doc[i + 2].text == ")" and i + 1 not in starts):
                t = doc[i + 1].text.replace(".", "")
                if 2 <= len(t) <= 8 and t[:1].isupper() and sum(c.isupper() for c in t) >= 2:
                    out.append(Span(doc, i + 1, i + 2, label=sp.label_))
        return out

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

    def _merge(self, model: list[Span], rules: list[Span], sports: bool, from_model: set[tuple[int, int]],
               force: bool = False) -> list[Span]:
        """Rule spans relabel model spans of the same extent, replace the ones they cover or cross,
        and yield to a longer model span that contains them (unless force)."""
        keep: dict[int, Span] = dict(enumerate(model))
        owner: dict[int, int] = {}  # token -> key in keep
        for k, m in keep.items():
            for i in range(m.start, m.end):
                owner[i] = k
        add = []
        for r in rules:
            ids = {owner[i] for i in range(r.start, r.end) if i in owner and owner[i] in keep}
            same = [k for k in ids if keep[k].start == r.start and keep[k].end == r.end]
            if same:
                add.append(Span(r.doc, r.start, r.end, label=self._rule_label(r, keep.pop(same[0]), sports)))
                continue
            k0 = owner.get(r.start)
            inside = k0 is not None and k0 in keep and keep[k0].end >= r.end
            if inside and not force and not (keep[k0].text.isupper() and (keep[k0].start, keep[k0].end) in from_model):
                continue  # (the model is blind in ALL CAPS: there the gazetteer wins)
            for k in ids:
                keep.pop(k, None)
            add.append(r)
        return list(keep.values()) + add

    def _rule_label(self, r: Span, m: Span, sports: bool) -> str:
        if r.label_ == "ORG" and m.label_ in {"GPE", "LOC"} and r.text in self.gaz.places and not sports:
            return m.label_
        return r.label_

    def _team(self, sp: Span) -> Span:
        """In a sports report, a club town or county that is not a venue is the team."""
        gaz = self.gaz
        text = sp.text
        if sp.label_ not in {"GPE", "LOC", "PERSON", "FAC"}:
            return sp
        title = text.title() if text.isupper() else text
        if text.lower() in gaz.country_of or text.lower() in gaz.demonym_country or text.lower() in gaz.norp:
            return sp
        known_place = title in gaz.places
        if not (title in gaz.clubs or (known_place and gaz.places[title] == "GPE")
                or (not known_place and sp.label_ in {"GPE", "LOC"} and len(sp) == 1)):  # an unknown "place": a club
            return sp
        doc = sp.doc
        prev = doc[sp.start - 1] if sp.start > 0 else None
        nxt = doc[sp.end] if sp.end < len(doc) else None
        if prev is not None and prev.lower_ in VENUE_WORDS:
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
