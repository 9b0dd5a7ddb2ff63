"""Attribution strategies: which one decides, in which order, and what each finds."""
from __future__ import annotations

import pytest

from tasks.extract.quotes.attribution import STRATEGIES, Site, attribute
from tasks.extract.quotes.classify import kind_of


def found(ctx, att) -> tuple | None:
    """(strategy, how, cue, speaker words) of an attribution."""
    if att is None:
        return None
    words = ctx.text[att.speaker_start:att.speaker_end] if att.speaker_start is not None else None
    return att.strategy, att.how, att.cue.text if att.cue is not None else None, words


def site(ctx, k: int = 0) -> Site:
    return Site(ctx, k, partial=kind_of(ctx, k) == "partial", before=ctx.before_tokens(k), after=ctx.after_tokens(k))


def test_strategies_are_tried_in_this_order():
    assert list(STRATEGIES) == ["cue_after", "dash_name", "bare_name", "dash_paragraph", "dash_label", "cue_above", "cue_before", "according_to",
                                "colon_paragraph", "label_colon", "noun_cue", "noun_of", "colon_subject", "preceding_cue",
                                "preceding_according", "preceding_subject", "clause_subject"]


def test_every_rule_has_its_values_in_the_quotes_schema():
    """The attribution column names the deciding rule: every strategy is among the schema's rules."""
    from tasks.schemas import QUOTE_RULES
    assert [r for r in QUOTE_RULES if r in STRATEGIES] == list(STRATEGIES)
    assert set(QUOTE_RULES) - set(STRATEGIES) == {"carried", "previous_paragraph_subject", "reported_speech"}


@pytest.mark.parametrize("text, expected", [
    ("Harbour plan\n\nHarbourmaster Tom Reilly spoke on Monday.\n\n\"The new quay will open in May,\" Reilly said.",
     ("cue_after", "after", "said", "Reilly")),
    ("Harbour plan\n\n\"We are ready\" ― Tom Reilly\n\nThe quay opens in May.",
     ("dash_name", "dash", None, "Tom Reilly")),
    ("Harbour plan\n\nThe council spoke on Monday.\n\n\"The quay will open in May.\"\n\n- Tom Reilly.\n\nWork goes on.",
     ("dash_paragraph", "dash", None, "Tom Reilly")),
    ("Harbour plan\n\nLocals agree - Tom Reilly: \"The quay is the best thing to happen to the town.\"",
     ("dash_label", "colon", None, "Tom Reilly")),
    ("Harbour plan\n\nTom Reilly, the harbourmaster, told the meeting that the quay was \"a gift to the town\" and would open soon.",
     ("cue_above", "tree", "told", "Tom Reilly")),
    ("Harbour plan\n\nHarbourmaster Tom Reilly said: \"The quay will open in May.\"",
     ("cue_above", "tree", "said", "Harbourmaster Tom Reilly")),
    ("Harbour plan\n\nAs Tom Reilly put it, \"the quay is open.\"",
     ("cue_before", "before", "put", "Tom Reilly")),
    ("Harbour plan\n\nSaid harbourmaster Tom Reilly: \"The quay will open in May.\"",
     ("cue_before", "before", "Said", "harbourmaster Tom Reilly")),
    ("Harbour plan\n\nAccording to the council, \"the quay will open in May and stay open all year.\"",
     ("according_to", "according", None, "the council")),
    ("Harbour plan\n\nHarbourmaster Tom Reilly gave the following answer:\n\n\"The quay will open in May.\"",
     ("colon_paragraph", "colon", None, "Harbourmaster Tom Reilly")),
    ("Harbour plan\n\nMayor Ann Cole: \"We are delighted with it.\"",
     ("label_colon", "colon", None, "Mayor Ann Cole")),
    ("Harbour plan\n\nTom Reilly issued a statement, \"The quay will open in May and nobody will be charged.\"",
     ("noun_cue", "before", None, "Tom Reilly")),
    ("Harbour plan\n\n\"The quay is a gift to the town,\" is the verdict of harbourmaster Tom Reilly.",
     ("noun_of", "before", None, "harbourmaster Tom Reilly")),
    ("Harbour plan\n\nThe delay does not worry harbourmaster Tom Reilly: \"The quay will open in May.\"",
     ("colon_subject", "colon", None, "Tom Reilly")),
    ("Harbour plan\n\nThe quay will open in May, Tom Reilly said. \"Nobody will pay to moor a boat here.\"",
     ("preceding_cue", "carried", "said", "Tom Reilly")),
    ("Harbour plan\n\nThe problem, according to Tom Reilly, is the weather. \"Nobody will sail in these storms.\"",
     ("preceding_according", "carried", None, "Tom Reilly")),
    ("Harbour plan\n\nHarbourmaster Tom Reilly walked along the new quay on Monday. \"Nobody will pay to moor a boat here.\"",
     ("preceding_subject", "carried", None, "Harbourmaster Tom Reilly")),
    ("Harbour plan\n\nTom Reilly has attacked the council as a \"bunch of cowboys\" over the delays.",
     ("clause_subject", "subject", None, "Tom Reilly")),
    ("Harbour plan\n\nThe harbour trust published its accounts. The statement blames a \"wet and windy summer\" for the loss.",
     ("clause_subject", "subject", None, "The statement")),
])
def test_the_strategy_that_decides(quote_context, text, expected):
    ctx = quote_context(text)
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Harbour plan\n\nThe mayor spoke.\n\n\"The quay will open in May,\" she will tell the council.",
     ("cue_after", "after", "tell", "she")),
    ("Harbour plan\n\nThe mayor spoke.\n\n\"The quay will open in May,\" Ann Cole later said.",
     ("cue_after", "after", "said", "Ann Cole")),
    # after a question mark a capitalised subject starts a sentence of the writer's own
    ("Harbour plan\n\nTom Reilly spoke. \"Who would moor a boat here?\" Ann Cole has also agreed to sit on the board.",
     ("preceding_subject", "carried", None, "Tom Reilly")),
])
def test_an_auxiliary_or_an_adverb_may_come_between_the_speaker_and_the_cue_after_a_comma(quote_context, text, expected):
    ctx = quote_context(text)
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == expected


