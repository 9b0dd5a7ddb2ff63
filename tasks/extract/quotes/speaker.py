"""Speakers: the one place that decides who said a quote, from the words that name the speaker
("Wallace", "he", "the Russian leader") to the canonical entity of the article's EntityIndex.

`resolve_speakers` resolves every attributed quote and reported clause in text order, so that
a resolved speaker becomes an antecedent for later pronouns; a carried quote takes the speaker
its source quote has. `Resolver.resolve` tries three ways, in this order:
  * name: the words overlap a named mention of an entity;
  * pronoun: the antecedent is the most prominent compatible referent of the previous
    sentences: a speaker of an earlier quotation or the subject of a sentence (not simply the
    nearest name: "In a press conference with President Duda, he said" is not Duda);
  * description: a definite description ("the Russian leader", "the UK defense minister",
    "the newspaper") matched through what the article says of each entity (`profiles.py`).

Word lists are data files (data/speaker_* beside this module).
"""
from __future__ import annotations

import bisect

from spacy.tokens import Token

from tasks.extract.entities.index import Entity
from tasks.extract.quotes.lexicon import speaker_words
from tasks.extract.quotes.profiles import EntityProfiles, Referent, description_words, words_of
from tasks.extract.quotes.records import Quote, Reported, Resolution

SENTENCE_WINDOW = 8  # how many sentences back a pronoun may look for its antecedent
NOT_DEFINITE = ("a", "an", "some", "one", "two", "three", "several", "many", "other", "another")


def resolve_speakers(resolver: Resolver, quotes: list[Quote], reported: list[Reported]) -> None:
    """Set the resolution of every kept quote and reported clause that names a speaker, in
    text order (at equal offsets reported speech first)."""
    order = sorted([(q.span.start, "q", k) for k, q in enumerate(quotes) if q.kept]
                   + [(r.start, "i", n) for n, r in enumerate(reported)])
    for _, what, k in order:
        item = quotes[k] if what == "q" else reported[k]
        att = item.att
        if att is None or att.head is None:
            continue
        if att.how == "carried" and att.source is not None:
            src = quotes[att.source].resolution  # None while the source (later in the text) is unresolved
            item.resolution = Resolution(src.entity if src else None, src.speaker if src else None, "carried")
            continue
        res = resolver.resolve(att.speaker_start, att.speaker_end, att.head)
        # a quote with no attribution of its own continues a speaker named earlier: carried
        item.resolution = Resolution(res.entity, res.speaker, "carried" if att.how == "carried" else res.attribution)
        if res.entity is not None:
            resolver.note_speaker(att.speaker_start, att.head.i, res.entity)


