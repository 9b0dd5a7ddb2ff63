"""How a run's inputs are cut into batches (one `extract-batch` task each).

Batches shrink towards the end of a run (guided scheduling) so that the workers finish
together; a bulk input (JSON Lines, CSV, Parquet, archives) holds many articles and is cut
into slices of items, spread over the workers like files.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tasks import ingest
from tasks.extract.batch import ARTICLE_TIMEOUT, BatchSpec
from tasks.store.manifest import PlannedInput

MIN_BATCH = 50  # fewest work units in a batch, but for the last ones


def batch_specs(todo: list[PlannedInput], *, batch_size: int, n_workers: int, run_id: str, model: str,
                ingested_at: datetime, fields: dict[str, str] | None, max_bytes: int,
                article_timeout: float = ARTICLE_TIMEOUT) -> list[BatchSpec]:
    """The batches of a run, numbered from 0; each work unit is (path, source, sha[, first, end])."""
    work = split_bulk([(i.path, i.source, i.sha) for i in todo], batch_size, fields, max_bytes)
    return [BatchSpec(batch=i, files=b, run_id=run_id, model=model, ingested_at=ingested_at, fields=fields,
                      max_bytes=max_bytes, article_timeout=article_timeout)
            for i, b in enumerate(guided_batches(work, batch_size, n_workers))]


def split_bulk(units: list[tuple], batch_size: int, fields: dict[str, str] | None, max_bytes: int) -> list[tuple | None]:
    """Bulk inputs: count their items and split them into slices (path, source, sha, first,
    end) of batch_size, each followed by placeholders (None) so that it counts as the items it holds."""
    out: list[tuple | None] = []
    for unit in units:
        path, source = unit[0], unit[1]
        if not ingest.is_bulk(path):
            out.append(unit)
            continue
        n = sum(1 for _ in ingest.read([ingest.InputFile(Path(path), source)], max_bytes=max_bytes, fields=fields))
        if n <= batch_size:
            out.append(unit)
            continue
        for first in range(0, n, batch_size):
            out.extend([unit + (first, min(first + batch_size, n))] + [None] * (min(batch_size, n - first) - 1))
    return out


def guided_batches(items: list, size: int, n_workers: int = 1) -> list[list]:
    """Consecutive groups of at most `size` work units, shrinking towards the end (each batch
    takes 1/(2 x workers) of what is left) so that the workers finish together. A bulk slice
    counts as the items it holds (placeholders None)."""
    groups, i = [], 0
    while i < len(items):
        left = len(items) - i
        n = max(1, min(size, max(MIN_BATCH, -(-left // (2 * n_workers)))))
        if 0 < left - n < min(MIN_BATCH, size) // 2:  # no straggler batch under half the minimum
            n = left if left <= size else n
        groups.append(items[i:i + n])
        i += n
    return [[w for w in g if w is not None] for g in groups if any(w is not None for w in g)]
