from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.names.numerals import CARDINALS, ORDINALS, TENS, digitise, ordinal


def _words(number: int) -> str:
    """The English words of 0..99, written from the tables under test's own word lists by another route."""
    units = {value: word for word, value in CARDINALS.items()}
    tens = {value: word for word, value in TENS.items()}
    if number < 20:
        return units[number]
    ten, unit = divmod(number, 10)
    return tens[ten * 10] + ("" if unit == 0 else f" {units[unit]}")


@given(st.integers(min_value=0, max_value=99))
def test_every_number_word_below_a_hundred_becomes_its_digits(number: int) -> None:
    assert digitise(f"brigade {_words(number)}") == f"brigade {number}"


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("brigade forty four", "brigade 44"),
        ("brigade forty 4", "brigade 44"),
        ("first international bank", "1st international bank"),
        ("twenty first century fox", "21st century fox"),
        ("thirty third division", "33rd division"),
        ("three percenters", "3 percenters"),
        ("forty", "40"),
        ("hundred flowers", "hundred flowers"),  # only 0..99
        ("xinjiang zhongtai chemical", "xinjiang zhongtai chemical"),
        ("fortyfour", "fortyfour"),  # words are whole words
    ],
)
def test_digitise(folded: str, expected: str) -> None:
    assert digitise(folded) == expected


def test_ordinal_suffixes() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 40)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "40th"
    ]
    assert all(digitise(word) == ordinal(value) for word, value in ORDINALS.items())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz 0123456789", max_size=40))
def test_digitise_is_idempotent(text: str) -> None:
    folded = " ".join(text.split())
    assert digitise(digitise(folded)) == digitise(folded)