class Resolver:
    """Per-article speaker resolution over the article's entity profiles."""

    def __init__(self, profiles: EntityProfiles):
        self.profiles = profiles
        self.doc, self.text, self.sent_of = profiles.doc, profiles.text, profiles.sent_of
        self.referents: list[Referent] = list(profiles.subjects)  # sorted by pos; speakers join as resolved
        self.ref_pos = [r.pos for r in self.referents]

    def note_speaker(self, pos: int, token_i: int, entity: Entity) -> None:
        """A resolved speaker becomes a prominent referent for later pronouns."""
        r = Referent(pos=pos, sent=self.sent_of[token_i] if 0 <= token_i < len(self.sent_of) else 0, entity=entity, subject=True)
        i = bisect.bisect_right(self.ref_pos, pos)
        self.referents.insert(i, r)
        self.ref_pos.insert(i, pos)

    def resolve(self, start: int, end: int, head: Token) -> Resolution:
        """Resolve the speaker named by text[start:end] (head = its head token); an entity
        comes under its fullest name."""
        res = self._resolve(start, end, head)
        if res.entity is not None:
            e = self.profiles.canon(res.entity)
            return Resolution(e, e.name, res.attribution)
        return res

    def _resolve(self, start: int, end: int, head: Token) -> Resolution:
        low = head.lower_
        if low in ("who", "which", "that") and head.head.dep_ == "relcl" and head.head.head is not head.head:
            ent = self.relative_antecedent(head)
            return Resolution(ent, ent.name if ent else None, "pronoun")
        if head.pos_ == "PRON" or (low in speaker_words().pronouns and end - start == len(head.text)):
            info = speaker_words().pronouns.get(low)
            if info is None:
                return Resolution(None, None, "pronoun")
            ent = self.antecedent(head, info["gender"], set(info["labels"]))
            return Resolution(ent, ent.name if ent else None, "pronoun")
        ent = self.by_name(start, end, head)
        if ent is not None:
            return Resolution(ent, ent.name, "name")
        words = self.text[start:end]
        ent = self.by_description(words, head, start)
        if ent is not None:
            return Resolution(ent, ent.name, "description")
        return Resolution(None, words, "description")

    # ---- names -----------------------------------------------------------------------------------
    def by_name(self, start: int, end: int, head: Token) -> Entity | None:
        """The entity a name names: the one mentioned at the head word; a person named inside
        longer words ("Sirius XM Vice President for news and talk Dave Gorab"); a surname."""
        ent = self.profiles.entity_at(head.idx, head.idx + len(head.text), prefer=head.idx)
        if ent is not None and any(c in ent.name for c in "\"“”"):
            # a name the tokenizer glued to a closing quotation mark ("...,”Clinton said")
            ent = self.by_last_name(self.text[start:end])
        if ent is None:
            text = self.text
            for ms, me, e in self.profiles.mentions_in(start, end):
                if e.label == "PERSON" and text[me:me + 2] not in ("'s", "’s"):  # not "Scott's relatives"
                    ent = e
        return ent if ent is not None else self.by_last_name(self.text[start:end])

    def by_last_name(self, words: str) -> Entity | None:
        """A one-word capitalised name the entity extractor did not tag (`"...,”Clinton said`,
        where the tokenizer glued it to the quote): the one person entity it names or ends."""
        if not words[:1].isupper() or " " in words.strip() or len(words) < 3:
            return None
        low = words.lower()
        found = [e for e in self.profiles.ents.entities if e.label == "PERSON" and words_of(e.name) and words_of(e.name)[-1] == low]
        return found[0] if len(found) == 1 else None

    # ---- pronouns --------------------------------------------------------------------------------
    def relative_antecedent(self, head: Token) -> Entity | None:
        """A relative pronoun: the noun the clause hangs on ("McConnell, now the leader, who said")."""
        noun = head.head.head
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head
        ent = self.profiles.entity_at(noun.idx, noun.idx + len(noun.text), prefer=noun.idx)
        if ent is None:
            lo = noun.left_edge.i
            ent = self.by_description(self.doc[lo:noun.i + 1].text, noun, self.doc[lo].idx)
        return ent

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
        fallback: Entity | None = None
        best: Referent | None = None
        best_score = None
        j = bisect.bisect_left(self.ref_pos, pron.idx) - 1
        while j >= 0:
            r = self.referents[j]
            if r.sent < sent - SENTENCE_WINDOW:
                break
            j -= 1
            g = self._gender(r.entity)
            if r.entity.label not in labels or (gender and g and g != gender) or (gender and r.entity.label != "PERSON"):
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
        return best.entity if best is not None else fallback

    def _gender(self, e: Entity) -> str | None:
        return self.profiles.gender.get(e.entity_id) or self.profiles.gender.get(self.profiles.canon(e).entity_id)

    # ---- descriptions ----------------------------------------------------------------------------
    def by_description(self, words: str, head: Token, before: int) -> Entity | None:
        """The entity a definite description names ('the Russian leader'), or None."""
        lex = speaker_words()
        ws = words_of(words)
        if not ws or ws[0] in NOT_DEFINITE:
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
        keys = description_words(content)
        heads = {hw, *lex.synonyms.get(hw, ())}
        best, best_score = None, 0.0
        for e in self.profiles.ents.entities:
            score = self._person_score(e, keys, heads, hw, before)
            if score > best_score:
                best, best_score = e, score
        return best

    def _person_score(self, e: Entity, keys: set[str], heads: set[str], hw: str, before: int) -> float:
        """How well a person mentioned before `before` fits a description (0: not at all):
        its nationality (2), its head noun or a synonym (1), each other word (0.5); the
        latest mentioned wins a tie."""
        p = self.profiles
        if e.label != "PERSON" or p.first_pos.get(e.entity_id, before) >= before:
            return 0.0
        prof = p.profile.get(e.entity_id, set())
        if not prof:
            return 0.0
        score = 0.0
        nat = [k for k in keys if k.startswith("@")]
        if nat:
            if not any(k in prof for k in nat):
                return 0.0
            score += 2
        if heads & prof or any(" " in h and all(x in prof for x in h.split()) for h in heads):
            score += 1
        score += sum(0.5 for k in keys if not k.startswith("@") and k != hw and k in prof)
        if score >= 1 and (nat or heads & prof or score >= 1.5):
            return score + 1e-9 * p.last_mention_before(e, before)
        return 0.0

    def _org_description(self, hw: str, content: list[str], before: int) -> Entity | None:
        """"the newspaper", "the ministry": the latest mentioned organisation whose name or
        description holds one of the head noun's hint words."""
        p = self.profiles
        hints = set(speaker_words().org_nouns.get(hw, ())) | {hw}
        nat = [k for k in description_words(content) if k.startswith("@")]
        best, best_pos = None, -1
        for e in p.ents.entities:
            if e.label not in ("ORG", "GPE", "NORP") or p.first_pos.get(e.entity_id, before) >= before:
                continue
            name_words = set(words_of(e.name)) | p.profile.get(e.entity_id, set())
            if not (hints & name_words):
                continue
            if nat and not any(k in name_words for k in nat):
                continue
            last = p.last_mention_before(e, before)
            if last > best_pos:
                best, best_pos = e, last
        return best
