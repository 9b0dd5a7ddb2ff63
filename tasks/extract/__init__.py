"""Stage 4, extract: from a parsed article to the rows of every table."""
