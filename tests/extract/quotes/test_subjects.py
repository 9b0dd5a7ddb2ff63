"""The words that name a speaker, read off the parse (subjects.py)."""
from __future__ import annotations

from tasks.extract.quotes import subjects as S


def tok(ctx, word: str, nth: int = 0):
    return [t for t in ctx.doc if t.text == word][nth]


def words(ctx, span: tuple[int, int]) -> str:
    return ctx.text[span[0]:span[1]]


def test_subject_of_a_cue_and_of_a_participle(quote_context):
    ctx = quote_context("Harbour\n\nHarbourmaster Tom Reilly said the ferry was late, adding that the pier was unsafe.")
    said, adding = tok(ctx, "said"), tok(ctx, "adding")
    assert S.subject_of(ctx, said).text == "Reilly"
    assert S.subject_of(ctx, adding).text == "Reilly"  # the participle climbs to the reporting clause
    assert words(ctx, S.mention_span(ctx, S.subject_of(ctx, said))) == "Harbourmaster Tom Reilly"
    assert S.own_subject(ctx, tok(ctx, "was")).text == "ferry"


def test_agent_of_a_passive(quote_context):
    ctx = quote_context("Harbour\n\nThe letter was written by Mayor Ann Cole on Monday.")
    cole = S.subject_of(ctx, tok(ctx, "written"))
    assert cole.text == "Cole" and words(ctx, S.mention_span(ctx, cole)) == "Mayor Ann Cole"


def test_fronted_subject_over_a_relative_clause(quote_context):
    ctx = quote_context("Harbour\n\nTom Reilly, who has run the harbour for a decade and knows every boat, said the pier was unsafe.")
    s, e, head = S.fronted_subject(ctx, tok(ctx, "said"))
    assert (ctx.text[s:e], head.text) == ("Tom Reilly", "Reilly")
    assert S.fronted_subject(ctx, tok(ctx, "was")) is None


def test_dates_cannot_speak(quote_context):
    ctx = quote_context("Harbour\n\nOn Monday the boatwright said the pier was unsafe. Monday said nothing new.")
    assert S.cannot_speak(tok(ctx, "Monday")) and not S.cannot_speak(tok(ctx, "boatwright"))
    assert S.subject_of(ctx, tok(ctx, "said")).text == "boatwright"
    assert S.personlike(tok(ctx, "boatwright")) is False and S.speakerlike(tok(ctx, "boatwright")) is False


def test_np_words_when_the_parse_is_no_help(quote_context):
    ctx = quote_context("Harbour\n\nHarbour police Chief Ann Cole, who was there, spoke.")
    toks = [t for t in ctx.doc if t.i >= 2 and not t.is_space]
    s, e, head = S.np_words(ctx, toks)
    assert (ctx.text[s:e], head.text) == ("Harbour police Chief Ann Cole", "Cole")
    assert S.np_words(ctx, [tok(ctx, "was"), tok(ctx, "there")]) is None  # a clause, not a name
    assert S.np_head(tok(ctx, "Ann")).text == "Cole"


def test_sentence_subject_and_known_person(quote_context):
    ctx = quote_context("Harbour\n\nMayor Ann Cole thanked the builders. The pier reopened.")
    assert S.sentence_subject(ctx, tok(ctx, "builders").i).text == "Cole"
    assert S.sentence_subject(ctx, tok(ctx, "reopened").i) is None  # "the pier" names no one
    assert S.known_person(ctx, tok(ctx, "Cole")) and not S.known_person(ctx, tok(ctx, "pier"))
    assert S.speakerlike(tok(ctx, "Cole")) and S.personlike(tok(ctx, "Mayor"))


def test_a_place_or_day_closing_a_phrase_before_the_name_is_not_part_of_the_mention(quote_context):
    """`In a statement issued on Wednesday Mr Reilly said`: the parse compounds the day into the
    name; the mention starts after it."""
    ctx = quote_context("Harbour\n\nIn a statement issued on Wednesday Mr Reilly said the quay would be part of his vision.")
    assert words(ctx, S.mention_span(ctx, tok(ctx, "Reilly"))) == "Mr Reilly"


