"""Hand-worked cases for the ownership rules; every expected number is worked out in the comment or the name."""

from __future__ import annotations

import random

import pytest

from threadline.graph.model import UNKNOWN_SHARE, Share, parse_share
from threadline.graph.ownership import Stake, Verdict, control, look_through, ofac_fifty_percent


def stake(owner: str, owned: str, share: float | str | Share, controls: bool = False, source: str = "") -> Stake:
    value = share if isinstance(share, Share) else parse_share(share)
    return Stake(owner, owned, value, controls=controls, source=source)


def exact(value: float) -> Share:
    return Share(value, value)


def verdicts(result: dict[str, Verdict]) -> dict[str, str]:
    return {party: verdict.verdict for party, verdict in result.items()}


# --- OFAC 50 % rule -------------------------------------------------------------------------------------------------


def test_direct_fifty_percent_is_blocked() -> None:
    result = ofac_fifty_percent([stake("X", "A", 50)], ["X"])
    assert result["A"].verdict == "blocked"
    assert result["A"].aggregate == exact(50)
    assert result["A"].mode == "ofac-50"
    assert "X" not in result  # the seed itself gets no verdict


def test_direct_forty_nine_point_nine_percent_is_not_blocked_but_reported() -> None:
    result = ofac_fifty_percent([stake("X", "A", 49.9)], ["X"])
    assert result["A"].verdict == "not_blocked"
    assert result["A"].aggregate == exact(49.9)
    assert result["A"].arithmetic == "X (listed) 49.9 % = 49.9 % < 50 %: not blocked"


def test_two_listed_owners_of_twenty_five_percent_add_up_to_blocked() -> None:
    result = ofac_fifty_percent([stake("X", "C", 25.0), stake("Y", "C", 25.0)], ["X", "Y"])
    assert result["C"].verdict == "blocked"
    assert result["C"].aggregate == exact(50)
    assert result["C"].arithmetic == "X (listed) 25 % + Y (listed) 25 % = 50 % >= 50 %: blocked"


def test_chain_counts_blocked_stakes_in_full_under_ofac_but_multiplies_under_look_through() -> None:
    stakes = [stake("X", "A", 50), stake("A", "B", 50)]
    ofac = ofac_fifty_percent(stakes, ["X"])
    assert verdicts(ofac) == {"A": "blocked", "B": "blocked"}
    assert ofac["B"].aggregate == exact(50)  # A's 50 % counts whole, not 50 % x 50 %
    assert ofac["B"].contributions[0].owner_status == "blocked"

    through = look_through(stakes, ["X"])
    assert through["A"].aggregate == exact(50)
    assert through["B"].aggregate == exact(25)  # 0.5 * 0.5
    assert verdicts(through) == {"A": "not_blocked", "B": "not_blocked"}  # UK/EU needs more than 50 %
    assert through["B"].contributions[0].via == ("X", "A", "B")


def test_diamond() -> None:
    # X owns 60 % of A and of B; A and B each own 30 % of C.
    stakes = [stake("X", "A", 60), stake("X", "B", 60), stake("A", "C", 30), stake("B", "C", 30)]
    ofac = ofac_fifty_percent(stakes, ["X"])
    assert verdicts(ofac) == {"A": "blocked", "B": "blocked", "C": "blocked"}
    assert ofac["C"].aggregate == exact(60)  # 30 % + 30 %

    through = look_through(stakes, ["X"])
    assert through["C"].aggregate.low == pytest.approx(36)  # 0.6 * 0.3 + 0.6 * 0.3
    assert through["C"].verdict == "not_blocked"
    assert sorted(item.via for item in through["C"].contributions) == [("X", "A", "C"), ("X", "B", "C")]
    assert through["A"].verdict == "blocked"  # 60 % > 50 %


def test_cycle_terminates_with_both_blocked() -> None:
    # A owns 60 % of B, B owns 60 % of A, listed X owns 50 % of A.
    stakes = [stake("A", "B", 60), stake("B", "A", 60), stake("X", "A", 50)]
    ofac = ofac_fifty_percent(stakes, ["X"])
    assert verdicts(ofac) == {"A": "blocked", "B": "blocked"}
    assert ofac["B"].aggregate == exact(60)
    assert ofac["A"].aggregate == exact(100)  # 50 % + 60 % = 110 %, capped: the file over-counts A

    through = look_through(stakes, ["X"])
    assert through["A"].aggregate == exact(50)  # X -> A -> B -> A is not a simple path
    assert through["B"].aggregate.low == pytest.approx(30)

    assert verdicts(control(stakes, ["X"])) == {"A": "not_blocked"}  # 50 % is not control, so B is not reached


