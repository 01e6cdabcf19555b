"""A query's candidates scored and ranked a whole list at a time, with the results of the one-at-a-time code.

A Latin-script row has one to two thousand candidates. Scoring them with ``process.extract(token_sort_ratio)``
splits and sorts the words of every candidate on every query; here each list name's words are sorted once
(:func:`sorted_words`), and the query is compared with all of them in one ``process.cdist`` call of the plain
similarity, which is what token-sort similarity is on sorted words. Ranking the cross-script candidates by the
index keys they share is done over arrays too. Both give exactly what the loops gave: the same records, the same
scores to the last bit, in the same order.

A query's candidate ids stay one array from the index look-up to the scoring (:func:`merged_ids`): turning a couple
of thousand ids into a list and back into an array at each step (split by script, scored, filtered to persons,
ranked) cost more than the numpy work those steps do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from threadline.matching.index import IdList
from threadline.matching.letters import common_bound, letter_counts, query_table


def sorted_words(text: str) -> str:
    """``text``'s words in sorted order, one space apart: what ``token_sort_ratio`` compares (it splits on the same
    whitespace as ``str.split`` and sorts by code point, as ``sorted`` does)."""
    words = text.split()
    return " ".join(sorted(words))


Ids = Sequence[int] | npt.NDArray[np.int64]
"""Record ids, as a list or as an int64 array (which ``np.asarray`` takes as it is, without a copy)."""


def merged_ids(lists: Iterable[Ids]) -> npt.NDArray[np.int64]:
    """The sorted union of some posting lists (``sorted(set().union(*lists))``) as one int64 array, kept as an
    array for the steps that follow."""
    arrays = [ids.array if isinstance(ids, IdList) else np.asarray(ids, dtype=np.int64) for ids in lists]
    if not arrays:
        return np.empty(0, dtype=np.int64)
    # sorting and dropping repeats: faster than np.unique's hashing; a stable sort (a merge of the runs it finds)
    # takes the posting lists, each ascending, in under half the time a quicksort of the same ids does
    merged = np.sort(np.concatenate(arrays), kind="stable")
    keep = np.empty(len(merged), dtype=bool)
    keep[:1] = True
    np.not_equal(merged[1:], merged[:-1], out=keep[1:])
    return merged[keep]


class SortedNames:
    """Every list name's Latin key with its words sorted (:func:`sorted_words`), and its length, so a query's
    candidates are token-sort scored in one call. ``presorted``: the texts have their words sorted already (a
    persisted index's sorted keys)."""

    def __init__(self, texts: Iterable[str], presorted: bool = False) -> None:
        self.texts = list(texts) if presorted else [sorted_words(text) for text in texts]
        self.lengths = np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))
        self._texts = np.empty(len(self.texts), dtype=object)
        self._texts[:] = self.texts
        """The same strings in an array: a query's candidates are taken from it by their ids in one indexing, not
        a thousand-id list unpacked into ``itemgetter`` (a fifth of what scoring a row cost besides ``cdist``)."""
        self.letters = letter_counts(self.texts)
        """Each name's characters counted (:func:`~threadline.matching.letters.letter_counts`): the names that
        cannot reach the cutoff by them are not fetched (0.4 s at a million names, once)."""

    def scores(self, query: str, ids: Ids, cutoff: float) -> list[tuple[int, float]]:
        """``(id, similarity 0..100)`` of the names ``ids`` whose token-sort similarity with ``query`` (as written)
        is at least ``cutoff``, best first and ties in ``ids`` order: as ``process.extract(query, [names[i] for i
        in ids], scorer=token_sort_ratio, processor=None, limit=None, score_cutoff=cutoff)`` gives them."""
        return sorted_scores(query, ids, self.lengths, self._texts.__getitem__, cutoff, self.letters)


