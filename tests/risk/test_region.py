from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.risk.region import locate


@pytest.mark.parametrize(
    ("address", "adcode", "signal"),
    [
        ("新疆维吾尔自治区乌鲁木齐市天山区人民路446号", "650102", "address-zh"),
        ("新疆阿克苏地区阿瓦提县", "652928", "address-zh"),
        ("新疆维吾尔自治区石河子市开发区北工业园区", "659001", "address-zh"),
        ("Aksu, Xinjiang", "652900", "address-latin"),
        ("Kashgar Economic Development Zone", "653100", "address-latin"),
        ("Shihezi, China", "659001", "address-latin"),
        ("Ürümqi", "650100", "address-latin"),
        ("No. 8 Industrial Park, 843000 China", "650000", "postal-code"),
    ],
)
def test_xinjiang_addresses_are_found_with_the_signal_that_fired(address: str, adcode: str, signal: str) -> None:
    result = locate(address)
    assert (result.in_xinjiang, result.adcode, result.signal) == (True, adcode, signal)
    assert result.evidence and result.evidence in address


@pytest.mark.parametrize(
    "address",
    [
        "山东省青岛市市南区新疆路8号",
        "No. 5 Xinjiang Road, Shinan District, Qingdao, Shandong",
        "88 Changjiang Road, Suzhou, Jiangsu, China",
        "上海市黄浦区新疆路1号",
        "乌鲁木齐经济技术开发区喀什西路752号"[9:],
    ],
)
def test_streets_named_after_xinjiang_do_not_fire(address: str) -> None:
    assert locate(address).in_xinjiang is not True


@pytest.mark.parametrize("address", [None, "", "China", "Room 5"])
def test_too_little_to_go_on_is_unknown(address: str | None) -> None:
    assert locate(address).in_xinjiang is None


def test_other_country_is_not_xinjiang() -> None:
    assert locate("Dhaka", country="bd").in_xinjiang is False


def test_company_name_is_a_signal_when_the_address_says_nothing() -> None:
    result = locate("", name="新疆天业股份有限公司")
    assert (result.in_xinjiang, result.signal) == (True, "company-name")


@given(st.text(), st.one_of(st.none(), st.text()))
def test_locate_never_raises(address: str, name: str | None) -> None:
    locate(address, name=name)


def test_recall_on_real_xinjiang_registered_addresses(shared_data: Path) -> None:
    text = (shared_data / "cn_company_names/szse_a_share_list_2025-12.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    xinjiang = [r["registered_address_zh"] for r in rows if r["province"] == "新疆"]
    found = [a for a in xinjiang if locate(a).in_xinjiang]
    assert len(xinjiang) == 32
    assert len(found) == len(xinjiang), set(xinjiang) - set(found)


def test_no_false_alarms_on_real_facilities_outside_xinjiang(shared_data: Path) -> None:
    path = shared_data / "supplier_lists/cn_facilities_screening_input.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fired = [
        (r["address"], locate(r["address"], country="cn").evidence) for r in rows if locate(r["address"]).in_xinjiang
    ]
    assert len(rows) == 2_544
    assert fired == []
