"""Quotations: marks and pairing, attribution, carry-over, speaker resolution."""
