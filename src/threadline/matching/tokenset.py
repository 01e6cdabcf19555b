"""Which names' token-set similarity with a query may reach a cutoff, told from word lengths before any name is read.

A query that may be a person's is compared by token-set similarity (rapidfuzz's ``token_set_ratio``) with the
persons' names among its candidates that share a word with it, to find the names one of which holds the other's
parts ("Vladimir Putin" / "Vladimir Vladimirovich Putin"): a few hundred names a query against a million, of which
about one reaches the cutoff (95). This module rules most of the others out from numbers the matcher has for every
candidate without reading its name: the length of its Latin key (words sorted), which of the query's words its
index keys hold, and that its token-sort similarity with the query stayed below the cutoff of the same-script
scoring (else it was scored already, and the comparison leaves it out anyway).

The bound. Let the query's words be the set Q and a name's the set C, neither with a word twice, J(X) the length of
X's words joined by single spaces (so ``lq = J(Q)`` and ``lc = J(C)``, the name's sorted key length), I = Q & C,
A = Q - I, B = C - I, S = J(I), a = J(A), b = J(B), L = lq + lc, and f = 1 - cutoff / 100. ``token_set_ratio`` is
100 when I is not empty and A or B is; otherwise the best of

- ``r1 = 100 - 100 (1 + a) / (2S + 1 + a)`` and ``r2`` the same with b (only when I is not empty), and
- ``r0 = 100 - 100 d / L``, d the Indel distance of A's and B's words, sorted and joined (when I is not empty,
  ``lq = S + 1 + a`` and ``lc = S + 1 + b``; when it is, ``lq = a`` and ``lc = b``: the denominator is L either way).

H, the query words whose postings hold the name, holds I (every word of a Latin key is one of its index keys; a
query with Han in its Latin key is not bounded here), so ``S <= J(H)``, and ``held = J(H) + 1`` when H is not empty
(0 when it is) is at least ``S + [I not empty]``. The similarity can reach the cutoff only if one of these holds:

1. **what is held is nearly the whole of one name**: ``r1 >= cutoff`` is ``(1 + a) <= f (2S + 1 + a)``, with
   ``a = lq - S - 1`` that is ``S >= lq (1 - f) / (1 + f)``; ``r2`` the same with lc. The two cases of 100 are
   among these: A empty is I = Q, so ``S = lq``; B empty is ``S = lc``. So ``held - 1 >= min(lq, lc) (1 - f) / (1 +
   f)``.
2. **the lengths are close and what is held makes up the rest**: ``d >= |a - b| = |lq - lc|``, so ``r0 >= cutoff``
   needs ``|lq - lc| <= f L``; and A's joined words are a subsequence of the query's sorted key (B's of the
   name's), so their longest common subsequence is at most the sorted keys' one, which gives the token-sort
   similarity ``ts = 200 lcs / L``: ``r0 = 100 (2S + 2[I not empty] + 2 lcs(A, B)) / L <= ts + 200 held / L``, and
   ``ts`` is below the sort cutoff, so ``r0 >= cutoff`` needs ``200 held > (cutoff - sort_cutoff) L``.

A name with a word twice breaks ``lc = J(C)`` and a query with one breaks ``lq = J(Q)``: the caller keeps those.
All quantities are small integers, so the float tests below are exact but for a margin kept on the safe side.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

MARGIN = 1e-9
"""Slack on the side of keeping a name, against floating-point rounding in the tests (the quantities are integers
of a few hundred at most, their true margins at least a hundredth)."""


def may_reach_set(
    held: npt.NDArray[np.int64],
    lengths: npt.NDArray[np.int64],
    length: int,
    cutoff: float,
    sort_cutoff: float,
) -> npt.NDArray[np.bool_]:
    """Whether each name's token-set similarity with the query may reach ``cutoff`` (0..100), by the bound of the
    module docstring: ``held`` the sum, over the query's words its index keys hold, of each word's length plus one,
    ``lengths`` its sorted Latin key's length; ``length`` that of the query's distinct words joined by single
    spaces. For names with no word twice whose token-sort similarity with the query is below ``sort_cutoff``,
    against a query with no word twice: ``False`` only where ``token_set_ratio`` is below ``cutoff``."""
    f = 1.0 - cutoff / 100.0
    shared = np.maximum(held - 1, 0)  # at least S, the length of the words held in common, joined
    total = length + lengths
    nearly_whole = (1.0 + f) * shared + MARGIN >= (1.0 - f) * np.minimum(lengths, length)
    close = np.abs(length - lengths) <= f * total + MARGIN
    lifted = 200.0 * held + MARGIN * total > (cutoff - sort_cutoff) * total
    found: npt.NDArray[np.bool_] = nearly_whole | (close & lifted)
    return found
