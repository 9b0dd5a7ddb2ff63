"""The `newsfacts` command line.

    newsfacts run [PATH ...] [--out DIR] [options]     articles in, validated Parquet tables out, then the report
    newsfacts show quotes|entities|facts [ARTICLE] [--out DIR]
    newsfacts report [--out DIR] [--html FILE]        one self-contained HTML page from the tables
    newsfacts serve [PATH ...] [--out DIR] [--cron EXPR | --interval SECONDS]
    newsfacts check [--out DIR] [--repair]            every file of the tables against the manifest

Every run is a Prefect flow run: with PREFECT_API_URL set it reports to that server,
otherwise Prefect starts its temporary local server for the run.

Arguments are checked before anything starts: a wrong argument or an input that does not
exist is a usage error (one line of usage, the reason, exit 2). Every path option (--out,
--html) is resolved against the current folder the same way; input paths are passed on as
written (they are recorded so in articles.source). No traceback reaches the user (set
NEWSFACTS_DEBUG=1 to see one).

Exit status: 0 done; 1 error; 2 usage error; 3 some input refused or rows quarantined (the
rest landed); 4 another run holds the output folder; 5 landed with validation warnings (the
summary, the report and runs.jsonl list them); 6 both 3 and 5; 7 files of the tables
damaged (a run refuses to start; `check --repair` mends them).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time

from rich.markup import escape

from tasks.paths import DEFAULT_INPUT, DEFAULT_OUTPUT

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED, EXIT_LOCKED = 0, 1, 2, 3, 4  # EXIT_USAGE: argparse's own
EXIT_WARNINGS, EXIT_REJECTED_AND_WARNINGS = 5, 6
EXIT_DAMAGED = 7  # files of the tables damaged (`newsfacts check --repair` mends them), or articles lost to a damage


def _quiet_env() -> None:
    """No telemetry, and a startup timeout that suits slow machines."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("TQDM_DISABLE", "1")


def _fields(pairs: list[str] | None) -> dict[str, str] | None:
    """--field NAME=COLUMN options as a mapping (each already checked by _field_pair)."""
    if not pairs:
        return None
    return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in pairs)}


