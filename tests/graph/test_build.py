from __future__ import annotations

from threadline.graph.build import build_graph
from threadline.graph.model import PartyRef, Relation, Source
from threadline.service import default_matcher


def _supply(buyer: str, supplier: PartyRef, row: int) -> Relation:
    return Relation("supplies", supplier, PartyRef(buyer), Source("s.csv", row))


def test_the_same_supplier_written_three_ways_is_one_party_and_the_merge_is_recorded() -> None:
    relations = [
        _supply("Brand", PartyRef("Huafu Fashion Co., Ltd.", country="cn"), 1),
        _supply("Brand", PartyRef("HUAFU FASHION CO LTD"), 2),
        _supply("Brand", PartyRef("华孚时尚股份有限公司", "安徽省淮北市"), 3),
    ]
    trace = build_graph(relations, default_matcher(), 0.85)
    assert sorted(trace.parties) == ["Brand", "Huafu Fashion Co., Ltd."]
    party = trace.parties["Huafu Fashion Co., Ltd."]
    assert set(party.names) == {"Huafu Fashion Co., Ltd.", "HUAFU FASHION CO LTD", "华孚时尚股份有限公司"}
    assert party.address == "安徽省淮北市"
    assert len(trace.merges) == 1 and "华孚时尚股份有限公司" in trace.merges[0]
    assert any(h.entity.source == "us-uflpa" for h in party.hits)
    assert trace.graph.number_of_edges("Brand", "Huafu Fashion Co., Ltd.") == 3


def test_same_name_in_two_countries_stays_two_parties() -> None:
    relations = [
        _supply("Brand", PartyRef("Sunrise Textiles", country="cn"), 1),
        _supply("Brand", PartyRef("Sunrise Textiles", country="in"), 2),
    ]
    trace = build_graph(relations, None, 0.85)
    assert len(trace.parties) == 3


def test_keys_join_rows_whatever_the_name() -> None:
    relations = [
        _supply("Brand", PartyRef("Alpha Mill", key="ID-1"), 1),
        _supply("Brand", PartyRef("Alpha Spinning Mill (old name)", key="ID-1"), 2),
    ]
    trace = build_graph(relations, None, 0.85, fuzzy=False)
    assert len(trace.parties) == 2
