from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from threadline.collector import SERVING_THRESHOLDS, Sweeps, off_to_the_end, paused, settle


@pytest.fixture()
def restored() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored")
def test_settle_freezes_what_is_alive_and_collects_less_often() -> None:
    kept = [[i] for i in range(1000)]  # tracked objects alive at the time
    settle()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == SERVING_THRESHOLDS
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1  # reference cycles made afterwards are still collected


def test_paused_turns_the_collector_off_for_the_block_and_back_as_it_was() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves it as the outer one set it
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_paused_restores_the_collector_when_the_block_raises() -> None:
    with pytest.raises(ValueError), paused():
        raise ValueError
    assert gc.isenabled()


@pytest.mark.usefixtures("restored")
def test_off_to_the_end_leaves_the_collector_off_and_freezes_what_is_alive() -> None:
    try:
        with off_to_the_end():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert not gc.isenabled()  # the process is about to end: not turned back on
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.enable()


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_sweeps_turn_the_collector_off_and_collect_once_enough_work_is_done() -> None:
    try:
        sweeps = Sweeps(every=3)
        assert not gc.isenabled()
        cycle = _Node()
        gone = weakref.ref(cycle)
        del cycle
        sweeps.after(2)
        assert gone() is not None and sweeps.sweeps == 0  # a reference cycle waits for the sweep
        sweeps.after(1)
        assert gone() is None and sweeps.sweeps == 1
        assert sweeps.done == 0 and not gc.isenabled()
    finally:
        gc.enable()
