from __future__ import annotations

import random

import numpy as np

from threadline.matching.scripts import ScriptFlags, pick


def test_split_keeps_each_candidate_once_on_its_side_in_order() -> None:
    rnd = random.Random(5)
    han = [rnd.random() < 0.2 for _ in range(1_000)]
    flags = ScriptFlags(han)
    ids = sorted(rnd.sample(range(1_000), 300))
    same, cross = flags.split(ids, query_han=True)
    assert same == [i for i in ids if han[i]]
    assert cross == [i for i in ids if not han[i]]
    assert flags.split(ids, query_han=False) == (cross, same)
    assert flags.split([], query_han=False) == ([], [])
    assert len(flags) == 1_000
    same_array, cross_array = flags.split_array(np.array(ids, dtype=np.int64), query_han=True)
    assert (same_array.tolist(), cross_array.tolist()) == (same, cross)


def test_pick_is_indexing_in_order() -> None:
    items = [f"name {i}" for i in range(50)]
    assert pick(items, [7, 3, 3, 49]) == ["name 7", "name 3", "name 3", "name 49"]
    assert pick(items, [4]) == ["name 4"]
    assert pick(items, []) == []
