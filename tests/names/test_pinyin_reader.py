import pypinyin
import pytest
from pypinyin import Style

from threadline.names.pinyin_reader import pinyin

TEXTS = ["重庆长安汽车", "新疆中泰化学", "绿色战略", "国电长源", "陈全国", "行长", "ABC科技", "", "ㄅ"]


@pytest.mark.parametrize("style", [Style.NORMAL, Style.TONE, Style.FIRST_LETTER, Style.TONE3])
@pytest.mark.parametrize("errors", ["ignore", "default"])
def test_reads_as_pypinyin_does(style: Style, errors: str) -> None:
    for _ in range(2):  # the second time from what the reader remembers
        for text in TEXTS:
            for heteronym in (False, True):
                expected = pypinyin.pinyin(text, style=style, heteronym=heteronym, errors=errors)
                assert pinyin(text, style=style, heteronym=heteronym, errors=errors) == expected


def test_a_caller_changing_what_it_was_given_changes_nothing_remembered() -> None:
    """Each word's readings are kept, and every call returns lists of its own (pypinyin's callers may change them)."""
    first = pinyin("新疆中泰", style=Style.NORMAL)
    first[0][0] = "changed"
    first.append(["more"])
    assert pinyin("新疆中泰", style=Style.NORMAL) == [["xin"], ["jiang"], ["zhong"], ["tai"]]
