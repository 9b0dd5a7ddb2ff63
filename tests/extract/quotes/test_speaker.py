"""Who the speaker is (speaker.py): names, pronouns, descriptions, and resolution in text order."""
from __future__ import annotations

from tasks.extract.entities.index import Entity, EntityIndex
from tasks.extract.quotes.marks import QuoteSpan
from tasks.extract.quotes.profiles import EntityProfiles, token_sentences
from tasks.extract.quotes.records import Attribution, Quote, Reported
from tasks.extract.quotes.speaker import Resolver, resolve_speakers

TEXT = ("Irish President Mary Byrne met harbourmaster Tom Reilly and the Harbour Gazette. "
        "Byrne praised the pier. Cole was not there. She said it was safe. "
        "The Irish leader said it was fine. The newspaper said it was late. Reilly, who built it, said nothing.")


def at(word: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(word, i + 1)
    return i, i + len(word)


def resolver(nlp) -> tuple[Resolver, dict[str, Entity]]:
    doc = nlp(TEXT)
    ents = [Entity("a:0", "Mary Byrne", "PERSON", role="Irish President", mentions=[at("Mary Byrne")]),
            Entity("a:1", "Tom Reilly", "PERSON", mentions=[at("Tom Reilly")]),
            Entity("a:2", "Harbour Gazette", "ORG", mentions=[at("Harbour Gazette")]),
            Entity("a:3", "Byrne", "PERSON", mentions=[at("Byrne", 1)]),
            Entity("a:4", "Ann Cole", "PERSON", mentions=[]),
            Entity("a:5", "Reilly", "PERSON", mentions=[at("Reilly", 1)])]
    profiles = EntityProfiles.build(doc, EntityIndex(article_id="a", entities=ents), token_sentences(doc))
    return Resolver(profiles), {e.entity_id: e for e in ents}


def head(r: Resolver, word: str, nth: int = 0):
    return [t for t in r.doc if t.text == word][nth]


def resolved(r: Resolver, words: str, head_word: str, nth: int = 0) -> tuple:
    s = TEXT.index(words, head(r, head_word, nth).idx - len(words) + len(head_word))
    res = r.resolve(s, s + len(words), head(r, head_word, nth))
    return res.entity.entity_id if res.entity else None, res.speaker, res.attribution


def test_names(nlp):
    r, _ = resolver(nlp)
    assert resolved(r, "Tom Reilly", "Reilly") == ("a:1", "Tom Reilly", "name")
    assert resolved(r, "Byrne", "Byrne", 1) == ("a:0", "Mary Byrne", "name")  # a surname comes under the fuller name
    assert resolved(r, "Cole", "Cole") == ("a:4", "Ann Cole", "name")  # a surname the entity extractor did not tag


def test_pronouns(nlp):
    r, _ = resolver(nlp)
    assert resolved(r, "She", "She") == ("a:0", "Mary Byrne", "pronoun")  # the previous sentences' subject
    assert resolved(r, "who", "who") == ("a:1", "Tom Reilly", "pronoun")  # the noun the relative clause hangs on


def test_descriptions(nlp):
    r, _ = resolver(nlp)
    assert resolved(r, "The Irish leader", "leader") == ("a:0", "Mary Byrne", "description")
    assert resolved(r, "The newspaper", "newspaper") == ("a:2", "Harbour Gazette", "description")
    assert resolved(r, "the pier", "pier") == (None, "the pier", "description")  # no entity: the describing words


def test_resolution_in_text_order(nlp):
    """A resolved speaker becomes an antecedent for later pronouns; a carried quote takes the
    speaker of its source; quotes with no speaker words and dropped quotes get none."""
    r, _ = resolver(nlp)
    cole = Attribution(speaker_start=at("Cole")[0], speaker_end=at("Cole")[1], head=head(r, "Cole"), how="after")
    she = Attribution(speaker_start=at("She")[0], speaker_end=at("She")[1], head=head(r, "She"), how="after")
    quotes = [Quote(span=QuoteSpan(0, 1, 0, 1, 0), kind="full", att=cole),
              Quote(span=QuoteSpan(0, 1, at("She")[0], at("She")[0] + 1, 0), kind="full", att=she),
              Quote(span=QuoteSpan(0, 1, at("leader")[0], at("leader")[1], 0), kind="full",
                    att=Attribution(cue=None, speaker_start=cole.speaker_start, speaker_end=cole.speaker_end, head=cole.head,
                                    how="carried", source=0)),
              Quote(span=QuoteSpan(0, 1, at("newspaper")[0], at("newspaper")[1], 0), kind="full", att=None),
              Quote(span=QuoteSpan(0, 1, at("built")[0], at("built")[1], 0), kind="full", att=cole, kept=False)]
    said = Reported(start=at("it was safe")[0], end=at("it was safe")[1], att=she)
    resolve_speakers(r, quotes, [said])
    assert [(q.resolution.speaker, q.resolution.attribution, q.resolution.kind) if q.resolution else None for q in quotes] == [
        ("Ann Cole", "name", "person"), ("Ann Cole", "pronoun", "person"), ("Ann Cole", "name", "person"), None, None]
    assert quotes[2].resolution is quotes[0].resolution  # a carried quote has its source's speaker
    assert (said.resolution.speaker, said.resolution.attribution) == ("Ann Cole", "pronoun")


def test_two_full_names_are_one_person_only_when_nothing_tells_them_apart(nlp):
    r, _ = resolver(nlp)
    one = r._one_person
    assert one(Entity("b:0", "Peter Halvorsen", "PERSON"), Entity("b:1", "Pete Halvorsen", "PERSON"))
    assert not one(Entity("b:0", "Magnus Brekke", "PERSON"), Entity("b:1", "Magnus Brekke Jr", "PERSON"))  # father and son
    assert not one(Entity("b:0", "Anna Brekke", "PERSON"), Entity("b:1", "Oskar Brekke", "PERSON"))
