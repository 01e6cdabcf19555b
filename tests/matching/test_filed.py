from __future__ import annotations

from threadline.matching.filed import APART_CAP
from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher, _least_kept
from threadline.model import Entity, Name

# 北方化学工业 (SZSE 002246, North Chemical Industries) and 北方华锦化学工业 (SZSE 000059, "North Huajin Chemical
# Industries"): two listed companies whose names align all but one word
NORTH_CHEMICAL = "北方化学工业股份有限公司"
HUAJIN = Entity("t", "huajin", "Company", (Name("North Huajin Chemical Industries Co.,Ltd"),))


def test_names_two_listed_companies_filed_are_kept_apart() -> None:
    hit = SimpleMatcher([]).compare(Query(NORTH_CHEMICAL, "Company"), HUAJIN)
    assert hit is not None and hit.score == APART_CAP
    assert ("filed_apart", APART_CAP) in hit.features
    assert "SZSE 000059" in hit.explanation and "another company's name" in hit.explanation


def test_a_company_is_not_kept_apart_from_its_own_filed_name() -> None:
    own = Entity("t", "own", "Company", (Name("North Chemical Industries Co., Ltd."),))
    hit = SimpleMatcher([]).compare(Query(NORTH_CHEMICAL, "Company"), own)
    assert hit is not None and hit.score >= 0.85 and "filed_apart" not in dict(hit.features)


def test_an_entry_that_also_carries_the_querys_filed_name_is_not_kept_apart() -> None:
    both = Entity(
        "t", "both", "Company", (Name("North Huajin Chemical Industries Co.,Ltd"), Name("北方化学工业股份有限公司"))
    )
    hit = SimpleMatcher([]).compare(Query(NORTH_CHEMICAL, "Company"), both)
    assert hit is not None and "filed_apart" not in dict(hit.features)


def test_screening_does_not_report_the_other_listed_company() -> None:
    own = Entity("t", "own", "Company", (Name("North Chemical Industries Co., Ltd."),))
    hits = SimpleMatcher([HUAJIN, own]).match(Query(NORTH_CHEMICAL, "Company"), threshold=0.7)
    assert [hit.entity.entry_id for hit in hits] == ["own"]


def test_unlisted_names_are_left_to_the_matcher() -> None:
    unlisted = Entity("t", "u", "Company", (Name("North Huajin Chemical Trading Co.,Ltd"),))
    hit = SimpleMatcher([]).compare(Query(NORTH_CHEMICAL, "Company"), unlisted)
    assert hit is None or "filed_apart" not in dict(hit.features)


def test_a_hit_the_cap_will_lower_does_not_raise_the_bar_for_other_candidates() -> None:
    query = Query(NORTH_CHEMICAL, "Company")
    uncapped = SimpleMatcher([])._compare_name(query, HUAJIN)  # before the cap, as _match_name first scores it
    assert uncapped is not None and uncapped.score > 0.85
    assert _least_kept(query, [uncapped], limit=1, threshold=0.7) == 0.7  # it will be shown at 0.5, if at all