def test_an_earlier_strategy_wins(quote_context):
    """`Locals agree - Tom Reilly: "..."`: the dash label comes before the cue and the colon's subject."""
    ctx = quote_context("Harbour plan\n\nLocals agree - Tom Reilly: \"The quay is the best thing to happen to the town.\"")
    q = site(ctx)
    fired = {name: found(ctx, strategy(q))[1:] for name, strategy in STRATEGIES.items() if strategy(q) is not None}
    assert fired == {"dash_label": ("colon", None, "Tom Reilly"), "cue_before": ("before", "agree", "Locals"),
                     "colon_subject": ("colon", None, "Locals")}


def test_a_cue_with_no_speaker_is_kept_when_no_strategy_names_one(quote_context):
    ctx = quote_context("Harbour\n\n\"The pier is safe,\" was said on Monday.")
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == ("cue_above", "tree", "said", None)


def test_outer_source_of_the_reported_words(quote_context):
    """The paper that reports the words is their source only when no person is said to have said them."""
    ctx = quote_context("Harbour\n\nMayor Ann Cole spoke. \"The pier is safe,\" she said, according to the Harbour Gazette.")
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == ("cue_after", "after", "said", "she")
    ctx = quote_context("Harbour\n\nThe pier reopened. \"The pier is safe,\" the notice said, according to the Harbour Gazette.")
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == ("cue_after", "after", "said", "the Harbour Gazette")


def test_name_glued_to_the_closing_mark(quote_context):
    ctx = quote_context("Harbour\n\nMayor Ann Cole spoke.\n\n\"The pier is safe,”Cole said.")
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == ("cue_after", "after", "said", "Cole")


def test_no_attribution(quote_context):
    ctx = quote_context("Harbour\n\nThe \"new\" pier is open.")
    assert attribute(ctx, 0, kind_of(ctx, 0)) is None


