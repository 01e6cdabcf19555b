from __future__ import annotations

import pytest

from threadline.names.korean import korean_readings, spellings, table


@pytest.mark.parametrize(
    ("syllable", "expected"),
    [
        ("김", {"kim", "gim"}),
        ("철", {"cheol", "chol"}),  # Revised Romanization, McCune-Reischauer folded
        ("삼", {"sam"}),
        ("이", {"lee", "yi", "ri"}),  # family spellings
        ("박", {"park", "pak"}),
        ("은", {"eun", "un"}),
    ],
)
def test_a_syllable_has_its_usual_spellings(syllable: str, expected: set[str]) -> None:
    assert expected <= set(spellings(syllable))


def test_characters_are_read_in_korean_after_folding() -> None:
    assert "철" in table()["铁"]  # from 鐵, folded to simplified
    readings = korean_readings("金铁三")
    assert readings is not None
    assert "kim" in readings[0] and "chol" in readings[1] and "sam" in readings[2]
    assert spellings("a") == ()
