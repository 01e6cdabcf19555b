"""Screen on every core: rows go to worker processes in small batches and come back in input order.

Workers are forked after the matcher is built, so they share its index with the parent (copy-on-write) instead of
building their own. At most ``workers x AHEAD + 1`` batches of rows are read ahead of the results, so memory stays
flat however long the input is: rows are read only as fast as results are written.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Generic, TypeVar

from threadline.collector import Sweeps
from threadline.matching.simple import SimpleMatcher
from threadline.risk.goods import GoodsIndex
from threadline.screening.memo import MatchMemo
from threadline.screening.reader import InputRow, SkippedRow
from threadline.screening.routing import Router
from threadline.screening.screen import Encoded, ScreenResult, assess, encoded
from threadline.screening.workers import Worker

BATCH = 64
AHEAD = 8
"""Batches read ahead of the results per worker (see :class:`_InOrder`). Each worker is sent only its own
suppliers' rows, so one that has finished its batches cannot take another's: the window must hold enough rows for
the other to work on while one is behind a slow batch."""
MIN_ROWS_PER_WORKER = 200
"""Below this many rows per extra worker, starting processes costs more than it saves."""
SWEEP_ROWS = 25_000
"""Rows a worker screens between two full collections, its collector being off otherwise (:class:`Sweeps`): two
for each of two workers on the 100,000-row bench file."""

_STATE: tuple[MatchMemo, float, GoodsIndex | None] | None = None
_SWEEPS: Sweeps | None = None
"""A worker's collector policy, made by its first batch (in the worker, not in the parent that forks it)."""
T = TypeVar("T", ScreenResult, Encoded)
Batch = list[InputRow | SkippedRow]
Job = tuple[Callable[[Batch], list[Any]], Batch]
"""What a worker is sent: the function to screen a batch with, and the batch."""


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _screen_batch(batch: Batch) -> list[ScreenResult | SkippedRow]:
    """Screen a batch in a worker (its memo answers the queries it has answered before)."""
    assert _STATE is not None, "worker started without a matcher"
    matcher, threshold, goods = _STATE
    return [item if isinstance(item, SkippedRow) else assess(item, matcher, threshold, goods=goods) for item in batch]


def _encode_batch(batch: Batch) -> list[Encoded | SkippedRow]:
    """:func:`_screen_batch`, each result as its output line."""
    return [item if isinstance(item, SkippedRow) else encoded(item) for item in _screen_batch(batch)]


def _run(job: Job) -> list[Any]:
    """A worker's job: one of the functions above and its batch."""
    global _SWEEPS
    if _SWEEPS is None:
        _SWEEPS = Sweeps(SWEEP_ROWS)
    work, batch = job
    done = work(batch)
    _SWEEPS.after(len(batch))
    return done


class ParallelScreen:
    """Forked workers that screen batches of rows; use as a context manager.

    Each worker is a process with its own pipes (:class:`~threadline.screening.workers.Worker`), so that every row
    of one supplier can be sent to the same one
    (:class:`~threadline.screening.routing.Router`); a worker's batch is sent once it has :data:`BATCH` rows, and
    results are put back in input order as they come back."""

    def __init__(self, matcher: SimpleMatcher, threshold: float, goods: GoodsIndex | None, workers: int) -> None:
        global _STATE
        matcher.warm()  # tables built on first use are built once, before the workers fork and share them
        _STATE = (MatchMemo(matcher), threshold, goods)  # each worker remembers the queries it has answered
        self.workers = workers
        self._workers: list[Worker[Job, list[Any]]] = []
        if workers > 1:
            # The workers share the parent's tables (the index's names, the glossary, the memo's keys) page by page
            # until written to. A worker's collector would walk all of them in every full collection (a fifth of a
            # second each) and so copy them; frozen before the fork they are left alone, and a worker's full
            # collections cost half as much (0.11 -> 0.07 ms per row over 3,000 rows). The parent thaws at once.
            gc.freeze()
            try:
                context = multiprocessing.get_context("fork")
                self._workers = [Worker(context, _run) for _ in range(workers)]
            finally:
                gc.unfreeze()

    def __enter__(self) -> ParallelScreen:
        return self

    def __exit__(self, *_exc: object) -> None:
        for worker in self._workers:
            worker.stop()

    def screen(self, rows: Iterable[InputRow | SkippedRow]) -> Iterator[ScreenResult | SkippedRow]:
        """Results in input order; skipped rows pass through."""
        return self._run(_screen_batch, rows)

    def lines(self, rows: Iterable[InputRow | SkippedRow]) -> Iterator[Encoded | SkippedRow]:
        """:meth:`screen`'s results as the lines ``threadline screen`` writes, each with its risk, encoded in the
        workers: for a caller that adds nothing to a row's record (no evidence links, no recorded run), so the
        parent, which reads every row and writes every line while the workers need both cores, does less."""
        return self._run(_encode_batch, rows)

    def _run(
        self, work: Callable[[Batch], list[T | SkippedRow]], rows: Iterable[InputRow | SkippedRow]
    ) -> Iterator[T | SkippedRow]:
        iterator = iter(rows)
        if not self._workers:
            while batch := list(islice(iterator, BATCH)):
                yield from work(batch)  # the memo answers repeats in-process
            return
        yield from _InOrder(self._workers, work).screen(iterator)


