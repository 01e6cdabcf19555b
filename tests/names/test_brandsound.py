"""English brands that sound like a Chinese trade name's pinyin (threadline.names.brandsound)."""

from __future__ import annotations

import pytest

from threadline.names.brandsound import (
    HEARD,
    SOUND_SIMILARITY,
    brand_word,
    heard,
    may_sound_alike,
    skeleton,
    sound_similarity,
    sounds_alike,
    spelled,
)


def test_a_skeleton_keeps_the_first_letter_and_the_consonants_written_one_way() -> None:
    assert skeleton("qinshang") == skeleton("kingsun") == "cnsn"
    assert skeleton("haimuxing") == skeleton("hymson") == "hmsn"
    assert skeleton("jinglan") == "cnln"  # ng is n before g falls in with k and c
    assert skeleton("kingland") == "cnlnd"
    assert skeleton("zhuoyi") == "c"  # zh -> j -> c; the vowels (y among them) after the first letter go


@pytest.mark.parametrize(
    ("han", "word", "alike"),
    [
        ("勤上", "kingsun", True),  # qinshang
        ("海目星", "hymson", True),  # haimuxing
        ("京蓝", "kingland", True),  # jinglan
        ("天威", "topway", True),  # tianwei "tnw" / "tpw"
        ("润欣", "stonehill", False),  # runxin: another first sound
        ("生益", "sunway", False),  # shengyi: "sn" / "snw", too short to tell; the model finds it close, not enough
        ("宏创", "hollyland", False),  # hongchuang
    ],
)
def test_sounds_alike(han: str, word: str, alike: bool) -> None:
    assert bool(sounds_alike(han, (word,))) is alike
    assert may_sound_alike(han, word) is alike


@pytest.mark.parametrize(
    ("han", "word"),
    [
        ("盈康", "inkon"),  # yingkang: y- left out, -ing as "in"
        ("奕瑞", "iray"),  # yirui
        ("科士达", "kstar"),  # keshida: a syllable reduced to its initial
        ("奥来德", "oled"),  # aolaide
    ],
)
def test_the_learned_model_hears_what_the_skeletons_miss(han: str, word: str) -> None:
    assert sound_similarity(spelled(han), word) < SOUND_SIMILARITY
    assert heard(han, word) >= HEARD
    assert sounds_alike(han, (word,)) == word
    assert may_sound_alike(f"深圳市{han}科技", word)  # the bound reads every run of a longer name


def test_a_foreign_name_in_chinese_characters_is_heard_too() -> None:
    assert heard("霍尼韦尔", "honeywell") >= HEARD  # huoniweier


def test_the_learned_model_does_not_hear_every_brand() -> None:
    assert heard("勤上", "stonehill") < 0.0 < HEARD
    assert heard("盈康", "vontron") < HEARD
    assert not may_sound_alike("东莞勤上光电", "tempus")


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
