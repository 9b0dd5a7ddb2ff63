"""Carry-over: a quote with no attribution of its own continues the speaker of another quote.

First, the pieces of one quotation (a quote left open and reopened, in the next paragraph or
later in its own paragraph when the text lost the break) share the attribution of the first
piece that has one of its own: a piece with none, or with only one carried from the sentences
before it, takes it (`"The biggest problem ... "It might sound great," said Brian Parbutt`);
when none has its own, the first piece's (carried) attribution goes on to the others.

Then, in text order, each kept quote whose attribution names no speaker takes one from:
  1. an attributed quote of its own paragraph, nearest before it first, then one after it in
     its own sentence (a partial quote only from its own sentence; a quote carried itself or
     attributed only to a clause's subject does not pass its speaker on, except to a full quote
     that follows it with no words of the writer between);
  2. for a full quote opening its paragraph (or continuing an open quotation): the nearest
     attributed quote of the last CARRY_PARAGRAPHS paragraphs before it, unless a paragraph
     about someone else came between (`Carter said that ...` / `"..."`), or the paragraph
     before ends, after that quote, reporting a person's words (`..., Harris said the price
     would suit them.` / `"They want ..."`): then that paragraph's subject;
  3. the subject of the previous paragraph's last sentence (`Valastro praised ...` / `"We need ..."`);
  4. for a full quote in the first person that none of these attributes: the nearest earlier full
     quote with a speaker, in its paragraph or the LAST_SPEAKER_PARAGRAPHS before it.
Last, once reported speech is found (`last_reporter`), a full quote still with no speaker takes
the speaker of the nearest full quotation or reported speech before it, within its paragraph and
the LAST_SPEAKER_PARAGRAPHS before it, when the writer's sentences since bring in no one else.
A carried attribution has how="carried"; step 1 and 2 name their source quote.
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.extract.quotes.attribution import named_by
from tasks.extract.quotes.context import QuoteContext
from tasks.extract.quotes.indirect import reported_by, speech_verb
from tasks.extract.quotes.lexicon import is_utterance, speaker_words
from tasks.extract.quotes.marks import opens_paragraph
from tasks.extract.quotes.records import Attribution, Quote, Reported
from tasks.extract.quotes.subjects import names_a_person, sentence_subject, speakerlike

CARRY_PARAGRAPHS = 2  # how far back an unattributed quote paragraph may carry a speaker


def carry_speakers(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """Give each kept quote with no speaker of its own the one it continues (in place, in
    text order: a quote carried to may pass the speaker on across paragraphs)."""
    share_within_quotations(quotes)
    for k, q in enumerate(quotes):
        if not q.kept or (q.att is not None and q.att.head is not None and not _thing_as_subject(q.att)):
            continue
        att = _carried(ctx, quotes, k)
        if att is not None:
            q.att = att


def _thing_as_subject(att: Attribution) -> bool:
    """A fragment given to its clause's subject, which names no person ("Convention should be
    "nurtured and celebrated""): a quote the sentences before attribute takes their speaker."""
    return att.how == "subject" and not names_a_person(att.head)


def _own(att: Attribution | None) -> bool:
    """An attribution found at the quote itself (not carried from elsewhere, not a clause's subject)."""
    return att is not None and att.head is not None and att.how not in ("carried", "subject")


def share_within_quotations(quotes: list[Quote]) -> None:
    """The pieces of one quotation take the attribution of its first piece that has its own."""
    k = 0
    while k < len(quotes):
        j = k
        while j + 1 < len(quotes) and quotes[j].span.continued and quotes[j + 1].span.continues:
            j += 1
        src = next((i for i in range(k, j + 1) if quotes[i].kept and _own(quotes[i].att)), None)
        if src is None and quotes[k].kept and quotes[k].att is not None and quotes[k].att.head is not None:
            src = k  # none has its own: the pieces go on with the first one's (carried from the sentences before)
        if src is not None:
            for i in range(k, j + 1):
                if i != src and quotes[i].kept and not _own(quotes[i].att):
                    quotes[i].att = carried_from(quotes, i, src)
        k = j + 1


