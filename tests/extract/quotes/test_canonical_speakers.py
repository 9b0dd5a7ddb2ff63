"""Canonical speakers, one test per kind of failure the issue names (invented articles): every
quote's (words, speaker, speaker_type, attribution) row, exactly."""
from __future__ import annotations

from tasks.extract.entities import index as entities
from tasks.extract.entities.index import EntityIndex
from tasks.extract.quotes.describe import _org_by_one_word, _owned_by_a_person, proper_name
from tasks.extract.quotes.extract import extract
from tasks.extract.quotes.profiles import EntityProfiles, token_sentences
from tasks.extract.quotes.speaker import Resolver


def quote_rows(parse, text: str) -> list[dict]:
    """Every row of the quotes table for the text, indirect ones included."""
    art, doc = parse(text)
    rows = extract(art, doc, entities.extract(art, doc))
    for r in rows:  # a named speaker has its entity; an unnamed one has none; no speaker, no type
        assert (r["speaker_type"] in ("person", "organisation")) == (r["speaker_entity_id"] is not None)
        assert (r["speaker_type"] is None) == (r["speaker"] is None)
    return rows


def speakers(parse, text: str) -> list[tuple]:
    return [(r["text"], r["speaker"], r["speaker_type"], r["attribution"]) for r in quote_rows(parse, text) if r["kind"] != "indirect"]


def test_descriptions_resolve_to_the_person_the_article_names(parse):
    """Role nouns with their modifiers, appositions and offices: the person described so."""
    text = ("Harbour row\n\nParty leader Jane Doe visited the harbour on Monday.\n\n"
            "\"The pier must be rebuilt,\" the party leader said.\n\n"
            "The chancellor, Ravi Patel, presented the budget. \"Growth is back,\" the chancellor said.\n\n"
            "Ms Doe was not impressed. \"It is a con,\" the leader said.\n\n"
            "Union general secretary Tom Okoro disagreed. \"It is too expensive,\" the union's general secretary said.\n\n"
            "The 68-year-old singer Mary Blake sang at the opening. \"I love this town,\" the singer said.")
    assert speakers(parse, text) == [
        ("The pier must be rebuilt,", "Jane Doe", "person", "cue_after:description"),
        ("Growth is back,", "Ravi Patel", "person", "cue_after:description"),
        ("It is a con,", "Jane Doe", "person", "cue_after:description"),  # "leader" itself beats its synonym "chancellor"
        ("It is too expensive,", "Tom Okoro", "person", "cue_after:description"),
        ("I love this town,", "Mary Blake", "person", "cue_after:description"),
    ]


def test_an_epithet_is_the_person_in_focus(parse):
    """"the Scot" with no Scot described: the person the previous sentences are about."""
    text = ("Cup tie\n\nManager Alex Burns praised his players on Friday. \"We are ready,\" Burns said.\n\n"
            "Striker Ruud Kramer is fit again, but the Scot admitted he was unsure whether to start him. "
            "\"Ruud is the best striker we have,\" he said.")
    assert speakers(parse, text) == [
        ("We are ready,", "Alex Burns", "person", "cue_after:name"),
        ("Ruud is the best striker we have,", "Alex Burns", "person", "cue_after:pronoun"),  # not Ruud, whom the quote names
    ]


def test_a_website_or_an_investigation_speaks_for_whoever_made_it_and_no_one_else(parse):
    """Made by the subject of a verb of making ("set up a website") or named in it ("a Europol
    investigation"); with no maker, written as it is, never the speaker before it."""
    text = ("Island pitch\n\nRadio host Rob Dunmore has set up a website that pitches the island to newcomers. "
            "\"We welcome all,\" the website explains.\n\n"
            "Mayor Ilse Varga said she liked the idea. One fan website called it \"a stroke of genius\".\n\n"
            "The ferry firm went bust in May, according to a Europol investigation published on Monday.\n\n"
            "\"The accounts were false,\" the Europol investigation said.")
    assert speakers(parse, text) == [
        ("We welcome all,", "Rob Dunmore", "person", "cue_after:description"),
        ("a stroke of genius", "the fan website", "unnamed", "cue_above:description"),
        ("The accounts were false,", "Europol", "organisation", "cue_after:description"),
    ]
    text = ("Island pitch\n\nRadio host Rob Dunmore has set up a website for newcomers. \"It is a scam,\" the rival website said.\n\n"
            "Governor Ann Cole began her second term in May. The fire destroyed six homes.\n\n"
            "\"The wiring was faulty,\" the investigation found.")
    assert speakers(parse, text) == [  # another website; no verb made this investigation
        ("It is a scam,", "the rival website", "unnamed", "cue_after:description"),
        ("The wiring was faulty,", "the investigation", "unnamed", "cue_after:description"),
    ]


def test_a_pronoun_after_another_person_s_name_tells_nothing_of_the_subject_s_gender(parse):
    """"Quill said Jane Marr had distanced herself": "herself" is hers, so Quill may still be "he"."""
    text = ("Fuel row\n\n\"We will sue,\" said Ebbe Quill, director of the Growers Union.\n\n"
            "Governor Tom Ward backed the rule on Monday. Quill said Jane Marr had \"distanced herself\" from it. "
            "\"I expect a long fight,\" he said.")
    assert speakers(parse, text) == [
        ("We will sue,", "Ebbe Quill", "person", "cue_after:name"),
        ("distanced herself", "Ebbe Quill", "person", "cue_above:name"),
        ("I expect a long fight,", "Ebbe Quill", "person", "cue_after:pronoun"),
    ]


def test_a_person_s_name_before_a_description_s_noun_is_written_as_in_the_text_and_never_the_speaker(parse):
    """"a senior Crane adviser": written as the article writes it (not "Ted Crane adviser"), the
    same unnamed speaker when the words come again, never Ted Crane himself nor whoever spoke
    between."""
    text = ("Campaign row\n\nSenator Ted Crane hopes to win back his colleagues. "
            "\"Those visits will pay off,\" said a senior Crane adviser.\n\n"
            "Crane's team is still deciding where he will campaign. Crane wants to help his party this autumn.\n\n"
            "Party chairman Roy Webb said he expects Crane to play a major role. "
            "\"Senators remember who helped them,\" said the senior Crane adviser.")
    assert speakers(parse, text) == [
        ("Those visits will pay off,", "the senior Crane adviser", "unnamed", "cue_after:description"),
        ("Senators remember who helped them,", "the senior Crane adviser", "unnamed", "cue_after:description"),
    ]


def test_a_candidate_or_an_investor_is_an_epithet_for_the_person_in_focus(parse):
    """"the frontrunner", "the investor": words for the person the article is about, who is
    never described so."""
    text = ("Race tightens\n\nMara Lindqvist won the debate on Tuesday.\n\n"
            "\"Voters want change,\" the frontrunner told supporters afterwards.\n\n"
            "Tech fund founder Oskar Brandt backed her rival. \"I like his plans for the ports,\" the investor said.")
    assert speakers(parse, text) == [
        ("Voters want change,", "Mara Lindqvist", "person", "cue_after:description"),
        ("I like his plans for the ports,", "Oskar Brandt", "person", "cue_after:description"),
    ]


def test_a_title_and_surname_link_to_the_full_name(parse):
    text = ("Pier study\n\nDr Amara Okafor, a marine biologist, studied the pier.\n\n"
            "\"The pilings are rotten,\" Dr Okafor said.\n\nProf Okafor later added: \"Repairs cannot wait.\"")
    assert speakers(parse, text) == [
        ("The pilings are rotten,", "Amara Okafor", "person", "cue_after:name"),
        ("Repairs cannot wait.", "Amara Okafor", "person", "cue_above:name"),
    ]


def test_a_first_name_that_is_a_common_word_keeps_the_person_whole(parse):
    text = ("School closures\n\nWill Carter, a parent, led the protest.\n\n\"We were ignored,\" Will Carter said.\n\n"
            "Hope Brennan, 52, a teacher, said: \"Nobody asked us.\"\n\n"
            "His friend, Saxon Merrow, a governor, agreed. \"It is a scandal,\" said Mrs Merrow.")
    assert speakers(parse, text) == [
        ("We were ignored,", "Will Carter", "person", "cue_after:name"),
        ("Nobody asked us.", "Hope Brennan", "person", "cue_above:name"),
        ("It is a scandal,", "Saxon Merrow", "person", "cue_after:name"),
    ]


def test_utterances_speak_for_whoever_made_them(parse):
    """An organisation speaks through its statement; "his comments" are his; a programme never speaks."""
    text = ("Budget vote\n\nThe Green Party said in a statement that it would vote against the budget. "
            "\"We cannot support this budget,\" the statement said.\n\n"
            "Party spokesman Sam Hill spoke to the BBC's Newsnight programme. \"It is a disgrace,\" his comments read. "
            "\"We will vote no,\" he told Newsnight.")
    assert speakers(parse, text) == [
        ("We cannot support this budget,", "Green Party", "organisation", "cue_after:description"),
        ("It is a disgrace,", "Sam Hill", "person", "cue_after:description"),
        ("We will vote no,", "Sam Hill", "person", "cue_after:pronoun"),
    ]


def test_a_review_speaks_for_the_paper_it_ran_in(parse):
    """"A milder review in the Northfield Times called it ...": that paper, not the one before."""
    text = ("Film\n\nThe film opened on Friday. The Harbour Post called it \"a triumph\". "
            "A milder review in the Northfield Times called it \"pleasant enough\".")
    assert speakers(parse, text) == [
        ("a triumph", "Harbour Post", "organisation", "cue_above:name"),
        ("pleasant enough", "Northfield Times", "organisation", "cue_above:description"),
    ]
    # what a paper does not write itself is not the paper's
    text = "Harbour bill\n\nThe harbour bill passed on Monday. A statement in Parliament called it \"a disgrace\"."
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the statement in Parliament"]


def test_an_account_a_transcript_and_a_readout_speak_for_whoever_made_them(parse):
    """A social media account is its owner's, the transcript of an interview the speaker's, a
    ministry's readout the ministry's."""
    text = ("Port deal\n\nMayor Rosa Ilves told a local radio station on Friday that she had no plans to sell. "
            "\"The port will stay public,\" a transcript of the interview showed.\n\n"
            "Councillor Ivo Tamm attacked the deal. His Twitter account called it \"a sell-out\" within the hour.\n\n"
            "The Ministry of Transport backed the mayor. \"The talks were useful,\" a ministry readout said.")
    assert speakers(parse, text) == [
        ("The port will stay public,", "Rosa Ilves", "person", "cue_after:description"),
        ("a sell-out", "Ivo Tamm", "person", "cue_above:description"),
        ("The talks were useful,", "Ministry of Transport", "organisation", "cue_after:description"),
    ]


def test_an_organisation_description_never_names_a_country(parse):
    text = ("Takeover\n\nUnited States tycoon Max Fell wants to buy Portside United. "
            "In a statement, the club said it would give Mr Fell \"limited access\" to its books.")
    assert speakers(parse, text) == [("limited access", "Portside United", "organisation", "cue_above:description")]


def test_someone_the_article_never_names_is_their_canonical_description(parse):
    """The description as written, its article made definite, the names in it under their
    canonical form; a later "the spokesman" is the same unnamed speaker, and so is "he"."""
    text = ("Ballet\n\nThe Northfield Academy of Music (NAM) launched a contest.\n\n"
            "A spokeswoman for the NAM said: \"We want more children to dance.\"\n\n"
            "A spokesman for the City Ballet told reporters that auditions were open. "
            "He said the competition was \"fierce\". \"It always is,\" the spokesman added.")
    assert speakers(parse, text) == [
        ("We want more children to dance.", "the spokeswoman for the Northfield Academy of Music", "unnamed", "cue_above:description"),
        ("fierce", "the spokesman for the City Ballet", "unnamed", "cue_above:pronoun"),
        ("It always is,", "the spokesman for the City Ballet", "unnamed", "cue_after:description"),
    ]


def test_an_unnamed_speaker_keeps_the_phrase_that_says_whose_they_are(parse):
    """"a person close to the mayor", "an aide to", "a source familiar with", "a critic in" a place:
    the words that tell the reader who the speaker is stay in their description; not "in a
    briefing", which tells where they spoke."""
    text = ("Harbour row\n\nThe mayor stayed silent on Monday. \"She is furious,\" a person close to the mayor told us. "
            "\"Nobody saw this coming,\" said a longtime aide to the governor. \"The talks are over,\" said a source "
            "familiar with the talks. \"It is a farce,\" said one critic in Norway.\n\n"
            "\"We will wait,\" a port official said in a briefing. \"We must wait,\" said a port official in a briefing. "
            "\"Nobody moves,\" said a harbour aide to reporters. \"It is done,\" said a harbour aide in March.")
    assert [s for _, s, _, _ in speakers(parse, text)] == [
        "the person close to the mayor", "the longtime aide to the governor", "the source familiar with the talks",
        "the critic in Norway", "the port official", "the port official", "the harbour aide", "the harbour aide"]


def test_carry_over_follows_the_person_introduced(parse):
    """After a second person is introduced, the quotes go to them; a quote whose speaker comes
    later in its paragraph (one quotation, its break lost) takes that speaker."""
    text = ("Ferry talks\n\n\"The ferry will run again,\" harbourmaster Tom Reilly said. \"We have the money.\"\n\n"
            "But council leader Ann Cole was sceptical. \"I will believe it when I see it,\" she said. \"The money is not there.\"\n\n"
            "Ann Cole's deputy, Raj Singh, went further. \"It is a fantasy. \"There is no plan at all,\" said Mr Singh.")
    assert speakers(parse, text) == [
        ("The ferry will run again,", "Tom Reilly", "person", "cue_above:name"),
        ("We have the money.", "Tom Reilly", "person", "preceding_cue:name"),
        ("I will believe it when I see it,", "Ann Cole", "person", "cue_after:pronoun"),
        ("The money is not there.", "Ann Cole", "person", "preceding_cue:pronoun"),
        ("It is a fantasy.", "Raj Singh", "person", "carried:name"),
        ("There is no plan at all,", "Raj Singh", "person", "cue_after:name"),
    ]


def test_a_pronoun_finds_the_subject_the_parse_hung_elsewhere(parse):
    """"..., her lawyer, Tom Reidy, said." (the parse left "said" without a subject) and "... between
    himself, Piet Okkerse and Rui Brenner of Portugal but James Marsh is unfazed" (the parse made
    the list the subject): the "he" after them is Tom Reidy, James Marsh."""
    text = ("Studio sued\n\nA dancer has sued the studio. The studio's spokesman said the claims were \"untrue\". "
            "The dancer delayed her claim for a year while she tried to settle with the producers, her lawyer, Tom Reidy, "
            "said. The producers \"failed to keep her safe,\" he said.")
    assert speakers(parse, text) == [
        ("untrue", "the studio's spokesman", "unnamed", "cue_above:description"),
        ("failed to keep her safe,", "Tom Reidy", "person", "cue_after:pronoun"),
    ]
    text = ("Indoor season\n\nVadik Tolliver won in Ghent on Sunday and later claimed the final would be between himself, "
            "Dutchman Piet Okkerse and Rui Brenner of Portugal but James Marsh is unfazed.\n\n"
            "He admitted: \"He ran well and everyone has a right to an opinion.\"")
    assert speakers(parse, text) == [
        ("He ran well and everyone has a right to an opinion.", "James Marsh", "person", "cue_above:pronoun"),
    ]


def test_a_quote_continues_an_inverted_cue_whose_title_the_parse_misread(parse):
    """`"...," said Tory shadow local housing minister Ann Tolliver. "..."`: the parse read
    "shadow" as a verb; the next quote is still hers, not the speaker of the sentence before."""
    text = ("Housing plans\n\nThe Greens said the scheme would add a levy to each new flat. \"This is pure hypocrisy,\" "
            "said Tory shadow local housing minister Ann Tolliver. \"They say they want to help buyers, but the small print "
            "says otherwise.\" The Tory plan is to give more tenants the right to buy.")
    assert [row[1:] for row in speakers(parse, text)] == [
        ("Ann Tolliver", "person", "cue_after:name"),
        ("Ann Tolliver", "person", "preceding_cue:name"),
    ]


def test_an_inverted_cue_of_manner_names_one_of_a_kind(parse):
    """`"...," smiles one trader`: a verb of manner reports the words, and the parse's object "one
    trader" after it is who said them."""
    text = ("Market boom\n\nThe market is abuzz with talk of new money. \"You can call it a windfall,\" smiles one "
            "trader. \"Let us see how long it lasts.\"")
    assert speakers(parse, text) == [
        ("You can call it a windfall,", "the trader", "unnamed", "cue_after:description"),
        ("Let us see how long it lasts.", "the trader", "unnamed", "carried:description"),
    ]


def test_a_name_ending_a_list_after_of_is_not_the_described_person(parse):
    """"The star of Harbour Lights and Marty Brennan said": the names after "of" are what the star
    is the star of, so the description names the person in focus, not the last name of the list."""
    text = ("Screen row\n\nScreen legend Dan Hollis has hit out at modern films.\n\n"
            "The star of Harbour Lights and Marty Brennan said the industry was \"in decline\" on Tuesday.")
    assert speakers(parse, text) == [
        ("in decline", "Dan Hollis", "person", "cue_above:description"),
    ]


def test_a_name_no_entity_holds_is_the_speaker_without_an_entity(nlp):
    """"Harbour Town Councillor Brian Odegaard" when the entities table misses the name: the
    name, titles left out; no entity, so speaker_type "unnamed"."""
    text = "\"Nobody asked us,\" said Harbour Town Councillor Brian Odegaard."
    doc = nlp(text)
    r = Resolver(EntityProfiles.build(doc, EntityIndex(article_id="a", entities=[]), token_sentences(doc)))
    head = [t for t in doc if t.text == "Odegaard"][0]
    res = r.resolve(text.index("Harbour"), text.index("Odegaard") + len("Odegaard"), head)
    assert (res.entity, res.speaker, res.attribution, res.kind) == (None, "Brian Odegaard", "name", "unnamed")


def test_quotes_are_found_when_paragraphs_run_together(parse):
    """Several quotes in one paragraph, and a quotation over two sentences after a colon, whose
    paragraph breaks the text lost: each piece is a quote of the same speaker."""
    text = ("Strike\n\nUnion boss Mick Lane said: \"We will not give up. We have the members. "
            "\"And we have the money.\" The company declined to comment. \"It is a matter for the talks,\" a company spokeswoman said.")
    assert speakers(parse, text) == [
        ("We will not give up. We have the members.", "Mick Lane", "person", "cue_above:name"),
        ("And we have the money.", "Mick Lane", "person", "carried:name"),
        ("It is a matter for the talks,", "the company spokeswoman", "unnamed", "cue_after:description"),
    ]


def test_a_pronoun_follows_the_speaker_not_the_people_in_their_reported_words(parse):
    """Subjects inside someone's reported words ("..., he said", "Nobody, he claimed, could
    picture Charles Ward ...") are not what the next "he" refers to; the speaker is."""
    text = ("Campaign\n\nCampaign chief Alan Mills spoke on Monday. \"The campaign starts today,\" he said. "
            "Nobody, he claimed, could picture rival leader Charles Ward in Downing Street. "
            "And the prime minister Tony Grant would lead the campaign, he said. \"He will be everywhere,\" he promised.")
    assert speakers(parse, text) == [
        ("The campaign starts today,", "Alan Mills", "person", "cue_after:pronoun"),
        ("He will be everywhere,", "Alan Mills", "person", "cue_after:pronoun"),
    ]


def test_a_pronoun_is_not_whom_its_own_verb_speaks_to(parse):
    """"..., he told Lang": the one the cue's verb speaks to, answers or argues with is not
    who "he" means, though they spoke or asked last."""
    text = ("Deal talks\n\nPeter Lang met the union leader on Tuesday. Lang asked Mark Hesketh whether the strike "
            "would go ahead. \"It will, unless the offer improves,\" he told Lang.")
    assert speakers(parse, text) == [("It will, unless the offer improves,", "Mark Hesketh", "person", "cue_after:pronoun")]
    text = ("Budget row\n\nColin Pratt questioned the cuts. Treasury chief Ian Voss defended them. "
            "\"Nobody voted for this,\" he said to Voss.")
    assert speakers(parse, text) == [("Nobody voted for this,", "Colin Pratt", "person", "cue_after:pronoun")]


def test_a_pronoun_in_a_clause_opening_its_sentence_is_the_main_clause_s_subject_after_it(parse):
    """"After he called the plans "a folly", Peter Lang ...": the pronoun looks ahead to the subject
    of the main clause when that name fits it and is no subject inside reported words; else back,
    as any pronoun does."""
    text = ("Pier vote\n\nMark Hesketh opened the pier on Monday. After he called the plans \"a folly\", "
            "Peter Lang asked for a vote.")
    assert speakers(parse, text) == [("a folly", "Peter Lang", "person", "cue_above:pronoun")]
    text = ("Pier vote\n\nMark Hesketh opened the pier on Monday. After he called the plans \"a folly\", "
            "Ann Tolland asked for a vote.")
    assert speakers(parse, text) == [("a folly", "Mark Hesketh", "person", "cue_above:pronoun")]
    # a subject of someone's reported words: the pronoun looks back
    text = ("Pier vote\n\nMark Hesketh opened the pier on Monday. Mark Hesketh said that after he called the plans "
            "\"a folly\", Peter Lang asked for a vote.")
    assert speakers(parse, text) == [("a folly", "Mark Hesketh", "person", "cue_above:pronoun")]


def test_a_plural_description_is_the_people_just_named_together(parse):
    """"the two lawmakers", "the two", "the pair": the people a sentence just before named as its
    subject, joined by "and", under their joint name; not when the description counts more."""
    text = ("Inquiry\n\nSenators Tom Reid and Ann Cole sent a letter to the minister on Monday. \"The evidence points "
            "to serious failings,\" the two lawmakers wrote. \"We expect a reply within a week,\" the two added.")
    assert speakers(parse, text) == [
        ("The evidence points to serious failings,", "Tom Reid and Ann Cole", "person", "cue_after:description"),
        ("We expect a reply within a week,", "Tom Reid and Ann Cole", "person", "cue_after:description")]
    text = "Band split\n\nGuitarist Joe Marr and singer Lily Kent have left. \"We wish them well,\" the pair said."
    assert speakers(parse, text) == [("We wish them well,", "Joe Marr and Lily Kent", "person", "cue_after:description")]
    text = "Talks\n\nTom Reid and Ann Cole met the union on Friday. \"It was a good start,\" the three said."
    assert speakers(parse, text) == [("It was a good start,", "the three", "unnamed", "cue_after:description")]
    # someone they own, others of their kind, and two of another gender are not them
    for text, speaker in [
            ("Court\n\nTom Reid and Joe Marr were charged with fraud on Monday. \"Our clients deny every charge,\" "
             "the pair's lawyers said.", "the pair's lawyers"),
            ("Vote\n\nTom Reid and Ann Cole voted for the bill. \"It is a bad law,\" the other two senators said.",
             "the other two senators"),
            ("Raid\n\nAnn Cole and Tom Reid questioned two suspects on Monday. \"We are innocent,\" the two men said.",
             "the two men")]:
        assert [s for _, s, _, _ in speakers(parse, text)] == [speaker]


