"""Whole-list scoring and ranking give what the one-at-a-time loops gave: same records, same scores, same order."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from threadline.matching.index import IdList
from threadline.matching.vectorised import (
    RecentTexts,
    SortedNames,
    among,
    held_weight,
    id_list,
    intersection,
    merged_ids,
    most_shared,
    repeated_words,
    sorted_words,
)

WORDS = ["alpha", "beta", "gamma", "co", "ltd", "trading", "shenzhen", "tech", "al", "pha"]
names = st.lists(st.sampled_from(WORDS), min_size=0, max_size=5).map(" ".join)


def _extract(query: str, choices: Sequence[str], cutoff: float) -> list[tuple[int, float]]:
    found = process.extract(
        query, choices, scorer=fuzz.token_sort_ratio, processor=None, limit=None, score_cutoff=cutoff
    )
    return [(pos, score) for _choice, score, pos in found]


@settings(max_examples=300, deadline=None)
@given(
    query=names,
    choices=st.lists(names, max_size=40),
    cutoff=st.sampled_from([0.0, 50.0, 70.0, 95.0]),
    order=st.randoms(use_true_random=False),
)
def test_token_sort_scores_are_rapidfuzz_extract(query: str, choices: list[str], cutoff: float, order: Any) -> None:
    """Repeated names make ties: they must come in the order ``extract`` gives them (by position in ``ids``)."""
    ids = list(range(len(choices)))
    order.shuffle(ids)
    got = SortedNames(choices).scores(query, ids, cutoff)
    expected = [(ids[pos], score) for pos, score in _extract(query, [choices[i] for i in ids], cutoff)]
    assert got == expected
    assert SortedNames(choices).scores(query, np.array(ids, dtype=np.int64), cutoff) == expected  # as the matcher


def test_token_sort_scores_on_real_spellings() -> None:
    choices = [
        "xinjiang zhongtai chemical",
        "zhongtai xinjiang chemical",
        "chemical xinjiang zhongtai",
        "hangzhou hikvision digital technology",
        "xinjiang  zhongtai   chemical group",
        "zhong tai chemical",
        "xinjiang zhongtai chemical co ltd and its subsidiaries in the region",
    ]
    ids = [6, 5, 4, 3, 2, 1, 0]
    got = SortedNames(choices).scores("Xinjiang Zhongtai Chemical", ids, 70.0)
    expected = [(ids[pos], score) for pos, score in _extract("Xinjiang Zhongtai Chemical", choices[::-1], 70.0)]
    assert got == expected
    assert [i for i, _score in got[:3]] == [2, 1, 0]  # equal scores, in the order asked


def _most_shared_loop(record_ids: list[int], postings: list[list[int]], limit: int) -> list[int]:
    """The ranking as it was written before (a dict of sums, then a sort)."""
    wanted = set(record_ids)
    shared: dict[int, float] = defaultdict(float)
    for ids in postings:
        for i in ids:
            if i in wanted:
                shared[i] += 1.0 / len(ids)
    ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
    return [i for i, _n in ranked[:limit]]


postings_lists = st.lists(st.sets(st.integers(0, 60), max_size=25).map(sorted), max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    record_ids=st.sets(st.integers(0, 60), max_size=40).map(sorted), postings=postings_lists, limit=st.integers(1, 30)
)
def test_most_shared_ranks_as_the_loop(record_ids: list[int], postings: list[list[int]], limit: int) -> None:
    assert most_shared(record_ids, postings, limit) == _most_shared_loop(record_ids, postings, limit)


def test_most_shared_reads_mapped_postings_and_any_order_of_candidates() -> None:
    posted = [np.array([1, 4, 9], dtype=np.int32), np.array([4, 7], dtype=np.int32), np.array([9], dtype=np.int32)]
    mapped = [IdList([(posted[0], 0)]), IdList([(posted[1], 0)]), IdList([(posted[2], 0)])]
    plain = [p.tolist() for p in posted]
    for candidates in ([9, 4, 1, 7], [1, 4, 7, 9], [7, 1]):
        assert most_shared(candidates, mapped, 3) == _most_shared_loop(candidates, plain, 3)
    assert most_shared([9, 4, 1, 7], mapped, 2) == [9, 4]  # 1/3 + 1 beats 1/3 + 1/2


@settings(max_examples=300, deadline=None)
@given(postings=postings_lists, mapped=st.lists(st.booleans(), max_size=12), base=st.integers(0, 1_000))
def test_merged_ids_is_the_sorted_union(postings: list[list[int]], mapped: list[bool], base: int) -> None:
    """Plain lists and mapped ones (offset by their segment's base) alike, as ``sorted(set().union(...))``."""
    lists: list[Sequence[int]] = [
        IdList([(np.array(ids, dtype=np.int32), base)]) if flag else [i + base for i in ids]
        for ids, flag in zip(postings, mapped + [False] * len(postings), strict=False)
    ]
    merged = merged_ids(lists)
    assert merged.dtype == np.int64
    assert merged.tolist() == sorted({i + base for ids in postings for i in ids})


@settings(max_examples=300, deadline=None)
@given(ids=st.sets(st.integers(0, 80), max_size=40).map(sorted), wanted=st.sets(st.integers(-5, 90), max_size=15))
def test_among_keeps_the_wanted_ids_in_order(ids: list[int], wanted: set[int]) -> None:
    expected = [i for i in ids if i in wanted]
    assert among(np.array(ids, dtype=np.int64), wanted) == expected
    assert among(ids, wanted) == expected


def test_id_list_gives_python_ints() -> None:
    listed = id_list(np.array([3, 1, 2], dtype=np.int64))
    assert listed == [3, 1, 2] and all(type(i) is int for i in listed)
    assert id_list([5, 4]) == [5, 4]


@given(st.sets(st.integers(0, 500)), st.sets(st.integers(0, 500)))
def test_intersection_of_two_posting_lists(first: set[int], second: set[int]) -> None:
    assert intersection(sorted(first), np.array(sorted(second), dtype=np.int64)).tolist() == sorted(first & second)


@settings(max_examples=300, deadline=None)
@given(
    ids=st.lists(st.integers(min_value=0, max_value=60), unique=True, max_size=30),
    postings=st.lists(st.sets(st.integers(min_value=0, max_value=60), max_size=40).map(sorted), max_size=5),
    as_id_lists=st.booleans(),
)
def test_held_weight_sums_the_weights_of_the_postings_holding_each_id(
    ids: list[int], postings: list[list[int]], as_id_lists: bool
) -> None:
    """Ids in any order, postings ascending (as an index keeps them, plain or as an ``IdList`` across segments):
    the same as asking each id of each list."""
    weights = [3 * n + 2 for n in range(len(postings))]
    lists: list[Any] = postings
    if as_id_lists:
        lists = [IdList([(np.asarray(p, dtype=np.int32), 0)]) for p in postings]
    weight = held_weight(np.asarray(ids, dtype=np.int64), lists, weights)
    assert weight.tolist() == [sum(w for posted, w in zip(postings, weights, strict=True) if i in posted) for i in ids]


def test_repeated_words_flags_a_word_met_twice() -> None:
    assert repeated_words(["ali al ali", "al ali", "", "bin laden bin"]) == bytes([1, 0, 0, 1])


@settings(max_examples=500, deadline=None)
@given(query=names, choice=names)
def test_token_set_is_token_sort_for_names_with_no_word_in_common_and_none_twice(query: str, choice: str) -> None:
    """What ``SimpleMatcher._may_hold`` leaves out rests on this: with no word in common and none twice, the
    token-set comparison compares the two sorted names, as token-sort does (and an empty name scores 0, no hit)."""
    mine, theirs = query.split(), choice.split()
    if set(mine) & set(theirs) or len(set(mine)) < len(mine) or len(set(theirs)) < len(theirs):
        return
    if not mine or not theirs:
        assert fuzz.token_set_ratio(query, choice) == 0
    else:
        # equal but for rounding (22.22222222222223 and ...22 for "alpha", "beta"): a name at 95 by one is far above
        # the 70 that the other needs for the name to have been scored already
        assert fuzz.token_set_ratio(query, choice) == pytest.approx(fuzz.token_sort_ratio(query, choice), abs=1e-9)


class _Taken(list[str]):
    """Texts that count the items their ``take`` reads (as a persisted index's keys are read from the file)."""

    read = 0

    def take(self, ids: list[int]) -> list[str]:
        self.read += len(ids)
        return [self[i] for i in ids]


def _recent(texts: _Taken, keep: int = 1 << 20) -> RecentTexts:
    ordered = [sorted_words(text) for text in texts]
    return RecentTexts(texts, ordered, np.asarray([len(text) for text in ordered]), keep=keep)


def test_recent_texts_are_taken_as_read_one_by_one_and_read_once() -> None:
    texts = _Taken(f"name {n} {n % 7}" for n in range(500))
    recent = _recent(texts, keep=300)
    rnd = random.Random(5)
    for _ in range(40):
        ids = rnd.sample(range(500), rnd.randint(0, 120))
        assert recent.take(ids) == [texts[i] for i in ids]
        assert recent.take(np.asarray(ids[: len(ids) // 2], dtype=np.int64)) == [texts[i] for i in ids[: len(ids) // 2]]
    assert recent[17] == texts[17] and len(recent) == 500 and list(recent) == texts
    again = _recent(texts)
    before = texts.read
    again.take(list(range(100)))
    again.take(list(range(50, 150)))
    assert texts.read - before == 150  # the second take read only the 50 it had not read


@settings(max_examples=200, deadline=None)
@given(
    query=names,
    choices=st.lists(names, min_size=1, max_size=40),
    cutoff=st.sampled_from([0.0, 50.0, 70.0, 95.0]),
    order=st.randoms(use_true_random=False),
)
def test_recent_texts_score_as_rapidfuzz_extract(query: str, choices: list[str], cutoff: float, order: Any) -> None:
    """Kept or read afresh (``keep`` small enough to forget them all now and then), the scores and their order are
    ``extract``'s, from the sorted keys alone."""
    ordered = _Taken(sorted_words(choice) for choice in choices)
    recent = RecentTexts(_Taken(choices), ordered, np.asarray([len(text) for text in ordered]), keep=25)
    for _ in range(3):
        ids = list(range(len(choices)))
        order.shuffle(ids)
        ids = ids[: order.randint(0, len(ids))]
        expected = [(ids[pos], score) for pos, score in _extract(query, [choices[i] for i in ids], cutoff)]
        assert recent.scores(query, ids, cutoff) == expected
        assert recent.ordered(ids) == [sorted_words(choices[i]) for i in ids]
        assert recent.take(ids) == [choices[i] for i in ids]


@settings(max_examples=300, deadline=None)
@given(query=names, choice=names)
def test_token_set_similarity_is_that_of_the_sorted_words(query: str, choice: str) -> None:
    """The persons' subsets compare a query with the sorted keys token-sort scoring read (``_ordered``)."""
    assert fuzz.token_set_ratio(query, sorted_words(choice)) == fuzz.token_set_ratio(query, choice)