@pytest.mark.parametrize("text, k, expected", [
    # a sentence that is only a speaker and a verb of speech attributes the quote before it,
    # even when that quote ends in a full stop
    ("Harbour\n\nThe mayor spoke on Monday.\n\n\"The pier will open in May.\" Cole said.", 0,
     ("cue_after", "after", "said", "Cole")),
    # a reporting verb the tagger took for a noun after a written source
    ("Harbour\n\nThe paper was blunt.\n\n\"Six months of delay on a single pier is a failure the town will remember,\" the editorial read.", 0,
     ("cue_after", "after", "read", "the editorial")),
    # a whole quotation closing a sentence after a comma or a dash: the clause's person subject
    ("Harbour\n\nAnn Cole, the mayor, reacted coolly to the plan, \"Our town cannot lose its only working harbour.\"", 0,
     ("colon_subject", "colon", None, "Ann Cole")),
    ("Harbour\n\nTom Reilly also spoke about the winter storms -- \"Three boats sank in January and the insurers will not pay.\"", 0,
     ("colon_subject", "colon", None, "Tom Reilly")),
    # before a colon, the main clause's subject introduces the quote, not an embedded clause's
    ("Harbour\n\nThe Gazette dwells on what the new fees will mean for owners: \"Nobody can moor here without paying a week's wages.\"", 0,
     ("colon_subject", "colon", None, "The Gazette")),
    # ... when that subject can speak; else the nearest subject that can
    ("Harbour\n\nThe mood turned once the harbourmaster came in with a warning: \"Nobody sails out tonight.\"", 0,
     ("colon_subject", "colon", None, "the harbourmaster")),
    # two spaces between the sentence before and the quote are not words of the writer's
    ("Harbour\n\nTom Reilly told the crowd on the quay that the fees would go.  \"Nobody should pay twice for the same mooring.\"", 0,
     ("preceding_cue", "carried", "told", "Tom Reilly")),
    # a verb asking someone to do something reports no words: the carry goes back to "she said"
    ("Harbour\n\nThe council, she said, can mend the quay without asking owners to pay more fees. "
     "\"We will find the money elsewhere.\"", 0,
     ("preceding_cue", "carried", "said", "she")),
    # an opening mark glued to the comma after the cue
    ("Harbour\n\nReilly said,\"We were never asked about the fees, and we will fight them.\"", 0,
     ("cue_above", "tree", "said", "Reilly")),
    # a reporting verb in a clause hanging on the main one relays or times the words: the main verb's speaker goes on
    ("Harbour\n\n\"We will win,\" Ann Cole declared at the rally, as the Harbour Times reported. "
     "\"And we will win big.\"", 1, ("preceding_cue", "carried", "declared", "Ann Cole")),
    ("Harbour\n\n\"They are binding,\" Tom Reid told reporters on Friday, after Mayor Jo Bell announced plans to scrap "
     "the moorings. \"These contracts stand.\"", 1, ("preceding_cue", "carried", "told", "Tom Reid")),
    ("Harbour\n\n\"It is over,\" Cole wrote in a memo, which the Harbour Times revealed on Sunday. \"We lost.\"", 1,
     ("preceding_cue", "carried", "wrote", "Cole")),
    # ... but one that introduces someone new, or reports words of its own, keeps its speaker
    ("Talk\n\nMPs questioned Tom Reid, who insisted the plan was working. \"We are on track.\"", 0,
     ("preceding_cue", "carried", "insisted", "who")),
    # a quote whose sentence goes on past a comma, then a subject and a verb that takes nothing else: any verb reports it
    ("Harbour\n\nTom Hale spoke first. \"We are ready,\" an angry Ann Bell retaliated.", 0,
     ("cue_after", "after", "retaliated", "an angry Ann Bell")),
])
def test_general_attribution_kinds(quote_context, text, k, expected):
    ctx = quote_context(text)
    assert found(ctx, attribute(ctx, k, kind_of(ctx, k))) == expected


@pytest.mark.parametrize("text", [
    "Harbour\n\n\"The pier will open in May.\" Then the crowd cheered for the mayor.",  # a sentence of its own
    "Harbour\n\n\"The pier will open in May.\" Cole said it twice to the crowd.",  # the verb has an object
    "Harbour\n\nAnn Cole wrote to the board: \"The pier is unsafe.\" Tom Reilly replied angrily.",  # introduced: Reilly answers
])
def test_a_full_stop_still_ends_the_quote_before_a_sentence_of_its_own(quote_context, text):
    ctx = quote_context(text)
    att = attribute(ctx, 0, kind_of(ctx, 0))
    assert att is None or att.strategy != "cue_after"


@pytest.mark.parametrize("text, expected", [
    ("Films\n\n\"Jaws,\" starring Roy Scheider, premiered in June.", None),  # the verb after is not the subject's
    ("Films\n\n\"The Wall,\" the band released in 1979, sold well.", None),  # the verb has the quote's title as its object
    ("Films\n\n\"Mamma Mia!\" the musical opened.", None),  # the parse hangs the title on no verb
    ("Vote\n\nUnder the banner \"Never again,\" thousands marched.", None),  # words before the quote set a scene
    ("Vote\n\nWhen he shouted \"enough,\" the room erupted.", ("cue_above", "tree", "shouted", "he")),  # its verb is before it
])
def test_a_verb_after_a_title_or_a_scene_in_marks_reports_nothing(quote_context, text, expected):
    ctx = quote_context(text)
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == expected


def test_a_comma_before_a_quote_needs_a_person_subject(quote_context):
    ctx = quote_context("Harbour\n\nIn the spring of that year, \"the quay was closed to every boat in the harbour.\"")
    assert attribute(ctx, 0, kind_of(ctx, 0)) is None


def test_name_glued_to_a_straight_closing_mark(quote_context):
    ctx = quote_context("Harbour\n\nMayor Ann Cole spoke.\n\n\"The pier is safe,\"Cole said.")
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == ("cue_after", "after", "said", "Cole")


