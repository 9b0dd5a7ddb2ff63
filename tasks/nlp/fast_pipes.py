"""Array versions of two of the model's own components, giving the same tokens faster.

spaCy's `attribute_ruler` and rule `lemmatizer` visit every token as a Python `Token` object
(the ruler through a matcher of 179 rules): on BBC articles they took 27% of en_core_web_sm's
time (3.8 s and 2.5 s of 22.7 s for 220 articles; `benchmarks/spacy_components.py`), more than
the parser. Both are lookups:
  * the attribute ruler's first rules form a tag map (one rule per fine tag: TAG -> POS and
    MORPH); its other rules are exceptions that apply after them, in their order, the later
    winning: a word and its tag ("'s" as VBZ), a word pair ("gon" + "na"), a tag and a
    dependency ("IN" as "mark");
  * the lemmatizer's lemma is a function of (ORTH, POS, MORPH) alone, which is its own cache key.
So `FastAttributeRuler` applies the tag map to the whole Doc as arrays, looks the exceptions
up by their first word or judges them on arrays of the token attributes, and hands them to
spaCy's own `set_annotations` in spaCy's order (a rule of another shape would still go through
a matcher); `FastLemmatizer` looks each token's key up in a dict and asks spaCy's lemmatizer
only for keys it has not met. The results are the model's own, token for token
(tests/nlp/test_fast_pipes.py compares every token attribute with the original components; so
does the benchmark, over BBC articles): the ruler takes an eighth of its time (2.9 s -> 0.4 s),
the lemmatizer a seventh with a warm cache, and much less with a cold one (each worker process
starts cold), since its word index is read from sets. A model whose components do not have
this shape keeps its own.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

_ARRAY = [LOWER, TAG, DEP, IS_SPACE]  # the token attributes the exceptions are judged on, as array columns
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}

RULER_COMPONENT = "newsfacts_attribute_ruler"
LEMMATIZER_COMPONENT = "newsfacts_lemmatizer"


def _tag_map_rule(ruler: AttributeRuler, attr_id: int) -> str | None:
    """The TAG a rule matches, if the rule is a tag-map rule: one one-token pattern on TAG
    alone, setting POS and/or MORPH on that token."""
    patterns = ruler.matcher.get(str(attr_id))[1]
    if len(patterns) != 1 or len(patterns[0]) != 1 or ruler.indices[attr_id] not in (0, -1):
        return None
    token = patterns[0][0]
    if set(token) != {"TAG"} or not isinstance(token["TAG"], str):
        return None
    if not set(ruler.attrs[attr_id]) <= {POS, MORPH}:
        return None
    return token["TAG"]


def _sequence_rules(ruler: AttributeRuler, attr_id: int) -> list[list[dict[str, tuple]]] | None:
    """The conditions of each pattern of a rule, one dict per token ({attribute: (op, values)},
    op "IN", "NOT_IN" or "REGEX"), if every pattern is without quantifiers, on LOWER, TAG and DEP
    (a value, IN or NOT_IN; LOWER also REGEX) and IS_SPACE (true or false)."""
    out = []
    for pattern in ruler.matcher.get(str(attr_id))[1]:
        if not pattern:
            return None
        tokens = []
        for token in pattern:
            conds: dict[str, tuple] = {}
            for key, value in token.items():
                if key == "IS_SPACE" and isinstance(value, bool):
                    conds[key] = ("IN", frozenset([int(value)]))
                elif key == "LOWER" and isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
                    conds[key] = ("REGEX", re.compile(value["REGEX"]))
                elif key in ("LOWER", "TAG", "DEP") and (cond := _condition(value)) is not None:
                    conds[key] = ("IN" if cond[0] else "NOT_IN", cond[1])
                else:
                    return None
            tokens.append(conds)
        out.append(tokens)
    return out or None


def _condition(value) -> tuple[bool, frozenset[str]] | None:
    """A matcher value as (must be in?, strings): "x" and {"IN": [...]} must be in, {"NOT_IN": [...]} not."""
    if isinstance(value, str):
        return True, frozenset([value])
    if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
        (op, values), = value.items()
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            return op == "IN", frozenset(values)
    return None


def _holds(op: str, values, value: int, strings) -> bool:
    """One matcher condition on one token attribute's hash."""
    if op == "REGEX":
        return values.search(strings[value]) is not None
    return (value in values) == (op == "IN")


