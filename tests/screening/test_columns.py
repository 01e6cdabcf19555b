from __future__ import annotations

import pytest

from threadline.screening.columns import detect_columns


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["supplier_name", "supplier_address", "country"], ("supplier_name", "supplier_address", "country")),
        (["Factory Name", "Address", "Country/Region"], ("Factory Name", "Address", "Country/Region")),
        (["供应商名称", "地址", "国家", "产品", "海关编码"], ("供应商名称", "地址", "国家")),
        (["\ufeffName", "Street Address", "Country"], ("\ufeffName", "Street Address", "Country")),
    ],
)
def test_columns_are_found_by_english_or_chinese_header(headers: list[str], expected: tuple[str, ...]) -> None:
    columns = detect_columns(headers)
    assert columns is not None
    assert (columns.name, columns.address, columns.country) == expected


def test_chinese_headers_find_product_and_hs_code() -> None:
    columns = detect_columns(["供应商名称", "地址", "国家", "产品", "海关编码"])
    assert columns is not None
    assert (columns.product, columns.hs_code) == ("产品", "海关编码")


def test_city_and_state_columns_extend_the_address() -> None:
    columns = detect_columns(["Factory Name", "Address", "City", "State", "Region"])
    assert columns is not None
    assert columns.address_parts == ("City", "State")


def test_no_name_column_gives_none() -> None:
    assert detect_columns(["street", "zip"]) is None


def test_override_wins_over_detection() -> None:
    columns = detect_columns(["name", "legal entity"], {"name": "legal entity"})
    assert columns is not None
    assert columns.name == "legal entity"


def test_registration_number_column_is_found() -> None:
    columns = detect_columns(["供应商名称", "地址", "统一社会信用代码"])
    assert columns is not None and columns.registration_id == "统一社会信用代码"
    english = detect_columns(["Supplier Name", "USCC"])
    assert english is not None and english.registration_id == "USCC"


def test_lei_column_is_the_registration_column() -> None:
    columns = detect_columns(["Supplier Name", "LEI"])
    assert columns is not None and columns.registration_id == "LEI"
