"""The `newsfacts` command line.

    newsfacts run [PATH ...] [--out DIR] [--workers N] [--dask ADDRESS] [--batch-size N] [--validate-every N] [--model NAME]
    newsfacts show quotes|entities|facts [ARTICLE] [--out DIR]

Every run is a Prefect flow run: with PREFECT_API_URL set it reports to that server,
otherwise Prefect starts its temporary local server for the run.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time

from tasks.paths import DEFAULT_INPUT, DEFAULT_OUTPUT

EXIT_OK, EXIT_ERROR, EXIT_REJECTED, EXIT_LOCKED = 0, 1, 3, 4


def _quiet_env() -> None:
    """No telemetry, and a startup timeout that suits slow machines."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("TQDM_DISABLE", "1")


def _fields(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    out = {}
    for p in pairs:
        if "=" not in p:
            raise SystemExit(f"--field expects NAME=COLUMN, got {p!r}")
        k, v = p.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def cmd_run(a: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    t0 = time.perf_counter()
    from flows import pipeline
    from tasks.store.tables import LockedError

    paths = a.paths or [str(DEFAULT_INPUT)]
    progress = Progress(TextColumn("[bold]newsfacts[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs"), TimeElapsedColumn(),
                        console=console, disable=a.quiet or not console.is_terminal and not a.progress)
    task_id = progress.add_task("run", total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task_id, completed=done, total=total)

    pipeline.PROGRESS = on_progress
    if not a.dask:
        # Prepare while Prefect starts: a small run warms the model and GX up here (its one
        # batch runs in this process); a larger one starts the worker processes right away.
        # Inputs the output folder already holds (same pipeline version) are most likely
        # unchanged: nothing is warmed up for them.
        from tasks import PIPELINE_VERSION
        from tasks.ingest import files as ingest
        from tasks.ingest import readers
        from tasks.paths import OutputLayout
        from tasks.store.tables import Manifest

        files, _ = ingest.discover(paths)
        try:
            known = Manifest.load(OutputLayout(a.out)).inputs
        except (OSError, ValueError):  # only a guess here; the flow reads the manifest and reports properly
            known = {}
        fresh = [f for f in files if known.get(f.source, {}).get("version") != PIPELINE_VERSION]
        workers = max(1, a.workers or os.cpu_count() or 1)
        if workers > 1 and (len(fresh) > pipeline.MIN_BATCH or any(readers.is_bulk(f.path) for f in fresh)):
            pipeline.start_pool(a.model, workers)
        elif fresh:
            import threading

            threading.Thread(target=pipeline.warm_up, args=(a.model,), daemon=True, name="warm-up").start()
    kwargs = dict(model=a.model, batch_size=a.batch_size, workers=a.workers, wait_seconds=a.wait, validate_every=a.validate_every,
                  fields=_fields(a.field), max_bytes=a.max_bytes)
    try:
        with progress:
            if a.dask:
                summary = pipeline.dask_flow(a.dask)(paths=paths, out=a.out, **kwargs)
            else:
                summary = pipeline.newsfacts_flow(paths=paths, out=a.out, **kwargs)
    except LockedError as e:
        console.print(f"[red]refused:[/] {e}")
        return EXIT_LOCKED
    finally:
        pipeline.stop_pool()
    summary["seconds"]["wall"] = round(time.perf_counter() - t0, 2)
    if a.json:
        print(json.dumps(summary, default=str))
    else:
        _print_summary(summary, console)
    return EXIT_REJECTED if summary["rejected"] or summary["quarantined"] else EXIT_OK


def _print_summary(s: dict, console) -> None:
    from rich.table import Table

    inp = s["inputs"]
    console.print(f"[bold]newsfacts {s['pipeline_version']}[/] run {s['run_id']}: "
                  f"{inp['new']} new, {inp['changed']} changed, {inp['unchanged']} unchanged inputs; "
                  f"{s['articles_written']} articles written, {s['articles_removed']} replaced/removed")
    if not s["rows"]:
        console.print("nothing new or changed to process")
    t = Table(title="rows written", show_edge=False)
    t.add_column("table")
    t.add_column("rows", justify="right")
    t.add_column("quarantined", justify="right")
    for name, n in s["rows"].items():
        t.add_row(name, str(n), str(s["quarantined"].get(name, 0)))
    if s["rows"]:
        console.print(t)
    console.print("validation: " + ("[green]passed[/]" if s["validation_passed"] and not s["quarantined"] else
                                    f"[red]failed[/] ({sum(s['quarantined'].values())} rows quarantined under {s['out']}/quarantine)"))
    if s["rejected"]:
        console.print(f"[yellow]{len(s['rejected'])} inputs refused[/] (table {s['out']}/rejections):")
        for r in s["rejected"][:20]:
            console.print(f"  {r['source']!r}: {r['reason']}")
        if len(s["rejected"]) > 20:
            console.print(f"  ... and {len(s['rejected']) - 20} more")
    console.print(f"tables in {s['out']} ({s['seconds'].get('wall', s['seconds']['total'])} s)")


def cmd_serve(a: argparse.Namespace) -> int:
    """Serve a Prefect deployment of the flow that processes new and changed inputs on a schedule."""
    from flows.pipeline import newsfacts_flow

    if not os.environ.get("PREFECT_API_URL"):
        print("warning: PREFECT_API_URL is not set; serving against a temporary local server "
              "(start one with `prefect server start --host 127.0.0.1` and export PREFECT_API_URL)", file=sys.stderr)
    paths = [os.path.abspath(p) for p in (a.paths or [str(DEFAULT_INPUT)])]
    schedule = {"cron": a.cron} if a.cron else {"interval": a.interval}
    newsfacts_flow.serve(name=a.name, parameters={"paths": paths, "out": os.path.abspath(a.out), "model": a.model,
                                                   "batch_size": a.batch_size, "workers": a.workers, "wait_seconds": a.wait,
                                                   "validate_every": a.validate_every},
                         description="Process new and changed articles into the newsfacts tables.", limit=1, **schedule)
    return EXIT_OK


def cmd_docs(a: argparse.Namespace) -> int:
    from tasks.report import data_docs as datadocs

    try:
        index = datadocs.build(a.out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Data Docs: {index}")
    return EXIT_OK


def cmd_show(a: argparse.Namespace) -> int:
    from flows import show

    return show.show(a.what, a.article, a.out, limit=a.limit)


def main(argv: list[str] | None = None) -> int:
    _quiet_env()
    p = argparse.ArgumentParser(prog="newsfacts", description="News articles in, validated Parquet tables out.")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="process articles into tables")
    r.add_argument("paths", nargs="*", help=f"files or folders (default {DEFAULT_INPUT})")
    r.add_argument("--out", default=str(DEFAULT_OUTPUT), help=f"output folder (default {DEFAULT_OUTPUT})")
    r.add_argument("--model", default=os.environ.get("NEWSFACTS_MODEL", "en_core_web_sm"), help="installed spaCy model name or path")
    r.add_argument("--workers", type=_positive, default=None, help="local worker processes (default: all cores)")
    r.add_argument("--dask", metavar="ADDRESS", help="run the batches on this Dask scheduler (tcp://host:port)")
    r.add_argument("--batch-size", type=_positive, default=100, help="most articles per batch task (default 100; batches shrink towards the end of a run)")
    r.add_argument("--validate-every", type=_positive, default=1000, metavar="N",
                   help="validate (and stage) batches in groups of at least N articles (default 1000): one GX call per table and group")
    r.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another run on the same --out (default: refuse at once)")
    r.add_argument("--field", action="append", metavar="NAME=COLUMN", help="bulk inputs: field mapping, e.g. text=body (repeatable)")
    r.add_argument("--max-bytes", type=int, default=20_000_000, help="largest input (uncompressed) accepted, in bytes")
    r.add_argument("--json", action="store_true", help="print the run summary as JSON")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument("--progress", action="store_true", help="progress bar even when not on a terminal")
    r.set_defaults(func=cmd_run)
    v = sub.add_parser("serve", help="serve a scheduled Prefect deployment that processes new and changed inputs")
    v.add_argument("paths", nargs="*", help=f"files or folders to watch (default {DEFAULT_INPUT})")
    v.add_argument("--out", default=str(DEFAULT_OUTPUT))
    g = v.add_mutually_exclusive_group()
    g.add_argument("--cron", help="cron schedule, e.g. '*/15 * * * *'")
    g.add_argument("--interval", type=float, default=3600, help="seconds between runs (default 3600)")
    v.add_argument("--name", default="newsfacts-scheduled", help="deployment name")
    v.add_argument("--model", default=os.environ.get("NEWSFACTS_MODEL", "en_core_web_sm"))
    v.add_argument("--workers", type=_positive, default=None)
    v.add_argument("--batch-size", type=_positive, default=100)
    v.add_argument("--validate-every", type=_positive, default=1000, metavar="N")
    v.add_argument("--wait", type=float, default=600.0, help="seconds a scheduled run waits for a run still writing --out")
    v.set_defaults(func=cmd_serve)
    s = sub.add_parser("show", help="the tables as readable terminal tables")
    s.add_argument("what", choices=["quotes", "entities", "facts"])
    s.add_argument("article", nargs="?", help="article_id, or part of its source path or title")
    s.add_argument("--out", default=str(DEFAULT_OUTPUT))
    s.add_argument("--limit", type=int, default=50)
    s.set_defaults(func=cmd_show)
    d = sub.add_parser("docs", help="build GX Data Docs (static HTML) from the runs' validation results")
    d.add_argument("--out", default=str(DEFAULT_OUTPUT), help="the tables' folder (default processed/)")
    d.set_defaults(func=cmd_docs)
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    try:
        return a.func(a)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
