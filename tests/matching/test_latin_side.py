"""The bound worked out for a Latin query's Chinese candidates at once must be the one worked out pair by pair."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from threadline.matching.align import MAX_SPAN, alignable_words
from threadline.matching.bound import _span_table, leaves_only, reach, vocabulary
from threadline.matching.crossscript import han_core
from threadline.matching.latin_side import _Offers, _spellings, _wanted, known_leaves_only, known_reach, work_out
from threadline.matching.relatable import group_positions
from threadline.matching.units import is_group_word
from threadline.names.glossary import dictionary, glossary
from threadline.names.normalize import name_key
from threadline.names.places import is_place

PAIRS = Path("cn_company_names") / "cn_company_name_pairs.csv"
ENOUGH = (0.0, 0.5747, 0.6530, 0.9)
"""No floor at all, the least alignment scores that can reach 0.70 and 0.85 (``simple.lowest_reaching``), and a
floor few pairs reach."""


def _pairs(folder: Path) -> list[tuple[str, str]]:
    with (folder / PAIRS).open(encoding="utf-8-sig") as handle:
        return [(r["name_zh_full"], r["name_en"]) for r in csv.DictReader(handle) if r["name_zh_full"] and r["name_en"]]


def _compare(words: tuple[str, ...], hans: list[str]) -> tuple[int, int]:
    """Work the query out against ``hans`` and compare each pair's bound with :func:`reach`'s, at every floor of
    :data:`ENOUGH`. Returns how many pairs the Latin side ruled out and how many it let through."""
    work_out(words, hans)
    ruled = through = 0
    for han in hans:
        for enough in ENOUGH:
            vocabulary.cache_clear()  # a vocabulary of its own for each pair: nothing carried over
            expected = reach(han, words, enough)
            assert known_reach(han, words, enough) == expected, (han, words, enough)
            ruled += expected.score < enough
            through += expected.score >= enough
    for han in hans:
        _leave_the_same(words, han)
    return ruled, through


LEFT = {True: 0, False: 0}
"""How often :func:`_leave_the_same` found each answer (both must be met)."""


def _leave_the_same(words: tuple[str, ...], han: str) -> None:
    """:func:`known_leaves_only` of a worked-out pair answers as :func:`leaves_only` does, for the three questions
    the matcher asks (only group words and terms left; every character explained; every word explained)."""
    for word_ok, chars_ok in [
        (lambda word: is_group_word(word, words), group_positions(han)),
        (lambda _word: True, frozenset[int]()),
        (lambda _word: False, frozenset(range(len(han)))),
    ]:
        vocabulary.cache_clear()
        expected = leaves_only(han, words, word_ok, chars_ok)
        assert known_leaves_only(han, words, word_ok, chars_ok) == expected, (han, words)
        LEFT[expected] += 1


@pytest.mark.shared
def test_the_bound_is_the_one_reach_gives_on_real_names(shared_data: Path) -> None:
    """The English names of listed companies as queries, each against the Chinese names of thirty companies (its
    own among them, the others picked at random and from its province's): every pair's bound, ruled out by the Latin
    side or not, equals :func:`reach`'s, float for float, with the same words left unexplained and the same flags."""
    pairs = _pairs(shared_data)
    rnd = random.Random(17)
    ruled = through = 0
    for zh, en in rnd.sample(pairs, 40):
        words = alignable_words(name_key(en).latin)
        others = [han_core(other) for other, _en in rnd.sample(pairs, 29)]
        hans = [h for h in dict.fromkeys([han_core(zh), *others]) if len(h) > 4]
        found = _compare(words, hans)
        ruled, through = ruled + found[0], through + found[1]
    assert ruled > 500 and through > 500  # both kinds of pair were met
    assert LEFT[True] > 100 and LEFT[False] > 100


@pytest.mark.shared
def test_the_spellings_kept_are_every_one_of_a_length_that_may_matter(shared_data: Path) -> None:
    """:func:`_spellings` leaves out only spellings no word may equal or be close to: compared with every spelling
    of every run (:meth:`~threadline.matching.bound._SpanTable.spelled`) filtered by length and first letter."""
    table = _span_table((glossary(), dictionary()))
    rnd = random.Random(5)
    kept = dropped = 0
    for zh, en in rnd.sample(_pairs(shared_data), 60):
        words = alignable_words(name_key(en).latin)
        lengths = _wanted(words)
        han = han_core(zh)
        for i in range(len(han)):
            for k in range(1, min(MAX_SPAN, len(han) - i) + 1):
                run = han[i : i + k]
                every = table.spelled(run)[0]
                found = _spellings(run, lengths, table)
                assert found <= every
                for spelling in every:
                    low, high = lengths.by_first.get(spelling[0], (lengths.low, lengths.high))
                    low, high = min(low, lengths.low), max(high, lengths.high)
                    assert spelling in found or not low <= len(spelling) <= high, (run, spelling, words)
                    assert spelling in found or spelling not in words
                kept, dropped = kept + len(found), dropped + len(every) - len(found)
    assert kept > 1_000 and dropped > 200


@pytest.mark.shared
def test_runs_worked_out_from_a_start_are_spelled_as_each_alone(shared_data: Path) -> None:
    """:class:`_Offers` works out the runs from a start in one pass (each run's spellings grown from the shorter
    run's): every run gets the very spellings :func:`_spellings` makes of it alone, and the same trade flag, whether
    the runs are met name by name (:meth:`_Offers.name`) or one at a time, the longest first (:meth:`_Offers.run`)."""
    table = _span_table((glossary(), dictionary()))
    rnd = random.Random(11)
    pairs = _pairs(shared_data)
    compared = 0
    for zh, en in rnd.sample(pairs, 60):
        words = alignable_words(name_key(en).latin)
        if not words:
            continue
        lengths = _wanted(words)
        hans = [han_core(zh)] + [han_core(other) for other, _en in rnd.sample(pairs, 5)]
        by_name, one_by_one = _Offers(words, table), _Offers(words, table)
        for han in hans:
            by_name.name(han)
            for i in range(len(han)):
                for k in range(min(MAX_SPAN, len(han) - i), 0, -1):
                    run = han[i : i + k]
                    expected = (_spellings(run, lengths, table), k >= 2 and not is_place(run))
                    assert by_name.run(run) == expected == one_by_one.run(run), (run, words)
                    compared += 1
    assert compared > 3_000


def test_misspelt_words_and_phrases_give_the_same_bound() -> None:
    """Close spellings (a letter changed), initials, glossary phrases (a piece of one, "chemical" of
    "petrochemical"), generic words and words nothing explains, against names with a leading province, an optional
    character and a generic term."""
    hans = ["新疆中泰化学股份", "中国石油化工集团", "深圳市海康威视数字技术", "浙江海越科技", "上海市浦东新区发展"]
    hans += ["东方石化控股", "新疆金风科技"]
    for words in [
        ("xinjiang", "zhongtay", "chemical"),
        ("sinopec", "petro", "chemical", "group"),
        ("shenzhen", "hikvision", "digital", "technology"),
        ("zhejiang", "hy", "technology"),
        ("qwrtz", "xyzzy"),
        ("shanghai", "pudong", "development"),
        ("oriental", "petrochemicals", "holding"),  # other forms of 东方 "orient", 控股 "holdings"
        ("goldwind", "technology"),  # 金 "gold" and 风 "wind" joined
    ]:
        ruled, through = _compare(words, hans)
        assert ruled + through == len(hans) * len(ENOUGH)


def test_a_pair_not_worked_out_is_left_to_reach() -> None:
    """Short names (which may be read as persons' names other ways) and pairs of an earlier query: not known."""
    work_out(("zhong", "tai"), ["中泰", "新疆中泰化学"])
    assert known_reach("中泰", ("zhong", "tai"), 0.5) is None  # four characters or fewer: left to reach
    assert known_reach("新疆中泰化学", ("zhong", "tai"), 0.5) is not None
    work_out(("xinjiang",), ["新疆中泰化学"])
    assert known_reach("新疆中泰化学", ("zhong", "tai"), 0.5) is None  # replaced by the next query's
