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


def test_each_word_is_read_from_pypinyins_tables_as_its_converter_reads_it() -> None:
    """A new word's readings come from pypinyin's phrase and character tables, not its converter: the same on every
    word the listed companies' Chinese names are cut into, on every character of the CJK blocks pypinyin reads
    (alone, and after one it does not read, which the converter drops), and on a phrase."""
    from pypinyin.constants import PINYIN_DICT, RE_HANS

    from threadline.names.pinyin_reader import _converter, _plain_word

    def converted(word: str) -> tuple[str, ...]:
        return tuple(r[0] for r in _converter().convert(word, Style.NORMAL, False, "ignore", strict=True))

    prefixes = phrase_prefixes()
    assert prefixes is not None
    words = {word for name in _listed_chinese_names() if RE_HANS.fullmatch(name) for word in cut(name, prefixes)}
    assert len(words) > 1_500 and sum(len(word) > 1 for word in words) > 500
    assert [word for word in sorted(words) if _plain_word(word) != converted(word)] == []
    unread = next(chr(code) for code in range(0x3400, 0xA000) if code not in PINYIN_DICT)
    characters = [chr(code) for code in range(0x3400, 0xA000) if code in PINYIN_DICT]
    assert len(characters) > 20_000
    for text in [*characters, *(f"{unread}{c}" for c in characters[::50]), "中华人民共和国", "长江", "行长"]:
        assert _plain_word(text) == converted(text), text
    assert plain_readings(f"中{unread}国") == ["zhong", "guo"]  # (pypinyin drops it: the reader says it read less)
