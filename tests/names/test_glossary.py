"""The glossary generator's place terms (scripts/build_glossary.py) and what they let the matcher do."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.comparing import compare
from tests.generators import load_script
from threadline.names.glossary import (
    DICTIONARY,
    beginnings,
    beginnings_of,
    dictionary,
    english_words,
    glossary,
    parse_dictionary,
    read_dictionary,
    words_of,
)
from threadline.parsed_cache import parsed


def _generator() -> ModuleType:
    return load_script("build_glossary")


def test_place_forms_keep_english_names_and_drop_pinyin_suffixes_and_old_spellings() -> None:
    forms = _generator()._place_forms
    found = forms(["伊犁哈萨克自治州", "伊犁"], ["Ili Kazak Zizhizhou", "Yili"])
    assert found == {("伊犁", "ili")}  # "Yili" is the pinyin; the people and the suffix are dropped
    assert forms(["库尔勒市"], ["K'u-erh-lo", "Korla"]) == {("库尔勒市", "korla"), ("库尔勒", "korla")}


def test_the_packaged_glossary_holds_xinjiang_places_by_their_english_names() -> None:
    table = glossary()
    assert ("urumqi",) in table["乌鲁木齐"] and ("kashgar",) in table["喀什"] and ("yarkand",) in table["莎车"]


@pytest.mark.parametrize(
    ("han", "latin", "same"),
    [
        ("乌鲁木齐天润纺织有限公司", "Urumqi Tianrun Textile Co., Ltd.", True),
        ("和田浩林发饰品有限公司", "Khotan Haolin Hair Accessories Co. Ltd.", True),
        ("吐鲁番天润纺织有限公司", "Turpan Tianrun Textile Co., Ltd.", True),
        ("乌鲁木齐天润纺织有限公司", "Kashgar Tianrun Textile Co., Ltd.", False),
        ("新疆维吾尔自治区公安厅", "Xinjiang Public Security Bureau", True),
        ("新疆维吾尔自治区公安厅", "Xinjiang Uyghur Autonomous Region Public Security Department", True),
        ("新疆维吾尔自治区公安厅", "Xinjiang Production and Construction Corps Public Security Bureau", False),
        ("新疆维吾尔自治区人民政府", "Xinjiang Uyghur Autonomous Region People's Government", True),
        ("新疆维吾尔自治区公安厅", "XUAR Public Security Department", True),  # the gazetteer's form of the region
        ("新疆生产建设兵团第一师", "XPCC First Division", True),
        ("新疆生产建设兵团第一师", "XPCC Second Division", False),
        ("新疆准噶尔棉麻有限公司", "Xinjiang Junggar Cotton and Linen Co., Ltd.", True),
    ],
)
def test_places_by_their_english_names_and_regions_in_full(han: str, latin: str, same: bool) -> None:
    hit = compare(han, latin, None, "Organization")
    assert (hit is not None and hit.score >= 0.85) == same
    if same:
        assert hit is not None and hit.relation is None


def test_the_dictionary_is_kept_with_its_words_and_the_beginnings_of_its_terms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THREADLINE_INDEX_DIR", str(tmp_path))
    first = parsed(DICTIONARY, parse_dictionary)
    again = parsed(DICTIONARY, parse_dictionary)  # read back
    table = read_dictionary()
    assert again == first
    assert again.table == table and again.words == words_of(table) and again.beginnings == beginnings_of(table)


def test_english_words_and_beginnings_are_worked_out_from_the_tables() -> None:
    tables = (glossary(), dictionary())
    assert english_words() == {word for table in tables for phrases in table.values() for p in phrases for word in p}
    assert "sunshine" in english_words()
    for table in tables:
        assert beginnings(table) == {term[:k] for term in table for k in range(1, len(term))}
    assert "科" in beginnings(dictionary()) and "科技" not in beginnings_of({"科技": (("technology",),)})
