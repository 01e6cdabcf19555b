"""The token-set bound rules a name out only where rapidfuzz's token-set similarity stays below the cutoff."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from threadline.matching.tokenset import may_reach_set

CUTOFF = 95.0
SORT_CUTOFF = 70.0
WORDS = ["al", "ali", "alia", "hassan", "hasan", "mohammed", "muhammad", "bin", "abdallah", "abdullah", "putin"]
WORDS += ["vladimirovich", "aaaaaaaaaaaaaaaaaab", "zaaaaaaaaaaaaaaaaaa", "mmmmmmmmmmmmmmm", "abcdefghijklmnopqrst", "x"]
WORDS += ["yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "y", "z", "ab", "ba"]


def _reaches(query: list[str], name: list[str], extra: list[str]) -> tuple[bool, bool]:
    """(the bound keeps the name, token-set reaches the cutoff while token-sort stays below its own), the query
    words the name holds taken from its words (plus ``extra`` query words, as postings may hold more)."""
    held_words = (set(query) & set(name)) | (set(extra) & set(query))
    held = sum(len(w) + 1 for w in held_words)
    mine, theirs = " ".join(query), " ".join(sorted(name))
    kept = may_reach_set(
        np.array([held], dtype=np.int64),
        np.array([len(theirs)], dtype=np.int64),
        len(" ".join(sorted(query))),
        CUTOFF,
        SORT_CUTOFF,
    )
    sort = fuzz.ratio(" ".join(sorted(query)), theirs)
    reaches = sort < SORT_CUTOFF and fuzz.token_set_ratio(mine, theirs, score_cutoff=CUTOFF) >= CUTOFF
    return bool(kept[0]), reaches


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5, unique=True)


@settings(max_examples=3000, deadline=None)
@given(query=words, name=words, extra=st.lists(st.sampled_from(WORDS), max_size=3))
def test_a_name_ruled_out_never_reaches_the_cutoff(query: list[str], name: list[str], extra: list[str]) -> None:
    """Names and queries with no word twice, in any order, sharing words or not; the postings may hold a name
    under query words it does not have (``extra``): the bound only grows with them."""
    kept, reaches = _reaches(query, name, extra)
    assert kept or not reaches


def test_each_part_of_the_bound_keeps_a_name_that_reaches() -> None:
    """A subset, a name holding nearly all of the query (r1), and two names of equal length whose token-sort
    similarity is low because the shared word sorts apart (r0): each reaches 95 with token-sort below 70, and the
    bound keeps it; leaving out either part of the bound would lose one."""
    for query, name in [
        (["vladimir", "putin"], ["vladimir", "vladimirovich", "putin"]),
        (["abcdefghijklmnopqrst", "x"], ["abcdefghijklmnopqrst", "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"]),
        (["aaaaaaaaaaaaaaaaaab", "mmmmmmmmmmmmmmm"], ["mmmmmmmmmmmmmmm", "zaaaaaaaaaaaaaaaaaa"]),
    ]:
        assert _reaches(query, name, []) == (True, True), (query, name)


def test_a_short_shared_word_rules_most_names_out() -> None:
    """What the bound is for: a name sharing only a short word with the query, of another length or with other
    words, is not compared."""
    for name in (["mohammed", "karim"], ["mohammed", "abdullah", "bin", "hassan"], ["ali", "hasan", "putin"]):
        assert _reaches(["mohammed", "ali", "hassan"], name, []) == (False, False), name
