"""Keep Python's garbage collector out of the way of a process that answers many queries.

Once the lists are open and the reference tables loaded (the general dictionary, the glossary, the exchange-listing
table, pinyin readings), a matcher process holds about 460,000 objects the collector tracks. Each full collection
walks all of them, about 0.1 s against a million-entity index, and falls on whichever query happens to allocate at
the time: it was most of the slowest 1 % of single queries there (p99 270-340 ms with the default settings, about 130
ms with :func:`settle`, p50 unchanged; ``benchmarks/README.md``). None of those objects will become garbage, so
they are moved out of the collector's sight, and the young generations are collected less often: the
matcher's caches fill with short-lived objects by the thousand per query.

This is a policy for a whole process, so only entry points call it (the latency benchmark, and a server or a
notebook that will answer queries for a while); the library never changes the collector on import.
"""

from __future__ import annotations

import gc

SERVING_THRESHOLDS = (50_000, 20, 20)
"""Allocations between young collections, and young collections between older ones (CPython's defaults are 700,
10, 10). Reference cycles are still collected, every few million allocations instead of every 70,000."""


def settle() -> None:
    """Collect once, freeze what is alive (it is kept for the life of the process) and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVING_THRESHOLDS)
