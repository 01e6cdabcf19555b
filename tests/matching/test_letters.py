"""The letter-count bound is never below the longest common subsequence, whatever the two strings hold."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import LCSseq

from threadline.matching.letters import CHUNK, common_bound, letter_counts, query_table

ALPHABET = "aaabbeeilnorstuxz   0123456789-.'&éüß中\n"
texts = st.text(alphabet=ALPHABET, max_size=40)


@settings(max_examples=500, deadline=None)
@given(query=texts, names=st.lists(texts, min_size=1, max_size=12))
def test_the_bound_is_at_least_the_longest_common_subsequence(query: str, names: list[str]) -> None:
    """Repeated letters (three or more counted as any number), digits, punctuation, characters outside ASCII (a
    byte each), a newline inside a name (counted apart): the bound never falls below what is in common."""
    bound = common_bound(query_table(query), letter_counts(names))
    for name, most in zip(names, bound.tolist(), strict=True):
        assert most >= LCSseq.similarity(query, name)


def test_a_name_of_other_letters_is_bounded_by_what_it_shares() -> None:
    """What the bound is for: names with few letters of the query's are bounded low, equal names by their length."""
    words = letter_counts(["zzyzx", "alpha beta", "ahpla ateb", "x"])
    assert common_bound(query_table("alpha beta"), words).tolist() == [0, 10, 10, 0]
    assert common_bound(query_table("zzz"), words).tolist() == [3, 0, 0, 0]


def test_names_are_counted_alike_in_every_chunk() -> None:
    """More names than are counted together: each is counted as if alone."""
    rng = random.Random(5)
    names = [
        "".join(rng.choice(ALPHABET.replace("\n", "")) for _ in range(rng.randint(0, 12))) for _ in range(CHUNK + 300)
    ]
    names[CHUNK - 1] = "line\nbreak"
    words = letter_counts(names)
    for at in [0, 1, CHUNK - 2, CHUNK - 1, CHUNK, CHUNK + 299, *rng.sample(range(len(names)), 200)]:
        assert words[at] == letter_counts([names[at]])[0], names[at]
    assert words.dtype == np.dtype("<u8")
