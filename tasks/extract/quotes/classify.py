"""Which quote spans are quotations at all, and of which kind.

  * kind: "full" (a whole quoted statement) or "partial" (a fragment inside the writer's
    sentence);
  * markup: tag attributes, transcript turns, titles after "titled", nicknames inside names
    (never quotations, dropped before attribution);
  * titles and names ("Face the Nation"), judged with the attribution found: a name that a
    naming verb's speaker gives ("called the plan "Pier Folly"") is that speaker's words;
  * scare quotes: short spans nobody is reported as saying.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from tasks.extract.quotes.context import QuoteContext
from tasks.extract.quotes.lexicon import cue_words, is_cue, title_words
from tasks.extract.quotes.marks import QuoteSpan, transcript_re
from tasks.extract.quotes.records import Attribution
from tasks.model import Paragraph

SCARE_MAX_WORDS = 4  # an unattributed partial quote this short is a scare quote or a name
TITLE_MAX_WORDS = 8  # longer spans are never titles or names
KNOWN_AS = re.compile(r"(\bknown( \w+)? as|\bwhich means)( (a|an|the))?$")  # before a term in marks (not "that means": words said)
MAX_NAMING_PATH = 6  # tokens from a quoted name up to the verb that gives it


def kind_of(ctx: QuoteContext, k: int) -> str:
    """"full" when the quote opens with a capital (or a digit, bracket, ellipsis) after a
    punctuation mark, "that" or a reporting verb, or at its paragraph's start; else "partial"."""
    sp = ctx.spans[k]
    text = ctx.text
    first = text[sp.start]
    p = ctx.paragraph(k)
    pre = text[p.start:sp.open].rstrip()
    if not (first.isupper() or first.isdigit() or first in "[…."):
        return "partial"
    if not pre or pre[-1] in ":,.!?;—–-\"”“(":
        return "full"
    last = pre.split()[-1].lower() if pre.split() else ""
    if last == "that":
        return "full"
    if is_cue(ctx.doc[ctx.tok_at(len(pre) + p.start - 1)]):
        return "full"
    return "partial"


def _last_word_before(text: str, paragraphs: list[Paragraph], sp: QuoteSpan) -> tuple[list[str], str]:
    """(the paragraph's words before the opening mark, the last of them lower-cased, commas stripped)."""
    p = paragraphs[sp.para]
    pre_words = text[p.start:sp.open].split()
    return pre_words, (pre_words[-1].lower().strip(",") if pre_words else "")


def is_markup(text: str, paragraphs: list[Paragraph], sp: QuoteSpan) -> bool:
    """Not quotations whatever their attribution: tag attributes, transcript turns
    (`"PENCE: ...`), titles after "titled", nicknames inside names (Robert C. "Bobby" Scott)."""
    inner = text[sp.start:sp.end]
    prev = text[sp.open - 1] if sp.open > 0 else ""
    if prev == "=" or transcript_re().match(inner):
        return True
    words = inner.split()
    if len(words) > TITLE_MAX_WORDS:
        return False
    pre_words, last = _last_word_before(text, paragraphs, sp)
    if last in title_words().strong:
        return True
    if len(words) == 1 and sp.close is not None and words[0][:1].isupper():
        nxt = text[sp.close + sp.width:sp.close + sp.width + 2].strip()
        if pre_words and pre_words[-1][:1].isupper() and nxt[:1].isupper():
            return True
    return False


