"""Entities: one canonical row per real-world entity in an article, with its mentions.

`extract(art, doc)` returns an `EntityIndex`, which the quotation and number extractors use
to resolve speakers and subjects, and which turns into the entities and mentions rows.

How the model's (rule-corrected, see `tasks.nlp.entity_fixer`) mentions become entities:
  1. mentions with the same words (case aside) form a group; country names and their aliases
     (UK, Britain -> United Kingdom) form one group under the country's short name;
  2. a group whose words are the surname (or a tail) of a person's full name joins that person,
     whatever label the model gave it ("Nuland" tagged GPE joins "Victoria Nuland");
     "Nord Stream" joins "Nord Stream 2"; an acronym joins the name whose initials it spells;
  3. the label is voted over all mentions (full names weigh more; a person join is a person);
  4. words of a known entity that the model left untagged elsewhere in the article become
     mentions too ("Lebed" after "Alexander Lebed");
  5. roles come from premodifiers ("Russian President Vladimir Putin") and appositions
     ("Victoria Nuland, a senior US State Department official").
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from tasks.common.datafiles import DataFiles
from tasks.nlp.entity_fixer import DATA as NLP_DATA  # the honorifics and title words the fixer uses too
from tasks.nlp.entity_fixer import gazetteer
from tasks.model import Article
from tasks.nlp.parse import sentence_index

DATA = DataFiles.beside(__file__)

NAMED_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your"}
LABEL_ORDER = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
MAX_ROLE_TOKENS = 10


@dataclass
class Entity:
    entity_id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (char_start, char_end)
    nationality: str | None = None  # demonym from the role or a possessive ("Russian")
    country: str | None = None  # the country of that nationality ("Russia")
    roles: list[str] = field(default_factory=list)  # every title or description found, in order


@dataclass
class EntityIndex:
    article_id: str
    entities: list[Entity] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _spans: list[tuple[int, int, int]] = field(default_factory=list, repr=False)  # (start, end, entity index)
    _max_len: int = field(default=0, repr=False)

    def _build(self) -> None:
        spans = sorted((s, t, i) for i, e in enumerate(self.entities) for s, t in e.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        self._max_len = max((t - s for s, t, _ in spans), default=0)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), if any (the first such mention)."""
        if len(self._spans) != sum(len(e.mentions) for e in self.entities):
            self._build()
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        for k in range(lo, len(self._spans)):
            s, t, i = self._spans[k]
            if s >= end:
                break
            if t > start:
                return self.entities[i]
        return None

    def by_name(self, name: str) -> Entity | None:
        low = name.lower().strip()
        if low.startswith("the "):
            low = low[4:]
        for e in self.entities:
            if e.name.lower() == low or low in (a.lower() for a in e.aliases):
                return e
        country = gazetteer().country_of.get(low)
        if country:
            for e in self.entities:
                if e.name == country:
                    return e
        return None

    def by_description(self, words: str, before: int | None = None) -> Entity | None:
        """The entity a description ('the Russian leader', 'the UK defense minister') refers to, or None.

        Every nationality in the description must be the entity's (from its role or a possessive),
        and its head noun must be in the entity's roles (a leader word matches any leader word).
        With `before`, only entities mentioned before that offset count, the latest mentioned first."""
        gaz = gazetteer()
        toks = [w for w in words.lower().replace("'s", " ").replace("’s", " ").split() if w not in DETERMINERS]
        if not toks:
            return None
        countries, content = set(), []
        i = 0
        while i < len(toks):
            two = " ".join(toks[i:i + 2])
            if len(toks) > i + 1 and (two in gaz.country_of or two in gaz.demonym_country):
                countries.add(gaz.country_of.get(two) or gaz.demonym_country[two])
                i += 2
                continue
            w = toks[i]
            if w in gaz.country_of or w in gaz.demonym_country:
                countries.add(gaz.country_of.get(w) or gaz.demonym_country[w])
            elif w not in {"of", "for", "and", "in"}:
                content.append(w)
            i += 1
        if not content:
            return None
        head = content[-1]
        leaders = set(DATA.lines("entity_leader_words.txt"))
        best, best_key = None, None
        for e in self.entities:
            if e.label != "PERSON":
                continue
            first = min((s for s, _ in e.mentions), default=0)
            if before is not None and first >= before:
                continue
            role_words = set()
            for r in e.roles:
                role_words.update(w.lower() for w in r.replace("-", " ").split())
                role_words.update(w.lower() for w in r.split())
            e_countries = {e.country} if e.country else set()
            for w in role_words:
                c = gaz.country_of.get(w) or gaz.demonym_country.get(w)
                if c:
                    e_countries.add(c)
            if countries and not countries <= e_countries:
                continue
            if head in role_words:
                score = 2
            elif head in leaders and role_words & leaders:
                score = 1
            else:
                continue
            score += sum(1 for w in content[:-1] if w in role_words)
            last = max((s for s, _ in e.mentions if before is None or s < before), default=first)
            key = (score, last)
            if best_key is None or key > best_key:
                best, best_key = e, key
        return best

    def rows(self, art: Article) -> tuple[list[dict], list[dict]]:
        ents, ments = [], []
        for e in self.entities:
            ents.append({"article_id": art.article_id, "entity_id": e.entity_id, "name": e.name, "label": e.label,
                         "mention_count": len(e.mentions), "aliases": sorted(set(e.aliases)), "role": e.role})
            for s, t in e.mentions:
                ments.append({"article_id": art.article_id, "entity_id": e.entity_id, "sentence_idx": sentence_index(art.sentences, s),
                              "char_start": s, "char_end": t, "text": art.text[s:t], "label": e.label})
        ments.sort(key=lambda r: r["char_start"])
        return ents, ments