def test_a_subject_the_parse_found_inside_an_aside_between_commas_gives_way_to_the_name_before_it(quote_context):
    """`Dr Brian Gibb, on his first day after Jane Holt was sacked, admitted ...`: when the parse
    hangs "admitted" on "sacked" (as it does in some articles), the speaker is still the name
    before the aside, not the subject inside it."""
    ctx = quote_context("Minister\n\nDr Brian Gibb, on his first day after Jane Holt was sacked, admitted the lists were long "
                        "but insisted the basics were sound.")
    admitted, sacked, gibb, holt = tok(ctx, "admitted"), tok(ctx, "sacked"), tok(ctx, "Gibb"), tok(ctx, "Holt")
    assert S.subject_of(ctx, admitted).text == "Gibb"  # the parse as the model makes it here
    # the parse some articles get: "sacked" the root with both names as its subjects, "admitted" a loose dependent
    sacked.head, sacked.dep_ = sacked, "ROOT"
    admitted.head, admitted.dep_ = sacked, "dep"
    gibb.head, gibb.dep_ = sacked, "nsubjpass"
    holt.head, holt.dep_ = sacked, "nsubjpass"
    assert S.subject_of(ctx, admitted).text == "Gibb"
    assert S.subject_of(ctx, tok(ctx, "insisted")).text == "Gibb"  # the verb joined to it by "but" too


def test_a_cue_with_no_subject_after_a_name_and_its_apposition_is_that_name_s(quote_context):
    """The parse hangs "Ewan Wyn Rees, leader of the group," on the noun before it and leaves "said" with no subject."""
    ctx = quote_context("Reshuffle\n\nIn response to Dr Gibb's comments, Ewan Wyn Rees, leader of the Green group in the assembly, "
                        "said: \"This shuffle changes nothing of substance.\"")
    assert S.subject_of(ctx, tok(ctx, "said")).text == "Rees"


def test_a_verb_joined_to_a_passive_shares_its_subject_not_its_agent(quote_context):
    ctx = quote_context("Rally\n\nSara Stone was joined on stage by Senator Al Frank and joked that the crowd was loud.")
    assert S.subject_of(ctx, tok(ctx, "joined")).text == "Frank"  # the passive's own cue: its agent
    assert S.subject_of(ctx, tok(ctx, "joked")).text == "Stone"


def test_a_person_the_parse_hung_on_a_body_s_name_is_the_subject(nlp):
    """"Ann Brill of campaign group FairPlay! said": when the parse makes the body the subject with
    the person before it as a modifier, the person followed by "of" speaks."""
    from types import SimpleNamespace

    from spacy.tokens import Doc
    words = ["Ann", "Brill", "of", "campaign", "group", "FairPlay", "!", "said", "it", "was", "over", "."]
    heads = [1, 5, 1, 4, 2, 7, 5, 7, 9, 7, 9, 7]
    deps = ["compound", "nmod", "prep", "compound", "pobj", "nsubj", "punct", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=["B-PERSON", "I-PERSON"] + ["O"] * 3 + ["B-ORG"] + ["O"] * 6)
    ctx = SimpleNamespace(doc=doc, quoted=lambda i: False)
    assert S.own_subject(ctx, doc[7]).text == "Brill"
    doc2 = Doc(nlp.vocab, words=["The", "Bank", "of", "Wales", "said", "so", "."], heads=[1, 4, 1, 2, 4, 4, 4],
               deps=["det", "nsubj", "prep", "pobj", "ROOT", "advmod", "punct"], ents=["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    assert S.own_subject(SimpleNamespace(doc=doc2, quoted=lambda i: False), doc2[4]).text == "Bank"


def test_a_rank_keeps_its_numeral(quote_context):
    ctx = quote_context("Harbour\n\nThe former county number two said the regatta was over.")
    said = tok(ctx, "said")
    assert words(ctx, S.mention_span(ctx, S.subject_of(ctx, said))) == "The former county number two"


def test_a_subject_the_parse_joined_to_an_earlier_noun(quote_context):
    """"Port officials claimed he was one of the smugglers but his lawyer, Ann Cole, denied ...
    and added": the parse joins "his lawyer" to "smugglers"; the verbs after it are hers, not
    the first clause's subject's."""
    ctx = quote_context("Smuggling case\n\nPort officials claimed Mr Okafor was one of the smugglers' leaders but his "
                        "lawyer, Ann Tolliver, denied the claim and added: \"He has never owned a boat.\"")
    assert S.subject_of(ctx, tok(ctx, "denied")).text == "lawyer"
    assert S.subject_of(ctx, tok(ctx, "added")).text == "lawyer"
    ctx = quote_context("Smuggling case\n\nPort officials questioned Mr Okafor and told the local paper he was a "
                        "leader.")
    assert S.subject_of(ctx, tok(ctx, "told")).text == "officials"  # a verb joined to the first clause: its subject
    ctx = quote_context("Arrests\n\nDetectives questioned Tom Reid and Ann Tolliver, released them on bail and said: "
                        "\"Inquiries are continuing.\"")
    assert S.subject_of(ctx, tok(ctx, "said")).text == "Detectives"  # a list of objects, then the verbs: not the last name