def test_a_plural_that_counts_none_or_names_bodies_is_those_just_named_together(parse):
    """"the senators", "the companies": a plural description that counts no one is the people (or,
    for a noun of bodies, the organisations) a sentence just before named together as its subject;
    "the two" after words said together is the ones who said them."""
    text = ("Chip deal\n\nNorvia and Keltron Systems announced a joint venture on Monday. The venture will build "
            "chips in Ohio. \"This is a big step for both of us,\" the companies said in a statement.")
    assert speakers(parse, text) == [("This is a big step for both of us,", "Norvia and Keltron Systems", "organisation",
                                      "cue_after:description")]
    text = ("Letter\n\nSenators Ada Pell and Rex Moyer wrote to the agency on Monday. The agency has not replied. "
            "\"We expect answers,\" the senators said.")
    assert speakers(parse, text) == [("We expect answers,", "Ada Pell and Rex Moyer", "person", "cue_after:description")]
    text = ("Two leaders\n\nAda Pell and Rex Moyer sent a letter. The agency has not replied. The two lawmakers argue "
            "that \"the rules are clear\". Officials disagree. \"We expect answers,\" the two write.")
    assert speakers(parse, text)[-1] == ("We expect answers,", "Ada Pell and Rex Moyer", "person", "cue_after:description")
    # others of their kind are not them
    text = text.replace("the two write", "the other two write")
    assert speakers(parse, text)[-1][1] == "the other two"
    # an uncounted plural: not people something was done to, nor the subject of the very clause it reports
    text = ("Trial\n\nDoctors Ada Pell and Rex Moyer were charged on Monday. \"The case is strong,\" the "
            "prosecutors said.")
    assert speakers(parse, text)[0][1] == "the prosecutors"
    text = "Row\n\nSenators Ada Pell and Rex Moyer \"should both resign now\", the lawmakers said."
    assert speakers(parse, text)[0][1] == "the lawmakers"
    # speakers who said something together since, but do not fit, leave the people named before
    text = ("Letters\n\nSenators Ada Pell and Rex Moyer wrote to the agency. \"It is done,\" Norvia and Keltron "
            "Systems said. \"We expect answers,\" the two lawmakers wrote.")
    assert speakers(parse, text)[-1][1] == "Ada Pell and Rex Moyer"


def test_one_member_of_a_group_and_another_of_the_kind_are_unnamed_people(parse):
    """"one Ohio Republican", "a Democrat from Toledo" are people the writer leaves unnamed, not
    the party (a phrase saying which stays: "from Toledo"); "Another wrote" after an unnamed
    speaker is one more of that kind."""
    text = ("Insiders split\n\nParty insiders in Ohio were divided. \"He is finished,\" said one Ohio Republican. "
            "\"Our voters stayed home,\" said a Democrat from Toledo.")
    assert speakers(parse, text) == [("He is finished,", "the Ohio Republican", "unnamed", "cue_after:description"),
                                     ("Our voters stayed home,", "the Democrat from Toledo", "unnamed", "cue_after:description")]
    text = ("Online\n\nFans reacted quickly online. \"This is the best news all year,\" one fan wrote. "
            "Another wrote: \"I will believe it when I see it.\"")
    assert speakers(parse, text) == [("This is the best news all year,", "the fan", "unnamed", "cue_after:description"),
                                     ("I will believe it when I see it.", "the fan", "unnamed", "cue_above:pronoun")]
    text = ("Online\n\nSinger Ann Cole posted on Monday. \"This is the best news all year,\" Cole wrote. "
            "Another wrote: \"I will believe it when I see it.\"")
    assert speakers(parse, text)[-1] == ("I will believe it when I see it.", None, None, "cue_above:pronoun")


def test_a_surname_is_the_full_name_it_ends_before_a_generational_suffix(parse):
    text = ("Club\n\nConservative activist Brent Hollis III said the group had lost its way. "
            "\"We have become a club for donors,\" Hollis said.")
    assert speakers(parse, text) == [("We have become a club for donors,", "Brent Hollis III", "person", "cue_after:name")]


def test_a_sentence_about_someone_else_stops_the_carry_over(parse):
    text = ("Squad rest\n\nCoach Mike Ross praised the squad. \"We are ready,\" Ross said. Captain Jason Ford disagreed. "
            "\"We need games,\" Ford told reporters. Ross, though, is keen to rest his players. "
            "\"At this stage they cannot impress me further. \"They need the rest,\" he added.")
    assert speakers(parse, text) == [
        ("We are ready,", "Mike Ross", "person", "cue_after:name"),
        ("We need games,", "Jason Ford", "person", "cue_after:name"),
        ("At this stage they cannot impress me further.", "Mike Ross", "person", "carried:pronoun"),
        ("They need the rest,", "Mike Ross", "person", "cue_after:pronoun"),
    ]


def test_a_full_stop_the_parser_ran_over_still_ends_the_sentence(parse):
    """'... said Pat Boyle, chief editor at Tech Pro. Apple's design would ..., he said': the parser
    joins the two sentences, yet the reported clause starts after the full stop and its "he" is the
    speaker named just before it, not the subject of an earlier sentence."""
    text = ("Cheap box\n\n\"It is a bold move,\" said Tom Ellis, an analyst. Mr Ellis thinks the box will sell well.\n\n"
            "\"It is cheap,\" said Pat Boyle, chief editor at Tech Pro. Apple's design would also help it sell, he said. "
            "\"I guess buyers want the box to just work,\" he said.")
    rows = quote_rows(parse, text)
    assert [(r["text"], r["speaker"], r["attribution"]) for r in rows] == [
        ("It is a bold move,", "Tom Ellis", "cue_after:name"),
        ("the box will sell well", "Tom Ellis", "reported_speech:name"),
        ("It is cheap,", "Pat Boyle", "cue_after:name"),
        ("Apple's design would also help it sell", "Pat Boyle", "reported_speech:pronoun"),
        ("I guess buyers want the box to just work,", "Pat Boyle", "cue_after:pronoun"),
    ]


def test_a_group_speaking_as_one_keeps_its_name_without_an_entity(parse):
    """A nationality, religious or political group ("the Tories say") is many people: its
    quotes keep its name, unnamed, and no entity key follows them across articles; a person
    quoted next to it keeps hers."""
    text = ("Harbour tax row\n\nDemocrats say the harbour tax will drive ferry firms away. "
            "\"It is a tax on every island family,\" the Democrats said.\n\n"
            "The mayor, Carla Odum, disagreed. \"The harbour needs the money,\" she said.\n")
    rows = quote_rows(parse, text)
    assert [(r["text"], r["speaker"], r["speaker_type"], r["speaker_entity_id"], r["entity_key"]) for r in rows] == [
        ("the harbour tax will drive ferry firms away", "Democrats", "unnamed", None, None),
        ("It is a tax on every island family,", "Democrats", "unnamed", None, None),
        ("The harbour needs the money,", "Carla Odum", "person", rows[2]["speaker_entity_id"], "PERSON:carla-odum"),
    ]
    assert rows[2]["speaker_entity_id"] is not None


def test_a_pronoun_after_a_quote_its_sentence_introduces_is_that_sentence_s_subject(parse):
    """`Sen. Holloway scolded him: "...," she said`: the parse hangs the writer's clause on the
    cue after the quotation, yet its subject, not a person of an earlier sentence, said it."""
    text = ("Harbour fees\n\nDr. Tom Pike faced questions on Tuesday. Ruth Bell, the chair, asked him about the fees.\n\n"
            "Democratic Sen. Claire Holloway scolded him: \"Nobody on this committee believes a penny of the fees will "
            "reach the harbour,\" she said. \"You owe the fishermen an answer.\"")
    assert speakers(parse, text) == [
        ("Nobody on this committee believes a penny of the fees will reach the harbour,", "Claire Holloway", "person", "cue_after:pronoun"),
        ("You owe the fishermen an answer.", "Claire Holloway", "person", "preceding_cue:pronoun"),
    ]


def test_it_after_a_statement_is_whoever_made_it(parse):
    """"It added" right after a statement someone made goes on with that statement's maker, not
    with the organisation the paragraph opened with."""
    text = ("Tender row\n\nThe Courier on Tuesday said adviser Nadia Voss had leaked the tender. "
            "Ms Voss's statement said: \"I have never seen the tender.\" It added: \"The claims will be answered in court.\"")
    assert speakers(parse, text) == [
        ("I have never seen the tender.", "Nadia Voss", "person", "cue_above:description"),
        ("The claims will be answered in court.", "Nadia Voss", "person", "cue_above:pronoun"),
    ]


def test_an_unlisted_given_name_keeps_the_person_whole(parse):
    """A given name no list holds, left untagged by the model before a surname it tags alone
    elsewhere: one person under the full name."""
    text = ("Brevard opens with a win in Oslo\n\nSolenne Brevard and Petra Lund won their opening matches at the "
            "Nordic Masters in Oslo.\n\nNorway's Brevard beat Ida Holm 6-2 6-1, while champion Lund beat Maja Strand. "
            "\"I felt calm from the first point,\" said Brevard, who won here last year.")
    assert speakers(parse, text) == [
        ("I felt calm from the first point,", "Solenne Brevard", "person", "cue_after:name"),
    ]


def test_an_office_is_the_person_who_spoke_last_when_nothing_says_otherwise(parse):
    """`"...," Mr Okoro said. "...," the Ruritanian president said`: the same person, when the
    article gives him no other role; the same office is then the same person again. A person
    the article gives another role to ("opposition leader") is not the office's holder."""
    text = ("Harbour deal\n\nJames Okoro signed the harbour deal on Monday. \"This is a good day,\" Mr Okoro said. "
            "\"We waited ten years for it,\" the president said.\n\n"
            "Opposition leader Ann Cole was unhappy. \"It is a bad deal,\" Ms Cole said. "
            "\"It will not survive the winter,\" the prime minister said.\n\n"
            "Later the president added: \"The first ships arrive in May.\"")
    assert speakers(parse, text) == [
        ("This is a good day,", "James Okoro", "person", "cue_after:name"),
        ("We waited ten years for it,", "James Okoro", "person", "cue_after:description"),
        ("It is a bad deal,", "Ann Cole", "person", "cue_after:name"),
        ("It will not survive the winter,", "the prime minister", "unnamed", "cue_after:description"),
        ("The first ships arrive in May.", "James Okoro", "person", "cue_above:description"),
    ]


def test_a_spokesman_for_someone_is_not_that_someone(parse):
    """"A spokesman for Mr Cole" speaks for him but is not him: an unnamed speaker, described
    with the canonical name (its honorific dropped); a name with letters after it ("MP") is the
    person named, not a description of the person in focus."""
    text = ("Harbour row\n\nMayor Ann Cole opened the harbour on Monday. \"It is a great day,\" Ms Cole said.\n\n"
            "Colin Fairweather MP, Labour's Chief Secretary to the Harbour Board, said: \"The fees are a scandal.\"\n\n"
            "A spokesman for Ms Cole said: \"The fees will stay.\"")
    assert speakers(parse, text) == [
        ("It is a great day,", "Ann Cole", "person", "cue_after:name"),
        ("The fees are a scandal.", "Colin Fairweather", "person", "cue_above:name"),
        ("The fees will stay.", "the spokesman for Ann Cole", "unnamed", "cue_above:description"),
    ]


def test_a_name_between_commas_after_a_long_description_is_the_speaker(parse):
    text = ("Film row\n\nDirector Ravi Menon defended the film on Monday. \"It is a love story,\" Mr Menon said.\n\n"
            "The president of one of the city's oldest church associations, Joseph Carvalho, said: \"It mocks our faith.\"")
    assert speakers(parse, text) == [
        ("It is a love story,", "Ravi Menon", "person", "cue_after:name"),
        ("It mocks our faith.", "Joseph Carvalho", "person", "cue_above:description"),
    ]


def test_an_office_named_beside_the_person_in_focus_is_someone_else(parse):
    text = ("Harbour deal\n\nJames Okoro signed the harbour deal on Monday. \"This is a good day,\" Mr Okoro said.\n\n"
            "The president said Mr Okoro would \"run the harbour for years\".")
    assert speakers(parse, text) == [
        ("This is a good day,", "James Okoro", "person", "cue_after:name"),
        ("run the harbour for years", "the president", "unnamed", "cue_above:description"),
    ]


def test_a_run_on_sentence_keeps_the_words_with_the_speaker_who_introduced_them(parse):
    """No full stop after a quote runs two reports into one sentence; the quote stays with the
    first speaker, not with the "she" of the second report (read as whoever spoke before)."""
    text = ("Harbour fees\n\nMayor Ann Cole defended the fees on Monday. Nora Quill, for the Greens, added: "
            "\"If the fees stay, the boats will leave,\" she said.\n\n"
            "Ms Cole said she hoped \"that the fishermen of the bay would gain from the new quay\" "
            "Asked about the fees, she said that the charges were \"only a small part of the cost\".")
    assert speakers(parse, text) == [
        ("If the fees stay, the boats will leave,", "Nora Quill", "person", "cue_after:pronoun"),
        ("that the fishermen of the bay would gain from the new quay", "Ann Cole", "person", "cue_above:name"),
        ("only a small part of the cost", "Ann Cole", "person", "cue_above:pronoun"),
    ]


def test_a_description_of_one_gender_is_not_a_person_described_with_the_other(parse):
    """"The Harbour Board spokeswoman" is not the man described as a spokesman before."""
    text = ("Harbour fees\n\n\"No new quay will be built this year,\" said Piet Mulder, a spokesman for the Port Authority.\n\n"
            "The Harbour Board spokeswoman said: \"We have nothing to add.\"")
    assert speakers(parse, text) == [
        ("No new quay will be built this year,", "Piet Mulder", "person", "cue_after:name"),
        ("We have nothing to add.", "the Harbour Board spokeswoman", "unnamed", "cue_above:description"),
    ]


def test_a_quote_after_a_colon_is_framed_by_its_sentence_s_subject_however_the_parse_hangs_it(parse):
    """`Sen. Holloway scolded him: "The fishing community is against you ...," she said`: the parse
    may hang the writer's clause inside the quoted one; the colon and the opening mark still show
    that the writer's clause frames the quote, so "she" is Sen. Holloway."""
    text = ("Harbour fees\n\nDr. Tom Pike faced questions on Tuesday.\n\n"
            "Democratic Sen. Claire Holloway (D-Ore.) scolded him: \u201cThe fishing community is against you in terms "
            "of the safety of the nets,\u201d she said.")
    assert speakers(parse, text) == [
        ("The fishing community is against you in terms of the safety of the nets,", "Claire Holloway", "person", "cue_after:pronoun"),
    ]


def test_a_quote_whose_closing_mark_was_lost_ends_at_the_writer_s_attribution(parse):
    """A missing closing mark no longer swallows the writer's words after the quote: the quote
    ends at ", the board said" (an organisation's generic noun is the one last in focus) or
    before "He added:", and the paragraph after a colon is a new quote, not a continuation."""
    text = ("Harbour report\n\nThe Harbour Trust published its annual review on Monday. The trust said repairs would "
            "cost more than planned.\n\n"
            "\"In view of the storms of the past winter, the repairs are likely to take another year, the organisation "
            "said in its review. The council declined to comment.\n\n"
            "Skipper Tom Reilly spoke to reporters. \"I have lost two boats this year, because the quay was never mended. He added:\n\n"
            "\"Nobody listens to the fishermen.\"")
    assert speakers(parse, text) == [
        ("In view of the storms of the past winter, the repairs are likely to take another year,", "Harbour Trust",
         "organisation", "cue_after:description"),
        ("I have lost two boats this year, because the quay was never mended.", "Tom Reilly", "person", "preceding_subject:name"),
        ("Nobody listens to the fishermen.", "Tom Reilly", "person", "colon_paragraph:pronoun"),
    ]


def test_the_company_is_the_organisation_in_focus_when_no_name_fits_the_noun(parse):
    text = ("Ferry delays\n\nQuayline said on Monday that its ferries would run late all week. "
            "The company said: \"We are sorry for the delays.\" \"Most boats will run by Friday,\" it added.")
    assert speakers(parse, text) == [
        ("We are sorry for the delays.", "Quayline", "organisation", "cue_above:description"),
        ("Most boats will run by Friday,", "Quayline", "organisation", "cue_after:pronoun"),
    ]


def test_someone_tied_to_the_person_in_focus_is_not_that_person(parse):
    """"her rival", "his coach": a description owned by "his" or "her" is someone else than the
    person the sentences are about; with no name for them it is written as whose it is ("the rival of
    Ann Cole")."""
    text = ("Council vote\n\nMayor Ann Cole lost the vote on Monday. \"It is a sad day for the town,\" her rival said.\n\n"
            "Sprinter Tom Hale won the final. His coach said: \"He trained for this all winter.\"")
    assert speakers(parse, text) == [
        ("It is a sad day for the town,", "the rival of Ann Cole", "unnamed", "cue_after:description"),
        ("He trained for this all winter.", "the coach of Tom Hale", "unnamed", "cue_above:description"),
    ]


def test_a_name_a_speaker_gives_is_their_quotation(parse):
    """A title-cased name that the subject of an active naming verb gives is that speaker's
    words; a name given in the passive ("dubbed") has nobody said to give it, and "calling on"
    names nothing."""
    text = ("Harbour plan\n\nMayor Ann Cole branded the harbour plan \"Pier Folly\" on Monday.\n\n"
            "But Tom Reilly, for the Greens, attacked the budget, dubbing Ms Cole \"Lady Spendalot\".\n\n"
            "The two campaigners, from Leeds, dubbed the \"Harbour Two\", lost their case.\n\n"
            "The trust is calling on walkers to back a \"Save the Dunes Day\" next month.")
    assert speakers(parse, text) == [("Pier Folly", "Ann Cole", "person", "cue_above:name"),
                                     ("Lady Spendalot", "Tom Reilly", "person", "cue_above:name")]


def test_a_fragment_in_a_clause_about_a_statement_is_its_maker_s(parse):
    """No reporting verb, and the clause's subject is something said or written: the words are
    whoever made it (an organisation's statement: the organisation in focus)."""
    text = ("Harbour accounts\n\nThe Quayline Trust published its accounts on Monday. "
            "The statement blames a \"wet and windy summer\" for the loss.")
    assert speakers(parse, text) == [("wet and windy summer", "Quayline Trust", "organisation", "clause_subject:description")]


def test_one_person_of_a_nationality_is_an_epithet_a_nation_is_a_group(parse):
    """"said the Brazilian" (tagged as a group) is one person, the one in focus; "the French"
    speak as a nation and keep their name."""
    text = ("Open final\n\nAna Ruiz lost the final in three sets on Sunday. \"I should have served better,\" Ruiz said.\n\n"
            "\"Next year will be different,\" said the Brazilian.\n\n"
            "Talks on the fishing deal stalled. \"We will not sign this,\" said the French.")
    assert speakers(parse, text) == [
        ("I should have served better,", "Ana Ruiz", "person", "cue_after:name"),
        ("Next year will be different,", "Ana Ruiz", "person", "cue_after:description"),
        ("We will not sign this,", "French", "unnamed", "cue_after:name"),
    ]


def test_a_report_s_first_sentence_describes_and_its_second_names(parse):
    """The lede's "the island's harbour boss" is the person the next sentence introduces as
    its subject (the headline may name them already); "a spokesman" is someone unnamed."""
    text = ("Varga in ferry row\n\nThe island's harbour boss has told ferry crews to \"slow right down\" in the channel.\n\n"
            "Tomas Varga was speaking at the quay after two near misses. \"Nobody is above the rules,\" he said.")
    assert speakers(parse, text) == [
        ("slow right down", "Tomas Varga", "person", "cue_above:description"),
        ("Nobody is above the rules,", "Tomas Varga", "person", "cue_after:pronoun"),
    ]
    text = ("Ferry row\n\nA spokesman for the ferry firm said crews would \"slow right down\" in the channel.\n\n"
            "Tomas Varga, the harbour master, welcomed the news.")
    assert speakers(parse, text) == [("slow right down", "the spokesman for the ferry firm", "unnamed", "cue_above:description")]


def test_a_name_right_after_its_description_or_before_post_nominal_letters_is_the_speaker(parse):
    """"said eighth seed Okafor" (no comma before the name) and "Labour backbencher Dana
    Whitfield MP" (letters after the name) are the people named, not descriptions or bare names."""
    text = ("Open\n\nPeter Okafor beat Lena Holt in the first round on Monday. "
            "\"No one was more worried about the knee than me,\" said eighth seed Okafor.\n\n"
            "Labour backbencher Dana Whitfield MP called the plan \"a costly farce\".")
    assert speakers(parse, text) == [
        ("No one was more worried about the knee than me,", "Peter Okafor", "person", "cue_after:description"),
        ("a costly farce", "Dana Whitfield", "person", "cue_above:name"),
    ]


def test_a_surname_no_entity_holds_is_written_as_its_fuller_form_before(parse):
    """The model tagged neither mention: the surname takes the first name written before it
    earlier; a title, a job or an honorific before a name is no part of it."""
    _, doc = parse("Ferries\n\nYannakis Tsiripides, who chairs the harbour board, spoke first. Model Ana Fero "
                   "walked out. Later Tsiripides and Fero said the vote was close.")
    doc.ents = []
    r = Resolver(EntityProfiles.build(doc, EntityIndex(article_id="a", entities=[]), token_sentences(doc)))
    last = {t.text: t for t in doc if t.text in ("Tsiripides", "Fero")}
    assert (proper_name(r, last["Tsiripides"]), proper_name(r, last["Fero"])) == ("Yannakis Tsiripides", "Ana Fero")


def test_a_word_ending_one_organisation_s_name_is_that_organisation(parse):
    """`Group Veldstra ... Veldstra said`, the model having tagged only the full name; never by a
    word organisations share, nor by a name's first word ("Harbour" of "Harbour Lines")."""
    from types import SimpleNamespace as NS
    orgs = [NS(entity_id="e1", label="ORG", name="Group Veldstra"), NS(entity_id="e2", label="ORG", name="Harbour Lines"),
            NS(entity_id="e3", label="ORG", name="Quay Group")]
    r = NS(profiles=NS(ents=NS(entities=orgs)))
    _, doc = parse("Ferries\n\nVeldstra, Harbour and Group all said so.")
    found = {t.text: _org_by_one_word(r, t) for t in doc if t.text in ("Veldstra", "Harbour", "Group")}
    assert {k: v.name if v is not None else None for k, v in found.items()} == {"Veldstra": "Group Veldstra", "Harbour": None, "Group": None}


def test_a_description_owned_by_a_person_is_never_that_person(parse):
    """"Mr Reilly's father" is someone tied to Mr Reilly; "the bank's chief economist" is who the bank's is."""
    text = ("Freed\n\nTom Reilly, Ann Cole and Ian Moss were held for three years, accused of spying. Mr Reilly's father, Sean, "
            "said the family had been promised a short visit and would greet the young man as \"a hero\".\n\n"
            "Fiona Hale, the bank's chief economist, spoke in Leeds. \"Growth is back,\" the bank's chief economist said.")
    assert speakers(parse, text) == [("a hero", "the father of Tom Reilly", "unnamed", "cue_above:description"),
                                     ("Growth is back,", "Fiona Hale", "person", "cue_after:description")]
    _, doc = parse("Freed\n\nMr Reilly's father and the bank's chief economist met.")
    heads = {t.text: t for t in doc if t.text in ("father", "economist")}
    assert (_owned_by_a_person(heads["father"]), _owned_by_a_person(heads["economist"])) == (True, False)


