"""Step 1 of the entity fixer: clean the model's spans.

A span is split at punctuation, line breaks and lower-case words that cannot stand inside a
name ("Yorkshire at Headingley", "GERMANY - Bunds"); each piece loses a leading "the", a
trailing possessive, trailing score numbers ("Somerset 83") and, for a person, titles around
the name ("Winger Nitoglia", "Paul Boateng MP"); a name after a title only a person holds is a
person whatever the model said ("Bishop Ann Cole" read as a body); a piece with no capitalised
word ("national news agency") or that is a table heading ("Attendance", "W D L PCT") is dropped.
The fixer's later steps over the whole document live here too: a possessive that is part of a
body's name is given back ("Moody's"), and so is an initial the model left out ("E Hayot").
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from tasks.nlp.gazetteer import Gazetteer
from tasks.nlp.tokens import in_word_hyphen

SPLIT_PUNCT = {",", ":", ";", "(", ")", "[", "]", '"', "“", "”", "--", "—", "–", "/", "|", "+"}
STRIP_LEAD = {"the", "The", "THE", "a", "an", "A", "An", "'s", "'", "-", ".", "’s", "’"}
STRIP_TRAIL = {"'s", "'", "’s", "’", "-", ".", "'S"}
POSSESSIVE = {"'s", "’s"}  # "Norway 's Yara ASA": a known place's possessive ends a name
EDGE_CONNECTORS = {"of", "and", "&", "for", "the"}
PERSON_SUFFIX_TITLES = {"MP", "MEP", "QC", "MSP", "AM", "TD"}
NUMBERED_NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}  # names whose trailing numbers are scores
NAME_TITLES = frozenset({"king", "queen", "prince", "princess", "pope"})  # part of the name they open ("King Arthur")
TITLED_LABELS = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}  # labels a person's title before the name overrides
MAX_TITLED_NAME = 3  # name words after a title ("Cormac Murphy-O'Connor" is two)
OPENER_POS = {"ADP", "VERB", "ADV", "ADJ", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"}
MONTH_BEFORE = frozenset({"in", "since", "until", "till", "by", "during", "from", "last", "next", "early", "late", "mid",
                          "before", "after", "through", "this", "of", "to", "between", "and"})
NUMERIC_TOKEN = re.compile(r"^[+\-]?[\d][\d.,\-/:]*(st|nd|rd|th)?$")


def clean(span: Span, gaz: Gazetteer, sports: bool = False) -> list[Span]:
    """The cleaned pieces of one model (or rule) span; a leading demonym or group word before a
    person's name becomes a NORP span of its own ("Australian Rodney Eyles", "Tory Liam Fox").

    A piece that changes the label (a PERSON ending in a number is an ORG, a place that looks
    like a given name and a surname is a PERSON) hands that label on to the pieces after it."""
    out: list[Span] = []
    label = span.label_
    for s, e in _pieces(span, gaz):
        if s > span.start and _opens_a_person(span.doc, s, span.end, gaz):
            label = "PERSON"  # "the Foreign Policy Centre Mr Straw": a person named after the body
        spans, label = _clean_piece(span.doc, s, e, label, gaz, sports)
        out.extend(spans)
    return out


def _pieces(span: Span, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Token ranges of the span between its breaks: split punctuation, a spaced dash, a line break,
    a free-standing lower-case word that is no name connector, hyphenated ones kept whole included
    ("Leinster fly-half Contepomi"; not in a NORP span, and not inside a hyphenated name such as
    "Ata-ur-Rehman"), the possessive of a known place ("Japan 's Omron Corp") and that of a body
    before a person's name ("Munster's Ann Cole", `_person_after_possessive`; not in an event's
    name: "New Year's Eve Ball"); an honorific inside the span, followed by a name that ends the
    span, opens a piece of its own ("Foreign Policy Centre | Mr Straw"; not "Notre Dame University")."""
    doc, label = span.doc, span.label_
    pieces, cur = [], []
    for tok in span:
        t = tok.text
        spaced = tok.i > 0 and bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
        brk = (t in SPLIT_PUNCT or "\n" in t
               or (t in {"-", "–"} and spaced)
               or (t in POSSESSIVE and cur and (_known_place(doc, cur[0], tok.i, gaz)
                                                or (label != "EVENT" and _person_after_possessive(doc, tok.i, span.end, gaz))))
               or (t.replace("-", "").isalpha() and t.islower() and t not in gaz.connectors and label != "NORP" and spaced))
        if cur and (_opens_a_person(doc, tok.i, span.end, gaz) or _person_after_known_name(doc, cur, tok.i, span.end, gaz)):
            pieces.append(cur)  # an honorific and a name end the span: a person named after another name
            cur = [tok.i]
            continue
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
    return [(p[0], p[-1] + 1) for p in pieces]


