"""Numeric facts: the number scanner, unit and kind, the fact rows."""