@pytest.mark.parametrize("text, k, expected", [
    # an "according to" in the next sentence is not the outer source of a quote that ended its own
    ("Harbour\n\nMayor Ann Cole wrote on Facebook, saying that the board should publish the accounts \"without further delay.\" "
     "Cole will visit the quay on Friday, according to a council aide.", 0,
     ("cue_above", "tree", "saying", "Mayor Ann Cole")),
    # a fragment inside a clause that a reporting verb before it reports: that verb's speaker
    ("Harbour\n\nHarbour lawyer Tom Reilly said in a letter that the poster \"plainly and falsely\" suggests the police back the mayor.", 0,
     ("cue_above", "tree", "said", "lawyer Tom Reilly")),
    # a reply coordinated below another reporting verb keeps its own speaker
    ("Harbour\n\nShe said skippers would not get the rebate, and when asked why the plan leaves out skippers, "
     "the 52-year-old skipper replied, \"The rebate is meant for the families who lost a boat.\"", 0,
     ("cue_above", "tree", "replied", "the 52-year-old skipper")),
    # a run-on sentence (no full stop after the quote) that the parse hangs on the second "said"
    ("Harbour\n\nMs Cole said she hoped \"that the fishermen of the bay would gain from the new quay\" "
     "Asked about the fees, she said that the charges were \"only a small part of the cost\".", 0,
     ("cue_above", "tree", "said", "Ms Cole")),
    # a reporting aside in the writer's sentence reports the whole sentence, the inner cue's words too
    ("Harbour\n\nDuring her years in office, Ms Cole said, most residents have come to believe \"that the pier matters "
     "and we should fix it.\" She also built a school.", 0,
     ("cue_above", "tree", "said", "Ms Cole")),
    # the parse hangs the quote on the sentence's verb; the "-ing" speech verb with its own subject right before it says it
    ("Harbour\n\nThe advert concludes with footage of Ann Cole saying during the hustings on Monday, \"That is why I voted no,\" "
     "when her rival attacked her record.", 0,
     ("cue_above", "tree", "saying", "Ann Cole")),
])
def test_which_reporting_verb_owns_the_quoted_words(quote_context, text, k, expected):
    ctx = quote_context(text)
    assert found(ctx, attribute(ctx, k, kind_of(ctx, k))) == expected


@pytest.mark.parametrize("text, expected", [
    # the speaker's description holds a relative clause before the cue
    ("Harbour\n\n\"The quay needs a plan for the winter storms,\" Tom Reilly, the harbour expert who founded a sailing "
     "club, wrote on Wednesday.", ("cue_after", "after", "wrote", "Tom Reilly")),
    # a reporting verb the tagger took for a plural noun at the end of a longer noun phrase
    ("Harbour\n\n\"Only the mayor is strong enough to stop the fees,\" a narrator in the clip states.",
     ("cue_after", "after", "states", "a narrator in the clip")),
    # an inverted subject the parse took for an object, opened by a hyphenated modifier
    ("Harbour\n\n\"Who will pay for the pier?\", implored kite-flying harbour campaigner Ann Cole.",
     ("cue_after", "after", "implored", "kite-flying harbour campaigner Ann Cole")),
    # the subject of a passive verb of addressing heard the words: no one is named
    ("Harbour\n\nAt the inquiry harbour chief Tom Reilly was asked: \"Why did the ferry stop running?\"",
     ("cue_above", "tree", "asked", None)),
    ("Harbour\n\nAt the inquiry harbour chief Tom Reilly was asked by Ann Cole: \"Why did the ferry stop running?\"",
     ("cue_above", "tree", "asked", "Ann Cole")),
    # a body's founding text cited with "per"
    ("Harbour\n\nMembers may send a deputy to most votes, but not when voting \"to choose a new harbourmaster,\" per the guild's bylaws.",
     ("according_to", "according", None, "the guild's bylaws")),
    # a transcript label whose bracket the tokenizer glued to the colon
    ("Harbour\n\nRep. Ann Cole (D-Ohio):\"Nobody on this committee has seen that figure. Who gave it to you?\"",
     ("label_colon", "colon", None, "Rep. Ann Cole")),
])
def test_a_speaker_s_words_around_a_quote_in_less_usual_shapes(quote_context, text, expected):
    ctx = quote_context(text)
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == expected


def test_a_cue_the_parse_left_without_a_subject_takes_the_name_right_before_it(quote_context):
    """The parse hung the name on the phrase before it ("at the convention Sen. Ann Cole"), so
    "said" has no subject: the person named right before the cue (past a bracket) said it."""
    ctx = quote_context("Harbour\n\nThe harbour row went on.\n\nSaturday at the Ohio state party convention Sen. Ann Cole "
                        "(D-OH) said harbour chief Tom Reilly was a \"proven failure\" in business.")
    assert found(ctx, attribute(ctx, 0, kind_of(ctx, 0))) == ("cue_above", "tree", "said", "Sen. Ann Cole")