def without_markup(text: str, paragraphs: list[Paragraph], spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The spans that are quotations (`is_markup`). A quoted paragraph continuing a transcript
    turn (the turn left open, the next paragraph reopened with a mark) is the same turn."""
    kept: list[QuoteSpan] = []
    turn = False  # the span before was a transcript turn, or continued one
    for sp in spans:
        in_turn = sp.continues and turn
        turn = in_turn or transcript_re().match(text[sp.start:sp.end]) is not None
        if in_turn or is_markup(text, paragraphs, sp):
            continue
        kept.append(sp)
    return kept


def is_title(ctx: QuoteContext, k: int, kind: str, att: Attribution | None) -> bool:
    """Titles and names: "Face the Nation", "Contract with America"."""
    sp = ctx.spans[k]
    words = ctx.text[sp.start:sp.end].split()
    if len(words) > TITLE_MAX_WORDS:
        return False
    _, last = _last_word_before(ctx.text, ctx.art.paragraphs, sp)
    core = [w.strip(",.:;!?()") for w in words]
    core = [w for w in core if w]
    title_case = bool(core) and all(w[0].isupper() or w[0].isdigit() or (len(w) <= 3 and w.islower()) for w in core) \
        and (core[0][0].isupper() or core[0][0].isdigit())
    if not title_case:
        return False
    if last in title_words().all or last.endswith("'s") or last.endswith("’s") or last in ("of", "on", "in", "at"):
        return True
    if _name_given_by_speaker(ctx, k, att):
        return False
    # a title-cased name in the writer's sentence that nobody is said to say right there
    adjacent = att is not None and att.head is not None and att.how in ("after", "before", "dash")
    return kind == "partial" and sum(1 for w in core if w[0].isupper()) >= 2 and not adjacent


NOT_NAMING = {"for", "on", "off", "in", "up"}  # "called for a ...", "called on ...": the verb does not name


def _name_given_by_speaker(ctx: QuoteContext, k: int, att: Attribution | None) -> bool:
    """A name that the speaker of an active naming verb gives ("Ms Cole called the plan "Pier
    Folly"", "attacked the plan, dubbing it "..."", "what the firm calls the "Secure Base""): the
    speaker's own words, not a title. Not a name given by nobody said ("the pair, dubbed the
    "Harbour Two""), and not "called for"."""
    cue = att.cue if att is not None and att.head is not None else None
    if cue is None or cue.lemma_.lower() not in cue_words().naming or _passive(cue):
        return False
    t = ctx.doc[ctx.tok_at(ctx.spans[k].start)]
    for _ in range(MAX_NAMING_PATH):
        if t.i == cue.i:
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i or (t.dep_ == "pobj" and t.head.lower_ in NOT_NAMING) \
                or t.lower_ in NOT_NAMING:
            return False
        t = t.head
    return False


def _passive(verb: Token) -> bool:
    """A verb in the passive ("was dubbed"), or a past participle with no subject of its own
    ("the pair, dubbed the ..."): whoever gave the name is not its subject."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"nsubjpass", "auxpass"}) or (verb.tag_ == "VBN" and "nsubj" not in deps)


def is_scare_quote(ctx: QuoteContext, k: int, att: Attribution | None) -> bool:
    """A scare quote nobody is reported as saying; a short sentence in marks with no
    attribution at all is a slogan, a sign or a title ("Thank you Georgia.")."""
    if ctx.n_words(k) > SCARE_MAX_WORDS:
        return False
    if _term_talked_about(ctx, k) or _known_as(ctx, k):
        return True
    if att is not None and att.head is None and att.cue is not None and _named_by_no_one(att.cue):
        return True  # `It is called "podcasting"`: a term, named by no one
    return att is None or (att.head is None and att.cue is None)


def _term_talked_about(ctx: QuoteContext, k: int) -> bool:
    """`fit the term "urban"`, `the word "energie"`: a word in marks right after "the term", "the
    word" is talked about, not said; not after a verb of using it ("has used the phrase "..."",
    data/quote_usage_verbs.txt), nor a verdict on a noun that happens to be "term" ("called the
    ten-year term "harsh"")."""
    sp = ctx.spans[k]
    pre_words, last = _last_word_before(ctx.text, ctx.art.paragraphs, sp)
    if last not in title_words().terms or len(pre_words) < 2 or pre_words[-2].lower() not in ("the", "a", "this", "that"):
        return False
    noun = ctx.doc[ctx.tok_at(sp.open) - 1]
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in cue_words().usage)


def _known_as(ctx: QuoteContext, k: int) -> bool:
    """`a right to sell, known as a "put option"`, `the pier, known then as the "long arm"`, `Cyfeillion
    Harbwr - which means "harbour friends"`: a name or a translation in marks after "known as" or
    "which means" is the writer's term; nobody says it there."""
    pre_words, _ = _last_word_before(ctx.text, ctx.art.paragraphs, ctx.spans[k])
    return KNOWN_AS.search(" ".join(w.lower() for w in pre_words[-5:])) is not None


def _named_by_no_one(cue: Token) -> bool:
    """A verb that gives a name, in the passive with no one doing the naming ("is called", "was
    dubbed"; not "was criticised for sending "offensive" mail", someone's words)."""
    return cue.lemma_.lower() in cue_words().terms and _passive(cue)
