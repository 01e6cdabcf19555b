"""Screen on every core: rows go to worker processes in small batches and come back in input order.

Workers are forked after the matcher is built, so they share its index with the parent (copy-on-write) instead of
building their own. At most ``workers x AHEAD`` batches are in flight, so memory stays flat however long the input
is: rows are read only as fast as results are written.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool

from threadline.matching.simple import SimpleMatcher
from threadline.risk.goods import GoodsIndex
from threadline.screening.memo import MatchMemo
from threadline.screening.reader import InputRow, SkippedRow
from threadline.screening.screen import ScreenResult, screen

BATCH = 64
AHEAD = 4
MIN_ROWS_PER_WORKER = 200
"""Below this many rows per extra worker, starting processes costs more than it saves."""

_STATE: tuple[MatchMemo, float, GoodsIndex | None] | None = None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _screen_batch(batch: list[InputRow | SkippedRow]) -> list[ScreenResult | SkippedRow]:
    assert _STATE is not None, "worker started without a matcher"
    matcher, threshold, goods = _STATE
    return list(screen(batch, matcher, threshold, goods))


class ParallelScreen:
    """A pool of forked workers that screen batches of rows; use as a context manager."""

    def __init__(self, matcher: SimpleMatcher, threshold: float, goods: GoodsIndex | None, workers: int) -> None:
        global _STATE
        matcher.warm()  # tables built on first use are built once, before the workers fork and share them
        _STATE = (MatchMemo(matcher), threshold, goods)  # each worker remembers the queries it has answered
        self.workers = workers
        self._pool: Pool | None = None
        if workers > 1:
            self._pool = multiprocessing.get_context("fork").Pool(workers)

    def __enter__(self) -> ParallelScreen:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()

    def screen(self, rows: Iterable[InputRow | SkippedRow]) -> Iterator[ScreenResult | SkippedRow]:
        """Results in input order; skipped rows pass through."""
        iterator = iter(rows)
        if self._pool is None:
            while batch := list(islice(iterator, BATCH)):
                yield from _screen_batch(batch)
            return
        pending: deque[AsyncResult[list[ScreenResult | SkippedRow]]] = deque()
        while batch := list(islice(iterator, BATCH)):
            pending.append(self._pool.apply_async(_screen_batch, (batch,)))
            if len(pending) >= self.workers * AHEAD:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def workers_for(requested: int | None, rows_hint: int | None) -> int:
    """How many workers to use: ``requested``, or one per core when the input is large enough to pay for them."""
    if requested is not None:
        return max(1, requested)
    cores = default_workers()
    if rows_hint is not None:
        cores = min(cores, max(1, rows_hint // MIN_ROWS_PER_WORKER))
    return cores
