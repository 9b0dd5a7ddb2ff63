"""Untagged repeats: words of a known entity that the model left untagged elsewhere in the article
become mentions too ("Lebed" after "Alexander Lebed", "PUTIN" in an ALL-CAPS headline)."""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from tasks.extract.entities.mentions import Mention, MentionGroup

REPEATED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}

Form = tuple[tuple[str, ...], MentionGroup]  # (words, the group they name)


def add_untagged_repeats(doc: Doc, groups: list[MentionGroup], labels: dict[MentionGroup, str]) -> None:
    """Append to each group the untagged occurrences of its mentions' words (and of a person's surname)."""
    forms = _surface_forms(doc, groups, labels)
    if not forms:
        return
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        cands = forms.get(tok.text) if tok.ent_iob_ == "O" or tok.ent_type_ == "" else None
        hit = _repeat_at(doc, i, cands) if cands else None
        if hit is None:
            i += 1
            continue
        e, g = hit
        g.mentions.append(Mention(i, e, labels[g], doc[i:e].text))
        i = e


def _surface_forms(doc: Doc, groups: list[MentionGroup], labels: dict[MentionGroup, str]) -> dict[str, list[Form]]:
    """First word -> the word sequences to look for (as written and in ALL CAPS), longest first.
    Forms must start with a capital; a single word needs three letters and no stop word."""
    forms: dict[str, list[Form]] = {}

    def add(words: tuple[str, ...], g: MentionGroup) -> None:
        if not words or not words[0][:1].isupper():
            return
        if len(words) == 1 and (len(words[0]) < 3 or words[0].lower() in STOP_WORDS):
            return
        forms.setdefault(words[0], []).append((words, g))
        upper = tuple(w.upper() for w in words)
        if upper != words:
            forms.setdefault(upper[0], []).append((upper, g))

    for g in groups:
        if labels[g] not in REPEATED_LABELS:
            continue
        seen = set()
        for m in g.mentions:
            words = tuple(t.text for t in doc[m.start:m.end])
            if words in seen:
                continue
            seen.add(words)
            add(words, g)
            if labels[g] == "PERSON" and len(words) > 1:
                add(words[-1:], g)
    for forms_list in forms.values():
        forms_list.sort(key=lambda f: -len(f[0]))
    return forms


def _repeat_at(doc: Doc, i: int, cands: list[Form]) -> tuple[int, MentionGroup] | None:
    """(end, group) of the longest form found untagged at token i, if any; a single word inside
    a longer capitalised name ("Lebed" in "Lebed Street") is none."""
    n = len(doc)
    for words, g in cands:
        e = i + len(words)
        if e <= n and all(doc[i + k].text == w and doc[i + k].ent_type_ == "" for k, w in enumerate(words)):
            if e < n and doc[e].is_title and doc[e].is_alpha and len(words) == 1 and not doc[e].is_sent_start:
                continue
            if i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start and len(words) == 1 \
                    and doc[i - 1].ent_type_ == "":
                continue
            return e, g
    return None
