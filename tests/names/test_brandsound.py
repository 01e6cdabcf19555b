"""English brands that sound like a Chinese trade name's pinyin (threadline.names.brandsound)."""

from __future__ import annotations

import pytest

from threadline.names.brandsound import (
    brand_word,
    may_sound_alike,
    other_spellings,
    skeleton,
    sound_similarity,
    sounds_alike,
    sounds_like_run,
    spelled,
    spelled_otherwise,
)


def test_a_skeleton_keeps_the_first_letter_and_the_consonants_written_one_way() -> None:
    assert skeleton("qinshang") == skeleton("kingsun") == "cnsn"
    assert skeleton("haimuxing") == skeleton("hymson") == "hmsn"
    assert skeleton("jinglan") == "cnln"  # ng is n before g falls in with k and c
    assert skeleton("kingland") == "cnlnd"
    assert skeleton("zhuoyi") == "c"  # zh -> j -> c; the vowels (y among them) after the first letter go


@pytest.mark.parametrize(
    ("pinyin", "word", "alike"),
    [
        ("qinshang", "kingsun", True),  # 勤上
        ("haimuxing", "hymson", True),  # 海目星
        ("jinglan", "kingland", True),  # 京蓝
        ("tianwei", "topway", True),  # 天威 "tnw" / "tpw"
        ("runxin", "stonehill", False),  # another first sound
        ("shengyi", "sunway", False),  # "sn" / "snw": too short to tell
        ("hongchuang", "hollyland", False),
    ],
)
def test_sounds_alike(pinyin: str, word: str, alike: bool) -> None:
    assert bool(sounds_alike(pinyin, (word,))) is alike
    assert (sound_similarity(pinyin, word) >= 0.6) is alike


@pytest.mark.parametrize(
    ("word", "brand"),
    [
        ("kingsun", True),
        ("hymson", True),
        ("shandong", False),  # a place sounds like its own characters
        ("xin", False),  # one pinyin syllable
        ("keji", False),  # pinyin
        ("oriental", False),  # an English word says what it means
        ("technology", False),  # generic
        ("hc", False),  # too short
    ],
)
def test_brand_word(word: str, brand: bool) -> None:
    assert brand_word(word) is brand


def test_the_bound_finds_every_run_a_brand_may_sound_like() -> None:
    assert may_sound_alike("东莞勤上光电", "kingsun")
    assert may_sound_alike("深圳市海目星激光智能装备", "hymson")
    assert not may_sound_alike("东莞勤上光电", "stonehill")
    assert not may_sound_alike("东莞勤上光电", "dongguan")  # a place is no brand
    assert spelled("勤上") == "qinshang"


@pytest.mark.parametrize(
    ("han", "word", "alike"),
    [
        ("德生", "tecsun", True),  # Hong Kong's tak sang: "tcsn", pinyin desheng "dsn"
        ("捷荣", "chitwing", True),  # Hong Kong's chit wing
        ("东旭", "tunghsu", True),  # Wade-Giles tung-hsu
        ("京蓝", "kingland", True),  # pinyin, as before
        ("世纪华", "sunwave", False),  # Hong Kong's "scw" at 0.67: under OTHER_SIMILARITY
        ("嘉欣丝绸", "chunghsin", False),  # Wade-Giles "cnsc" at 0.6
    ],
)
def test_a_brand_may_sound_like_a_run_read_as_hong_kong_or_taiwan_write_it(han: str, word: str, alike: bool) -> None:
    assert bool(sounds_like_run(han, (word,))) is alike


def test_a_reading_in_another_system_is_no_pinyin_sound() -> None:
    assert not sounds_alike(spelled("德生"), ("tecsun",))
    assert not sounds_alike(spelled("捷荣"), ("chitwing",))


def test_a_word_may_spell_a_run_as_wade_giles_or_hong_kong_does_though_it_looks_like_pinyin() -> None:
    assert "chimin" in other_spellings("济民")
    assert spelled_otherwise("张裕", ("pioneer", "changyu")) == "changyu"
    assert spelled_otherwise("张裕", ("zhangyu",)) == ""  # its pinyin is no other spelling
    assert spelled_otherwise("张裕", ("wine",)) == ""
    assert not brand_word("changyu")  # as a sound it would be refused: it spells pinyin


def test_the_bound_finds_runs_read_in_other_systems() -> None:
    assert may_sound_alike("广东德生科技", "tecsun")
    assert may_sound_alike("烟台张裕葡萄酿酒", "changyu")
    assert not may_sound_alike("烟台张裕葡萄酿酒", "yantai")  # a place is no brand