def test_a_winner_or_a_debutant_is_the_person_in_focus(parse):
    """Epithets of notable people ("the Oscar winner", "the tournament debutant") are the person
    the sentences are about."""
    text = ("Film\n\nActor Sam Okafor collected the prize in Rome on Sunday.\n\n\"I am thrilled,\" the Oscar winner said.\n\n"
            "Lena Brandt reached the quarter-finals at her first try. \"The crowd was wild,\" the tournament debutant said.")
    assert speakers(parse, text) == [("I am thrilled,", "Sam Okafor", "person", "cue_after:description"),
                                     ("The crowd was wild,", "Lena Brandt", "person", "cue_after:description")]


def test_a_title_inside_a_name_tells_the_gender_and_an_aside_keeps_the_speaker(parse):
    """"Ms Varga" tagged whole is a woman, so "he" is not her; a cue after a dash aside is said by
    the name before it, however the parse hangs the aside."""
    text = ("Mills\n\nThe mayor, Peter Lund, said a short list of mills was being drawn up. Ms Varga said the city would "
            "sell 200 mills.\n\nA week later, Mr Lund - eager to calm the owners - had said only ten mills would be sold. "
            "Ms Varga disagreed. The list \"will be short and final\", he said.")
    rows = quote_rows(parse, text)
    assert [(r["text"], r["speaker"], r["attribution"]) for r in rows] == [
        ("a short list of mills was being drawn up", "Peter Lund", "reported_speech:description"),
        ("the city would sell 200 mills", "Varga", "reported_speech:name"),
        ("only ten mills would be sold", "Peter Lund", "reported_speech:name"),
        ("will be short and final", "Peter Lund", "cue_after:pronoun"),
    ]


def test_a_name_that_modifies_a_noun_is_not_the_subject_a_pronoun_refers_to(parse):
    """In "a Dickens novel may have buyers" the novel is the subject; "he" is the person named since."""
    text = ("Auction\n\nSo a Dickens novel about the city may have several buyers. For Paul Gray, who ran the sale, "
            "the price was a surprise. \"I expected half of that,\" he said.")
    assert speakers(parse, text) == [("I expected half of that,", "Paul Gray", "person", "cue_after:pronoun")]


def test_an_organisation_named_inside_its_description_is_that_organisation(parse):
    """"the KTV network" is KTV, even with another network in focus; a description opening a
    sentence is written as it would be inside one ("The harbour porter" -> "the harbour porter")."""
    text = ("Quiz row\n\nRivertone Media planned to call its quiz Trading Answers, a title close to one from Rivertone's rival. "
            "Last year, the KTV network claimed that the Rivertone quiz had been rushed to air.\n\n"
            "\"It is a copy,\" the KTV network said. The harbour porter said: \"Nobody watches it.\"")
    assert speakers(parse, text) == [("It is a copy,", "KTV", "organisation", "cue_after:description"),
                                     ("Nobody watches it.", "the harbour porter", "unnamed", "cue_above:description")]


def test_a_name_the_parse_hung_on_its_job_s_phrase_is_the_subject_a_later_he_means(parse):
    """"Rovers director of sport Sam Okafor praised ..." (the name hung on "of"): Okafor is the
    subject, so the next "he said" is his, not the last speaker's; a stray comma between a
    name and its cue ("stall holder Ana Fero, told") does not hide the name."""
    text = ("Cup\n\nClub president Tom Reilly said: \"We will finish the game in January.\"\n\n"
            "The two boards met on Monday and Reilly added: \"There is no other way.\" Harbour Rovers director of sport "
            "Sam Okafor praised the supporters in the stands for their patience. "
            "\"I want to thank the fans, who behaved with real maturity,\" he said.")
    assert speakers(parse, text)[-1] == ("I want to thank the fans, who behaved with real maturity,", "Sam Okafor", "person",
                                         "cue_after:pronoun")
    text = ("Market\n\n\"Prices went up,\" said trader Tom Reilly. \"Prices will rise,\" stall holder Ana Fero, told a "
            "local paper. \"People will feel it.\"")
    assert speakers(parse, text)[-1] == ("People will feel it.", "Ana Fero", "person", "preceding_cue:name")


def test_a_bare_spokesman_speaks_for_the_body_that_spoke_just_before(parse):
    """"The Harbour Trust said ... But a spokesman added": the Harbour Trust spokesman (as writers put it); not
    for a body named only as a modifier ("ahead of the Quay Board meeting"); alone, as written."""
    text = "Piers\n\nThe Harbour Trust said the pier had been its property since 1921. But a spokesman added: \"Our title is sound.\""
    assert speakers(parse, text)[-1] == ("Our title is sound.", "the Harbour Trust spokesman", "unnamed", "cue_above:description")
    # described so before, the same spokesman keeps the words the article gave them
    text = ("Piers\n\nA spokesman for the Harbour Trust said the pier was safe. The Harbour Trust said it had owned it since 1921. "
            "But a spokesman added: \"Our title is sound.\"")
    assert speakers(parse, text)[-1] == ("Our title is sound.", "the spokesman for the Harbour Trust", "unnamed", "cue_above:description")
    text = "Piers\n\nAhead of the Quay Board meeting, a spokeswoman said: \"We want a fair hearing.\""
    assert speakers(parse, text) == [("We want a fair hearing.", "the spokeswoman", "unnamed", "cue_above:description")]


def test_a_part_of_a_body_is_not_the_body_its_description_names_and_trade_nouns_find_their_firm(parse):
    """"the Harbourline subsidiary" is not Harbourline; "the insurer" is the one insurer named."""
    text = ("Ferries\n\nFerries run by Harbourline's Quayside subsidiary were cancelled for a week.\n\n"
            "\"We are sorry for the delays,\" the Harbourline subsidiary said.\n\n"
            "Separately, US insurer Veldt Mutual posted a loss. The insurer said it would cut \"about a tenth\" of its staff.")
    assert speakers(parse, text) == [("We are sorry for the delays,", "the Harbourline subsidiary", "unnamed", "cue_after:description"),
                                     ("about a tenth", "Veldt Mutual", "organisation", "cue_above:description")]


def test_someone_serving_a_person_described_by_role_is_not_that_person(parse):
    """"a close associate of former bank boss Tom Reilly" is the associate, not Tom Reilly; a
    sentence's first word is lower-cased in a description ("Analysts"), never in a name ("Oasis")."""
    text = ("Charges\n\nA close associate of former bank boss Tom Reilly has called the charges \"false\".\n\n"
            "Analysts said the case was \"weak\". Oasis said the case was \"a farce\".")
    assert speakers(parse, text) == [
        ("false", "the close associate of former bank boss Tom Reilly", "unnamed", "cue_above:description"),
        ("weak", "analysts", "unnamed", "cue_above:description"),
        ("a farce", "Oasis", "unnamed", "cue_above:description"),
    ]


def test_a_shadow_office_is_not_the_office(parse):
    """"the home secretary" is never the person described as the shadow home secretary, nor the reverse."""
    text = ("Review\n\nShadow home secretary Tom Reilly attacked the plan on Monday.\n\n"
            "\"We will not be rushed,\" the home secretary said. \"It is a mess,\" the shadow home secretary said.")
    assert speakers(parse, text) == [("We will not be rushed,", "the home secretary", "unnamed", "cue_after:description"),
                                     ("It is a mess,", "Tom Reilly", "person", "cue_after:description")]


def test_our_correspondent_is_the_correspondent_the_article_names(parse):
    text = ("Strike\n\nBBC transport correspondent Ravi Mehta said talks had stalled. Our correspondent said the walkout "
            "looked \"almost certain\".")
    assert speakers(parse, text) == [("almost certain", "Ravi Mehta", "person", "cue_above:description")]


def test_the_one_a_writer_quotes_as_saying_is_the_speaker(parse):
    """"the agency quoted X as saying" and "X was quoted by the paper as saying" are X's words, not
    the agency's or the paper's."""
    text = ("Mill\n\nThe mill will close in May. \"We are losing a friend,\" the agency quoted mill worker Tom Reilly as saying.\n\n"
            "The Harbour Gazette quoted Ms Okafor as saying the closure was \"a scandal\". Mayor Ann Cole was quoted by the "
            "Gazette as saying the town would \"fight on\".")
    assert speakers(parse, text) == [("We are losing a friend,", "Tom Reilly", "person", "cue_after:name"),
                                     ("a scandal", "Okafor", "person", "cue_above:name"),
                                     ("fight on", "Ann Cole", "person", "cue_above:name")]


def test_an_organisation_that_issued_a_statement_speaks_through_it(parse):
    """"It released a statement that ..." is the organisation "it" stands for; the thing a passive
    naming verb names ("the file is labelled ...") says nothing, and with no one doing the naming
    the marks hold a term, no quote; an advert speaks for the firm in focus."""
    text = ("Plant\n\nBrandt Steel faced questions on Monday. It released a statement that \"the plant will stay open\".\n\n"
            "The attachment carrying the worm is labelled \"invoice\". The old plan was branded a \"sorry waste\" by MPs.\n\n"
            "Brandt Steel also ran new adverts. The advert says the plant is \"the beating heart of the valley\".")
    assert speakers(parse, text) == [("the plant will stay open", "Brandt Steel", "organisation", "noun_cue:pronoun"),
                                     ("sorry waste", "MPs", "unnamed", "cue_above:description"),
                                     ("the beating heart of the valley", "Brandt Steel", "organisation", "cue_above:description")]


def test_a_video_speaks_for_its_own_maker_only(parse):
    text = ("Courses\n\nIn selling the courses, Tom Hale released a video that said, \"We have the best teachers.\"\n\n"
            "Ann Cole won the vote on Monday. A video posted online said \"the count was rigged\".")
    assert speakers(parse, text) == [("We have the best teachers.", "Tom Hale", "person", "cue_above:pronoun"),
                                     ("the count was rigged", "the video", "unnamed", "cue_above:description")]


def test_an_ad_speaks_for_whoever_ran_it(parse):
    text = ("Bakery\n\nAcme Foods released a new television ad on Monday. The ad says \"Nobody bakes bread like we do.\"")
    assert speakers(parse, text) == [("Nobody bakes bread like we do.", "Acme Foods", "organisation", "cue_above:description")]


def test_a_record_holder_or_a_medallist_is_the_person_in_focus(parse):
    text = ("Athletics\n\nLena Brandt has called for lifetime bans for drug cheats.\n\n"
            "The world record holder said more had to be done about \"rumours and smears\" in the sport.")
    assert speakers(parse, text) == [("rumours and smears", "Lena Brandt", "person", "cue_above:description")]


def test_a_surname_that_is_a_nationality_after_an_honorific_is_the_person(parse):
    """"Mr Welsh" is Tom Welsh, not the Welsh."""
    text = ("Gadgets\n\nTom Welsh, editor of a gadget magazine, has picked his top ten.\n\n"
            "\"Phones are the big sellers,\" said Mr Welsh.")
    assert speakers(parse, text) == [("Phones are the big sellers,", "Tom Welsh", "person", "cue_after:name")]


def test_a_person_introduced_with_a_description_is_who_the_next_pronoun_means(parse):
    """A person first named with a description in apposition, in a sentence whose subject is no
    person ("The comedy is also the choice of ...", "That view is shared by ..."), is the one the
    next "he" or "she" means, not the speaker before them; a reported clause holding only a title
    in quotes is still reported."""
    text = ("Awards\n\nCritic Tom Hale picked the drama. \"It will win,\" he said.\n\n"
            "The comedy is also the choice of Paul Gray, editor of a film weekly. \"Anything can happen,\" he said.\n\n"
            "Analyst Ann Cole expects a rise. \"Rates will go up,\" she said. That view is shared by Mary Lund, an economist "
            "at a big bank. \"The data are strong,\" she said.\n\n"
            "A spokesman for the casino trade said the rules were meant to calm fears of a \"Harbour Vegas\".")
    rows = quote_rows(parse, text)
    assert [(r["text"], r["speaker"], r["kind"]) for r in rows] == [
        ("It will win,", "Tom Hale", "full"), ("Anything can happen,", "Paul Gray", "full"),
        ("Rates will go up,", "Ann Cole", "full"), ("The data are strong,", "Mary Lund", "full"),
        ("the rules were meant to calm fears of a \"Harbour Vegas\"", "the spokesman for the casino trade", "indirect")]


def test_a_statement_with_no_organisation_in_focus_is_the_last_speaker_s(parse):
    """An unnamed spokesperson who just spoke made "the statement" that goes on."""
    text = ("Ground row\n\nA Rovers club spokesperson denied the claim, insisting: \"He never said it.\" "
            "The statement added: \"It was a joke made by somebody else.\"")
    assert speakers(parse, text) == [
        ("He never said it.", "the Rovers club spokesperson", "unnamed", "cue_above:description"),
        ("It was a joke made by somebody else.", "the Rovers club spokesperson", "unnamed", "cue_above:description"),
    ]


def test_the_company_is_the_one_organisation_named_earlier_in_its_sentence(parse):
    """"In a notice from Acme Foods ..., the company rejected": Acme, though another firm was
    described as a firm more recently."""
    text = ("Rebate ends\n\nAcme Foods ran a rebate offer in May. Research firm Datalink found that the offer was flopping. "
            "In a notice from Acme Foods closing the offer, the company rejected the idea that sales had slumped. "
            "\"Our shoppers loved the rebate,\" it said.")
    assert speakers(parse, text) == [
        ("Our shoppers loved the rebate,", "Acme Foods", "organisation", "cue_after:pronoun"),
    ]


def test_a_description_with_a_name_and_letters_in_apposition_is_that_person(parse):
    """"Counsel to the inquiry, Ken Mactavish QC, who advises the council, said": the parse hangs
    the name on "QC"; the person is still the one named in apposition."""
    text = ("Moorings\n\nIn a letter Lord Wolf said: \"I have no doubt.\" Counsel to the inquiry, "
            "Ken Mactavish QC, who advises the council, said the fee was fixed by statute. "
            "\"The guideline brings clarity,\" he said.")
    assert speakers(parse, text) == [
        ("I have no doubt.", "Wolf", "person", "cue_above:name"),
        ("The guideline brings clarity,", "Ken Mactavish", "person", "cue_after:pronoun"),
    ]


def test_the_station_and_a_short_name_are_the_owner_prefixed_broadcaster(parse):
    """"Radio 4" is "BBC Radio 4"; "the station" is the organisation whose name says it is one."""
    text = ("Show returns\n\nThe late DJ's BBC Radio 4 show returns next week. Radio 4 said it would rise to the "
            "\"challenge\". The hosts were chosen for their \"deep knowledge\", the station said.")
    assert speakers(parse, text) == [
        ("challenge", "BBC Radio 4", "organisation", "cue_above:name"),
        ("deep knowledge", "BBC Radio 4", "organisation", "cue_after:description"),
    ]


def test_a_full_quote_right_after_another_goes_on_with_its_speaker(parse):
    """Two quotes with no words of the writer between them: one speaker, even when the first was carried."""
    text = ("Jobs data\n\n\"It was a decent report,\" said Mark Nolan, analyst at Baxter Bank.\n\n"
            "\"Hiring was softer than hoped, though earlier months were revised up.\" \"Factories are hiring again.\" "
            "That means rates will rise.")
    assert speakers(parse, text) == [
        ("It was a decent report,", "Mark Nolan", "person", "cue_after:name"),
        ("Hiring was softer than hoped, though earlier months were revised up.", "Mark Nolan", "person", "carried:name"),
        ("Factories are hiring again.", "Mark Nolan", "person", "carried:name"),
    ]


def test_a_section_of_proposals_speaks_for_the_body_that_issued_them(parse):
    text = ("Fines row\n\nTraders protested when the Market Council set out its plans. In draft rules "
            "from the Market Council, the section on stalls said fines would be \"judged with care\" by an officer.")
    assert speakers(parse, text) == [("judged with care", "Market Council", "organisation", "cue_above:description")]


def test_he_after_according_to_a_spokesman_is_that_spokesman(parse):
    """A person the writer cites with "according to" is the "he" of the next quote, not a firm."""
    text = ("Broadband\n\nFastnet will trial a faster service in the summer. Cable firms Linkco and Wirex plan faster "
            "lines and, according to a Linkco spokesman, hold an edge over phone rivals. "
            "\"Copper lines cannot keep up,\" he said.")
    assert speakers(parse, text) == [
        ("Copper lines cannot keep up,", "the Linkco spokesman", "unnamed", "cue_after:pronoun"),
    ]


def test_an_indefinite_description_in_the_lede_is_the_person_named_next(parse):
    """"..., a Tory backbencher has admitted." then "Dan Wyle said": one person."""
    text = ("Race row\n\nThe Greens have fought \"a far sharper\" race this spring, a Tory backbencher has admitted.\n\n"
            "Dan Wyle said the long race \"bored the voters\".")
    assert speakers(parse, text) == [
        ("a far sharper", "Dan Wyle", "person", "cue_after:description"),
        ("bored the voters", "Dan Wyle", "person", "cue_above:name"),
    ]



def test_a_name_in_apposition_after_nested_of_phrases_is_the_description_s(parse):
    """"director of the Friends of Rail Trust, Nora Bright,": the name hangs on the last noun of the "of" phrases."""
    text = ("Rail row\n\nThere was an outcry when the council led by Lord Wolf published its plans.\n\n"
            "But director of the Friends of Rail Trust, Nora Bright, accused Lord Wolf of having an "
            "\"arrogant contempt for travellers\".")
    assert speakers(parse, text) == [("arrogant contempt for travellers", "Nora Bright", "person", "cue_above:description")]


def test_a_part_of_a_document_speaks_for_the_one_body_its_sentence_names(parse):
    """"In draft rules from the Harbour Board, the section on fees said": the board, not the
    organisation that spoke before."""
    text = ("Fees row\n\nThe Boat Owners Association said the plan would be \"a disaster\".\n\n"
            "In draft rules from the Harbour Board, the section on fees said rises would be \"judged with care\".")
    assert speakers(parse, text) == [
        ("a disaster", "Boat Owners Association", "organisation", "cue_above:name"),
        ("judged with care", "Harbour Board", "organisation", "cue_above:description"),
    ]


def test_a_name_with_a_job_in_apposition_is_a_person_whatever_the_model_tagged(parse):
    """"K Dollar, a presenter on the station," (which the model takes for an organisation) speaks
    as a person, and "the DJ" after is that person."""
    text = ("Band break\n\nThe band have won three awards this year.\n\n"
            "K Dollar, a presenter on the city's music station Beat FM, thinks a break is coming. "
            "\"They will return with fresh songs,\" says the DJ.\n\nBeat FM's K Dollar says the wait will be worth it.")
    assert speakers(parse, text) == [("They will return with fresh songs,", "K Dollar", "person", "cue_after:description")]


def test_the_organisation_is_the_one_body_just_named(parse):
    """No organisation was a subject, but one was just named: "the organisation" is it; the
    unnamed spokesman keeps the body he speaks for, past a relative clause."""
    text = ("Jail term\n\nA writer has been jailed for ten years.\n\n"
            "A spokesman for Pens Without Limits, which tracks press freedom, called the sentence \"harsh\". "
            "\"The authorities want an example,\" the organisation said in a statement.")
    assert speakers(parse, text) == [
        ("harsh", "the spokesman for Pens Without Limits", "unnamed", "cue_above:description"),
        ("The authorities want an example,", "Pens Without Limits", "organisation", "cue_after:description"),
    ]


def test_the_bank_is_the_bank_of_the_article(parse):
    text = ("Rates held\n\nThe Bank of Ruritania kept rates on hold, minutes have shown.\n\n"
            "The Bank's minutes said risks were \"to the downside\".")
    assert speakers(parse, text) == [("to the downside", "Bank of Ruritania", "organisation", "cue_above:description")]


def test_she_is_the_person_whose_own_words_said_she(parse):
    """"Jo Fenn said she recorded": Fenn is a woman, so a later "She" is her, not her partner of unknown gender."""
    text = ("Charity song\n\nSoul singer Jo Fenn said she recorded the song after being \"haunted\" by a crash.\n\n"
            "Fenn and bass player Robin Vance have put the song out. She said she felt \"sick\" at the news.")
    assert speakers(parse, text) == [
        ("haunted", "Jo Fenn", "person", "cue_above:name"),
        ("sick", "Jo Fenn", "person", "cue_above:pronoun"),
    ]


def test_the_description_takes_up_a_person_described_so_before_who_had_not_spoken(parse):
    """"A one-time regional manager at Acme ordered ... The manager asked ...": the same unnamed
    person, under the fuller words; an office's holder is still found as before."""
    text = ("Invoice case\n\nA one-time regional manager at Acme ordered a supplier to pad an invoice in 2019. "
            "The manager asked for the extra sum to be labelled \"advisory costs\".\n\n"
            "Later the mayor's spokesman was asked about the case. The spokesman said: \"He no longer works here.\"")
    assert speakers(parse, text) == [
        ("advisory costs", "the one-time regional manager at Acme", "unnamed", "cue_above:description"),
        ("He no longer works here.", "the mayor's spokesman", "unnamed", "cue_above:description"),
    ]


def test_a_description_that_fits_no_role_of_the_person_in_focus_is_the_one_without_a_role(parse):
    """The person in focus is described with another role; the sentence before names one other
    person, with no role at all: the description is that person."""
    text = ("Ferries\n\nTransport Minister Tom Reilly has vowed to press on with the new pier despite a plea for "
            "\"more time\" from Grace Mbeki.\n\n"
            "The Green councillor said the vote was \"rushed\" and asked for a review.")
    assert speakers(parse, text)[-1] == ("rushed", "Grace Mbeki", "person", "cue_above:description")
    # a job written before the name is such a role ("moderator"); a word for whom the article is
    # about ("mogul") is not, so the description stays with the person in focus
    text = ("Panel\n\nOn Monday, Owen Hale was asked by radio moderator Dan Pryce whether the new pier would \"pay for itself.\"\n\n"
            "The Kent councillor's answer was that \"every harbour needs a pier.\"")
    assert speakers(parse, text)[-1] == ("every harbour needs a pier.", "Owen Hale", "person", "noun_cue:description")
    text = ("Pier film\n\nMusic mogul Dan Pryce will produce a film about the pier. Its lead is played by Owen Hale. "
            "\"The pier made this town,\" said the Harbour Records founder.")
    assert speakers(parse, text)[-1] == ("The pier made this town,", "Dan Pryce", "person", "cue_after:description")


def test_an_office_is_the_only_person_named_so_far_who_may_hold_it(parse):
    """A person the article gives another office ("Finance Minister Omar Diallo") is no candidate."""
    text = ("Speech\n\nAna Ruiz's long speech opened her bid for a second term.\n\n"
            "There was talk of her row with Finance Minister Omar Diallo. "
            "The prime minister promised \"a fairer tax system\" for all.")
    assert speakers(parse, text) == [("a fairer tax system", "Ana Ruiz", "person", "cue_above:description")]