class FastAttributeRuler:
    """The model's attribute ruler: its leading tag-map rules as one array lookup, its exceptions
    looked up by the word (one word) or judged on arrays of the token attributes (several tokens,
    or no word), and any rule of another shape through a matcher holding only those."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        n = len(ruler.attrs)
        # tag hash -> {POS: ..., MORPH: ...} to set, from the leading tag-map rules (a later rule for the same tag wins)
        table: dict[int, dict[int, int]] = {}
        lead = 0
        while lead < n and (tag := _tag_map_rule(ruler, lead)) is not None:
            table.setdefault(ruler.vocab.strings.add(tag), {}).update(ruler.attrs[lead])
            lead += 1
        self.lead = lead
        self.tags = np.array(list(table), dtype=np.uint64)
        # per attribute: the value each tag sets, and whether it sets one
        self.values = [np.array([t.get(a, 0) for t in table.values()], dtype=np.uint64) for a in (POS, MORPH)]
        self.sets = [np.array([a in t for t in table.values()], dtype=bool) for a in (POS, MORPH)]
        self.order = np.argsort(self.tags)
        # the exceptions: one-word rules indexed by the word's hash ("'s", "ai"); the others
        # ("TAG IN, DEP mark", "gon" + "na", "IS_SPACE") as conditions on the array columns
        self.words: dict[int, list[tuple[int, int, list[tuple[int, int, str, object]]]]] = {}
        self.sequences: list[tuple[int, int, list[tuple[int, int, str, object]]]] = []
        self.rest = Matcher(ruler.vocab, validate=False)
        for attr_id in range(lead, n):
            rules = _sequence_rules(ruler, attr_id)
            if rules is None:  # quantifiers or other attributes: spaCy's matcher
                self.rest.add(str(attr_id), ruler.matcher.get(str(attr_id))[1])
                continue
            for rule in rules:  # a rule's patterns set the same attributes: a token they both match is set twice alike
                self._add(attr_id, rule)
        self.word_keys = np.array(list(self.words), dtype=np.uint64)

    def _add(self, attr_id: int, rule: list[dict[str, tuple]]) -> None:
        """Index one pattern of an exception: by its first word, or as array conditions."""
        strings = self.ruler.vocab.strings
        tokens = [[(_COLUMNS[k], op, v if op == "REGEX" else frozenset(x if isinstance(x, int) else strings.add(x) for x in v))
                   for k, (op, v) in conds.items()] for conds in rule]
        first = rule[0].get("LOWER")
        if first is not None and first[0] == "IN" and (len(rule) > 1 or self.ruler.indices[attr_id] in (0, -1)):
            # (token offset, column, op, values) of every condition but the first word's
            checks = [(k, col, op, v) for k, token in enumerate(tokens) for col, op, v in token if (k, col) != (0, _COLUMNS["LOWER"])]
            for w in first[1]:
                self.words.setdefault(strings.add(w), []).append((attr_id, len(rule), checks))
        else:  # every condition with its token's offset, the likeliest to fail first (a word, then sets, then expressions)
            arrays = [(k, col, op, v if op == "REGEX" else np.array(sorted(v), dtype=np.uint64))
                      for k, token in enumerate(tokens) for col, op, v in token]
            arrays.sort(key=lambda c: (c[2] != "IN", c[2] == "REGEX", 0 if c[2] == "REGEX" else len(c[3])))
            self.sequences.append((attr_id, len(rule), arrays))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self.tags):
            arr = doc.to_array([TAG, POS, MORPH])
            pos = np.searchsorted(self.tags, arr[:, 0], sorter=self.order)
            pos = self.order[np.minimum(pos, len(self.order) - 1)]
            hit = self.tags[pos] == arr[:, 0]
            for col in (0, 1):
                use = hit & self.sets[col][pos]
                arr[use, col + 1] = self.values[col][pos[use]]
            doc.from_array([POS, MORPH], np.ascontiguousarray(arr[:, 1:]))
        strings = self.ruler.vocab.strings
        matches = self._exception_matches(doc)
        if len(self.rest):
            matches += [(int(strings[m_id]), m_id, s, e) for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)]
        self.ruler.set_annotations(doc, sorted(matches))  # by rule: the later rule wins, as in spaCy
        return doc

    def _exception_matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attr_id, match id, start, end) of the exceptions, as spaCy's matcher gives them."""
        arr = doc.to_array(_ARRAY)
        strings = self.ruler.vocab.strings
        out = []
        n = len(arr)
        rows = arr.tolist()
        for i in np.flatnonzero(np.isin(arr[:, 0], self.word_keys)).tolist():
            for attr_id, length, checks in self.words[rows[i][0]]:
                if i + length <= n and all(_holds(op, values, rows[i + k][col], strings) for k, col, op, values in checks):
                    out.append((attr_id, strings.add(str(attr_id)), i, i + length))
        regex_hits: dict = {}
        for attr_id, length, checks in self.sequences:
            starts = n - length + 1
            if starts <= 0:
                continue
            hit = np.ones(starts, dtype=bool)
            for k, col, op, values in checks:
                if op == "REGEX":
                    if values not in regex_hits:  # the doc's words the expression finds something in
                        lowers = np.unique(arr[:, col])
                        regex_hits[values] = np.array([h for h in lowers.tolist() if values.search(strings[h])], dtype=np.uint64)
                    values = regex_hits[values]
                column = arr[k:k + starts, col]
                found = column == values[0] if len(values) == 1 else np.isin(column, values)
                hit &= found if op != "NOT_IN" else ~found
                if not hit.any():
                    break
            out.extend((attr_id, strings.add(str(attr_id)), i, i + length) for i in np.flatnonzero(hit).tolist())
        return out

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class FastLemmatizer:
    """The model's rule lemmatizer, with (ORTH, POS, MORPH) -> lemma looked up per token and
    spaCy's lemmatizer asked only for keys not yet met.

    For those, spaCy tests each candidate form for membership in the model's word index, a list
    of up to 57,528 words per part of speech (one linear scan per candidate): the lemmatizer
    here (the model's own, out of the pipeline) reads the index from sets of the same words."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        lemmatizer.lookups = _indexed(lemmatizer.lookups)
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        known, strings = self.known, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue  # set by the attribute ruler's exceptions; spaCy keeps it too
            key = (orth, pos, morph)
            if (value := known.get(key)) is None:
                value = known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _indexed(lookups: Lookups) -> Lookups:
    """The same lookup tables, the word index ("lemma_index": part of speech -> words) as sets."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            sets = out.add_table(name)
            for key, words in table.items():
                sets[key] = frozenset(words)
        else:
            out.set_table(name, table)
    return out


