"""Hits remembered per distinct query while a file is screened: supplier masters repeat names.

Apple's supplier list names the same supplier at many sites and in many years; customs extracts repeat a shipper
on every line. Matching is deterministic for a given query, limit and threshold against the same lists, so a
repeated query gets the hits of its first occurrence. Only the most recent :data:`MEMO_SIZE` queries are kept (a
least-recently-used memo), so memory stays flat however long the input is.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from threadline.matching.model import Hit, Query
from threadline.matching.simple import RELATED_CAP, RELATED_LIMIT

MEMO_SIZE = 50_000
"""Distinct queries remembered; mostly empty hit lists, a few MB."""
Memory = OrderedDict[tuple[Query, int, float], tuple[Hit, ...]]
"""Hits by query, limit and threshold (or floor), least recently used first."""


class Matcher(Protocol):
    def match(self, query: Query, limit: int = 10, threshold: float = 0.0) -> list[Hit]: ...

    def related(self, query: Query, limit: int = ..., floor: float = ...) -> list[Hit]: ...


class MatchMemo:
    """A matcher that answers a query it has seen recently from memory; same hits, same order."""

    def __init__(self, matcher: Matcher, size: int = MEMO_SIZE) -> None:
        self.matcher = matcher
        self.size = size
        self.asked = 0
        self.answered = 0
        """Queries answered from memory, of :attr:`asked`."""
        self._hits: Memory = OrderedDict()
        self._related: Memory = OrderedDict()
        """The related hits of recent queries, kept as their hits are."""

    def match(self, query: Query, limit: int = 10, threshold: float = 0.0) -> list[Hit]:
        self.asked += 1
        key = (query, limit, threshold)
        found = self._hits.get(key)
        if found is not None:
            self.answered += 1
            self._hits.move_to_end(key)
            return list(found)
        hits = self.matcher.match(query, limit=limit, threshold=threshold)
        self._keep(self._hits, key, hits)
        return hits

    def related(self, query: Query, limit: int = RELATED_LIMIT, floor: float = RELATED_CAP) -> list[Hit]:
        """The matcher's related hits (:meth:`~threadline.matching.simple.SimpleMatcher.related`), remembered as
        :meth:`match`'s hits are (not counted in :attr:`asked`: a row asks for both)."""
        key = (query, limit, floor)
        found = self._related.get(key)
        if found is not None:
            self._related.move_to_end(key)
            return list(found)
        hits = self.matcher.related(query, limit=limit, floor=floor)
        self._keep(self._related, key, hits)
        return hits

    def _keep(self, memory: Memory, key: tuple[Query, int, float], hits: list[Hit]) -> None:
        memory[key] = tuple(hits)
        if len(memory) > self.size:
            memory.popitem(last=False)