def test_an_office_is_the_only_person_named_so_far(parse):
    """"Ana Ruiz's big speech ... The prime minister used her speech": no one spoke before, but she
    is the only person the article has named; a bulleted line that opens with a dash names the
    speaker of the quote it runs into, and is no signature of the quote before it."""
    text = ("Speech\n\nAna Ruiz's big speech opened her bid for a second term.\n\n"
            "The prime minister used her speech to promise \"a fairer tax system\".\n\n"
            "- Rovers boss Sam Allwood \"I am bitterly let down by the result. \"We had them under pressure.\"\n\n"
            "- City boss Tom Hale: \"We deserved it.\"")
    assert speakers(parse, text) == [
        ("a fairer tax system", "Ana Ruiz", "person", "cue_above:description"),
        ("I am bitterly let down by the result.", "Sam Allwood", "person", "dash_label:name"),
        ("We had them under pressure.", "Sam Allwood", "person", "carried:name"),
        ("We deserved it.", "Tom Hale", "person", "dash_label:name"),
    ]


def test_the_subject_of_a_passive_verb_of_saying_is_what_was_said(parse):
    """`she said when her title was announced. "..."`: "her title" was announced, it said nothing, so
    the next quote goes on with her; and "it has been claimed" names no one who claimed it."""
    text = ("New peer\n\nAnn Cole is now a peer. \"I accepted the offer for practical reasons,\" she said when her title was "
            "first announced. \"The seat gives me a platform to speak up for schools.\"")
    assert [(r["text"], r["speaker"], r["attribution"]) for r in quote_rows(parse, text)] == [
        ("I accepted the offer for practical reasons,", "Ann Cole", "cue_after:pronoun"),
        ("The seat gives me a platform to speak up for schools.", "Ann Cole", "preceding_cue:pronoun"),
    ]


def test_an_office_is_not_the_spokesman_who_speaks_for_it(parse):
    """"the mayor" after "the mayor's official spokesman" spoke is the mayor (here the person in
    focus), never the spokesman: only a description's head noun takes up an earlier one."""
    text = ("Harbour threat\n\nJohn Cole defended the plan on Monday. Asked about the report, the mayor's official spokesman "
            "said: \"We believe the risk is real.\" Earlier, writing in a local paper, the mayor conceded that the plans were "
            "\"hard choices for any council\".")
    assert speakers(parse, text) == [
        ("We believe the risk is real.", "the mayor's official spokesman", "unnamed", "cue_above:description"),
        ("hard choices for any council", "John Cole", "person", "cue_above:description"),
    ]


def test_an_office_that_spoke_unnamed_is_still_the_person_named_since(parse):
    """The lede quotes "the mayor's remark" before any name; when "the mayor" speaks again after the
    article has named the person in focus, it is that person, not the bare office again."""
    text = ("Pier row\n\nThe mayor's remark that the old pier was \"a folly\" has upset traders, it has been claimed.\n\n"
            "Trader Ann Cole said Tom Reilly's comment was \"careless\". Mr Reilly had addressed a Monday meeting of the "
            "harbour board.\n\nCouncillor Jim Dale wrote to Mr Reilly on Tuesday calling for an apology. In a reply, the mayor "
            "said his words had been twisted by the press. He told Mr Dale: \"You should have checked what I said.\"")
    assert [(r["text"], r["speaker"], r["attribution"]) for r in quote_rows(parse, text)] == [
        ("a folly", "the mayor", "noun_cue:description"),
        ("careless", "Ann Cole", "cue_above:name"),
        ("his words had been twisted by the press", "Tom Reilly", "reported_speech:description"),
        ("You should have checked what I said.", "Tom Reilly", "cue_above:pronoun"),
    ]


def test_an_age_standing_for_a_person_speaks(parse):
    """"the 22-year-old said": the model tags the age as a date, yet it stands for the person in
    focus, like any epithet."""
    text = ("Harbour swim\n\nAnna Petrova won the harbour swim. \"I am so happy,\" the 22-year-old said.\n\n"
            "The 22-year-old said the water was cold.")
    assert [(r["text"], r["speaker"], r["attribution"]) for r in quote_rows(parse, text)] == [
        ("I am so happy,", "Anna Petrova", "cue_after:description"),
        ("the water was cold", "Anna Petrova", "reported_speech:description"),
    ]


def test_a_which_standing_for_no_one_is_not_the_cue_a_quote_goes_on_with(parse):
    """"..., which suggests ..." is the writer's inference: a quote after it goes on with the last
    one who spoke ("A BBC spokeswoman said ... She said ...")."""
    text = ("Show move\n\nA BBC spokeswoman said the show would move to Sundays. She said the slot was still to be decided. "
            "The show will share a presenter with the radio chart, which suggests it may air at seven. "
            "\"Hopefully the fans will find it on Sundays.\"")
    assert speakers(parse, text) == [
        ("Hopefully the fans will find it on Sundays.", "the BBC spokeswoman", "unnamed", "preceding_cue:pronoun"),
    ]


def test_an_honorific_and_a_name_before_the_job_name_the_speaker(parse):
    """"Dr Ann Cole games systems director at Acme told ...": no comma between the name and its job,
    so the parse makes the job the head; the name after the honorific still says who it is (not
    "Mr Cole's lawyer", someone else)."""
    text = ("Games\n\n\"Every game will need it,\" Dr Ann Cole games systems director at sound firm Quaver told reporters.\n\n"
            "Tom Reilly was jailed. \"It is illegal,\" Mr Reilly's lawyer said.")
    assert speakers(parse, text) == [
        ("Every game will need it,", "Ann Cole", "person", "cue_after:description"),
        ("It is illegal,", "the lawyer of Tom Reilly", "unnamed", "cue_after:description"),
    ]


def test_a_spokeswoman_after_her_body_s_name_is_the_speaker_not_the_body(parse):
    """"A Department for Harbour Affairs spokeswoman said": the parse makes "Department" the subject
    and the spokeswoman the object of the name's "for"; she is who speaks, so "she said" is her."""
    text = ("Harbour\n\nA Department for Harbour Affairs spokeswoman said the two ministers agreed about the fees. "
            "\"Their quarrel is about the timing, a very narrow dispute,\" she said.")
    rows = quote_rows(parse, text)
    assert [(r["text"], r["speaker"], r["speaker_type"]) for r in rows] == [
        ("the two ministers agreed about the fees", "the Department for Harbour Affairs spokeswoman", "unnamed"),
        ("Their quarrel is about the timing, a very narrow dispute,", "the Department for Harbour Affairs spokeswoman", "unnamed"),
    ]


def test_a_pronoun_far_from_any_name_is_the_person_the_article_is_about(parse):
    """No one of the pronoun's gender in the sentences before it: "she" is the woman the article is
    about (named at least twice before)."""
    filler = " ".join(f"The harbour wall number {n} was painted blue in the spring." for n in range(1, 11))
    text = (f"Harbour swim\n\nAnna Petrova won the harbour swim on Sunday. Petrova had trained for a year. {filler} "
            "\"I love this town,\" she said.")
    assert speakers(parse, text) == [("I love this town,", "Anna Petrova", "person", "cue_after:pronoun")]


def test_a_party_under_two_of_its_names_is_one_speaker(parse):
    """"the Tories" and "the Conservatives" of one article are one party, named by the longest name
    in the article; a description built on its adjective stays as written ("the Tory spokesman")."""
    text = ("Quay levy\n\nThe Tories claim the quay levy is unfair. \"It is a con,\" the Conservatives said. "
            "\"It must go,\" the Tories added. \"We will scrap it,\" a Tory spokesman said.")
    assert speakers(parse, text) == [
        ("It is a con,", "Conservatives", "unnamed", "cue_after:name"),
        ("It must go,", "Conservatives", "unnamed", "cue_after:name"),
        ("We will scrap it,", "the Tory spokesman", "unnamed", "cue_after:description"),
    ]


def test_a_quote_paragraph_goes_on_with_the_reported_speech_before_it(parse):
    """`Ann Cole, from Quaylock, told reporters there are two steps ... The hardest is ...` / `"..."`:
    the paragraph's last sentence is about no one, so the quote goes on with whoever the
    paragraph reported; not when that reporting verb reports a quotation of its own."""
    text = ("Locks\n\nAnn Cole, from Quaylock, told reporters there are two steps to opening the gate. The hardest is "
            "knowing which of the keys fits the rusty lock.\n\n\"The answer is a card that the gate can read.\"")
    assert speakers(parse, text) == [
        ("The answer is a card that the gate can read.", "Ann Cole", "person", "previous_paragraph_subject:name")]


def test_a_body_s_name_before_the_noun_stays_as_written(parse):
    """A body's name used as an adjective before the description's noun is kept as the article wrote
    it ("a Rovers spokesman", not "Harbour Rovers"), unless it is an acronym the article spells out
    ("a HUA spokesman": "the Harbour Users Association spokesman", as the dev gold writes "the
    RAD"); after the noun it takes the body's canonical name."""
    text = ("Harbour\n\nThe Harbour Users Association (HUA) opposes the levy. \"It is a tax on sailors,\" a HUA "
            "spokesman said. \"We will fight it,\" a spokeswoman for the HUA said.")
    assert speakers(parse, text) == [
        ("It is a tax on sailors,", "the Harbour Users Association spokesman", "unnamed", "cue_after:description"),
        ("We will fight it,", "the spokeswoman for the Harbour Users Association", "unnamed", "cue_after:description"),
    ]
    text = ("Harbour\n\nHarbour Rovers lost again on Saturday. Rovers will appeal. \"It was never a penalty,\" a Rovers "
            "spokesman said.")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the Rovers spokesman"]


def test_a_sentence_about_a_body_does_not_take_the_next_quote(parse):
    """A quote after a sentence whose subject is a body (an event, a firm) and no reporting verb goes
    on with the last speaker: a body speaks only through a statement."""
    text = ("Quay fair\n\n\"Trade was good this year,\" Ann Cole, from the Quay Traders Guild, said. "
            "The Quay Fair featured forty new stalls. \"Visitors want more than they did.\"")
    assert speakers(parse, text) == [
        ("Trade was good this year,", "Ann Cole", "person", "cue_after:name"),
        ("Visitors want more than they did.", "Ann Cole", "person", "carried:name"),
    ]


def test_who_right_after_a_name_is_that_person(parse):
    """"turned down Baftas, including comedian Rob Hale who said": the parse hangs the clause on the
    awards' name; a person's name right before "who" is who said it."""
    text = "Awards\n\nTwo actors have turned down Baftas, including comedian Rob Hale who said the whole affair was \"silly\"."
    assert speakers(parse, text) == [("silly", "Rob Hale", "person", "cue_above:pronoun")]


def test_the_one_a_paper_quoted_as_saying_is_the_speaker(parse):
    text = "Bank deal\n\n\"They moved so fast it caught everyone out,\" the Harbour Gazette quoted an insider as saying."
    assert speakers(parse, text) == [("They moved so fast it caught everyone out,", "the insider", "unnamed", "cue_after:description")]


def test_a_person_before_a_comma_and_a_body_is_the_speaker(parse):
    """"Ruth Okoye, Bristol Traders Association said": the parse gives "said" two subjects; the
    person speaks for the association."""
    text = "Festival\n\nRuth Okoye, Bristol Traders Association said: \"We hoped for better news.\""
    assert speakers(parse, text) == [("We hoped for better news.", "Ruth Okoye", "person", "cue_above:name")]


def test_according_to_a_modifier_and_a_name_is_the_named_person(parse):
    """"according to music and PR strategist Glen Holloway": the parse coordinates "music" with the
    name; the person is the source."""
    text = "Harbour\n\n\"We are starting again,\" according to music and PR strategist Glen Holloway."
    assert speakers(parse, text) == [("We are starting again,", "Glen Holloway", "person", "according_to:name")]


def test_an_age_after_a_quote_is_the_speaker_even_parsed_as_a_modifier(parse):
    """`"...?" the 51-year-old asked`: the parse reads "asked" as a participle on the age."""
    text = "Lessons\n\n\"What if the mayor took singing lessons?\" the 51-year-old asked beneath the clip."
    assert speakers(parse, text) == [("What if the mayor took singing lessons?", "the 51-year-old", "unnamed", "cue_after:description")]


def test_where_words_were_posted_and_whom_they_were_sent_to_do_not_speak(parse):
    """"a post on Twitter reading", "emailed supporters saying": the writer of the message."""
    text = ("Polls\n\nThe mayor left a post on Twitter reading \"Thanks, everyone\" after the vote.\n\n"
            "The Texas mayor emailed supporters saying: \"The race is not over.\"")
    assert speakers(parse, text) == [
        ("Thanks, everyone", "the mayor", "unnamed", "cue_above:description"),
        ("The race is not over.", "the Texas mayor", "unnamed", "cue_above:description"),
    ]


def test_of_a_subject_the_name_after_it_speaks(parse):
    """"Of the governor, Reid, who ..., said": the parse makes "Of" the subject."""
    text = ("Race\n\n\"He is funny,\" lawyer Tom Reid said of the mayor. Of the governor, Reid, who gave money to "
            "the mayor, said, \"He is dull.\"")
    assert speakers(parse, text) == [
        ("He is funny,", "Tom Reid", "person", "cue_after:name"),
        ("He is dull.", "Tom Reid", "person", "cue_above:name"),
    ]


def test_after_doing_something_in_the_passive_is_the_passive_s_subject(parse):
    """"Cole was booed by fans after telling them": Cole told them; a bare ", calling it" after a
    passive is its agent's."""
    text = ("Festival\n\nSinger Ann Cole was booed off stage by festival fans after telling them that they were "
            "\"being silly.\"\n\nThe plan was attacked by Tom Reid, calling it \"a disgrace\".")
    assert speakers(parse, text) == [
        ("being silly.", "Ann Cole", "person", "cue_above:name"),
        ("a disgrace", "Tom Reid", "person", "cue_above:name"),
    ]


def test_a_quote_carried_on_after_according_to_keeps_its_speaker(parse):
    """`"...," Welch said, according to Harbour Radio. "..."`: the radio station only reports what
    Welch said, so both quotes are Welch's; `"...," the notice said, according to Harbour Radio.
    "..."`: words no person said here, so both go to the station that reports them."""
    text = ("Vote\n\n\"I will be voting next week,\" Welch said, according to Harbour Radio. "
            "\"And I have decided to vote for Ann Cole.\"")
    assert speakers(parse, text) == [
        ("I will be voting next week,", "Welch", "person", "cue_after:name"),
        ("And I have decided to vote for Ann Cole.", "Welch", "person", "preceding_cue:name"),
    ]
    text = ("Vote\n\n\"Polling stations open at seven,\" the notice said, according to Harbour Radio. "
            "\"Bring a card with your address.\"")
    assert speakers(parse, text) == [
        ("Polling stations open at seven,", "Harbour Radio", "organisation", "cue_after:name"),
        ("Bring a card with your address.", "Harbour Radio", "organisation", "preceding_cue:name"),
    ]


def test_a_name_standing_alone_after_a_quote_is_the_speaker(parse):
    """`"...," Mr Dale.`: the reporting verb dropped in editing; the name still says who spoke."""
    text = ("Outlook\n\nEconomist Roger Dale expects a slowdown. "
            "\"Although next year may be difficult, growth will return,\" Mr Dale.")
    assert speakers(parse, text) == [
        ("Although next year may be difficult, growth will return,", "Roger Dale", "person", "bare_name:name")]


def test_a_quote_paragraph_after_someone_s_reported_words_is_theirs(parse):
    """A quote opening a paragraph goes on with the person whose words the paragraph before ends
    reporting, not with an earlier quote's speaker; with no such sentence, with that quote's."""
    first = ("Boats\n\n\"This is the cheapest boat we have ever built,\" said shipbuilder Tom Reid. Many buyers had "
             "waited for weeks.")
    reported = " Ann Cole, editor of Harbour Weekly, said the boat would appeal to families."
    after = "\n\n\"They want a boat they can afford.\""
    assert speakers(parse, first + reported + after)[1] == (
        "They want a boat they can afford.", "Ann Cole", "person", "previous_paragraph_subject:name")
    assert speakers(parse, first + after)[1] == ("They want a boat they can afford.", "Tom Reid", "person", "carried:name")


def test_a_pronoun_after_an_epithet_subject_is_the_person_in_focus(parse):
    """"The Australian is still hoping ..." / "..., he said": the epithet stands for the person the
    article is about, so "he" is that person, not the doctor quoted just before."""
    text = ("Ankle\n\nMark Dalton has injured his ankle. Dalton missed training on Monday. His coach Hamish Orr said it "
            "was serious. \"It would be unlikely for him to play twice in a row,\" said Orr. The Australian is still "
            "hoping to make the event. \"I will go by feel,\" he said.")
    assert speakers(parse, text)[-1] == ("I will go by feel,", "Mark Dalton", "person", "cue_after:pronoun")


def test_a_group_noun_alone_is_the_body_named_with_that_word(parse):
    """"police said" after "Kent Police", "the group said" after "media group Vantage": the body
    named before with that very word; "the group" after a group of people stays a description."""
    text = ("Raid\n\nOfficers from Kent Police searched the house. Police said the man was \"dangerous\".\n\n"
            "Revenues at media group Vantage fell 9% in 2004. The group said the fall was \"a blip\".\n\n"
            "Five MPs wrote to the minister. The group said the plan was \"a mess\".")
    assert speakers(parse, text) == [
        ("dangerous", "Kent Police", "organisation", "cue_above:description"),
        ("a blip", "Vantage", "organisation", "cue_above:description"),
        ("a mess", "the group", "unnamed", "cue_above:description"),
    ]


def indirect_speakers(parse, text: str) -> list[tuple]:
    return [(r["text"], r["speaker"], r["speaker_type"], r["attribution"]) for r in quote_rows(parse, text) if r["kind"] == "indirect"]


def test_the_one_addressed_before_a_participle_does_not_speak(parse):
    """"Harlow e-mailed Ms Pike pointing out ..., but suggesting ...", "Ms Grey urged Mr Lamb
    saying ...": the parse makes the addressee the participle's subject; the writer speaks. A
    progressive verb after "told" keeps its own subject ("told councillors Reid was insisting")."""
    text = ("Pier\n\nRealising his gaffe, Mr Harlow then e-mailed Mr Pike pointing out the blunder, but suggesting host "
            "Jim Parks would have found it funny.\n\nMs Grey urged Mr Lamb saying he should \"think again\".\n\n"
            "But Ms Grey told councillors the town clerk, Tom Reid, was insisting the pier should stay shut.")
    assert speakers(parse, text) == [("think again", "Grey", "person", "cue_above:name")]
    assert indirect_speakers(parse, text) == [
        ("host Jim Parks would have found it funny", "Harlow", "person", "reported_speech:name"),
        ("the town clerk, Tom Reid, was insisting the pier should stay shut", "Grey", "person", "reported_speech:name"),
        ("the pier should stay shut", "Tom Reid", "person", "reported_speech:description"),
    ]


def test_reports_in_general_are_written_as_they_are(parse):
    """"Reports have claimed", "with reports saying", "say reports", "emails that claim": plural
    utterances with no article or owner are no one's in particular, not the speaker in focus's;
    "her emails" and "said in a statement" still have their maker."""
    text = ("Pier\n\n\"We will rebuild it,\" the mayor, Ann Cole, said. Reports have claimed the mayor sold the pier "
            "to a friend.\n\nMs Cole resigned on Friday, with reports saying she had sold the pier.\n\n"
            "The pier went to a friend, say reports.\n\n"
            "Residents should be wary, she says, of emails that claim the pier is for sale.\n\n"
            "Tom Reid spoke on Monday. His emails claimed the pier was safe. Acme Ltd said in a short statement it would bid. "
            "The statement added that the bid was final.\n\nJo Lee wrote on a blog that the pier was unsafe. The blog "
            "added that it would close.")
    assert indirect_speakers(parse, text) == [
        ("the mayor sold the pier to a friend", "reports", "unnamed", "reported_speech:description"),
        ("she had sold the pier", "reports", "unnamed", "reported_speech:description"),
        ("The pier went to a friend", "reports", "unnamed", "reported_speech:description"),
        ("the pier is for sale", "emails", "unnamed", "reported_speech:pronoun"),
        ("the pier was safe", "Tom Reid", "person", "reported_speech:description"),
        ("it would bid", "Acme Ltd", "organisation", "reported_speech:name"),
        ("the bid was final", "Acme Ltd", "organisation", "reported_speech:description"),
        ("it would close", "Jo Lee", "person", "reported_speech:description"),  # the blog she wrote on
    ]


def test_a_body_s_person_a_day_s_report_and_number_10(parse):
    """"Pay on Time's Ann Cole said": the parse makes "Pay" the subject; the person the body owns
    speaks. "Monday's statement" was made by whoever made the earlier report, not by a day. "Number
    10" is Downing Street, a body, not the word "Number"."""
    text = ("Pier\n\nPay on Time's Ann Cole said: \"Rhetoric cannot hide it.\"\n\n"
            "Last June's report by the Harbour Trust said the pier was unsafe. Monday's statement said the pier "
            "would close.\n\nNumber 10 said ministers would not comment.\n\n"
            "The man who shot Acme's Jo Lee said the film was unsafe.")
    assert speakers(parse, text) == [("Rhetoric cannot hide it.", "Ann Cole", "person", "cue_above:name")]
    assert indirect_speakers(parse, text) == [
        ("the pier was unsafe", "Harbour Trust", "organisation", "reported_speech:description"),
        ("the pier would close", "Harbour Trust", "organisation", "reported_speech:description"),
        ("ministers would not comment", "Number 10", "organisation", "reported_speech:name"),
        ("the film was unsafe", "the man", "unnamed", "reported_speech:description"),  # Jo Lee hangs on a clause
    ]


def test_a_possessive_pronoun_before_a_noun_of_saying_is_the_speaker(parse):
    """"after her spring comment that, "..."": the comment is hers, so Ms Cole's."""
    text = ("Pier\n\nMs Cole spoke to traders on Monday. The union is unlikely to back her after her spring comment "
            "that, \"We will close the pier.\"")
    assert speakers(parse, text) == [("We will close the pier.", "Cole", "person", "noun_cue:pronoun")]


def test_from_a_source_and_a_possessor_before_the_noun_a_fragment_modifies(parse):
    """"More from Dr Lane: "..."", "From the report: "..."": where the words come from; "Tom Reid's
    "jobs first" pledge": the possessor of the noun of saying the fragment modifies."""
    text = ("Poll\n\nWhat the survey means for the race. More from Dr Lane: \"The state is a starting point for any "
            "count.\"\n\nFrom the report: \"Larger samples gave better results.\"\n\n"
            "After the statement, the union fought Tom Reid's \"jobs first\" pledge.\n\n"
            "The team arrived. From Leeds: \"We are ready to play now.\"")
    assert speakers(parse, text) == [
        ("The state is a starting point for any count.", "Lane", "person", "label_colon:name"),
        ("Larger samples gave better results.", "the report", "unnamed", "label_colon:description"),
        ("jobs first", "Tom Reid", "person", "noun_cue:name"),
        ("We are ready to play now.", None, None, "none"),  # "From Leeds:" is where, not who
    ]


def test_a_generic_you_is_no_speaker(parse):
    """"He adds that ... you can't shout "bomb" on a plane": "you" with a modal or a negation is
    anyone; the reporting verb above names who speaks. With none above ("Ms Cole is young, yet you
    can't say ..."), the clause is the writer's and no indirect quote."""
    text = ("Speech\n\nTom Harlow says some limits are needed. He adds that free speech ends where you can't shout "
            "\"bomb\" on a plane.\n\nMs Cole is young, yet you can't say she was being false with the fans.")
    assert speakers(parse, text) == [("bomb", "Tom Harlow", "person", "cue_above:pronoun")]
    assert [r[0] for r in indirect_speakers(parse, text)] == ["some limits are needed"]


