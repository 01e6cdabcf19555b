from __future__ import annotations

from threadline.risk.gazetteer import china_table, find, fold_marks, places_by_adcode, xinjiang_table


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.adcode) for m in find(text, xinjiang_table())]


def test_the_longest_name_at_a_place_wins() -> None:
    assert ("和田县", "653221") in _found("新疆和田县")
    assert all(text != "和田" for text, _ in _found("新疆和田县"))


def test_streets_named_after_places_are_not_places() -> None:
    assert _found("青岛市新疆路") == []
    assert _found("喀什东路") == []
    assert _found("5 Kashgar Road") == []
    assert _found("Urumqi Middle Road") == []


def test_official_full_names_are_places_even_before_a_street_word() -> None:
    assert ("喀什市", "653101") in _found("喀什市人民路")


def test_latin_names_match_whole_words_only() -> None:
    assert _found("Changjiang Road, Suzhou") == []
    assert ("Changji", "652300") in _found("Changji, Xinjiang")


def test_traditional_characters_are_read_as_simplified_and_reported_as_written() -> None:
    assert ("烏魯木齊", "650100") in _found("新疆烏魯木齊")


def test_uyghur_arabic_script_keeps_its_letters() -> None:
    assert fold_marks("ئۈرۈمچى") == "ئۈرۈمچى"
    assert fold_marks("Ürümqi") == "Urumqi"
    assert ("ئۈرۈمچى", "650100") in _found("ئۈرۈمچى")


def test_normal_school_is_not_the_first_division() -> None:
    assert _found("第一师范学院") == []
    assert [code for _, code in _found("第一师")] == ["659002"]


def test_the_national_table_knows_other_provinces_but_not_xinjiang() -> None:
    names = {m.place.province_zh for m in find("浙江省杭州市余杭区", china_table())}
    assert names == {"浙江省"}
    assert find("乌鲁木齐市", china_table()) == []


def test_places_by_adcode_prefers_the_city_to_its_division() -> None:
    assert places_by_adcode()["659001"].level == "xpcc_city"
