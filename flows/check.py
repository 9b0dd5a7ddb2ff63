"""`newsfacts check [--repair]` and `newsfacts run --dry-run`: what the tables hold and what a
run would do, said before anything changes.

  check           every file of the tables against the manifest (rows, bytes, SHA-256);
                  exit 0 when all are as registered, EXIT_DAMAGED otherwise
  check --repair  takes the damaged files out of the tables (into _newsfacts/damaged/<run>/),
                  extracts their articles again from their inputs where these still exist,
                  and removes (and lists) the articles no input can give again
  run --dry-run   the inputs new, changed, unchanged, and extracted again because of the
                  version; what an upgrade does to the tables; the damaged files that would
                  stop the run. Nothing is written, Prefect is not started.
"""
from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape

from flows import pipeline
from tasks.extract.batch import ARTICLE_TIMEOUT
from tasks.nlp.model import DEFAULT_MODEL
from tasks.store import verify
from tasks.store.layout import OutputLayout
from tasks.store.lock import output_lock
from tasks.store.manifest import Manifest

EXIT_OK, EXIT_REJECTED, EXIT_DAMAGED = 0, 3, 7  # as flows.cli numbers them


def dry_run(paths: list[str], out: str, as_json: bool, console: Console) -> int:
    """Print what a run on `paths` would do; EXIT_DAMAGED when damaged files would stop it."""
    d = pipeline.dry_run(paths, out)
    if as_json:
        print(json.dumps(d))
        return EXIT_DAMAGED if d["damaged"] else EXIT_OK
    n = d["inputs"]
    console.print(f"[bold]newsfacts {escape(d['pipeline_version'])}[/] dry run on {escape(d['out'])}: {n['new']} new, "
                  f"{n['changed']} changed, {n['unchanged']} unchanged inputs, {n['upgrade']} to extract again because of "
                  f"the version", soft_wrap=True)
    if d["upgrade"]:
        console.print(f"upgrade: {escape(d['upgrade'])}", soft_wrap=True)
        console.print(f"  {d['inputs_outside_paths']} of those inputs are outside the given paths (read where the manifest "
                      f"recorded them); {d['articles_kept_as_they_are']} held articles have no input to extract them from "
                      f"({escape(d['held_without_input'])})", soft_wrap=True)
    if d["interrupted_commit"]:
        console.print("[yellow]an interrupted commit is finished first[/]")
    _print_damages(d["damaged"], out, console)
    if not d["damaged"]:
        console.print("nothing written (dry run)")
    return EXIT_DAMAGED if d["damaged"] else EXIT_OK


def check(out: str, repair: bool, wait_seconds: float, as_json: bool, console: Console, model: str = DEFAULT_MODEL,
          workers: int | None = None, article_timeout: float = ARTICLE_TIMEOUT) -> int:
    """Verify every file of the tables (and with `repair`, mend the damaged ones)."""
    if repair:
        return _repair(out, wait_seconds, as_json, console, model, workers, article_timeout)
    layout = OutputLayout(out)
    with output_lock(layout, wait_seconds=wait_seconds):  # a commit in progress would look like damage
        manifest = Manifest.load(layout)
        damages = [str(d) for d in verify.full(layout, manifest)]
    if as_json:
        print(json.dumps({"out": str(layout.root), "registered": manifest.parts is not None, "damaged": damages}))
    elif damages:
        _print_damages(damages, out, console)
    elif manifest.parts is None:
        console.print(f"the tables in {escape(out)} were written before newsfacts registered its files: every part is "
                      "readable (footers checked); the next run registers them", soft_wrap=True)
    else:
        console.print(f"all {len(manifest.parts)} files of the tables in {escape(out)} are as registered", soft_wrap=True)
    return EXIT_DAMAGED if damages else EXIT_OK


def _repair(out: str, wait_seconds: float, as_json: bool, console: Console, model: str, workers: int | None,
            article_timeout: float) -> int:
    """A run on no new inputs that takes the damaged files out and extracts their articles again."""
    s = pipeline.run_pipeline([], out, model=model, workers=workers, wait_seconds=wait_seconds, repair=True,
                              article_timeout=article_timeout)
    fixed = s["repaired"]
    if as_json:
        print(json.dumps(s, default=str))
    elif not fixed["files"]:
        console.print(f"nothing to repair in {escape(out)}", soft_wrap=True)
    else:
        console.print(f"repaired {escape(out)}: {len(fixed['files'])} damaged files taken out of the tables (kept in "
                      f"_newsfacts/damaged/{escape(s['run_id'])}/), {fixed['articles']} articles extracted again "
                      f"from {s['inputs']['repair'] + s['inputs']['upgrade']} inputs", soft_wrap=True)
        if fixed["lost"]:
            console.print(f"[red]{len(fixed['lost'])} articles lost[/] (no input holds them any more; removed from every table): "
                          + ", ".join(fixed["lost"][:20]), soft_wrap=True)
    if fixed["lost"]:
        return EXIT_DAMAGED
    return EXIT_REJECTED if s["rejected"] or s["quarantined"] else EXIT_OK


def _print_damages(damages: list[str], out: str, console: Console) -> None:
    if not damages:
        return
    console.print(f"[red]{len(damages)} damaged files[/] in the tables of {escape(out)}:", soft_wrap=True)
    for d in damages:
        console.print(f"  {escape(d)}", soft_wrap=True)
    console.print(f"a run refuses to start until they are repaired: newsfacts check --repair --out {escape(out)}", soft_wrap=True)
