from __future__ import annotations

from threadline.graph.build import TraceGraph, build_graph
from threadline.graph.exposure import RiskSource, exposures, find_roots, gaps, risk_sources
from threadline.graph.model import PartyRef, Relation, Share, Source


def _supply(buyer: str, supplier: str, row: int, tier: int | None = None, product: str | None = None,
            address: str | None = None) -> Relation:  # fmt: skip
    return Relation("supplies", PartyRef(supplier, address), PartyRef(buyer), Source("s.csv", row), product, tier=tier)


def _owns(owner: str, owned: str, share: float, row: int) -> Relation:
    return Relation("owns", PartyRef(owner), PartyRef(owned), Source("o.csv", row), share=Share(share, share))


def _trace(relations: list[Relation]) -> tuple[TraceGraph, list[str]]:
    trace = build_graph(relations, None, 0.85, fuzzy=False)
    return trace, find_roots(trace)


def test_diamond_gives_both_paths_shortest_first() -> None:
    trace, roots = _trace(
        [
            _supply("Brand", "Mill A", 1, 1),
            _supply("Brand", "Mill B", 2, 1),
            _supply("Mill A", "Spinner", 3, 2),
            _supply("Mill B", "Trader", 4, 2),
            _supply("Trader", "Spinner", 5, 3),
            _supply("Spinner", "Gin", 6, 4, address="新疆阿克苏地区阿瓦提县"),
        ]
    )
    assert roots == ["Brand"]
    risks = risk_sources(trace, {})
    (found,) = [e for e in exposures(trace, roots, risks) if e.kind == "xinjiang"]
    assert found.party == "Gin"
    assert found.paths == [
        ["Brand", "Mill A", "Spinner", "Gin"],
        ["Brand", "Mill B", "Trader", "Spinner", "Gin"],
    ]
    assert [r.source.label for r in found.hops[0]] == ["s.csv:1", "s.csv:3", "s.csv:6"]


def test_ownership_hops_lead_to_the_owner_and_cycles_are_reported() -> None:
    trace, roots = _trace(
        [
            _supply("Brand", "Supplier", 1, 1),
            _owns("Holding", "Supplier", 60, 1),
            _owns("Supplier", "Holding", 10, 2),
        ]
    )
    risks = {"Holding": [RiskSource("listed", "test list: Holding")]}
    (found,) = list(exposures(trace, roots, risks))
    assert found.paths == [["Brand", "Supplier", "Holding"]]
    assert [r.kind for r in found.hops[0]] == ["supplies", "owns"]
    assert any(g.startswith("cycle: ") for g in gaps(trace, "Brand"))


def test_missing_and_skipped_tiers_and_conflicting_shares() -> None:
    trace, _ = _trace(
        [
            _supply("Brand", "Garment Co", 1, 1),
            _supply("Garment Co", "Mill", 2, 2),
            _supply("Mill", "Spinner", 3, 3),
            _supply("Garment Co", "Trims Co", 4, 2, product="zips"),
            _supply("Spinner", "Farm", 5, 5),
            _owns("X", "Mill", 30, 1),
            _owns("X", "Mill", 45, 2),
        ]
    )
    found = gaps(trace, "Brand")
    assert any("tier 3 unknown: no suppliers recorded for Trims Co for zips (s.csv:4)" in g for g in found)
    assert any("tiers 4-4 missing between Spinner and Farm" in g for g in found)
    assert any("conflicting shares of X in Mill" in g for g in found)


def test_without_tier_columns_a_short_chain_is_a_gap() -> None:
    trace, _ = _trace([_supply("Brand", "A", 1), _supply("A", "B", 2), _supply("Brand", "C", 3)])
    assert any("chain stops at C" in g for g in gaps(trace, "Brand"))


def test_roots_default_to_buyers_nobody_buys_from() -> None:
    _, roots = _trace([_supply("Brand", "A", 1), _supply("Retailer", "A", 2), _supply("A", "B", 3)])
    assert sorted(roots) == ["Brand", "Retailer"]


def test_a_unit_of_a_listed_party_is_a_related_risk_and_the_listed_party_is_listed() -> None:
    from threadline.matching.simple import SimpleMatcher
    from threadline.model import Entity, Name

    xpcc = Entity("us-uflpa", "xpcc", "Organization", (Name("Xinjiang Production and Construction Corps"),))
    relations = [_supply("Brand", "Mill", 1, 1), _supply("Mill", "新疆生产建设兵团第一师", 2, 2)]
    relations.append(_supply("Brand", "Xinjiang Production and Construction Corps", 3, 1))
    trace = build_graph(relations, SimpleMatcher([xpcc]), 0.85, fuzzy=False)
    found = {(e.party, e.kind): e for e in exposures(trace, find_roots(trace), risk_sources(trace, {}))}
    kinds = {party: {kind for p, kind in found if p == party} for party, _ in found}
    assert kinds["新疆生产建设兵团第一师"] == {"related", "xinjiang"}  # its name says Xinjiang too
    assert kinds["Xinjiang Production and Construction Corps"] == {"listed", "xinjiang"}  # listed: no "related"
    (evidence,) = found["新疆生产建设兵团第一师", "related"].evidence
    assert evidence.startswith("related to us-uflpa xpcc Xinjiang Production and Construction Corps (0.75)")
    assert not trace.parties["新疆生产建设兵团第一师"].hits  # not listed itself
