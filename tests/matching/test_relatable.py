"""What a pair of names needs before the matcher can read it as related: group and unit terms, a branch's place."""

from __future__ import annotations

import pytest

from threadline.matching.align import alignable_words
from threadline.matching.relatable import (
    cross_readings,
    group_positions,
    han_group_difference,
    latin_group_difference,
)
from threadline.names.normalize import name_key


def _latin(name: str) -> str:
    return name_key(name).latin


@pytest.mark.parametrize(
    ("mine", "theirs", "said"),
    [
        ("Xinjiang Guannong Group Co., Ltd.", "Xinjiang Guannong Co., Ltd.", "group"),
        (
            "Xinjiang Production and Construction Corps Public Security Bureau",
            "Xinjiang Production and Construction Corps",
            "bureau public security",
        ),
        ("XPCC 1st Division", "XPCC 2nd Division", None),  # two units of one kind, not one and its part
        ("Xinjiang Guannong Co., Ltd.", "Xinjiang Guannong Co., Ltd.", None),
        ("Holding Group", "Group", None),  # nothing but group words in common
        ("Xinjiang Guannong Group", "Xinjiang Tianye Group", None),
    ],
)
def test_two_latin_names_are_related_when_only_group_words_tell_them_apart(
    mine: str, theirs: str, said: str | None
) -> None:
    assert latin_group_difference(_latin(mine), _latin(theirs)) == said


@pytest.mark.parametrize(
    ("mine", "theirs", "said"),
    [
        ("新疆生产建设兵团公安局", "新疆生产建设兵团", "公安局"),
        ("新疆生产建设兵团", "新疆生产建设兵团第一师", "第一师"),
        ("新疆天业集团", "新疆天业", "集团"),
        ("新疆天业", "新疆天业", None),
        ("新疆天业集团", "新疆中泰集团", None),
    ],
)
def test_two_chinese_names_are_related_when_only_group_terms_tell_them_apart(
    mine: str, theirs: str, said: str | None
) -> None:
    assert han_group_difference(mine, theirs) == said


@pytest.mark.parametrize(
    ("han", "latin", "group", "branch"),
    [
        ("新疆生产建设兵团第一师", "Xinjiang Production and Construction Corps", True, False),
        ("新疆生产建设兵团", "XPCC Public Security Bureau", True, False),
        ("新疆中泰化学阜康能源", "Xinjiang Zhongtai Chemical", False, True),  # the group's Fukang company
        ("新疆中泰化学", "Xinjiang Zhongtai Chemical Fukang Energy", False, True),
        ("新疆中泰化学", "Xinjiang Zhongtai Chemical", False, False),  # the province a name begins with is no branch
    ],
)
def test_a_pair_across_scripts_needs_a_group_term_or_a_branchs_place(
    han: str, latin: str, group: bool, branch: bool
) -> None:
    readings = cross_readings(han, alignable_words(_latin(latin)))
    assert (readings.group, readings.branch) == (group, branch)


def test_group_positions_are_every_character_of_every_group_term() -> None:
    assert group_positions("新疆生产建设兵团第一师") == frozenset(range(8, 11))
    assert group_positions("新疆公安厅公安局") == frozenset(range(2, 8))
    assert group_positions("新疆中泰化学") == frozenset()
