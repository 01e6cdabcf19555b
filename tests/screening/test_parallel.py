"""Screening in worker processes: same results in the same order as one process, and reading stays just ahead of
writing (memory is flat however long the input)."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from threadline import service
from threadline.risk.goods import GoodsIndex
from threadline.screening import parallel
from threadline.screening.parallel import ParallelScreen, workers_for
from threadline.screening.reader import InputRow, SkippedRow, open_rows
from threadline.screening.screen import Encoded, record_line
from threadline.settings import RESOURCES_DIR

DEMO = RESOURCES_DIR / "demo" / "suppliers.csv"


def _rows() -> list[InputRow | SkippedRow]:
    rows = list(open_rows(DEMO, {}).rows)
    return [*rows[:10], SkippedRow(9999, "empty name in column 'name'"), *rows[10:]]


def _screened(workers: int, rows: list[InputRow | SkippedRow] | None = None) -> list[object]:
    matcher, goods = service.default_matcher(), GoodsIndex(service.default_store().rules)
    with ParallelScreen(matcher, 0.85, goods, workers) as pool:
        screened = pool.screen(_rows() if rows is None else rows)
        return [item if isinstance(item, SkippedRow) else item.to_dict() for item in screened]


def test_two_workers_give_the_same_results_in_the_same_order_as_one() -> None:
    one, two = _screened(1), _screened(2)
    assert len(one) == len(_rows())
    assert two == one
    assert isinstance(two[10], SkippedRow)


def test_rows_are_read_only_a_few_batches_ahead_of_the_results() -> None:
    source = list(open_rows(DEMO, {}).rows)
    read = 0

    def counted() -> Iterator[InputRow | SkippedRow]:
        nonlocal read
        for _ in range(20):
            for row in source:
                read += 1
                yield row

    matcher, goods = service.default_matcher(), GoodsIndex(service.default_store().rules)
    with ParallelScreen(matcher, 0.85, goods, 2) as pool:
        results = pool.screen(counted())
        next(results)
        assert read <= (2 * parallel.AHEAD + 1) * parallel.BATCH < 20 * len(source)


def test_small_inputs_use_one_process_and_an_explicit_count_wins() -> None:
    assert workers_for(None, 50) == 1
    assert workers_for(3, 50) == 3
    assert workers_for(None, 10**6) == parallel.default_workers()


def test_repeated_rows_give_the_same_results_with_two_workers() -> None:
    """A repeated row goes to the worker that screened it first, whose memo answers it (the workers do not share
    a memo); one written another way goes there too, and is matched from what that worker found for its key."""
    rows = _rows()
    other_ways = [replace(row, name=row.name.upper() + " LIMITED") for row in rows[:40] if isinstance(row, InputRow)]
    repeated = [*rows, *reversed(rows), *other_ways, *rows[:7]] * 3
    one, two = _screened(1, repeated), _screened(2, repeated)
    assert two == one
    assert any(isinstance(item, dict) and item["risk"] == "listed" for item in one)


def test_lines_encoded_by_the_workers_are_the_results_lines() -> None:
    """The workers' lines are the bytes the parent would write for the same results, with their risks."""
    rows = [*_rows(), *_rows()[:15]]
    matcher, goods = service.default_matcher(), GoodsIndex(service.default_store().rules)
    with ParallelScreen(matcher, 0.85, goods, 2) as pool:
        lines = list(pool.lines(rows))
    with ParallelScreen(matcher, 0.85, goods, 1) as pool:
        results = list(pool.screen(rows))
    assert len(lines) == len(results) == len(rows)
    for line, result in zip(lines, results, strict=True):
        if isinstance(result, SkippedRow):
            assert line == result
        else:
            assert line == Encoded(result.risk, record_line(result.to_dict()), bool(result.related))
            assert json.loads(line.line) == result.to_dict()
    assert any(isinstance(line, Encoded) and line.risk == "listed" for line in lines)
    assert any(isinstance(line, Encoded) and line.related for line in lines)


def _collector_seen(batch: parallel.Batch) -> list[tuple[bool, int]]:
    """What a worker's collector looks like while it screens ``batch``: on or off, and the sweeps made so far."""
    sweeps = parallel._SWEEPS.sweeps if parallel._SWEEPS is not None else -1
    return [(gc.isenabled(), sweeps) for _item in batch]


def test_a_workers_collector_is_off_and_sweeps_after_every_so_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers screen with the collector off and collect in full after every SWEEP_ROWS rows; one process
    (no worker) leaves its caller's collector alone."""
    monkeypatch.setattr(parallel, "SWEEP_ROWS", 2 * parallel.BATCH)
    rows = [row for row in _rows() if isinstance(row, InputRow)] * 12
    matcher, goods = service.default_matcher(), GoodsIndex(service.default_store().rules)
    with ParallelScreen(matcher, 0.85, goods, 2) as pool:
        seen = list(pool._run(_collector_seen, rows))
    assert len(seen) == len(rows) and not any(on for on, _sweeps in seen)
    assert max(sweeps for _on, sweeps in seen) >= 1  # a worker sent more than two batches has swept
    with ParallelScreen(matcher, 0.85, goods, 1) as pool:
        assert all(on for on, _sweeps in pool._run(_collector_seen, rows[:10]))
    assert gc.isenabled()
