"""Shared by every stage: versioned data-file loading (datafiles), hashing (hashing), dates (dates)."""
