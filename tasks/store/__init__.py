"""Stage 6, store: the output layout, atomic writes, the lock, the manifest (what is new,
changed or unchanged), staging, and the commit through a crash-safe journal."""
