"""Faults of the output folder, injected for real: a full disk (a 1 MB tmpfs) while staging and
while committing, a folder that is (or turns) read-only (a read-only remount: root ignores file
permissions), and table parts damaged by hand. Each time: a clear message naming the folder or
the file, the tables as they were, no staging left to fill the disk, and the next run complete."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from tasks.schemas import TABLES
from tasks.store.layout import OutputLayout
from tasks.store.tables import read_table

ARTICLES = {
    "a.txt": "Council approves harbour budget\nThe council of Port Averly approved a budget of \u00a34.2m on Monday.\n"
             "\"This is a good day for the harbour,\" said Mayor Jane Roe.\n",
    "b.txt": "Bakery opens ten shops\nGolden Crust will open 10 shops in Leeds next year, creating 120 jobs.\n",
    "c.txt": "Ferry fares rise\nFares on the Carrow ferry will rise by 5% in April, the operator said on Tuesday.\n"
             "\"We have held prices for three years,\" said chief executive Tom Hale.\n",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, Path]:
    """in1/ (a, b: the first run) and in2/ (c: what the faulty run adds)."""
    root = tmp_path_factory.mktemp("inputs")
    for folder, names in (("in1", ["a.txt", "b.txt"]), ("in2", ["c.txt"])):
        (root / folder).mkdir()
        for name in names:
            (root / folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return root / "in1", root / "in2"


@pytest.fixture(scope="module")
def first(inputs, tmp_path_factory, nlp) -> Path:
    """The tables of the first run (in1), copied where each test needs them."""
    from flows.pipeline import run_pipeline

    out = tmp_path_factory.mktemp("first") / "out"
    run_pipeline([str(inputs[0])], str(out), workers=1)
    return out


@pytest.fixture(scope="module")
def reference(inputs, first, tmp_path_factory) -> Path:
    """The tables of both runs done without a fault."""
    from flows.pipeline import run_pipeline

    out = tmp_path_factory.mktemp("reference") / "out"
    shutil.copytree(first, out)
    run_pipeline([str(p) for p in inputs], str(out), workers=1)
    return out


def _mount(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture()
def tmpfs(tmp_path):
    """A real 1 MB tmpfs (skipped where mounting is not permitted)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    r = _mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)])
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    yield mnt
    _mount(["-o", "remount,rw", str(mnt)])
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _read_only(mnt: Path, on: bool) -> None:
    r = _mount(["-o", f"remount,{'ro' if on else 'rw'}", str(mnt)])
    assert r.returncode == 0, r.stderr


def _fill(mnt: Path) -> Path:
    """Take every free byte of the file system (a file written until ENOSPC)."""
    filler = mnt / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 16, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


def _files(out: Path) -> dict[str, bytes]:
    """Every file of the tables and the manifest, with its bytes."""
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and "_newsfacts" not in p.parts}
    return files | {"manifest": (out / "_newsfacts" / "manifest.json").read_bytes()}


def _same_tables(out: Path, ref: Path) -> None:
    for t in TABLES:
        got, want = (read_table(o, t).drop(columns=["month", "ingested_at"], errors="ignore").astype(str) for o in (out, ref))
        key = list(want.columns)
        assert got.sort_values(key).reset_index(drop=True).equals(want.sort_values(key).reset_index(drop=True)), t


def _no_leftovers(out: Path) -> None:
    """No staged files and no temporary file left behind."""
    staging = OutputLayout(out).staging_root
    assert not staging.exists() or not any(staging.iterdir())
    assert not [p for p in out.rglob("*.tmp")] and not OutputLayout(out).journal.exists()


def _fails_and_changes_nothing(inputs, out: Path, expect: str) -> str:
    """A run with the fault in place fails with a message naming the folder and the fault, and
    the tables (and the manifest) stay byte for byte as they were."""
    from flows.pipeline import OutputUnwritable, run_pipeline

    before = _files(out)
    with pytest.raises(OutputUnwritable) as e:
        run_pipeline([str(p) for p in inputs], str(out), workers=1)
    assert str(out) in str(e.value) and expect in str(e.value), str(e.value)
    assert _files(out) == before
    return str(e.value)


def _completes(inputs, out: Path, reference: Path) -> None:
    """The next run, the fault gone, lands what the faulty ones did not, and nothing is left behind."""
    from flows.pipeline import run_pipeline

    s = run_pipeline([str(p) for p in inputs], str(out), workers=1)
    assert s["inputs"]["new"] == 1 and s["articles_written"] == 1
    _same_tables(out, reference)
    _no_leftovers(out)


