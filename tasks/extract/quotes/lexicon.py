"""The word lists of quotation extraction, loaded once from the data files beside this module:
reporting verbs and nouns (cues), verbs that relay another's words, title words, and the words
that describe a speaker. Also the one test of whether a token is a reporting verb.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tasks.common.datafiles import DataFiles

DATA = DataFiles.beside(__file__)


@dataclass(frozen=True)
class CueWords:
    verbs: frozenset  # every reporting-verb lemma (data/quote_cue_verbs.txt)
    speech: frozenset  # verbs that also introduce indirect speech ("Putin said Moscow ...")
    naming: frozenset  # verbs that only name a quoted fragment ("called it 'a disgrace'"), never speech
    inference: frozenset  # verbs that may state the writer's inference from a thing ("..., which suggests")
    terms: frozenset  # naming verbs that only give a thing its name ("it is called "podcasting"")
    address: frozenset  # verbs of addressing someone, whose passive subject heard the words ("was asked")
    object_sense: frozenset  # verbs that report nothing with a noun object ("claimed the title")
    phrasal: dict[str, tuple[frozenset, ...]]  # lemma -> word sets; speech when all words of one set hang on it
    nouns: frozenset  # nouns of saying ("claim", "statement")
    relay: frozenset  # verbs passing on another's words ("quoted Mr Tan as saying")
    usage: frozenset  # verbs of using a word in marks ("used the phrase "..."")
    witness: frozenset  # verbs of showing or hearing someone speak ("the film showed Cole telling ..."): the object speaks
    causative: frozenset  # verbs of making someone do something ("prompted the minister to say"): the object speaks


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    verbs, speech, naming, inference, terms, address, object_sense = set(), set(), set(), set(), set(), set(), set()
    for line in DATA.lines("quote_cue_verbs.txt"):
        lemma, *tags = line.lower().split()
        verbs.add(lemma)
        if "speech" in tags:
            speech.add(lemma)
        if "naming" in tags:
            naming.add(lemma)
        if "inference" in tags:
            inference.add(lemma)
        if "term" in tags:
            terms.add(lemma)
        if "address" in tags:
            address.add(lemma)
        if "object" in tags:
            object_sense.add(lemma)
    phrasal: dict[str, list] = {}
    for line in DATA.lines("quote_cue_phrasal.txt"):
        lemma, *words = line.lower().split()
        phrasal.setdefault(lemma, []).append(frozenset(words))
    return CueWords(verbs=frozenset(verbs), speech=frozenset(speech), naming=frozenset(naming - speech), inference=frozenset(inference),
                    terms=frozenset(terms), address=frozenset(address), object_sense=frozenset(object_sense),
                    phrasal={k: tuple(v) for k, v in phrasal.items()},
                    nouns=frozenset(w.lower() for w in DATA.lines("quote_cue_nouns.txt")),
                    relay=frozenset(w.lower() for w in DATA.lines("quote_relay_verbs.txt")),
                    usage=frozenset(w.lower() for w in DATA.lines("quote_usage_verbs.txt")),
                    witness=frozenset(w.lower() for w in DATA.lines("quote_witness_verbs.txt")),
                    causative=frozenset(w.lower() for w in DATA.lines("quote_causative_verbs.txt")))


@dataclass(frozen=True)
class TitleWords:
    all: frozenset  # words before a mark that announce a title-cased title ("the book", "known as")
    strong: frozenset  # words that announce a title whatever its case ("titled")
    terms: frozenset  # words that, after a determiner, announce a term talked about ("the term")


@lru_cache(maxsize=1)
def title_words() -> TitleWords:
    allw, strong, terms = set(), set(), set()
    for line in DATA.lines("quote_title_words.txt"):
        word, *tags = line.lower().split()
        allw.add(word)
        if "strong" in tags:
            strong.add(word)
        if "term" in tags:
            terms.add(word)
    return TitleWords(all=frozenset(allw), strong=frozenset(strong), terms=frozenset(terms))


@dataclass(frozen=True)
class SpeakerWords:
    pronouns: dict  # subject pronoun -> {"gender": m/f/None, "labels": [entity labels]}
    honorifics: dict  # "mr" -> "m"
    male: frozenset  # first names
    female: frozenset
    name_genders: dict  # given name -> "m" or "f", from nomquamgender's data (`name_genders.py`): a weaker hint
    nationality: dict  # nationality adjective or country alias -> country
    person_nouns: frozenset  # head nouns of descriptions of people ("leader")
    org_nouns: dict  # head noun of an organisation description -> words its name may hold
    synonyms: dict  # description word -> role words it also matches
    abbreviations: dict  # title abbreviation -> the word it stands for
    generic: frozenset  # words that say nothing about who is meant
    states: frozenset  # organisation head nouns that may also name a country ("the government")
    epithets: frozenset  # head nouns for the person in focus ("the singer"), resolved like pronouns
    person_nouns_wordnet: frozenset  # nouns whose first WordNet sense is a person (`person_nouns.py`): role nouns past the hand lists ("the astronaut")
    utterances: dict  # noun for what someone said or wrote -> "org" | "any" | "maker": whose it is when no maker is named ("maker": no one)
    made_by: dict  # utterance noun -> verbs whose subject makes one ("sue" for "lawsuit")
    kin: frozenset  # nouns of family ("mother"): "X's mother" is the person of X's surname the article describes so
    gender: dict  # head noun of an unnamed speaker -> m / f
    groups: frozenset  # singular head nouns that name a group
    anonymous: frozenset  # role nouns for people the article does not name ("the spokesman"): never the person in focus
    untelling_verbs: frozenset  # verbs of a clause on an unnamed speaker that tells no one apart (`subjects._telling_clause`)
    naming_clause_verbs: frozenset  # participles that give an unnamed speaker's name ("a woman named Ann Cole")
    parts_of_texts: frozenset  # utterance nouns for a part of a text ("an excerpt of the report": the report's)
    seats: frozenset  # places named for the body that sits there ("Downing Street"), as their entities are named
    focus_orgs: frozenset  # organisation head nouns for the organisation in focus when no name fits ("the company")
    offices: frozenset  # words of a description of an office's one holder ("the prime minister"): the person in focus only when they spoke last and have no other role
    ranks: frozenset  # words that make another office of a role ("shadow home secretary" is not "the home secretary")
    parts: frozenset  # organisation head nouns for a part of the body named in them ("the Delta subsidiary" is not Delta)
    speaks_for: frozenset  # someone who speaks for a body ("a spokesman"): written alone, the body in focus is added
    governing: frozenset  # a body's governing board ("the board"): it speaks as the body it governs
    members_of: dict  # plural noun for members of a parliament ("mps") -> head words of the bodies they sit on ("committee")
    kinds: frozenset  # kinds of body whose names end in the word ("festival"): "the festival" is the one so named
    named_by_remit: frozenset  # bodies often named in lower case by their remit ("the home affairs committee"): "the committee" is the one so named
    run_in: frozenset  # what a paper writes itself: "a review in the Harbour Times" is the paper's
    sent_by: frozenset  # verbs of sending or signing: their agent made the utterance ("an email sent by Ann Lee"), their subjects together made their object
    venues: frozenset  # where someone publishes their own words ("website"): "a statement on her website" is hers
    first_person: frozenset  # words of a quotation in the first person ("I", "we", "I'm")
    questions: dict  # verb of asking someone -> the preposition taking the one asked ("put" -> "to"; "" for the object)
    replies: frozenset  # verbs of answering what another said ("but Tom Reilly rejected her claims")
    reactions: frozenset  # verbs of reacting to something said or written ("The report was welcomed by ...")
    clause_joiners: frozenset  # words opening a clause after a noun ("but", "and"): see profiles.verb_of_misread_subject


@lru_cache(maxsize=1)
def speaker_words() -> SpeakerWords:
    desc = DATA.json("speaker_descriptions.json")
    return SpeakerWords(
        pronouns=DATA.entries("speaker_pronouns.json"),
        honorifics=DATA.entries("speaker_honorifics.json"),
        male=frozenset(n.lower() for n in DATA.lines("speaker_names_male.txt")),
        female=frozenset(n.lower() for n in DATA.lines("speaker_names_female.txt")),
        name_genders=dict(line.split() for line in DATA.lines("speaker_names_genders.txt")),
        nationality=dict(DATA.json("speaker_nationalities.json")["map"]),
        person_nouns=frozenset(desc["person"]),
        person_nouns_wordnet=frozenset(DATA.lines("speaker_person_nouns_wordnet.txt")),
        org_nouns=dict(desc["org"]),
        synonyms=dict(desc["synonyms"]),
        abbreviations=dict(desc["abbreviations"]),
        generic=frozenset(desc["generic"]),
        states=frozenset(desc["states"]),
        epithets=frozenset(desc["epithets"]),
        utterances=dict(desc["utterances"]),
        made_by={k: frozenset(v) for k, v in desc["made_by"].items()},
        kin=frozenset(desc["kin"]),
        gender=dict(desc["gender"]),
        groups=frozenset(desc["groups"]),
        anonymous=frozenset(desc["anonymous"]),
        untelling_verbs=frozenset(desc["untelling_verbs"]),
        naming_clause_verbs=frozenset(desc["naming_clause_verbs"]),
        parts_of_texts=frozenset(desc["parts_of_texts"]),
        seats=frozenset(desc["seats"]),
        offices=frozenset(desc["offices"]),
        ranks=frozenset(desc["ranks"]),
        focus_orgs=frozenset(desc["focus_orgs"]),
        parts=frozenset(desc["parts"]),
        speaks_for=frozenset(desc["speaks_for"]),
        kinds=frozenset(desc["kinds"]),
        named_by_remit=frozenset(desc["named_by_remit"]),
        run_in=frozenset(desc["run_in"]),
        sent_by=frozenset(desc["sent_by"]),
        venues=frozenset(desc["venues"]),
        governing=frozenset(desc["governing"]),
        members_of={k: frozenset(v) for k, v in desc["members_of"].items()},
        first_person=frozenset(DATA.lines("quote_first_person.txt")),
        questions={words[0].lower(): " ".join(words[1:]).lower() for words in map(str.split, DATA.lines("speaker_question_verbs.txt"))},
        replies=frozenset(w.lower() for w in DATA.lines("speaker_reply_verbs.txt")),
        reactions=frozenset(w.lower() for w in DATA.lines("speaker_reaction_verbs.txt")),
        clause_joiners=frozenset(DATA.lines("quote_clause_joiners.txt")),
    )


def is_utterance(t: Token) -> bool:
    """A noun for something said or written ("statement", "story", "report")."""
    return t.pos_ == "NOUN" and (t.lemma_.lower() in speaker_words().utterances or t.lower_ in speaker_words().utterances)


def is_cue(t: Token) -> bool:
    """A reporting verb: a cue lemma tagged as a verb; a phrasal cue only with its particle or
    object ("went on", "shot back", "as a memo put it"); "tweeted"/"wrote", and a cue with a subject,
    even when the tagger took them for nouns ("Trump tweeted", `"...," a statement read`); not a
    participle describing a state ("looked assured")."""
    cues = cue_words()
    lemma = t.lemma_.lower()
    need = cues.phrasal.get(lemma)
    if need is not None:
        kids = {c.lower_ for c in t.children}
        return t.pos_ == "VERB" and any(words <= kids for words in need)
    if lemma in cues.object_sense and _takes_a_thing(t):
        return False  # "after claiming two away wins", "added a second goal": no one's words
    if t.dep_ == "acomp" and t.tag_ == "VBN":
        return False  # "he looked assured", "she seemed convinced": a state the verb before describes, no words
    if t.pos_ == "NOUN":  # a verb the tagger took for a noun: "Trump tweeted", `"...," a statement read`
        return t.lower_ in ("tweeted", "wrote") or (lemma in cues.verbs and any(c.dep_ == "nsubj" for c in t.children))
    return t.pos_ in ("VERB", "AUX") and lemma in cues.verbs


def _takes_a_thing(verb: Token) -> bool:
    """The verb's object is a noun or a number, outside quotation marks, and no clause follows it."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return False
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "dobj" and (c.pos_ in ("NOUN", "PROPN", "NUM") or c.like_num) and not is_utterance(c):
            span = doc[max(c.left_edge.i - 1, 0):min(c.right_edge.i + 2, len(doc))]
            return not any(tok.is_quote for tok in span)
    return False


def is_past_tense_cue(word: str) -> bool:
    """`said`, `stated`, `continued`, `replied`: the past tense of a reporting verb, by its
    spelling alone (for a capitalised cue the tagger took for a name: "Stated Stone:")."""
    w = word.lower()
    verbs = cue_words().verbs
    return w == "said" or (w.endswith("ed") and (w[:-2] in verbs or w[:-1] in verbs)) \
        or (w.endswith("ied") and w[:-3] + "y" in verbs)
