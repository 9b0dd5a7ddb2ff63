"""Stage 1, ingest: find the inputs and turn their bytes into text documents."""
