"""What the words around a name say about it, for the entity fixer.

  * a name right after a lower-case noun that describes an organisation (`entity_org_nouns.txt`:
    "drugmaker Pfizer", "German newspaper Bild") is an organisation, whatever the model said, and
    a capitalised run there that the model left untagged is one too (unless a preposition and a
    capital follow it: "group Human Rights in China" goes on); not a person's full name after
    a noun that is also a job ("film producer Ann Lee", "film-maker Ann Lee"). So is a name
    with such a noun in apposition ("Diageo, the world's biggest drinks company,"), and a name the
    model tagged after such a noun capitalised to open a sentence ("Bookmaker Ann Cole has ...");
  * a one-word name in capitals that the model calls a person ("JAXA", "KDCA") on a line that is
    not all capitals is an organisation's acronym;
  * an online platform named as the place where things are posted ("on Twitter", "a Facebook
    post") is a product;
  * a one-word "person" that heads a noun phrase after an article ("the Premiership", "the Bill",
    "an Oscar", "the Gunners") is no person: people's names take no article. A plural one is a
    team or a band (ORG); a singular one is dropped, its kind unknown. Not when a noun follows
    ("the Bush administration": the name of a person modifying a noun);
  * a listed given name or an initial and the surname of a person named in full ("D Hickie", read
    as a place, beside "Denis Hickie") is a person; so is a two-word name read as something else that
    ends in such a surname when the model tags its surname a person where it comes again ("Otis
    Ferry", read as a product, then "Otis" "Ferry", beside "Bryan Ferry");
  * a name read as a body or a place that says or thinks something of "he" or "she" ("Kerrigan
    admitted he was tired": `entity_self_report_verbs.txt`), says quoted words as one person
    ("Kerrigan said: "I am ready.""), has an age in apposition ("Kerrigan, 34,") or does something
    to "his" or "her" something ("Kerrigan raised her game") is a person.
A name found to be an organisation is one wherever the document names it again ("Belaruskali said").
Apart from the labels, `lower_case_committees` joins a chamber's or a body's name to the committee
of it written in lower case after it ("the Commons science and technology committee"): one body.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from tasks.nlp.entity_cleaning import opening_org_noun, person_title, shaped_like_a_name
from tasks.nlp.gazetteer import Gazetteer
from tasks.nlp.sentences import starts_paragraph
from tasks.nlp.tokens import in_word_hyphen

POSTED_ON = {"on", "via", "across", "onto", "to"}  # "posted on Twitter"
POSTS = {"post", "posts", "posting", "account", "accounts", "page", "pages", "video", "videos", "feed", "message", "messages",
         "user", "users", "livestream", "channel", "profile", "group", "groups", "live", "story", "stories", "app"}
RELABELLED = {"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}  # labels an organisation noun overrides
RELABELLED_AS_PEOPLE = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}  # labels a title before a name overrides
MAX_RUN = 4  # tokens of an untagged name after an organisation noun
CHAMBER_LABELS = {"ORG", "NORP", "GPE", "FAC"}  # what the model calls "Commons" or "Senate" before a committee's words
COMMITTEE_WORDS = 5  # lower-case words between a chamber's name and "committee", "committee" included
NAME_GOES_ON = {"in", "of", "for", "on", "at"}  # after an untagged run and before a capital: the name may go on


def cue_labels(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans relabelled by their cues, and untagged names after an organisation noun added."""
    ents = [_with_given_name_after_title(doc, sp, gaz) for sp in ents]
    after = _after_org_nouns(doc, gaz)
    named_after = after | _after_opening_org_nouns(doc, gaz)
    # an organisation noun makes a name an organisation's also where the model already said so, for the
    # other mentions it read as something else ("Danish drugmaker Norvida" ... "Norvida said", a person)
    orgs = {sp.text for sp in ents if (sp.label_ in RELABELLED or sp.label_ == "ORG") and sp.text.lower() not in gaz.country_of
            and ((sp.start in named_after and not _named_person_after_job(doc, sp, gaz)) or _org_apposition(sp, gaz))}
    orgs |= {sp.text for sp in ents if sp.label_ == "PERSON" and len(sp) == 1 and _acronym(doc, sp.start)}
    determined = {sp.text for sp in ents if sp.label_ == "PERSON" and len(sp) == 1 and _after_an_article(doc, sp)
                  and sp.text.lower() not in gaz.titles}  # "the Queen", "the Pope" are people
    determined -= {t.text for sp in ents if sp.label_ == "PERSON" and len(sp) > 1 for t in sp}  # "Bill Cole" ... "the Bill"
    person_at = {i for sp in ents if sp.label_ == "PERSON" for i in range(sp.start, sp.end)}
    people = {sp.text for sp in ents if sp.label_ in RELABELLED_AS_PEOPLE
              and (_name_after_title(doc, sp, gaz) or _shown_a_person(doc, sp, gaz, person_at))} - orgs
    out = [Span(doc, sp.start, sp.end, label="ORG") if sp.text in orgs and sp.label_ in RELABELLED
           else Span(doc, sp.start, sp.end, label="PERSON") if sp.text in people and sp.label_ in RELABELLED_AS_PEOPLE
           else Span(doc, sp.start, sp.end, label="PRODUCT") if _platform(doc, sp, gaz) else sp for sp in ents]
    out = [sp for sp in (_no_person(sp) if sp.label_ == "PERSON" and len(sp) == 1 and sp.text in determined else sp
                         for sp in out) if sp is not None]
    out = _family_names(doc, out, gaz)
    taken = {i for sp in out for i in range(sp.start, sp.end)}
    for i in sorted(after - taken):
        t = doc[i]
        if not t.text[:1].isupper() or t.ent_type_ or t.is_sent_start:
            continue
        e = t.i
        while e < len(doc) and e - t.i < MAX_RUN and e not in taken and doc[e].text[:1].isupper() and not doc[e].is_punct \
                and doc[e].text.lower() not in gaz.titles:
            e += 1
        if e + 1 < len(doc) and doc[e].lower_ in NAME_GOES_ON and doc[e + 1].text[:1].isupper():
            continue  # "pressure group Human Rights in China": the name goes on past where a run can tell
        if e > t.i:
            out.append(Span(doc, t.i, e, label="ORG"))
    return out


