from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from threadline.collector import SERVING_THRESHOLDS, settle


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