@dataclass
class _Mention:
    start: int  # token offsets
    end: int
    label: str
    text: str


@dataclass
class _Group:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    country: str | None = None
    person: bool = False  # joined by a surname: a person whatever the model said
    org: bool = False  # joined by a company's short name: an organisation
    merged_into: _Group | None = None

    def root(self) -> _Group:
        g = self
        while g.merged_into is not None:
            g = g.merged_into
        return g

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _tokens_key(doc: Doc, start: int, end: int) -> str:
    return " ".join(t.text for t in doc[start:end]).lower()


def _vote(mentions: list[_Mention]) -> Counter:
    votes: Counter = Counter()
    for m in mentions:
        votes[m.label] += 2 if m.end - m.start > 1 else 1
    return votes


def _initials(text: str, connectors: frozenset[str]) -> str:
    return "".join(w[0] for w in text.replace("-", " ").split() if w[:1].isupper() and w.lower() not in connectors)


def extract(art: Article, doc: Doc) -> EntityIndex:
    gaz = gazetteer()
    idx = EntityIndex(art.article_id)
    groups: dict[str, _Group] = {}
    order: list[_Group] = []
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        s, e = ent.start, ent.end
        while s < e and doc[s].lower_ in {"the"}:
            s += 1
        while e > s and doc[e - 1].text in {"'s", "'", "’s", "’"}:
            e -= 1
        if e <= s:
            continue
        m = _Mention(s, e, ent.label_, doc[s:e].text)
        key = _tokens_key(doc, s, e)
        country = gaz.country_of.get(key) if m.label in {"GPE", "LOC", "ORG", "PERSON", "NORP"} else None
        if country and m.label == "NORP" and key in gaz.demonym_country:
            country = None
        gkey = "country:" + country if country else key
        if m.label == "ORG" and (country or doc[s:e].text.title() in gaz.places or doc[s:e].text in gaz.places):
            gkey = "org:" + key  # a team or government named by its place ("NEW YORK 5 BOSTON 3") is not the place
            country = None
        g = groups.get(gkey)
        if g is None:
            g = groups[gkey] = _Group(gkey, country=country)
            order.append(g)
        g.mentions.append(m)

    _merge_groups(doc, order, gaz)
    roots = [g for g in order if g.merged_into is None]
    for g in order:
        if g.merged_into is not None:
            g.root().mentions.extend(g.mentions)
            g.mentions = []
    labels = {id(g): _label(g) for g in roots}
    _propagate(doc, roots, labels)

    roots.sort(key=lambda g: g.first)
    text = art.text  # the doc's text (doc.text is rebuilt from the tokens on every access)
    for g in roots:
        g.mentions.sort(key=lambda m: m.start)
        label = labels[id(g)]
        ent = Entity(entity_id=f"{art.article_id}:{len(idx.entities)}", name=_name(g, label), label=label)
        seen = set()
        for m in g.mentions:
            sc, ec = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
            if (sc, ec) in seen:
                continue
            seen.add((sc, ec))
            ent.mentions.append((sc, ec))
            ent.aliases.append(text[sc:ec])
        ent.aliases = sorted(set(ent.aliases))
        if label in {"PERSON", "ORG"}:
            _roles(doc, g, ent, gaz)
        idx.entities.append(ent)
    return idx