def sorted_scores(
    query: str,
    ids: Ids,
    lengths: npt.NDArray[np.int64],
    texts: Callable[[npt.NDArray[np.int64]], npt.NDArray[np.object_]],
    cutoff: float,
    letters: npt.NDArray[np.uint64] | None = None,
) -> list[tuple[int, float]]:
    """:meth:`SortedNames.scores` of names whose words are sorted, ``lengths`` (by id) their lengths and ``texts``
    giving them for an array of ids. The similarity is at most twice the shorter length over the sum of both, so
    names too much longer or shorter than the query are neither read nor compared (about half a row's
    candidates); with ``letters`` (by id, :func:`~threadline.matching.letters.letter_counts`), at most twice the
    characters the two can have in common by their counts, which leaves out half of the rest. Those left are
    compared with the query's sorted words in one ``cdist`` of the plain similarity, which is what token-sort
    similarity is on sorted words (sorting each name's words in ``cdist`` cost four times the comparison)."""
    if not len(ids):
        return []
    text = sorted_words(query)
    at = np.asarray(ids, dtype=np.int64)
    sizes = lengths[at]
    near = np.flatnonzero(200.0 * np.minimum(sizes, len(text)) + 1e-6 >= cutoff * (sizes + len(text)))
    if letters is not None and len(near):
        common = common_bound(query_table(text), letters[at[near]])
        near = near[200.0 * common + 1e-6 >= cutoff * (sizes[near] + len(text))]
    if not len(near):
        return []
    choices = texts(at[near])
    scores = process.cdist([text], choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, dtype=np.float64)[0]
    found = np.flatnonzero(scores >= cutoff)
    order = found[np.lexsort((found, -scores[found]))]
    return list(zip(at[near[order]].tolist(), scores[order].tolist(), strict=True))


def most_shared(record_ids: Ids, postings: Iterable[Sequence[int]], limit: int) -> list[int]:
    """The ``limit`` of ``record_ids`` (without repeats) with the highest weight, ties by id. A record's weight is
    the sum, over the ``postings`` (record id arrays, each without repeats) that hold it, of one over the posting's
    length, added in the order the postings come (so the same floating-point sums as a loop); records in none are
    left out."""
    ids = np.asarray(record_ids, dtype=np.int64)
    if not len(ids):
        return []
    sorter = np.argsort(ids, kind="stable")
    ordered = ids[sorter]
    weight = np.zeros(len(ids), dtype=np.float64)
    for ids_posted in postings:
        if not len(ids_posted):
            continue
        posted = ids_posted.array if isinstance(ids_posted, IdList) else np.asarray(ids_posted, dtype=np.int64)
        at = np.minimum(np.searchsorted(ordered, posted), len(ids) - 1)
        held = ordered[at] == posted
        weight[sorter[at[held]]] += 1.0 / len(posted)
    touched = np.flatnonzero(weight > 0)
    ranked = touched[np.lexsort((ids[touched], -weight[touched]))]
    result: list[int] = ids[ranked[:limit]].tolist()
    return result


def id_list(ids: Ids) -> list[int]:
    """``ids`` as a list of Python ints (an array's ``tolist``: iterating one would give numpy scalars)."""
    if isinstance(ids, np.ndarray):
        listed: list[int] = ids.tolist()
        return listed
    return list(ids)


def among(ids: Ids, wanted: set[int]) -> list[int]:
    """The sorted ``ids`` (ascending, no repeats: as :func:`merged_ids` gives them) that are in ``wanted``: ``[i for
    i in ids if i in wanted]``, with each of the few ``wanted`` searched for in the array instead of going over
    the couple of thousand ``ids`` (``np.isin`` costs more than that at these sizes)."""
    if not wanted or not len(ids):
        return []
    at = np.asarray(ids, dtype=np.int64)
    sought = np.fromiter(wanted, dtype=np.int64, count=len(wanted))
    where = np.minimum(np.searchsorted(at, sought), len(at) - 1)
    found: list[int] = at[np.sort(where[at[where] == sought])].tolist()
    return found


def flagged(flags: bytes, ids: Ids) -> list[int]:
    """The ``ids`` whose byte in ``flags`` is set, in order (``[i for i in ids if flags[i]]`` over an array)."""
    at = np.asarray(ids, dtype=np.int64)
    found: list[int] = at[np.frombuffer(flags, dtype=np.uint8)[at] != 0].tolist()
    return found


def _array(ids: Ids) -> npt.NDArray[np.int64]:
    return ids.array if isinstance(ids, IdList) else np.asarray(ids, dtype=np.int64)


def intersection(first: Ids, second: Ids) -> npt.NDArray[np.int64]:
    """The ids in both of two ascending posting lists, ascending: each id of the shorter is searched for in the
    longer (a few microseconds per thousand ids, where ``np.intersect1d`` sorts both lists together)."""
    short, long = sorted((_array(first), _array(second)), key=len)
    if not len(short) or not len(long):
        return np.empty(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(long, short), len(long) - 1)
    found: npt.NDArray[np.int64] = short[long[at] == short]
    return found


def repeated_words(texts: Iterable[str]) -> bytes:
    """One byte per text, 1 when one of its words occurs twice or more ("abc abc trading")."""
    return bytes(len(set(words)) < len(words) for words in (text.split() for text in texts))


