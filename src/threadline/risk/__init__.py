"""Region (Xinjiang) and sector risk signals."""
