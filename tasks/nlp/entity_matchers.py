"""Step 2 of the entity fixer: the gazetteer and token rules, and the spans their matches give.

The phrase matcher finds every gazetteer name as written and in ALL CAPS. The token matcher
finds organisation names ending in a head noun ("... Bank"), club names ("Norwich City",
"Real Madrid"), events ("Hong Kong Open", "World Cup of ..."), laws ("Internal Market Bill"), people in cricket scorecards
("c Stewart b Hollioake 23", "Gough 8-0-39-3"), after an honorific ("Mr Lebed"), an initial
("P. Simmons") or a parliament member's acronym ("Green MEP Ann Cole"), a country's exit
("Brexit"), and the places of a dateline ("BONN 1996-08-30", "JEUMONT , France ( Reuters ) -").
"""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tasks.nlp.entity_cleaning import clean, shaped_like_a_name
from tasks.nlp.gazetteer import Gazetteer

NOT_FIRST = ["The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "But", "And", "Of", "From", "To", "By", "With"]
HEADLINE_VERBS = {"beat", "beats", "v", "vs", "win", "wins", "draw"}  # an ALL-CAPS event name starts after these

CAPITALISED = {"IS_ALPHA": True, "IS_TITLE": True}
MEMBER_TITLES = ("MP", "MEP", "MSP", "MLA")  # a member of a parliament, written before the name ("Labour MP Ann Cole")
FIRST_OF_NAME = {"TEXT": {"REGEX": r"^[A-Z]"}, "ORTH": {"NOT_IN": NOT_FIRST}}


def phrase_matcher(nlp: Language, gaz: Gazetteer) -> PhraseMatcher:
    """Every gazetteer surface, as written and in ALL CAPS, under its label (the first label to
    claim a surface keeps it)."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_label: dict[str, list] = {}
    seen: set[str] = set()
    for surface, label in gaz.phrases.items():
        for v in {surface, surface.upper()}:
            if v in seen:
                continue
            seen.add(v)
            by_label.setdefault(label, []).append(v)
    for label, surfaces in by_label.items():
        matcher.add(label, list(nlp.tokenizer.pipe(surfaces)))
    return matcher


def token_matcher(nlp: Language, gaz: Gazetteer) -> Matcher:
    matcher = Matcher(nlp.vocab)
    upper = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z'\.&-]*$"}}
    matcher.add("ORG_HEAD", [
        [FIRST_OF_NAME, {"ORTH": "-", "OP": "?"}, {**upper, "OP": "*"}, {"ORTH": {"IN": sorted(gaz.org_heads)}}],
    ], greedy="LONGEST")
    matcher.add("CLUB", [
        [{**CAPITALISED, "ORTH": {"NOT_IN": NOT_FIRST}}, {**CAPITALISED, "OP": "*"}, {"ORTH": {"IN": sorted(gaz.club_suffixes)}}],
        [{"ORTH": {"IN": sorted(gaz.club_prefixes)}}, {**CAPITALISED, "OP": "+"}],
    ], greedy="LONGEST")
    matcher.add("EVENT", _event_patterns(gaz.event_heads), greedy="LONGEST")
    matcher.add("LAW", _event_patterns(gaz.law_heads), greedy="LONGEST")
    # cricket scorecards: "c Stewart b Hollioake 23", "Bowling : Gough 8-0-39-3"; "P. Simmons"
    matcher.add("PERSON_SCORECARD", [
        [{"ORTH": {"IN": ["c", "b", "st", "lbw"]}}, {**CAPITALISED, "OP": "+"}],
        [{**CAPITALISED, "OP": "+"}, {"IS_DIGIT": True}, {"ORTH": "-"}, {"IS_DIGIT": True}, {"ORTH": "-"}, {"IS_DIGIT": True},
         {"ORTH": "-"}, {"IS_DIGIT": True}],
    ], greedy="LONGEST")
    matcher.add("PERSON_HONORIFIC", [
        [{"ORTH": {"IN": sorted(gaz.honorifics)}}, {**CAPITALISED, "OP": "+"}],
    ], greedy="LONGEST")
    matcher.add("PERSON_AFTER_MEMBER", [
        [{"ORTH": {"IN": list(MEMBER_TITLES)}}, CAPITALISED, CAPITALISED, {**CAPITALISED, "OP": "?"}],
    ], greedy="LONGEST")
    matcher.add("PERSON_INITIAL", [
        [{"TEXT": {"REGEX": r"^[A-Z]\.$"}}, {**CAPITALISED, "OP": "+"}],
    ], greedy="LONGEST")
    matcher.add("DATELINE", [
        [{"IS_UPPER": True, "OP": "+"}, {"ORTH": ",", "OP": "?"}, {"IS_TITLE": True, "OP": "*"},
         {"SHAPE": "dddd"}, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}],
        # "JEUMONT , France ( Reuters ) -", "LOS ANGELES / NEW YORK ( Reuters ) -", "OSLO , Dec 5 ( Reuters ) -"
        [{"IS_UPPER": True, "OP": "+"}, {"ORTH": "/", "OP": "?"}, {"IS_UPPER": True, "OP": "*"}, {"ORTH": ",", "OP": "?"},
         {"IS_TITLE": True, "OP": "*"}, {"IS_DIGIT": True, "OP": "?"}, {"ORTH": "("}, {"IS_TITLE": True, "OP": "+"},
         {"ORTH": ")"}, {"ORTH": {"IN": ["-", "–", "—"]}}],
    ], greedy="LONGEST")
    matcher.add("EVENT_EXIT", [[{"TEXT": {"REGEX": r"^[A-Z][a-z]+xit$"}}]])  # "Brexit", "Grexit": a country's exit
    return matcher


def _event_patterns(heads: tuple[str, ...]) -> list[list[dict]]:
    """Capitalised words ending in a head ("Open", "Cup"; "... Cup of Nations"), or in a head of
    several words ("Grand Prix"), as written or in ALL CAPS (for events, and for laws)."""
    one = sorted({h for h in heads if " " not in h} | {h.upper() for h in heads if " " not in h})
    name_tok = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z'\.-]*$"}, "OP": "*"}
    patterns = [[FIRST_OF_NAME, name_tok, {"ORTH": {"IN": one}}],
                [FIRST_OF_NAME, name_tok, {"ORTH": {"IN": one}}, {"LOWER": "of"}, {"IS_TITLE": True}]]
    for h in heads:
        if " " in h:
            for v in (h, h.upper()):
                patterns.append([FIRST_OF_NAME, name_tok] + [{"ORTH": w} for w in v.split()])
    return patterns


PAGEANT_TITLE = "Miss"  # "Miss England" is a title, not a woman named England


def gazetteer_spans(doc: Doc, matcher: PhraseMatcher, club_label: str, honorifics: frozenset[str]) -> list[Span]:
    """The phrase matcher's longest non-overlapping matches; a club is `club_label`. Not right after
    an honorific: "Mr Irish", "Dr French" are people's surnames (the honorific rule names them)."""
    return filter_spans([Span(doc, s, e, label=club_label if doc.vocab.strings[match_id] == "CLUB" else match_id)
                         for match_id, s, e in matcher(doc)
                         if s == 0 or doc[s - 1].text not in honorifics or doc[s - 1].text == PAGEANT_TITLE])


def rule_spans(doc: Doc, matcher: Matcher, gaz: Gazetteer, sports: bool) -> tuple[list[Span], list[Span]]:
    """(name spans, dateline places) from the token matcher's matches."""
    patterns: list[Span] = []
    datelines: list[Span] = []
    for match_id, s, e in matcher(doc):
        kind = doc.vocab.strings[match_id]
        if kind == "DATELINE":
            if s == 0 or "\n" in doc[s - 1].text or "\n" in doc[s - 1].whitespace_:
                datelines.extend(dateline_places(doc, s, e, gaz.strip_words))
        elif kind == "PERSON_SCORECARD":
            if sports:
                patterns.extend(_scorecard_person(doc, s, e))
        elif kind == "EVENT":
            patterns.extend(_event(doc, s, e))
        elif kind == "LAW":
            if not (e < len(doc) and doc[e].is_title and doc[e].is_alpha):  # its head is its last word ("President Bill Clinton")
                patterns.extend(_event(doc, s, e, "LAW"))
        elif kind == "EVENT_EXIT":
            patterns.append(Span(doc, s, e, label="EVENT"))
        elif kind == "PERSON_HONORIFIC":
            if doc[s + 1].lower_ not in gaz.titles and not doc[s + 1].is_stop:  # "Lord Chancellor", "Lady Of ...": no name
                patterns.append(Span(doc, s + 1, e, label="PERSON"))
        elif kind == "PERSON_AFTER_MEMBER":
            patterns.extend(_member_named(doc, s, e, gaz))
        elif kind == "PERSON_INITIAL":
            patterns.append(Span(doc, s, e, label="PERSON"))
        else:  # ORG_HEAD, CLUB
            patterns.extend(clean(Span(doc, s, e, label="ORG"), gaz, sports))
    return patterns, datelines


def _member_named(doc: Doc, s: int, e: int, gaz: Gazetteer) -> list[Span]:
    """'Green MEP Ann Cole': the two words after the acronym (a third only where the model tagged
    it part of a person: "Parmjit Singh Gill"), never a verb, a title or a plural ("Ann Cole
    Resigns", "Chief Minister ...", "Style Guidelines"), when they are shaped like a person's name
    and the model did not tag a person there itself (its span stands); an honorific after the
    acronym is the honorific rule's ("MP Sir ...")."""
    end = e if e == s + 3 or doc[s + 3].ent_type_ == "PERSON" else s + 3  # (the pattern matched two words or three)
    k = s + 1
    while k < end and doc[k].pos_ not in ("VERB", "AUX") and doc[k].lower_ not in gaz.titles and doc[k].text not in gaz.honorifics:
        k += 1
    if k - (s + 1) < 2 or doc[s + 1].ent_type_ == "PERSON" or doc[k - 1].tag_ == "NNPS" or not shaped_like_a_name(doc, s + 1, k, gaz):
        return []
    return [Span(doc, s + 1, k, label="PERSON")]


def _scorecard_person(doc: Doc, s: int, e: int) -> list[Span]:
    """'c Stewart' -> 'Stewart', 'Gough 8-0-39-3' -> 'Gough'."""
    s += doc[s].is_lower
    while e > s and not doc[e - 1].is_alpha:
        e -= 1
    return [Span(doc, s, e, label="PERSON")] if e > s else []


def _event(doc: Doc, s: int, e: int, label: str = "EVENT") -> list[Span]:
    """An event (or law) name; in an ALL-CAPS headline it starts after the last function word
    ("ROMANIA BEAT LITHUANIA IN WORLD CUP" -> "WORLD CUP"), and a single ALL-CAPS word is no event."""
    if doc[s:e].text.isupper():
        for k in range(e - 2, s - 1, -1):
            if doc[k].lower_ in STOP_WORDS or doc[k].lower_ in HEADLINE_VERBS:
                s = k + 1
                break
    return [Span(doc, s, e, label=label)] if e - s >= 2 or not doc[s].text.isupper() else []


def dateline_places(doc: Doc, s: int, e: int, strip_words: frozenset[str] = frozenset()) -> list[Span]:
    """'BONN 1996-08-30' / 'KHASAVYURT , Russia 1996-08-31' / 'TOKYO / MELBOURNE ( Reuters ) -': the
    places of a dateline (not a month: 'OSLO , Dec 5')."""
    out = []
    i = s
    while i < e and doc[i].is_upper and not doc[i].like_num:
        start = i
        while i < e and doc[i].is_upper and not doc[i].like_num and doc[i].text != "/":
            i += 1
        if i > start:
            out.append(Span(doc, start, i, label="GPE"))
        i += i < e and doc[i].text == "/"
    j = i + 1 if i < e and doc[i].text == "," else i
    k = j
    while k < e and doc[k].is_title and doc[k].text not in strip_words:
        k += 1
    if k > j and (k >= e or doc[k].text in {"(", ","} or doc[k].shape_ == "dddd"):
        out.append(Span(doc, j, k, label="GPE"))
    return out
