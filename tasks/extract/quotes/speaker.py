"""Speakers: from the words that name a speaker ("Wallace", "he", "the Russian leader") to
the canonical entity of the article's EntityIndex.

Three ways, tried in this order by `Resolver.resolve`:
  * name: the words overlap a named mention of an entity;
  * pronoun: the antecedent is the most prominent compatible referent of the previous
    sentences: a speaker of an earlier quotation or the subject of a sentence (not simply the
    nearest name: "In a press conference with President Duda, he said" is not Duda);
  * description: a definite description ("the Russian leader", "the UK defense minister",
    "the newspaper") matched through what the article says of each entity: its role
    (Entity.role), the words before and in apposition to its mentions, nationality adjectives
    mapped to countries, and the words of organisation names.

Word lists are data files (data/speaker_* beside this module).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from tasks.common.datafiles import DataFiles
from tasks.extract.entities.index import Entity, EntityIndex

DATA = DataFiles.beside(__file__)

SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SENTENCE_WINDOW = 8  # how many sentences back a pronoun may look for its antecedent
_WORD = re.compile(r"[\w][\w.'’-]*")


@dataclass(frozen=True)
class Lexicon:
    pronouns: dict
    honorifics: dict
    male: frozenset
    female: frozenset
    nationality: dict
    person_nouns: frozenset
    org_nouns: dict
    synonyms: dict
    abbreviations: dict
    generic: frozenset


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    desc = DATA.json("speaker_descriptions.json")
    return Lexicon(
        pronouns=DATA.entries("speaker_pronouns.json"),
        honorifics=DATA.entries("speaker_honorifics.json"),
        male=frozenset(n.lower() for n in DATA.lines("speaker_names_male.txt")),
        female=frozenset(n.lower() for n in DATA.lines("speaker_names_female.txt")),
        nationality=dict(DATA.json("speaker_nationalities.json")["map"]),
        person_nouns=frozenset(desc["person"]),
        org_nouns=dict(desc["org"]),
        synonyms=dict(desc["synonyms"]),
        abbreviations=dict(desc["abbreviations"]),
        generic=frozenset(desc["generic"]),
    )


NOT_SPEAKER_ENTS = ("DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL")


def cannot_speak(tok: Token) -> bool:
    """Subjects that are surely not a source: dates, times, amounts ("63 percent said" of a
    poll's respondents is a source)."""
    return tok.ent_type_ in NOT_SPEAKER_ENTS


def words_of(text: str) -> list[str]:
    """Lower-cased words, trailing dots of abbreviations dropped ("Sen." -> "sen")."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.rstrip(".")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w)
    return out


@dataclass
class Referent:
    """A place where an entity is prominent: a subject mention or a resolved speaker."""

    pos: int  # character offset
    sent: int  # sentence number (doc.sents order)
    entity: Entity
    subject: bool  # subject of its clause, or a speaker


@dataclass
class Resolution:
    entity: Entity | None
    speaker: str | None  # canonical name, or the describing words
    attribution: str  # name | pronoun | description | none


@dataclass
class Resolver:
    """Per-article speaker resolution over an EntityIndex and the parsed Doc."""

    doc: Doc
    ents: EntityIndex
    sent_of: list[int]  # token index -> sentence number
    text: str  # doc.text, built once (spaCy rebuilds it from the tokens on every access)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted by start
    starts: list[int] = field(default_factory=list)
    referents: list[Referent] = field(default_factory=list)  # sorted by pos
    ref_pos: list[int] = field(default_factory=list)
    gender: dict[str, str | None] = field(default_factory=dict)  # entity_id -> m/f/None
    profile: dict[str, set[str]] = field(default_factory=dict)  # entity_id -> description words
    first_pos: dict[str, int] = field(default_factory=dict)
    fuller: dict[str, Entity] = field(default_factory=dict)  # entity_id -> the fuller name it abbreviates

    @classmethod
    def build(cls, doc: Doc, ents: EntityIndex, sent_of: list[int]) -> "Resolver":
        r = cls(doc=doc, ents=ents, sent_of=sent_of, text=doc.text)
        for e in ents.entities:
            for s, t in e.mentions:
                r.mentions.append((s, t, e))
        r.mentions.sort(key=lambda m: (m[0], -m[1]))
        r.starts = [m[0] for m in r.mentions]
        r._fuller_names()
        r._profiles_and_subjects()
        return r

    def _fuller_names(self) -> None:
        """'Ms Hewitt' or 'Hewitt' left apart from 'Patricia Hewitt' by the entity extractor:
        a one-word person name (honorifics aside) that ends exactly one fuller person name."""
        lex = lexicon()
        by_last: dict[str, list[Entity]] = {}
        for e in self.ents.entities:
            ws = [w for w in words_of(e.name) if w not in lex.honorifics and w not in lex.abbreviations]
            if e.label == "PERSON" and len(ws) > 1:
                by_last.setdefault(ws[-1], []).append(e)
        for e in self.ents.entities:
            ws = [w for w in words_of(e.name) if w not in lex.honorifics and w not in lex.abbreviations]
            if e.label == "PERSON" and len(ws) == 1 and len(by_last.get(ws[0], [])) == 1:
                self.fuller[e.entity_id] = by_last[ws[0]][0]

    def canon(self, e: Entity | None) -> Entity | None:
        return self.fuller.get(e.entity_id, e) if e is not None else None

    # ---- lookups -------------------------------------------------------------------------
    def entity_at(self, start: int, end: int, prefer: int | None = None) -> Entity | None:
        """The speaker-like entity with a mention overlapping [start, end); the one covering
        character `prefer` (the head word) first."""
        i = bisect.bisect_right(self.starts, end - 1)
        best = None
        j = i - 1
        while j >= 0 and j >= i - 12:
            s, t, e = self.mentions[j]
            if s < end and t > start and e.label in SPEAKER_LABELS:
                if prefer is not None and s <= prefer < t:
                    return e
                if best is None or (best.label != "PERSON" and e.label == "PERSON"):
                    best = e
            j -= 1
        return best

    def _mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    # ---- article-level knowledge ---------------------------------------------------------
    def _profiles_and_subjects(self) -> None:
        lex = lexicon()
        doc = self.doc
        for e in self.ents.entities:
            words: set[str] = set()
            if e.role:
                words.update(self._norm_words(words_of(e.role)))
            self.profile[e.entity_id] = words
            self.gender[e.entity_id] = None
        votes: dict[str, list[int]] = {}
        for s, t, e in self.mentions:
            self.first_pos.setdefault(e.entity_id, s)
            span = doc.char_span(s, t, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            prof = self.profile[e.entity_id]
            # words before the name in its noun phrase: "Russian President Vladimir Putin"
            left = head.left_edge.i
            j = span.start  # titles right before the name, whatever the parse says
            while j - 1 >= 0 and span.start - j < 5:
                tok = doc[j - 1]
                if tok.is_punct or tok.is_space or not (tok.text[:1].isupper() or tok.pos_ in ("ADJ", "NOUN", "PROPN")):
                    break
                j -= 1
            left = min(left, j)
            pre = [tok for tok in doc[max(left, span.start - 8):span.start] if not (tok.is_punct or tok.is_space)]
            prof.update(self._norm_words(words_of(" ".join(tok.text for tok in pre))))
            # appositions: "Victoria Nuland, a senior US State Department official"
            for ch in head.children:
                if ch.dep_ == "appos" and ch.i > head.i:
                    sub = doc[ch.left_edge.i:ch.i + 1]
                    prof.update(self._norm_words(words_of(sub.text)))
            if head.dep_ == "appos" and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
                h = head.head
                prof.update(self._norm_words(words_of(doc[h.left_edge.i:h.i + 1].text)))
            if e.label == "PERSON":
                v = votes.setdefault(e.entity_id, [0, 0])
                for tok in pre:
                    g = lex.honorifics.get(tok.lower_.rstrip("."))
                    if g:
                        v[0 if g == "m" else 1] += 2
                first = e.name.split()[0].lower().rstrip(".") if len(e.name.split()) > 1 else ""
                if first in lex.male:
                    v[0] += 3
                elif first in lex.female:
                    v[1] += 3
                # a possessive or subject pronoun later in the same clause: "Putin met his counterpart"
                if head.dep_ in SUBJECT_DEPS:
                    for tok in doc[head.i + 1:min(len(doc), head.i + 12)]:
                        if tok.is_sent_start:
                            break
                        lw = tok.lower_
                        if lw in ("his", "himself"):
                            v[0] += 1
                            break
                        if lw in ("her", "hers", "herself"):
                            v[1] += 1
                            break
            subject = head.dep_ in SUBJECT_DEPS or (head.dep_ in ("appos", "compound") and head.head.dep_ in SUBJECT_DEPS)
            if e.label in SPEAKER_LABELS:
                self.referents.append(Referent(pos=s, sent=self.sent_of[head.i], entity=e, subject=subject))
        for eid, (m, f) in votes.items():
            self.gender[eid] = "m" if m > f else "f" if f > m else None
        self.referents.sort(key=lambda r: r.pos)
        self.ref_pos = [r.pos for r in self.referents]

    def _norm_words(self, words: list[str]) -> set[str]:
        lex = lexicon()
        out: set[str] = set()
        text = " ".join(words)
        for w in words:
            if w in lex.generic:
                continue
            w = lex.abbreviations.get(w, w)
            out.add(w)
            c = lex.nationality.get(w)
            if c:
                out.add("@" + c.lower())
        # two-word nationalities and countries ("south korean", "united states")
        for k, c in lex.nationality.items():
            if " " in k and k in text:
                out.add("@" + c.lower())
        return out

    def note_speaker(self, pos: int, token_i: int, entity: Entity) -> None:
        """A resolved speaker becomes a prominent referent for later pronouns."""
        r = Referent(pos=pos, sent=self.sent_of[token_i] if 0 <= token_i < len(self.sent_of) else 0, entity=entity, subject=True)
        i = bisect.bisect_right(self.ref_pos, pos)
        self.referents.insert(i, r)
        self.ref_pos.insert(i, pos)

    # ---- resolution ----------------------------------------------------------------------
    def resolve(self, start: int, end: int, head: Token) -> Resolution:
        """Resolve the speaker named by text[start:end] (head = its head token)."""
        res = self._resolve(start, end, head)
        if res.entity is not None:
            e = self.canon(res.entity)
            return Resolution(e, e.name, res.attribution)
        return res

    def _resolve(self, start: int, end: int, head: Token) -> Resolution:
        lex = lexicon()
        low = head.lower_
        if low in ("who", "which", "that") and head.head.dep_ == "relcl" and head.head.head is not head.head:
            # relative pronoun: the noun the clause hangs on ("McConnell, now the leader, who said")
            noun = head.head.head
            if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
                noun = noun.head
            ent = self.entity_at(noun.idx, noun.idx + len(noun.text), prefer=noun.idx)
            if ent is None:
                lo = noun.left_edge.i
                ent = self.by_description(self.doc[lo:noun.i + 1].text, noun, self.doc[lo].idx)
            return Resolution(ent, ent.name if ent else None, "pronoun")
        if head.pos_ == "PRON" or (low in lex.pronouns and end - start == len(head.text)):
            info = lex.pronouns.get(low)
            if info is None:
                return Resolution(None, None, "pronoun")
            ent = self.antecedent(head, info["gender"], set(info["labels"]))
            return Resolution(ent, ent.name if ent else None, "pronoun")
        ent = self.entity_at(head.idx, head.idx + len(head.text), prefer=head.idx)
        if ent is not None and any(c in ent.name for c in "\"“”"):
            # a name the tokenizer glued to a closing quotation mark ("...,”Clinton said")
            ent = self.by_last_name(self.text[start:end])
        if ent is None:
            # "Sirius XM Vice President for news and talk Dave Gorab": a person named inside
            text = self.text
            for ms, me, e in self._mentions_in(start, end):
                if e.label == "PERSON" and text[me:me + 2] not in ("'s", "’s"):  # not "Scott's relatives"
                    ent = e
        if ent is not None:
            return Resolution(ent, ent.name, "name")
        words = self.text[start:end]
        ent = self.by_last_name(words)
        if ent is not None:
            return Resolution(ent, ent.name, "name")
        ent = self.by_description(words, head, start)
        if ent is not None:
            return Resolution(ent, ent.name, "description")
        return Resolution(None, words, "description")

    def by_last_name(self, words: str) -> Entity | None:
        """A one-word capitalised name the entity extractor did not tag (`"...,”Clinton said`,
        where the tokenizer glued it to the quote): the one person entity it names or ends."""
        if not words[:1].isupper() or " " in words.strip() or len(words) < 3:
            return None
        low = words.lower()
        found = [e for e in self.ents.entities if e.label == "PERSON" and words_of(e.name) and words_of(e.name)[-1] == low]
        return found[0] if len(found) == 1 else None

    def antecedent(self, pron: Token, gender: str | None, labels: set[str]) -> Entity | None:
        """Most prominent compatible referent before the pronoun: the nearest earlier sentence
        holding a subject or speaker of the right kind wins; within it the first such referent.
        Names elsewhere in the pronoun's own sentence (prepositional phrases, objects) are
        passed over; a plain earlier mention is the fallback."""
        if not labels:
            return None
        sent = self.sent_of[pron.i]
        # a pronoun in an embedded clause ("Ban condemned what he called ...") refers to the
        # subject of its own sentence first; a main-clause one looks at earlier sentences
        embedded = pron.head.dep_ != "ROOT" and pron.head.head.i != pron.head.i
        same: Entity | None = None
        hi = bisect.bisect_left(self.ref_pos, pron.idx)
        fallback: Entity | None = None
        best: Referent | None = None
        best_score = None
        j = hi - 1
        while j >= 0:
            r = self.referents[j]
            if r.sent < sent - SENTENCE_WINDOW:
                break
            j -= 1
            if r.entity.label not in labels:
                continue
            g = self.gender.get(r.entity.entity_id) or self.gender.get(self.canon(r.entity).entity_id)
            if gender and g and g != gender:
                continue
            if gender and r.entity.label != "PERSON":
                continue
            if r.sent == sent:
                if r.subject:
                    if embedded:
                        same = r.entity  # keeps the first subject of the sentence
                    elif fallback is None:
                        fallback = r.entity
                continue
            if fallback is None:
                fallback = r.entity
            if not r.subject:
                continue
            # earlier sentence, first subject in it; a known matching gender beats an unknown one
            score = (sent - r.sent) + (0 if (g or not gender) else 0.5)
            if best_score is None or score < best_score or (score == best_score and r.pos < best.pos):
                best, best_score = r, score
            if best_score is not None and (sent - r.sent) > best_score + 1:
                break
        if same is not None:
            return same
        if best is not None:
            return best.entity
        return fallback

    def by_description(self, words: str, head: Token, before: int) -> Entity | None:
        """The entity a definite description names ('the Russian leader'), or None."""
        lex = lexicon()
        ws = words_of(words)
        if not ws or ws[0] in ("a", "an", "some", "one", "two", "three", "several", "many", "other", "another"):
            return None
        hw = head.lower_.rstrip(".")
        if hw.endswith("s") and hw[:-1] in lex.person_nouns and hw not in ("boss",):
            return None  # plural: "officials", "sources"
        content = [lex.abbreviations.get(w, w) for w in ws if w not in lex.generic]
        if not content:
            return None
        if hw in lex.org_nouns:
            return self._org_description(hw, content, before)
        if hw not in lex.person_nouns:
            return None
        keys = self._norm_words(content)
        heads = {hw, *lex.synonyms.get(hw, ())}
        best, best_score = None, 0.0
        for e in self.ents.entities:
            if e.label != "PERSON" or self.first_pos.get(e.entity_id, before) >= before:
                continue
            prof = self.profile.get(e.entity_id, set())
            if not prof:
                continue
            score = 0.0
            nat = [k for k in keys if k.startswith("@")]
            if nat:
                if not any(k in prof for k in nat):
                    continue
                score += 2
            if heads & prof or any(" " in h and all(x in prof for x in h.split()) for h in heads):
                score += 1
            score += sum(0.5 for k in keys if not k.startswith("@") and k != hw and k in prof)
            if score >= 1 and (nat or heads & prof or score >= 1.5):
                last = self._last_mention_before(e, before)
                score += 1e-9 * last
                if score > best_score:
                    best, best_score = e, score
        return best

    def _org_description(self, hw: str, content: list[str], before: int) -> Entity | None:
        lex = lexicon()
        hints = set(lex.org_nouns.get(hw, ())) | {hw}
        keys = self._norm_words(content)
        nat = [k for k in keys if k.startswith("@")]
        best, best_pos = None, -1
        for e in self.ents.entities:
            if e.label not in ("ORG", "GPE", "NORP") or self.first_pos.get(e.entity_id, before) >= before:
                continue
            name_words = set(words_of(e.name)) | self.profile.get(e.entity_id, set())
            if not (hints & name_words):
                continue
            if nat and not any(k in name_words for k in nat):
                continue
            last = self._last_mention_before(e, before)
            if last > best_pos:
                best, best_pos = e, last
        return best

    def _last_mention_before(self, e: Entity, before: int) -> int:
        last = -1
        for s, _ in e.mentions:
            if s < before and s > last:
                last = s
        return last