def test_a_body_s_ruling_and_a_dated_report_speak_for_the_body(parse):
    """Rulings, complaints and verdicts are utterances like statements; a year before the noun
    ("its 2003 ruling") does not make it a numbered part of a text ("Section 5")."""
    text = ("Pier ruling\n\nThe Harbour Authority banned the festival on Friday. \"The event is unsafe and is hereby "
            "refused,\" the authority's ruling said.\n\n"
            "Kestrel Foods sued a former manager. \"He took our recipes,\" the firm's complaint said.\n\n"
            "The Harbour Authority's controversial 2003 ruling called the pier \"a hazard for every walker\".")
    assert speakers(parse, text) == [
        ("The event is unsafe and is hereby refused,", "Harbour Authority", "organisation", "cue_after:description"),
        ("He took our recipes,", "Kestrel Foods", "organisation", "cue_after:description"),
        ("a hazard for every walker", "Harbour Authority", "organisation", "cue_above:description"),
    ]


def test_a_name_before_its_apposition_is_the_subject_the_next_she_refers_to(parse):
    """"Desta, the first Kenyan woman to win the title, will now face ...": the parse may make the
    apposition's noun the subject; the name is, and "she" in the next paragraph is her, not the
    player named before her."""
    text = ("Open draw\n\nFormer champion Ana Ruiz and Kenya's Lena Desta reached the second round. Ruiz, 32, beat "
            "Mia Sato 6-2 6-3 and 19-year-old Desta beat Lia Kos 7-5 6-1. Desta, the first Kenyan woman to win a "
            "Tour crown this year on her own courts at Nakuru, will now face Open champion Nina Volkova.\n\n"
            "But she is calm. \"She is a fine player,\" she said.")
    assert speakers(parse, text) == [("She is a fine player,", "Lena Desta", "person", "cue_after:pronoun")]


def test_a_spokesman_of_someone_named_is_the_spokesman_for_them(parse):
    """"her spokesman", "Mr Hale's official spokesman": written as "a spokesman for X" is, with the
    one spoken for under their canonical name."""
    text = ("Court news\n\nTennis star Kim Lee is injured. \"She will be back soon,\" her spokesman said.\n\n"
            "Prime Minister Tom Hale met the union. \"It went well,\" Mr Hale's official spokesman said.")
    assert speakers(parse, text) == [
        ("She will be back soon,", "the spokesman for Kim Lee", "unnamed", "cue_after:description"),
        ("It went well,", "the official spokesman for Tom Hale", "unnamed", "cue_after:description"),
    ]


def test_a_verb_of_saying_with_a_thing_for_object_reports_nothing(parse):
    """"after claiming two away wins": no one's words, so the quote after that sentence stays
    with the player who spoke before it, not with the teams it names."""
    text = ("Cup hopes\n\n\"We can top the group,\" said the striker Sean Boyle. Latvia and Malta are level on four "
            "points, although Ireland lead after claiming two away wins in Rome and Oslo. \"In Rome we were lucky.\"")
    assert speakers(parse, text) == [
        ("We can top the group,", "Sean Boyle", "person", "cue_after:name"),
        ("In Rome we were lucky.", "Sean Boyle", "person", "preceding_cue:name"),
    ]


def test_a_man_named_by_where_he_comes_from_is_the_person_in_focus(parse):
    """"says the Leeds man", "says the Yorkshireman": an epithet like "the Scot", resolved to the
    person the article is about; "the German" stays a nationality of either gender."""
    text = ("Comeback\n\nJo Kell was lucky to walk again.\n\nThe cyclist talks calmly about the fall on the moor. \"I was in "
            "real agony,\" says the Leeds man. \"The doctors were superb,\" says the Yorkshireman.\n\n"
            "Anna Berg lost the final. \"I was tired,\" said the German.")
    assert speakers(parse, text) == [
        ("I was in real agony,", "Jo Kell", "person", "cue_after:description"),
        ("The doctors were superb,", "Jo Kell", "person", "cue_after:description"),
        ("I was tired,", "Anna Berg", "person", "cue_after:description"),
    ]
    # a town the model takes for a body is still where he comes from
    text = ("Athlone back\n\nSean Dunne was lucky to walk again.\n\nDunne looks back calmly on the crash. \"The pain "
            "was unbearable,\" recalls the Athlone man. \"My surgeon was brilliant.\"")
    assert speakers(parse, text) == [
        ("The pain was unbearable,", "Sean Dunne", "person", "cue_after:description"),
        ("My surgeon was brilliant.", "Sean Dunne", "person", "preceding_cue:description"),
    ]


def test_a_first_person_quote_set_in_the_writer_s_sentences_goes_on_with_the_last_speaker(parse):
    """A quote in the first person that no cue, paragraph or subject attributes continues the
    speaker of the nearest full quote before it; so, once reported speech is found, does one in
    no person."""
    text = ("Cinema keys\n\n\"Every print will be encrypted,\" said Ola Brandt of Reelworks.\n\nEach cinema will have a "
            "key that unlocks the film. The keys expire after a week. \"I think audiences will notice the sharper picture.\"\n\n"
            "The scheme starts in March. \"The picture will never scratch.\"")
    assert speakers(parse, text) == [
        ("Every print will be encrypted,", "Ola Brandt", "person", "cue_after:name"),
        ("I think audiences will notice the sharper picture.", "Ola Brandt", "person", "carried:name"),
        ("The picture will never scratch.", "Ola Brandt", "person", "carried:name"),
    ]


def test_a_full_quote_no_cue_attributes_goes_on_with_whoever_spoke_last(parse):
    """A full quote that no cue, paragraph or subject attributes continues the speaker of the
    nearest quotation or reported speech before it, within three paragraphs, and not further back."""
    text = ("Harbour tickets\n\nNora Vance, who runs the Quayside Hall, said every seat for the opening night had gone.\n\n"
            "The hall holds 900 people. \"We could have filled it twice over.\"")
    assert speakers(parse, text) == [("We could have filled it twice over.", "Nora Vance", "person", "carried:name")]
    text = ("Harbour tickets\n\nNora Vance, who runs the Quayside Hall, said every seat had gone.\n\n"
            "The hall holds 900 people.\n\nIt opened in 1911.\n\nIt was rebuilt in 1960.\n\nIt has a new roof.\n\n"
            "\"Come early for the best view.\"")
    assert speakers(parse, text) == [("Come early for the best view.", None, None, "none")]
    # not after the writer brings in someone else, anywhere in a sentence, or something said
    text = ("Pier levy\n\nNora Vance, the harbour master, said the levy would pay for the pier.\n\n"
            "The levy was attacked on Monday by Owen Pryce, who runs the ferry. The vote is next week.\n\n"
            "\"It will sink the business.\"")
    assert speakers(parse, text)[0][1:] == (None, None, "none")
    text = ("Pier levy\n\nNora Vance, the harbour master, said the levy would pay for the pier.\n\n"
            "A letter from the ferry firm arrived on Friday. \"We will fight the levy in court.\"")
    assert speakers(parse, text)[0][1:] == (None, None, "none")


def test_a_watchdog_is_the_regulator_named_before_and_the_reverse(parse):
    """"the watchdog" is the body the article calls a regulator, and "the regulator" the one it
    calls a watchdog."""
    text = ("Bond probe\n\nFrench market regulator Marbre has filed complaints against the firm.\n\n"
            "The firm denies it. The watchdog thinks the pair had \"secret figures\" on the sale.")
    assert speakers(parse, text) == [("secret figures", "Marbre", "organisation", "cue_above:description")]
    text = ("Fees\n\nConsumer watchdog Fairplay has attacked the banks.\n\n"
            "The banks deny it. The regulator said the fees were \"far too high\" for savers.")
    assert speakers(parse, text) == [("far too high", "Fairplay", "organisation", "cue_above:description")]


def test_a_seller_or_a_giant_is_the_company_in_focus(parse):
    """"The news and data seller said", "the software giant said": business nouns for a company,
    like "the firm", stand for the company the sentences before are about."""
    text = ("Results\n\nRevenues at media group Kestrel slipped 11% in 2004.\n\nKestrel beat profit forecasts. "
            "The news and data seller said it expected \"further gradual gains\" this year.\n\n"
            "Brightsoft Corp sold more games. The software giant said sales were \"better than hoped\".")
    assert speakers(parse, text) == [
        ("further gradual gains", "Kestrel", "organisation", "cue_above:description"),
        ("better than hoped", "Brightsoft Corp", "organisation", "cue_above:description"),
    ]


def test_a_party_s_spokesman_is_the_named_speaker_in_focus(parse):
    """"the Tory spokeswoman" after a named frontbencher who spoke is her; a spokesman owned by
    someone ("the mayor's official spokesman") or for a body stays unnamed."""
    text = ("Health row\n\nShadow health secretary Ann Pryce told MPs the hospital plan was flawed. \"It is a shambles,\" "
            "she said. The Tory spokeswoman also attacked ministers for suggesting the scheme would cost little. \"Who "
            "will pay for this?\" she asked.\n\nA Health Department spokesman insisted the plan was on track. The "
            "mayor's official spokesman added: \"The plan is fully funded.\"")
    assert speakers(parse, text) == [
        ("It is a shambles,", "Ann Pryce", "person", "cue_after:pronoun"),
        ("Who will pay for this?", "Ann Pryce", "person", "cue_after:pronoun"),
        ("The plan is fully funded.", "the mayor's official spokesman", "unnamed", "cue_above:description"),
    ]


def test_a_person_named_right_after_a_body_is_the_speaker(parse):
    """The model reads "the Coastal Futures Forum Mr Pryce" as one body: the honorific starts the
    person's name, who said it."""
    text = ("Row\n\nSpeaking to the Coastal Futures Forum Mr Pryce said of the mayor: \"He is charming but careless.\"")
    assert speakers(parse, text) == [("He is charming but careless.", "Pryce", "person", "cue_above:name")]


def test_a_name_after_a_second_role_is_the_person_described(parse):
    """"his old friend and colleague Tom Reid": one person with two roles, named after the second;
    without a possessor ("the manager and coach Sean Boyle") it may be two people."""
    text = ("Award\n\n\"She is a born winner,\" said her mentor and former coach Tom Reid. Kell was called \"a giant of "
            "the stage\" by her agent and fellow producer Ola Brandt.\n\nThe manager and coach Sean Boyle agreed. "
            "\"It was a fair result,\" the manager said.")
    assert speakers(parse, text) == [
        ("She is a born winner,", "Tom Reid", "person", "cue_after:description"),
        ("a giant of the stage", "Ola Brandt", "person", "cue_above:description"),
        ("It was a fair result,", "the manager", "unnamed", "cue_after:description"),
    ]


def test_a_reporting_verb_the_parse_left_without_a_subject_takes_the_name_right_before_it(parse):
    """`When asked if Reid and Boyle might start Nilsson answered: "..."`: the parse leaves the cue
    without a subject; the name right before it is its speaker, not a subject before that."""
    text = ("Cup team\n\nCoach Lars Nilsson named his squad. When asked if Reid and Boyle might start Nilsson "
            "answered: \"Perhaps.\"")
    assert speakers(parse, text) == [("Perhaps.", "Lars Nilsson", "person", "cue_before:name")]


def test_an_age_standing_for_a_person_after_a_quote_is_the_speaker(parse):
    """`"...," the 41-year-old said.`: the model tags the age a date and the parse gives the cue no
    subject; the words between the quote and the cue name the speaker, for the next quote too."""
    text = "Late draw\n\nKeeper Sean Kiernan made saves. \"We wanted more,\" the 41-year-old said. \"The players know it.\""
    assert speakers(parse, text) == [
        ("We wanted more,", "Sean Kiernan", "person", "cue_after:description"),
        ("The players know it.", "Sean Kiernan", "person", "preceding_cue:description"),
    ]


def test_he_after_a_passive_subject_is_the_one_who_acted(parse):
    """`Boyle was suspended ..., and Hale has defended the player since. Yet he said:`: the subject
    of the passive verb had something done to him; "he" is the one who acted."""
    text = ("Ban row\n\nCoach Tom Hale would consider signing Sean Boyle once the winger has served his ban.\n\n"
            "Boyle was suspended by the league in March, and Hale has defended the player since. Yet he said: \"I think "
            "the ban will be long.\"")
    assert speakers(parse, text) == [("I think the ban will be long.", "Tom Hale", "person", "cue_above:pronoun")]


def test_a_lone_capitalised_word_after_an_inverted_cue_is_the_speaker(parse):
    """`"...," admitted Hanly.`: the tagger reads the surname as an adverb; one capitalised word
    closing the clause after an inverted cue is the speaker's name."""
    text = ("Late draw\n\nKeeper Sean Hanly made three saves.\n\n\"Giving away a late goal, it hurts more than a loss,\" "
            "admitted Hanly. \"We had chances.\"")
    assert speakers(parse, text) == [
        ("Giving away a late goal, it hurts more than a loss,", "Sean Hanly", "person", "cue_after:name"),
        ("We had chances.", "Sean Hanly", "person", "carried:name"),
    ]


def test_someone_known_only_as_a_named_person_s_is_written_of_that_person(parse):
    """"Mr Hale's lawyer", "one of her new colleagues", "her agent": an unnamed speaker described by
    the named person they belong to is "the lawyer of Tom Hale", "the new colleague of Ann Pryce"
    (one of a group, in the singular); a possessive pronoun is first the subject before it in its
    sentence, and may be named in what is said."""
    text = ("Jailed\n\nBlogger Tom Hale was jailed on Monday. Mr Hale's lawyer called the sentence \"illegal\".\n\n"
            "When Ann Pryce joined the firm, one of her new colleagues told her the canteen was \"a death trap\".\n\n"
            "Actress Nora Quill died in Leeds on Monday, her agent said.\n\n"
            "The novelist Sean Boyle has denied the claims. His agent told reporters that Boyle was happy.")
    rows = [(r["text"], r["speaker"], r["speaker_type"]) for r in quote_rows(parse, text)]
    assert rows == [
        ("illegal", "the lawyer of Tom Hale", "unnamed"),
        ("a death trap", "the new colleague of Ann Pryce", "unnamed"),
        ("Actress Nora Quill died in Leeds on Monday", "the agent of Nora Quill", "unnamed"),
        ("Boyle was happy", "the agent of Sean Boyle", "unnamed"),
    ]


def test_some_of_a_group_is_written_as_the_group(parse):
    """"Some analysts", "many economists": a group that spoke is named as annotators name it, "the
    analysts"; "other analysts" keeps its word (a different group)."""
    text = ("Rates\n\nThe bank held rates. Some analysts called the decision \"too timid\". Many economists called it "
            "\"a wasted chance\". Other analysts called it \"wise\".")
    assert speakers(parse, text) == [
        ("too timid", "the analysts", "unnamed", "cue_above:description"),
        ("a wasted chance", "the economists", "unnamed", "cue_above:description"),
        ("wise", "other analysts", "unnamed", "cue_above:description"),
    ]


def test_a_body_the_lede_describes_is_the_one_named_after_it(parse):
    """"A watchdog committee said ..." in the opening sentences, then "the Harbour Works
    Committee": a body described before it is named is the one body named later whose name holds
    the description's noun; deep in the article the description stays as written."""
    text = ("Port delays\n\nShips face long delays at the new port. A parliamentary committee said it was \"deeply "
            "worried\" about the cranes.\n\nThe Harbour Works Committee also criticised the contractor, Delta Cranes Ltd.")
    assert speakers(parse, text) == [("deeply worried", "Harbour Works Committee", "organisation", "cue_above:description")]
    text = ("Port delays\n\nShips face long delays at the new port. The cranes are late. The quay is unfinished. On "
            "Monday a parliamentary committee said it was \"deeply worried\" about the cranes.\n\nThe Harbour "
            "Works Committee also criticised the contractor, Delta Cranes Ltd.")
    assert speakers(parse, text) == [("deeply worried", "a parliamentary committee", "unnamed", "cue_above:description")]


def test_a_lawsuit_speaks_for_whoever_brought_it(parse):
    """"Ann Lee is suing the studio ... The lawsuit says": a lawsuit no one is named as filing is
    the words of the one the article says is suing (speaker_descriptions.json "made_by"); not of
    the one a headline says was sued ("Studio sued over ...")."""
    text = ("Stunt row\n\nSinger Ann Lee is suing Kestrel Films over a fall on the set of her latest video. "
            "The lawsuit said the fall had caused her \"lasting pain and distress\".")
    assert speakers(parse, text) == [("lasting pain and distress", "Ann Lee", "person", "cue_above:description")]
    text = ("Kestrel Films sued over stunt fall\n\nA dancer has gone to court over a fall on the set of a video. "
            "The lawsuit said the fall had caused \"lasting pain and distress\".")
    found = speakers(parse, text)
    assert [q for q, _, _, _ in found] == ["lasting pain and distress"] and found[0][1] != "Kestrel Films"  # (the headline's "sued")


def test_it_never_means_a_name_that_only_modifies_a_noun(parse):
    """"the Chilean coast", "a US firm": a name used as a modifier is not what a later "it" means
    when no body is a subject nearby; the pronoun stays unresolved rather than naming it."""
    text = ("Ship report\n\nThe ship sank off the Chilean coast last spring. Divers found the wreck in May.\n\n"
            "It said the hull was \"badly corroded\".")
    assert [s for _, s, _, _ in speakers(parse, text)] == [None]
    text = ("Outage\n\nThe BBC website was down for an hour on Monday. Engineers worked through the night.\n\n"
            "It said the fault was \"fully fixed\".")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["BBC"]  # a body's name is not a place's


def test_a_name_in_apposition_after_a_bracketed_acronym(parse):
    """"the new chair of the Harbour Standards Board (HSB), Ravi Okafor, said": the letters in
    brackets do not count toward how far the name may stand from the description."""
    text = ("Port rules\n\n\"We have barely begun,\" the new chair of the Harbour Standards Board (HSB), Ravi Okafor, "
            "said on Monday.")
    assert speakers(parse, text) == [("We have barely begun,", "Ravi Okafor", "person", "cue_after:description")]


def test_a_fragment_is_said_by_the_speaker_of_the_clause_it_sits_in(parse):
    """`Ann Lee said the damage will be "severe", the Harbour Gazette reported`: the verb after the
    fragment passes on words whose own reporting verb, above the fragment, has a speaker; so does
    `Ann Lee said the fall was not as "dramatic" as Tom Reid believed`."""
    text = ("Storm\n\nThe storm sank forty boats. Fisheries minister Ann Lee said hundreds of jobs were lost and that the "
            "damage to the fleet will be \"severe\", the Harbour Gazette reported.")
    assert speakers(parse, text) == [("severe", "Ann Lee", "person", "cue_above:name")]
    text = ("Music sales\n\nRecord boss Tom Reid warned that sales had halved. However, Ann Lee, the director of the Sound "
            "Archive, said she did not feel the fall was as \"dramatic\" as Mr Reid believed.")
    assert speakers(parse, text) == [("dramatic", "Ann Lee", "person", "cue_above:name")]
    text = "Port deal\n\nHarbour master Tom Reid told reporters the deal was \"a disaster\", union leader Ann Lee said."
    assert [s for _, s, _, _ in speakers(parse, text)] == ["Tom Reid"]


def test_a_relative_described_by_a_named_person_is_the_relative_the_article_names(parse):
    """"Tom Varga's father said ..." with "His father Miklos Varga" in the article: the one person of
    that surname the article describes as his father; with no such person, the description of
    the owner as before."""
    text = ("Climber missing\n\nRescuers are searching for climber Tom Varga. Tom Varga's father said he was \"very "
            "worried\" about the weather. His father Miklos Varga told reporters the family was waiting by the phone.")
    assert speakers(parse, text) == [("very worried", "Miklos Varga", "person", "cue_above:description")]
    text = ("Climber missing\n\nRescuers are searching for climber Tom Varga. Tom Varga's father said he was \"very "
            "worried\" about the weather.")
    assert speakers(parse, text) == [("very worried", "the father of Tom Varga", "unnamed", "cue_above:description")]
    text = ("Climber missing\n\nRescuers are searching for climber Tom Varga. Tom Varga's lawyer said he was \"very "
            "worried\" about the search. Lawyer Anna Varga, who is not related, acts for the rescuers.")
    assert speakers(parse, text) == [("very worried", "the lawyer of Tom Varga", "unnamed", "cue_above:description")]  # kin only


def test_a_titled_person_and_a_described_subject_are_whom_later_words_mean(parse):
    """"Cardinal Eamon Fitzgerald-O'Neill" is a person whatever the model makes of the surname;
    "the cardinal" is that person; and "the Cardinal will ask ...", a description as a sentence's
    subject, is whom the "he" after it means, not the person named in the sentence before."""
    text = ("Cardinal attacks arms spending\n\nMoney spent on arms should have gone to the poor, Cardinal Eamon "
            "Fitzgerald-O'Neill has said.\n\nThe cardinal called the spending \"shameful\". The cardinal met Bishop Peter "
            "Hale last year. Dr Hale has since criticised the government.\n\n"
            "On Sunday, the Cardinal will ask the congregation to pray. \"Peace is possible,\" he will say.")
    assert speakers(parse, text) == [
        ("shameful", "Eamon Fitzgerald-O'Neill", "person", "cue_above:description"),
        ("Peace is possible,", "Eamon Fitzgerald-O'Neill", "person", "cue_after:pronoun")]


def test_a_speaker_in_a_clause_on_someone_s_object_does_not_outrank_the_sentence_s_subject(parse):
    """"Mr Lee said he had visited Ben Reid, who had told him that ... . He added: ..." is Mr Lee's:
    the speaker of a "who" clause on an object is less prominent than the sentence's subject."""
    text = ("Film plans\n\nDirector Tom Lee spoke on Monday. Mr Lee said he had visited the author Ben Reid, who had told "
            "him that the villains could \"stand for any church or state\". He added: \"I will not soften the story.\"")
    assert speakers(parse, text) == [
        ("stand for any church or state", "Ben Reid", "person", "cue_above:pronoun"),
        ("I will not soften the story.", "Tom Lee", "person", "cue_above:pronoun")]


def test_a_title_before_a_surname_the_model_left_untagged_is_that_person(parse):
    """`said General Okonjo` with the surname untagged there: the one person of that surname, as
    the article's other mentions ("Gen Okonjo told ...") name him."""
    text = ("Army row\n\nGen Okonjo told the BBC the army would stay neutral. \"We serve the country, not a party,\" "
            "said General Okonjo.")
    rows = speakers(parse, text)
    assert [(t, s, k) for t, s, k, _ in rows] == [("We serve the country, not a party,", "Okonjo", "person")]


