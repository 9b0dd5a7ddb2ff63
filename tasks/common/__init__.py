"""Shared by every stage: versioned data-file loading, hashing, date resolution."""