@Language.factory(RULER_COMPONENT)
def _make_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory(LEMMATIZER_COMPONENT)
def _make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def fits(nlp: Language) -> bool:
    """Whether the model's attribute ruler and lemmatizer have the shape the array versions
    reproduce (en_core_web_sm and _md do): a tag map first, and a rule lemmatizer that fills
    only lemmas not yet set."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names or names.index("attribute_ruler") > names.index("lemmatizer"):
        return False
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    return (type(ruler) is AttributeRuler and _tag_map_rule(ruler, 0) is not None
            and isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and not lemmatizer.overwrite)


def speed_up(nlp: Language) -> bool:
    """Put the array versions in place of the model's attribute ruler and lemmatizer, if they fit
    (the pipe names become RULER_COMPONENT and LEMMATIZER_COMPONENT); True if swapped."""
    if not fits(nlp):
        return False
    nlp.add_pipe(RULER_COMPONENT, after="attribute_ruler")
    nlp.add_pipe(LEMMATIZER_COMPONENT, after="lemmatizer")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return True


def dictionary_words(nlp: Language) -> frozenset[str]:
    """The English words of the model's lemmatizer index (WordNet's nouns, verbs, adjectives and
    adverbs, lower case, some proper nouns among them), empty for a model without one. A
    capitalised word outside it is no common word ("Amelie", not "Save" or "Century")."""
    for name in (LEMMATIZER_COMPONENT, "lemmatizer"):
        if name in nlp.pipe_names:
            pipe = nlp.get_pipe(name)
            lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)
    return frozenset()
