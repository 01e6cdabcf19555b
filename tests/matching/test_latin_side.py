"""The bound worked out for a Latin query's Chinese candidates at once must be the one worked out pair by pair."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from threadline.matching.align import alignable_words
from threadline.matching.bound import reach, vocabulary
from threadline.matching.crossscript import han_core
from threadline.matching.latin_side import known_reach, work_out
from threadline.names.normalize import name_key

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
    return ruled, through


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
