"""Stage 5, validate: GX suites derived from the schemas and the thresholds (suites, metrics,
thresholds), running them (gx), the checks that need a second table (checks), a group of
batches validated at once (group), which rows are quarantined, and why (quarantine), and what
a run warns about (findings, drift). docs/VALIDATION.md says what is checked, at which severity."""
