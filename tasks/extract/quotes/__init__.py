"""Quotations: marks and pairing, attribution, carry-over, speaker resolution.

Entry point: `tasks.extract.quotes.extract.extract(art, doc, ents)` -> rows of the quotes table.
"""