@pytest.mark.slow
def test_a_full_disk_while_staging_or_at_commit_fails_clearly_and_gives_the_space_back(tmpfs, inputs, first, reference, monkeypatch):
    from flows import pipeline

    out = tmpfs / "out"
    shutil.copytree(first, out)
    filler = _fill(tmpfs)  # full before the run: its first staged part does not fit
    message = _fails_and_changes_nothing(inputs, out, "no space left on the device (during validate-group")
    assert "The tables are as they were before this run, and its staged files were removed" in message
    _no_leftovers(out)  # its staging went at once: the space is back
    filler.unlink()
    real_commit = pipeline.commit

    def fill_then_commit(*args, **kwargs):  # another writer takes the disk between staging and commit
        _fill(tmpfs)
        return real_commit(*args, **kwargs)

    monkeypatch.setattr(pipeline, "commit", fill_then_commit)
    _fails_and_changes_nothing(inputs, out, "no space left on the device (during commit")
    _no_leftovers(out)
    monkeypatch.setattr(pipeline, "commit", real_commit)
    filler.unlink()
    _completes(inputs, out, reference)


@pytest.mark.slow
def test_a_read_only_folder_before_or_during_a_run_fails_clearly_and_the_next_run_cleans_up(tmpfs, inputs, first, reference,
                                                                                            monkeypatch):
    from flows import pipeline

    out = tmpfs / "out"
    shutil.copytree(first, out)
    _read_only(tmpfs, True)
    _fails_and_changes_nothing(inputs, out, "the file system is read-only (during plan)")  # before extracting anything
    _read_only(tmpfs, False)
    real_commit = pipeline.commit

    def read_only_then_commit(*args, **kwargs):  # the folder turns read-only between staging and commit
        _read_only(tmpfs, True)
        return real_commit(*args, **kwargs)

    monkeypatch.setattr(pipeline, "commit", read_only_then_commit)
    _fails_and_changes_nothing(inputs, out, "its staged files could not be removed yet (the next run removes them)")
    monkeypatch.setattr(pipeline, "commit", real_commit)
    _read_only(tmpfs, False)
    assert any(OutputLayout(out).staging_root.iterdir())  # left by the failed run, removed by the next
    _completes(inputs, out, reference)


@pytest.mark.slow
def test_damaged_parts_stop_the_run_with_their_paths_and_check_repair_mends_them(inputs, reference, tmp_path, capsys):
    from flows import cli
    from flows.pipeline import DamagedTables, run_pipeline

    out = tmp_path / "out"
    shutil.copytree(reference, out)
    quotes = sorted((out / "quotes").rglob("*.parquet"))[0]
    quotes.write_bytes(quotes.read_bytes()[: quotes.stat().st_size // 2])  # cut in half, as a sync tool might
    paragraphs = sorted((out / "paragraphs").rglob("*.parquet"))[-1]
    paragraphs.unlink()
    stray = out / "articles" / "month=2026-01" / "part-copy.parquet"
    stray.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(sorted((out / "articles").rglob("*.parquet"))[0], stray)
    with pytest.raises(Exception):  # the damage is real: every reader fails on the table
        pd.read_parquet(out / "quotes")
    before = _files(out)
    with pytest.raises(DamagedTables) as e:
        run_pipeline([str(p) for p in inputs], str(out), workers=1)
    damaged = {str(p.relative_to(out)) for p in (quotes, paragraphs, stray)}
    assert {d.path for d in e.value.damages} == damaged and _files(out) == before
    capsys.readouterr()
    assert cli.main(["check", "--out", str(out)]) == cli.EXIT_DAMAGED
    err = capsys.readouterr().err
    assert all(p in err for p in damaged), err
    assert cli.main(["check", "--out", str(out), "--repair", "--workers", "1"]) == cli.EXIT_OK
    _same_tables(out, reference)
    assert len(pd.read_parquet(out / "quotes")) == len(read_table(reference, "quotes"))
    assert cli.main(["check", "--out", str(out)]) == cli.EXIT_OK
    again = run_pipeline([str(p) for p in inputs], str(out), workers=1)
    assert again["inputs"]["unchanged"] == 3 and again["articles_written"] == 0
