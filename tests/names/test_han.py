from __future__ import annotations

from threadline.matching.align import align
from threadline.names.glossary import glossary
from threadline.names.han import NAME_READINGS, readings


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
