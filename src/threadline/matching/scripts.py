"""Which list names are Chinese, kept as one byte per name so a query's candidates split by script cheaply.

A query is scored by edit similarity against candidates in its own script and aligned across scripts with the
others. Testing each candidate in Python (``han_core(record.key.original)``) cost more per row than everything else
but the alignment: a Latin query has a couple of thousand candidates. Here the test is done once per list name
(a byte each), and splitting a query's candidates only indexes those bytes: about ten times faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import TypeVar

import numpy as np
import numpy.typing as npt

T = TypeVar("T")


def pick(items: Sequence[T], ids: Sequence[int]) -> list[T]:
    """``[items[i] for i in ids]``, looped in C; a sequence decoded from a mapped file (the persisted index's Latin
    keys) reads all of them in one call of its ``take``."""
    take = getattr(items, "take", None)
    if take is not None and len(ids) > 1:
        taken: list[T] = take(ids)
        return taken
    if len(ids) > 1:
        return list(itemgetter(*ids)(items))
    return [items[i] for i in ids]


class ScriptFlags:
    """One flag per list name: whether it is written in Chinese (has Han characters)."""

    def __init__(self, han: Iterable[bool] | bytes) -> None:
        if isinstance(han, bytes):  # the persisted index's byte per name: read in one step (1M names, 0.15 s else)
            self._han = (np.frombuffer(han, dtype=np.uint8) != 0).astype(np.uint8).tobytes()
        else:
            self._han = bytes(bool(flag) for flag in han)
        self._array = np.frombuffer(self._han, dtype=np.uint8)

    def __len__(self) -> int:
        return len(self._han)

    def split(self, ids: Sequence[int], query_han: bool) -> tuple[list[int], list[int]]:
        """``(same script as the query, the other script)``, each in the order of ``ids`` (split over an array:
        two Python loops over a couple of thousand candidates cost three times as much)."""
        same, cross = self.split_array(np.asarray(ids, dtype=np.int64), query_han)
        return same.tolist(), cross.tolist()

    def split_array(
        self, ids: npt.NDArray[np.int64], query_han: bool
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """:meth:`split` for ids in an array, giving arrays: the matcher keeps a query's candidates as one from the
        index look-up to the scoring, rather than making a list of them at each step."""
        other = self._array[ids] != (1 if query_han else 0)
        return ids[~other], ids[other]
