"""Find the input files under the paths given, and refuse the ones that cannot be inputs.

Folders are searched recursively for the suffixes of tasks.ingest.kinds; hidden files and
folders (name starting with ".") are skipped. Symlinks are followed only when they point at
a regular file inside the folder being walked: symlinked folders, broken or looping links,
links leading outside and links to anything but a regular file are refused, as are FIFOs,
sockets and devices (reading one would block or never end) and unreadable folders. A path
given that does not exist is refused; a file given is taken whatever its name.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tasks.ingest.kinds import SUFFIXES
from tasks.model import Rejection


@dataclass
class InputFile:
    path: Path  # where to read it
    source: str  # the path as the user gave it (joined with the relative part)


def discover(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[Rejection]]:
    """Every input file under the given paths (files or folders, recursively), sorted by source."""
    found: list[InputFile] = []
    rejected: list[Rejection] = []
    for given in paths:
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            rejected.append(Rejection(str(given), "input path does not exist"))
        elif root.is_file():
            found.append(InputFile(root, str(given)))
        else:
            _walk(root, str(given), found, rejected)
    found.sort(key=lambda f: f.source)
    return found, rejected


def _walk(root: Path, given: str, found: list[InputFile], rejected: list[Rejection]) -> None:
    """Add the inputs of one folder to `found` and its refusals to `rejected`, in walking order."""
    try:
        root_real = root.resolve(strict=True)
    except (OSError, RuntimeError) as e:
        rejected.append(Rejection(given, f"cannot resolve input folder: {e}"))
        return

    def onerror(err: OSError) -> None:
        rejected.append(Rejection(str(err.filename), f"unreadable folder: {err.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in list(dirnames):
            if os.path.islink(os.path.join(dirpath, d)):
                dirnames.remove(d)
                rejected.append(Rejection(os.path.join(dirpath, d), "symlinked folder not followed"))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            full = Path(dirpath) / name
            refusal = _refusal(full, root_real)
            if refusal is None:
                found.append(InputFile(full, str(full)))
            else:
                rejected.append(Rejection(str(full), refusal))


def _refusal(full: Path, root_real: Path) -> str | None:
    """Why a file found in a folder cannot be read as an input, or None when it can."""
    if full.is_symlink():
        try:
            target = full.resolve(strict=True)
        except (OSError, RuntimeError) as e:
            return f"broken or looping symlink: {e.__class__.__name__}"
        if root_real not in target.parents:
            return f"symlink points outside the input folder ({target})"
        if not target.is_file():
            return "symlink does not point at a regular file"
        return None
    if not full.is_file():
        return "not a regular file (FIFO, socket or device)"
    return None


__all__ = ["InputFile", "discover"]
