from __future__ import annotations

from threadline.matching.align import align
from threadline.names.glossary import glossary
from threadline.names.han import (
    HAN,
    NAME_READINGS,
    _converter,
    _han_only,
    han_only,
    opencc_gate,
    read_gate,
    readings,
    simplify,
)


def test_a_character_names_read_two_ways_keeps_both_readings_the_one_read_in_context_first() -> None:
    """pypinyin reads 长 of 国电长源 as zhang; the company writes "Changyuan"."""
    assert readings("国电长源") == (("guo",), ("dian",), ("zhang", "chang"), ("yuan",))
    assert readings("长江") == (("chang", "zhang"), ("jiang",))
    assert readings("成都")[1] == ("du", "dou")


def test_other_characters_keep_the_reading_in_context_alone() -> None:
    """鑫 has a rare reading xun: it is not added (unrelated names aligned by it)."""
    assert "鑫" not in NAME_READINGS
    assert readings("鑫科") == (("xin",), ("ke",))


def test_both_readings_align() -> None:
    assert align("国电长源", ("guodian", "changyuan"), glossary()).score == 1.0
    assert align("长江", ("changjiang",), glossary()).score == 1.0


def test_a_names_han_characters_are_the_same_asked_again() -> None:
    """Remembered per text: the second answer is the first; simplified, brackets and what is not Han left out."""
    for name in ("合盛硅业(鄯善)有限公司", "華為技術有限公司", "TCL科技集团", "新疆中泰（集团）有限责任公司"):
        first = han_only(name)
        assert han_only(name) == first == _han_only(name)
    assert han_only("華為技術有限公司") == "华为技术有限公司"
    assert han_only("合盛硅业(鄯善)有限公司") == "合盛硅业鄯善有限公司"
    assert han_only("TCL科技集团") == "科技集团"


def test_simplify_gives_what_opencc_gives_with_or_without_the_gate() -> None:
    """Text with no character of the gate is left as it is without asking OpenCC; every text here, skipped or not,
    comes back as OpenCC converts it: traditional characters, characters that change only in a phrase (深沈 ->
    深沉, 回覆 -> 回复), a key kept as it is (有序), a compatibility ideograph, simplified names, mixed text."""
    texts = [
        "陳全國",
        "深沈科技有限公司",
        "回覆",
        "有序",
        "有限公司",
        "\uf900",
        "新疆中泰化学股份有限公司",
        "合盛硅业(鄯善)有限公司",
        "華為技術有限公司",
        "TCL科技集团",
        "乾元",
        "蕭乾",
        "Apple",
    ]
    converter = _converter()
    gate = opencc_gate()
    assert gate is not None  # (built from the installed opencc: else every text would go through OpenCC)
    assert gate.isdisjoint("新疆中泰化学股份有限公司") and not gate.isdisjoint("深沈") and not gate.isdisjoint("陳")
    for text in texts:
        assert simplify(text) == (str(converter.convert(text)) if HAN.search(text) else text), text


def test_a_gate_built_from_another_opencc_is_not_used() -> None:
    """The file names the opencc version it was read from; with another installed, every text goes through OpenCC."""
    text = "# comment\nopencc 1.4.2\n陳國\n"
    assert read_gate(text, "1.4.2") == frozenset("陳國")
    assert read_gate(text, "1.4.3") is None
    assert read_gate("# comment only\n", "1.4.2") is None
