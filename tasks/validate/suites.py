"""Validation: one Great Expectations 1.x suite per table, derived from the pyarrow schemas
(tasks/schemas.py) and kept as JSON in expectations/<table>.json.

`validate_table` runs a table's suite on rows before anything is written and tells which rows
fail (they are quarantined with the failing expectation).
Great Expectations is imported lazily: the import alone takes seconds.

    python -m tasks.validate.suites --write     regenerate expectations/*.json from the schemas
"""
from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from tasks.paths import EXPECTATIONS_DIR
from tasks.schemas import ALL_TABLES, key_columns, meta

log = logging.getLogger(__name__)


def _gx_type(t: pa.DataType) -> str | None:
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "str"
    if pa.types.is_boolean(t):
        return "bool"
    return None


def suite_dict(table: str) -> dict:
    """The GX suite of a table, as the JSON dict stored in expectations/<table>.json."""
    schema = ALL_TABLES[table]
    exps: list[dict] = [{"type": "expect_table_columns_to_match_ordered_list",
                         "kwargs": {"column_list": schema.names}, "meta": {}}]
    for f in schema:
        notes = {"description": meta(f, "description") or ""}
        if not f.nullable:
            exps.append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": f.name}, "meta": notes})
        values = meta(f, "values")
        if values:
            exps.append({"type": "expect_column_values_to_be_in_set",
                         "kwargs": {"column": f.name, "value_set": values.split(",")}, "meta": notes})
        lo = meta(f, "min")
        if lo is not None:
            exps.append({"type": "expect_column_values_to_be_between",
                         "kwargs": {"column": f.name, "min_value": int(lo)}, "meta": notes})
        if _gx_type(f.type) == "str":
            exps.append({"type": "expect_column_values_to_be_of_type", "kwargs": {"column": f.name, "type_": "str"}, "meta": notes})
    keys = key_columns(schema)
    if len(keys) > 1:
        exps.append({"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": keys}, "meta": {}})
    elif keys:
        exps.append({"type": "expect_column_values_to_be_unique", "kwargs": {"column": keys[0]}, "meta": {}})
    if "char_start" in schema.names and "char_end" in schema.names:
        exps.append({"type": "expect_column_pair_values_a_to_be_greater_than_b",
                     "kwargs": {"column_A": "char_end", "column_B": "char_start", "or_equal": False}, "meta": {}})
    return {"name": table, "expectations": exps, "meta": {"generated_from": "tasks/schemas.py"}}


def write_suites(folder: Path = EXPECTATIONS_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for table in ALL_TABLES:
        p = folder / f"{table}.json"
        p.write_text(json.dumps(suite_dict(table), indent=2) + "\n", encoding="utf-8")
        out.append(p)
    return out


@dataclass
class TableValidation:
    table: str
    success: bool
    rows: int
    failed_rows: dict[int, list[str]] = field(default_factory=dict)  # row index -> failing expectations
    table_failures: list[str] = field(default_factory=list)  # expectations failing without row indices
    result: dict = field(default_factory=dict)  # the GX result as JSON


@lru_cache(maxsize=1)
def _context(folder: str):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)  # GX sets its own levels on import
    ctx = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    except ImportError as e:  # only cosmetic
        log.debug("cannot turn GX progress bars off: %s", e)
    source = ctx.data_sources.add_pandas("newsfacts")
    batch_defs, suites = {}, {}
    for table in ALL_TABLES:
        path = Path(folder) / f"{table}.json"
        if not path.exists():
            raise FileNotFoundError(f"GX suite missing: {path} (run `python -m tasks.validate.suites --write`)")
        d = json.loads(path.read_text(encoding="utf-8"))
        suites[table] = ctx.suites.add(gx.ExpectationSuite(**d))
        batch_defs[table] = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(f"{table}_batch")
    return ctx, batch_defs, suites


def validate_rows(table: str, rows: list[dict], folder: Path = EXPECTATIONS_DIR) -> TableValidation:
    """Validate rows (dicts) of one table against its suite."""
    from tasks.store.tables import to_table

    return validate_table(table, to_table(rows, ALL_TABLES[table]), folder)


def validate_table(table: str, data: pa.Table, folder: Path = EXPECTATIONS_DIR) -> TableValidation:
    """Validate an Arrow table of one table's rows against its suite, in one GX call.

    GX's cost is almost all per call (~0.1 s per suite, whatever the rows), so callers hand
    it as many rows at once as they can. `failed_rows` holds row positions in `data`."""
    df = data.to_pandas()
    _, batch_defs, suites = _context(str(folder))
    batch = batch_defs[table].get_batch(batch_parameters={"dataframe": df})
    res = batch.validate(suites[table], result_format="SUMMARY")
    if not res.success:  # only a failing batch pays for the row indices of every failure
        res = batch.validate(suites[table], result_format={"result_format": "COMPLETE", "partial_unexpected_count": 0})
    out = TableValidation(table, bool(res.success), len(df))
    for er in res.results:
        if er.success:
            continue
        cfg = er.expectation_config
        name = f"{cfg.type}({', '.join(f'{k}={v}' for k, v in cfg.kwargs.items() if k in ('column', 'column_list', 'column_A', 'column_B'))})"
        idx = (er.result or {}).get("unexpected_index_list")
        if idx:
            for i in idx:
                i = i if isinstance(i, int) else int(i.get("index", -1)) if isinstance(i, dict) else -1
                if i >= 0:
                    out.failed_rows.setdefault(i, []).append(name)
        else:
            out.table_failures.append(name)
    out.result = res.to_json_dict()
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--write"]:
        for p in write_suites():
            print(p)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
