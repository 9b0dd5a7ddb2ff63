"""Checks that need a second table, computed in the validation stage with Arrow: the one
place that declares and evaluates them.

One GX call per table and group sees one table, so a check on another table's rows (is this
offset inside the article's text, is `text` the slice it claims, does this `entity_id` exist
in entities) is computed here, per batch (a batch holds every row of its articles), and
recorded in GX's result format (`result_json`), with failing rows quarantined like GX's
(critical). Declared in each table's suite (`meta.computed`), from the schema's metadata:
`span` (the offsets a text column is the slice of) and `ref` (the table.column a value must
exist in, within the same article); every table's `article_id` must be an article of the batch.

References are checked against the rows that stay: tables are checked in data-flow order
(articles, paragraphs, sentences, entities, mentions, quotes, numeric_facts), so a mention
whose entity row was quarantined is quarantined too, and no table ever points at a row that
is not there. A row whose article row fails follows its article (tasks.validate.quarantine).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from tasks.schemas import TABLES, meta
from tasks.validate.metrics import COMPUTED_RATE

WITHIN = "expect_span_to_be_within_article_text"
MATCH = "expect_column_values_to_equal_article_text_slice"
REFERENCE = "expect_column_values_to_exist_in_table"
CANONICAL = "expect_column_values_to_be_canonical_units"
COMPUTED_TYPES = (WITHIN, MATCH, REFERENCE, CANONICAL, COMPUTED_RATE)
EXAMPLES = 5
EVALUATED_BY = "newsfacts validation stage (Arrow), not GX: these checks need a second table"


def declarations(table: str) -> list[dict]:
    """The critical computed checks of a table, in the shape of GX expectation configurations."""
    schema = TABLES.get(table)
    if schema is None:
        return []
    out = []
    if table != "articles" and "article_id" in schema.names:
        out.append(_reference("article_id", "articles", "article_id"))
    for f in schema:
        ref = meta(f, "ref")
        if ref:
            out.append(_reference(f.name, *ref.split(".")))
    for f in schema:
        span = meta(f, "span")
        if span:
            cols = span.split(",")
            out.append({"type": WITHIN, "kwargs": {"column_list": cols}, "severity": "critical",
                        "meta": {"reason": "offsets index articles.text: 0 <= start <= end <= its length"}})
            out.append({"type": MATCH, "kwargs": {"column": f.name, "span": cols}, "severity": "critical",
                        "meta": {"reason": f"{f.name} is articles.text[{cols[0]}:{cols[1]}]"}})
    return out


def canonical_units_check(kinds: list[str]) -> dict:
    """`unit` canonical for the open kinds (a vocabulary no value set can hold: Pint's names and
    their compounds, a noun's lemma), by the extractor's own test (one table, but not GX's)."""
    return {"type": CANONICAL, "kwargs": {"column": "unit", "kinds": kinds}, "severity": "critical",
            "meta": {"reason": f"a {' or '.join(kinds)} fact's unit is canonical (tasks.extract.facts.units.is_canonical)"}}


def _reference(column: str, table: str, table_column: str) -> dict:
    return {"type": REFERENCE, "kwargs": {"column": column, "table": table, "table_column": table_column}, "severity": "critical",
            "meta": {"reason": f"every {column} names a row of {table} ({table_column}) of the same article"}}


@dataclass
class Outcome:
    """One computed check on some rows: how many it judged, which failed, a few examples."""

    table: str
    config: dict
    element_count: int = 0
    unexpected: list[int] = field(default_factory=list)  # row positions in the batch's table
    examples: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return expectation_name(self.config["type"], self.config["kwargs"])


# the arguments that say what an expectation is about, in the name its failures are reported under
NAMING_KWARGS = ("column", "column_list", "column_A", "column_B", "table", "row_condition")


def expectation_name(typ: str, kwargs: dict) -> str:
    """The name a failure is reported under: the type and the arguments that say what it is about."""
    parts = []
    for k, v in kwargs.items():
        if k not in NAMING_KWARGS:
            continue
        if k == "row_condition":
            v = v.get("pass_through_filter", v) if isinstance(v, dict) else v
            parts.append(f"if {v}")
        else:
            parts.append(f"{k}={v}")
    return f"{typ}({', '.join(parts)})"


def check_batch(tables: dict[str, pa.Table], failed: dict[str, dict[int, list[str]]],
                declared: dict[str, list[dict]]) -> list[Outcome]:
    """Run a batch's critical computed checks, table by table in data-flow order; each failing
    row is added to `failed` (table -> position -> failing expectations) under the check's name."""
    arts = tables["articles"]
    texts = dict(zip(arts.column("article_id").to_pylist(), arts.column("text").to_pylist()))
    lengths = pc.utf8_length(arts.column("text"))  # code points, as Python (and every offset) counts them
    outcomes = []
    for table in TABLES:
        t = tables[table]
        for cfg in declared.get(table, []):
            o = Outcome(table, cfg)
            if cfg["type"] == REFERENCE:
                _check_reference(o, t, tables, failed)
            elif cfg["type"] == WITHIN:
                _check_within(o, t, arts.column("article_id"), lengths)
            elif cfg["type"] == MATCH:
                _check_match(o, t, texts)
            elif cfg["type"] == CANONICAL:
                _check_units(o, t)
            else:
                continue
            for i in o.unexpected:
                failed.setdefault(table, {}).setdefault(i, []).append(o.name)
            outcomes.append(o)
    return outcomes


def _keyed(t: pa.Table, column: str) -> pa.ChunkedArray:
    """'article_id<US>value' per row (null where the value is null): a reference within its article."""
    return pc.binary_join_element_wise(t.column("article_id"), pc.cast(t.column(column), pa.string()), "\x1f")


def _check_reference(o: Outcome, t: pa.Table, tables: dict[str, pa.Table], failed: dict[str, dict[int, list[str]]]) -> None:
    kw = o.config["kwargs"]
    target = tables[kw["table"]]
    gone = failed.get(kw["table"], {}) if kw["table"] != "articles" else {}  # an article's failure is followed, not referenced
    if gone:
        target = target.filter(pa.array([i not in gone for i in range(target.num_rows)], type=pa.bool_()))
    if kw["column"] == "article_id":
        values, keys = t.column("article_id"), target.column("article_id")
    else:
        values, keys = _keyed(t, kw["column"]), _keyed(target, kw["table_column"])
    valid = pc.is_valid(values)
    o.element_count = pc.sum(valid).as_py() or 0
    bad = pc.and_(valid, pc.invert(pc.is_in(values, value_set=pa.concat_arrays(keys.chunks) if keys.num_chunks else pa.array([], pa.string()))))
    for i in pc.indices_nonzero(bad).to_pylist():
        _unexpected(o, i, str(values[i].as_py()).replace("\x1f", ": "))


def _check_within(o: Outcome, t: pa.Table, article_ids: pa.ChunkedArray, lengths: pa.ChunkedArray) -> None:
    """0 <= start <= end <= the length of the article's text (rows without a span or an article are not judged)."""
    s, e = (t.column(c) for c in o.config["kwargs"]["column_list"])
    n = pc.take(lengths, pc.index_in(t.column("article_id"), value_set=article_ids))
    judged = pc.and_(pc.and_(pc.is_valid(s), pc.is_valid(e)), pc.is_valid(n))
    inside = pc.and_(pc.and_(pc.greater_equal(s, 0), pc.less_equal(s, e)), pc.less_equal(e, n))
    o.element_count = pc.sum(judged).as_py() or 0
    for i in pc.indices_nonzero(pc.and_(judged, pc.invert(inside))).to_pylist():
        _unexpected(o, i, f"{t.column('article_id')[i].as_py()}: {s[i].as_py()}-{e[i].as_py()} of {n[i].as_py()}")


def _check_match(o: Outcome, t: pa.Table, texts: dict[str, str]) -> None:
    """`column` == articles.text[start:end], on the rows whose span is inside the text (the rest fail WITHIN)."""
    kw = o.config["kwargs"]
    start, end = (t.column(c).to_pylist() for c in kw["span"])
    values = t.column(kw["column"]).to_pylist()
    for i, (a, s, e, v) in enumerate(zip(t.column("article_id").to_pylist(), start, end, values)):
        text = texts.get(a)
        if s is None or e is None or v is None or text is None or not 0 <= s <= e <= len(text):
            continue
        o.element_count += 1
        if v != text[s:e]:
            _unexpected(o, i, f"{a}: {v[:40]!r} != {text[s:e][:40]!r}")


def warm_up() -> None:
    """Load the units' vocabulary (Pint's registry) before the first group needs it."""
    from tasks.extract.facts.units import is_canonical

    is_canonical("quantity", "kilometer")


def _check_units(o: Outcome, t: pa.Table) -> None:
    from tasks.extract.facts.units import is_canonical  # the extractor decides what a canonical unit is

    kinds = set(o.config["kwargs"]["kinds"])
    for i, (kind, unit) in enumerate(zip(t.column("kind").to_pylist(), t.column(o.config["kwargs"]["column"]).to_pylist())):
        if kind not in kinds or unit is None:
            continue
        o.element_count += 1
        if not is_canonical(kind, unit):
            _unexpected(o, i, f"{kind}: {unit!r}")


def _unexpected(o: Outcome, i: int, example: str) -> None:
    o.unexpected.append(i)
    if len(o.examples) < EXAMPLES:
        o.examples.append(example)


def result_json(table: str, outcomes: list[Outcome], extra: list[dict] | None = None) -> dict:
    """Outcomes of one table's computed checks (merged over a group's batches by config), and
    `extra` expectation results, as a GX suite validation result (JSON), so that they sit
    beside GX's own in the run's results."""
    merged: dict[str, Outcome] = {}
    for o in outcomes:
        m = merged.setdefault(o.name, Outcome(table, o.config))
        m.element_count += o.element_count
        m.unexpected += o.unexpected
        m.examples = (m.examples + o.examples)[:EXAMPLES]
    results = [expectation_result(m.config, m.element_count, len(m.unexpected), m.examples) for m in merged.values()]
    results += extra or []
    ok = sum(r["success"] for r in results)
    return {"success": ok == len(results), "suite_name": table, "results": results, "meta": {"evaluated_by": EVALUATED_BY},
            "statistics": {"evaluated_expectations": len(results), "successful_expectations": ok,
                           "unsuccessful_expectations": len(results) - ok,
                           "success_percent": 100.0 * ok / len(results) if results else None}}


def expectation_result(config: dict, element_count: int, unexpected_count: int, examples: list[str],
                       success: bool | None = None, observed: float | None = None) -> dict:
    """One expectation's result in GX's JSON shape (ExpectationValidationResult.to_json_dict)."""
    result: dict = {"element_count": element_count, "unexpected_count": unexpected_count,
                    "unexpected_percent": 100.0 * unexpected_count / element_count if element_count else None,
                    "partial_unexpected_list": examples}
    if observed is not None:
        result["observed_value"] = observed
    return {"success": unexpected_count == 0 if success is None else success, "expectation_config": config, "result": result,
            "meta": {}, "exception_info": {"raised_exception": False, "exception_traceback": None, "exception_message": None}}