class _InOrder(Generic[T]):
    """Rows sent to the worker the :class:`~threadline.screening.routing.Router` picks, results given back in input
    order. Finished batches are collected as soon as they are done, whichever worker did them (so the router sees
    which worker has the fewer rows in hand). Rows are read at most ``workers x AHEAD + 1`` batches ahead of the
    results; only then does the parent wait, for the batch holding the next row to give back (sent first if it is
    still filling). It never waits for one worker while the other could take rows: a worker with a slow batch (64
    new Chinese names) keeps the rows of its suppliers queued, and the other gets the new ones."""

    def __init__(self, workers: list[Worker[Job, list[Any]]], work: Callable[[Batch], list[T | SkippedRow]]) -> None:
        self.workers = workers
        self.work: Callable[[Batch], list[T | SkippedRow]] = work
        self.router = Router(len(workers))
        self.filling: list[list[tuple[int, InputRow]]] = [[] for _ in workers]
        self.flights: list[deque[list[int]]] = [deque() for _ in workers]
        """Per worker, the rows of each batch sent and not yet received, in the order sent (its results' order)."""
        self.back: dict[int, T | SkippedRow] = {}
        self.next = 0
        self.ahead = (len(workers) * AHEAD + 1) * BATCH

    def screen(self, rows: Iterator[InputRow | SkippedRow]) -> Iterator[T | SkippedRow]:
        read = 0
        for read, item in enumerate(rows, start=1):
            if isinstance(item, SkippedRow):
                self.back[read - 1] = item
            else:
                worker = self.router.route(item.name)
                self.filling[worker].append((read - 1, item))
                if len(self.filling[worker]) >= BATCH:
                    self._send(worker)
            self._collect()
            while read - self.next >= self.ahead:
                self._wait_for_next()
                yield from self._ready()
            yield from self._ready()
        while self.next < read:
            self._wait_for_next()
            yield from self._ready()

    def _send(self, worker: int) -> None:
        sent, self.filling[worker] = self.filling[worker], []
        batch: Batch = [item for _at, item in sent]
        self.workers[worker].send((self.work, batch))
        self.flights[worker].append([at for at, _item in sent])

    def _receive(self, worker: int) -> None:
        where = self.flights[worker].popleft()
        results: list[T | SkippedRow] = self.workers[worker].receive()
        self.router.back(worker, len(results))
        self.back.update(zip(where, results, strict=True))

    def _collect(self) -> None:
        """Collect every batch already done, without waiting."""
        for worker, flight in enumerate(self.flights):
            while flight and self.workers[worker].ready():
                self._receive(worker)

    def _wait_for_next(self) -> None:
        """Wait for the batch holding the next row to give back (sent first if it is still filling)."""
        if self.next in self.back:
            return
        for worker in range(len(self.workers)):
            if self.filling[worker] and self.filling[worker][0][0] == self.next:
                self._send(worker)
            flight = self.flights[worker]
            if flight and flight[0][0] == self.next:  # a worker's batches hold its rows in input order
                self._receive(worker)
                return
        raise AssertionError(f"row {self.next} is neither back, in flight nor waiting to be sent")

    def _ready(self) -> Iterator[T | SkippedRow]:
        """The results that are next in input order."""
        while (found := self.back.pop(self.next, None)) is not None:
            self.next += 1
            yield found


def workers_for(requested: int | None, rows_hint: int | None) -> int:
    """How many workers to use: ``requested``, or one per core when the input is large enough to pay for them."""
    if requested is not None:
        return max(1, requested)
    cores = default_workers()
    if rows_hint is not None:
        cores = min(cores, max(1, rows_hint // MIN_ROWS_PER_WORKER))
    return cores
