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

T = TypeVar("T")


def pick(items: Sequence[T], ids: Sequence[int]) -> list[T]:
    """``[items[i] for i in ids]``, looped in C."""
    if len(ids) > 1:
        return list(itemgetter(*ids)(items))
    return [items[i] for i in ids]


class ScriptFlags:
    """One flag per list name: whether it is written in Chinese (has Han characters)."""

    def __init__(self, han: Iterable[bool]) -> None:
        self._han = bytes(bool(flag) for flag in han)

    def __len__(self) -> int:
        return len(self._han)

    def split(self, ids: Sequence[int], query_han: bool) -> tuple[list[int], list[int]]:
        """``(same script as the query, the other script)``, each in the order of ``ids``."""
        flags = self._han
        wanted = 1 if query_han else 0
        return [i for i in ids if flags[i] == wanted], [i for i in ids if flags[i] != wanted]