def lower_case_committees(doc: Doc, ents: list[Span]) -> list[Span]:
    """"the Commons science and technology committee", "the Senate finance committee": a name after
    "the" followed by up to COMMITTEE_WORDS lower-case words that end in "committee" is, with them,
    the name of one body (ORG); the name alone would be taken for the whole house."""
    taken = {i for sp in ents for i in range(sp.start, sp.end)}
    out = []
    for sp in ents:
        end = _committee_end(doc, sp, taken) if sp.label_ in CHAMBER_LABELS and sp.start > 0 and doc[sp.start - 1].lower_ == "the" else None
        out.append(sp if end is None else Span(doc, sp.start, end, label="ORG"))
    return out


def _committee_end(doc: Doc, sp: Span, taken: set[int]) -> int | None:
    """The end of the lower-case words after sp that end in "committee", if they do (no other name among them)."""
    for j in range(sp.end, min(sp.end + COMMITTEE_WORDS, len(doc))):
        t = doc[j]
        if not (t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ", "CCONJ", "PROPN")) or j in taken:
            return None
        if t.lower_ == "committee":
            return j + 1 if j > sp.end else None
    return None


def _after_org_nouns(doc: Doc, gaz: Gazetteer) -> set[int]:
    """The tokens right after an organisation noun in lower case ("drugmaker Pfizer")."""
    return {t.i + 1 for t in doc if t.text in gaz.org_nouns and t.whitespace_ and t.i + 1 < len(doc)}


def _after_opening_org_nouns(doc: Doc, gaz: Gazetteer) -> set[int]:
    """The tokens right after an organisation noun capitalised where it opens a sentence ("Bookmaker
    Ann Cole has ..."), not one that is also a job ("Producer Ann Cole"). Only a name the model
    tagged there is an organisation's: an untagged word may go on the name ("Band Aid")."""
    return {t.i + 1 for t in doc if opening_org_noun(t, gaz) and t.whitespace_ and t.i + 1 < len(doc)}


def _named_person_after_job(doc: Doc, sp: Span, gaz: Gazetteer) -> bool:
    """"film producer Ann Lee", "film-maker Ann Lee": a name of two words or more the model calls a
    person, after an organisation noun that is also a person's job (`| person` in
    entity_org_nouns.txt) or after a noun hyphenated to the word before it ("film-maker",
    "documentary-maker": a person's trade; "car maker Aston Martin" is a firm)."""
    if sp.label_ != "PERSON" or len(sp) < 2:
        return False
    return doc[sp.start - 1].lower_ in gaz.job_org_nouns or (sp.start >= 2 and in_word_hyphen(doc[sp.start - 2]))


def _name_after_title(doc: Doc, sp: Span, gaz: Gazetteer) -> bool:
    """"France captain Fabien Pelous", "full-back Dusty Hare": a name of two or three capitalised
    words that is no known place, body or club, right after a title or job in lower case
    (`entity_title_words.txt`) that only a person holds (not "rival", "champion": `| body`) and is
    no organisation noun, is a person whatever the model said."""
    if not 2 <= len(sp) <= 3 or sp.start == 0:
        return False
    return person_title(doc[sp.start - 1], gaz) and shaped_like_a_name(doc, sp.start, sp.end, gaz) and sp.text not in gaz.clubs


DOUBLE_QUOTES = {'"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "``", "''"}  # (a lone apostrophe ends a plural's possessive)


def _shown_a_person(doc: Doc, sp: Span, gaz: Gazetteer, person_at: set[int]) -> bool:
    """A name of one to three capitalised words, no known place, body, club or party, no plural and
    with no article before it, is a person whatever the model said (a surname it had not seen, read
    as a body or a place) when an age stands in apposition after it ("Kerrigan, 34, won"), when its
    verb's object is "his" or "her" something ("Kerrigan raised her game": `_own_possessive`), or
    when it speaks as a person (`_speaks_as_a_person`)."""
    if not 1 <= len(sp) <= 3 or not shaped_like_a_name(doc, sp.start, sp.end, gaz) or sp.text in gaz.clubs \
            or sp.text.lower() in gaz.party_of or any(t.tag_ in ("NNS", "NNPS") for t in sp) \
            or (sp.start > 0 and doc[sp.start - 1].lower_ in ARTICLES):  # people's names take none ("the Treasury said she")
        return False
    return _aged(doc, sp) or _own_possessive(doc, sp, person_at) or _speaks_as_a_person(doc, sp, gaz)


def _own_possessive(doc: Doc, sp: Span, person_at: set[int]) -> bool:
    """"Kerrigan raised her game": the name is the subject of a verb whose direct object "his" or
    "her" owns, with no person (tokens `person_at`), "he", "she" or "him" between them (a body's
    is "its")."""
    if sp.root.dep_ != "nsubj":
        return False
    for obj in (c for c in sp.root.head.children if c.dep_ == "dobj"):
        poss = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if poss is not None and poss.i > sp.end \
                and not any(t.i in person_at or t.lower_ in ("he", "she", "him") for t in doc[sp.end:poss.i]):
            return True
    return False


def _aged(doc: Doc, sp: Span) -> bool:
    """"Kerrigan, 34, won": a number of two digits right after the name and its comma, then a comma,
    "and" or a full stop: an age (not after a preposition: "highest in Tameside, 45, and ...")."""
    e = sp.end
    return e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].text.isdigit() and len(doc[e + 1].text) == 2 \
        and doc[e + 2].text in (",", ".", "and") and sp.root.dep_ != "pobj"


