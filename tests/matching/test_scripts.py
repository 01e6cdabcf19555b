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


def test_flags_read_from_bytes_are_the_flags_read_one_by_one() -> None:
    stored = bytes([0, 1, 1, 0, 2])  # a persisted index stores one byte per name; any non-zero byte is Chinese
    from_bytes, one_by_one = ScriptFlags(stored), ScriptFlags(bool(b) for b in stored)
    assert len(from_bytes) == 5
    assert from_bytes.split([0, 1, 2, 3, 4], query_han=True) == one_by_one.split([0, 1, 2, 3, 4], query_han=True)
    assert from_bytes.split([4, 0], query_han=False) == ([0], [4])
