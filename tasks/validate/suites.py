"""The Great Expectations 1.x suite of every table, kept as JSON in expectations/<table>.json
(`tasks.validate.gx` runs them):

  * derived from its pyarrow schema (tasks/schemas.py): the column list, not-null, types,
    value sets, minimums, keys, `char_end > char_start`;
  * semantic, critical (failing rows are quarantined): `value_low <= value <= value_high`
    where set, `unit` in the canonical vocabulary of its `kind`, `published_at` not in the
    future, `speaker_type` consistent with `speaker_entity_id`;
  * statistical, severity warning (the run lands, loudly): `tasks.validate.metrics`, with the
    thresholds of expectations/thresholds.json and their reasons;
  * computed in the validation stage (`meta.computed`: they need two tables, which one GX call
    per table cannot see): offsets inside the article's text and `text` equal to its slice,
    every reference (entity, quote, sentence, paragraph, article) resolving, and mentions per
    1,000 words (`tasks.validate.checks`).

    python -m tasks.validate.suites --write     regenerate expectations/*.json
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from tasks.paths import EXPECTATIONS_DIR
from tasks.schemas import ALL_TABLES, key_columns, meta
from tasks.validate import checks
from tasks.validate.metrics import METRICS, expectation, load_thresholds

# published_at may run ahead of the clock by the widest UTC offset: a naive or date-only time
# is taken as UTC (tasks/ingest/published.py), so a page published at 00:30 on the 5th in
# UTC+14 reads as midnight UTC of the 5th, up to 14 hours ahead of the validation
PUBLISHED_SLACK = timedelta(hours=14)
LATEST_PUBLISHED = "latest_published_at"  # the suite parameter: validation time + PUBLISHED_SLACK


def _gx_type(t: pa.DataType) -> str | None:
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "str"
    if pa.types.is_boolean(t):
        return "bool"
    return None


def suite_dict(table: str) -> dict:
    """The GX suite of a table, as the JSON dict stored in expectations/<table>.json."""
    exps, computed = [], checks.declarations(table)
    for e in _schema_expectations(ALL_TABLES[table]) + _semantic_expectations(table):
        (computed if e["type"] in checks.COMPUTED_TYPES else exps).append(e)
    if table in ("articles", "quotes", "numeric_facts", "mentions"):
        th = load_thresholds()
        for m in METRICS.values():
            if m.table == table:
                e = expectation(m, th)
                (computed if e["type"] in checks.COMPUTED_TYPES else exps).append(e)
    suite_meta: dict = {"generated_from": "tasks/schemas.py"}
    if computed:
        suite_meta["computed"] = computed
    return {"name": table, "expectations": exps, "meta": suite_meta}


def _schema_expectations(schema: pa.Schema) -> list[dict]:
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
    return exps


def _semantic_expectations(table: str) -> list[dict]:
    """Critical expectations on what the values mean, one GX expectation each (same call)."""
    names = ALL_TABLES[table].names
    if table == "articles":
        return [{"type": "expect_column_values_to_be_between",
                 "kwargs": {"column": "published_at", "max_value": {"$PARAMETER": LATEST_PUBLISHED}},
                 "meta": {"reason": f"not in the future: at most the validation time + {PUBLISHED_SLACK} "
                                    "(the widest UTC offset; naive and date-only times are taken as UTC)"}}]
    if table == "numeric_facts":
        return _range_expectations() + _unit_expectations()
    if table == "quotes" and "speaker_type" in names:
        return _speaker_type_expectations()
    return []


def _pair(a: str, b: str, reason: str) -> dict:
    return {"type": "expect_column_pair_values_a_to_be_greater_than_b",
            "kwargs": {"column_A": a, "column_B": b, "or_equal": True, "ignore_row_if": "either_value_is_missing"},
            "meta": {"reason": reason}}


def _range_expectations() -> list[dict]:
    return [_pair("value", "value_low", "a range's value is its lower end or above"),
            _pair("value_high", "value", "a range's value is its upper end or below"),
            _pair("value_high", "value_low", "a range's upper end is not below its lower end")]


def _unit_expectations() -> list[dict]:
    """`unit` canonical for its kind, as the extractor defines it (tasks.extract.facts.units): a
    closed vocabulary (money, percent) is a GX value set; kinds without a unit (year, date,
    ordinal) expect null; an open one (quantity: Pint's names; count: a noun's lemma) is
    computed in the validation stage by the extractor's own `is_canonical`."""
    from tasks.extract.facts import units  # (only when the suites are generated)

    kinds = (meta(ALL_TABLES["numeric_facts"].field("kind"), "values") or "").split(",")
    out, none, open_kinds = [], [], []
    for kind in kinds:
        closed = units.canonical_units(kind)
        if closed is None:
            open_kinds.append(kind)
        elif closed:
            out.append({"type": "expect_column_values_to_be_in_set",
                        "kwargs": {"column": "unit", "value_set": sorted(closed), "row_condition": f'kind=="{kind}"',
                                   "condition_parser": "pandas"},
                        "meta": {"reason": f"the canonical units of a {kind} fact (tasks.extract.facts.units.canonical_units)"}})
        else:
            none.append(kind)
    if none:
        out.append({"type": "expect_column_values_to_be_null",
                    "kwargs": {"column": "unit", "row_condition": f"kind in {none}", "condition_parser": "pandas"},
                    "meta": {"reason": f"{', '.join(none)} facts have no unit"}})
    if open_kinds:
        out.append(checks.canonical_units_check(open_kinds))
    return out


