from __future__ import annotations

import pytest

from threadline.matching.model import Query
from threadline.matching.simple import RELATED_CAP, SimpleMatcher
from threadline.model import Entity, Name

THRESHOLD = 0.85


def _org(entry_id: str, *names: str, schema: str = "Organization") -> Entity:
    return Entity(
        "test", entry_id, schema, tuple(Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(names))
    )


def _score(query: str, name: str, schema: str = "Organization") -> tuple[float, str | None, str]:
    hit = SimpleMatcher([]).compare(Query(query), _org("1", name, schema=schema))
    assert hit is not None
    return hit.score, hit.relation, hit.explanation


@pytest.mark.parametrize(
    ("query", "name", "said"),
    [
        ("Hikvision", "杭州海康威视数字技术股份有限公司", "brand table"),
        ("HIKVISION", "Hangzhou Hikvision Digital Technology Company Limited", "brand table"),
        ("大华股份", "Zhejiang Dahua Technology Co., Ltd.", "brand table"),
        ("中粮屯河股份有限公司", "COFCO Sugar Holdings Co., Ltd", "brand table"),
        ("Esquel", "Turpan Esquel Textile Co., Ltd", "brand table"),
        ("XPCC", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "XPCC"),
        ("XPCC Public Security Bureau", "Xinjiang Production and Construction Corps Public Security Bureau", "acronym"),
        ("NIAOT", "Nanjing Institute of Astronomical Optics and Technology", "acronym"),
    ],
)
def test_short_forms_match_with_a_reason(query: str, name: str, said: str) -> None:
    score, relation, explanation = _score(query, name)
    assert score >= THRESHOLD and relation is None
    assert said in explanation


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("XPCC", "XPCC Public Security Bureau"),
        ("XPCC", "Xinjiang Production and Construction Corps Public Security Bureau"),
        ("XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "XPCC Public Security Bureau"),
        ("新疆天业（集团）有限公司", "Xinjiang Tianye Co., Ltd."),
        ("新疆天业股份有限公司", "Xinjiang Tianye Group Co., Ltd."),
        ("Xinjiang Zhongtai Chemical Co. Ltd", "Xinjiang Zhongtai Group Co. Ltd"),
    ],
)
def test_related_parties_stay_below_the_threshold(query: str, name: str) -> None:
    score, _relation, _text = _score(query, name)
    assert score < THRESHOLD


def test_brand_table_says_group_members_are_related() -> None:
    score, relation, explanation = _score("中泰化学", "Xinjiang Zhongtai Group Co. Ltd")
    assert relation == "related" and score < THRESHOLD
    assert "different companies of the Zhongtai group" in explanation


def test_agency_and_bureau_are_related() -> None:
    _s, relation, explanation = _score("XPCC", "Xinjiang Production and Construction Corps Public Security Bureau")
    assert relation == "related" and "public security bureau" in explanation


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("XPCC Public Security Bureau", "Xinjiang Production and Construction Corps", RELATED_CAP),
        ("AAC Technologies Holdings Inc", "Ansar al Charia", 0.70),  # Apple's supplier, an alias on the EU list
        ("Samsung SDI Co Ltd", "Soldados del Islam", 0.70),
    ],
)
def test_a_related_reading_is_only_as_strong_as_its_acronym(query: str, name: str, expected: float) -> None:
    """Four letters reach the threshold as one party, so their related reading gets the cap; three letters spell
    several organisations, and "AAC Technologies" being a unit of "Ansar al-Charia" rests on them alone."""
    score, relation, explanation = _score(query, name)
    assert relation == "related" and score == pytest.approx(expected)
    assert ("letters spell several organisations" in explanation) == (expected < RELATED_CAP)


def test_an_acronym_the_table_knows_otherwise_is_held_below() -> None:
    score, _relation, explanation = _score("XPCC", "Xinjiang Petroleum and Chemical Corps")
    assert score < THRESHOLD and "brand table knows XPCC" in explanation