def _opens_a_person(doc: Doc, i: int, end: int, gaz: Gazetteer) -> bool:
    """An honorific at token i followed by a name of one to three words that ends at `end`
    ("Mr Straw" closing "Foreign Policy Centre Mr Straw"; not "Dame University")."""
    return doc[i].text in gaz.honorifics and 1 <= end - i - 1 <= 3 and shaped_like_a_name(doc, i + 1, end, gaz)


def _person_after_known_name(doc: Doc, before: list[int], i: int, end: int, gaz: Gazetteer) -> bool:
    """A listed given name at token i, with one or two more name words ending the span at `end`,
    right after words that are a known name by themselves (a party, a country, a place, an
    organisation of the gazetteer): "the Lib Dems David Laws" is two names, the party's and the
    person's."""
    if doc[i].lower_ not in gaz.first_names or not 1 <= end - i - 1 <= 2 or not shaped_like_a_name(doc, i, end, gaz):
        return False
    words = [doc[k].text for k in before if doc[k].lower_ != "the"]
    known = " ".join(words)
    low = known.lower()
    return bool(words) and (low in gaz.party_of or low in gaz.country_of or known in gaz.places or known in gaz.orgs)


def _person_after_possessive(doc: Doc, i: int, end: int, gaz: Gazetteer) -> bool:
    """The possessive at token i is followed by a listed given name and a surname (two or three
    name words, `looks_like_person`) that end the span at `end`: "Munster's Ann Cole", "Twitter's
    Tom Reid" name a body and a person of it, not one body (not "New Year's Eve": one word after it)."""
    return looks_like_person(doc, i + 1, end, gaz)


def person_title(t: Token, gaz: Gazetteer) -> bool:
    """A title or job in lower case that only a person holds (`entity_title_words.txt`; not "rival",
    `| body`) and that is no organisation noun."""
    return t.is_lower and t.text in gaz.titles and t.text not in gaz.body_titles and t.text not in gaz.org_nouns


def opening_org_noun(t: Token, gaz: Gazetteer) -> bool:
    """An organisation noun capitalised where it opens a sentence ("Bookmaker ..."), not one that is
    also a person's job ("Producer ...", `| person` in entity_org_nouns.txt)."""
    return bool(t.is_sent_start) and t.is_title and t.lower_ in gaz.org_nouns and t.lower_ not in gaz.job_org_nouns