def _speaker_type_expectations() -> list[dict]:
    """A speaker has an entity exactly when it is named: person or organisation has one, unnamed
    (only described) has none, and an entity has a named type (not null, not unnamed)."""
    def cond(typ: str, column: str, row_condition: str, reason: str) -> dict:
        return {"type": typ, "kwargs": {"column": column, "row_condition": row_condition, "condition_parser": "pandas"},
                "meta": {"reason": reason}}

    return [cond("expect_column_values_to_not_be_null", "speaker_entity_id", 'speaker_type in ["person", "organisation"]',
                 "a named speaker (person, organisation) has its entity"),
            cond("expect_column_values_to_be_null", "speaker_entity_id", 'speaker_type == "unnamed"',
                 "an unnamed speaker (only described) has no entity"),
            cond("expect_column_values_to_not_be_null", "speaker_type", "speaker_entity_id.notnull()",
                 "a speaker with an entity has its type")]


def suite_parameters(now: datetime) -> dict:
    """The values of the suites' parameters for a validation at `now`."""
    return {LATEST_PUBLISHED: now + PUBLISHED_SLACK}


@lru_cache(maxsize=None)
def stored_suite(table: str, folder: Path = EXPECTATIONS_DIR) -> dict:
    """A table's suite as stored in expectations/<table>.json."""
    path = Path(folder) / f"{table}.json"
    if not path.exists():
        raise FileNotFoundError(f"GX suite missing: {path} (run `python -m tasks.validate.suites --write`)")
    return json.loads(path.read_text(encoding="utf-8"))


def metric_meta(folder: Path = EXPECTATIONS_DIR) -> dict[str, dict]:
    """metric -> the meta of its expectation in the stored suites (thresholds, drift, min_articles, reason)."""
    out = {}
    for table in ALL_TABLES:
        d = stored_suite(table, folder)
        for e in [*d["expectations"], *d.get("meta", {}).get("computed", [])]:
            if (e.get("meta") or {}).get("metric"):
                out[e["meta"]["metric"]] = e["meta"]
    return out


def write_suites(folder: Path = EXPECTATIONS_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for table in ALL_TABLES:
        p = folder / f"{table}.json"
        p.write_text(json.dumps(suite_dict(table), indent=2) + "\n", encoding="utf-8")
        out.append(p)
    stored_suite.cache_clear()
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
