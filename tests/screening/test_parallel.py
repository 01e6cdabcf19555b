"""Screening in worker processes: same results in the same order as one process, and reading stays just ahead of
writing (memory is flat however long the input)."""

from __future__ import annotations

from collections.abc import Iterator

from threadline import service
from threadline.risk.goods import GoodsIndex
from threadline.screening import parallel
from threadline.screening.memo import MatchMemo
from threadline.screening.parallel import ParallelScreen, workers_for
from threadline.screening.reader import InputRow, SkippedRow, open_rows
from threadline.screening.screen import assess, row_query
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
    """The parent fills a repeated row's hits in from the row it repeats (the workers do not share a memo)."""
    rows = _rows()
    repeated = [*rows, *reversed(rows), *rows[:7]] * 3
    one, two = _screened(1, repeated), _screened(2, repeated)
    assert two == one
    assert any(isinstance(item, dict) and item["risk"] == "listed" for item in one)


def test_a_repeat_is_screened_without_its_name_and_given_the_hits_it_repeats() -> None:
    matcher, goods = service.default_matcher(), GoodsIndex(service.default_store().rules)
    memo = MatchMemo(matcher)
    rows = [row for row in open_rows(DEMO, {}).rows if isinstance(row, InputRow)]
    listed = next(row for row in rows if assess(row, memo, 0.85, goods=goods).hits)
    other = next(row for row in rows if row_query(row) != row_query(listed))
    repeats = parallel._Repeats(memo, 0.85)
    marks = repeats.mark([listed, other, listed])
    assert marks == [False, False, True]
    sent = [
        assess(row, memo, 0.85, goods=goods, hits=() if mark else None)
        for row, mark in zip([listed, other, listed], marks, strict=True)
    ]
    assert not sent[2].hits and sent[2].risk != "listed"
    first, _other, again = [repeats.settle(result, mark) for result, mark in zip(sent, marks, strict=True)]
    assert again == first == assess(listed, memo, 0.85, goods=goods)
    repeats._hits.clear()  # forgotten (the memory is bounded): matched again, in the parent
    assert repeats.settle(sent[2], True) == first
