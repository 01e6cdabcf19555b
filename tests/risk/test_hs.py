from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.risk.hs import nomenclature, parse


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("5205", ["5205"]),
        ("5205.12", ["520512"]),
        ("520512", ["520512"]),
        ("HS 5205.12.10", ["52051210"]),
        ("HTS: 5205.12.1000", ["5205121000"]),
        ("5205 12 10", ["52051210"]),
        ("5201; 5205", ["5201", "5205"]),
        ("5201 5205", ["5201", "5205"]),
        ("5201、5205", ["5201", "5205"]),
    ],
)
def test_codes_are_read_in_any_common_form(text: str, digits: list[str]) -> None:
    codes, problems = parse(text)
    assert [c.digits for c in codes] == digits
    assert problems == []


def test_a_lost_leading_zero_is_put_back_and_said() -> None:
    (code,), _ = parse("70200")
    assert code.digits == "070200"
    assert code.note and "leading zero" in code.note
    assert code.description == "Vegetables; tomatoes, fresh or chilled"


def test_national_tariff_lines_are_described_by_their_hs_subheading() -> None:
    (code,), _ = parse("8541.43.0010")
    assert code.described_as == "854143"


def test_a_heading_that_does_not_exist_is_a_problem() -> None:
    codes, problems = parse("5299.10")
    assert codes and problems and "5299" in problems[0]


def test_text_that_is_not_a_code_is_a_problem_naming_it() -> None:
    codes, problems = parse("cotton")
    assert codes == [] and "'cotton'" in problems[0]


def test_the_nomenclature_is_hs_2022() -> None:
    table = nomenclature()
    assert "854143" in table  # photovoltaic modules: new in HS 2022
    assert len([c for c in table if len(c) == 4]) == 1229


@given(st.text())
def test_parse_never_raises(text: str) -> None:
    parse(text)
