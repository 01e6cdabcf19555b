"""Results remembered for the functions the matcher calls on every pair, cheaper to ask than ``functools.lru_cache``.

Called from compiled code, an ``lru_cache`` function is a generic call: its arguments packed in a tuple, a key
made of them, the wrapper's bookkeeping. Scoring the pair benchmark asked such caches about 400,000 times (a
Chinese name's core 45,000 times, a word's stem 28,000), and the hits alone were 11 % of a compiled profile. A
:class:`Memo` is a plain dictionary the caller reads itself (one compiled dictionary look-up), and is told a
result only when it had none:

    found = _CORES.table.get(name)
    return _CORES.keep(name, _core(name)) if found is None else found

Memory stays bounded: a memo holding ``limit`` results forgets them all before taking the next, so that a long
screening run keeps at most ``limit`` of them, as the ``lru_cache`` it replaces did (which forgot the least
recently used one at a time; the results are the same either way, only what is worked out again differs). The
remembered functions are pure, so a result is the same whether it was remembered or not. :class:`Once` holds the
one value of a function without arguments (the packaged glossary, the brand table) that ``lru_cache(maxsize=1)``
held.
"""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Up to ``limit`` results of one function by its argument (``table``, read directly by the caller)."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"a memo must hold at least one result, not {limit}")
        self.limit = limit
        self.table: dict[K, V] = {}

    def keep(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` (forgetting everything first when full) and return it."""
        if len(self.table) >= self.limit:
            self.table.clear()
        self.table[key] = value
        return value


class Once(Generic[V]):
    """The value of a function without arguments, once worked out (``value``, read directly by the caller)."""

    def __init__(self) -> None:
        self.value: V | None = None

    def keep(self, value: V) -> V:
        self.value = value
        return value
