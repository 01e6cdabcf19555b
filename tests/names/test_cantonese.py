from __future__ import annotations

import pytest

from threadline.names.cantonese import cantonese_readings, char_spellings, table, variants


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("bing", {"bing", "ping"}),  # 炳: Hong Kong writes the unaspirated b as p ("Ping-keung")
        ("gwok", {"gwok", "kwok"}),
        ("jeung", {"jeung", "cheung", "tseung"}),
        ("tsang", {"tsang", "chang"}),
        ("ngor", {"ngor", "ngo"}),
        ("lam", {"lam"}),
    ],
)
def test_variants_are_the_ways_hong_kong_writes_a_syllable(spelling: str, expected: set[str]) -> None:
    found = variants(spelling)
    assert found[0] == spelling
    assert set(found) == expected


def test_the_table_is_folded_to_simplified_and_merges_traditional_forms() -> None:
    assert "cheng" in table()["郑"]  # from 鄭
    assert "鄭" not in table()
    assert {"faat", "fat"} <= set(table()["发"])  # 發 and 髮 both fold to 发


def test_readings_of_hong_kong_officials_names() -> None:
    spoken = cantonese_readings("李家超")
    assert spoken is not None
    assert "lee" in spoken[0] and "ka" in spoken[1] and "chiu" in spoken[2]
    assert "ping" in char_spellings("炳")


def test_unknown_characters_read_as_themselves() -> None:
    assert cantonese_readings("㐀㐁") is None  # characters the table does not know
    spoken = cantonese_readings("李㐀")
    assert spoken is not None and spoken[1] == ("㐀",)
