"""English brands that sound like a Chinese trade name's pinyin (threadline.names.brandsound)."""

from __future__ import annotations

import pytest

from threadline.names.brandsound import (
    SOUND_SIMILARITY,
    brand_word,
    may_sound_alike,
    skeleton,
    skeleton_similarity,
    skeletons_alike,
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


def test_a_first_vowel_is_written_one_way() -> None:
    """A syllable with no initial consonant is rendered by whichever vowel a brand likes: 埃夫特 aifute = "EFORT",
    英维克 yingweike = "Envicool", 银江 yinjiang = "Enjoyor" (training companies 688165, 002837, 300020)."""
    assert skeleton("aifute") == "aft" and skeleton("efort") == "afrt"
    assert skeleton("yingweike") == "anwc" and skeleton("envicool") == "anwcl"
    assert sounds_alike(spelled("埃夫特"), ("efort",)) == "efort"
    assert sounds_alike(spelled("英维克"), ("envicool",)) == "envicool"
    assert may_sound_alike("埃夫特智能装备", "efort") and may_sound_alike("银江技术", "enjoyor")
    assert not sounds_alike(spelled("埃夫特"), ("kingsun",))  # a consonant is no vowel


def test_skeletons_beginning_with_a_vowel_must_be_closer() -> None:
    """The brand "Uniview" ("anw") is 0.67 alike to 永太 yongtai and 英特 yingte ("ant"): enough after a consonant,
    not after six vowels written one way (screening reported 浙江永太科技 as Zhejiang Uniview Technologies at 0.97)."""
    assert skeleton("yongtai") == skeleton("yingte") == "ant" and skeleton("uniview") == "anw"
    assert skeleton_similarity("ant", "anw") >= SOUND_SIMILARITY and not skeletons_alike("ant", "anw")
    assert not sounds_alike(spelled("永太"), ("uniview",)) and not may_sound_alike("浙江永太科技", "uniview")
    assert skeletons_alike("cnt", "cnw")  # the same closeness after a consonant still counts


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