def test_short_acronyms_are_for_review_only() -> None:
    score, _relation, explanation = _score("SMT", "Suzhou Maxwell Technologies Co., Ltd.")
    assert 0.5 < score < THRESHOLD and "other expansions" in explanation


def test_persons_get_no_acronyms() -> None:
    hit = SimpleMatcher([]).compare(Query("PXX", schema="Person"), _org("1", "Peng Xin Xu", schema="Person"))
    assert hit is None or "acronym" not in hit.explanation


def test_match_retrieves_by_acronym_and_brand() -> None:
    matcher = SimpleMatcher(
        [
            _org("corps", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS"),
            _org("bureau", "Xinjiang Production and Construction Corps Public Security Bureau"),
            Entity("test", "hik", "Company", (Name("Hangzhou Hikvision Digital Technology Co., Ltd."),)),
            _org("other", "Xinjiang Zhongtai Chemical Co., Ltd."),
        ]
    )
    hits = {h.entity.entry_id: h for h in matcher.match(Query("XPCC"))}
    assert hits["corps"].score >= THRESHOLD
    assert hits["bureau"].score < THRESHOLD and hits["bureau"].relation == "related"
    assert "other" not in hits
    brand = matcher.match(Query("海康威视"), threshold=THRESHOLD)
    assert [h.entity.entry_id for h in brand] == ["hik"]
    assert [h.entity.entry_id for h in matcher.match(Query("HIKVISION"), threshold=THRESHOLD)] == ["hik"]


def test_an_entry_that_names_its_subsidiaries_covers_another_company_of_the_group() -> None:
    from threadline.matching.model import Query
    from threadline.matching.shortforms import short_form_hit
    from threadline.model import Entity, Name

    listed = Name("Hoshine Silicon Industry Co. Ltd and Subsidiaries")
    entity = Entity("us-cbp-wro", "hoshine", "Company", (listed,))
    hit = short_form_hit(Query("合盛硅业（鄯善）有限公司"), listed, entity, 0.75)
    assert hit is not None and hit.relation is None and hit.score >= 0.85
    assert "covered by the listing" in hit.explanation
    alone = Name("Hoshine Silicon Industry Co., Ltd.")
    related = short_form_hit(Query("合盛硅业（鄯善）有限公司"), alone, Entity("x", "1", "Company", (alone,)), 0.75)
    assert related is not None and related.relation == "related" and related.score < 0.85


@pytest.mark.parametrize(
    ("query", "listed", "kind"),
    [
        ("合盛硅业（鄯善）有限公司", "Hoshine Silicon Industry Co. Ltd and Subsidiaries", "primary"),  # covers: raised
        ("合盛硅业（鄯善）有限公司", "Hoshine Silicon Industry Co., Ltd.", "primary"),  # related
        ("XPCC", "Xinjiang Production and Construction Corps", "weak"),  # an acronym, a weak alias
        ("XPCC", "Xinjiang Production and Construction Corps Public Security Bureau", "alias"),  # its unit
        ("海康威视", "Hangzhou Hikvision Digital Technology Co., Ltd.", "alias"),  # the brand table
    ],
)
def test_a_short_form_hit_scores_at_most_its_readings_reach(query: str, listed: str, kind: str) -> None:
    """The matcher leaves out the names an acronym or brand links to a query when this reach is below the entries it
    keeps, before reading their entries: a related reading of a listing that covers the group is raised, the list
    side's adjustments (a weak alias, another country) only lower."""
    from threadline.matching.shortforms import hit_reach, reading, short_form_hit

    name = Name(listed, kind)  # type: ignore[arg-type]
    found = reading(query, listed, RELATED_CAP)
    assert found is not None
    for country in (None, "cn", "us"):
        hit = short_form_hit(
            Query(query, country=country), name, Entity("t", "1", "Company", (name,), countries=("cn",)), RELATED_CAP
        )
        assert hit is not None and hit.score <= hit_reach(found, listed)
