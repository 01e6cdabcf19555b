"""Screen on every core: rows go to worker processes in small batches and come back in input order.

Workers are forked after the matcher is built, so they share its index with the parent (copy-on-write) instead of
building their own. At most ``workers x AHEAD`` batches are in flight, so memory stays flat however long the input
is: rows are read only as fast as results are written.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool

from threadline.matching.model import Hit, Query
from threadline.matching.simple import SimpleMatcher
from threadline.risk.goods import GoodsIndex
from threadline.screening.memo import MEMO_SIZE, MatchMemo
from threadline.screening.reader import InputRow, SkippedRow
from threadline.screening.routing import Router
from threadline.screening.screen import HIT_LIMIT, ScreenResult, assess, row_query, with_hits

BATCH = 64
AHEAD = 4
MIN_ROWS_PER_WORKER = 200
"""Below this many rows per extra worker, starting processes costs more than it saves."""

_STATE: tuple[MatchMemo, float, GoodsIndex | None] | None = None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _screen_batch(batch: list[InputRow | SkippedRow], repeats: list[bool]) -> list[ScreenResult | SkippedRow]:
    """Screen a batch in a worker; a row marked as a repeat is screened without its name (the parent gives it the
    hits of the row it repeats: :class:`_Repeats`)."""
    assert _STATE is not None, "worker started without a matcher"
    matcher, threshold, goods = _STATE
    return [
        item
        if isinstance(item, SkippedRow)
        else assess(item, matcher, threshold, goods=goods, hits=() if repeat else None)
        for item, repeat in zip(batch, repeats, strict=True)
    ]


class _Repeats:
    """Rows whose name query was already sent to a worker, and the hits of those whose results are back.

    Each worker remembers the queries it answered (:class:`~threadline.screening.memo.MatchMemo`), but not those
    another worker answered: with two workers, a fifth of the rows of a 100,000-row supplier file were matched
    twice. Results come back in input order, so when a repeated row's result comes back, the row it repeats has
    come back before it, with its hits: the parent fills them in and only the worker's address and product checks
    are run for the repeat. Both memories are bounded; a repeat whose hits were forgotten is matched here."""

    def __init__(self, matcher: MatchMemo, threshold: float, size: int = MEMO_SIZE) -> None:
        self.matcher = matcher
        self.threshold = threshold
        self.size = size
        self._sent: OrderedDict[Query, None] = OrderedDict()
        self._hits: OrderedDict[Query, tuple[Hit, ...]] = OrderedDict()

    def mark(self, batch: list[InputRow | SkippedRow]) -> list[bool]:
        """Which rows of a batch about to be sent repeat a query sent before."""
        repeats = []
        for item in batch:
            if isinstance(item, SkippedRow):
                repeats.append(False)
                continue
            query = row_query(item)
            repeats.append(query in self._sent)
            self._sent[query] = None
            self._sent.move_to_end(query)
            if len(self._sent) > self.size:
                self._sent.popitem(last=False)
        return repeats

    def settle(self, item: ScreenResult | SkippedRow, repeat: bool) -> ScreenResult | SkippedRow:
        """A result as it comes back: a repeat gets the hits of the row it repeats; any other is remembered."""
        if isinstance(item, SkippedRow):
            return item
        query = row_query(item.row)
        if repeat:
            known = self._hits.get(query)
            if known is None:
                known = tuple(self.matcher.match(query, limit=HIT_LIMIT, threshold=self.threshold))
            item = with_hits(item, known)
        self._hits[query] = item.hits
        self._hits.move_to_end(query)
        if len(self._hits) > self.size:
            self._hits.popitem(last=False)
        return item


class ParallelScreen:
    """Forked workers that screen batches of rows; use as a context manager.

    Each worker is a pool of its own, so that every row of one supplier can be sent to the same one
    (:class:`~threadline.screening.routing.Router`); a worker's batch is sent once it has :data:`BATCH` rows, and
    results are put back in input order as they come back."""

    def __init__(self, matcher: SimpleMatcher, threshold: float, goods: GoodsIndex | None, workers: int) -> None:
        global _STATE
        matcher.warm()  # tables built on first use are built once, before the workers fork and share them
        _STATE = (MatchMemo(matcher), threshold, goods)  # each worker remembers the queries it has answered
        self.workers = workers
        self._pools: list[Pool] = []
        if workers > 1:
            # The workers share the parent's tables (the index's names, the glossary, the memo's keys) page by page
            # until written to. A worker's collector would walk all of them in every full collection (a fifth of a
            # second each) and so copy them; frozen before the fork they are left alone, and a worker's full
            # collections cost half as much (0.11 -> 0.07 ms per row over 3,000 rows). The parent thaws at once.
            gc.freeze()
            try:
                context = multiprocessing.get_context("fork")
                self._pools = [context.Pool(1) for _ in range(workers)]
            finally:
                gc.unfreeze()

    def __enter__(self) -> ParallelScreen:
        return self

    def __exit__(self, *_exc: object) -> None:
        for pool in self._pools:
            pool.terminate()
        for pool in self._pools:
            pool.join()

    def screen(self, rows: Iterable[InputRow | SkippedRow]) -> Iterator[ScreenResult | SkippedRow]:
        """Results in input order; skipped rows pass through."""
        iterator = iter(rows)
        if not self._pools:
            while batch := list(islice(iterator, BATCH)):
                yield from _screen_batch(batch, [False] * len(batch))  # the memo answers repeats in-process
            return
        assert _STATE is not None
        yield from _InOrder(self._pools, _Repeats(_STATE[0], _STATE[1])).screen(iterator)


class _InOrder:
    """Rows sent to the worker :class:`~threadline.screening.routing.Router` picks, results given back in input
    order. At most ``workers x AHEAD`` batches are in flight; a row waiting in a batch not yet full is sent at once
    when it is the next one to give back, so the results waiting for it stay few."""

    def __init__(self, pools: list[Pool], repeats: _Repeats) -> None:
        self.pools = pools
        self.repeats = repeats
        self.router = Router(len(pools))
        self.filling: list[list[tuple[int, InputRow]]] = [[] for _ in pools]
        self.flight: deque[tuple[AsyncResult[list[ScreenResult | SkippedRow]], list[int], list[bool], int]] = deque()
        self.back: dict[int, tuple[ScreenResult | SkippedRow, bool]] = {}
        self.next = 0

    def screen(self, rows: Iterator[InputRow | SkippedRow]) -> Iterator[ScreenResult | SkippedRow]:
        for at, item in enumerate(rows):
            if isinstance(item, SkippedRow):
                self.back[at] = (item, False)
            else:
                worker = self.router.route(item.name)
                self.filling[worker].append((at, item))
                if len(self.filling[worker]) >= BATCH:
                    self._send(worker)
            while len(self.flight) >= len(self.pools) * AHEAD:
                self._receive()
                yield from self._ready()
            yield from self._ready()
        for worker in range(len(self.pools)):
            if self.filling[worker]:
                self._send(worker)
        while self.flight:
            self._receive()
            yield from self._ready()
        yield from self._ready()

    def _send(self, worker: int) -> None:
        sent, self.filling[worker] = self.filling[worker], []
        batch: list[InputRow | SkippedRow] = [item for _at, item in sent]
        marks = self.repeats.mark(batch)
        done = self.pools[worker].apply_async(_screen_batch, (batch, marks))
        self.flight.append((done, [at for at, _item in sent], marks, worker))

    def _receive(self) -> None:
        done, where, marks, worker = self.flight.popleft()
        results = done.get()
        self.router.back(worker, len(results))
        for at, result, mark in zip(where, results, marks, strict=True):
            self.back[at] = (result, mark)

    def _ready(self) -> Iterator[ScreenResult | SkippedRow]:
        """The results that are next in input order; sends the batch holding the next row if it is still filling."""
        while True:
            found = self.back.pop(self.next, None)
            if found is None:
                waiting = next((w for w, rows in enumerate(self.filling) if rows and rows[0][0] == self.next), None)
                if waiting is not None:
                    self._send(waiting)
                return
            self.next += 1
            yield self.repeats.settle(*found)


def workers_for(requested: int | None, rows_hint: int | None) -> int:
    """How many workers to use: ``requested``, or one per core when the input is large enough to pay for them."""
    if requested is not None:
        return max(1, requested)
    cores = default_workers()
    if rows_hint is not None:
        cores = min(cores, max(1, rows_hint // MIN_ROWS_PER_WORKER))
    return cores
