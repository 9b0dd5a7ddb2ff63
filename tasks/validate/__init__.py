"""Stage 5, validate: GX suites derived from the schemas (suites), running them (gx), a group
of batches validated at once (group), and which rows are quarantined, and why (quarantine)."""
