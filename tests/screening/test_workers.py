"""A forked worker: results in the order the batches were sent, however many are sent ahead; a batch's error is
raised in the parent, and a worker that stopped is reported instead of waited for."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from threadline.screening.workers import Worker, WorkerFailed


def _squares(batch: list[int]) -> list[int]:
    if -1 in batch:
        raise ValueError("no negative rows")
    return [n * n for n in batch]


def _long_lines(batch: list[int]) -> list[str]:
    return ["x" * 10_000 for _ in batch]


def test_results_come_back_in_the_order_sent_with_many_batches_ahead() -> None:
    worker = Worker(multiprocessing.get_context("fork"), _long_lines)
    try:
        for n in range(40):  # 40 x 64 x 10 kB: far more than a pipe holds, in both directions
            worker.send(list(range(n, n + 64)))
        assert [len(worker.receive()) for _ in range(40)] == [64] * 40
    finally:
        worker.stop()
    worker = Worker(multiprocessing.get_context("fork"), _squares)
    try:
        for n in range(5):
            worker.send([n, n + 1])
        assert [worker.receive() for _ in range(5)] == [[n * n, (n + 1) ** 2] for n in range(5)]
        assert not worker.ready()
    finally:
        worker.stop()


def test_a_batchs_error_is_raised_in_the_parent_and_the_worker_goes_on() -> None:
    worker = Worker(multiprocessing.get_context("fork"), _squares)
    try:
        worker.send([2, -1])
        worker.send([3])
        with pytest.raises(ValueError, match="no negative rows"):
            worker.receive()
        assert worker.receive() == [9]
    finally:
        worker.stop()


def test_a_worker_that_stopped_is_reported() -> None:
    worker = Worker(multiprocessing.get_context("fork"), _squares)
    try:
        assert worker.process.pid is not None
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join()
        with pytest.raises(WorkerFailed, match="stopped"):
            worker.receive()
    finally:
        worker.stop()
