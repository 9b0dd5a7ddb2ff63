"""Stage 7, report: documents built from the tables and the run logs."""
