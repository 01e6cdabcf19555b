"""Every official list loads from the real files with the counts and entries the files hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadline.model import LoadedList
from threadline.sources import registry


@pytest.fixture(scope="module")
def lists(shared_data: Path) -> dict[str, LoadedList]:
    return {loaded.version.source: loaded for loaded in registry.load_all(shared_data)}


@pytest.mark.parametrize(
    ("source", "entities", "rules"),
    [
        ("ofac-sdn", 14_965 + 4_266, 0),  # sdn.csv rows + entries known only from the newer alt/add files
        ("ofac-cons", 442, 0),
        ("uk", 5_722 - 2, 0),  # two rows of the export have no name (AFG0043, CTI0060)
        ("eu", 5_795, 0),
        ("un", 999, 0),
        ("us-uflpa", 145, 0),
        ("us-bis", 3_409, 0),
        ("us-cbp-wro", 62, 5),
        ("us-dol-goods", 0, 467),
    ],
)
def test_counts_match_the_files(lists: dict[str, LoadedList], source: str, entities: int, rules: int) -> None:
    loaded = lists[source]
    assert (len(loaded.entities), len(loaded.rules)) == (entities, rules)
    assert loaded.version.entity_count == entities
    assert loaded.version.version
    assert loaded.version.files


@pytest.mark.parametrize(
    ("source", "entry_id", "name", "schema"),
    [
        ("ofac-sdn", "29220", "CHEN, Quanguo", "Person"),
        ("ofac-sdn", "29299", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "Organization"),
        ("ofac-sdn", "27225", "HLAING, Min Aung", "Person"),
        ("uk", "GHR0046", "HLAING MIN AUNG", "Person"),
        ("eu", "128226", "朱海仑", "Person"),
        ("ofac-cons", "30946", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "Company"),
        (
            "us-bis",
            "hangzhou-hikvision-digital-technology-co-ltd-china",
            "Hangzhou Hikvision Digital Technology Co., Ltd.",
            "Company",
        ),
    ],
)
def test_verified_entries_load_with_name_and_id(
    lists: dict[str, LoadedList], source: str, entry_id: str, name: str, schema: str
) -> None:
    (entity,) = [e for e in lists[source].entities if e.entry_id == entry_id]
    assert (entity.caption, entity.schema) == (name, schema)


def test_sdn_entry_carries_programs_birth_and_address(lists: dict[str, LoadedList]) -> None:
    (hlaing,) = [e for e in lists["ofac-sdn"].entities if e.entry_id == "27225"]
    assert hlaing.programs == ("GLOMAG", "BURMA-EO14014")
    assert hlaing.birth_dates == ("1956-07-03",)
    assert hlaing.countries == ("mm",)


def test_sdn_rows_newer_than_sdn_csv_are_kept_and_reported(lists: dict[str, LoadedList]) -> None:
    sdn = lists["ofac-sdn"]
    orphans = [e for e in sdn.entities if "only_in" in e.extra]
    assert len(orphans) == 4_266
    assert "4,266 ent_nums appear only in alt.csv/add.csv" in sdn.version.notes[0]


def test_uflpa_hoshine_covers_its_subsidiaries_in_two_sections(lists: dict[str, LoadedList]) -> None:
    (hoshine,) = [e for e in lists["us-uflpa"].entities if "Hoshine" in e.caption]
    assert hoshine.extra["covers_subsidiaries"] == "true"
    assert len(hoshine.programs) == 2


def test_bis_hikvision_has_its_brand_alias(lists: dict[str, LoadedList]) -> None:
    (hik,) = [e for e in lists["us-bis"].entities if e.caption.startswith("Hangzhou Hikvision")]
    assert "Hikvision" in [n.value for n in hik.names]


def test_region_wide_wro_is_a_rule_not_a_company(lists: dict[str, LoadedList]) -> None:
    wro = lists["us-cbp-wro"]
    assert any("Xinjiang Uyghur Autonomous Region" in r.title for r in wro.rules)
    assert not any("Autonomous Region" in e.caption for e in wro.entities)


def test_dol_lists_chinese_polysilicon_as_forced_labour(lists: dict[str, LoadedList]) -> None:
    (rule,) = [r for r in lists["us-dol-goods"].rules if r.goods == ("Polysilicon",) and r.countries == ("cn",)]
    assert "forced" in rule.labour
