"""The entity fixer: a spaCy component (after the NER) that corrects the small model's entity errors
with rules and gazetteers (data files, `tasks.nlp.gazetteer`).

`add_to(nlp)` is called once when the model is loaded (`tasks.nlp.model`). Per document:
  1. the model's spans are cleaned (`tasks.nlp.entity_cleaning`): split at punctuation and at
     lower-case words that cannot stand inside a name, trimmed of articles, possessives, titles
     and scores, dropped when they are no name;
  2. the gazetteers (countries and their aliases, demonyms, places, organisations; each matched
     as written and in ALL CAPS, never right after an honorific: "Mr Irish") and token rules
     (datelines, organisation head nouns, club names, events, people after honorifics, in
     scorecards) give rule spans (`tasks.nlp.entity_matchers`), merged with the model's
     (`tasks.nlp.entity_merging`);
  3. one pass over the runs of capitalised words finds teams and players in sports tables and
     people the model missed (`tasks.nlp.capitalised_runs`); bylines and picture credits name
     people and agencies (`tasks.nlp.credits`);
  4. in a team-sports report (headline "SOCCER - ...") club towns and counties become teams
     (ORG) unless they are a venue or the dateline (`tasks.nlp.sports`); the words around a name
     relabel it: an organisation noun before it ("drugmaker Pfizer") or in apposition to it
     ("Diageo, the drinks company,"), an acronym the model took for a person, a platform where
     things are posted ("on Twitter"); a job only a person holds before it ("captain Fabien
     Pelous"), an age after it ("Kerrigan, 34,"), or its words as a person's ("Kerrigan admitted
     he was tired", "Kerrigan raised her game") make it a person (`tasks.nlp.cues`);
  5. hyphenated compounds built on a name ("London-based", "UAE-Israel") become one NORP span
     (`tasks.nlp.compounds`); a given name the model tagged alone before a weekday or month it
     took for a date is one person ("Mike Friday"); a person's surname the tagger read as a modal
     ("May said"), as an adverb ("Early described it") or left untagged as a subject is that person;
     a body named only with its possessive keeps it ("Moody's"), and a one-word person gets the
     initial written before it ("E Hayot") (`tasks.nlp.entity_cleaning`).

Everything is a phrase or token matcher run once over the document, plus loops over the
entities only: no per-name regular expressions over the text.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tasks.nlp.capitalised_runs import (given_names_read_as_places, listed_given_names, particle_surnames, scan_runs,
                                        unlisted_given_names)
from tasks.nlp.compounds import hyphen_compounds
from tasks.nlp.credits import credit_spans
from tasks.nlp.cues import cue_labels, lower_case_committees
from tasks.nlp.entity_cleaning import (clean, given_name_before_a_date_word, initials_before_surnames, names_ending_in_a_possessive,
                                      surnames_read_as_modals)
from tasks.nlp.entity_matchers import gazetteer_spans, phrase_matcher, rule_spans, token_matcher
from tasks.nlp.entity_merging import bracketed_acronyms, join_norp, merge, names_joined_by_and, uncovered
from tasks.nlp.fast_pipes import dictionary_words
from tasks.nlp.gazetteer import gazetteer
from tasks.nlp.sports import as_team, sports_report

COMPONENT = "newsfacts_entity_fixer"
# The labels of names (the model's numeric and temporal labels are kept as the model made them).
NAMED_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


class EntityFixer:
    """The component: its matchers are built once, from the gazetteer, when the model is loaded."""

    def __init__(self, nlp: Language):
        self.gaz = gazetteer()
        self.phrase = phrase_matcher(nlp, self.gaz)
        self.matcher = token_matcher(nlp, self.gaz)
        self.words = dictionary_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        sport = sports_report(doc, self.gaz)
        names: list[Span] = []  # the model's names, cleaned
        other: list[Span] = []  # numeric and temporal entities, kept as the model made them
        for ent in doc.ents:
            if ent.label_ in NAMED_LABELS:
                names.extend(clean(ent, self.gaz, sport is not None))
            else:
                other.append(ent)
        names = self._corrected(doc, names, sport)
        doc.ents = sorted(filter_spans(names + uncovered(other, names)), key=lambda sp: sp.start)
        return doc

    def _corrected(self, doc: Doc, model: list[Span], sport: str | None) -> list[Span]:
        """The model's cleaned names with the rules' spans merged in (steps 2-5)."""
        gaz, sports = self.gaz, sport is not None
        from_gazetteer = gazetteer_spans(doc, self.phrase, club_label="ORG" if sport == "team" else "GPE", honorifics=gaz.honorifics)
        patterns, datelines = rule_spans(doc, self.matcher, gaz, sports)
        from_model = {(m.start, m.end) for m in model}
        ents = merge(model, filter_spans(patterns), gaz, sports, from_model)
        ents = merge(ents, from_gazetteer, gaz, sports, from_model)
        ents = merge(ents, datelines, gaz, sports, from_model, force=True)
        forced, fill = scan_runs(doc, sport, gaz, self.words)
        ents = merge(ents, forced + credit_spans(doc, gaz), gaz, sports, from_model, force=True)
        ents += uncovered(fill, ents)
        if sport == "team":
            ents = [as_team(sp, gaz) for sp in ents]
        ents = lower_case_committees(doc, join_norp(filter_spans(cue_labels(doc, filter_spans(ents), gaz))))
        ents += bracketed_acronyms(doc, ents)
        ents = filter_spans(ents + names_joined_by_and(doc, ents, self.gaz))
        ents = replaced(ents, particle_surnames(doc, ents, self.gaz))
        ents = replaced(ents, given_names_read_as_places(doc, ents, self.gaz))
        ents += given_name_before_a_date_word(doc, ents, gaz)
        ents += unlisted_given_names(doc, ents, gaz, self.words)
        ents += listed_given_names(doc, ents, gaz)
        ents = filter_spans(ents)
        ents += surnames_read_as_modals(doc, ents, gaz)
        ents = replaced(ents, names_ending_in_a_possessive(doc, ents))
        ents = replaced(ents, initials_before_surnames(doc, ents))
        return hyphen_compounds(doc, filter_spans(ents), gaz)


def replaced(ents: list[Span], new: list[Span]) -> list[Span]:
    """`ents` with each new span in place of those it overlaps (a longer or equal one wins)."""
    for sp in new:
        ents = [e for e in ents if e.end <= sp.start or e.start >= sp.end] + [sp]
    return ents


@Language.factory(COMPONENT)
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp)


def add_to(nlp: Language) -> None:
    """Add the fixer after the NER (a model without one has no entities to fix)."""
    if "ner" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
