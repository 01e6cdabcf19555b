"""Malformed list files fail with the file name and a fix; unsafe XML is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadline.exc import SourceError
from threadline.sources import ofac_cons, ofac_sdn, uk, un

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>
"""


def test_xml_with_entity_expansion_is_refused(tmp_path: Path) -> None:
    (tmp_path / "consolidated_2026-01-01.xml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(SourceError, match="unsafe or unreadable XML"):
        un.load(tmp_path)


def test_truncated_xml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "consolidated_non_sdn.xml"
    path.write_text("<sdnList><sdnEntry><uid>1</uid>", encoding="utf-8")
    with pytest.raises(SourceError, match="malformed XML") as info:
        ofac_cons.load(tmp_path)
    assert str(path) in str(info.value)


def test_missing_list_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"sdn\.csv"):
        ofac_sdn.load(tmp_path)


def test_sdn_nulls_end_byte_and_alias_of_unknown_entry(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_text(
        '1,"ACME TRADING CO., LTD.",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'ACME\'."\r\n'
        "bad row\r\n\x1a",
        encoding="utf-8",
    )
    (tmp_path / "alt.csv").write_text('1,10,"aka","ACME CO",-0- \r\n99,11,"fka","OLD NAME",-0- \r\n', "utf-8")
    (tmp_path / "add.csv").write_text('1,20,-0- ,"Dubai","United Arab Emirates",-0- \r\n', "utf-8")
    loaded = ofac_sdn.load(tmp_path)
    acme, orphan = loaded.entities
    assert acme.schema == "Company"
    assert [n.value for n in acme.names] == ["ACME TRADING CO., LTD.", "ACME CO", "ACME"]
    assert acme.countries == ("ae",)
    assert acme.extra == {}
    assert (orphan.entry_id, orphan.caption, orphan.extra["only_in"][:7]) == ("99", "OLD NAME", "alt.csv")
    assert any("1 sdn.csv rows skipped" in note for note in loaded.version.notes)


def test_uk_rows_without_a_name_are_counted_not_silently_dropped(tmp_path: Path) -> None:
    (tmp_path / "uk_sanctions_list_2026-01-10.json").write_text(
        '[{"Unique ID": "GHR0001", "Name": "A PERSON", "Type": "Individual"}, {"Unique ID": "GHR0002", "Name": ""}]',
        encoding="utf-8",
    )
    loaded = uk.load(tmp_path)
    assert [e.entry_id for e in loaded.entities] == ["GHR0001"]
    assert "GHR0002" in " ".join(loaded.version.notes)
