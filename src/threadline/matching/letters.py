"""Each name's letters counted in one 64-bit word, and from two names' counts a bound on how alike they can be.

Token-sort scoring compares a query with a couple of thousand candidates' sorted keys a query, of which about one
in twenty reaches 70; most of the time goes to fetching each candidate's string from memory (a hundred megabytes of
them at a million names, so nearly every one is a cache miss), not to comparing it. The longest common
subsequence of two strings is at most, for each kind of character, the fewer of the two counts of that kind,
summed; a name whose bound leaves its similarity below the cutoff need not be fetched. Here each name's characters
are counted in 32 kinds (the letters a-z, the space, any digit, anything else, each UTF-8 byte of a character that
is not ASCII counted as one), each count kept in two bits with three meaning three or more: one word per name, 9
MB at a million names, read for a few thousand candidates a query. The counts kept are never below the true ones
(a kind holds all the characters counted in it; a character outside ASCII counts once per byte), and three or more
is taken as unbounded, so the bound never falls below the longest common subsequence.

The bound of a query against a name's word is a sum over its eight bytes (four kinds each) of a table the query
fills in once (256 entries a byte): eight table look-ups a candidate, done over all of them in numpy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

KINDS = 32
"""Kinds of character counted: a-z, the space, digits, the rest (``_KIND``); 32 two-bit counts fill a word."""
CHUNK = 1 << 16
"""Names counted together (their bytes and kinds held at once: a few megabytes)."""
SEPARATOR = 10
"""The byte between two names while they are counted together (a newline: no key holds one)."""


def _kinds() -> npt.NDArray[np.int64]:
    kind = np.full(256, 28, dtype=np.int64)  # punctuation, the bytes of characters outside ASCII
    kind[ord("a") : ord("z") + 1] = np.arange(26)
    kind[ord(" ")] = 26
    kind[ord("0") : ord("9") + 1] = 27
    return kind


_KIND = _kinds()
_UNBOUNDED = np.array([0, 1, 2, 1 << 20], dtype=np.int64)
"""What a name's two-bit count stands for at most: 0, 1, 2, or (three or more) any number."""
_BYTE_AT = np.arange(8, dtype=np.int64) * 256
"""Where each of a word's eight bytes starts in a query's table (:func:`query_table`)."""


def letter_counts(texts: Sequence[str]) -> npt.NDArray[np.uint64]:
    """One word per text: the count of each kind of character in two bits (kind k in bits 2k and 2k + 1, three or
    more as three), little-endian."""
    words = np.zeros(len(texts), dtype="<u8")
    shifts = (2 * np.arange(KINDS)).astype(np.uint64)
    for start in range(0, len(texts), CHUNK):
        part = texts[start : start + CHUNK]
        data = np.frombuffer("\n".join(part).encode("utf-8", "surrogatepass"), dtype=np.uint8)
        apart = data == SEPARATOR
        if int(np.count_nonzero(apart)) != len(part) - 1:  # a text holding a newline: counted one by one
            words[start : start + len(part)] = [_one(text, shifts) for text in part]
            continue
        owner = np.cumsum(apart)[~apart]
        counts = np.bincount(owner * KINDS + _KIND[data[~apart]], minlength=len(part) * KINDS)
        capped = np.minimum(counts.reshape(len(part), KINDS), 3).astype(np.uint64)
        words[start : start + len(part)] = (capped << shifts).sum(axis=1, dtype=np.uint64)
    return words


def _one(text: str, shifts: npt.NDArray[np.uint64]) -> int:
    """:func:`letter_counts` of one text, whatever it holds."""
    data = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    capped = np.minimum(np.bincount(_KIND[data], minlength=KINDS), 3).astype(np.uint64)
    return int((capped << shifts).sum(dtype=np.uint64))


def query_table(text: str) -> npt.NDArray[np.int64]:
    """The query's table (8 x 256): for byte j of a name's word and its value, the most characters of the four kinds
    it counts that the name can have in common with ``text`` (for each kind, the fewer of the two counts)."""
    data = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    counts = np.bincount(_KIND[data], minlength=KINDS)
    shared = np.minimum(counts[:, None], _UNBOUNDED[None, :]).reshape(8, 4, 4)  # byte, kind in it, name's count
    table = (
        shared[:, 3, :, None, None, None]
        + shared[:, 2, None, :, None, None]
        + shared[:, 1, None, None, :, None]
        + shared[:, 0, None, None, None, :]
    )
    flat: npt.NDArray[np.int64] = table.reshape(8 * 256)
    return flat


def common_bound(table: npt.NDArray[np.int64], words: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """For each name's word (:func:`letter_counts`), at least the length of its longest common subsequence with the
    query whose ``table`` this is (:func:`query_table`)."""
    if not len(words):
        return np.zeros(0, dtype=np.int64)
    per_byte = np.ascontiguousarray(words, dtype="<u8").view(np.uint8).reshape(len(words), 8)
    found: npt.NDArray[np.int64] = table[per_byte + _BYTE_AT].sum(axis=1)
    return found
