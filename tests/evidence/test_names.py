from __future__ import annotations

from threadline.evidence.names import forms, syllable_count
from threadline.model import Entity, Name


def _forms(schema: str, *names: Name) -> set[tuple[str, str]]:
    return {(f.variant, f.key) for f in forms(0, Entity("test", "1", schema, names))}


def test_a_chinese_person_is_searched_in_both_orders_and_by_pinyin() -> None:
    found = _forms("Person", Name("CHEN, Quanguo"))
    assert found == {
        ("as listed", "chen quanguo"),
        ("reordered", "quanguo chen"),
        ("pinyin", "chenquanguo"),
        ("pinyin", "quanguochen"),
    }


def test_a_burmese_name_is_not_read_as_pinyin() -> None:
    found = _forms("Person", Name("HLAING, Min Aung"))
    assert ("reordered", "min aung hlaing") in found
    assert not any(variant == "pinyin" for variant, _ in found)


def test_one_word_person_names_are_not_searched() -> None:
    assert _forms("Person", Name("SAID", "alias")) == set()


def test_a_trailing_acronym_is_a_form_but_one_inside_the_name_is_not() -> None:
    corps = _forms("Organization", Name("Xinjiang Production and Construction Corps (XPCC)"))
    assert ("acronym", "xpcc") in corps
    assert ("without brackets", "xinjiang production and construction corps") in corps
    assert not any(k == "xinjiang production and construction corps xpcc" for _, k in corps)
    bureau = _forms("Organization", Name("Xinjiang Production and Construction Corps (XPCC) Public Security Bureau"))
    assert not any(variant == "acronym" for variant, _ in bureau)


def test_a_bracketed_country_or_two_letters_is_not_an_acronym() -> None:
    for listed in ("BNK (UK) Ltd", "Huawei Device (HK) Co", "Acme (USA) Inc", "Acme Trading (PRC)"):
        assert not any(variant == "acronym" for variant, _ in _forms("Company", Name(listed))), listed


def test_legal_forms_and_list_qualifiers_are_dropped() -> None:
    found = _forms("Company", Name("Hoshine Silicon Industry (Shanshan) Co., Ltd and subsidiaries"))
    assert ("without legal form", "hoshine silicon industry") in found


def test_names_in_characters_are_kept_as_characters() -> None:
    assert ("characters", "朱海仑") in _forms("Person", Name("朱海仑"))


def test_syllable_count() -> None:
    assert syllable_count("quanguo") == 2
    assert syllable_count("hailun") == 2
    assert syllable_count("hlaing") == 0
