"""Counts as a ranking that is the same on every build of the page."""
from __future__ import annotations

from collections.abc import Iterable


def ranked(counts: Iterable[tuple[object, int]]) -> list[tuple[str, int]]:
    """(name, count) pairs, the largest count first and ties in name order."""
    return sorted(((str(k), int(v)) for k, v in counts), key=lambda kv: (-kv[1], kv[0]))