def _merge_groups(doc: Doc, order: list[_Group], gaz) -> None:
    persons = [g for g in order if g.country is None and any(m.label == "PERSON" and m.end - m.start > 1 for m in g.mentions)
               and _vote(g.mentions).most_common(1)[0][0] == "PERSON"]
    by_tail: dict[str, list[_Group]] = {}
    by_head: dict[str, list[_Group]] = {}
    for p in persons:
        full = max((m.text for m in p.mentions if m.label == "PERSON"), key=lambda t: len(t.split()))
        words = full.lower().split()
        if len(words) < 2 or not all(w[:1].isupper() for w in full.split()):
            continue
        for k in range(1, len(words)):
            by_tail.setdefault(" ".join(words[k:]), []).append(p)
        by_head.setdefault(words[0], []).append(p)
    for g in order:
        if g in persons or g.merged_into is not None:
            continue
        if all(m.label == "NORP" for m in g.mentions):
            continue
        surface = g.mentions[0].text.lower() if g.country or g.key.startswith("org:") else g.key
        cands = by_tail.get(surface)
        if not cands and not g.country and " " not in g.key and not all(m.label in {"GPE", "LOC"} for m in g.mentions):
            cands = by_head.get(g.key)  # "Wang" after "Wang Donghai", "Naina" after "Naina Yeltsin"
        if cands:
            # the person named in full nearest before the first short mention, else the first
            first = g.first
            before = [p for p in cands if p.first < first]
            target = max(before, key=lambda p: p.first) if before else min(cands, key=lambda p: p.first)
            g.merged_into = target
            target.person = True
            g.country = None
            continue
        if _person_cue(doc, g):
            g.person = True
    # "Nord Stream" -> "Nord Stream 2": a name and the same name with a number
    numbered: dict[str, _Group] = {}
    for g in order:
        base, _, num = g.key.rpartition(" ")
        if g.merged_into is None and base and num.replace(".", "").isdigit():
            numbered.setdefault(base, g)
    for g in order:
        other = numbered.get(g.key)
        if other is not None and other is not g and g.merged_into is None and not g.country and other.root() is not g:
            g.merged_into = other
    # company short names: "Cofinec" -> "Cofinec S.A."
    suffixes = set(DATA.lines("entity_corporate_suffixes.txt")) | gaz.org_heads  # "Cofinec S.A.", "Pirelli Cables"
    shorts: dict[str, _Group] = {}
    for g in order:
        if g.merged_into is None and not g.country and " " in g.key and _vote(g.mentions).most_common(1)[0][0] == "ORG":
            words = g.mentions[0].text.split()
            while len(words) > 1 and words[-1] in suffixes:
                words.pop()
                short = " ".join(words)
                if short not in gaz.places and short.lower() not in gaz.country_of and short.lower() not in gaz.demonym_country \
                        and short.lower() not in gaz.first_names and len(short) > 2:
                    shorts.setdefault(short.lower(), g)
    for g in order:
        if g.merged_into is None and not g.country and g.key in shorts and shorts[g.key] is not g:
            g.merged_into = shorts[g.key]
            shorts[g.key].org = True
    # acronyms: "KDP" -> "Kurdistan Democratic Party"
    longs = {}
    for g in order:
        if g.merged_into is None and not g.country and " " in g.key:
            ini = _initials(g.mentions[0].text, gaz.connectors)
            if len(ini) >= 2:
                longs.setdefault(ini, g)
    for g in order:
        if g.merged_into is not None or g.country or " " in g.key:
            continue
        text = g.mentions[0].text.replace(".", "")
        if text.isupper() and 2 <= len(text) <= 6 and text in longs and longs[text] is not g \
                and _vote(longs[text].mentions).most_common(1)[0][0] == _vote(g.mentions).most_common(1)[0][0]:
            g.merged_into = longs[text]