def test_a_deputy_is_not_the_office_itself(parse):
    """"the prime minister" is not "Deputy Prime Minister Ann Cole", nor "the deputy mayor" the
    mayor the article names."""
    text = ("Budget row\n\nDeputy Prime Minister Ann Cole hosted a dinner for the cabinet on Monday.\n\n"
            "\"There was no deal,\" the prime minister said on Tuesday.")
    assert speakers(parse, text) == [("There was no deal,", "the prime minister", "unnamed", "cue_after:description")]
    text = ("Transport row\n\nMayor Tom Reid opened the new bridge on Monday.\n\n"
            "\"The tolls will stay,\" the deputy mayor said on Tuesday.")
    assert speakers(parse, text) == [("The tolls will stay,", "the deputy mayor", "unnamed", "cue_after:description")]


def test_a_company_described_by_its_nationality_is_the_one_in_focus_when_no_other_country_is_given(parse):
    """"Baltra Shipping said ... The Danish firm said": the organisation in focus, which the article
    gives no country; not one the article places elsewhere ("the Norwegian group Baltra Shipping")."""
    text = ("Ferry deal\n\nBaltra Shipping is considering a new ferry route, but said it had not decided yet. The Danish "
            "firm said the route was only a \"possible\" plan.")
    assert speakers(parse, text) == [("possible", "Baltra Shipping", "organisation", "cue_above:description")]
    text = ("Ferry deal\n\nThe Norwegian group Baltra Shipping is considering a new ferry route, but said it had not "
            "decided yet. The Danish firm said the route was only a \"possible\" plan.")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the Danish firm"]


def test_a_spokeswoman_is_not_the_spokesman_described_before(parse):
    """"A spokesman for the mall said ... The mall spokeswoman said ... she added": two people; the
    spokeswoman's words, and "she" after her, are hers."""
    text = ("Shopping rush\n\nA spokesman for the Harbour Mall said it was \"the busiest week yet\".\n\n"
            "The Harbour Mall spokeswoman said car parks were full. \"We expect the same next week,\" she added.")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [
        ("the busiest week yet", "the spokesman for the Harbour Mall"),
        ("We expect the same next week,", "the Harbour Mall spokeswoman")]


def test_a_board_speaks_as_the_body_it_governs(parse):
    """"the board said": the organisation whose board it is, named on the mention or before, else
    the organisation in focus; not for another kind of board ("the local health board")."""
    text = ("Takeover bid\n\nA bidder has approached the Kelvin Foods board. \"The board has received a proposal,\" "
            "the board said.")
    assert speakers(parse, text) == [("The board has received a proposal,", "Kelvin Foods", "organisation", "cue_after:description")]
    text = ("Takeover bid\n\nKelvin Foods said it had received a proposal from a rival on Friday. \"We will consider "
            "the offer,\" the board said.")
    assert speakers(parse, text) == [("We will consider the offer,", "Kelvin Foods", "organisation", "cue_after:description")]
    text = ("Plant closure\n\nKelvin Foods shut its Dundee plant on Monday. The local health board said workers would be "
            "\"tested this week\".")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the local health board"]


def test_a_name_after_a_second_title_in_apposition_is_the_speaker(parse):
    """"The head of the unit, Detective Chief Superintendent, Ann Cole, said": a title set off by
    commas between the description and the name."""
    text = ("Fraud arrests\n\nThe head of the fraud unit, Detective Chief Superintendent, Ann Tolliver, said: "
            "\"This was a long inquiry.\"")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [("This was a long inquiry.", "Ann Tolliver")]


def test_a_title_whose_of_phrase_runs_into_a_name_is_that_person_s(parse):
    """"Director of rugby Ann Cole revealed that ...": the parse makes the name the object of "of";
    she is the one who spoke, not the person last named. Not "the manager of striker Ann Cole"."""
    text = ("Rugby\n\nTom Reid kicked three penalties. Director of rugby Piotr Kowalczyk revealed that the players "
            "were tired.\n\n\"They gave everything,\" he said.")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [("They gave everything,", "Piotr Kowalczyk")]
    text = ("Rugby\n\nTom Reid kicked three penalties. The manager of striker Piotr Kowalczyk revealed that the "
            "players were tired.\n\n\"They gave everything,\" he said.")
    rows = speakers(parse, text)
    assert [t for t, _, _, _ in rows] == ["They gave everything,"] and rows[0][1] != "Piotr Kowalczyk"


def test_someone_shown_or_heard_speaking_is_the_speaker(parse):
    """"The film showed Mr Reid, smiling, telling the crowd: ...": who was shown speaking, not the film;
    but "Ann Cole saw Tom Reid, telling police: ..." is Ann Cole's."""
    text = ("Election film\n\nA documentary followed councillor Tom Reid for a year. The film showed Mr Reid, "
            "clearly enjoying himself, telling the crowd: \"We will win every seat.\"")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [("We will win every seat.", "Tom Reid")]
    text = "Station alert\n\nAnn Tolliver saw Tom Reid at the station, telling police: \"He looked nervous.\""
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [("He looked nervous.", "Ann Tolliver")]


def test_an_office_is_held_by_the_subject_of_the_sentence_before(parse):
    """"Ann Cole has criticised the rival party's budget. The prime minister said ...": the
    person who acted in the sentence before holds the office, though she has not spoken yet; not
    one something was done to ("Ann Cole was criticised ...")."""
    text = ("Transport row\n\nAnn Tolliver has criticised the rival party's transport budget, naming Tom Reid. "
            "The prime minister said the budget was \"a road to nowhere\".")
    assert speakers(parse, text) == [("a road to nowhere", "Ann Tolliver", "person", "cue_above:description")]
    text = ("Spending row\n\nAnn Tolliver was criticised by Tom Reid over the spending plans. "
            "The prime minister said the budget was \"a road to nowhere\".")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the prime minister"]


def test_a_player_described_by_position_is_the_player_in_focus(parse):
    """"Tom Reid says ... The prop said": a position in a team ("prop", "fly-half", "lock") is an
    epithet for the player the article is about."""
    text = ("Wales ready\n\nTom Reidford says the Wales forwards are ready for France.\n\n"
            "The prop said: \"We will take them on up front.\"")
    assert speakers(parse, text) == [("We will take them on up front.", "Tom Reidford", "person", "cue_above:description")]


def test_members_of_a_parliament_speak_as_the_one_committee_named(parse):
    """"The Transport Select Committee said ... the MPs said": the committee, when the article
    names one; the MPs when it names two, or when only some MPs speak ("several MPs")."""
    text = ("Rail report\n\nThe Transport Select Committee said fares were too high. \"Passengers deserve better,\" "
            "the MPs said.")
    assert speakers(parse, text) == [("Passengers deserve better,", "Transport Select Committee", "organisation", "cue_after:name")]
    text = ("Rail report\n\nThe Transport Select Committee and the Treasury Select Committee said fares were too high. "
            "\"Passengers deserve better,\" the MPs said.")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["MPs"]
    text = ("Rail report\n\nThe Transport Select Committee said fares were too high. But several MPs said the report was "
            "\"too harsh\".")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["MPs"]


def test_a_legal_submission_speaks_for_whoever_brought_the_claim(parse):
    """"Ann Cole is suing ... The legal submission described her as "..."": Ann Cole."""
    text = ("Tour claim\n\nSinger Ann Tolliver is suing four insurers over her cancelled tour. The legal submission "
            "described the tour as \"a once-in-a-decade spectacle\".")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [("a once-in-a-decade spectacle", "Ann Tolliver")]


def test_an_inverted_cue_before_a_title_and_a_name_is_said_by_the_name(parse):
    """"...," said Wales sevens coach Ann Cole.": the person the title ends with, however the
    parse read the title's words (here "sevens" as a verb), not the country opening it."""
    text = ("Sevens draw\n\nWales face Fiji. \"Wales have the players to win this cup,\" said Wales sevens coach Tom Reidford.")
    assert speakers(parse, text) == [("Wales have the players to win this cup,", "Tom Reidford", "person", "cue_after:name")]
    text = "Court case\n\n\"He is innocent,\" said the barrister defending Tom Reid."
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the barrister"]


def test_a_surname_of_two_words_or_misspelt_is_the_full_name(parse):
    """"Mr de Lorval" is "Henri Castaing de Lorval"; "Mr Brackenbruy", two letters swapped, is
    "Neil Brackenbury"; "Ben Arkwright" is not the pair "Sam Hollis & Ben Arkwright"."""
    text = ("Film award\n\nThe prize was given by Henri Castaing de Lorval, the French culture minister. \"You have "
            "explored film,\" Mr de Lorval said.\n\nCentral bank governor Carlos Mendez Silva said rates would rise. "
            "\"Prices are too high,\" Mr Mendez Silva said.\n\nManaging director Neil Brackenbury said the chip was small. "
            "\"It is tiny,\" Mr Brackenbruy said.")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [
        ("You have explored film,", "Henri Castaing de Lorval"), ("Prices are too high,", "Carlos Mendez Silva"),
        ("It is tiny,", "Neil Brackenbury")]
    text = ("Comedy awards\n\nSam Hollis and Ben Arkwright won. Sam Hollis & Ben Arkwright also won best TV comedy actor "
            "over the sitcom creator. Speaking after receiving the award, Ben Arkwright said: \"It was a surprise.\"")
    assert [(t, s) for t, s, _, _ in speakers(parse, text)] == [("It was a surprise.", "Ben Arkwright")]


def test_a_kind_of_body_written_alone_is_the_one_the_article_calls_so(parse):
    """"the band", "the festival": the body named with that noun right before it or ending its
    name; the one mentioned last of two; not a list's ("firms Acme, Zeta and Lupo")."""
    text = ("Band news\n\nUS band Tall Orchard toured Spain. Scottish rock band Vox Lupi played in Leeds, and Vox Lupi sold out.\n\n"
            "\"We loved every night,\" the band said.\n\n"
            "The Harrowgate Book Festival opened on Friday. \"It will be our best year,\" the festival said.\n\n"
            "Technology firms Acme, Zeta and Lupo met in Oslo. \"We agree on a standard,\" the firms said.")
    assert speakers(parse, text) == [
        ("We loved every night,", "Vox Lupi", "organisation", "cue_after:description"),
        ("It will be our best year,", "Harrowgate Book Festival", "organisation", "cue_after:description"),
        ("We agree on a standard,", "the firms", "unnamed", "cue_after:description"),
    ]
    # a noun that ends names of many kinds ("defence") never picks a body by its name's last word
    text = "Court case\n\nThe Ministry of Defence sold the land in 1999. \"The sale was lawful,\" the defence said."
    assert speakers(parse, text) == [("The sale was lawful,", "the defence", "unnamed", "cue_after:description")]


def test_the_company_is_the_one_that_spoke_since_not_one_whose_name_says_corp(parse):
    text = ("Car sales\n\nZeta Motor Corp had a strong year in 2004, but Norvex said sales would fall in Europe. "
            "\"We remain cautious about next year,\" the company said.")
    assert speakers(parse, text) == [("We remain cautious about next year,", "Norvex", "organisation", "cue_after:description")]
    # one the article calls a regulator is no company
    text = ("Car sales\n\nZeta Motor Corp had a strong year in 2004, but Ofreg, the regulator, said it would look at its prices. "
            "\"We will cooperate fully,\" the company said.")
    assert speakers(parse, text) == [("We will cooperate fully,", "Zeta Motor Corp", "organisation", "cue_after:description")]


def test_a_speech_verb_reported_under_another_before_the_colon_introduces_the_quote(parse):
    """`X reports that Y told Z: "..."` is Y's; `she was told: "..."` is not hers."""
    text = ("Striker news\n\nThe Evening Courier reports that striker Tom Reilly told a radio station: \"I will stay at this club.\"\n\n"
            "Another member of the panel says she was told: \"You will never win here.\"")
    assert speakers(parse, text) == [
        ("I will stay at this club.", "Tom Reilly", "person", "cue_above:name"),
        ("You will never win here.", "the member of the panel", "unnamed", "cue_above:description"),
    ]


def test_a_member_of_a_parliament_described_by_the_seat_is_the_person_in_focus(parse):
    text = ("New party\n\nAnn Cole launched her party on Monday in Leeds. "
            "The MEP for Wessex said it would be \"a fresh start for voters\".")
    assert speakers(parse, text) == [("a fresh start for voters", "Ann Cole", "person", "cue_above:description")]


def test_an_epithet_after_a_clause_that_leads_into_it_is_that_clause_s_subject(parse):
    """`When Ann Cole shook his hand, the Australian said`: not the article's main person."""
    text = ("Open final\n\nTom Reilly won the final in three sets on Sunday.\n\n"
            "When Piet Mulder shook his hand at the net, the Dutchman said: \"You were far too good today.\"")
    assert speakers(parse, text) == [("You were far too good today.", "Piet Mulder", "person", "cue_above:description")]
    # a clause that acts on someone ("beat him") may be about the one the epithet means
    text = ("Open final\n\nPiet Mulder reached the final on Sunday.\n\n"
            "When Tom Reilly beat him in three sets, the Dutchman said: \"He was far too good today.\"")
    assert speakers(parse, text)[0][1] != "Tom Reilly"


def test_a_description_fits_only_what_the_text_has_said_of_a_person_so_far(parse):
    """"the chart star" is not the person called a star only further on."""
    text = ("Awards row\n\nAnn Cole has joined Mary Lee in criticising the awards show. \"It is a farce,\" said the chart star.\n\n"
            "Last week Harbour Band star Mary Lee called the show dull.")
    assert speakers(parse, text) == [("It is a farce,", "Ann Cole", "person", "cue_after:description")]


def test_a_name_answering_back_after_but_is_the_subject_a_later_he_means(parse):
    """"Dan Lee said ... but the board's Tom Reilly dismissed his complaint": however the parse
    hangs the "but" clause (inside what Lee said), Reilly answers him, so the next "he said" is
    his; one something was done to, or who did something else, answers no one."""
    def last(but_clause):
        text = (f"Pitch row\n\nThe striker Dan Lee said he was tired of the \"bumpy\" pitch but {but_clause}. "
                "\"We relaid it in May,\" he said.")
        return speakers(parse, text)[-1][1]
    assert last("the board's Tom Reilly dismissed his complaint") == "Tom Reilly"
    assert last("Tom Reilly was sacked") == "Dan Lee"
    assert last("Tom Reilly was criticised by the fans") == "Dan Lee"
    assert last("the board's Tom Reilly sailed on for years") == "Dan Lee"


def test_the_person_a_question_is_put_to_is_the_one_a_later_he_means(parse):
    """"The charges were put to Tom Reilly ... He then said": the one asked answers, not the last
    speaker; a named or pronoun asker ("Dan Lee asked", "He asked") keeps the focus."""
    def last(sentence):
        text = ("Harbour row\n\nDan Lee said the jetty was unsafe. \"It should close,\" Mr Lee said.\n\n"
                f"{sentence} He then said: \"It is safe.\"")
        return speakers(parse, text)[-1][1]
    assert last("The charges were put to Tom Reilly after the hearing on Friday.") == "Tom Reilly"
    assert last("Dan Lee asked Sam Okafor about the jetty on Friday.") == "Dan Lee"
    assert last("He asked Sam Okafor about the jetty on Friday.") == "Dan Lee"


def test_according_to_in_the_sentence_after_a_quote_is_not_its_source(parse):
    """`"...," he said. "... all." Later, according to the Harbour Gazette, Cole met ...`: the
    writer's next sentence names who reported something else, not who said the quote."""
    text = ("Harbour row\n\n\"It should close,\" Tom Reilly said. \"Nobody uses it at all.\" But later, according to the "
            "Harbour Gazette, Ann Cole met the harbour staff.")
    assert speakers(parse, text) == [("It should close,", "Tom Reilly", "person", "cue_after:name"),
                                     ("Nobody uses it at all.", "Tom Reilly", "person", "preceding_cue:name")]


def test_a_chairman_called_ms_is_a_woman(parse):
    """A "-man" job is weaker evidence of gender than an honorific: "chairman Kerris Vale ...
    Ms Vale" is a woman, so "she said" is hers."""
    text = ("Union row\n\nHarbour union chairman Kerris Vale said the officers were not ready. \"They need more training,\" "
            "she said. Ms Vale will meet the board on Friday.")
    assert speakers(parse, text) == [("They need more training,", "Kerris Vale", "person", "cue_after:pronoun")]


def test_a_reporting_verb_under_a_verb_of_making_someone_do_it_is_said_by_its_object(parse):
    """"The delays led Harbour Trust to warn that ...": the trust warned, not the delays; a request
    ("urged", "pressured"), what would or did not happen ("would force", "never led"), what is
    under way ("is forcing") or a standing rule ("compels") made no one say it."""
    def speaker(sentence):
        rows = [r["speaker"] for r in quote_rows(parse, f"Pier\n\n{sentence}") if r["kind"] == "indirect"]
        return rows[0] if rows else None
    assert speaker("The delays led Harbour Trust to warn that its funds would not last the winter.") == "Harbour Trust"
    assert speaker("The storm damage forced Tom Reilly to admit that the jetty was unsafe.") == "Tom Reilly"
    for sentence in ("Ann Cole urged Tom Reilly to admit that the jetty was unsafe.",
                     "Ann Cole pressured Tom Reilly to admit that the jetty was unsafe.",
                     "The plan would force Tom Reilly to admit that the jetty was unsafe.",
                     "The plan would have forced Tom Reilly to admit that the jetty was unsafe.",
                     "The storm damage never forced Tom Reilly to admit that the jetty was unsafe.",
                     "The storm damage is forcing Tom Reilly to admit that the jetty is unsafe.",
                     "The harbour law compels every skipper to declare that the catch is legal."):
        assert speaker(sentence) not in ("Tom Reilly", "every skipper", "skipper"), sentence


def test_a_book_speaks_for_its_author(parse):
    """"The book by harbour historian Ann Cole said ..." is Ann Cole's words, and so is the book
    she wrote; not the book she was reading, nor one whose author the article never names."""
    text = ("Pier history\n\nThe book by harbour historian Ann Cole said the pier was \"a costly folly\" from the start. "
            "A second book called it \"a triumph\".")
    assert speakers(parse, text) == [("a costly folly", "Ann Cole", "person", "cue_above:description"),
                                     ("a triumph", "the second book", "unnamed", "cue_above:description")]
    text = "Pier history\n\nAnn Cole was reading a book which called the pier \"a costly folly\"."
    assert speakers(parse, text)[0][1] != "Ann Cole"


def test_a_name_before_its_title_with_the_closing_comma_left_out_is_the_speaker(parse):
    """"Dafydd Pask, Harbour Party transport spokesman said: ..." (no comma after the title): the
    parse gives "said" two subjects; the name is who speaks, not another spokesman. With "a" or
    "the" the description is someone else: "Tom Reilly, a close friend said" is the friend."""
    text = ("Ferry fares\n\nTory transport spokesman Tom Reilly criticised the fares. "
            "Dafydd Pask, Harbour Party transport spokesman said: \"They are the same fares as in 1999.\"")
    assert speakers(parse, text)[0][1] == "Dafydd Pask"
    text = "Court case\n\nAnn Cole was charged on Monday. Tom Reilly, a close friend said: \"She is innocent.\""
    assert speakers(parse, text)[0][1] == "the close friend"


def test_a_nationality_of_two_words_is_an_epithet_like_one_of_one_word(parse):
    """"said the New Zealander", "The Sri Lankan is still hoping ... he said": a nationality of two
    capitalised words with "the" is the person in focus, as "the Scot" is."""
    text = ("Kite record\n\nKite flyer Tom Varga set a record on Sunday. Varga flew for nine hours. \"The wind was perfect,\" said the New Zealander.\n\n"
            "Doctor Alan Pike examined him. \"He is exhausted,\" said Pike. The Sri Lankan is still "
            "planning a second attempt. \"I will try again in May,\" he said.")
    assert speakers(parse, text) == [
        ("The wind was perfect,", "Tom Varga", "person", "cue_after:description"),
        ("He is exhausted,", "Alan Pike", "person", "cue_after:name"),
        ("I will try again in May,", "Tom Varga", "person", "cue_after:pronoun"),
    ]


def test_an_epithet_after_a_person_s_sentence_is_that_person_not_one_named_later(parse):
    """"The Booker winner said" right after a sentence about Ruth Amadi is Ruth Amadi, though
    "Booker winner Peter Hale" comes later; a role ("the employment minister") keeps the holder
    named later, even right after someone else spoke."""
    text = ("Library\n\nThe novelist Ruth Amadi opened a library in Kano on Tuesday.\n\n"
            "The Booker winner said reading had \"saved\" her as a child. A crowd of pupils cheered. "
            "Next month the library hosts a talk by Booker winner Peter Hale.")
    assert speakers(parse, text) == [("saved", "Ruth Amadi", "person", "cue_above:description")]
    text = ("Strike\n\nDock workers in Hull walked out on Friday. Union leader Tom Varga said pay was \"an insult\". "
            "The employment minister called the strike \"premature\". Employment Minister Ravi Patel will meet the "
            "union on Monday.")
    assert speakers(parse, text) == [("an insult", "Tom Varga", "person", "cue_above:name"),
                                     ("premature", "Ravi Patel", "person", "cue_above:description")]


def test_a_name_the_parse_hung_on_an_of_in_its_subject_is_who_speaks(parse):
    """"Guild of Harbour Pilots president Ann Cole has said that ...": the parse makes "Guild" the
    subject and hangs the name on "of"; the person right before the verb, after a person's noun, speaks."""
    rows = quote_rows(parse, "Fees\n\nGuild of Harbour Pilots president Ann Cole has said that fees will rise.")
    assert [(r["text"], r["speaker"], r["kind"]) for r in rows] == [("fees will rise", "Ann Cole", "indirect")]
    rows = quote_rows(parse, "Fees\n\nAllies of president Ann Cole have said that fees will rise.")
    assert [(r["text"], r["speaker"], r["kind"]) for r in rows] == [("fees will rise", "Allies", "indirect")]


def test_members_of_the_public_speak_and_a_statement_read_is_a_cue_whatever_its_tag(parse):
    """"which led 30 viewers to complain ...": viewers, listeners, fans, passengers are people who
    may speak (the object of a verb of making someone say it); `"...," an ITV statement read.` is
    a cue even where the tagger took "read" for a noun, so the quote after it goes on with ITV,
    not with the viewers before."""
    text = ("Quiz\n\nThe quiz show was moved twice in a week, which led 30 viewers to complain the schedule was "
            "\"chaotic\". \"We regret the changes and will show every episode in full before the end of this month,\" "
            "an ITV statement read. \"No episode will be moved again this winter.\"")
    assert speakers(parse, text) == [
        ("chaotic", "30 viewers", "unnamed", "cue_above:description"),
        ("We regret the changes and will show every episode in full before the end of this month,", "ITV",
         "organisation", "cue_after:description"),
        ("No episode will be moved again this winter.", "ITV", "organisation", "preceding_cue:description"),
    ]


def test_a_playing_position_written_with_a_hyphen_is_an_epithet_not_its_club(parse):
    """"said the Harlow full-back": one token for the position, so the parse makes it the subject
    and the club only its modifier; the player in focus speaks, not the club."""
    text = ("Rugby\n\nHarlow skipper Tom Varga is fit for Saturday's game against Derby. "
            "\"We have trained well all week,\" said the Harlow full-back.")
    assert speakers(parse, text) == [("We have trained well all week,", "Tom Varga", "person", "cue_after:description")]