def _org_noun_opening(doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
    """A sentence opening with an organisation noun, capitalised there, before a name the document
    also gives without it ("Bookmaker Ann Cole has ... Ann Cole said"; not "Network Rail", whose
    second word never stands alone; not a noun that is also a job: "Producer Ann Cole"; not one that
    ends or opens names, `entity_org_heads.txt`: "Group Norvida ... Norvida said")."""
    if e - s < 2 or not opening_org_noun(doc[s], gaz) or not doc[s + 1].is_title or doc[s].text in gaz.org_heads:
        return False
    rest, whole = doc[s + 1:e].text, doc[s:e].text
    return _times_written(doc.text, rest) > _times_written(doc.text, whole)


def _times_written(text: str, words: str) -> int:
    """How often `words` stand in `text` as whole words ("Rail" is not in "Railtrack")."""
    return len(re.findall(rf"(?<!\w){re.escape(words)}(?!\w)", text))


def _known_place(doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
    text = doc[s:e].text
    return text.lower() in gaz.country_of or text in gaz.places


def _clean_piece(doc: Doc, s: int, e: int, label: str, gaz: Gazetteer, sports: bool) -> tuple[list[Span], str]:
    """The spans of one piece (none, the name, or a demonym and the name) and the label it ended with."""
    out = []
    if _org_noun_opening(doc, s, e, gaz):
        s += 1  # "Bookmaker Ann Cole has stopped ...": the noun says what the name is and is no part of it
    if label in GIVEN_NAME_MISREAD and given_name_norp(doc, s, e, gaz):
        e, label = e + 1, "PERSON"  # "Sergio Pizzorno", "Francesca Deakin": the model took the given name for a group or a body
    k = 2 if e - s > 3 and doc[s:s + 2].text.lower() in gaz.norp else 1  # "Lib Dem Norman Baker": a group of two words
    if label not in {"NORP", "EVENT", "LANGUAGE"} and e - s > k and (k == 2 or doc[s].lower_ in gaz.demonym_country or doc[s].lower_ in gaz.norp) \
            and doc[s + k].is_title and (label == "PERSON" or looks_like_person(doc, s + k, e, gaz)) \
            and not given_name_first(doc, s, e, label, gaz):
        out.append(Span(doc, s, s + k, label="NORP"))  # "Australian Rodney Eyles"
        s += k
    s, e = _trim_edges(doc, s, e, label, gaz, sports)
    if e <= s:
        return out, label
    named = _name_after_department(doc, s, e, gaz)
    if named is not None:  # "Secretary of Defense Leon Panetta": the department is a body, the rest the person
        out.append(Span(doc, s, named, label="ORG"))
        s, label = named, "PERSON"
    if label == "PERSON" and doc[e - 1].is_digit:
        label = "ORG"  # a person's name does not end in a number ("Nord Stream 2")
    if label != "PERSON" and e - s >= 3 and doc[e - 1].text in PERSON_SUFFIX_TITLES and looks_like_person(doc, s, e - 1, gaz):
        label = "PERSON"  # "Guy Mansfield QC", "Ann Cole MP" tagged an organisation: a person with letters after the name
    before_title, titled = label, None  # a title makes this piece a person, not the pieces after it ("Senator Ann Cole, Texas")
    if label in TITLED_LABELS or label == "PERSON":
        titled = _titled_name_start(doc, s, e, gaz, label == "PERSON")
        if titled is not None:
            s, label = titled, "PERSON"
    if label == "PERSON":
        s, e = _trim_person_titles(doc, s, e, gaz)
    if label in {"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"} and looks_like_person(doc, s, e, gaz):
        label = "PERSON"
        s, e = _trim_person_titles(doc, s, e, gaz)  # "Cardinal O'Connor" read as a body
    sp = Span(doc, s, e, label=_place_by_head(doc, s, e, label, gaz))
    if not _is_heading(sp, gaz):
        out.append(sp)
    return out, before_title if titled is not None else label


def _titled_name_start(doc: Doc, s: int, e: int, gaz: Gazetteer, person: bool) -> int | None:
    """'Bishop Ann Cole', 'Cardinal Cormac Murphy-O'Connor' read as a body or a place: where a
    capitalised title that only a person holds (`entity_title_words.txt`, not `| body`, not a title
    that is part of the name such as "King") opens the span, or stands right before it with at most
    one untagged proper noun between ("Cardinal Cormac [Murphy-O'Connor]", also when the model
    tagged the surname a person), and one to three name words follow it to the span's end, the
    start of the person's name; else None."""
    for t in (s - 1, s - 2) if person else (s, s - 1, s - 2):
        if t < 0 or not _person_title(doc, t, gaz):
            continue
        if t < s and (doc[t].is_sent_start or _in_headline(doc[t:t + 1])) and doc[t + 1].lower_ not in gaz.first_names:
            return None  # "Judge Backs Quayline": a title-case headline or a sentence's first word tells little
        if t < s and (doc[t].ent_type_ or any(doc[k].ent_type_ or doc[k].pos_ != "PROPN" or not (doc[k].is_title and doc[k].is_alpha)
                                              or doc[k].text in gaz.honorifics or doc[k].lower_ in gaz.titles for k in range(t + 1, s))):
            return None
        words = _name_words(doc, t + 1, e, gaz)
        if t == s and (words < 2 or doc[t + 1].lower_ not in gaz.first_names):
            return None  # inside the model's span a listed given name must open the name ("Premier League" is a body)
        return t + 1 if words else None
    return None


def _name_after_department(doc: Doc, s: int, e: int, gaz: Gazetteer) -> int | None:
    """"Secretary of Defense Leon Panetta", "Minister of Energy Ann Cole" tagged as one name after
    "of": where a title and "of" stand before the span, its first words are a department the
    gazetteer lists (`entity_departments.txt`) and a listed given name opens a name of two or three
    capitalised words that ends it, the start of that name; else None ("President of Ralph Lauren
    Corp", "Chairman of Morgan Stanley Wealth" are no department)."""
    if s < 2 or doc[s - 1].lower_ != "of" or not _capitalised_title(doc[s - 2], gaz):
        return None
    for k in (e - 2, e - 3):
        if s < k and doc[s:k].text.lower() in gaz.departments and doc[k].lower_ in gaz.first_names \
                and all(t.text[:1].isupper() and t.is_alpha for t in doc[k:e]):
            return k
    return None


def _person_title(doc: Doc, t: int, gaz: Gazetteer) -> bool:
    low = doc[t].lower_
    return doc[t].is_title and low in gaz.titles and low not in gaz.body_titles and low not in NAME_TITLES \
        and low not in gaz.first_names and not (t + 1 < len(doc) and doc[t + 1].lower_ == "of")


def _name_words(doc: Doc, s: int, e: int, gaz: Gazetteer) -> int:
    """The number of name words from s to e (0: no name): one to MAX_TITLED_NAME capitalised words
    ("Murphy-O'Connor", hyphenated without spaces, is one), no stop word ("Doctor Who") or title,
    no known place, body or club, not ending in a place's, a body's or a law's head word."""
    words = 0
    for k in range(s, e):
        tok = doc[k]
        if tok.text == "-" and in_word_hyphen(tok):
            continue
        if not (tok.text[:1].isupper() and tok.text.replace("'", "").replace("’", "").isalpha() and not tok.is_upper) or tok.lower_ in STOP_WORDS \
                or tok.lower_ in gaz.titles:
            return 0
        words += k == s or not in_word_hyphen(doc[k - 1])
    last, text = doc[e - 1].text, doc[s:e].text
    named = 1 <= words <= MAX_TITLED_NAME and last not in gaz.place_heads and last not in gaz.org_heads and last not in gaz.law_heads \
        and text not in gaz.places and text not in gaz.orgs and text.lower() not in gaz.country_of and last not in gaz.club_suffixes
    return words if named else 0


def _place_by_head(doc: Doc, s: int, e: int, label: str, gaz: Gazetteer) -> str:
    """'Euston Station', 'Orange County' tagged ORG or PERSON: a name ending in a facility or place
    word is that kind of place (for this span only)."""
    if label in {"ORG", "PERSON"} and e - s >= 2 and doc[e - 1].text in gaz.facility_heads:
        return gaz.facility_heads[doc[e - 1].text]
    return label


def _trim_edges(doc: Doc, s: int, e: int, label: str, gaz: Gazetteer, sports: bool) -> tuple[int, int]:
    """Articles, possessives, connectors and punctuation at the edges, a leading "September",
    trailing scores and trailing ALL-CAPS heading words ("WORLD CUP QUALIFIER")."""
    while s < e and (doc[s].text in STRIP_LEAD or doc[s].text.lower() in EDGE_CONNECTORS
                     or (_sentence_opener(doc, s) and not given_name_first(doc, s, e, label, gaz))):
        s += 1
    while e - s > 1 and doc[s].text in gaz.strip_words and not (given_name_first(doc, s, e, label, gaz)
                                                              and not _month_context(doc, s)):
        s += 1  # "September Treasury"; not "April Jones"
    e = trim_numbers(doc, s, e, keep_one=label not in NUMBERED_NAMES or not sports)
    k = e
    while k - s > 1 and doc[k - 1].like_num:
        k -= 1
    if k - s > 1 and doc[k - 1].text in gaz.strip_words and (k < e or (e < len(doc) and doc[e].like_num)
                                                             or not (label == "PERSON" or looks_like_person(doc, s, k, gaz))):
        e = k - 1  # "Kyodo December 6": a date after the name; not the surname of "Christine May", "Theresa May"
    while e - s > 1 and doc[e - 1].is_upper and doc[e - 1].lower_ in gaz.not_names:
        e -= 1  # "WORLD CUP QUALIFIER", "MAJOR LEAGUE STANDINGS"
    while e > s and (doc[e - 1].text in STRIP_TRAIL or doc[e - 1].is_punct or doc[e - 1].text.lower() in EDGE_CONNECTORS):
        e -= 1
    return s, e


def _month_context(doc: Doc, i: int) -> bool:
    """The word at i follows a word that takes a month ("in May", "since April"): a date, not a given name."""
    return i > 0 and doc[i - 1].lower_ in MONTH_BEFORE


def _sentence_opener(doc: Doc, i: int) -> bool:
    """'Former', 'Under', 'Anticipating' opening a sentence: capitalised only because it comes first
    (an adposition, verb, adverb, adjective... as the parser tags it), not part of the name; not a
    name the tagger took for a modal ("May said", "Will has said": a modal takes no finite verb)."""
    return doc[i].is_sent_start and doc[i].pos_ in OPENER_POS and not doc[i].is_upper and not _modal_before_finite(doc[i])


def surnames_read_as_modals(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """"Brian May has said ... May said:", "Rex Early ... Early described it as": a word with no entity
    that is the surname of a person named in the article, read as a modal before a finite verb, as a
    proper noun subject of a verb, or as an adverb before a finite verb of saying, thinking or naming
    (`entity_self_report_verbs.txt`) that has no subject, is that person (not "Little changed")."""
    surnames = _surnames(ents)
    covered = {i for sp in ents for i in range(sp.start, sp.end)}
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.text in surnames and t.i not in covered and t.is_title and not _in_hyphenated_word(doc, t.i)
            and (_modal_before_finite(t) or (t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.head.pos_ == "VERB")
                 or _adverb_for_a_subject(t, gaz))]


def _adverb_for_a_subject(t: Token, gaz: Gazetteer) -> bool:
    """"Early described it as ...": a word read as an adverb right before a finite verb of saying,
    thinking or naming that the parse left with no subject (not one joined to another verb by "and"
    or "but", whose subject is that verb's)."""
    verb = t.head
    return t.dep_ == "advmod" and verb.i == t.i + 1 and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.lemma_ in gaz.self_report_verbs \
        and verb.dep_ != "conj" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def names_ending_in_a_possessive(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Moody's cut the rating ... Moody's analysts": a body the article never names without its
    possessive, and names at least once as a noun phrase of its own (`_ends_a_phrase`: not before
    a noun it owns), has the possessive in its name ("Moody's", "Claridge's"): every span so
    named gets its possessive. Only a body decides it: a person's or a place's possessive at a
    phrase's end stands for something of theirs ("than Ann Cole's")."""
    never_alone: dict[str, bool] = {}
    ends: set[str] = set()
    for sp in ents:
        if sp.label_ != "ORG" or sp.end >= len(doc) or doc[sp.end].text not in POSSESSIVE:
            continue
        if sp.text not in never_alone:
            never_alone[sp.text] = _always_possessive(doc, [t.text for t in sp])
        if sp.end + 1 == len(doc) or _ends_a_phrase(doc, sp.end + 1):
            ends.add(sp.text)
    keep = {t for t in ends if never_alone[t]}
    return [Span(doc, sp.start, sp.end + 1, label=sp.label_) for sp in ents
            if sp.text in keep and sp.end < len(doc) and doc[sp.end].text in POSSESSIVE]


def _always_possessive(doc: Doc, words: list[str]) -> bool:
    """Every time the document writes these words (tagged or not), a possessive follows them."""
    n = len(words)
    for t in doc:
        if t.text == words[0] and [w.text for w in doc[t.i:t.i + n]] == words \
                and (t.i + n >= len(doc) or doc[t.i + n].text not in POSSESSIVE):
            return False
    return True


PHRASE_END_PUNCT = frozenset({",", ".", ";", ":", "?", "!", ")"})  # (not a quotation mark or an opening bracket: "NBC's "Meet the Press"")


def _ends_a_phrase(doc: Doc, i: int) -> bool:
    """Token i, right after a possessive, shows the possessive ends its noun phrase: punctuation
    that closes a phrase, a line break, "and" or "or" not followed by another possessive within
    four words ("Acme's and Bolt's rivals" share the noun), or a finite verb ("Moody's said"); not
    a participle ("Acme's closing stores": "is" or "has"), nor a preposition ("Acme's in talks"
    may be "is")."""
    nxt = doc[i]
    if nxt.text in PHRASE_END_PUNCT or "\n" in nxt.text:
        return True
    if nxt.pos_ == "CCONJ":
        return not any(t.text in POSSESSIVE for t in doc[i + 1:i + 5])
    return nxt.pos_ in ("VERB", "AUX") and nxt.tag_ not in ("VBG", "VBN")


def initials_before_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """"R Kelly", "J Gardener (Leeds)": a person's one-word name the model tagged without the
    capital letter right before it, an initial written without a dot, is the initial and the name
    (not "A" or "I", which are words; not a letter inside an entity of its own, nor one after a
    capitalised word: "Mark K Fairweather" is a longer name than the initial makes)."""
    covered = {i for sp in ents for i in range(sp.start, sp.end)}
    out = []
    for sp in ents:
        if sp.label_ != "PERSON" or len(sp) != 1 or sp.start == 0 or not sp[0].text[:1].isupper() or sp[0].is_upper:
            continue
        letter = doc[sp.start - 1]
        if len(letter.text) == 1 and letter.is_upper and letter.text not in ("A", "I") and letter.i not in covered \
                and (letter.i == 0 or not doc[letter.i - 1].is_title or doc[letter.i - 1].is_sent_end):
            out.append(Span(doc, letter.i, sp.end, label="PERSON"))
    return out


def given_name_before_a_date_word(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """"Mike Friday's England side": a listed given name the model tagged as a person on its own,
    hanging as a compound on the proper noun after it, a weekday or month it tagged as a date, is
    one person with that surname (not a given name that is another person's surname: "Senator
    Warren Friday said")."""
    dates = {sp.start: sp for sp in doc.ents if sp.label_ == "DATE" and len(sp) == 1}
    surnames = _surnames(ents)
    out = []
    for sp in ents:
        if sp.label_ != "PERSON" or len(sp) != 1 or sp[0].lower_ not in gaz.first_names or sp.text in surnames:
            continue
        date = dates.get(sp.end)
        word = date[0] if date is not None else None
        if word is not None and word.is_title and word.is_alpha and word.tag_ == "NNP" \
                and sp[0].dep_ == "compound" and sp[0].head.i == word.i:
            out.append(Span(doc, sp.start, date.end, label="PERSON"))
    return out


def _surnames(ents: list[Span]) -> set[str]:
    """The last words of the person names of two words or more among `ents`."""
    return {sp[-1].text for sp in ents if sp.label_ == "PERSON" and len(sp) > 1}


def _in_hyphenated_word(doc: Doc, i: int) -> bool:
    """A piece of a hyphenated word ("Henin-Hardenne", "Spider-Man"): not a name of its own."""
    return (i > 0 and in_word_hyphen(doc[i - 1])) or (i + 1 < len(doc) and in_word_hyphen(doc[i + 1]))


def _modal_before_finite(tok: Token) -> bool:
    """A word tagged as a modal or auxiliary whose verb is finite ("May said", "Will has said"), or
    a participle right after it (the tagger's reading of "Will wrote"): no modal at all."""
    if tok.tag_ != "MD" and tok.pos_ != "AUX":
        return False
    verb = tok.head
    return verb.tag_ in ("VBD", "VBZ") or (verb.tag_ == "VBN" and ((verb.i == tok.i + 1 and verb.dep_ != "amod")
                                                                   or any(c.lower_ in ("has", "had") for c in verb.children)))


def _trim_person_titles(doc: Doc, s: int, e: int, gaz: Gazetteer) -> tuple[int, int]:
    """'Winger Nitoglia', 'Paul Boateng MP', 'Home Office Minister Lord Falconer', 'Green MEP Ann
    Cole', 'Labour MPs Ann Cole (and Tom Reid)': the title (capitalised, or an acronym, or either in
    the plural), and what comes before it, is not the name (a title word that is also a given name stays)."""
    last = e
    while last - s > 1 and doc[last - 1].lower_ in gaz.name_suffixes:
        last -= 1  # "Lee Majors Jr", "Martin Luther King Jr.": the word before a suffix is the surname
    for k in range(last - 2, s - 1, -1):
        if _capitalised_title(doc[k], gaz) and doc[k].lower_ not in gaz.first_names and not in_word_hyphen(doc[k + 1]):
            s = k + 1  # (not "Ann Majors-Lowe": a hyphen after the word makes it part of the name)
            break
    while e - s > 1 and doc[e - 1].text in PERSON_SUFFIX_TITLES:
        e -= 1
    return s, e


def _capitalised_title(tok: Token, gaz: Gazetteer) -> bool:
    """A title word written capitalised or as an acronym, singular or plural ("Senator",
    "Senators", "MP", "MPs", "Congressmen", "Deputies")."""
    low, text = tok.lower_, tok.text
    if (tok.is_title or tok.is_upper) and low in gaz.titles:
        return True
    if len(text) < 3 or not (text[:1].isupper() and (tok.is_title or text[:-1].isupper())):
        return False
    singular = low[:-3] + "man" if low.endswith("men") else low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else None
    return singular is not None and singular in gaz.titles


def _is_heading(sp: Span, gaz: Gazetteer) -> bool:
    """No capitalised letter, a word that is never a name, a sports heading, a table header ("W D L
    PCT"), a title's acronym alone ("MEP", "DJ"; a capitalised title alone may be a surname: "King"),
    or a person's title alone after "the", or in the headline unless the model read a person there
    ("the Cardinal": a description, not a name; "the Queen" is one; "Bishop warns" may be a surname),
    or a title after a group's or party's name only ("Roman Catholic Archbishop", "Labour MP")."""
    low = sp.text.lower()
    return (not any(c.isupper() for c in sp.text) or low in gaz.not_names or low in gaz.sports_headings
            or (len(sp) >= 2 and sp[-1].lower_ in gaz.titles and sp[-1].lower_ not in NAME_TITLES
                and not (len(sp) == 2 and sp[0].lower_ in gaz.first_names)  # (not "Christian Bishop", a given name and a surname)
                and (sp[:-1].text.lower() in gaz.norp or sp[:-1].text.lower() in gaz.party_of))
            or (len(sp) >= 3 and all(t.is_upper and len(t.text) <= 3 for t in sp))
            or (len(sp) == 1 and sp[0].is_upper and low in gaz.titles)
            or (len(sp) == 1 and low in gaz.titles and low not in gaz.body_titles and low not in NAME_TITLES
                and ((sp.label_ != "PERSON" and _in_headline(sp)) or (sp.start > 0 and sp.doc[sp.start - 1].lower_ == "the"))))


def _in_headline(sp: Span) -> bool:
    """The span starts on the document's first line."""
    return sp.start <= headline_end(sp.doc)


def headline_end(doc: Doc) -> int:
    """The index of the first line break's token (len(doc) with none): the headline ends there."""
    return next((t.i for t in doc if "\n" in t.text), len(doc))


def looks_like_person(doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
    """'Mihai Tararache', 'Marion Clignet': a given name and a surname, not a known place or body;
    or a name with a word like "N'Keal" or "D'Souza" (a capital, at most two letters, an apostrophe
    and a capital: a person's name far more often than a body's; not "L'Oreal")."""
    if not 2 <= e - s <= 3 or not (doc[s].lower_ in gaz.first_names or any(_APOSTROPHE_NAME.match(t.text) for t in doc[s:e])):
        return False
    return shaped_like_a_name(doc, s, e, gaz)


# "O'Neill", "N'Keal", "De'Vion", "D\u2019Souza"; not the French article of a brand or a paper ("L'Oreal", "L'Equipe")
_APOSTROPHE_NAME = re.compile(r"^(?!L['\u2019])[A-Z][a-z]{0,2}['\u2019][A-Z][a-z]+$")


def shaped_like_a_name(doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
    """Capitalised words that are no known place, body or club, nor end in a place's, a body's,
    a plan's or a club's head word ('Q Magazine', 'Halton Villa', 'Marshall Plan')."""
    toks = doc[s:e]
    if not all(t.is_title and (t.is_alpha or _APOSTROPHE_NAME.match(t.text)) for t in toks) or toks[-1].text in gaz.place_heads or toks[-1].text in gaz.org_heads \
            or toks[-1].text in gaz.law_heads:
        return False
    text = toks.text
    return text not in gaz.places and text not in gaz.orgs and text.lower() not in gaz.country_of and toks[-1].text not in gaz.club_suffixes


def trim_numbers(doc: Doc, s: int, e: int, keep_one: bool = True) -> int:
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


# ---- given names that are also words or nationalities ("Will Carter", "Saxon Spence") -----------------
def given_name_first(doc: Doc, s: int, e: int, label: str, gaz: Gazetteer) -> bool:
    """A listed given name that is also a word or a nationality ("Will", "Hope", "Saxon") opening a
    person's two- or three-word name: part of the name, not a sentence opener or a group word."""
    if not 2 <= e - s <= 3 or doc[s].lower_ not in gaz.first_names or not all(t.is_title for t in doc[s + 1:e]):
        return False
    return label == "PERSON" or looks_like_person(doc, s, e, gaz)


GIVEN_NAME_MISREAD = ("NORP", "ORG", "GPE")  # the labels the model gives a lone given name before an untagged surname


def given_name_norp(doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
    """'Sergio Pizzorno' read as a group word ("Sergio"), 'Francesca Deakin' as a body, and an
    untagged word: a one-word span that is a listed given name and no nationality, followed by an
    untagged capitalised name word."""
    if e - s != 1 or e >= len(doc) or doc[s].lower_ not in gaz.first_names or doc[s].lower_ in gaz.demonym_country:
        return False
    nxt = doc[e]
    return nxt.is_title and nxt.is_alpha and nxt.pos_ == "PROPN" and not nxt.ent_type_ and not nxt.is_sent_start
