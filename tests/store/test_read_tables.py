"""Reading a table back."""
from __future__ import annotations

from tasks.schemas import QUOTES
from tasks.store.tables import read_table


def test_a_table_never_written_reads_as_no_rows_with_its_columns(tmp_path):
    df = read_table(tmp_path, "quotes")
    assert df.empty and list(df.columns) == QUOTES.names
