"""The tables as written, read back (for `newsfacts show`, the tests and the benchmarks)."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from tasks.schemas import ALL_TABLES, CORPUS_TABLES


def read_table(out: str | Path, name: str):
    """A table as a pandas DataFrame (hive partitions as a column; no rows if it was never written)."""
    import pyarrow.dataset as ds

    path = Path(out) / name
    if not path.exists():
        return pa.Table.from_pylist([], schema={**ALL_TABLES, **CORPUS_TABLES}[name]).to_pandas()
    return ds.dataset(str(path), format="parquet", partitioning="hive", schema=None).to_table().to_pandas()
