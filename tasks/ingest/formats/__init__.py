"""One module per kind of input: text files, HTML pages, bulk dumps (JSON Lines, CSV, Parquet), archives."""
