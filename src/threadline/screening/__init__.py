"""Screening a supplier file: read rows, match names, locate addresses, classify products."""