def test_unknown_share_bounded_by_other_owner_is_possibly_blocked() -> None:
    # X (listed) holds an unknown share of D; Y (not listed) holds 30 %, so X holds at most 70 %.
    result = ofac_fifty_percent([stake("X", "D", UNKNOWN_SHARE), stake("Y", "D", 30)], ["X"])
    assert result["D"].verdict == "possibly_blocked"
    assert result["D"].aggregate == Share(0, 70)
    assert "Y 30 %" in result["D"].arithmetic
    assert result["D"].to_dict()["aggregate"] == {"min": 0, "max": 70}


def test_unknown_share_bounded_below_threshold_is_not_blocked() -> None:
    # Y (not listed) holds 60 % of E, so X's unknown share is at most 40 %.
    result = ofac_fifty_percent([stake("X", "E", "unknown"), stake("Y", "E", 60)], ["X"])
    assert result["E"].verdict == "not_blocked"
    assert result["E"].aggregate == Share(0, 40)


def test_possibly_blocked_owner_passes_possibility_down() -> None:
    stakes = [stake("X", "A", "30-80"), stake("A", "B", 60)]
    result = ofac_fifty_percent(stakes, ["X"])
    assert verdicts(result) == {"A": "possibly_blocked", "B": "possibly_blocked"}
    assert result["B"].aggregate == Share(0, 60)
    assert result["B"].arithmetic.startswith("A (possibly blocked) 60 %")


@pytest.mark.parametrize(
    ("text", "ofac", "uk_eu"),
    [
        ("majority", "blocked", "blocked"),  # 50.000001-100 %
        ("minority", "not_blocked", "not_blocked"),  # 0-49.999999 %
        (">=50", "blocked", "possibly_blocked"),  # 50-100 %: reaches 50, may or may not pass it
        ("<50", "not_blocked", "not_blocked"),
        ("30-80", "possibly_blocked", "possibly_blocked"),
    ],
)
def test_interval_words(text: str, ofac: str, uk_eu: str) -> None:
    stakes = [stake("X", "F", text)]
    assert ofac_fifty_percent(stakes, ["X"])["F"].verdict == ofac
    assert look_through(stakes, ["X"])["F"].verdict == uk_eu


def test_duplicate_stakes_use_the_narrowest_interval() -> None:
    stakes = [stake("X", "A", "unknown", source="a.csv:1"), stake("X", "A", 55, source="b.csv:7")]
    result = ofac_fifty_percent(stakes, ["X"])
    assert result["A"].aggregate == exact(55)
    assert result["A"].contributions[0].sources == ("b.csv:7",)


# --- OFAC's own worked examples, as we understand them --------------------------------------------------------------


def test_ofac_example_1_direct_half() -> None:
    assert verdicts(ofac_fifty_percent([stake("X", "Entity A", 50)], ["X"])) == {"Entity A": "blocked"}


def test_ofac_example_2_half_of_a_half() -> None:
    stakes = [stake("X", "Entity A", 50), stake("Entity A", "Entity B", 50)]
    assert verdicts(ofac_fifty_percent(stakes, ["X"])) == {"Entity A": "blocked", "Entity B": "blocked"}


def test_ofac_example_3_direct_and_indirect_stakes_add() -> None:
    stakes = [stake("X", "Entity A", 50), stake("Entity A", "Entity C", 30), stake("X", "Entity C", 20)]
    result = ofac_fifty_percent(stakes, ["X"])
    assert result["Entity C"].verdict == "blocked"
    assert result["Entity C"].aggregate == exact(50)  # A's 30 % in full + X's 20 %
    assert result["Entity C"].arithmetic == ("Entity A (blocked) 30 % + X (listed) 20 % = 50 % >= 50 %: blocked")


def test_ofac_example_4_two_blocked_persons_add() -> None:
    stakes = [stake("X", "Entity D", 25), stake("Y", "Entity D", 25)]
    assert verdicts(ofac_fifty_percent(stakes, ["X", "Y"])) == {"Entity D": "blocked"}


def test_ofac_example_5_below_half_stops_the_chain() -> None:
    stakes = [stake("X", "Entity A", 40), stake("Entity A", "Entity B", 50)]
    result = ofac_fifty_percent(stakes, ["X"])
    assert verdicts(result) == {"Entity A": "not_blocked"}  # B has no blocked owner, so no verdict at all
    assert result["Entity A"].aggregate == exact(40)


# --- Control --------------------------------------------------------------------------------------------------------


def test_control_flag_and_majority_chain() -> None:
    stakes = [stake("X", "A", 10, controls=True), stake("A", "B", 60), stake("B", "C", 40), stake("B", "D", "30-80")]
    result = control(stakes, ["X"])
    assert verdicts(result) == {"A": "blocked", "B": "blocked", "C": "not_blocked", "D": "possibly_blocked"}
    assert result["A"].aggregate == exact(10)
    assert result["B"].arithmetic == "X → A → B: A (blocked) holds 60 % of B, more than 50 %: blocked"
    assert result["B"].contributions[0].via == ("X", "A", "B")
    assert result["D"].aggregate == Share(30, 80)


