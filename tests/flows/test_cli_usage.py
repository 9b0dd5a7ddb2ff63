"""The command line's hygiene: wrong arguments and missing inputs are usage errors (one line
of usage, the reason, exit 2) found before anything starts; every --help has an example;
path options resolve the same way relative or absolute; no traceback reaches the user; a
run writes the report after its commit and says where."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from flows import cli

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["run", "show", "report", "serve", "docs", "check"]


def usage_error(capsys, argv: list[str]) -> tuple[list[str], str]:
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    captured = capsys.readouterr()
    assert e.value.code == 2, (argv, captured.err)
    return captured.err.strip().splitlines(), captured.out


@pytest.mark.parametrize("argv, usage, reason", [
    ([], "usage: newsfacts {run,show,report,serve,check} ...", "the following arguments are required"),
    (["frobnicate"], "usage: newsfacts {run,show,report,serve,check} ...", "invalid choice: 'frobnicate'"),
    (["run", "--out"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "argument --out: expected one argument"),
    (["run", "--batch-size", "many"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "expects a whole number, not 'many'"),
    (["run", "--workers", "0"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "must be at least 1, not 0"),
    (["run", "--field", "body"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "expects NAME=COLUMN, e.g. text=body, not 'body'"),
    (["run", "--wait", "-1"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "must be a number of seconds from 0, not -1"),
    (["run", "--max-bytes", "0"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "must be at least 1, not 0"),
    (["run", "--frob"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "unrecognized arguments: --frob"),
    (["run", "--article-timeout", "-1"], "usage: newsfacts run [PATH ...] [--out DIR] [options]", "must be a number of seconds from 0, not -1"),
    (["check", "extra"], "usage: newsfacts check [--out DIR] [--repair] [options]", "unrecognized arguments: extra"),
    (["show"], "usage: newsfacts show quotes|entities|facts [ARTICLE] [--out DIR] [--limit N]", "required: what"),
    (["show", "speeches"], "usage: newsfacts show quotes|entities|facts [ARTICLE] [--out DIR] [--limit N]", "invalid choice: 'speeches'"),
    (["show", "quotes", "--limit", "0"], "usage: newsfacts show quotes|entities|facts [ARTICLE] [--out DIR] [--limit N]", "must be at least 1"),
    (["report", "extra"], "usage: newsfacts report [--out DIR] [--html FILE]", "unrecognized arguments: extra"),
    (["docs", "--html"], "usage: newsfacts docs [--out DIR] [--html FILE]", "argument --html: expected one argument"),
    (["serve", "--cron", "hourly"], "usage: newsfacts serve [PATH ...] [--out DIR] [--cron EXPR | --interval SECONDS] [options]",
     "expects five fields"),
    (["serve", "--interval", "0"], "usage: newsfacts serve [PATH ...] [--out DIR] [--cron EXPR | --interval SECONDS] [options]",
     "--interval must be more than 0 seconds"),
    (["serve", "--cron", "* * * * *", "--interval", "5"], "usage: newsfacts serve [PATH ...] [--out DIR] [--cron EXPR | --interval SECONDS] [options]",
     "not allowed with argument"),
])
def test_wrong_arguments_give_one_line_of_usage_and_the_reason(capsys, argv, usage, reason):
    err, out = usage_error(capsys, argv)
    assert len(err) == 2 and err[0] == usage and reason in err[1], err
    assert err[1].startswith(usage.split()[1] + (" " + argv[0] if argv and argv[0] in COMMANDS else "") + ": error: "), err
    assert out == ""


NO_TABLES = "no newsfacts tables in /no/such/folder (write them with `newsfacts run PATH --out /no/such/folder`)"


@pytest.mark.parametrize("argv, reason", [
    (["run", "/no/such/path"], "no such file or folder: /no/such/path"),
    (["run", str(ROOT / "raw"), "/no/such/path"], "no such file or folder: /no/such/path"),
    (["run", str(ROOT / "raw"), "--field", "body=text"], "--field: no field named body (the fields: text, title, url, published_at, id)"),
    (["serve", "/no/such/path"], "no such file or folder: /no/such/path"),
    (["show", "quotes", "--out", "/no/such/folder"], NO_TABLES),
    (["report", "--out", "/no/such/folder"], NO_TABLES),
    (["docs", "--out", "/no/such/folder"], NO_TABLES),
    (["check", "--out", "/no/such/folder"], NO_TABLES),
])
def test_a_missing_input_or_an_unknown_field_is_a_usage_error(capsys, argv, reason):
    err, _ = usage_error(capsys, argv)
    assert len(err) == 2 and err[0].startswith(f"usage: newsfacts {argv[0]} ") and err[1] == f"newsfacts {argv[0]}: error: {reason}"


def test_out_or_html_that_is_the_wrong_kind_of_path_is_a_usage_error(capsys, tmp_path, seed_run):
    out, _, _ = seed_run
    (tmp_path / "file").write_text("x")
    err, _ = usage_error(capsys, ["run", str(ROOT / "raw"), "--out", str(tmp_path / "file")])
    assert err[1] == f"newsfacts run: error: --out is a file, not a folder: {tmp_path / 'file'}"
    err, _ = usage_error(capsys, ["report", "--out", str(out), "--html", str(tmp_path)])
    assert err[1] == f"newsfacts report: error: --html is a folder, not a file: {tmp_path}"


def test_run_on_a_missing_path_says_so_at_once_every_time(tmp_path):
    """Before anything starts (no Prefect, no output folder), and the same answer twice."""
    out = tmp_path / "out"
    for _ in range(2):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "flows.cli", "run", "/no/such/path", "--out", str(out)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert time.perf_counter() - t < 5
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.splitlines() == ["usage: newsfacts run [PATH ...] [--out DIR] [options]",
                                         "newsfacts run: error: no such file or folder: /no/such/path"]
    assert not out.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_subcommand_gives_an_example(capsys, command):
    with pytest.raises(SystemExit) as e:
        cli.main([command, "--help"])
    assert e.value.code == 0
    text = capsys.readouterr().out
    examples = text.split("examples:\n", 1)[1]
    assert examples.splitlines()[0].startswith(f"  newsfacts {'report' if command == 'docs' else command} "), text


def test_top_level_help_names_the_commands(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["--help"])
    text = capsys.readouterr().out
    assert e.value.code == 0 and "{run,show,report,serve,check}" in text and "--help` shows a command's options and examples" in text


def test_path_options_resolve_relative_paths_like_absolute_ones(tmp_path, monkeypatch, capsys, seed_run):
    """`docs --out processed` (relative) crashed with "is not in the subpath of"."""
    out, _, _ = seed_run
    monkeypatch.chdir(out.parent)
    assert cli.main(["report", "--out", out.name, "--html", "../page.html"]) == 0
    assert capsys.readouterr().out == f"report: {out.parent.parent / 'page.html'}\n"
    assert (out.parent.parent / "page.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert cli.main(["docs", "--out", out.name]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"report: {out / '_newsfacts' / 'report.html'}\n"
    assert captured.err.startswith("note: `newsfacts docs` now writes the report")
    parsed = cli.parser().parse_args(["run", "x", "--out", "rel/out"])
    assert parsed.out == str(out.parent / "rel" / "out") and parsed.paths == ["x"]  # inputs stay as written


def test_an_unexpected_error_is_one_line_without_a_traceback(capsys, monkeypatch, seed_run):
    from tasks.report import page

    def broken(out, html=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(page, "build", broken)
    monkeypatch.delenv("NEWSFACTS_DEBUG", raising=False)
    assert cli.main(["report", "--out", str(seed_run[0])]) == 1
    err = capsys.readouterr().err
    assert err == "error: OSError: [Errno 28] No space left on device (NEWSFACTS_DEBUG=1 shows the traceback)\n"


def test_a_failing_report_is_a_warning_and_the_run_stands(monkeypatch, seed_run):
    from tasks.report import page

    def broken(out, html=None):
        raise ValueError("chart exploded")

    monkeypatch.setattr(page, "build", broken)
    console = Console(record=True, width=300, file=open(os.devnull, "w"))
    assert cli._write_report(str(seed_run[0]), console) is None
    assert console.export_text().strip() == (f"warning: the tables are written, but the report failed: ValueError: chart exploded "
                                             f"(retry with `newsfacts report --out {seed_run[0]}`)")


def test_run_writes_the_report_after_the_commit_and_gives_its_path(seed_run):
    out, proc, summary = seed_run
    assert summary["report"] == str(out / "_newsfacts" / "report.html")
    page = Path(summary["report"]).read_text(encoding="utf-8")
    assert f"Tables in <code>{out}</code>" in page and summary["run_id"] in page
    assert "Traceback" not in proc.stderr


def test_the_summary_prints_paths_and_reasons_as_text():
    """Input names and refusal reasons are never console markup."""
    summary = {"pipeline_version": "0.1.0", "run_id": "r1", "inputs": {"new": 1, "changed": 0, "unchanged": 0}, "articles_written": 0,
               "articles_removed": 0, "rows": {}, "quarantined": {}, "validation_passed": True, "out": "/data/[red]out",
               "rejected": [{"source": "in/[/bold].txt", "reason": "binary file [sic]"}], "seconds": {"total": 1.0, "wall": 1.5},
               "report": "/data/[red]out/_newsfacts/report.html"}
    console = Console(record=True, width=300, file=open(os.devnull, "w"))
    cli._print_summary(summary, console)
    text = console.export_text()
    assert "  'in/[/bold].txt': binary file [sic]" in text
    assert "tables in /data/[red]out (1.5 s)" in text and "report: /data/[red]out/_newsfacts/report.html" in text


SUMMARY = {"run_id": "r1", "out": "", "pipeline_version": "0.1.0", "inputs": {"new": 1, "changed": 0, "unchanged": 0},
           "articles_written": 1, "articles_removed": 0, "rows": {"articles": 1}, "quarantined": {}, "validation_passed": True,
           "rejected": [], "seconds": {"total": 1.0}}


@pytest.fixture
def fake_pipeline(monkeypatch, tmp_path):
    """cmd_run around a stand-in flow: records what happens in which order."""
    from flows import pipeline, server
    from tasks.report import page

    calls: list[str] = []

    class Runtime:
        def __init__(self, progress=None):
            self.later = []

        def prepare(self, *args, **kwargs):
            calls.append("prepare")

        def stop_pool(self):
            calls.append("stop pool")

    def build_flow(runtime, dask):
        def flow(paths, out, **kwargs):
            calls.append("flow: process and commit")
            return dict(SUMMARY, out=out, seconds=dict(SUMMARY["seconds"]))
        return flow

    def build(out, html=None):
        calls.append("report")
        return Path(out) / "_newsfacts" / "report.html"

    monkeypatch.setattr(pipeline, "Runtime", Runtime)
    monkeypatch.setattr(pipeline, "build_flow", build_flow)
    monkeypatch.setattr(server, "start_if_needed", lambda: None)  # the fake flow needs no Prefect server
    monkeypatch.setattr(page, "build", build)
    return calls


@pytest.mark.parametrize("no_report", [False, True])
def test_run_writes_the_report_after_the_commit_unless_told_not_to(fake_pipeline, capsys, tmp_path, no_report):
    argv = ["run", str(ROOT / "raw"), "--out", str(tmp_path / "out"), "--json", "--quiet"] + (["--no-report"] if no_report else [])
    assert cli.main(argv) == 0
    summary = json.loads(capsys.readouterr().out)
    if no_report:
        assert fake_pipeline == ["prepare", "flow: process and commit", "stop pool"] and summary["report"] is None
    else:
        assert fake_pipeline == ["prepare", "flow: process and commit", "stop pool", "report"]
        assert summary["report"] == str(tmp_path / "out" / "_newsfacts" / "report.html")
