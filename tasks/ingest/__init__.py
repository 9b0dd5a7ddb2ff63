"""Stage 1, ingest: find the inputs and turn their bytes into documents.

    discover    find the input files under the paths given, refuse the ones that cannot be inputs
    kinds       what kind of input a file is, from its name
    dispatch    read each input by its kind: RawDocument per article, or Rejection with the reason
    decode      the one place bytes become text (and the encoding recorded)
    published   when an article was published (bulk fields, page metadata, URL)
    formats/    one reader per kind: text, html, bulk (JSON Lines, CSV, Parquet), archive (.gz, .zip)

The stage's entry points are re-exported here: `from tasks import ingest; ingest.discover(paths)`.
"""
from tasks.ingest.discover import InputFile, discover
from tasks.ingest.dispatch import MAX_BYTES, read
from tasks.ingest.kinds import is_bulk

__all__ = ["InputFile", "discover", "read", "MAX_BYTES", "is_bulk"]
