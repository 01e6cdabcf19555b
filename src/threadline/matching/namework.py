"""What matching a name found among the list names before any entry was read, remembered per name key.

A supplier file writes one supplier many ways: upper case, another legal form, with or without its country. The
100,000-row bench file has 54,740 distinct queries (name and country) but only 29,236 distinct name keys, and the
costly part of matching (index keys, candidates, their spelling similarities, the persons' names holding the
query's parts, the shortlist of names in the other script and which of them the alignment bound lets through)
depends on the name key only, not on the name as written or the country. Those findings are kept here; the hits,
whose explanations quote the name as written and whose scores the country may lower, are built again for every
query from them.

What a finding depends on besides the key is part of what it is filed under: the threshold for the same-script
names kept, the query's schema and the least score still wanted for the cross-script pairs the bound let through.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

NAMES_REMEMBERED = 20_000
"""Name keys whose findings are kept (least recently used first out): a couple of kilobytes each."""


@dataclass(slots=True)
class NameWork:
    """The findings for one name key (see the module docstring)."""

    scored: list[tuple[int, float]]
    """``(record id, token-sort similarity 0..100)`` of the same-script candidates from 70, best first."""
    subsets: list[tuple[int, float]]
    """``(record id, token-sort similarity 0..1)`` of the persons' names one of which holds the other's parts."""
    nearest: npt.NDArray[np.int64] | None
    """The cross-script candidates to bound and align, most keys shared first; ``None`` when the key was matched
    only against names in its own script so far (the Chinese name an exchange filed for an English query), which
    do not need them: ranked when the key is first matched across scripts."""
    carrying: list[int]
    """The candidates carrying one of the query's short-form keys."""
    kept: dict[tuple[bool, float], list[tuple[int, float]]] = field(default_factory=dict)
    """``(every pair scored, threshold)`` -> the same-script pairs worth reading the entry of."""
    passing: dict[tuple[str | None, float], frozenset[int]] = field(default_factory=dict)
    """``(query schema, least score wanted)`` -> the ``nearest`` the bound lets through before the entry is read."""


class NameWorks:
    """The :class:`NameWork` of the last :data:`NAMES_REMEMBERED` name keys."""

    def __init__(self, size: int = NAMES_REMEMBERED) -> None:
        self.size = size
        self._works: OrderedDict[tuple[object, ...], NameWork] = OrderedDict()

    def get(self, ident: tuple[object, ...]) -> NameWork | None:
        found = self._works.get(ident)
        if found is not None:
            self._works.move_to_end(ident)
        return found

    def put(self, ident: tuple[object, ...], work: NameWork) -> None:
        self._works[ident] = work
        if len(self._works) > self.size:
            self._works.popitem(last=False)

    def __len__(self) -> int:
        return len(self._works)
