"""tasks.report.entities: entities per label and the most widespread names of each."""
from __future__ import annotations

from tasks.report.entities import Label, TopEntity, entities
from tasks.report.load import load


def test_entities_of_the_invented_folder(invented):
    assert entities(load(invented.out)) == [
        Label(label="PERSON", entities=3, names=2, top=[TopEntity("Jane Doe", 2, 5), TopEntity("John Roe", 1, 1)]),
        Label(label="ORG", entities=2, names=1, top=[TopEntity("Acme", 2, 6)]),
        Label(label="GPE", entities=1, names=1, top=[TopEntity("France", 1, 1)])]
    assert [len(lab.top) for lab in entities(load(invented.out), per_label=1)] == [1, 1, 1]
