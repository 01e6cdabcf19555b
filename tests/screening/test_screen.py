"""One row's screening: the sector of a product line is remembered, and is what classifying it again gives."""

from __future__ import annotations

from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name, Rule
from threadline.risk.goods import GoodsIndex
from threadline.risk.sector import classify
from threadline.screening import screen
from threadline.screening.reader import InputRow


def test_a_remembered_product_line_is_classified_as_afresh() -> None:
    goods = GoodsIndex([Rule("us-dol-goods", "cotton-cn", "goods", "Cotton", countries=("cn",), goods=("Cotton",))])
    lines = [("cotton yarn", None, "cn"), (None, "520100", "cn"), ("polysilicon", "2804.61", None), (None, None, "cn")]
    for product, hs_code, country in lines * 2:
        remembered = screen._classified(product, hs_code, country, goods)
        assert remembered == classify(product, hs_code, country=country, goods=goods)
    assert screen._classified("cotton yarn", None, "cn", goods).dol_goods
    assert screen._classified("cotton yarn", None, "cn", None).dol_goods == ()


def test_a_related_hit_is_reported_apart_and_never_makes_a_row_listed() -> None:
    """At a threshold below the related cap the matcher's hits include the related one: it still goes to
    ``related``, not to ``hits``, and the row's risk is what its place and product say."""
    corps = Entity("t", "xpcc", "Organization", (Name("Xinjiang Production and Construction Corps"),))
    matcher = SimpleMatcher([corps])
    row = InputRow(7, "XPCC Public Security Bureau", None, "bd", "Bangladesh", None, None)
    for threshold in (0.85, 0.7):
        result = screen.assess(row, matcher, threshold)
        assert result.hits == () and result.risk == "xinjiang"  # the name says XPCC, a Xinjiang body: not listed
        assert [(h.entity.entry_id, h.relation, h.score) for h in result.related] == [("xpcc", "related", 0.75)]
        assert result.to_dict()["related"][0]["relation"] == "related"
        assert screen.encoded(result).related and screen.flagged(result.risk, bool(result.related))
