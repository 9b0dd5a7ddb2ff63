"""The spaCy stage's batch runner: `parse(articles)` runs the model over their texts and gives
each article its sentences.

The model reads a typographic apostrophe inside a word ("D\u2019Souza", "Commentary\u2019s Noah
Rothman", "don\u2019t") as the ASCII one it was trained on: given "\u2019" there, en_core_web_sm
tags "D\u2019Souza" a common noun and finds no person, and takes "Commentary\u2019s Noah Rothman"
for one organisation. Each doc is then put back on the article's own text, so every token's
text, every entity and every offset reads the text as cleaned (the two texts have the same
length); tags, parse, entities, norms and the tensor are the model's, and a lemma keeps the ASCII
apostrophe the model saw (the lemma of "\u2019s" is "'s").

The model itself is loaded in `tasks.nlp.model`, sentences are made in `tasks.nlp.sentences`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.tokens import Doc

from tasks.model import Article
from tasks.nlp.model import DEFAULT_MODEL, load_model
from tasks.nlp.sentences import sentences_of


def parse(articles: list[Article], model: str = DEFAULT_MODEL, n_process: int = 1, batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Run the model over the articles' texts with nlp.pipe; yields (article, doc).

    16 texts at a time parse as fast as 64 on a CPU and hold ~300 MB less at their peak."""
    nlp = load_model(model)
    texts: Iterable[str] = (model_text(a.text) for a in articles)
    for art, doc in zip(articles, nlp.pipe(texts, n_process=n_process, batch_size=batch_size)):
        if _APOSTROPHE in art.text:  # (the model read another text: spaCy builds doc.text anew on each access)
            doc = on_text(doc, art.text)
        art.sentences = sentences_of(doc, art)
        yield art, doc


_APOSTROPHE = "\u2019"
_IN_WORD_APOSTROPHE = re.compile(rf"(?<=[^\W\d_]){_APOSTROPHE}(?=[^\W\d_])")  # between two letters
_ANNOTATIONS = [TAG, POS, MORPH, LEMMA, NORM, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE, ENT_KB_ID]


_PLURAL_POSSESSIVE = re.compile(rf"(?<=[sS]){_APOSTROPHE}(?=[ \t]+[^\W\d_])")  # "Sanders\u2019 aides"
_OPEN_SINGLE = "\u2018"
_SINGLE_MARK = re.compile(rf"{_OPEN_SINGLE}|{_APOSTROPHE}")  # (in-word apostrophes are ASCII by then)


def model_text(text: str) -> str:
    """The text as the model reads it, the same length, so every offset holds: a typographic
    apostrophe between two letters is the ASCII one, and so is one after an "s" and before a word
    ("Fox News\u2019 Sean Hannity", "Sanders\u2019 aides") unless it closes a single quotation mark
    opened earlier on its line ("the \u2018moderates\u2019 said")."""
    if _APOSTROPHE not in text:
        return text
    return "".join(_line_possessives(line) for line in _IN_WORD_APOSTROPHE.sub("'", text).splitlines(keepends=True))


def _line_possessives(line: str) -> str:
    """One line with each plural possessive's apostrophe the ASCII one; a mark after an "s" that
    closes a single quotation mark opened before it on the line stays (`model_text`)."""
    chars, open_ = list(line), 0
    for m in _SINGLE_MARK.finditer(line):
        if m.group() == _OPEN_SINGLE:
            open_ += 1
        elif open_:
            open_ -= 1  # it closes the quotation mark
        elif _PLURAL_POSSESSIVE.match(line, m.start()):
            chars[m.start()] = "'"
    return "".join(chars)


def on_text(doc: Doc, text: str) -> Doc:
    """The parsed doc over `text`, the text it was parsed from with some characters replaced one
    for one (`model_text`): the same tokens, tags, parse and entities, with the words as `text`
    writes them. The doc itself when its text is `text`."""
    if doc.text == text:
        return doc
    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(_ANNOTATIONS, doc.to_array(_ANNOTATIONS))
    out.tensor = doc.tensor
    return out
