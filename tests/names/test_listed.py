from __future__ import annotations

import csv

import pytest

from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name
from threadline.names.brands import lookup_key
from threadline.names.listed import HOLD_OUT, TABLE, counterparts, filer


def test_a_listed_chinese_name_brings_its_filed_english_names() -> None:
    found = counterparts("航天信息股份有限公司")
    assert {lookup_key(f.name) for f in found} == {"aisino"}  # "AISINO CO.LTD" and "Aisino Co.Ltd.": one form
    assert all(f.code == "600271" and f.language == "en" for f in found)


def test_an_english_name_brings_the_chinese_one_and_old_names_stay_linked() -> None:
    assert [f.name for f in counterparts("Xinjiang Zhongtai Chemical Co Ltd")] == ["新疆中泰化学股份有限公司"]
    renamed = {f.name for f in counterparts("新疆天山水泥股份有限公司")}  # renamed 天山材料 / Tianshan Material
    assert "Tianshan Material Co.,Ltd." in renamed


def test_unlisted_names_have_none() -> None:
    assert counterparts("Nonexistent Trading Co") == ()
    assert counterparts("") == ()


def test_a_hit_through_the_listing_says_so() -> None:
    matcher = SimpleMatcher([Entity("t", "1", "Company", (Name("Aisino Corporation"),))])
    hits = matcher.match(Query("航天信息股份有限公司", "Company"), threshold=0.85)
    assert hits and hits[0].entity.entry_id == "1"
    assert "is listed as" in hits[0].explanation and "SSE 600271" in hits[0].explanation
    assert ("listed_name", 1.0) in hits[0].features


def test_a_company_of_the_same_place_and_trade_is_not_matched_through_the_listing() -> None:
    other = Entity("t", "2", "Company", (Name("Guizhou Yibai Pharmaceutical Co.,Ltd"),))
    hit = SimpleMatcher([]).compare(Query("贵州信邦制药股份有限公司", "Company"), other)
    assert hit is None or hit.score < 0.85


def test_held_out_companies_can_be_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    with TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    held = next(r["name"] for r in rows if r["held_out"] == "1" and r["language"] == "zh")
    kept = next(r["name"] for r in rows if r["held_out"] == "0" and r["language"] == "zh")
    assert counterparts(held) and counterparts(kept)
    monkeypatch.setenv(HOLD_OUT, "1")
    assert counterparts(held) == () and counterparts(kept)


def test_the_filed_english_name_is_the_same_company_even_when_only_it_says_group() -> None:
    # SZSE 002101 filed 广东鸿图科技股份有限公司 and "Guangdong Hongtu Technology (Holdings)": one company, although
    # the names alone differ only by "Holdings" (related)
    entity = Entity("t", "1", "Company", (Name("Guangdong Hongtu Technology(Holdings) Co.,Ltd."),))
    query = Query("广东鸿图科技股份有限公司", "Company")
    direct = SimpleMatcher([])._compare_name(query, entity)
    assert direct is not None and direct.relation == "related"
    hit = SimpleMatcher([]).compare(query, entity)
    assert hit is not None and hit.relation is None and hit.score >= 0.85 and "is listed as" in hit.explanation
    hits = SimpleMatcher([entity]).match(query, threshold=0.5)
    assert hits and hits[0].relation is None and hits[0].score >= 0.85


def test_the_filer_of_a_name_is_the_company_whatever_the_script() -> None:
    chinese, english = filer("新疆中泰化学股份有限公司"), filer("XINJIANG ZHONGTAI CHEMICAL CO., LTD")
    assert chinese is not None and english is not None and chinese.code == english.code
    assert filer("Nonexistent Trading Co") is None and filer("") is None


def test_no_name_is_filed_by_two_companies() -> None:
    # filer() trusts one stock code per lookup key; a rebuilt table that broke this would blur companies together
    with TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    codes: dict[str, set[str]] = {}
    for row in rows:
        if row["key"]:
            codes.setdefault(row["key"], set()).add(row["code"])
    assert {key: found for key, found in codes.items() if len(found) > 1} == {}


def test_a_chinese_name_is_found_with_or_without_its_province() -> None:
    (tbea,) = counterparts("新疆特变电工股份有限公司")  # filed as 特变电工
    assert tbea.code == "600089" and "setting aside the province 新疆" in tbea.describe()
    (zhongtai,) = counterparts("中泰化学股份有限公司")  # filed as 新疆中泰化学
    assert zhongtai.code == "002092" and zhongtai.province_set_aside == "新疆"
    assert counterparts("北京中泰化学股份有限公司") == ()  # another province is another company
    found = filer("中泰化学股份有限公司")
    assert found is not None and found.code == "002092"
