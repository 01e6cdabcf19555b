import csv

import pypinyin
import pytest
from pypinyin import Style
from pypinyin.seg import mmseg

from threadline.names.listed import TABLE
from threadline.names.pinyin_reader import cut, phrase_prefixes, pinyin, plain_readings

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


def _listed_chinese_names() -> list[str]:
    """The Chinese names of the exchange-listed companies, in full and as their lookup keys (no legal form)."""
    with TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return sorted({value for row in rows if row["language"] == "zh" for value in (row["name"], row["key"]) if value})


def test_names_are_cut_into_the_words_pypinyin_cuts_them_into() -> None:
    """The compiled cut against pypinyin's own segmenter on every listed company's Chinese name: 7,000-odd names,
    so every branch of the cut is met (phrases within phrases, beginnings of phrases that are none, single
    characters)."""
    names = _listed_chinese_names()
    assert len(names) > 5_000
    prefixes = phrase_prefixes()
    assert prefixes is not None  # the pinned pypinyin keeps its segmenter's beginnings as a set
    differ = [name for name in names if cut(name, prefixes) != list(mmseg.seg.cut(name))]
    assert differ == []
    assert cut("中华人民共和国", prefixes) == list(mmseg.seg.cut("中华人民共和国"))


def test_listed_names_read_as_pypinyin_reads_them() -> None:
    for name in _listed_chinese_names():
        assert pinyin(name, style=Style.NORMAL, errors="ignore") == pypinyin.pinyin(
            name, style=Style.NORMAL, errors="ignore"
        ), name


def test_text_that_is_not_han_alone_goes_through_pypinyin_whole() -> None:
    """A line break after the characters, Latin letters, a space: pypinyin's own segmentation, not the cut."""
    for text in ("新疆\n", "新疆 中泰", "TCL科技", "新疆中泰\u3000化学"):
        assert pinyin(text, style=Style.NORMAL) == pypinyin.pinyin(text, style=Style.NORMAL)


def test_plain_readings_are_the_first_readings_pypinyin_gives() -> None:
    """One toneless reading a character, as read in context; the second time from what is kept; other text (a
    character pypinyin does not know, Latin letters) through pypinyin whole."""
    names = [*_listed_chinese_names()[::3], "重庆长安汽车", "国电长源", "TCL科技", "ㄅ", ""]
    for _ in range(2):
        for name in names:
            expected = [r[0] for r in pypinyin.pinyin(name, style=Style.NORMAL, heteronym=False, errors="ignore")]
            assert plain_readings(name) == expected, name
