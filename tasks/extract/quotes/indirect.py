"""Indirect (reported) speech: a speech verb outside quotes with a clausal complement and a
subject ("Putin said Moscow and Paris had common concerns") reports the clause."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tasks.extract.quotes.attribution import named_by
from tasks.extract.quotes.context import QuoteContext
from tasks.extract.quotes.lexicon import cue_words
from tasks.extract.quotes.records import Reported
from tasks.extract.quotes.subjects import cannot_speak, says_nothing, subject_of

MIN_CLAUSE_TOKENS = 3  # shorter complements ("said so") report nothing


def find_reported(ctx: QuoteContext, in_quotation: Callable[[int], bool] | None = None) -> list[Reported]:
    """The reported clauses outside direct quotes, in text order of their verbs: after the verb
    ("Putin said Moscow ..."), or before it when only the speaker comes between ("Blair would
    lead the campaign, he said."). `in_quotation(i)`: token i lies in a quotation that is kept
    (default: in any quote marks); a clause holding only titles or scare quotes is still reported
    ('said the plan would calm fears of a "UK Las Vegas"')."""
    in_quotation = in_quotation or ctx.quoted
    out = []
    doc = ctx.doc
    for t in doc:
        found = reported_by(ctx, t)
        if found is None:
            continue
        comp, subj = found
        lo, hi = comp.left_edge.i, comp.right_edge.i
        if any(in_quotation(i) for i in range(lo, hi + 1)):
            continue  # the quotation inside is the row (a partial quote with this speaker)
        lo = _after_inverted_speaker(ctx, subj, lo, hi)
        lo, hi = _within_sentence(ctx, t.i, lo, hi)
        while lo <= hi and (doc[lo].dep_ == "mark" or doc[lo].is_punct):
            lo += 1  # "that", and punctuation
        while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and not _closes_a_quote_inside(ctx, lo, hi):
            hi -= 1  # and the line break after a headline ("Blair says aid to soar")
        if hi - lo < MIN_CLAUSE_TOKENS - 1:
            continue
        att = named_by(ctx, subj, "indirect", cue=t)
        att.strategy = "reported_speech"
        out.append(Reported(start=doc[lo].idx, end=doc[hi].idx + len(doc[hi].text), att=att))
    return out


def reported_by(ctx: QuoteContext, t: Token) -> tuple[Token, Token] | None:
    """(the clause, who says it) when t is a speech verb outside quotes with a clausal complement
    after it (or before it, with only the speaker between) that is what was said, and a subject who
    may speak; else None."""
    if not speech_verb(ctx, t):
        return None
    comp = next((c for c in t.children if c.dep_ == "ccomp" and (c.i > t.i or _fronted(ctx, c, t))), None)
    if comp is None or _time_of_saying(comp, t):
        return None
    subj = subject_of(ctx, t)
    if subj is None or cannot_speak(subj) or _impersonal(subj):
        return None
    return comp, subj


def speech_verb(ctx: QuoteContext, t: Token) -> bool:
    """A verb outside quotes that may report speech ("said", "told"; lexicon tag `speech`)."""
    return t.pos_ == "VERB" and not ctx.quoted(t.i) and t.lemma_.lower() in cue_words().speech


def _time_of_saying(comp: Token, verb: Token) -> bool:
    """"she said when her title was announced", "he said as he presented the award": the clause the
    parse hangs on the verb opens with its own subordinator other than a complementiser, so it
    tells when the words were said, not what they were. A "when" asks a question after a verb of
    asking, a denial or a modal ("asked when the pier would open", "would not say when it opens")."""
    first = comp.doc[comp.left_edge.i]
    if first.head.i != comp.i:
        return False
    if first.dep_ == "mark":
        return first.lower_ not in COMPLEMENTISERS
    if first.dep_ != "advmod" or first.tag_ != "WRB" or first.lower_ != "when":
        return False
    asks = verb.lemma_.lower() in cue_words().address or any(c.dep_ == "neg" for c in verb.children) \
        or any(c.tag_ == "MD" for c in comp.children)
    return not asks


COMPLEMENTISERS = ("that", "whether", "if")


def _within_sentence(ctx: QuoteContext, verb: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause clipped to the verb's sentence where the parse ran two sentences together: a full
    stop standing as its own token before a capital ("... editor at PC Pro. Apple's work would
    help, he said") ends a sentence even when the parser did not split there."""
    doc = ctx.doc
    for j in range(lo, hi):
        if ctx.sent_of[j + 1] != ctx.sent_of[j]:
            if j < verb:
                lo = j + 1
            else:
                return lo, j
    return lo, hi


def _closes_a_quote_inside(ctx: QuoteContext, lo: int, hi: int) -> bool:
    """Token hi belongs to a title or scare quote that opens inside the clause (its closing mark)."""
    k = ctx.qid[hi]
    return k != -1 and any(ctx.qid[j] == k for j in range(lo, hi))


def _impersonal(subj: Token) -> bool:
    """"It is believed (that) ...", "it was claimed ...": a passive with an empty "it" names no one
    who said the clause; it is the writer's hedge, not a report. Nor does a "which" after a noun
    for no one ("a tie with the chart show, which suggests ...")."""
    if subj.lower_ == "it" and subj.dep_ == "nsubjpass":
        return True
    return says_nothing(subj)


def _after_inverted_speaker(ctx: QuoteContext, subj: Token, lo: int, hi: int) -> int:
    """Where the clause starts when the parse put the inverted speaker at its head ("On a larger
    scale, said Mr Tarrant, improvements in ... can reduce": "Mr Tarrant" parsed as the subject of
    "reduce"): after the speaker's name; else `lo`."""
    if not lo <= subj.i <= hi:
        return lo
    start = subj.i
    while start > lo and ctx.doc[start - 1].dep_ == "compound" and ctx.doc[start - 1].head.i == subj.i:
        start -= 1
    return subj.i + 1 if start == lo else lo


def _fronted(ctx: QuoteContext, comp: Token, verb: Token) -> bool:
    """A clause before its speech verb with only a comma and the speaker between them ("...,
    he said", "..., Mr Howard said", "..., said Mr Howard")."""
    between = [t for t in ctx.doc[comp.right_edge.i + 1:verb.i] if not t.is_space]
    if not between or between[0].text != ",":
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return all(t.text == "," or (subj is not None and subj.left_edge.i <= t.i <= subj.i) for t in between)
