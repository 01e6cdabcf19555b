"""Group and unit terms: what makes one party a part, a member or the parent of another.

新疆生产建设兵团公安局 is a bureau of 新疆生产建设兵团, 第一师 one of its divisions and 一零四团 a regiment of that
division; "Xinjiang Zhongtai Group" is the parent of "Xinjiang Zhongtai Chemical". Two names that differ only by
such terms are related, not the same party. Two names that name units of the same kind by different numbers
("1st Division" and "2nd Division" of the XPCC) are two parties, however alike the rest is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

UNIT_WORDS = frozenset(
    {"bureau", "branch", "subsidiary", "department", "office", "institute", "public", "security", "police", "prison"}
    | {"committee", "administration", "party", "division", "regiment"}
)
GROUP_WORDS = frozenset({"group", "holding", "holdings"}) | UNIT_WORDS
"""Words that make a party part of, or the parent of, another: "Group", or a unit of an agency ("Public Security
Bureau", "1st Division", "Party Committee"). A pair that differs only by them is related, not the same party."""
NUMBERED_WORDS = frozenset({"division", "regiment"})
"""Units known by a number ("14th Division", "121st Regiment"): the number is part of the unit's name."""
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
"""An ordinal as name keys write it ("First" -> "1st")."""
GROUP_TERMS = (
    "公安局",
    "公安厅",
    "管理局",
    "分公司",
    "子公司",
    "办事处",
    "研究所",
    "研究院",
    "委员会",
    "党委",
    "分局",
    "分行",
    "支行",
    "监狱",
    "集团",
    "控股",
    "局",
    "厅",
)
"""The same in Chinese, longest first (新疆生产建设兵团公安局 is a bureau of 新疆生产建设兵团)."""
_NUMERAL = "〇零一二三四五六七八九十百"
NUMBERED_TERM = re.compile(f"第[{_NUMERAL}]+师|第?[{_NUMERAL}]+团")
"""An XPCC division or regiment by its number (第一师, 一零四团, 第十四师)."""


def is_group_word(word: str, words: Iterable[str] = ()) -> bool:
    """Whether ``word`` is a group or unit word, or the ordinal of a numbered unit among ``words`` ("1st" of "1st
    division")."""
    return word in GROUP_WORDS or (ORDINAL.fullmatch(word) is not None and not NUMBERED_WORDS.isdisjoint(words))


def strip_group_terms(han: str) -> tuple[str, list[str]]:
    """``han`` without its group and unit terms (:data:`GROUP_TERMS`, :data:`NUMBERED_TERM`), and the terms taken
    out, in the order found."""
    found = NUMBERED_TERM.findall(han)
    rest = NUMBERED_TERM.sub("", han)
    for term in GROUP_TERMS:  # longest first: 公安局 before 局
        if term in rest:
            found.append(term)
            rest = rest.replace(term, "")
    return rest, found


def han_units_apart(mine: str, theirs: str) -> tuple[str, str] | None:
    """The numbered units (:data:`NUMBERED_TERM`) of two Chinese names when both name some, differ in them and are
    otherwise the same (新疆生产建设兵团第一师 and 新疆生产建设兵团第二师), else ``None``."""
    mine_units, theirs_units = NUMBERED_TERM.findall(mine), NUMBERED_TERM.findall(theirs)
    only_mine = [unit for unit in mine_units if unit not in theirs_units]
    only_theirs = [unit for unit in theirs_units if unit not in mine_units]
    if not only_mine or not only_theirs or NUMBERED_TERM.sub("", mine) != NUMBERED_TERM.sub("", theirs):
        return None  # one name's units within the other's (第一师 and its 一零四团) are related, not apart
    return "".join(only_mine), "".join(only_theirs)


def numbered_units(words: Iterable[str]) -> tuple[str, ...]:
    """The numbered units of a Latin name's key words, each as ordinal and unit word ("1st division")."""
    return tuple(f"{a} {b}" for a, b in pairwise(words) if ORDINAL.fullmatch(a) and b in NUMBERED_WORDS)


def latin_units_apart(mine: Iterable[str], theirs: Iterable[str]) -> tuple[str, str] | None:
    """The numbered units each of two Latin names has and the other lacks, when both have some ("xpcc 1st division"
    and "xpcc 2nd division"), else ``None``."""
    mine_units, theirs_units = set(numbered_units(mine)), set(numbered_units(theirs))
    only_mine, only_theirs = mine_units - theirs_units, theirs_units - mine_units
    if not only_mine or not only_theirs:
        return None
    return " ".join(sorted(only_mine)), " ".join(sorted(only_theirs))
