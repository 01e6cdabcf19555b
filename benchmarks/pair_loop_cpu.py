"""CPU time of threadline's timed loop in bench_pairs.py, alone: for comparing two trees on a shared machine.

bench_pairs.py reports pairs per second by the wall clock, next to nomenklatura's matchers timed the same way; on a
machine other jobs share, one round swings by a tenth. This runs threadline's part of :func:`bench_pairs.speed`
the same way (every slice's pairs, cold, after the warm-up pairs and :func:`threadline.collector.settle`) and
prints the CPU time of the loop (``time.thread_time``), all slices and the Han/Latin companies alone; with
``--second``, also a second pass over the same pairs, when every name's forms are remembered.

Usage: THREADLINE_LISTED_HOLD_OUT=1 PYTHONPATH=TREE/src .venv/bin/python benchmarks/pair_loop_cpu.py [--second]
(run base and branch trees alternately, several rounds, and compare the medians).
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any

from bench_pairs import WARM_UP, all_slices

from threadline import settings
from threadline.collector import settle
from threadline.exc import BadRowError
from threadline.matching.pairs import score_pair
from threadline.matching.simple import SimpleMatcher


def timed_pass(matcher: SimpleMatcher, slices: dict[str, list[dict[str, Any]]], limit: float) -> dict[str, float]:
    """CPU seconds per slice of scoring every pair once, as ``threadline pairs`` scores them."""
    spent = {}
    for name, records in slices.items():
        started = time.thread_time()
        for row, record in enumerate(records, start=1):
            with contextlib.suppress(BadRowError):
                score_pair(matcher, record, row, limit)
        spent[name] = time.thread_time() - started
    return spent


def main() -> None:
    slices = all_slices(settings.shared_data_dir())
    matcher, limit = SimpleMatcher([]), settings.match_threshold()
    for record in WARM_UP:
        score_pair(matcher, record, 0, limit)
    settle()
    passes = [timed_pass(matcher, slices, limit)]
    if "--second" in sys.argv[1:]:
        passes.append(timed_pass(matcher, slices, limit))
    for number, spent in enumerate(passes, start=1):
        companies = spent["han-latin-companies"]
        print(f"pass {number}: cpu {sum(spent.values()):.3f} s, han-latin-companies {companies:.3f} s")


if __name__ == "__main__":
    main()