def test_a_statement_on_someone_s_website_is_theirs_though_it_names_them(parse):
    """"a statement on her official website said": the site's owner made it, though the statement
    speaks of her in the third person."""
    text = ("Tour off\n\nThe folk singer Anna Kowalczyk has called off her spring tour. \"Anna wants to spend the spring with "
            "her family,\" a statement on her official website said.")
    assert speakers(parse, text) == [("Anna wants to spend the spring with her family,", "Anna Kowalczyk", "person",
                                      "cue_after:description")]


def test_a_spokesman_as_a_sentence_s_subject_is_who_the_next_he_means(parse):
    """"A spokesman for the harbour board rejected his claim. He said: ...": the spokesman, though he
    said nothing yet and someone else spoke just before."""
    text = ("Ferries\n\nMr Tom Varga said the ferry plan was wrong. He said: \"It will cost jobs.\" "
            "A spokesman for the harbour board rejected his claim on Tuesday. He said: \"Every route will stay open.\"")
    assert speakers(parse, text) == [
        ("It will cost jobs.", "Tom Varga", "person", "cue_above:pronoun"),
        ("Every route will stay open.", "the spokesman for the harbour board", "unnamed", "cue_above:pronoun"),
    ]


def test_an_unnamed_man_or_woman_as_a_sentence_s_subject_is_who_the_next_he_or_she_means(parse):
    """"A 24-year-old Leeds woman was fined ... "...," she wrote": the woman, as the article describes
    her, not a man who spoke before."""
    text = ("Online abuse\n\nMr Colin Hart, a local councillor, said he was appalled. \"This is a disgrace,\" he said.\n\n"
            "A 24-year-old Leeds woman, meanwhile, was fined in May after she had posted comments online. "
            "\"Get out now!\" she wrote.")
    assert speakers(parse, text) == [
        ("This is a disgrace,", "Colin Hart", "person", "cue_after:pronoun"),
        ("Get out now!", "the 24-year-old Leeds woman", "unnamed", "cue_after:pronoun"),
    ]


def test_a_spokesman_for_the_company_names_the_company_in_focus(parse):
    """"a spokesman for the company said": written with the company's name, as annotators write
    it ("the spokesman for Northlink")."""
    text = ("Ferries\n\nThe ferry firm Northlink cut two routes on Monday. \"We had no choice,\" a spokesman for the company said.")
    assert speakers(parse, text) == [("We had no choice,", "the spokesman for Northlink", "unnamed", "cue_after:description")]


def test_a_chairman_may_be_she(parse):
    """"Club chairman Orlaith Vance wrote to the fans ... She said": British news writes "chairman"
    for women too, so the word tells no gender and "she" can mean her."""
    text = ("Ground\n\nClub chairman Orlaith Vance wrote to the season-ticket holders on Friday. "
            "She said: \"The old stand will stay open until the new one is built.\"")
    assert speakers(parse, text) == [("The old stand will stay open until the new one is built.", "Orlaith Vance", "person",
                                      "cue_above:pronoun")]


def test_a_quote_with_no_cue_after_a_sentence_about_a_country_is_not_the_country_s(parse):
    """"And Ireland forward Mark Taylor seems sure to earn a place ... "I took advice ...": the
    parse makes "Ireland" the subject; a country or a people never speaks with no cue, so the
    coach quoted just before goes on."""
    text = ("Rugby\n\nCoach Ann Lee picked her touring party on Monday and offered comfort to the beaten Welsh. "
            "\"Their form has been poor. \"But I will listen to their coaches.\" "
            "And Ireland forward Mark Taylor seems sure to earn a place, if he recovers from a shoulder problem. "
            "\"I took advice from the doctors and they are happy with his knee.\"")
    assert [row[1:] for row in speakers(parse, text)][-1] == ("Ann Lee", "person", "carried:name")


def test_a_name_after_two_titles_joined_by_and_is_the_speaker(parse):
    """"said Zentrix president and chief executive Ann Cole": the parse joins the first title to the
    name by "and"; one person holding both titles speaks, not "Zentrix president"."""
    text = "Results\n\n\"We have a solid base to grow from,\" said Zentrix president and chief executive Ann Cole."
    assert speakers(parse, text) == [("We have a solid base to grow from,", "Ann Cole", "person", "cue_after:name")]


def test_a_person_the_model_took_for_a_place_still_speaks_with_no_cue(parse):
    """"Winger Sam Houston is fit again. Houston looks certain to start. "I feel great ...": the
    model may tag the surname a place, but the article knows it as a person's, so the quote with no
    cue after his sentence is his (a country never speaks so; a person named like one does)."""
    text = ("Rugby\n\nCoach Ann Lee named her side on Monday. \"We are ready,\" said Lee. "
            "Winger Sam Houston is fit again after a hamstring strain. Houston looks certain to start on Saturday. "
            "\"I feel great and I cannot wait to play.\"")
    assert [row[1:] for row in speakers(parse, text)][-1] == ("Sam Houston", "person", "preceding_subject:name")


def test_a_body_named_by_its_remit_is_the_committee_said_far_on(parse):
    """"The Harbour Safety Committee said ... [paragraphs on] the committee said": the one body the
    article names with that word last, however far back; a committee the writer named by its remit
    in lower case ("the Commons fisheries committee") is written so; two committees, no choice."""
    text = ("Pier report\n\nThe pier is unsafe, the Harbour Safety Committee said on Monday. Its members visited "
            "the pier twice. Repairs would take a year. Work on the pier stopped in May. The ferry now docks "
            "elsewhere.\n\n\"We cannot wait another winter,\" the committee said.")
    assert speakers(parse, text) == [("We cannot wait another winter,", "Harbour Safety Committee", "organisation",
                                      "cue_after:description")]
    text = ("Pier report\n\nThe influential Commons fisheries committee was responding to new quota rules. Its members "
            "visited three ports. Trawlers have been idle since May.\n\n\"The rules will empty our harbours,\" the "
            "committee said.")
    assert speakers(parse, text) == [("The rules will empty our harbours,", "the Commons fisheries committee", "unnamed",
                                      "cue_after:description")]
    text = ("Pier report\n\nThe Harbour Safety Committee and the Ferry Users Committee met on Monday. Its members "
            "visited the pier twice. Repairs would take a year. Work stopped in May.\n\n\"We cannot wait another "
            "winter,\" the committee said.")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the committee"]


def test_a_title_of_a_body_before_a_name_is_that_person_s(parse):
    """"Chairman of the Audit Committee Ann Cole MP, said:": the parse hangs the name on the
    body's, but the title is hers, not the person named in the sentence before."""
    text = ("Housing plan\n\nThe plan was a rebuke for ministers, BBC correspondent Ann Tolliver said. Chairman of the "
            "Regional Transport Committee Tom Reidford MP, said: \"The housing plan is a muddle from start to finish.\"")
    assert speakers(parse, text) == [("The housing plan is a muddle from start to finish.", "Tom Reidford", "person",
                                      "cue_above:description")]


def test_an_office_is_the_one_person_the_article_is_about(parse):
    """"the prime minister said" with no holder found by the rules before: the person the article
    names most, already named before it and named with an honorific somewhere ("Mr Okafor"), when
    no one else who may hold the office is named near as often; with two such people, or a
    winner the article never names with an honorific, the office stays as written."""
    text = ("Harbour row\n\nMr Okafor has refused to apologise for his remarks about the harbour. Critics say "
            "Sam Okafor should have known better. The mayor of the port town, Ann Tolliver, was furious and said he "
            "was \"out of touch\". Mr Okafor visited the port last year.\n\nThe traders have written to him. "
            "Later the prime minister said: \"I will not be lectured by anyone.\"")
    assert speakers(parse, text)[-1] == ("I will not be lectured by anyone.", "Sam Okafor", "person", "cue_above:description")
    text = ("Harbour row\n\nMr Okafor has refused to apologise for his remarks about the harbour. Critics say "
            "Sam Okafor should have known better. Tom Reidford, who wrote to Mr Reidford's local paper, agreed. "
            "Mr Reidford visited the port last year.\n\nThe traders have written to them. "
            "Later the prime minister said: \"I will not be lectured by anyone.\"")
    assert speakers(parse, text)[-1][1] == "the prime minister"
    text = ("Marathon record\n\nSam Okafor has broken the national record for the marathon. Okafor ran the course in "
            "two hours and four minutes, ahead of Ben Tolliver. Okafor trained in the hills for a year. The race was run "
            "in heavy rain.\n\nLater the prime minister said: \"What a great achievement.\"")
    assert speakers(parse, text)[-1][1] == "the prime minister"


def test_a_subject_the_parse_joined_to_a_noun_is_who_he_means_next(parse):
    """"... within three points of leaders Harbour City and Reidford is certain ...": the parse joins
    Reidford to the club, yet he is the subject the next "He said" means, not the scorer named
    before."""
    text = ("Rovers win\n\nMidfielder Tom Okafor headed the winner for Rovers. The win took Rovers to within three "
            "points of leaders Harbour City and Reidford is certain his side will finish top. He said: \"Nobody can "
            "stop us now.\"")
    assert speakers(parse, text) == [("Nobody can stop us now.", "Reidford", "person", "cue_above:pronoun")]


def test_speakers_named_together_say_the_words_together(parse):
    """"Singer Ann Cole and drummer Tom Reid said": both, under their fullest names, in the
    text's order, and "they" right after; not a person and a place the parse joined, nor a name
    and a role noun, nor the subject of a verb that reports nothing ("married")."""
    text = ("Band news\n\n\"The tour starts in May,\" singer Ann Cole and drummer Tom Reid said. "
            "\"We cannot wait.\"\n\nThe Greens and the Liberals said the plan was \"a fudge\".\n\n"
            "Nina Holt and her agent said the deal was \"fair to all\".\n\nFrance and Eva Lund said the talks were \"useful\".")
    assert speakers(parse, text) == [
        ("The tour starts in May,", "Ann Cole and Tom Reid", "person", "cue_above:name"),
        ("We cannot wait.", "Ann Cole and Tom Reid", "person", "preceding_cue:name"),
        ("a fudge", "Greens and Liberals", "unnamed", "cue_above:name"),
        ("fair to all", "Nina Holt", "person", "cue_above:name"),
        ("useful", "France", "organisation", "cue_above:name"),
    ]
    text = ("Band news\n\nSinger Ann Cole and drummer Tom Reid said the tour would start in May. \"We cannot wait,\" they said.\n\n"
            "Nina Holt and Owen Pryce married in 1990.\n\n\"It was the happiest day of our lives.\"")
    assert speakers(parse, text) == [
        ("We cannot wait,", "Ann Cole and Tom Reid", "person", "cue_after:pronoun"),  # "they": both
        ("It was the happiest day of our lives.", "Nina Holt", "person", "previous_paragraph_subject:name"),
    ]


def test_names_beside_a_plural_subject_say_the_words_together(parse):
    """"marine biologists Ann Cole and Tom Reid wrote": the names set beside a plural noun are the
    subject, so both speak, and "they" after them; a plural title inside the model's name is no part
    of it ("Tory MPs Ann Lowe and Peter Dunn")."""
    text = ("Reef survey\n\nIn a paper on Tuesday, marine biologists Ann Cole and Tom Reid wrote that the reef was "
            "\"badly bleached\". They added that divers had found \"almost no new growth\".\n\n"
            "Tory MPs Ann Lowe and Peter Dunn said the survey was \"a warning\".")
    assert speakers(parse, text) == [
        ("badly bleached", "Ann Cole and Tom Reid", "person", "cue_above:name"),
        ("almost no new growth", "Ann Cole and Tom Reid", "person", "cue_above:pronoun"),
        ("a warning", "Ann Lowe and Peter Dunn", "person", "cue_above:name"),
    ]
    text = "Court case\n\nThe lawyers, Ann Cole and Tom Reid, said the ruling was \"a disgrace\"."
    assert speakers(parse, text) == [("a disgrace", "Ann Cole and Tom Reid", "person", "cue_above:description")]


def test_a_surname_the_tagger_read_as_a_modal_verb_still_speaks(parse):
    """"Will wrote": no modal stands before a verb in the past, so the capitalised "Will" there is
    the columnist Harriet Will; "will" before a verb's base form stays a modal."""
    text = ("Columnist hits back\n\nThe columnist Harriet Will renewed her feud with the senator this week.\n\n"
            "\"The party deserves better,\" Will wrote. Will urged voters to look elsewhere, and Will described "
            "the senator as \"a showman\".\n\nThe senator said he \"will fight on\".")
    assert speakers(parse, text) == [
        ("The party deserves better,", "Harriet Will", "person", "cue_after:name"),
        ("a showman", "Harriet Will", "person", "cue_above:name"),
        ("will fight on", "the senator", "unnamed", "cue_above:description"),
    ]


def test_a_body_a_named_person_owns_is_written_with_that_person_first(parse):
    """"Ohio Sen. Ann Cole's campaign said": her campaign, not the committee the article named
    before (whose name holds a word a campaign's may), and written from her name on; a phrase of
    the description's own stays ("a spokesman for Tom Reid's campaign")."""
    text = ("Party rift\n\nThe Republican Election Committee met in Columbus on Monday.\n\n"
            "Ohio Sen. Ann Cole's campaign said she would \"back the nominee\" but not campaign with him. "
            "A spokesman for Tom Reid's campaign said he was \"weighing his options\".")
    assert speakers(parse, text) == [
        ("back the nominee", "Ann Cole's campaign", "unnamed", "cue_above:description"),
        ("weighing his options", "the spokesman for Tom Reid's campaign", "unnamed", "cue_above:description"),
    ]


def test_an_indefinite_description_is_the_person_the_next_sentence_names_by_that_role(parse):
    """"a judge said ... Judge Ann Cole made her remarks": the person the next sentence opens
    with, named there first under a role holding every word of the description; not for a role
    that often stands for someone unnamed ("a spokesman"), nor when that sentence sets the person
    apart ("a separate case")."""
    text = ("Late bars\n\nThe council met on Monday. Cheap drink was blamed for the trouble.\n\n"
            "This week a judge said late bars were breeding \"street gangs\". Judge Ann Cole QC made her remarks "
            "as she jailed two men.\n\nA spokesman said the bars were \"well run\". Bar owners' spokesman Tom Reid has "
            "called for calm.")
    assert speakers(parse, text) == [
        ("street gangs", "Ann Cole", "person", "cue_above:description"),
        ("well run", "the spokesman", "unnamed", "cue_above:description"),
    ]
    text = ("Late bars\n\nThe vote was close. A Labour MP said the bill was \"reckless\". Tory MP Tom Reid said it was overdue.\n\n"
            "The court sat on Friday. A judge called the law \"a mess\". Judge Eva Lund, in a separate case, disagreed.")
    assert speakers(parse, text) == [
        ("reckless", "the Labour MP", "unnamed", "cue_above:description"),  # a role of every word: Tom Reid is a Tory MP
        ("a mess", "the judge", "unnamed", "cue_above:description"),  # a second judge
    ]


def test_a_plural_possessive_stays_in_the_description(parse):
    """"The employers' spokeswoman": the owners before the apostrophe are part of who speaks."""
    text = "Pay talks\n\nThe employers' spokeswoman said the offer was fair. \"It is the best offer in the industry,\" she said."
    assert speakers(parse, text) == [("It is the best offer in the industry,", "the employers' spokeswoman", "unnamed", "cue_after:pronoun")]


def test_a_pronoun_means_the_subject_the_parse_misread(parse):
    """A subject the parse took for a modifier of its verb ("Desailly says ..."), the object of a
    phrase hung on a subjectless cue ("For the Greens Ann Cole said: ..."), or the agent of a
    passive whose subject is a thing ("The report was welcomed by ...") is the one "he" means."""
    text = ("Club news\n\nDefender Marcel Desailly insists the club will win on Sunday. The big change came when tycoon "
            "Sam Fox took over the side in 2003. Desailly says the Dane's money built a new mentality. "
            "\"The whole club is different now,\" he said.")
    assert speakers(parse, text)[-1] == ("The whole club is different now,", "Marcel Desailly", "person", "cue_after:pronoun")
    text = ("Budget row\n\nThe former adviser Tom Reid said the plans were sound. He added: \"There is no need for any change.\"\n\n"
            "For the Greens Sam Fox said: \"The minister will tell us how well things are going,\" he said.")
    assert speakers(parse, text)[-1] == ("The minister will tell us how well things are going,", "Sam Fox", "person", "cue_after:pronoun")
    text = ("Charity warns parties\n\nOlder voters matter, says Help the Aged. The charity's report said pensions were a key "
            "issue.\n\nThe report was praised by Conservative health spokesman Tom Reid. \"Older voters must be heard,\" he said.")
    assert speakers(parse, text) == [("Older voters must be heard,", "Tom Reid", "person", "cue_after:pronoun")]


def test_a_clause_the_parse_hung_on_a_subjectless_cue_after_it_is_the_writers(parse):
    """"But Mr Reid denied Mr Pryce ... said the plans ...": Mr Reid is the sentence's subject,
    whom the next "He" means."""
    text = ("Card scheme\n\nAmong the doubters were Sam Fox and Owen Pryce. But Mr Reid denied Mr Pryce, his health spokesman, "
            "said the scheme would \"fail\". He then said he was sure Mr Fox would \"set out the position clearly\" next week.")
    assert speakers(parse, text)[-1] == ("set out the position clearly", "Reid", "person", "cue_before:pronoun")


def test_a_nationality_the_article_gives_no_one_still_fits(parse):
    """"The Kenyan archbishop" is the archbishop named before, whose country the article never gives."""
    text = ("Bishop's plea\n\nArchbishop Ann Cole has urged the state to free the prisoners. Her comments follow news that "
            "four men will be freed. The Kenyan archbishop said the detentions were \"unacceptable\".")
    assert speakers(parse, text) == [("unacceptable", "Ann Cole", "person", "cue_above:description")]


def test_a_question_is_not_given_to_the_next_sentences_reporter(parse):
    """`Mr Reid asked: "...?" Ann Cole said she was pleased`: the next sentence reports words of its own."""
    text = ("Smoking ban\n\nThe Tory leader, Tom Reid, questioned the ban. Mr Reid asked: \"Would it not be odd if the "
            "criminals can smoke but the smokers become criminals?\" Green spokeswoman Ann Cole said she was pleased.")
    assert speakers(parse, text) == [
        ("Would it not be odd if the criminals can smoke but the smokers become criminals?", "Tom Reid", "person", "cue_above:name"),
    ]


def test_a_noun_of_saying_is_its_makers_not_the_sentences_subjects(parse):
    """"shrugged off claims from Tom Reid that he led a "shabby government"": the fragment is Tom
    Reid's; the next "He" is still the sentence's subject, and a noun of the writer's next
    sentence names no speaker for the quote before it."""
    text = ("Minister quits\n\nPrime Minister Sam Fox spoke on Monday. \"We have closed the matter,\" he said. "
            "\"What comes next we will decide later.\" The prime minister brushed aside claims from Tory leader Tom Reid "
            "that he led a \"shabby government\". He said the minister's honesty was intact: \"He was the first to ask for an inquiry.\"")
    assert speakers(parse, text) == [
        ("We have closed the matter,", "Sam Fox", "person", "cue_after:pronoun"),
        ("What comes next we will decide later.", "Sam Fox", "person", "preceding_cue:pronoun"),
        ("shabby government", "Tom Reid", "person", "noun_cue:name"),
        ("He was the first to ask for an inquiry.", "Sam Fox", "person", "cue_above:pronoun"),
    ]


def test_no_speaker_from_a_noun_a_fragment_describes(parse):
    """`a "campaign of unfair and reckless" tax claims`: "claims" is a noun the fragment describes,
    not a verb whose subject is "tax"; "His sales pitch adds:" is the words of whose pitch it is."""
    text = ("Oil firm sues\n\nAcme Oil asked the court to order arbitration over a \"campaign of unfair and reckless\" tax claims. "
            "The state has not replied.\n\nOn its website, Mr Fox describes himself as an \"ordinary bloke\". His sales pitch adds: "
            "\"Buy this space and become part of history.\"")
    assert speakers(parse, text) == [
        ("campaign of unfair and reckless", "Acme Oil", "organisation", "cue_above:name"),
        ("ordinary bloke", "Fox", "person", "cue_above:name"),
        ("Buy this space and become part of history.", "Fox", "person", "cue_above:description"),
    ]


def test_a_question_is_not_given_to_a_cue_that_opens_the_next_quote(parse):
    text = ("Phone-in\n\nViewer Tom Reid, from Kent, asked of the war: \"Thousands died - how do you sleep at night?\" "
            "On schools, Leeds nurse Ann Cole said: \"Where will the children go?\"")
    assert speakers(parse, text) == [
        ("Thousands died - how do you sleep at night?", "Tom Reid", "person", "cue_before:name"),
        ("Where will the children go?", "Ann Cole", "person", "cue_above:name"),
    ]


def test_a_role_that_goes_on_is_the_one_who_spoke_just_before(parse):
    """"Reid also said ... The lawyer added that ...": a definite role that often stands for someone
    unnamed ("the lawyer") is the person who spoke in the sentence before when its cue goes on with
    their words; "the first minister" a person spoke of is not that person."""
    text = ("Sprinter appeal\n\nTom Reid has submitted new evidence to the tribunal. Reid said: \"The charges should be "
            "dropped.\" Reid also said he had new evidence. The lawyer added that he had proof the officials \"knew\" the truth.")
    assert speakers(parse, text)[-1] == ("knew", "Tom Reid", "person", "cue_above:description")
    text = "Court case\n\nTom Reid arrived at the court on Monday. The lawyer added that the case was \"weak\"."
    assert speakers(parse, text) == [("weak", "the lawyer", "unnamed", "cue_above:description")]  # Reid had said nothing
    text = ("Drink row\n\nAnn Cole said the first minister's remark was \"ill-advised\". The first minister later said he "
            "was \"very sorry\".")
    assert speakers(parse, text) == [
        ("ill-advised", "Ann Cole", "person", "cue_above:name"),
        ("very sorry", "the first minister", "unnamed", "cue_above:description"),
    ]


def test_the_limits_of_this_sessions_rules(parse):
    """Where each rule stops: an agent who only wrote or conducted something; a role given to the
    person ("took over as manager"); a question nothing introduced before a vox-pop's speaker; a
    fragment outside the clause of a noun of saying; "That was the verdict of X"; an unnamed role
    introduced before ("A witness ... The witness added"); two people of unknown country."""
    text = ("Interview\n\nFormer minister Tom Reid has spoken about his resignation. The interview was conducted by "
            "political editor Peter Gray at Mr Reid's home. \"I have nothing to hide,\" he said.")
    assert speakers(parse, text) == [("I have nothing to hide,", "Tom Reid", "person", "cue_after:pronoun")]
    text = "Football\n\nTom Reid took over as manager of Redmoor Rovers in January. The manager said: \"We need three more players.\""
    assert speakers(parse, text) == [("We need three more players.", "Tom Reid", "person", "cue_above:description")]
    text = ("Estate\n\nFamilies on the estate are angry. \"Where are we supposed to live?\" Mother-of-two Ann Cole, 34, said "
            "she had lived on the estate all her life.")
    assert speakers(parse, text) == [("Where are we supposed to live?", "Ann Cole", "person", "cue_after:name")]
    text = "Rail\n\nUnion leader Tom Reid welcomed the announcement from transport minister Ann Cole as \"a slap in the face for commuters\"."
    assert speakers(parse, text) == [("a slap in the face for commuters", "Tom Reid", "person", "noun_cue:name")]
    text = "Budget\n\n\"This budget does nothing for working families.\" That was the verdict of Labour leader Tom Reid."
    assert speakers(parse, text) == [("This budget does nothing for working families.", "Tom Reid", "person", "noun_of:name")]
    text = ("Court\n\nA witness told the court she saw the car speeding. Prosecutor Ann Cole said: \"The defendant was driving "
            "at 70mph.\" The witness added: \"It was going very fast.\"")
    assert speakers(parse, text)[-1] == ("It was going very fast.", "the witness", "unnamed", "cue_above:description")
    text = ("Summit\n\nPrime Minister Tom Reid welcomed Prime Minister Junichiro Sato to London on Monday. The prime minister "
            "of Canada, Paul Martin, will arrive on Friday. \"Japan values this friendship deeply,\" the Japanese prime minister said.")
    assert speakers(parse, text) == [
        ("Japan values this friendship deeply,", "the Japanese prime minister", "unnamed", "cue_after:description")]