def carried_from(quotes: list[Quote], k: int, src: int) -> Attribution:
    """Quote k's attribution carried from quote src (k keeps its own cue, if any)."""
    s = quotes[src].att
    own_cue = quotes[k].att.cue if quotes[k].att is not None else None
    return Attribution(cue=own_cue if own_cue is not None else s.cue, speaker_start=s.speaker_start, speaker_end=s.speaker_end,
                       head=s.head, how="carried", source=src, strategy="carried")


def _carried(ctx: QuoteContext, quotes: list[Quote], k: int) -> Attribution | None:
    q = quotes[k]
    sp = q.span
    partial = q.kind == "partial"
    src = _source_in_paragraph(ctx, quotes, k)
    if src is None and not partial:
        src = _run_before(ctx, quotes, k)
    if src is None and not partial and (sp.continues or opens_paragraph(ctx.text, sp, ctx.art.paragraphs)):
        src = _source_in_previous_paragraphs(quotes, k)
        if src is not None and not sp.continues and (quotes[src].span.para < sp.para - 1 or quotes[src].kind == "partial"
                                                     or _ends_reporting_someone(ctx, sp.para - 1, quotes[src].span.outer_end)):
            # a paragraph about someone else came between (`Carter said that ...` / `"..."`), or
            # the source is a fragment in a sentence about someone else (`Shepherd remembered
            # how a colleague called her "Betty".` / `"When I said ..."`)
            c = previous_paragraph_subject(ctx, k)
            if c is not None:
                return c
    if src is None and not partial:
        att = previous_paragraph_subject(ctx, k)
        if att is not None:
            return att
        src = _last_speaker_of_first_person(ctx, quotes, k)
    if src is None:
        return None
    return carried_from(quotes, k, src)


WRITER_PRONOUNS = ("i", "we", "you")  # the writer's (or a reader's) "I think", a generic "you": no one's quote
LAST_SPEAKER_PARAGRAPHS = 3  # how far back a first-person quote with no other source finds its speaker


def _last_speaker_of_first_person(ctx: QuoteContext, quotes: list[Quote], k: int) -> int | None:
    """A full quote in the first person that nothing else attributes, set in the writer's sentences
    (`... each cinema will have an individual key. "People will see ... I think"`): the nearest
    earlier full quote with a speaker, in its paragraph or the LAST_SPEAKER_PARAGRAPHS before it,
    who is then still talking (not a report or a statement, which says no "I" or "we")."""
    sp = quotes[k].span
    words = set(ctx.text[sp.start:sp.end].lower().replace("’", "'").split())
    if words.isdisjoint(speaker_words().first_person):
        return None
    for j in range(k - 1, -1, -1):
        other = quotes[j]
        if other.span.para < sp.para - LAST_SPEAKER_PARAGRAPHS:
            return None
        if other.kept and other.kind == "full" and other.att is not None and other.att.head is not None:
            return None if is_utterance(other.att.head) else j  # a report says no "I"
    return None


def _run_before(ctx: QuoteContext, quotes: list[Quote], k: int) -> int | None:
    """`"Hiring was weaker than forecast." "Factories are hiring again."`: a full quote right after
    another of its paragraph, with no words of the writer between, goes on with its speaker
    (however that quote got it)."""
    if k == 0:
        return None
    prev, sp = quotes[k - 1], quotes[k].span
    if prev.span.para != sp.para or not prev.kept or prev.kind == "partial" or prev.att is None or prev.att.head is None:
        return None
    return k - 1 if not ctx.text[prev.span.outer_end:sp.open].strip() else None


