"""The canonical name and label of an entity: decided here, and only here.

  * name: a country takes its common English short name from the gazetteer ("UK", "Britain"
    -> "United Kingdom"); any other entity the fullest name the article uses (most words, then
    not ALL CAPS, then longest, then first), with an ALL-CAPS known place in Title Case
    ("BUCHAREST" in a dateline -> "Bucharest"); a peer the article names by title, surname and
    place only, as the peerage names them ("Lord Faulkner of Worcester" -> "Faulkner of Worcester");
    a royal or a pope named by one name after their title, with the title ("Prince Charles");
  * label: a country is a GPE; a group joined by a person's surname is a PERSON, one joined by
    a company's short name an ORG, one joined by the acronym it defines in brackets keeps the
    label of its own name ("Asset Purchase Programme ( APP )"); otherwise the mentions vote (a name of several words counts
    twice; the headline's not when the body tags a full name as a person) and a tie goes to the earliest mention's label.
"""
from __future__ import annotations

from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from tasks.common.datafiles import DataFiles
from tasks.extract.entities.mentions import Mention, MentionGroup
from tasks.nlp.gazetteer import Gazetteer

TITLED_NAMES = frozenset(DataFiles.beside(__file__).lines("entity_titled_names.txt"))  # "Dr Dre": the honorific is the name's
PEER_TITLES = frozenset(DataFiles.beside(__file__).lines("entity_peer_titles.txt"))  # "Lord X of Y": named "X of Y"
REGNAL_TITLES = frozenset(DataFiles.beside(__file__).lines("entity_regnal_titles.txt"))  # "Prince Charles": the title is the name's

COUNTRY_LABELS = {"GPE", "LOC", "ORG", "PERSON", "NORP"}  # labels under which a country name is the country


def country_named(m: Mention, key: str, gaz: Gazetteer) -> str | None:
    """The canonical name of the country a mention (with words `key`, lower case) names, if any;
    a demonym tagged NORP names a group, not the country ("British"); an abbreviation that is also
    a word names it only in capitals ("US"; not "Us")."""
    country = gaz.country_of.get(key) if m.label in COUNTRY_LABELS else None
    if country and m.label == "NORP" and key in gaz.demonym_country:
        return None
    if country and key in STOP_WORDS and not m.text.isupper():
        return None  # an abbreviation that is also a word, only in capitals: "US", not the "Us" of "Us magazine"
    return country


def label_votes(mentions: list[Mention]) -> Counter:
    """Each mention votes for its label: 2 for a name of several words, 1 for a single word. When
    the body tags a full name as a person, the headline does not vote: in a title-case line the
    model takes a person's name for an organisation ("Ravi Okoro Wins Golden Reel")."""
    votes: Counter = Counter()
    body = [m for m in mentions if not m.headline]
    voters = body if any(m.label == "PERSON" and m.n_tokens > 1 for m in body) else mentions
    for m in voters:
        votes[m.label] += 2 if m.n_tokens > 1 else 1
    return votes


def majority_label(mentions: list[Mention]) -> str:
    """The label with the most votes (the first voted for, on a tie)."""
    return label_votes(mentions).most_common(1)[0][0]


def canonical_label(g: MentionGroup) -> str:
    if g.country:
        return "GPE"
    if g.person:
        return "PERSON"
    if g.org:
        return "ORG"
    if g.spelt_out:
        return g.spelt_out
    votes = label_votes(g.mentions)
    top = max(votes.values())
    tied = [lab for lab, n in votes.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    for m in g.mentions:  # a tie: the first mention's label among the tied
        if m.label in tied:
            return m.label
    return tied[0]


def canonical_name(g: MentionGroup, gaz: Gazetteer, doc: Doc | None = None, label: str | None = None) -> str:
    if g.country:
        return g.country
    hon = gaz.honorifics  # "Prof Green" names fewer words than "Al Green"
    best = max(g.mentions, key=lambda m: (m.n_tokens - m.titled(hon), not m.titled(hon), not m.text.isupper(), len(m.text), -m.start))
    if doc is not None and label == "PERSON" and best.n_tokens - best.titled(hon) == 1:
        peer = peer_name(doc, g)
        if peer is not None:
            return peer
        title = regnal_title(doc, g)
        if title is not None and best.n_tokens == 1:
            return f"{title} {best.text}"  # "Prince Charles", "Pope Francis"
    if best.text.isupper() and best.text.title() in gaz.places:
        return best.text.title()  # "BUCHAREST" (a dateline) -> "Bucharest"
    if best.titled(hon) and best.text not in TITLED_NAMES:  # named only with an honorific ("Mr Hale"): the name,
        return best.text.split(None, 1)[1]  # so that "PERSON:hale" joins "PERSON:tom-hale" across articles
    return best.text


def regnal_title(doc: Doc, g: MentionGroup) -> str | None:
    """The title a royal or a pope is named by, written right before one of the group's mentions
    ("Prince Charles", "Pope Francis"; `entity_regnal_titles.txt`): the first one so written."""
    for m in sorted(g.mentions, key=lambda m: m.start):
        if m.start > 0 and doc[m.start - 1].text in REGNAL_TITLES:
            return doc[m.start - 1].text
    return None


def peer_name(doc: Doc, g: MentionGroup) -> str | None:
    """"Lord Faulkner of Worcester said ... Lord Faulkner added": a person named by a peer's title,
    a surname and "of" a place ("of Perry Barr"; not "of the House", nor a name of several words
    the model tags other than a place: "Lord Stevens of Scotland Yard") is "Faulkner of
    Worcester", the name the peerage gives; the first such naming decides."""
    for m in sorted(g.mentions, key=lambda m: m.start):
        first = m.start + (1 if m.n_tokens >= 2 and doc[m.start].text in PEER_TITLES else 0)
        titled = first > m.start or (m.start > 0 and doc[m.start - 1].text in PEER_TITLES)
        if not titled or m.end - first != 1 or m.end + 1 >= len(doc) or doc[m.end].lower_ != "of":
            continue
        place = [doc[m.end + 1]]
        if m.end + 2 < len(doc) and doc[m.end + 2].pos_ == "PROPN" and doc[m.end + 2].is_title:
            place.append(doc[m.end + 2])
        body = next((e for e in doc.ents if e.start <= place[0].i < e.end and len(e) > 1 and e.label_ != "GPE"), None)
        if body is None and all(t.pos_ == "PROPN" and t.is_title for t in place):  # (the model tags a small place as anything)
            return f"{doc[first].text} of {' '.join(t.text for t in place)}"
    return None