def _field_pair(text: str) -> str:
    name, sep, column = text.partition("=")
    if not sep or not name.strip() or not column.strip():
        raise argparse.ArgumentTypeError(f"expects NAME=COLUMN, e.g. text=body, not {text!r}")
    return text


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a whole number, not {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _seconds(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a number of seconds, not {text!r}") from None
    if not v >= 0 or v == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds from 0, not {text}")
    return v


def _cron(text: str) -> str:
    if len(text.split()) != 5:
        raise argparse.ArgumentTypeError(f"expects five fields (minute hour day month weekday), e.g. '*/15 * * * *', not {text!r}")
    return text


def _location(text: str) -> str:
    """A path option (--out, --html): absolute, resolved against the current folder, so that
    every subcommand and every later step sees the same path."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expects a path, not an empty string")
    return os.path.abspath(os.path.expanduser(text))


def cmd_run(a: argparse.Namespace) -> int:
    from rich.console import Console

    console = Console(stderr=True)
    t0 = time.perf_counter()
    from flows import server as prefect_server

    # Prefect's temporary server (when no server is configured) boots while the rest gets ready
    early = None if a.dry_run else prefect_server.start_if_needed()
    return _run(a, console, t0, early)


def _run(a: argparse.Namespace, console, t0: float, early) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flows import pipeline
    from flows import server as prefect_server
    from tasks.store.lock import LockedError

    paths = a.paths or [str(DEFAULT_INPUT)]
    if a.dry_run:
        from flows import check

        return check.dry_run(paths, a.out, a.json, console)
    progress = Progress(TextColumn("[bold]newsfacts[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs"), TimeElapsedColumn(),
                        console=console, disable=a.quiet or not console.is_terminal and not a.progress)
    task_id = progress.add_task("run", total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task_id, completed=done, total=total)

    runtime = pipeline.Runtime(progress=on_progress)
    if not a.no_report:
        runtime.later.append(_load_report)  # the report's libraries (matplotlib, Jinja2), while the workers extract
    if not a.dask:
        # Prepare while Prefect starts: a small run warms the model and GX up here (its one
        # batch runs in this process); a larger one starts the worker processes right away.
        runtime.prepare(paths, a.out, a.model, a.workers)
    kwargs = dict(model=a.model, batch_size=a.batch_size, workers=a.workers, wait_seconds=a.wait, validate_every=a.validate_every,
                  fields=_fields(a.field), max_bytes=a.max_bytes, article_timeout=a.article_timeout)
    prefect_lost = False
    try:
        with progress, prefect_server.serving(early):
            summary = pipeline.build_flow(runtime, a.dask)(paths=paths, out=a.out, **kwargs)
    except LockedError as e:
        console.print("[red]refused:[/]", escape(str(e)))
        return EXIT_LOCKED
    except pipeline.DamagedTables as e:
        console.print("[red]refused:[/]", escape(str(e)), soft_wrap=True)
        return EXIT_DAMAGED
    except pipeline.StageFailed as e:
        console.print("[red]error:[/]", escape(str(e)))
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001 - after the commit (Prefect's server gone): the run stands
        if runtime.summary is None:
            raise
        summary, prefect_lost = runtime.summary, True
        console.print(f"[yellow]warning:[/] the run committed its tables, but Prefect could not record its end "
                      f"({escape(_reason(e))}): its flow run may show as still running", soft_wrap=True)
    finally:
        runtime.stop_pool()
    summary["seconds"]["wall"] = round(time.perf_counter() - t0, 2)
    # the tables are committed: a report that fails now is a warning, never a lost run
    summary["report"] = None if a.no_report else _write_report(a.out, console)
    if a.json:
        print(json.dumps(summary, default=str))
    else:
        _print_summary(summary, console)
    if prefect_lost:
        _exit_now(exit_status(summary))
    return exit_status(summary)


def _exit_now(code: int) -> None:
    """Exit without Prefect's exit-time work: with its server gone it would retry every queued
    event and log line for minutes (~7 s each), and deliver none of them."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def exit_status(summary: dict) -> int:
    """3 when inputs were refused or rows quarantined, 5 when the run landed with validation
    warnings, 6 when both, else 0."""
    lost, warned = bool(summary["rejected"] or summary["quarantined"]), bool(summary.get("warnings"))
    if lost:
        return EXIT_REJECTED_AND_WARNINGS if warned else EXIT_REJECTED
    return EXIT_WARNINGS if warned else EXIT_OK


def _load_report() -> None:
    import tasks.report.page  # noqa: F401 - imported now, so that writing the report after the commit is quicker


def _write_report(out: str, console) -> str | None:
    """The run report of the output folder; on failure a warning (the tables are already committed)."""
    from tasks.report import page

    try:
        return str(page.build(out))
    except Exception as e:  # noqa: BLE001 - whatever breaks the report, the run's tables stand
        console.print(f"[yellow]warning:[/] the tables are written, but the report failed: {escape(_reason(e))} "
                      f"(retry with `newsfacts report --out {escape(out)}`)")
        return None


def _print_summary(s: dict, console) -> None:
    from rich.table import Table

    inp = s["inputs"]
    console.print(f"[bold]newsfacts {escape(s['pipeline_version'])}[/] run {escape(s['run_id'])}: "
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
    out = escape(s["out"])
    console.print("validation: " + ("[green]passed[/]" if s["validation_passed"] and not s["quarantined"] else
                                    f"[red]failed[/] ({sum(s['quarantined'].values())} rows quarantined under {out}/quarantine)"))
    _print_warnings(s.get("warnings") or [], console)
    if s["rejected"]:
        console.print(f"[yellow]{len(s['rejected'])} inputs refused[/] (table {out}/rejections):")
        for r in s["rejected"][:20]:
            console.print(f"  {escape(repr(r['source']))}: {escape(r['reason'])}")
        if len(s["rejected"]) > 20:
            console.print(f"  ... and {len(s['rejected']) - 20} more")
    # paths on lines of their own, never wrapped, so that they can be copied
    console.print(f"tables in {out} ({s['seconds'].get('wall', s['seconds']['total'])} s)", soft_wrap=True)
    if s.get("report"):
        console.print(f"report: {escape(s['report'])}", soft_wrap=True)


def _print_warnings(warnings: list[dict], console) -> None:
    """Validation warnings, loud: the rows landed, but something looks wrong with the extraction."""
    if not warnings:
        return
    console.print(f"[bold yellow]{len(warnings)} validation warnings[/] (the rows landed; exit status 5, or 6 with refusals):")
    for w in warnings[:20]:
        console.print(f"  [bold yellow]WARNING[/] {escape(w['table'])}: {escape(w['message'])}", soft_wrap=True)
    if len(warnings) > 20:
        console.print(f"  ... and {len(warnings) - 20} more (runs.jsonl)")


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
                                                   "validate_every": a.validate_every, "article_timeout": a.article_timeout},
                         description="Process new and changed articles into the newsfacts tables.", limit=1, **schedule)
    return EXIT_OK


def cmd_report(a: argparse.Namespace) -> int:
    from tasks.report import page

    if a.cmd == "docs":
        print("note: `newsfacts docs` now writes the report (GX's Data Docs site needed the internet); "
              "the GX validation results stay as JSON in OUT/_newsfacts/validations/", file=sys.stderr)
    print(f"report: {page.build(a.out, a.html)}")
    return EXIT_OK


def cmd_check(a: argparse.Namespace) -> int:
    from rich.console import Console

    from flows import check
    from tasks.store.lock import LockedError

    try:
        return check.check(a.out, a.repair, a.wait, a.json, Console(stderr=not a.json), model=a.model, workers=a.workers,
                           article_timeout=a.article_timeout)
    except LockedError as e:
        print(f"refused: {e}", file=sys.stderr)
        return EXIT_LOCKED


def cmd_show(a: argparse.Namespace) -> int:
    from flows import show

    return show.show(a.what, a.article, a.out, limit=a.limit)


RUN_EXAMPLES = """examples:
  newsfacts run raw/ --out processed/
  newsfacts run corpus/ --out tables/ --workers 2 --batch-size 100
  newsfacts run dump.jsonl.gz --field text=body --field id=guid
  newsfacts run corpus/ --dask tcp://127.0.0.1:8786
  newsfacts run raw/ --out processed/ --dry-run     what a run would do (after an upgrade, too)

exit status: 0 done; 3 some input refused or rows quarantined (the rest landed);
5 landed with validation warnings; 6 both 3 and 5; 4 another run holds --out;
7 damaged files in the tables (see newsfacts check); 2 usage error; 1 error"""
SHOW_EXAMPLES = """examples:
  newsfacts show quotes putin --out processed/
  newsfacts show facts 3f2a9c0d1e4b5a6f --limit 20"""
REPORT_EXAMPLES = """examples:
  newsfacts report --out processed/                  writes processed/_newsfacts/report.html
  newsfacts report --out processed/ --html report.html"""
CHECK_EXAMPLES = """examples:
  newsfacts check --out processed/            every file of the tables against the manifest
  newsfacts check --out processed/ --repair   take damaged files out, extract their articles again

exit status: 0 every file as registered (or all repaired); 7 damaged files (or articles that
no input could give again); 4 another run holds --out; 2 usage error; 1 error"""
SERVE_EXAMPLES = """examples:
  newsfacts serve /data/incoming --out /data/tables --cron '*/15 * * * *'
  newsfacts serve raw/ --interval 600"""


def _subcommand(sub, name: str, usage: str, help: str, examples: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, prog=f"newsfacts {name}", usage=f"%(prog)s {usage}", help=help, description=help[0].upper() + help[1:] + ".",
                          epilog=examples, formatter_class=argparse.RawDescriptionHelpFormatter)


def _pipeline_options(r: argparse.ArgumentParser, wait: float) -> None:
    """Options that `run` and `serve` share."""
    r.add_argument("--out", type=_location, default=str(DEFAULT_OUTPUT), metavar="DIR", help=f"output folder (default {DEFAULT_OUTPUT})")
    r.add_argument("--model", default=os.environ.get("NEWSFACTS_MODEL", "en_core_web_sm"), metavar="NAME",
                   help="installed spaCy model name or path (en_core_web_md, after `make model-md`: more accurate entities, ~1.45x slower)")
    r.add_argument("--workers", type=_positive, default=None, metavar="N", help="local worker processes (default: all cores)")
    r.add_argument("--batch-size", type=_positive, default=100, metavar="N", help="most articles per batch task (default 100; batches shrink towards the end of a run)")
    r.add_argument("--validate-every", type=_positive, default=1000, metavar="N",
                   help="validate (and stage) batches in groups of at least N articles (default 1000; a remainder under N/2 joins the "
                        "last group): one GX call per table and group")
    r.add_argument("--wait", type=_seconds, default=wait, metavar="SECONDS",
                   help=f"seconds to wait for another run on the same --out (default {wait:g}{': refuse at once' if not wait else ''})")
    r.add_argument("--article-timeout", type=_seconds, default=60.0, metavar="SECONDS",
                   help="time budget of one article (clean, parse, extract; default 60, 0: none): an article over it is "
                        "refused with reason 'timeout' and the rest of its batch lands")


def _add_run(sub) -> None:
    r = _subcommand(sub, "run", "[PATH ...] [--out DIR] [options]", "process articles into tables, then write the report", RUN_EXAMPLES)
    r.add_argument("paths", nargs="*", metavar="PATH", help=f"files or folders, recorded as written in articles.source (default {DEFAULT_INPUT})")
    _pipeline_options(r, wait=0.0)
    r.add_argument("--dask", metavar="ADDRESS", help="run the batches on this Dask scheduler (tcp://host:port)")
    r.add_argument("--field", action="append", type=_field_pair, metavar="NAME=COLUMN", help="bulk inputs: field mapping, e.g. text=body (repeatable)")
    r.add_argument("--max-bytes", type=_positive, default=20_000_000, metavar="N", help="largest input (uncompressed) accepted, in bytes")
    r.add_argument("--json", action="store_true", help="print the run summary as JSON")
    r.add_argument("--dry-run", action="store_true",
                   help="say what the run would do (inputs new, changed, unchanged, extracted again because of the version; "
                        "damaged files) and write nothing")
    r.add_argument("--no-report", action="store_true", help="do not write the report (OUT/_newsfacts/report.html) after the run")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument("--progress", action="store_true", help="progress bar even when not on a terminal")
    r.set_defaults(func=cmd_run, check=_check_run, usage_error=r.error)


def _add_serve(sub) -> None:
    v = _subcommand(sub, "serve", "[PATH ...] [--out DIR] [--cron EXPR | --interval SECONDS] [options]",
                    "serve a scheduled Prefect deployment that processes new and changed inputs", SERVE_EXAMPLES)
    v.add_argument("paths", nargs="*", metavar="PATH", help=f"files or folders to watch (default {DEFAULT_INPUT})")
    _pipeline_options(v, wait=600.0)
    g = v.add_mutually_exclusive_group()
    g.add_argument("--cron", type=_cron, help="cron schedule, e.g. '*/15 * * * *'")
    g.add_argument("--interval", type=_seconds, default=3600, metavar="SECONDS", help="seconds between runs (default 3600)")
    v.add_argument("--name", default="newsfacts-scheduled", help="deployment name")
    v.set_defaults(func=cmd_serve, check=_check_serve, usage_error=v.error)


def _add_show(sub) -> None:
    s = _subcommand(sub, "show", "quotes|entities|facts [ARTICLE] [--out DIR] [--limit N]",
                    "show the tables as readable terminal tables", SHOW_EXAMPLES)
    s.add_argument("what", choices=["quotes", "entities", "facts"])
    s.add_argument("article", nargs="?", help="article_id, or part of its source path or title")
    s.add_argument("--out", type=_location, default=str(DEFAULT_OUTPUT), metavar="DIR", help=f"the tables' folder (default {DEFAULT_OUTPUT})")
    s.add_argument("--limit", type=_positive, default=50, metavar="N", help="most rows shown (default 50)")
    s.set_defaults(func=cmd_show, check=_check_tables, usage_error=s.error)


def _add_report(sub, name: str, help: str) -> None:
    d = _subcommand(sub, name, "[--out DIR] [--html FILE]", help, REPORT_EXAMPLES)
    d.add_argument("--out", type=_location, default=str(DEFAULT_OUTPUT), metavar="DIR", help=f"the tables' folder (default {DEFAULT_OUTPUT})")
    d.add_argument("--html", type=_location, metavar="FILE", help="where to write the page (default OUT/_newsfacts/report.html)")
    d.set_defaults(func=cmd_report, check=_check_report, usage_error=d.error)


def _add_check(sub) -> None:
    c = _subcommand(sub, "check", "[--out DIR] [--repair] [options]",
                    "verify every file of the tables against the manifest (rows, bytes, SHA-256); --repair mends them", CHECK_EXAMPLES)
    c.add_argument("--out", type=_location, default=str(DEFAULT_OUTPUT), metavar="DIR", help=f"the tables' folder (default {DEFAULT_OUTPUT})")
    c.add_argument("--repair", action="store_true",
                   help="take damaged files out of the tables (into OUT/_newsfacts/damaged/) and extract their articles again "
                        "from their inputs, where these still exist")
    c.add_argument("--model", default=os.environ.get("NEWSFACTS_MODEL", "en_core_web_sm"), metavar="NAME",
                   help="--repair: the spaCy model the tables were made with")
    c.add_argument("--workers", type=_positive, default=None, metavar="N", help="--repair: local worker processes")
    c.add_argument("--article-timeout", type=_seconds, default=60.0, metavar="SECONDS", help="--repair: time budget of one article")
    c.add_argument("--wait", type=_seconds, default=0.0, metavar="SECONDS", help="seconds to wait for a run on the same --out")
    c.add_argument("--json", action="store_true", help="print the findings (or the repair's run summary) as JSON")
    c.set_defaults(func=cmd_check, check=_check_tables, usage_error=c.error)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsfacts", usage="newsfacts {run,show,report,serve,check} ...",
                                description="News articles in, validated Parquet tables out.",
                                epilog="`newsfacts COMMAND --help` shows a command's options and examples.")
    sub = p.add_subparsers(dest="cmd", required=True, metavar="{run,show,report,serve,check}")
    _add_run(sub)
    _add_show(sub)
    _add_report(sub, "report", "write the run report: one self-contained HTML page from the tables")
    _add_serve(sub)
    _add_check(sub)
    _add_report(sub, "docs", "the same as `report` (the GX Data Docs site it built needed the internet)")
    return p