def _person_cue(doc: Doc, g: _Group) -> bool:
    """A single name that the text itself marks as a person: a title before it ('Mr Lebed') or an age
    after it ('Duran , 45 ,')."""
    if g.country:
        return False
    cues = set(DATA.lines("entity_person_cues.txt")) | set(NLP_DATA.lines("entity_honorifics.txt"))
    n = len(doc)
    for m in g.mentions:
        if m.start > 0 and doc[m.start - 1].text in cues:
            return True
        e = m.end
        age = doc[e + 1].text if e + 2 < n else ""
        if e + 2 < n and doc[e].text == "," and age.isascii() and age.isdigit() and doc[e + 2].text == "," \
                and 14 <= int(age) <= 105:
            return True
    return False


def _label(g: _Group) -> str:
    if g.country:
        return "GPE"
    if g.person:
        return "PERSON"
    if g.org:
        return "ORG"
    votes = _vote(g.mentions)
    top = max(votes.values())
    tied = [lab for lab, n in votes.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    for m in g.mentions:  # a tie: the first mention's label among the tied
        if m.label in tied:
            return m.label
    return tied[0]


def _name(g: _Group, label: str) -> str:
    if g.country:
        return g.country
    best = max(g.mentions, key=lambda m: (m.end - m.start, not m.text.isupper(), len(m.text), -m.start))
    if best.text.isupper() and best.text.title() in gazetteer().places:
        return best.text.title()  # "BUCHAREST" (a dateline) -> "Bucharest"
    return best.text


def _propagate(doc: Doc, roots: list[_Group], labels: dict[int, str]) -> None:
    """Untagged occurrences of a known entity's words (or a person's surname) become mentions."""
    from spacy.lang.en.stop_words import STOP_WORDS

    forms: dict[str, list[tuple[tuple[str, ...], _Group]]] = {}

    def add(words: tuple[str, ...], g: _Group) -> None:
        if not words or not words[0][:1].isupper():
            return
        if len(words) == 1 and (len(words[0]) < 3 or words[0].lower() in STOP_WORDS):
            return
        forms.setdefault(words[0], []).append((words, g))
        upper = tuple(w.upper() for w in words)
        if upper != words:
            forms.setdefault(upper[0], []).append((upper, g))

    for g in roots:
        if labels[id(g)] not in {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}:
            continue
        seen = set()
        for m in g.mentions:
            words = tuple(t.text for t in doc[m.start:m.end])
            if words in seen:
                continue
            seen.add(words)
            add(words, g)
            if labels[id(g)] == "PERSON" and len(words) > 1:
                add(words[-1:], g)
    if not forms:
        return
    for forms_list in forms.values():
        forms_list.sort(key=lambda f: -len(f[0]))
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        cands = forms.get(tok.text) if tok.ent_iob_ == "O" or tok.ent_type_ == "" else None
        if not cands:
            i += 1
            continue
        hit = None
        for words, g in cands:
            e = i + len(words)
            if e <= n and all(doc[i + k].text == w and doc[i + k].ent_type_ == "" for k, w in enumerate(words)):
                # not the inside of a longer capitalised name ("Lebed" in "Lebed Street")
                if e < n and doc[e].is_title and doc[e].is_alpha and len(words) == 1 and not doc[e].is_sent_start:
                    continue
                if i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start and len(words) == 1 and doc[i - 1].ent_type_ == "":
                    continue
                hit = (e, g)
                break
        if hit is None:
            i += 1
            continue
        e, g = hit
        g.mentions.append(_Mention(i, e, labels[id(g)], doc[i:e].text))
        i = e


def _roles(doc: Doc, g: _Group, ent: Entity, gaz) -> None:
    titles = set(NLP_DATA.lines("entity_title_words.txt"))
    found: list[tuple[str, bool]] = []
    for m in g.mentions:
        pre = _premodifier(doc, m.start, m.end) if ent.label == "PERSON" else None
        for r in (pre, _apposition(doc, m.start, m.end)):
            if r:
                words = {w.lower() for w in r.replace("-", " ").split()} | {w.lower() for w in r.split()}
                found.append((r, bool(words & titles)))
        if ent.country is None and m.start >= 2 and doc[m.start - 1].text in {"'s", "’s"}:
            owner = _tokens_key(doc, doc[m.start - 2].i, m.start - 1)
            c = gaz.country_of.get(owner)
            if c:
                ent.country = c
    ent.roles = list(dict.fromkeys(r for r, _ in found))
    titled = [r for r, t in found if t]
    ent.role = titled[0] if titled else (found[0][0] if found else None)
    for r in ent.roles:
        for w in [r] + r.split():
            c = gaz.demonym_country.get(w.lower()) or gaz.country_of.get(w.lower())
            if c:
                ent.country = ent.country or c
                break
    if ent.country:
        ent.nationality = gaz.country_demonym.get(ent.country)


def _is_title_phrase(text: str) -> bool:
    """Holds a title or occupation word ('President', 'official', 'guitarist') or a nationality."""
    titles = _titles()
    gaz = gazetteer()
    for w in text.replace("-", " ").split() + text.split():
        low = w.lower().strip(",.'’")
        if low in titles or low.rstrip("s") in titles or low in gaz.demonym_country:
            return True
    return False


def _titles() -> set[str]:
    return set(NLP_DATA.lines("entity_title_words.txt"))


def _honorifics() -> set[str]:
    return set(NLP_DATA.lines("entity_honorifics.txt"))


def _premodifier(doc: Doc, start: int, end: int) -> str | None:
    """'Russian President Vladimir Putin' -> 'Russian President'."""
    sent_start = doc[start].sent.start
    name_head = doc[start:end].root.head.i  # "his French counterpart Emmanuel Macron": the name is its noun's apposition
    j = start - 1
    while j >= sent_start and start - j <= MAX_ROLE_TOKENS:
        t = doc[j]
        if t.text in {"-", "–"} and not t.whitespace_ and j > sent_start and not doc[j - 1].whitespace_:
            j -= 1
            continue
        if t.pos_ not in {"PROPN", "NOUN", "ADJ"} or t.text in {"'s", "’s"} or "\n" in t.whitespace_ or t.ent_type_ == "PERSON" \
                or (len(t.text) == 1 and t.is_lower):
            break
        if not (j < t.head.i < end) and not (t.ent_type_ in {"NORP", "GPE", "ORG"}) and name_head != j:
            break
        j -= 1
    j += 1
    while j < start and doc[j].text in {"-", "–"}:
        j += 1
    if j >= start:
        return None
    while j < start and doc[j].text in _honorifics():
        j += 1
    k = start
    while k > j and doc[k - 1].text in _honorifics():
        k -= 1  # "artists Sir Peter Blake": "Sir" is no role
    if k <= j:
        return None
    span = doc[j:k]
    if not _is_title_phrase(span.text) or len(span.text) < 3:
        return None
    if all(t.is_upper for t in span if t.is_alpha):
        return None  # an ALL-CAPS headline has no reliable parse
    if not any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ == "" for t in span):
        return None
    return span.text


