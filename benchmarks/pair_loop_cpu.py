"""CPU time of threadline's timed loop in bench_pairs.py, alone: for comparing two trees on a shared machine.

bench_pairs.py reports pairs per second by the wall clock, next to nomenklatura's matchers timed the same way; on a
machine other jobs share, one round swings by a tenth. This runs threadline's part of :func:`bench_pairs.speed`
the same way (every slice's pairs, cold, after the warm-up pairs and :func:`threadline.collector.settle`) and
prints the CPU time of the loop (``time.thread_time``), all slices and the Han/Latin companies alone; with
``--second``, also a second pass over the same pairs, when every name's forms are remembered; with ``--versus``,
also nomenklatura's ``logic-v1`` on the same pairs in the same process (warmed and timed as ``bench_pairs.speed``
times it: ``compare`` alone, proxies built before the clock), and threadline's speed over it by CPU time, the figure
``bench_pairs.py`` gives by the wall clock.

Usage: THREADLINE_LISTED_HOLD_OUT=1 PYTHONPATH=TREE/src .venv/bin/python benchmarks/pair_loop_cpu.py [--second]
[--versus] (run base and branch trees alternately, several rounds, and compare the medians).
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


def baseline_pass(slices: dict[str, list[dict[str, Any]]]) -> dict[str, float]:
    """CPU seconds per slice of nomenklatura's ``logic-v1`` comparing every pair once, proxies built before."""
    import baselines

    matcher = baselines.baseline("logic-v1")
    spent = {}
    for name, records in slices.items():
        pairs = baselines.prepare(records)
        started = time.thread_time()
        for query, result in pairs:
            matcher.compare(query, result)
        spent[name] = time.thread_time() - started
    return spent


def main() -> None:
    slices = all_slices(settings.shared_data_dir())
    matcher, limit = SimpleMatcher([]), settings.match_threshold()
    for record in WARM_UP:
        score_pair(matcher, record, 0, limit)
    versus = "--versus" in sys.argv[1:]
    if versus:
        import baselines

        baselines.score_records("logic-v1", WARM_UP)
    settle()
    passes = [timed_pass(matcher, slices, limit)]
    if "--second" in sys.argv[1:]:
        passes.append(timed_pass(matcher, slices, limit))
    for number, spent in enumerate(passes, start=1):
        companies = spent["han-latin-companies"]
        print(f"pass {number}: cpu {sum(spent.values()):.3f} s, han-latin-companies {companies:.3f} s")
    if versus:
        ours, theirs = passes[0], baseline_pass(slices)
        print(
            f"logic-v1: cpu {sum(theirs.values()):.3f} s, han-latin-companies {theirs['han-latin-companies']:.3f} s; "
            f"threadline / logic-v1 by CPU {sum(theirs.values()) / sum(ours.values()):.2f}x, han-latin-companies "
            f"{theirs['han-latin-companies'] / ours['han-latin-companies']:.2f}x"
        )


if __name__ == "__main__":
    main()
