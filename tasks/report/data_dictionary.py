"""docs/DATA.md, the data dictionary, generated from the pyarrow schemas.

    python -m tasks.report.data_dictionary          rewrite docs/DATA.md
"""
from __future__ import annotations

import pyarrow as pa

from tasks.paths import DOCS_DIR
from tasks.schemas import ALL_TABLES, describe, key_columns, meta


def _type(t: pa.DataType) -> str:
    return str(t).replace("large_", "")


def render() -> str:
    lines = ["# newsfacts data dictionary", "",
             "Generated from `tasks/schemas.py` by `python -m tasks.report.data_dictionary`; do not edit by hand.", "",
             "Tables live in `OUT/<table>/month=YYYY-MM/part-*.parquet` (hive partitions by the article's",
             "publication month, else its ingest month; readers see the partition as a `month` column).",
             "Every offset (`char_start`, `char_end`) indexes `articles.text`.", ""]
    for name, schema in ALL_TABLES.items():
        desc = (schema.metadata or {}).get(b"description", b"").decode()
        lines += [f"## {name}", "", desc, ""]
        keys = key_columns(schema)
        if keys:
            lines += [f"Key: {', '.join(f'`{k}`' for k in keys)}", ""]
        lines += ["| column | type | nullable | description |", "| --- | --- | --- | --- |"]
        for f in schema:
            d = describe(f)
            if meta(f, "values"):
                d += f" One of: {', '.join(meta(f, 'values').split(','))}."
            lines.append(f"| `{f.name}` | {_type(f.type)} | {'yes' if f.nullable else 'no'} | {d} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    DOCS_DIR.mkdir(exist_ok=True)
    (DOCS_DIR / "DATA.md").write_text(render(), encoding="utf-8")
    print(DOCS_DIR / "DATA.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
