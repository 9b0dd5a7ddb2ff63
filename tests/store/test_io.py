"""Atomic writes: a file appears whole under its name, and no temporary file is left behind."""
from __future__ import annotations

import json

import pyarrow as pa

from tasks.store.io import atomic_write_bytes, atomic_write_json, read_part, write_parquet


def test_atomic_json_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "state" / "manifest.json"
    atomic_write_json(path, {"b": 1, "a": [1, 2]})
    atomic_write_json(path, {"b": 2, "a": "x"})
    assert json.loads(path.read_text()) == {"a": "x", "b": 2}
    assert path.read_text() == '{\n "a": "x",\n "b": 2\n}'
    assert [p.name for p in path.parent.iterdir()] == ["manifest.json"]
    atomic_write_bytes(path, b"raw")
    assert path.read_bytes() == b"raw"


def test_a_parquet_part_round_trips_without_partition_columns(tmp_path):
    path = tmp_path / "quotes" / "month=2026-01" / "part-R1-00000.parquet"
    t = pa.table({"article_id": ["a1", "a2"], "n": pa.array([3, 4], type=pa.int32())})
    write_parquet(t, path)
    back = read_part(path)
    assert back.column_names == ["article_id", "n"]  # no "month" read from the folder name
    assert back.equals(t)
    assert [p.name for p in path.parent.iterdir()] == ["part-R1-00000.parquet"]
