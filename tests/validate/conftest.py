"""Real tables to break: one invented article read, parsed and extracted by the pipeline's own
functions (every table has rows: a money fact, a range, a fact inside a quote, a named speaker)."""
from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

import pyarrow as pa
import pytest

from tasks.extract.article import process_batch
from tasks.model import RawDocument
from tasks.nlp.model import DEFAULT_MODEL
from tasks.schemas import TABLES

WHEN = datetime(2026, 2, 1, tzinfo=timezone.utc)
FERRY = ("Harbour council approves ferry budget\n"
         "The Port Wren council approved a budget of £2.5m for the island ferry on Tuesday.\n"
         "\"This keeps the boat running for another ten years,\" said Ines Harrow, the council leader.\n"
         "Ticket prices will rise by between 5% and 8% next spring, the operator said.\n"
         "Harrow told reporters that 2,314 residents had voted in the ballot.\n"
         "The ferry carries about 400 passengers a day between the harbour and the island, and the council expects "
         "the new contract to be signed before the end of March.\n")


def extract(*texts: str) -> dict[str, pa.Table]:
    """The tables the pipeline extracts from these texts (one .txt input each)."""
    docs = [RawDocument(source=f"in/{i}.txt", text=t, encoding="utf-8", content_sha256="0" * 64) for i, t in enumerate(texts)]
    rows = process_batch(docs, DEFAULT_MODEL, ingested_at=WHEN).rows
    return {t: pa.Table.from_pylist(rows[t], schema=schema) for t, schema in TABLES.items()}


@pytest.fixture(scope="session")
def ferry(nlp) -> dict[str, pa.Table]:
    return extract(FERRY)


def changed(tables: dict[str, pa.Table], table: str, i: int, **values) -> dict[str, pa.Table]:
    """The tables with row i of `table` given new values."""
    rows = tables[table].to_pylist()
    rows[i] = {**rows[i], **values}
    return {**tables, table: pa.Table.from_pylist(rows, schema=TABLES[table])}


def row_of(tables: dict[str, pa.Table], table: str, **match) -> int:
    """The position of the one row of `table` with these values."""
    hits = [i for i, r in enumerate(tables[table].to_pylist()) if all(r[k] == v for k, v in match.items())]
    assert len(hits) == 1, (table, match, hits)
    return hits[0]


@pytest.fixture(scope="session")
def edit() -> SimpleNamespace:
    """edit.changed(tables, table, i, **values), edit.row_of(tables, table, **match), edit.extract(*texts)."""
    return SimpleNamespace(changed=changed, row_of=row_of, extract=extract)
