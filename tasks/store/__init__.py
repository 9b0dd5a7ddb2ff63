"""Stage 6, store: output layout, staging, journal and commit, manifest, lock."""
