from __future__ import annotations

import pytest

from threadline.model import Rule
from threadline.risk.goods import GoodsIndex
from threadline.risk.sector import UFLPA_MAPPING_NOTE, classify


@pytest.mark.parametrize(
    ("hs", "sector"),
    [
        ("5201.00", "Cotton and cotton products"),
        ("520100", "Cotton and cotton products"),
        ("52.01", "Cotton and cotton products"),
        ("HS 5205.12.10", "Cotton and cotton products"),
        ("2804.61", "Silica-based products (incl. polysilicon)"),
        ("3904.10", "Polyvinyl chloride (PVC)"),
        ("0702", "Tomatoes and downstream products"),
        ("70200", "Tomatoes and downstream products"),
        ("8507.60", "Lithium"),
        ("7208.10", "Steel"),
        ("2815.12", "Caustic soda"),
    ],
)
def test_hs_codes_map_to_their_sector_and_say_who_mapped_them(hs: str, sector: str) -> None:
    result = classify(None, hs)
    assert sector in result.sectors
    assert result.signal == "hs-code" and result.evidence and result.evidence in hs
    assert result.to_dict()["mapping"] == UFLPA_MAPPING_NOTE


@pytest.mark.parametrize(
    ("product", "sector"),
    [
        ("100% cotton yarn", "Cotton and cotton products"),
        ("多晶硅", "Silica-based products (incl. polysilicon)"),
        ("PVC resin", "Polyvinyl chloride (PVC)"),
        ("聚氯乙烯树脂", "Polyvinyl chloride (PVC)"),
        ("Tomato paste", "Tomatoes and downstream products"),
        ("番茄酱", "Tomatoes and downstream products"),
        ("棉纱 32支", "Cotton and cotton products"),
        ("aluminium ingot", "Aluminum"),
        ("铝锭", "Aluminum"),
        ("APPAREL", "Apparel"),
        ("红枣", "Red dates (jujubes)"),
    ],
)
def test_product_words_map_to_their_sector(product: str, sector: str) -> None:
    result = classify(product, None)
    assert sector in result.sectors
    assert result.signal == "product-text"
    assert "mapping" not in result.to_dict()


@pytest.mark.parametrize(
    "product", ["Cottonwood furniture", "footwear", "electronics components/assembly", "铁路配件", "棉被套", "高铁"]
)
def test_unrelated_products_are_not_flagged(product: str) -> None:
    assert classify(product, None).to_dict()["flagged"] is False


def test_no_product_and_no_code_is_unknown() -> None:
    assert classify(None, None).to_dict()["flagged"] is None


def test_unreadable_hs_code_is_reported_not_fatal() -> None:
    result = classify("shoes", "ab-12")
    assert not result.flagged
    assert result.problem and "ab-12" in result.problem


def test_hs_code_and_words_both_explain() -> None:
    result = classify("tomato paste in drums", "3904.10")
    assert [s.signal for s in result.signals] == ["hs-code", "product-text"]
    assert set(result.sectors) == {"Polyvinyl chloride (PVC)", "Tomatoes and downstream products"}
    assert result.hs[0].description and "vinyl chloride" in result.hs[0].description


def _dol(good: str, country: str, labour: tuple[str, ...]) -> Rule:
    return Rule(
        source="us-dol-goods",
        entry_id=f"{good}-{country}".lower(),
        kind="goods",
        title=f"{good} — {country}",
        countries=(country,),
        goods=(good,),
        labour=labour,
    )


def test_dol_goods_for_the_rows_country_only() -> None:
    goods = GoodsIndex([_dol("Garments", "bd", ("child", "forced")), _dol("Cotton", "cn", ("forced",))])
    bangladesh = classify("Knitted garments", None, country="bd", goods=goods)
    assert [g.good for g in bangladesh.dol_goods] == ["Garments"]
    assert bangladesh.dol_goods[0].labour == ("child", "forced")
    assert classify("Knitted garments", None, country="vn", goods=goods).dol_goods == ()
    assert classify("Knitted garments", None, country=None, goods=goods).dol_goods == ()
    by_code = classify(None, "5201.00", country="cn", goods=goods)
    assert [(g.good, g.signal) for g in by_code.dol_goods] == [("Cotton", "hs-code")]
    assert "mapping" in by_code.dol_goods[0].to_dict()


def test_a_dol_good_alone_is_reported_but_does_not_flag_the_row() -> None:
    goods = GoodsIndex([_dol("Bricks (clay)", "pk", ("child", "forced"))])
    result = classify("clay brick", None, country="pk", goods=goods)
    assert [g.good for g in result.dol_goods] == ["Bricks (clay)"]
    assert result.to_dict()["flagged"] is False
