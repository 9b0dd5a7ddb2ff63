"""Array versions of two of the model's own components, giving the same tokens faster.

spaCy's `attribute_ruler` and rule `lemmatizer` visit every token as a Python `Token` object:
on the BBC corpus they took 27% of en_core_web_sm's time (3.8 s and 2.5 s of 22.7 s for 220
articles, `benchmarks/spacy_components.py`), more than the parser. Both are lookups:
  * the attribute ruler's first rules form a tag map (one rule per fine tag: TAG -> POS and
    MORPH); its other rules are word exceptions that apply after them;
  * the lemmatizer's lemma is a function of (ORTH, POS, MORPH) alone, which is its own cache key.
So `FastAttributeRuler` applies the tag map to the whole Doc as arrays and leaves only the
exceptions to spaCy's matcher (in their order, the later winning, as spaCy does), and
`FastLemmatizer` looks each token's key up in a dict and asks spaCy's lemmatizer only for keys
it has not met. The results are the model's own, token for token (tests/nlp/test_fast_pipes.py
compares every token attribute with the original components); together they take about a
fifth of the time. A model whose components do not have this shape keeps its own.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

_COLUMNS = {"TAG": 1, "DEP": 2}  # columns of the array _word_matches reads (LOWER, TAG, DEP)

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


def _word_rule(ruler: AttributeRuler, attr_id: int) -> tuple[frozenset[str], dict[str, tuple[bool, frozenset[str]]]] | None:
    """A word exception on one token: (the lowercase words it matches, {TAG/DEP: (must be in?,
    values)}), if the rule is one one-token pattern on LOWER (a word or IN a list) with TAG and
    DEP conditions (a value, IN or NOT_IN) at most."""
    patterns = ruler.matcher.get(str(attr_id))[1]
    if len(patterns) != 1 or len(patterns[0]) != 1 or ruler.indices[attr_id] not in (0, -1):
        return None
    token = dict(patterns[0][0])
    words = _condition(token.pop("LOWER", None))
    if words is None or not words[0] or set(token) - {"TAG", "DEP"}:
        return None
    conditions = {k: _condition(v) for k, v in token.items()}
    if any(c is None for c in conditions.values()):
        return None
    return words[1], conditions  # type: ignore[return-value]


def _condition(value) -> tuple[bool, frozenset[str]] | None:
    """A matcher value as (must be in?, strings): "x" and {"IN": [...]} must be in, {"NOT_IN": [...]} not."""
    if isinstance(value, str):
        return True, frozenset([value])
    if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
        (op, values), = value.items()
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            return op == "IN", frozenset(values)
    return None


class FastAttributeRuler:
    """The model's attribute ruler: its leading tag-map rules as one array lookup, its one-word
    exceptions looked up by the word, and the rest through a matcher holding only them."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        n = len(ruler.attrs)
        lead = 0
        while lead < n and _tag_map_rule(ruler, lead) is not None:
            lead += 1
        # tag hash -> {POS: ..., MORPH: ...} to set (a later rule for the same tag wins)
        table: dict[int, dict[int, int]] = {}
        for attr_id in range(lead):
            table.setdefault(ruler.vocab.strings.add(_tag_map_rule(ruler, attr_id)), {}).update(ruler.attrs[attr_id])
        self.lead = lead
        self.tags = np.array(list(table), dtype=np.uint64)
        # per attribute: the value each tag sets, and whether it sets one
        self.values = [np.array([t.get(a, 0) for t in table.values()], dtype=np.uint64) for a in (POS, MORPH)]
        self.sets = [np.array([a in t for t in table.values()], dtype=bool) for a in (POS, MORPH)]
        self.order = np.argsort(self.tags)
        # lowercase word hash -> [(attr_id, {TAG/DEP: (must be in?, hashes)})], in rule order
        strings = ruler.vocab.strings
        self.words: dict[int, list[tuple[int, list[tuple[int, bool, frozenset[int]]]]]] = {}
        self.rest = Matcher(ruler.vocab, validate=False)
        for attr_id in range(lead, n):
            if (rule := _word_rule(ruler, attr_id)) is None:
                self.rest.add(str(attr_id), ruler.matcher.get(str(attr_id))[1])
                continue
            words, conditions = rule
            checks = [(_COLUMNS[k], inside, frozenset(strings.add(v) for v in values)) for k, (inside, values) in conditions.items()]
            for w in words:
                self.words.setdefault(strings.add(w), []).append((attr_id, checks))
        self.word_keys = np.array(list(self.words), dtype=np.uint64)

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
        matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)]
        matches += self._word_matches(doc)
        self.ruler.set_annotations(doc, sorted(matches))  # by rule: the later rule wins, as in spaCy
        return doc

    def _word_matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attr_id, match id, start, end) of the one-word exceptions, as spaCy's matcher gives them."""
        arr = doc.to_array([LOWER, TAG, DEP])
        out = []
        for i in np.flatnonzero(np.isin(arr[:, 0], self.word_keys)).tolist():
            row = arr[i].tolist()
            for attr_id, checks in self.words[row[0]]:
                if all((row[col] in values) == inside for col, inside, values in checks):
                    out.append((attr_id, self.ruler.vocab.strings.add(str(attr_id)), i, i + 1))
        return out

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class FastLemmatizer:
    """The model's rule lemmatizer, with (ORTH, POS, MORPH) -> lemma looked up per token and
    spaCy's lemmatizer asked only for keys not yet met."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
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