def test_a_question_whose_speaker_is_known_is_not_the_next_reporters(parse):
    """A question that goes on from the quote before, or that the next sentence's subject replies
    to, is not that subject's; "A ruling from X is expected" after a quote names nothing said; a
    body that published a report is what its "it" means."""
    text = ("Tennis\n\nFormer champion Jim Dolan is to help train young players. \"The more I can do, the better,\" said Dolan. "
            "\"I want to help for years. \"A short deal only muddles things. The juniors would wonder: 'Why am I here?'\" "
            "Tennis chief Ann Cole said the deal would last five years.")
    assert speakers(parse, text)[-1] == ("A short deal only muddles things. The juniors would wonder: 'Why am I here?'",
                                         "Jim Dolan", "person", "carried:name")
    text = ("Posters\n\nIn the Commons, Tory spokesman Tom Reid said the posters were a smear.\n\n\"How could you have thought it "
            "was anything other than a calculated insult?\" Mr Pryce replied that they were not offensive.")
    assert speakers(parse, text) == [("How could you have thought it was anything other than a calculated insult?", "Tom Reid",
                                      "person", "previous_paragraph_subject:name")]
    text = ("Runway\n\nCampaign chairman Tom Reid said: \"The plan came out a year ago. \"Yet we campaigners have not gone away, "
            "and we are louder now. \" A judgement from Mr Justice Pryce is due in the spring.")
    assert speakers(parse, text)[-1] == ("Yet we campaigners have not gone away, and we are louder now.", "Tom Reid", "person",
                                         "carried:name")
    text = ("Quangos\n\nThe study is published by the Acme Policy Unit - a joint effort by think tanks the Zeta Council and the "
            "Centre for Market Studies. It says a review should come \"first\".")
    assert speakers(parse, text) == [("first", "Acme Policy Unit", "organisation", "cue_above:pronoun")]


def test_who_after_a_phrase_on_a_person_means_the_person(parse):
    """"said one Republican familiar with the talks, who added": "who" means the person the phrase is on,
    not the thing closing the phrase; one member of a group keeps the phrase that says which."""
    text = ("Budget talks\n\nThe budget talks broke down late on Tuesday. \"Nobody expected that,\" said one Republican familiar with "
            "the talks, who added that the ministers had looked \"exhausted\" by the end.")
    assert speakers(parse, text) == [
        ("Nobody expected that,", "the Republican familiar with the talks", "unnamed", "cue_after:description"),
        ("exhausted", "the Republican familiar with the talks", "unnamed", "cue_above:pronoun"),
    ]


def test_an_utterance_made_by_its_participle_s_agent_is_the_agent_s(parse):
    """"a letter signed by Tom Reddick said": the agent of a participle of making (sending,
    writing, signing) made it; one who only obtained or saw it did not. An utterance noun inside a
    compound ("an email donor appeal") is made by whoever sent the whole."""
    text = ("Vote\n\nAnn Marlow won the vote in Ohio. Tom Reddick came second. A letter signed by Reddick and sent to members "
            "said the party was \"in serious trouble\".")
    assert speakers(parse, text) == [("in serious trouble", "Tom Reddick", "person", "cue_above:description")]
    text = ("Vote\n\nAnn Marlow won the vote in Ohio. Tom Reddick came second. A letter obtained by Reddick said the "
            "party was \"in serious trouble\".")
    assert speakers(parse, text)[0][1] != "Tom Reddick"
    text = ("Vote\n\nTom Reddick won in Ohio. A donor email sent out by Reddick on Tuesday warned of the fight ahead: "
            "\"There are nine contests over the next month.\"\n\nAnn Marlow's team sent an email donor appeal on Friday. "
            "\"We must win the next four contests,\" the email said.")
    assert speakers(parse, text) == [
        ("There are nine contests over the next month.", "Tom Reddick", "person", "cue_above:description"),
        ("We must win the next four contests,", "Ann Marlow's team", "unnamed", "cue_after:description")]


def test_fragments_in_a_sentence_framed_by_according_to_are_the_source_s(parse):
    """"According to her doctor, she had "..." and shows "...": every fragment of the clause the
    phrase frames is the doctor's, not only the first, and not the clause's subject."""
    text = ("Race\n\nAnn Vero is running for mayor. According to her longtime doctor, the former banker had \"excellent\" "
            "results in her latest check, shows \"remarkable\" stamina and \"will be the fittest mayor ever elected.\"")
    assert speakers(parse, text) == [
        ("excellent", "the longtime doctor of Ann Vero", "unnamed", "according_to:description"),
        ("remarkable", "the longtime doctor of Ann Vero", "unnamed", "clause_subject:description"),
        ("will be the fittest mayor ever elected.", "the longtime doctor of Ann Vero", "unnamed", "clause_subject:description")]


def test_it_after_an_unnamed_maker_s_utterance_is_that_maker_s(parse):
    """`"...," the email read. It said that ...`: "it" is the email, whose maker the article
    leaves unnamed, and the next "it" is still the email; not a place named on the way. Two makers
    issuing a statement together both made it."""
    text = ("Race\n\nThe Reddick team sent a fundraising email on Friday. \"Let me be frank,\" the email read. It said that the "
            "rival campaign was \"collapsing in the polls\" in Ohio and Texas. It said that Ann Marlow backs \"higher taxes "
            "for everyone.\"")
    assert speakers(parse, text) == [
        ("Let me be frank,", "the Reddick team", "unnamed", "cue_after:description"),
        ("collapsing in the polls", "the Reddick team", "unnamed", "cue_above:pronoun"),
        ("higher taxes for everyone.", "the Reddick team", "unnamed", "cue_above:pronoun")]
    text = ("Talks\n\nAnn Marlow and Tom Reddick met on Thursday. Marlow and Reddick issued a statement describing the meeting "
            "as a \"very positive step\".")
    assert speakers(parse, text) == [("very positive step", "Ann Marlow and Tom Reddick", "person", "cue_above:description")]
    text = "Court\n\nAnn Lee and Tom Reid filed a lawsuit on Monday. The lawsuit says the firm was \"negligent\"."
    assert speakers(parse, text) == [("negligent", "Ann Lee and Tom Reid", "person", "cue_above:description")]


def test_it_after_a_sentence_about_an_utterance_is_its_maker(parse):
    """"The memo was written by Sam Tolley ... "...," it reads": "it" is the memo, so its writer;
    so with "A letter from Ann Marlow arrived. It said". A people in the plural is never "it"."""
    text = ("Memo\n\nThe memo was written by Sam Tolley, the deputy chief of staff, an hour after the raid. Two Americans "
            "were killed at the site. \"We have found the units that are free to move,\" it reads.")
    assert speakers(parse, text) == [
        ("We have found the units that are free to move,", None, None, "cue_after:pronoun")]
    text = ("Memo\n\nThe memo was written by Sam Tolley, the deputy chief of staff, an hour after the raid. \"We have "
            "found the units that are free to move,\" it reads.")
    assert speakers(parse, text) == [
        ("We have found the units that are free to move,", "Sam Tolley", "person", "cue_after:pronoun")]
    text = "Council\n\nA letter from Ann Marlow arrived on Friday. It said the council had been \"negligent\"."
    assert speakers(parse, text) == [("negligent", "Ann Marlow", "person", "cue_above:pronoun")]


def test_a_pronoun_in_a_who_clause_means_its_person_who_then_has_that_gender(parse):
    """"student Kit Varga, who won me over when she called the mayor "..."": "she" is the one the
    "who" clause is about, not the mayor named before; and once "she" spoke as Kit Varga, a later
    "he" is someone else."""
    text = ("Fair\n\nMayor Ann Marlow opened the fair. My favourite line came from student Kit Varga, who won me over when she "
            "called the mayor \"a grumpy old lion\". Later I met Tom Reddick in his office. \"We keep going,\" he told me.")
    assert speakers(parse, text) == [("a grumpy old lion", "Kit Varga", "person", "cue_above:pronoun"),
                                     ("We keep going,", "Tom Reddick", "person", "cue_after:pronoun")]


def test_no_maker_from_who_only_received_delivered_or_owned_the_words(parse):
    """The limits of the makers of written words: people who received a letter did not write it
    together; a body that issued a statement on behalf of a family did not make it; an inbox is
    no email's sender; an unnamed letter is not the last speaker's "it"."""
    cases = [
        ("Letter\n\nAnn Lee and Tom Reid received a letter on Monday. \"You must leave by Friday,\" the letter said.",
         "Ann Lee and Tom Reid"),
        ("Statement\n\nA statement issued by Harbour Police on behalf of the family said he was \"a loving father\".", "Harbour Police"),
        ("Inbox\n\nTom Reid checked his email inbox on Monday. \"Your account has been suspended,\" the email said.", "Tom Reid"),
        ("Council\n\n\"We are disappointed,\" said Tom Reid, the council leader. A letter arrived at the council offices on "
         "Friday. It said the plans were \"unlawful\".", "Tom Reid"),
    ]
    for text, not_the_speaker in cases:
        assert speakers(parse, text)[-1][1] != not_the_speaker, text


def test_who_after_a_phrase_an_adjective_opens_means_the_person_described(parse):
    """"a source close to the prime minister, who added": the source, though a person closes the
    phrase ("close" read as an adverb or an adjective alike)."""
    text = ("Plan\n\nPrime Minister Ann Cole spoke on Monday. The plan was \"dead\", said one source close to the prime minister, "
            "who added that it had been \"a mess\".")
    assert [s for _, s, _, _ in speakers(parse, text)] == ["the source close to the prime minister"] * 2


def test_a_quotation_s_own_sentences_keep_its_speaker_in_focus_for_a_description(parse):
    """`"...," Kessel said. "..." "..." "..." ... the justice spoke`: the sentences inside the
    quotation go on with its speaker, so they do not push her out of the few sentences a
    description looks back over."""
    text = ("Court row\n\nMarta Kessel regrets her attack on the new rules.\n\n"
            "The high court justice -- who has sat on the bench for two decades -- said she would step down next year.\n\n"
            "\"I have made my decision,\" Kessel said in a letter. \"The court will need new blood. I wish my colleagues well. "
            "They have been kind.\"\n\n"
            "At a dinner in May, the justice spoke about the rules, saying they were \"a step too far\" for the courts.")
    assert speakers(parse, text)[-1] == ("a step too far", "Marta Kessel", "person", "cue_above:description")


def test_a_given_name_s_usual_gender_tells_she_from_he_below_an_honorific(parse):
    """A given name most often given to one gender (nomquamgender's data, `name_genders.py`) tells
    "she" from a man named just before; an honorific outweighs it ("Mr Anais Varro")."""
    text = ("Email trail\n\nCabinet aide Denis Okafor praised the embassy staff in a short note. \"Great work,\" Okafor wrote.\n\n"
            "Okafor was replying to an update from envoy Wendy Tremaine on the evacuation. \"The plane has left,\" she wrote.")
    assert speakers(parse, text)[-1] == ("The plane has left,", "Wendy Tremaine", "person", "cue_after:pronoun")
    # a name with accents is looked up without them ("Jérôme" as "jerome", "Hélène" as "helene")
    text = text.replace("Denis", "Jérôme").replace("Wendy", "Hélène")
    assert speakers(parse, text)[-1] == ("The plane has left,", "Hélène Tremaine", "person", "cue_after:pronoun")
    # the name's hint counts once, however often the surname comes back, and one "Mr" outweighs it
    text = ("Rates\n\nAnalyst Anais Varro expects a rise. Varro has said so for months, and Varro is rarely wrong. "
            "Ruth Kell agrees. \"Rates will go up,\" Mr Varro said.\n\nMs Kell agreed. \"They will,\" he said.")
    assert speakers(parse, text)[-1] == ("They will,", "Anais Varro", "person", "cue_after:pronoun")


def test_one_of_a_people_state_or_city_is_an_epithet(parse):
    """"the Texan", "the Glaswegian": one person named by the state or city they come from is the
    person in focus, like "the Scot"; a paper's name ("The Federalist") and a faith's member are not."""
    text = "Farm vote\n\nFormer governor Dale Pruitt backed the farm bill on Tuesday. \"This bill keeps farms alive,\" the Texan said."
    assert speakers(parse, text) == [("This bill keeps farms alive,", "Dale Pruitt", "person", "cue_after:description")]
    # a paper's name opening a sentence, and a faith's member (`gazetteer_norp.txt`), are no such epithet
    text = "Vote\n\nSenator Dale Pruitt spoke on Monday. The Federalist reported that the race was \"too close to call\"."
    assert speakers(parse, text)[0][1] == "the Federalist"
    text = "Faith\n\nImam Tariq Osman led the prayers. \"We are all shocked,\" the Muslim said."
    assert speakers(parse, text)[0][1] == "the Muslim"


def test_words_a_named_person_is_reported_to_have_said_are_that_persons(parse):
    """`Reid said Ann Cole had told them that Democrats "would win the House"`: the quote lies in the
    clause Ann Cole's speech verb reports, so the words are hers, though Reid passes them on; but
    in a clause no one's speech verb reports, the outer speaker's account, they are his."""
    text = "Meeting\n\nRep. Tom Reid said Ann Cole had told them that Democrats \"would win the House\"."
    assert speakers(parse, text) == [("would win the House", "Ann Cole", "person", "cue_above:name")]
    text = "Meeting\n\nRep. Tom Reid said he expects Ann Cole to announce a \"new push\" on housing."
    assert speakers(parse, text)[0][1] == "Tom Reid"
    # nor words she was told, did not say, or denied
    for inner in ("Ann Cole was told that Democrats", "Ann Cole never told them that Democrats",
                  "Ann Cole denied that Democrats"):
        text = f"Meeting\n\nRep. Tom Reid said {inner} \"would win the House\"."
        assert speakers(parse, text)[0][1] == "Tom Reid", inner


def test_a_noun_whose_first_wordnet_sense_is_a_person_is_a_role(parse):
    """"the retired astronaut" with no hand-kept role word for it: WordNet's first sense of
    "astronaut" is a person, so it is a role noun like "the surgeon" and means the person in
    focus; but someone introduced unnamed stays unnamed ("a beekeeper ... the beekeeper"), and a
    word for anyone ("the boy") is no role."""
    text = ("Space school\n\nMarta Quell spent two decades in orbit before she came home to Leeds. Quell now teaches "
            "physics at a comprehensive. \"The children ask the best questions,\" the retired astronaut said.")
    assert speakers(parse, text) == [("The children ask the best questions,", "Marta Quell", "person", "cue_after:description")]
    text = ("Hives\n\nCouncillor Marta Quell opened the fair on Friday. \"The bees are calm today,\" a beekeeper "
            "told visitors. \"They like the sun,\" the beekeeper said.")
    assert speakers(parse, text)[-1][1] == "the beekeeper"
    text = text.replace("Marta", "Marek").replace("a beekeeper", "a boy").replace("the beekeeper", "the boy")
    assert speakers(parse, text)[-1][1] == "the boy"


def test_a_passage_or_excerpt_is_the_words_of_who_was_quoted_from_it(parse):
    """"the passage continued": the words of the writer quoted just before, as "the text" is."""
    text = ("Book tour\n\nThe paper quoted a new memoir by reporter Lena Ostrova. \"The minister rarely slept,\" Ostrova writes "
            "in her book. \"He read every file.\"\n\n\"He was the last to leave each night,\" the passage continued.")
    assert speakers(parse, text)[-1] == ("He was the last to leave each night,", "Lena Ostrova", "person", "cue_after:description")
    # but an excerpt of another text is that text's, not the last speaker's
    text = ("Report\n\nAnn Cole criticised the police report. \"It is a mess,\" she said. An excerpt of the report, obtained by "
            "the paper, reads: \"Officers failed to act.\"")
    assert speakers(parse, text)[-1][1] == "the excerpt of the report"


def test_a_naming_verb_with_an_object_of_its_own_names_no_speaker_after_an_exclamation(parse):
    """`...: "Open the gates now!" Residents still praise her courage`: "praise" speaks of her
    courage, so the residents did not say the words."""
    text = "Wall speech\n\nMayor Ruth Alder made her famous plea in 1999: \"Open the gates now!\" Residents still praise her courage."
    assert speakers(parse, text)[0][1] == "Ruth Alder"


def test_a_clause_that_tells_an_unnamed_speaker_apart_stays_in_the_description(parse):
    """"said one fan quoted by the survey", "wrote a supporter who runs the fan site": the
    participle's phrase or the "who" clause (up to its first "and", "but" or comma) tells which
    one the writer means, as annotators write it; a name in it is not the speaker and stays as
    written; not after "the", nor for something written ("a report published by ...")."""
    cases = [
        ("Fans\n\n\"It was magic,\" said one fan quoted by the survey.", "the fan quoted by the survey"),
        ("Fans\n\n\"Meh,\" wrote a supporter who runs the fan site for the club.", "the supporter who runs the fan site for the club"),
        ("Leak\n\n\"His account sent the files,\" said one source who identified the sender but spoke on condition of anonymity.",
         "the source who identified the sender"),
        ("Trial\n\nTom Reid was jailed in 2001. \"He was badly served,\" said a barrister who once represented Reid.",
         "the barrister who once represented Reid"),
        ("Survey\n\n\"Prices will rise,\" said a report published by the council.", "the report"),
        ("Fans\n\n\"It was magic,\" said the fan quoted by the survey.", "the fan"),
        ("Noise\n\n\"It was loud,\" said a man who asked not to be identified.", "the man"),  # (`untelling_verbs`)
    ]
    for text, speaker in cases:
        assert [(s, kind) for _, s, kind, _ in speakers(parse, text)] == [(speaker, "unnamed")], text
    # a participle that gives the name: the name is the speaker (`naming_clause_verbs`)
    assert speakers(parse, "Noise\n\n\"It was loud,\" said a woman named Maria Lopez.")[0][1:3] == ("Maria Lopez", "person")
    assert speakers(parse, "Noise\n\nA man identified as Tom Reid told the BBC: \"It was loud.\"")[0][1:3] == ("Tom Reid", "person")


def test_a_seat_of_government_named_as_a_source_speaks_as_its_body(parse):
    """"... dismissed as guesswork by Downing Street. A spokesman said": Downing Street (a place
    to the entity model, as CoNLL tags it) stands for the body that sits there, so the spokesman
    is its spokesman (`seats`); not where it is only a place ("marched to Downing Street")."""
    text = ("Poll\n\nTalk of an early vote was dismissed as \"guesswork\" by Downing Street.\n\n"
            "A spokesman said the claims were \"pure invention\".")
    assert speakers(parse, text)[-1] == ("pure invention", "the Downing Street spokesman", "unnamed", "cue_above:description")
    text = "March\n\nHundreds of nurses marched to Downing Street on Saturday. A spokesman said the talks were \"going well\"."
    assert speakers(parse, text)[-1][1] == "the spokesman"


def test_a_family_surname_means_the_relative_named_in_full_just_before(parse):
    """A bare surname that ends the full names of two relatives: the one an honorific's sex
    fits; else the one named in full as a subject within two sentences before it (not one only
    spoken of); else the one the entity index joined it to (the first named)."""
    text = ("Bakery heirs\n\nOskar Lindqvist opened his first bakery in 1979. "
            "\"Bread was cheap then,\" Lindqvist said.\n\n"
            "His daughter Anna Lindqvist now runs the business. Anna Lindqvist plans a second shop in the harbour. "
            "\"We need more ovens,\" Lindqvist said. \"We started with one,\" Mr Lindqvist said.\n\n"
            "The town gave a prize to Anna Lindqvist last year. \"I still get up at four,\" Lindqvist said.")
    assert speakers(parse, text) == [
        ("Bread was cheap then,", "Oskar Lindqvist", "person", "cue_after:name"),
        ("We need more ovens,", "Anna Lindqvist", "person", "cue_after:name"),
        ("We started with one,", "Oskar Lindqvist", "person", "cue_after:name"),  # "Mr": the father
        ("I still get up at four,", "Oskar Lindqvist", "person", "cue_after:name"),  # the daughter only spoken of
    ]
    text = ("Bakery heirs\n\nOskar Lindqvist opened his first bakery in 1979. "
            "\"Anna Lindqvist bakes better than I do,\" Lindqvist said. His daughter Anna Lindqvist smiled.")
    assert speakers(parse, text) == [  # a name inside the quote is spoken of
        ("Anna Lindqvist bakes better than I do,", "Oskar Lindqvist", "person", "cue_after:name"),
    ]
    text = ("Bakery heirs\n\nOskar Lindqvist opened his first bakery in 1979. \"Bread was cheap,\" Lindqvist said. "
            "His daughter Anna Lindqvist joined him in 2001.\n\nThe bakery sells 900 loaves a week. The ovens are new. "
            "Anna works the till on Saturdays. \"The dough rises overnight,\" Lindqvist said.")
    assert speakers(parse, text) == [
        ("Bread was cheap,", "Oskar Lindqvist", "person", "cue_after:name"),
        ("The dough rises overnight,", "Oskar Lindqvist", "person", "cue_after:name"),  # "Anna" alone does not count
    ]


def test_two_full_names_of_one_person_are_no_family(parse):
    """"Peter" and "Pete Halvorsen": given names that open alike are one man written two ways,
    so the bare surname keeps the person the entity index joined it to."""
    text = ("Radio row\n\nPeter Halvorsen hosts a morning show on a local station. "
            "\"We play what people ask for,\" Halvorsen said.\n\n"
            "Pete Halvorsen, as listeners call him, has run the show since 2009. \"I never take a day off,\" Halvorsen said.")
    assert speakers(parse, text) == [
        ("We play what people ask for,", "Peter Halvorsen", "person", "cue_after:name"),
        ("I never take a day off,", "Peter Halvorsen", "person", "cue_after:name"),
    ]


def test_a_person_named_inside_the_quote_is_not_the_role_that_says_it(parse):
    """A description matched by role ("the former mayor" for "Former mayor Ingrid Solberg") is
    not someone the quoted words themselves name: she is spoken of, not speaking."""
    text = ("Ferry vote\n\nFormer mayor Ingrid Solberg backed the ferry plan on Tuesday. "
            "Harbour chief Lars Moe joined her at the rally.\n\n"
            "Lars Moe spoke next. \"I never thought Ingrid Solberg and I would agree,\" the former mayor said.")
    assert speakers(parse, text) == [
        ("I never thought Ingrid Solberg and I would agree,", "the former mayor", "unnamed", "cue_after:description"),
    ]
