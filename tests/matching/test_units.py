from threadline.matching.units import (
    han_units_apart,
    is_group_word,
    latin_units_apart,
    numbered_units,
    strip_group_terms,
)


def test_an_ordinal_is_a_unit_word_only_beside_a_numbered_unit() -> None:
    assert is_group_word("bureau") and is_group_word("division")
    assert is_group_word("1st", ("1st", "division"))
    assert not is_group_word("1st", ("1st", "avenue"))  # "1st Avenue Holdings" names no unit
    assert not is_group_word("xpcc", ("1st", "division"))


def test_divisions_regiments_and_bureaus_are_taken_out_of_a_chinese_name() -> None:
    assert strip_group_terms("新疆生产建设兵团第一师一零四团") == ("新疆生产建设兵团", ["第一师", "一零四团"])
    assert strip_group_terms("新疆生产建设兵团第十四师公安局") == ("新疆生产建设兵团", ["第十四师", "公安局"])
    assert strip_group_terms("新疆天业") == ("新疆天业", [])


def test_two_numbers_of_one_kind_of_unit_are_two_parties() -> None:
    assert han_units_apart("新疆生产建设兵团第一师", "新疆生产建设兵团第二师") == ("第一师", "第二师")
    assert han_units_apart("新疆生产建设兵团第一师一零四团", "新疆生产建设兵团第一师") is None  # a regiment of it
    assert han_units_apart("新疆生产建设兵团第一师", "新疆中泰化学第二师") is None  # the rest differs too
    assert numbered_units(("xpcc", "121st", "regiment", "8th", "division")) == ("121st regiment", "8th division")
    first, second = ("xpcc", "1st", "division"), ("xpcc", "2nd", "division")
    assert latin_units_apart(first, second) == ("1st division", "2nd division")
    assert latin_units_apart(("xpcc", "8th", "division"), ("xpcc", "121st", "regiment", "8th", "division")) is None
