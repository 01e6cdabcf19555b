from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.risk import region
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
        ("新疆生产建设兵团第八师一四一团", "654203509", "address-zh"),
        ("141st Regiment, Eighth Division, XPCC", "654203509", "address-latin"),
        ("兵团第一师阿拉尔市幸福路", "659002", "address-zh"),
        ("湖南省第一师阿拉尔市"[3:], "659002", "address-zh"),
        ("ئۈرۈمچى شەھىرى، شىنجاڭ", "650100", "address-script"),
        ("Кашгар, Синьцзян", "653101", "address-script"),
        ("Ghulja, Ili, Xinjiang", "654002", "address-latin"),
        ("Qeshqer, Shinjang", "653100", "address-latin"),
        ("新疆烏魯木齊市", "650100", "address-zh"),
        ("Korla, Bazhou, Xinjiang", "652801", "address-latin"),
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
        "上海市静安区乌鲁木齐中路200号",
        "Wulumuqi Middle Road, Jing'an District, Shanghai",
        "北京市海淀区新疆大厦",
        "Xinjiang Mansion, 7 Sanlihe Road, Xicheng District, Beijing, China",
        "湖南第一师范学院",
        "上海市长宁区天山路",
    ],
)
def test_streets_named_after_xinjiang_do_not_fire(address: str) -> None:
    assert locate(address).in_xinjiang is not True


@pytest.mark.parametrize("address", [None, "", "China", "Room 5"])
def test_too_little_to_go_on_is_unknown(address: str | None) -> None:
    assert locate(address).in_xinjiang is None


def test_other_country_is_not_xinjiang() -> None:
    assert locate("Dhaka", country="bd").in_xinjiang is False


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("Aksu, Pavlodar Region, Kazakhstan", None),
        ("Аксу, Павлодарская область, Казахстан", None),
        ("Aksu", "kz"),
        ("Bole Sub-City, Addis Ababa", None),
    ],
)
def test_namesakes_abroad_do_not_fire(address: str, country: str | None) -> None:
    result = locate(address, country=country)
    assert result.in_xinjiang is not True
    assert any(s.verdict == "overruled" for s in result.signals)


def test_a_weak_name_gives_way_to_another_province_and_says_so() -> None:
    result = locate("浙江省杭州市余杭区米东")
    assert result.in_xinjiang is False
    assert result.signal == "other-province"
    assert result.place is not None and result.place.province_zh == "浙江省"


def test_uscc_division_code_is_a_registration_signal() -> None:
    # 91650100... : registered in Urumqi (the check character is computed by python-stdnum's rules).
    code = "91650100MA77B2XX3J"
    from stdnum.cn import uscc

    code = code[:-1] + uscc.calc_check_digit(code[:-1])
    result = locate("", uscc=code)
    assert (result.in_xinjiang, result.signal, result.adcode) == (True, "uscc-registration", "650100")
    address_wins = locate("新疆喀什地区喀什市", uscc=code)
    assert address_wins.signal == "address-zh"
    assert [s.kind for s in address_wins.signals][-1] == "uscc-registration"


def test_uscc_outside_xinjiang_and_invalid_codes() -> None:
    from stdnum.cn import uscc

    body = "91440300MA5F0XXX0"
    assert locate(None, uscc=body + uscc.calc_check_digit(body)).in_xinjiang is False
    assert locate(None, uscc="not-a-code").in_xinjiang is None


def test_every_signal_is_explained() -> None:
    result = locate("新疆维吾尔自治区乌鲁木齐市天山区人民路446号")
    data = result.to_dict()
    assert data["place_zh"] == "天山区" and data["level"] == "county" and data["pinyin"] == "Tianshan"
    assert {s["evidence"] for s in data["signals"]} >= {"新疆维吾尔自治区", "乌鲁木齐市", "天山区"}


def test_company_name_is_a_signal_when_the_address_says_nothing() -> None:
    result = locate("", name="新疆天业股份有限公司")
    assert (result.in_xinjiang, result.signal) == (True, "company-name")
    assert locate("", name="新疆生产建设兵团第一师棉麻有限公司").in_xinjiang is True
    assert locate("", name="Kashgar Cotton Co").in_xinjiang is True
    assert locate("", name="上海新疆路贸易有限公司").in_xinjiang is None


def test_an_address_read_once_decides_for_every_name_and_a_name_is_weighed_only_when_it_decides_nothing() -> None:
    """The address's reading is remembered and shared by the rows that give it: the same result whatever the name
    when the address decides, the name's signal (after the address's) when it does not."""
    shanghai = locate("上海市浦东新区", name="新疆天业股份有限公司", country="cn")
    assert shanghai == locate("上海市浦东新区", name="Acme Trading", country="cn")
    assert shanghai.in_xinjiang is False and shanghai.signal == "other-province"
    aside = locate("Unit 5, Harbour Road", name="新疆天业股份有限公司", uscc="91310000132200821H")
    assert (aside.in_xinjiang, aside.signal) == (True, "company-name")
    assert locate("Unit 5, Harbour Road", name="Acme Trading", uscc="91310000132200821H").in_xinjiang is False
    for address in ("", "Unit 5, Harbour Road", "上海市浦东新区", "新疆阿克苏地区阿瓦提县"):
        for name in ("新疆天业股份有限公司", "Kashgar Cotton Co", "Acme Trading", None):
            remembered = locate(address, name=name)  # the address read for an earlier name
            region._read_address.cache_clear()
            assert locate(address, name=name) == remembered


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
