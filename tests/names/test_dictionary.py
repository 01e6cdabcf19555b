"""The general dictionary reduced from CC-CEDICT (scripts/build_dictionary.py) and its loader."""

from __future__ import annotations

from types import ModuleType

from tests.generators import load_script
from threadline.names.glossary import dictionary


def _generator() -> ModuleType:
    return load_script("build_dictionary")


def test_meanings_keep_short_plain_words_and_drop_remarks() -> None:
    meanings = _generator().meanings
    assert meanings("king or monarch/best or strongest of its type/CL:個|个[ge4]") == ["king", "monarch", "best"]
    assert meanings("to handle official business/surname Ban/variant of 辦|办[ban4]") == []
    assert meanings("sunshine/(fig.) transparent") == ["sunshine", "transparent"]


def test_two_words_joined_by_and_or_of_are_a_meaning() -> None:
    meanings = _generator().meanings
    assert meanings("import and export") == ["import and export"]  # 进出口: the aligner reads it "import export"
    assert meanings("bureau of standards/full of") == ["bureau of standards"]  # "of" may not end a meaning
    assert meanings("science, technology and industry") == ["science", "technology and industry"]
    assert meanings("and/but") == ["but"]  # "and" alone means nothing the aligner reads


def test_translated_trade_names_are_in_the_packaged_dictionary() -> None:
    table = dictionary()
    assert ("sunshine",) in table["阳光"]
    assert ("overseas", "chinese") in table["华侨"]
    assert ("golden",) in table["金"]
    assert ("import", "and", "export") in table["进出口"]
    assert all(isinstance(word, str) and word.isascii() for phrases in table.values() for p in phrases for word in p)


def test_a_proper_names_gloss_ends_at_its_first_comma() -> None:
    """What follows the comma says where a place lies: 金山, a township of New Taipei City, does not mean "taiwan"."""
    meanings = _generator().meanings
    gloss = "Jinshan suburban district of Shanghai/Jinshan or Chinshan township in New Taipei City, Taiwan"
    assert meanings(gloss, proper=True) == ["jinshan"]
    assert meanings("San Francisco, California", proper=True) == ["san francisco"]
    assert "taiwan" in meanings(gloss)  # a common word's gloss is still split at its commas
    table = dictionary()
    assert ("taiwan",) not in table["金山"]
    assert "云龙" not in table or ("jiangsu",) not in table["云龙"]  # a district of Xuzhou


def test_a_meaning_that_names_a_province_needs_its_chinese_name() -> None:
    """大环 is glossed "Tai Wan" and 河西 "Shaanxi": places the headword does not name."""
    generator = _generator()
    provinces = generator.province_names()
    assert generator.names_another_place("大环", "tai wan", provinces)
    assert generator.names_another_place("河西", "shaanxi", provinces)
    assert not generator.names_another_place("新疆", "xinjiang", provinces)
    assert not generator.names_another_place("内蒙", "inner mongolia", provinces)
    assert not generator.names_another_place("陕西", "shanxi", provinces)  # the gazetteer spells both so
    assert not generator.names_another_place("阳光", "sunshine", provinces)
    assert ("hong", "kong") not in dictionary().get("金钟", ())
