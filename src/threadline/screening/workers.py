"""A forked process that runs batches through one function and sends the results back in the order sent.

What :mod:`threadline.screening.parallel` needs of a worker, without :class:`multiprocessing.pool.Pool`'s three
threads per pool in the parent: its worker-handler thread woke whenever the pool's queue of tasks emptied (every
few batches) and cost 2.1-2.2 s of the parent's CPU per pool on the 100,000-row bench file, its task and result
threads another 0.3 and 1.3-2.0 s, on a 2-core machine where the workers need both cores. Here the parent's own
thread pickles each batch into a pipe and reads the results from another when it wants them.

The parent only ever blocks on sending while the worker is still reading: a thread in the worker takes batches
off the pipe as they come, so a parent that sends many batches ahead never waits on a worker that waits, in turn,
for the parent to read its results.
"""

from __future__ import annotations

import pickle
import queue
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext
from typing import Any, Generic, TypeVar

A = TypeVar("A")
R = TypeVar("R")


class WorkerFailed(RuntimeError):
    """A batch failed in the worker (its traceback is the message) or the worker stopped."""


def _serve(work: Callable[[Any], Any], tasks: Connection, results: Connection) -> None:
    """The worker: batches from ``tasks`` through ``work``, each result (or failure) to ``results`` in order."""
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                batch = tasks.recv()
            except EOFError:
                batch = None
            inbox.put(batch)
            if batch is None:
                return

    threading.Thread(target=receive, daemon=True).start()
    while (batch := inbox.get()) is not None:
        try:
            reply: tuple[bool, Any] = (True, work(batch))
        except Exception as error:  # sent back to be raised in the parent
            reply = (False, _picklable(error))
        results.send(reply)


def _picklable(error: Exception) -> Exception:
    """``error`` with the worker's traceback, or a :class:`WorkerFailed` saying it when it cannot be pickled."""
    text = "".join(traceback.format_exception(error))
    try:
        pickle.dumps(error)
    except Exception:  # an exception holding something that does not pickle
        return WorkerFailed(text)
    error.add_note(f"in the screening worker:\n{text}")
    return error


class Worker(Generic[A, R]):
    """One forked process running ``work`` on each batch :meth:`send` gives it; :meth:`receive` returns the results
    in the order the batches were sent (or raises the batch's error). Use :meth:`stop` when done."""

    def __init__(self, context: ForkContext, work: Callable[[A], R]) -> None:
        tasks_out, tasks_in = context.Pipe(duplex=False)
        results_out, results_in = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(work, tasks_out, results_in), daemon=True)
        self.process.start()
        tasks_out.close()
        results_in.close()
        self._tasks, self._results = tasks_in, results_out

    def send(self, batch: A) -> None:
        self._tasks.send(batch)

    def ready(self) -> bool:
        """Whether a result is waiting to be received."""
        return self._results.poll()

    def receive(self) -> R:
        """The result of the earliest batch not yet received, waiting for it if need be."""
        try:
            done, value = self._results.recv()
        except EOFError:
            self.process.join(1)
            stopped = f"screening worker {self.process.pid} stopped (exit code {self.process.exitcode})"
            raise WorkerFailed(stopped) from None
        if not done:
            raise value
        result: R = value
        return result

    def stop(self) -> None:
        """End the process (unfinished batches are dropped) and close its pipes."""
        self.process.terminate()
        self.process.join()
        self._tasks.close()
        self._results.close()
