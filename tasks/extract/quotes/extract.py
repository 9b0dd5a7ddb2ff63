"""Quotations of one article -> rows of the quotes table: direct (full, partial), split,
colon-introduced, multi-paragraph and unclosed quotes, and indirect speech, each tied to its
speaker.

The steps, each in its own module:
  1. marks.py       pairs the quotation marks of each paragraph into quote spans;
  2. classify.py    drops markup (attributes, transcript turns, nicknames), tells full from
                    partial quotes, and later titles and scare quotes from quotations;
  3. attribution.py finds each quote's reporting verb and the words naming its speaker, by
                    named strategies tried in order;
  4. carry.py       gives a quote with no attribution of its own the speaker it continues;
  5. indirect.py    finds reported speech ("Putin said Moscow ... had common concerns");
  6. speaker.py     decides who each speaker is (name, pronoun or description -> entity, or
                    the canonical description of someone the article never names; describe.py).
The row's `attribution` is RULE:HOW: the strategy (or carry-over step) that found the words
naming the speaker, and how speaker.py resolved them.
What the steps share: lexicon.py (word lists), context.py (the article's tokens and quoted
regions), subjects.py (the words naming a speaker), profiles.py (what the article says of its
entities), records.py (the records passed between the steps).
"""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.extract.entities.index import EntityIndex
from tasks.extract.quotes.attribution import attribute
from tasks.extract.quotes.carry import carry_speakers, last_reporter
from tasks.extract.quotes.classify import is_scare_quote, is_title, kind_of, without_markup
from tasks.extract.quotes.context import QuoteContext
from tasks.extract.quotes.indirect import find_reported
from tasks.extract.quotes.marks import end_at_attribution, find_spans
from tasks.extract.quotes.profiles import EntityProfiles, token_sentences
from tasks.extract.quotes.records import Attribution, Quote, Reported, Resolution
from tasks.extract.quotes.speaker import Resolver, recorded, resolve_speakers
from tasks.model import Article
from tasks.nlp.sentences import sentence_index
from tasks.schemas import QUOTES, row


def extract(art: Article, doc: Doc, ents: EntityIndex) -> list[dict]:
    """Rows of the quotes table for one article (schemas.QUOTES), in text order."""
    if not art.text or not len(doc) or not art.paragraphs:
        return []
    profiles = EntityProfiles.build(doc, ents, token_sentences(doc))
    spans = without_markup(art.text, art.paragraphs, find_spans(art.text, art.paragraphs))
    end_at_attribution(doc, spans)
    ctx = QuoteContext(art, doc, profiles, spans)
    quotes = [Quote(span=sp, kind=kind_of(ctx, k)) for k, sp in enumerate(spans)]
    for k, q in enumerate(quotes):
        q.att = attribute(ctx, k, q.kind)
    for k, q in enumerate(quotes):
        q.kept = not is_title(ctx, k, q.kind, q.att)
    carry_speakers(ctx, quotes)
    for k, q in enumerate(quotes):
        if q.kept and is_scare_quote(ctx, k, q.att):
            q.kept = False
    reported = find_reported(ctx, lambda i: ctx.quoted(i) and quotes[ctx.qid[i]].kept)
    last_reporter(ctx, quotes, reported)
    resolve_speakers(Resolver(profiles, lambda char: ctx.quoted(ctx.tok_at(char))), quotes, reported)
    return _rows(art, quotes, reported)


def _rows(art: Article, quotes: list[Quote], reported: list[Reported]) -> list[dict]:
    """One row per kept quote and reported clause, ordered by their start (quotes first at a
    tie); quote ids number them in that order."""
    found: list[tuple[int, Quote | Reported]] = [(q.span.start, q) for q in quotes if q.kept]
    found += [(r.start, r) for r in reported]
    found.sort(key=lambda f: f[0])
    out = []
    for n, (_, item) in enumerate(found):
        qid = f"{art.article_id}:q:{n}"
        if isinstance(item, Quote):
            sp = item.span
            closed = (sp.close is not None and not sp.lost_close) or sp.continued
            out.append(_row(art, qid, sp.start, sp.end, sp.para, item.kind, closed, item.att, item.resolution))
        else:
            out.append(_row(art, qid, item.start, item.end, art.paragraph_at(item.start), "indirect", True, item.att, item.resolution))
    return out


def _row(art: Article, quote_id: str, s: int, e: int, para: int, kind: str, closed: bool,
         att: Attribution | None, res: Resolution | None) -> dict:
    res = recorded(res)
    has_spk = att is not None and att.speaker_start is not None
    return row(
        QUOTES,
        article_id=art.article_id,
        quote_id=quote_id,
        paragraph_idx=para,
        sentence_idx=sentence_index(art.sentences, s),
        char_start=s,
        char_end=e,
        text=art.text[s:e],
        kind=kind,
        closed=bool(closed),
        speaker=res.speaker if res is not None else None,
        speaker_type=res.kind if res is not None and res.speaker is not None else None,
        speaker_entity_id=res.entity.entity_id if res is not None and res.entity is not None else None,
        entity_key=res.entity.key if res is not None and res.entity is not None else None,
        speaker_mention=art.text[att.speaker_start:att.speaker_end] if has_spk else None,
        speaker_char_start=att.speaker_start if has_spk else None,
        speaker_char_end=att.speaker_end if has_spk else None,
        cue=att.cue.text if att is not None and att.cue is not None else None,
        attribution=f"{att.strategy}:{res.attribution}" if has_spk and res is not None else "none",
    )