def held_weight(ids: Ids, postings: Sequence[Sequence[int]], weights: Sequence[int]) -> npt.NDArray[np.int64]:
    """For each of ``ids``, the sum of the ``weights`` (one per posting) of the ``postings`` that hold it (record id
    lists or arrays, each ascending without repeats, as an index keeps them; 0 for an id in none). Each of the (few)
    ``ids`` is searched for in each posting, so a posting of a common word costs a search per id, not a pass over
    its thousands of ids."""
    at = np.asarray(ids, dtype=np.int64)
    weight = np.zeros(len(at), dtype=np.int64)
    if not len(at):
        return weight
    for posted, worth in zip(postings, weights, strict=True):
        if len(posted):
            sought = posted.array if isinstance(posted, IdList) else np.asarray(posted, dtype=np.int64)
            where = np.minimum(np.searchsorted(sought, at), len(sought) - 1)
            weight[sought[where] == at] += worth
    return weight


RECENT_TEXTS = 1 << 20
"""Texts kept decoded by :class:`RecentTexts` (of each kind): the Latin keys of recent queries' candidates. The
benchmark's 800 queries against a million names read 2.35 million keys, 730,000 of them distinct: kept up to
131,072, 59 % of the reads decoded a key again, kept up to this many 31 % (each one once)."""


class _Kept:
    """Texts read by id (``take`` of the underlying texts, else one by one), kept decoded in an array by id, all
    of them forgotten at once when there would be more than ``keep``."""

    def __init__(self, texts: Sequence[str], keep: int) -> None:
        self.texts = texts
        self.keep = keep
        self.known = np.zeros(len(texts), dtype=bool)
        self.held: npt.NDArray[np.object_] = np.empty(len(texts), dtype=object)
        self.count = 0

    def read(self, ids: Ids) -> npt.NDArray[np.int64]:
        """``ids`` as an array, every one of them read and kept (in :attr:`held`)."""
        at = np.asarray(ids, dtype=np.int64)
        unknown = ~self.known[at]
        if not unknown.any():
            return at
        if self.count + int(np.count_nonzero(unknown)) > self.keep:
            self.known[:] = False
            self.held[:] = None
            self.count = 0
            unknown[:] = True
        missing = at[unknown]
        wanted: list[int] = missing.tolist()
        take = getattr(self.texts, "take", None)
        texts: list[str] = take(wanted) if take is not None else [self.texts[i] for i in wanted]
        held = np.empty(len(texts), dtype=object)
        held[:] = texts
        self.held[missing] = held
        self.known[missing] = True
        self.count += len(wanted)
        return at

    def taken(self, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.object_]:
        """The texts of ``ids``, read when not kept."""
        return self.held[self.read(ids)]


class RecentTexts(Sequence[str]):
    """A persisted index's Latin keys (read from the mapped file by ``take``), with those read recently kept decoded;
    and the same keys with their words sorted (``ordered``, each ``lengths`` long), which token-sort scoring reads.

    A Latin query scores a couple of thousand candidates by token-sort similarity, then reads the keys of those
    that may be persons', and the next query's candidates share many: each read cost about a microsecond a key,
    two to three milliseconds a query at a million names. Until ``SimpleMatcher.warm`` decodes them all. What is
    kept lives in arrays by id, so which of a query's candidates are kept is found, and they are taken, in a few
    numpy steps rather than a dictionary look-up each. The scoring reads the sorted keys only, and only of the
    candidates whose length lets them reach the cutoff (:func:`sorted_scores`)."""

    def __init__(
        self, texts: Sequence[str], ordered: Sequence[str], lengths: npt.NDArray[np.int64], keep: int = RECENT_TEXTS
    ) -> None:
        self._texts = texts
        self._keys = _Kept(texts, keep)
        self._sorted = _Kept(ordered, keep)
        self.lengths = lengths
        """Each sorted key's length, by id."""

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, int) and 0 <= i < len(self._keys.known) and self._keys.known[i]:
            return self._keys.held[i]
        return self._texts[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def take(self, ids: Ids) -> list[str]:
        """``[self[i] for i in ids]``: the recent ones from memory, the others read together and kept."""
        taken: list[str] = self._keys.taken(np.asarray(ids, dtype=np.int64)).tolist()
        return taken

    def ordered(self, ids: Ids) -> list[str]:
        """The names ``ids`` with their words sorted, kept decoded as for :meth:`scores`."""
        taken: list[str] = self._sorted.taken(np.asarray(ids, dtype=np.int64)).tolist()
        return taken

    def scores(self, query: str, ids: Ids, cutoff: float) -> list[tuple[int, float]]:
        """:meth:`SortedNames.scores` of the names ``ids``: ``process.extract``'s token-sort scores and order."""
        return sorted_scores(query, ids, self.lengths, self._sorted.taken, cutoff)