def _speaks_as_a_person(doc: Doc, sp: Span, gaz: Gazetteer) -> bool:
    """"Kerrigan admitted he was tired", "Vance said: "I am ready."": the name, outside quotation
    marks, is the subject of a verb of saying or thinking (`entity_self_report_verbs.txt`), and the
    clause the verb reports has "he" or "she" for its subject after the name, outside quotation
    marks, or the quoted words the verb reports speak as one person (`entity_first_person.txt`:
    "I", "my")."""
    if sp.root.dep_ != "nsubj" or sp.root.head.lemma_ not in gaz.self_report_verbs:
        return False
    quoted = _quoted_in_sentence(doc, sp.sent)
    if sp.start in quoted:
        return False  # the name is itself quoted
    verb = sp.root.head
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for subj in (g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("he", "she")):
            if subj.i > sp.end and subj.i not in quoted:
                return True
    return any(doc[i].lower_ in gaz.first_person and doc[i].tag_ in ("PRP", "PRP$") and verb in doc[i].ancestors
               for i in quoted)


def _quoted_in_sentence(doc: Doc, sent: Span) -> set[int]:
    """The tokens of the sentence inside double quotation marks, the marks counted from the start of
    its paragraph (a quotation may hold several sentences)."""
    k = sent.start
    while not starts_paragraph(doc, k):
        k -= 1
    inside = sum(doc[i].text in DOUBLE_QUOTES for i in range(k, sent.start)) % 2 == 1
    quoted = set()
    for t in sent:
        if t.text in DOUBLE_QUOTES:
            inside = not inside
        elif inside:
            quoted.add(t.i)
    return quoted


def _with_given_name_after_title(doc: Doc, sp: Span, gaz: Gazetteer) -> Span:
    """"frontwoman Ana Matronic" (the model: "Matronic" a body): a one-word name right after an
    untagged listed given name that follows a title or job in lower case is the person's surname;
    the span from the given name on, as the model labelled it (`_name_after_title` makes it a
    person); else the span itself."""
    if len(sp) != 1 or sp.start < 2 or sp.label_ not in RELABELLED_AS_PEOPLE | {"PERSON"}:
        return sp
    given = doc[sp.start - 1]
    if given.ent_type_ or not given.is_title or not given.is_alpha or given.lower_ not in gaz.first_names:
        return sp
    return Span(doc, sp.start - 1, sp.end, label=sp.label_) if person_title(doc[sp.start - 2], gaz) else sp


