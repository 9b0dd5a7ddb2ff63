"""Stage 5, validate: GX suites derived from the schemas, group validation, quarantine."""
