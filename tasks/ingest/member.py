"""What the readers pass around: one input to read by its kind, a file or a member of an archive."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from tasks.model import RawDocument, Rejection

Item = RawDocument | Rejection  # what reading an input yields, one per article or refusal
Opener = Callable[[], IO[bytes]]


@dataclass(frozen=True)
class Member:
    """A file, or a member of an archive: its name (whose suffixes tell its kind) and its bytes."""

    source: str  # how its documents and refusals are named ("dump.zip/pages/a.html")
    name: str  # its file name
    open: Opener  # a new stream of its (decompressed) bytes
    size: int | None = None  # bytes on disk for a file; None inside an archive (checked there)
    depth: int = 0  # how many archives it lies inside

    @property
    def in_archive(self) -> bool:
        """Read through a decompressor: its stream cannot seek."""
        return self.depth > 0


__all__ = ["Item", "Opener", "Member"]