def _org_apposition(sp: Span, gaz: Gazetteer) -> bool:
    """"Diageo, the world's biggest drinks company,": a name with an organisation noun in apposition
    right after its comma, opening with an article or a possessive (not "Ann Lee, metal group Vox
    and ...": a list; not "The Leeds, UK-based firm"), and not a noun that is also a person's job
    ("Lee, the film's producer")."""
    doc = sp.doc
    if sp.end + 1 >= len(doc) or doc[sp.end].text != ",":
        return False
    for c in sp.root.children:
        if c.dep_ != "appos" or c.text not in gaz.org_nouns or c.text in gaz.job_org_nouns or c.left_edge.i != sp.end + 1:
            continue
        first = doc[c.left_edge.i]
        if first.lower_ in ("the", "a", "an") or first.dep_ == "poss":
            return True
    return False


def _acronym(doc: Doc, i: int) -> bool:
    """An ALL-CAPS word of two letters or more on a line that also has lower-case words."""
    t = doc[i]
    if not (t.is_upper and t.is_alpha and len(t.text) >= 2):
        return False
    sent = t.sent
    return any(w.is_lower and w.is_alpha for w in sent)


def _platform(doc: Doc, sp: Span, gaz: Gazetteer) -> bool:
    """'on Twitter', 'a Facebook post': an online platform named as the place where things are posted."""
    if sp.text not in gaz.platforms:
        return False
    before = doc[sp.start - 1].lower_ if sp.start > 0 else ""
    after = doc[sp.end].lower_ if sp.end < len(doc) else ""
    return before in POSTED_ON or after in POSTS


ARTICLES = {"the", "The", "a", "an", "An"}  # not "A": in a team sheet it is an initial ("A Foley")


def _after_an_article(doc: Doc, sp: Span) -> bool:
    """A one-word name right after an article, heading its noun phrase (no noun after it)."""
    if sp.start == 0 or doc[sp.start - 1].text not in ARTICLES:
        return False
    if sp.end >= len(doc):
        return True
    nxt = doc[sp.end]
    return nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ not in ("and", "&")  # "the Rodgers and Hart songs"


def _no_person(sp: Span) -> Span | None:
    """A determined one-word "person": a team or band when plural ("the Gunners"), else dropped."""
    plural = sp.text.endswith("s") and not sp.text.endswith("ss") and sp[0].tag_ == "NNPS"
    return Span(sp.doc, sp.start, sp.end, label="ORG") if plural else None


def _family_names(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """People who share a surname with a person named in full ("Bryan Ferry"): an initial or a listed
    given name with it (`_relative`), and a two-word name read as something else ("Otis Ferry", a
    product) when the model tags its surname a person where it comes again ("Otis" "Ferry")."""
    full_names: dict[str, set[str]] = {}  # surname -> the full names the model tags a person
    for sp in ents:
        if sp.label_ == "PERSON" and len(sp) >= 2:
            full_names.setdefault(sp[-1].text, set()).add(sp.text)

    def kin(sp: Span) -> bool:  # another person named in full with this surname ("Bryan Ferry" for "Otis Ferry")
        return bool(full_names.get(sp[-1].text, set()) - {sp.text})

    out = [Span(doc, sp.start, sp.end, label="PERSON") if _relative(sp, kin, gaz) else sp for sp in ents]
    pairs = {sp.text for sp in out if len(sp) == 2 and (sp.label_ == "PERSON" or (sp.label_ in RELABELLED and kin(sp)))}
    taken = {i for sp in out for i in range(sp.start, sp.end)}
    out = [Span(doc, sp.start - 1, sp.end, label="PERSON") if sp.label_ == "PERSON" and len(sp) == 1 and sp.start > 0
           and sp.start - 1 not in taken and doc[sp.start - 1:sp.end].text in pairs else sp for sp in out]
    grown = {sp.text for sp in out if sp.label_ == "PERSON" and len(sp) == 2}
    return [Span(doc, sp.start, sp.end, label="PERSON") if sp.label_ in RELABELLED and sp.text in grown and kin(sp) else sp
            for sp in out]


def _relative(sp: Span, kin: Callable[[Span], bool], gaz: Gazetteer) -> bool:
    """"Lyle Brandt" or "L Brandt" (read as a product or a place) beside "singer Hugo Brandt": a
    listed given name or an initial with the surname of a person named in full in the document
    is a person too. (A given name the lists lack stays as the model read it: "Iron Man" beside
    "Ann Man" must not become a person.)"""
    if sp.label_ not in RELABELLED or sp.label_ == "PERSON" or len(sp) != 2 or not kin(sp) \
            or not sp[-1].is_title or sp.text in gaz.places or sp.text in gaz.orgs:
        return False
    first = sp[0].text
    return first.lower() in gaz.first_names or (len(first) == 1 and first.isupper())
