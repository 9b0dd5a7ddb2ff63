"""GX Data Docs (static HTML) built from the validation results every run keeps in
OUT/_newsfacts/validations/<run>/results.json."""
from __future__ import annotations

import json
import logging
import shutil
from datetime import datetime, timezone
from pathlib import Path

from tasks.paths import EXPECTATIONS_DIR, OutputLayout
from tasks.schemas import ALL_TABLES

log = logging.getLogger(__name__)


def _run_time(run_id: str) -> datetime:
    try:
        return datetime.strptime(run_id.split("-")[0], "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime.now(timezone.utc)


def build(out: str | Path, last_runs: int = 20) -> Path:
    """Build the Data Docs site for an output folder; returns the path of its index.html."""
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResultSchema
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier, ValidationResultIdentifier

    layout = OutputLayout(out)
    runs = sorted(p for p in layout.validations().glob("*/results.json")) if layout.validations().exists() else []
    if not runs:
        raise FileNotFoundError(f"no validation results under {layout.validations()} (run `newsfacts run ... --out {out}` first)")
    root = layout.data_docs
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    ctx = gx.get_context(mode="file", project_root_dir=str(root))
    for table in ALL_TABLES:
        ctx.suites.add(gx.ExpectationSuite(**json.loads((EXPECTATIONS_DIR / f"{table}.json").read_text(encoding="utf-8"))))
    schema = ExpectationSuiteValidationResultSchema()
    for path in runs[-last_runs:]:
        run_id = path.parent.name
        results = json.loads(path.read_text(encoding="utf-8"))
        for table, batch_results in results.items():
            for i, r in enumerate(batch_results):
                if "results" not in r:
                    continue
                key = ValidationResultIdentifier(expectation_suite_identifier=ExpectationSuiteIdentifier(name=table),
                                                 run_id=RunIdentifier(run_name=run_id, run_time=_run_time(run_id)),
                                                 batch_identifier=f"batch-{i:05d}")
                ctx.validation_results_store.set(key, schema.load(r))
    sites = ctx.build_data_docs()
    gx_index = Path(next(iter(sites.values())).removeprefix("file://"))
    index = root / "index.html"
    index.write_text(_summary_page(runs[-last_runs:], gx_index, root), encoding="utf-8")
    log.info("data docs at %s", index)
    return index


def _summary_page(runs: list[Path], gx_index: Path, root: Path) -> str:
    """A static page (no scripts, nothing fetched) with every table's suite and the outcome
    of each run, linking to the GX Data Docs pages."""
    from html import escape

    site = gx_index.parent
    rows = []
    for path in reversed(runs):
        run_id = path.parent.name
        results = json.loads(path.read_text(encoding="utf-8"))
        for table in ALL_TABLES:
            if table not in results:
                continue
            batches = results[table]
            ok = all(b.get("success", True) for b in batches)
            n_exp = sum(b.get("statistics", {}).get("evaluated_expectations", 0) for b in batches)
            n_bad = sum(b.get("statistics", {}).get("unsuccessful_expectations", 0) for b in batches)
            pages = sorted((site / "validations" / table / run_id).rglob("*.html"))
            link = escape(str(pages[0].relative_to(root))) if pages else None
            suite = site / "expectations" / f"{table}.html"
            rows.append(
                f"<tr class='{'ok' if ok else 'failed'}'><td>{escape(run_id)}</td><td>{escape(table)}</td>"
                f"<td><a href='{escape(str(suite.relative_to(root)))}'>suite {escape(table)}</a></td>"
                f"<td>{'Succeeded' if ok else 'Failed'}</td><td>{len(batches)}</td><td>{n_exp}</td><td>{n_bad}</td>"
                f"<td>{f'<a href={chr(39)}{link}{chr(39)}>validation result</a>' if link else ''}</td></tr>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>newsfacts validation</title>"
            "<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;border-bottom:1px solid #ddd}"
            ".failed td{background:#fdd}.ok td:nth-child(4){color:#070}</style></head><body>"
            "<h1>newsfacts: validation results</h1>"
            f"<p>Great Expectations suites (expectations/*.json) and the outcome of each run. "
            f"<a href='{escape(str(gx_index.relative_to(root)))}'>Full GX Data Docs site</a>.</p>"
            "<table><thead><tr><th>run</th><th>table</th><th>suite</th><th>outcome</th><th>batches</th>"
            "<th>expectations evaluated</th><th>failed</th><th>details</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></body></html>")
