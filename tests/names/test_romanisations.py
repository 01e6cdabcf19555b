from __future__ import annotations

from threadline.matching.align import span_spellings
from threadline.matching.bound import vocabulary
from threadline.names.romanisations import MAX_NAME, other_readings


def test_a_short_name_is_read_in_each_other_system() -> None:
    systems = dict(other_readings("李家超"))
    assert set(systems) == {"cantonese", "wade-giles", "korean"}
    assert "ka" in systems["cantonese"][1]
    assert systems["wade-giles"][1] == ("chia",)
    assert "ga" in systems["korean"][1]  # 家 가


def test_long_names_are_read_only_by_pinyin() -> None:
    name = "新疆中泰化学股份"
    assert len(name) > MAX_NAME
    assert other_readings(name) == ()


def test_the_bound_knows_every_spelling_the_aligner_tries() -> None:
    for name in ("李家超", "林郑月娥", "重庆", "长安", "邓炳强", "蔡英文", "行长", "曾国卫", "金铁三", "金正恩"):
        spellings = vocabulary(name, spoken=True).spellings
        for _system, readings in other_readings(name):
            for i in range(len(name)):
                for k in range(1, len(name) - i + 1):
                    assert set(span_spellings(readings, i, k)) <= spellings, (name, i, k)
