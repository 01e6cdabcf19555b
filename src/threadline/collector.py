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

:func:`paused` is the other case: a bulk build (parsing a list, keying its names) makes millions of objects that
either live until it ends or are freed by their reference counts, so full collections in it only walk them.
:func:`off_to_the_end` is the case of a command that does one thing and then its process ends (``threadline
match``): what it makes lives to the end, and the collector is not turned back on at all. :class:`Sweeps` is a
forked screening worker's: the collector off, and a full collection now and then after a batch.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

SERVING_THRESHOLDS = (1_000_000, 20, 20)
"""Allocations between young collections, and young collections between older ones (CPython's defaults are 700,
10, 10). Reference cycles are still collected, every million allocations. A young collection walks the objects
made since the last that are still alive, most of them the matcher's caches filling; at 50,000 (before session 24)
one fell on every 27th query of the latency benchmark at 1M (15-17 ms each) and a collection of the middle
generation on one in 800 (0.2 s): a tenth of the queries' CPU, and enough of them among the slowest to raise the p99
from 26 to 38-43 ms. At a million, one young collection (0.23 s) falls on one query in 800, and the queries' CPU is
a tenth less (``benchmarks/README.md``)."""


def settle() -> None:
    """Collect once, freeze what is alive (it is kept for the life of the process) and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVING_THRESHOLDS)


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, then as it was. Processes forked inside the block start with it off too
    (the build's keying workers): they make no cycles worth collecting before they exit. Parsing the 1M synthetic
    list spent a quarter of its CPU in full collections, keying its names a quarter too (benchmarks/README.md)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def off_to_the_end() -> Iterator[None]:
    """The collector off for the block and not turned back on, and what is alive at the end of the block frozen:
    for an entry point whose process ends with the block (``threadline match``: one look-up). Turned back on, the
    collector's next pass walks everything the block made (0.08-0.1 s after a cold look-up on the 1M list); left
    as it is, the collections the interpreter runs on its way out walk it all again (0.25-0.3 s;
    ``benchmarks/README.md``). Nothing the block made is garbage worth collecting before the process ends."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()


class Sweeps:
    """The collector off in a process that only runs batches of work (a forked screening worker), and a full
    collection after the batch that brings the work done since the last one to ``every`` units.

    Even with :func:`settle`'s thresholds, a screening worker's young collections were an eighth of its CPU (37 a
    3,000 rows, 60-80 ms each, against the 1M synthetic list): the matcher's caches keep about 600 new objects a row,
    and each young collection walks those made since the last. Matching makes almost no reference cycles (3
    unreachable objects in 500 rows, gc.DEBUG_SAVEALL), so reference counting frees nearly everything; the sweeps
    collect what cycles there are, at a cost that lands on one batch in hundreds (``benchmarks/README.md``)."""

    def __init__(self, every: int) -> None:
        gc.disable()
        self.every = every
        self.done = 0
        self.sweeps = 0

    def after(self, work: int) -> None:
        """Count ``work`` more units done; collect when they reach :attr:`every`."""
        self.done += work
        if self.done >= self.every:
            gc.collect()
            self.done = 0
            self.sweeps += 1