def test_control_through_possibly_controlled_party_is_only_possible() -> None:
    stakes = [stake("X", "A", "30-80"), stake("A", "B", 100, controls=True)]
    result = control(stakes, ["X"])
    assert verdicts(result) == {"A": "possibly_blocked", "B": "possibly_blocked"}
    assert "A (possibly blocked)" in result["B"].arithmetic


def test_control_of_exactly_half_is_not_control() -> None:
    assert control([stake("X", "A", 50)], ["X"])["A"].verdict == "not_blocked"


# --- Output ---------------------------------------------------------------------------------------------------------


def test_to_dict_shape() -> None:
    stakes = [stake("X", "C", 30, source="own.csv:4"), stake("A", "C", 25), stake("X", "A", 50)]
    result = ofac_fifty_percent(stakes, ["X"])
    data = result["C"].to_dict()
    assert data == {
        "party": "C",
        "mode": "ofac-50",
        "verdict": "blocked",
        "aggregate": 55.0,
        "arithmetic": "X (listed) 30 % + A (blocked) 25 % = 55 % >= 50 %: blocked",
        "owners": [
            {"owner": "X", "status": "listed", "share": 30.0, "via": [], "sources": ["own.csv:4"]},
            {"owner": "A", "status": "blocked", "share": 25.0, "via": [], "sources": []},
        ],
    }
    interval = ofac_fifty_percent([stake("X", "D", "30-80")], ["X"])["D"].to_dict()
    assert interval["aggregate"] == {"min": 30.0, "max": 80.0}
    owner = {"owner": "X", "status": "listed", "share": {"min": 30.0, "max": 80.0}, "via": [], "sources": []}
    assert interval["owners"] == [owner]


def test_arithmetic_mentions_every_owner() -> None:
    stakes = [stake("X", "A", 60), stake("X", "B", 60), stake("A", "C", 30), stake("B", "C", 30)]
    for result in (ofac_fifty_percent(stakes, ["X"]), look_through(stakes, ["X"]), control(stakes, ["X"])):
        assert "A" in result["C"].arithmetic
        assert "X" in result["A"].arithmetic
    assert "B" in ofac_fifty_percent(stakes, ["X"])["C"].arithmetic
    assert "X → B → C" in look_through(stakes, ["X"])["C"].arithmetic


# --- A large random graph -------------------------------------------------------------------------------------------


def _random_stakes(count: int, nodes: int, seed: int) -> list[Stake]:
    rng = random.Random(seed)
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < count:
        owner, owned = rng.randrange(nodes), rng.randrange(nodes)
        if owner != owned:
            pairs.add((f"n{owner}", f"n{owned}"))
    return [Stake(owner, owned, exact(float(rng.randint(1, 100)))) for owner, owned in sorted(pairs)]


def _naive_blocked(stakes: list[Stake], listed: set[str]) -> set[str]:
    """The fixed point recomputed the slow way: full passes until nothing changes."""
    blocked = set(listed)
    changed = True
    while changed:
        totals: dict[str, float] = {}
        for item in stakes:
            if item.owner in blocked:
                totals[item.owned] = totals.get(item.owned, 0.0) + item.share.low
        grown = blocked | {party for party, total in totals.items() if total >= 50 - 1e-9}
        changed = grown != blocked
        blocked = grown
    return blocked - listed


def test_ten_thousand_random_stakes_reach_a_consistent_fixed_point() -> None:
    stakes = _random_stakes(10_000, 3_000, seed=20240)
    listed = {f"n{index}" for index in random.Random(7).sample(range(3_000), 30)}
    result = ofac_fifty_percent(stakes, listed)

    blocked = {party for party, verdict in result.items() if verdict.verdict == "blocked"}
    assert blocked == _naive_blocked(stakes, listed)
    assert len(blocked) > 30  # the rule cascades
    assert not blocked & listed
    held: dict[str, float] = {}
    for item in stakes:
        if item.owner in listed or item.owner in blocked:
            held[item.owned] = held.get(item.owned, 0.0) + item.share.low
    for party, verdict in result.items():
        recomputed = held[party] >= 50 - 1e-9
        assert recomputed == (verdict.verdict == "blocked"), (party, held[party], verdict.arithmetic)
        assert verdict.aggregate.low == pytest.approx(min(100.0, held[party]))

    controlled = control(stakes, listed)
    assert all(verdict.aggregate.low > 50 for verdict in controlled.values() if verdict.verdict == "blocked")
    assert look_through(stakes, listed, max_depth=4)
