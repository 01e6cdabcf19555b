"""Name normalisation: scripts, legal forms, keys for matching."""