def _apposition(doc: Doc, start: int, end: int) -> str | None:
    """'Victoria Nuland, a senior US State Department official, ...' -> 'senior US State Department official'."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ != "appos" or child.i <= end:
            continue
        s = child.left_edge.i
        if s != end + 1:
            continue
        while s < child.i and doc[s].lower_ in DETERMINERS:
            s += 1
        e = child.i + 1
        # "head of the IMF": the following of-phrase belongs to the description
        if e < len(doc) and doc[e].lower_ in {"of", "for", "at"} and doc[e].head.i == child.i:
            e = doc[e].right_edge.i + 1
        if e - s > MAX_ROLE_TOKENS or e <= s:
            return None
        if any(t.ent_type_ == "PERSON" for t in doc[s:e]) or not any(t.is_alpha and t.pos_ in {"NOUN", "PROPN"} for t in doc[s:e]):
            return None
        text = doc[s:e].text
        if e + 1 < len(doc) and doc[e].text in {",", "and"} and doc[e + 1].pos_ == "PROPN":
            return None  # a list of names, not an apposition
        if any(c in text for c in "()$£€\"") or not (child.is_lower or _is_title_phrase(text)):
            return None
        if root.ent_type_ == "PERSON" and not _is_title_phrase(text):
            return None
        return text
    return None
