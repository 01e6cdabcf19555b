"""One labelled pair as DESIGN.md §5 writes it, for the slices of bench_pairs.py."""

from __future__ import annotations


def labelled_pair(pid: str, left: str, right: str, label: bool, schema: str = "Company") -> dict[str, object]:
    """A pair of two names of one ``schema``, labelled a match or not."""
    return {
        "id": pid,
        "left": {"schema": schema, "properties": {"name": [left]}},
        "right": {"schema": schema, "properties": {"name": [right]}},
        "label": label,
    }
