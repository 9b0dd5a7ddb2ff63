"""Stage 6, store: the output layout, atomic writes, the lock, the manifest (what is new,
changed or unchanged), staging, the commit through a crash-safe journal, upgrades of tables
another version wrote (`upgrade`), and the check of every file against the manifest (`verify`)."""