def _check_inputs(paths: list[str]) -> str | None:
    for path in paths:
        if not os.path.lexists(path):
            return f"no such file or folder: {path}"
    return None


def _check_out(out: str) -> str | None:
    return f"--out is a file, not a folder: {out}" if os.path.exists(out) and not os.path.isdir(out) else None


def _check_fields(pairs: list[str] | None) -> str | None:
    if not pairs:
        return None
    from tasks.ingest.formats.bulk import FIELD_DEFAULTS, unknown_fields  # (only when --field is given)

    bad = unknown_fields(_fields(pairs))
    return f"--field: no field named {', '.join(bad)} (the fields: {', '.join(FIELD_DEFAULTS)})" if bad else None


def _check_run(a: argparse.Namespace) -> str | None:
    return _check_inputs(a.paths or [str(DEFAULT_INPUT)]) or _check_out(a.out) or _check_fields(a.field)


def _check_serve(a: argparse.Namespace) -> str | None:
    if not a.cron and not a.interval:
        return "--interval must be more than 0 seconds"
    return _check_inputs(a.paths or [str(DEFAULT_INPUT)]) or _check_out(a.out)


def _check_tables(a: argparse.Namespace) -> str | None:
    from tasks.store.layout import OutputLayout
    from tasks.schemas import TABLES

    layout = OutputLayout(a.out)
    if not any(layout.table(t).is_dir() for t in TABLES):
        return f"no newsfacts tables in {a.out} (write them with `newsfacts run PATH --out {a.out}`)"
    return None


def _check_report(a: argparse.Namespace) -> str | None:
    if a.html and os.path.isdir(a.html):
        return f"--html is a folder, not a file: {a.html}"
    return _check_tables(a)


def _reason(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return f"{type(e).__name__}: {lines[0] if lines else ''}".rstrip(": ")


def main(argv: list[str] | None = None) -> int:
    _quiet_env()
    p = parser()
    a, extra = p.parse_known_args(argv)
    problem = f"unrecognized arguments: {' '.join(extra)}" if extra else a.check(a)
    if problem:
        a.usage_error(problem)  # one line of usage and the problem, exit 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    try:
        return a.func(a)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - the one place an unexpected error meets the user: one line, no traceback
        if os.environ.get("NEWSFACTS_DEBUG"):
            raise
        print(f"error: {_reason(e)} (NEWSFACTS_DEBUG=1 shows the traceback)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
