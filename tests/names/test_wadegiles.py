from __future__ import annotations

import pytest

from threadline.names.wadegiles import wade_giles, wade_giles_readings


@pytest.mark.parametrize(
    ("syllable", "expected"),
    [
        ("zhang", "chang"),
        ("xu", "hsu"),
        ("cai", "tsai"),
        ("guo", "kuo"),  # uo kept after g
        ("luo", "lo"),  # and written o elsewhere
        ("xiong", "hsiung"),
        ("jiang", "chiang"),
        ("zhi", "chih"),
        ("ri", "jih"),
        ("si", "ssu"),
        ("zi", "tzu"),
        ("xie", "hsieh"),
        ("lian", "lien"),
        ("gui", "kuei"),
        ("hui", "hui"),
        ("ge", "ko"),
        ("de", "te"),
        ("lv", "lu"),  # pypinyin's ü
        ("xue", "hsueh"),
        ("you", "yu"),
        ("rong", "jung"),
        ("er", "erh"),
    ],
)
def test_standard_spelling_comes_first(syllable: str, expected: str) -> None:
    assert wade_giles(syllable)[0] == expected


def test_spellings_usual_in_taiwan_are_also_given() -> None:
    assert "hwa" in wade_giles("hua")
    assert "ing" in wade_giles("ying")
    assert "szu" in wade_giles("si")


def test_readings_follow_the_pinyin_read_in_context() -> None:
    assert wade_giles_readings("重庆") == (("chung",), ("ching",))  # 重 read chong here, not zhong
    assert wade_giles_readings("蒋经国") == (("chiang",), ("ching",), ("kuo",))
