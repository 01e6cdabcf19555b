from __future__ import annotations

from itertools import product

from threadline.names.romanisations import MAX_NAME, other_readings, other_spellings


def test_a_short_name_is_read_in_each_other_system() -> None:
    systems = dict(other_readings("李家超"))
    assert set(systems) == {"cantonese", "wade-giles"}
    assert "ka" in systems["cantonese"][1]
    assert systems["wade-giles"][1] == ("chia",)


def test_long_names_are_read_only_by_pinyin() -> None:
    name = "新疆中泰化学股份"
    assert len(name) > MAX_NAME
    assert other_readings(name) == ()


def test_every_spelling_a_name_can_have_is_among_its_characters_spellings() -> None:
    """The bound relies on it: other_spellings is a superset of what other_readings gives a character in a name."""
    for name in ("李家超", "林郑月娥", "重庆", "长安", "邓炳强", "蔡英文", "行长", "曾国卫"):
        for _system, spellings in other_readings(name):
            for char, options in zip(name, spellings, strict=True):
                assert set(options) <= other_spellings(char) | {char}, (name, char)
        assert all(len(list(product(*s))) >= 1 for _sys, s in other_readings(name))
