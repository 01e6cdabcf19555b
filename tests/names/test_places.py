from __future__ import annotations

from threadline.names.places import (
    bare_name,
    division_levels,
    division_parts,
    is_place,
    latin_division_words,
    leading_places,
    names_latin_place,
    names_other_division,
    names_other_level,
    xinjiang_place_words,
)


def test_the_places_a_name_begins_with_come_in_its_order_without_their_suffixes() -> None:
    assert leading_places("新疆和田地区皮山县农民专业合作社") == ("新疆", "和田", "皮山")
    assert leading_places("阿克苏地区阿瓦提县棉花加工厂") == ("阿克苏", "阿瓦提")
    assert leading_places("新疆维吾尔自治区公安厅") == ("新疆",)
    assert leading_places("深圳市全新好股份有限公司") == ("深圳",)
    assert leading_places("全新好股份有限公司") == ()
    assert leading_places("北京市海淀区") == ("北京", "海淀")


def test_a_place_after_the_first_lies_inside_it() -> None:
    assert leading_places("新疆维吾尔自治区公安厅") == ("新疆",)  # 公安 is a county of Hubei
    assert leading_places("新疆天山毛纺织") == ("新疆", "天山")  # a district of Urumqi


def test_an_autonomous_division_is_a_place_without_its_people_too() -> None:
    assert leading_places("伊犁哈萨克自治州卡德尔纺织品有限公司") == ("伊犁",)
    assert leading_places("伊犁州卡德尔纺织品有限公司") == ("伊犁",)
    assert leading_places("克孜勒苏柯尔克孜自治州") == ("克孜勒苏",)
    assert is_place("伊犁") and is_place("巴音郭楞")


def test_the_rest_of_a_leading_division_name_may_be_left_out() -> None:
    assert division_parts("伊犁州卡德尔") == {2}
    assert division_parts("和田地区皮山县") == {0, 1, 2, 3, 6}  # the prefecture before its county too
    assert division_parts("新疆和田地区") == {4, 5}  # a province has its own rule
    assert division_parts("伊犁哈萨克自治州卡德尔") == set(range(2, 8))
    assert division_parts("杭州娃哈哈") == set()  # 州 of 杭州 is part of the name


def test_a_county_names_another_place_only_against_a_place_left_over() -> None:
    assert {"awati", "kuche", "shenzhen"} <= latin_division_words()
    assert names_other_division("库车", ("awati",))
    assert not names_other_division("中泰", ("awati",))  # a trade name left over: not two places
    assert not names_other_division("库车", ("textile",))
    assert not names_latin_place(("awati",))  # alone, a county's name is too often a trade name


def test_a_division_word_of_another_level_names_another_division() -> None:
    assert division_levels("和田地区公安局") == {"prefecture"}
    assert division_levels("和田县公安局") == {"county"}
    assert division_levels("和田公安局") == set()
    assert names_other_level("和田地区公安局", ("county",))
    assert names_other_level("喀什地区公安局", ("city",))
    assert not names_other_level("乌鲁木齐市公安局", ("municipal",))
    assert not names_other_level("和田公安局", ("county",))  # a place written without its suffix says no level


def test_xinjiangs_places_as_english_writes_them_name_a_place() -> None:
    assert {"aksu", "korla", "kashgar", "yarkand", "karakax"} <= xinjiang_place_words()
    assert names_latin_place(("aksu",)) and names_latin_place(("korla",))
    assert "moyu" not in xinjiang_place_words()  # pinyin: as a county's, it may be a trade name


def test_a_division_name_bare_of_suffix_and_people() -> None:
    assert bare_name("克孜勒苏柯尔克孜自治州") == "克孜勒苏"
    assert bare_name("焉耆回族自治县") == "焉耆"
    assert bare_name("和田地区") == "和田"