def _source_in_paragraph(ctx: QuoteContext, quotes: list[Quote], k: int) -> int | None:
    """The nearest quote of k's paragraph attributed by a strategy of its own: before it, then
    after it in its sentence; for a partial quote, only in its sentence or the one before it
    (the writer goes on reporting the same source: `..., the club said in its statement. It
    should be at a price that "the board is likely to regard as fair"`)."""
    sp = quotes[k].span
    partial = quotes[k].kind == "partial"
    sent_k = ctx.sent_of[ctx.tok_at(sp.open)]
    for j in _same_paragraph(quotes, k):
        other = quotes[j]
        sent_j = ctx.sent_of[ctx.tok_at(other.span.open)]
        if j > k and sent_j != sent_k or partial and sent_j not in (sent_k, sent_k - 1):
            continue
        if other.kept and _own(other.att):
            return j
    return None


def _same_paragraph(quotes: list[Quote], k: int) -> list[int]:
    """The other quotes of k's paragraph: nearest before it first, then those after it
    (quotes come in text order, so a paragraph's quotes are consecutive)."""
    para = quotes[k].span.para
    lo = k
    while lo > 0 and quotes[lo - 1].span.para == para:
        lo -= 1
    hi = k + 1
    while hi < len(quotes) and quotes[hi].span.para == para:
        hi += 1
    return list(range(k - 1, lo - 1, -1)) + list(range(k + 1, hi))


def _source_in_previous_paragraphs(quotes: list[Quote], k: int) -> int | None:
    """The nearest earlier quote with a speaker within CARRY_PARAGRAPHS paragraphs back."""
    para = quotes[k].span.para
    for j in range(k - 1, -1, -1):
        if quotes[j].span.para < para - CARRY_PARAGRAPHS:
            break
        a = quotes[j].att
        if quotes[j].kept and a is not None and a.head is not None:
            return j
    return None


def previous_paragraph_subject(ctx: QuoteContext, k: int) -> Attribution | None:
    """A quote paragraph with no attribution after a paragraph whose last sentence is
    about a named person (`Valastro praised Christie's leadership ...` / `"We need ..."`)."""
    sp = ctx.spans[k]
    if sp.para == 0 or not opens_paragraph(ctx.text, sp, ctx.art.paragraphs):
        return None
    prev = ctx.art.paragraphs[sp.para - 1]
    if prev.kind != "body":
        return None
    i = _last_word(ctx, sp.para - 1, prev.start)
    if i is None:
        return None
    subj = sentence_subject(ctx, i) or _reporter(ctx, prev.start, i)
    if subj is None:
        return None
    att = named_by(ctx, subj, "carried")
    att.strategy = "previous_paragraph_subject"
    return att


def _ends_reporting_someone(ctx: QuoteContext, para: int, after: int) -> bool:
    """The paragraph ends, after character `after`, with a sentence reporting a named person's
    words in the writer's own (`Ann Cole, editor of Harbour Weekly, said the pier would draw
    crowds.` / `"They want ..."`): the quote that follows is that person's, not the earlier quote's."""
    i = _last_word(ctx, para, max(ctx.art.paragraphs[para].start, after))
    if i is None:
        return False
    root = ctx.doc[i].sent.root
    return root.idx >= after and speech_verb(ctx, root) and _person_reported(ctx, root) is not None


def _last_word(ctx: QuoteContext, para: int, start: int) -> int | None:
    """The paragraph's last token that is no space, if it is at or after character `start` and
    outside quotes (the end of a sentence of the writer's)."""
    i = ctx.tok_at(ctx.art.paragraphs[para].end - 1)
    while i >= 0 and ctx.doc[i].is_space:
        i -= 1
    return None if i < 0 or ctx.doc[i].idx < start or ctx.quoted(i) else i


