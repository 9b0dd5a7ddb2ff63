"""Discovery: the inputs under the paths given, sorted, and every refusal with its reason."""
from __future__ import annotations

import os

from tasks.ingest.discover import InputFile, discover
from tasks.model import Rejection


def test_missing_input_path_is_refused(tmp_path):
    files, rejected = discover([tmp_path / "nope"])
    assert files == [] and [r.reason for r in rejected] == ["input path does not exist"]


def test_folders_searched_for_input_suffixes_hidden_skipped(tmp_path):
    for rel in ("b/story.txt", "a/page.HTM", "a/rows.jsonl.gz", "a/notes.md", "a/.draft.txt", ".cache/x.txt", "c.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files, rejected = discover([tmp_path])
    assert rejected == []
    assert [os.path.relpath(f.source, tmp_path) for f in files] == ["a/page.HTM", "a/rows.jsonl.gz", "b/story.txt", "c.csv"]
    assert all(f.path == tmp_path / os.path.relpath(f.source, tmp_path) for f in files)


def test_a_file_given_is_taken_with_the_name_given(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    files, rejected = discover([str(tmp_path / "notes.md")])
    assert (files, rejected) == ([InputFile(tmp_path / "notes.md", str(tmp_path / "notes.md"))], [])


def test_symlinks_inside_followed_others_refused(tmp_path):
    root = tmp_path / "in"
    (root / "real").mkdir(parents=True)
    (root / "real" / "a.txt").write_text("x", encoding="utf-8")
    os.symlink(root / "real" / "a.txt", root / "alias.txt")  # inside: an input of its own
    os.symlink(root / "real", root / "linked")  # a folder: not followed
    os.symlink(root / "real", root / "dir.txt")  # named like an input, but a folder: not followed either
    os.mkfifo(root / "pipe.txt")
    os.symlink(root / "pipe.txt", root / "to-pipe.txt")
    files, rejected = discover([root])
    assert [f.source for f in files] == [str(root / "alias.txt"), str(root / "real" / "a.txt")]
    assert rejected == [
        Rejection(str(root / "dir.txt"), "symlinked folder not followed"),
        Rejection(str(root / "linked"), "symlinked folder not followed"),
        Rejection(str(root / "pipe.txt"), "not a regular file (FIFO, socket or device)"),
        Rejection(str(root / "to-pipe.txt"), "symlink does not point at a regular file"),
    ]
