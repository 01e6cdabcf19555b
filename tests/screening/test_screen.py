"""One row's screening: the sector of a product line is remembered, and is what classifying it again gives."""

from __future__ import annotations

from threadline.model import Rule
from threadline.risk.goods import GoodsIndex
from threadline.risk.sector import classify
from threadline.screening import screen


def test_a_remembered_product_line_is_classified_as_afresh() -> None:
    goods = GoodsIndex([Rule("us-dol-goods", "cotton-cn", "goods", "Cotton", countries=("cn",), goods=("Cotton",))])
    lines = [("cotton yarn", None, "cn"), (None, "520100", "cn"), ("polysilicon", "2804.61", None), (None, None, "cn")]
    for product, hs_code, country in lines * 2:
        remembered = screen._classified(product, hs_code, country, goods)
        assert remembered == classify(product, hs_code, country=country, goods=goods)
    assert screen._classified("cotton yarn", None, "cn", goods).dol_goods
    assert screen._classified("cotton yarn", None, "cn", None).dol_goods == ()
