"""Scoring list entries against a query name, with an explanation for every score."""
