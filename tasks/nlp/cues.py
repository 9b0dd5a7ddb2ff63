"""What the words around a name say about it, for the entity fixer.

  * a name right after a lower-case noun that describes an organisation (`entity_org_nouns.txt`:
    "drugmaker Pfizer", "German newspaper Bild") is an organisation, whatever the model said, and
    a capitalised run there that the model left untagged is one too;
  * a one-word name in capitals that the model calls a person ("JAXA", "KDCA") on a line that is
    not all capitals is an organisation's acronym;
  * an online platform named as the place where things are posted ("on Twitter", "a Facebook
    post") is a product;
  * a one-word "person" that heads a noun phrase after an article ("the Premiership", "the Bill",
    "an Oscar", "the Gunners") is no person: people's names take no article. A plural one is a
    team or a band (ORG); a singular one is dropped, its kind unknown. Not when a noun follows
    ("the Bush administration": the name of a person modifying a noun).
A name found to be an organisation is one wherever the document names it again ("Belaruskali said").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from tasks.nlp.gazetteer import Gazetteer

POSTED_ON = {"on", "via", "across", "onto", "to"}  # "posted on Twitter"
POSTS = {"post", "posts", "posting", "account", "accounts", "page", "pages", "video", "videos", "feed", "message", "messages",
         "user", "users", "livestream", "channel", "profile", "group", "groups", "live", "story", "stories", "app"}
RELABELLED = {"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}  # labels an organisation noun overrides
MAX_RUN = 4  # tokens of an untagged name after an organisation noun


def cue_labels(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans relabelled by their cues, and untagged names after an organisation noun added."""
    after = _after_org_nouns(doc, gaz)
    orgs = {sp.text for sp in ents if sp.label_ in RELABELLED and sp.start in after and sp.text.lower() not in gaz.country_of}
    orgs |= {sp.text for sp in ents if sp.label_ == "PERSON" and len(sp) == 1 and _acronym(doc, sp.start)}
    determined = {sp.text for sp in ents if sp.label_ == "PERSON" and len(sp) == 1 and _after_an_article(doc, sp)
                  and sp.text.lower() not in gaz.titles}  # "the Queen", "the Pope" are people
    determined -= {t.text for sp in ents if sp.label_ == "PERSON" and len(sp) > 1 for t in sp}  # "Bill Cole" ... "the Bill"
    out = [Span(doc, sp.start, sp.end, label="ORG") if sp.text in orgs and sp.label_ in RELABELLED
           else Span(doc, sp.start, sp.end, label="PRODUCT") if _platform(doc, sp, gaz) else sp for sp in ents]
    out = [sp for sp in (_no_person(sp) if sp.label_ == "PERSON" and len(sp) == 1 and sp.text in determined else sp
                         for sp in out) if sp is not None]
    taken = {i for sp in out for i in range(sp.start, sp.end)}
    for i in sorted(after - taken):
        t = doc[i]
        if not t.text[:1].isupper() or t.ent_type_ or t.is_sent_start:
            continue
        e = t.i
        while e < len(doc) and e - t.i < MAX_RUN and e not in taken and doc[e].text[:1].isupper() and not doc[e].is_punct \
                and doc[e].text.lower() not in gaz.titles:
            e += 1
        if e > t.i:
            out.append(Span(doc, t.i, e, label="ORG"))
    return out


def _after_org_nouns(doc: Doc, gaz: Gazetteer) -> set[int]:
    """The tokens right after an organisation noun in lower case ("drugmaker Pfizer")."""
    return {t.i + 1 for t in doc if t.text in gaz.org_nouns and t.whitespace_ and t.i + 1 < len(doc)}


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