def _reporter(ctx: QuoteContext, start: int, i: int) -> Token | None:
    """`Steve Ash, from Activcard, told the website there are two parts ... The most difficult is
    ...` / `"..."`: when the paragraph's last sentence is about no one, the person whose reported
    speech the paragraph's last reporting verb gives (the verb heads its sentence and reports a
    clause of the writer's, not a quotation)."""
    doc = ctx.doc
    while i >= 0 and doc[i].idx >= start:
        t = doc[i]
        i -= 1
        if t.dep_ == "ROOT" and speech_verb(ctx, t):
            return _person_reported(ctx, t)  # none for no clause or a quotation: carrying from it is the quotes' business
    return None


def _person_reported(ctx: QuoteContext, verb: Token) -> Token | None:
    """The named person whose words the speech verb gives in the writer's own clause (not a
    quotation), if it reports one."""
    found = reported_by(ctx, verb)
    if found is None or any(ctx.quoted(j) for j in range(found[0].left_edge.i, found[0].right_edge.i + 1)):
        return None
    return found[1] if names_a_person(found[1]) else None


def last_reporter(ctx: QuoteContext, quotes: list[Quote], reported: list[Reported]) -> None:
    """A full quote nothing attributes, after the writer's sentences (`Ann Cole, the festival's
    director, said the tickets had sold out. The hall seats 900. "We could have sold them twice
    over."`): the speaker of the nearest full quotation or reported speech before it, in its
    paragraph or the LAST_SPEAKER_PARAGRAPHS before it, who is still talking, as the writer's
    sentences since bring in no one else (`_someone_else_since`). Not when that nearest source
    is a report or the writer's "I" (a generic "you"): they pass on no speaker. Not for a partial
    quote, nor from one: a phrase the writer quotes with no cue is often someone else's words (a
    slogan, an epithet). In place; how="carried"."""
    sources: list[tuple[int, int, int, Attribution]] = [
        (q.span.start, q.span.outer_end, q.span.para, q.att) for q in quotes
        if q.kept and q.kind == "full" and q.att is not None and q.att.head is not None]
    sources += [(r.start, r.end, ctx.art.paragraph_at(r.start), r.att) for r in reported if r.att.head is not None]
    sources.sort(key=lambda s: s[0])
    for q in quotes:
        if not q.kept or q.kind != "full" or (q.att is not None and q.att.head is not None):
            continue
        before = [s for s in sources if s[0] < q.span.start]
        if not before:
            continue
        _, end, para, s = before[-1]
        if para < q.span.para - LAST_SPEAKER_PARAGRAPHS or s.head.lower_ in WRITER_PRONOUNS or is_utterance(s.head) \
                or _someone_else_since(ctx, s.head, end, q.span.start):
            continue
        q.att = Attribution(cue=q.att.cue if q.att is not None else None, speaker_start=s.speaker_start,
                            speaker_end=s.speaker_end, head=s.head, how="carried", strategy="carried")


def _someone_else_since(ctx: QuoteContext, source: Token, start: int, end: int) -> bool:
    """Between characters start and end, outside quotes, the writer names a person other than
    the source's (anywhere: "The plan was criticised by Tom Reid", "For Tom Reid, ..."; any
    person after a pronoun source), or makes a subject of a name, a noun for a person or a group,
    or something said or written ("A statement from Acme was released"), not a pronoun."""
    lex = speaker_words()
    p = ctx.profiles
    own = p.entity_at(source.idx, source.idx + len(source.text), prefer=source.idx)
    own_id = p.canon(own).entity_id if own is not None else None
    for ms, _, e in p.mentions_in(start, end):
        if e.label == "PERSON" and not ctx.quoted(ctx.tok_at(ms)) and p.canon(e).entity_id != own_id:
            return True
    for i in range(ctx.tok_at(start), ctx.tok_at(end)):
        t = ctx.doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and not ctx.quoted(i) and t.idx >= start and t.pos_ != "PRON" \
                and (speakerlike(t) or t.lower_ in lex.groups or is_utterance(t)):
            return True
    return False
