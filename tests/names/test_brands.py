from __future__ import annotations

from pathlib import Path

import pytest

from threadline.names.brands import BRANDS, brand_table, build, lookup_key, read_table
from threadline.service import default_store

HEADER = "brand,entity,name,kind,script,lists,source\n"


def test_every_row_parses_and_the_table_builds() -> None:
    rows = read_table()
    assert 40 <= len(rows) <= 200
    table = build(rows)
    for row in rows:
        assert row.source
        assert row in table.resolve(row.name)
    assert BRANDS.is_file()


def test_lookup_folds_case_legal_forms_and_traditional_characters() -> None:
    assert lookup_key("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD") == lookup_key(
        "Hangzhou Hikvision Digital Technology Co., Ltd."
    )
    assert lookup_key("杭州海康威視數字技術股份有限公司") == "杭州海康威视数字技术"
    assert lookup_key("Xinjiang Production and Construction Corps (XPCC)") == lookup_key(
        "Xinjiang Production and Construction Corps"
    )
    assert lookup_key("HOSHINE SILICON INDUSTRY (SHANSHAN) CO., LTD.") != lookup_key(
        "Hoshine Silicon Industry Co., Ltd."
    )


def test_group_and_member_stay_apart() -> None:
    table = brand_table()
    group = {r.entity for r in table.resolve("新疆中泰（集团）有限责任公司")}
    member = {r.entity for r in table.resolve("Xinjiang Zhongtai Chemical Co. Ltd")}
    assert group and member and not group & member


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("X,,Foo,colour,latin,,a source\n", "kind"),
        ("X,,福,brand,latin,,a source\n", "not written in latin"),
        ("X,,Foo Ltd,legal,latin,,a source\n", "needs its entity"),
        ("X,,Foo,brand,latin,,\n", "source"),
    ],
)
def test_malformed_rows_are_reported(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "brands.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_table(path)


def test_one_name_for_two_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "brands.csv"
    path.write_text(HEADER + "A,A Ltd,A Co. Ltd,legal,latin,,s\nA,B Ltd,A Limited,legal,latin,,s\n", encoding="utf-8")
    with pytest.raises(ValueError, match="names both"):
        build(read_table(path))


def test_listed_rows_resolve_against_the_embedded_lists() -> None:
    """A row that says which lists carry its entity must find that entity there under a name the table resolves
    to the same entity: otherwise a brand query would not reach the listed entry."""
    table = brand_table()
    found: set[tuple[str, str, str]] = set()
    for entity in default_store().entities:
        for name in entity.names:
            found.update((r.brand, r.entity, entity.source) for r in table.resolve(name.value))
    missing = [(r.name, source) for r in read_table() for source in r.lists if (r.brand, r.entity, source) not in found]
    assert not missing
    assert any(r.lists for r in read_table())
