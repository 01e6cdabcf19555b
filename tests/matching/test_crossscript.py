from __future__ import annotations

import pytest

from threadline.matching.align import align, place_first
from threadline.matching.calibration import CONFLICT, OTHER, RENDERING, TRADE_NAME
from threadline.matching.crossscript import evidence_group, known_terms_differ, trade_name
from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name
from threadline.names.glossary import glossary
from threadline.names.places import is_place


def test_the_shared_trade_name_is_a_pinyin_piece_that_is_not_a_place() -> None:
    assert trade_name(align("沈阳惠天热电", ("shenyang", "huitian", "thermal", "power"), glossary())) == "惠天"
    assert trade_name(align("深圳德赛电池", ("shenzhen", "desay", "battery"), glossary())) == ""
    assert is_place("深圳") and is_place("新疆") and not is_place("惠天")


@pytest.mark.parametrize(
    ("han", "latin", "group"),
    [
        ("沈阳惠天热电", "shenyang huitian thermal power", TRADE_NAME),
        ("深圳德赛电池", "shenzhen desay battery", RENDERING),
        ("青岛国林环保", "qingdao huicheng environmental protection", CONFLICT),
        ("厦门吉宏科技", "xiamen jihong", TRADE_NAME),
        ("浙江大华技术", "zhejiang technology", OTHER),
    ],
)
def test_calibration_group(han: str, latin: str, group: str) -> None:
    assert evidence_group(align(han, tuple(latin.split()), glossary())) == group


def test_a_place_the_english_name_puts_last_is_read_first() -> None:
    assert place_first("广东中旗新材料", ("sinostone", "guangdong"), glossary()) == ("guangdong", "sinostone")
    assert place_first("西藏天路", ("tianlu", "tibet"), glossary()) == ("tibet", "tianlu")


def test_known_different_terms_beside_a_shared_trade_name_are_still_a_conflict() -> None:
    sibling = align("深圳德赛电池科技", ("shenzhen", "desai", "lighting", "technology"), glossary())
    missing = align("沈阳惠天热电", ("shenyang", "huitian", "thermal", "power"), glossary())
    assert known_terms_differ(sibling)
    assert not known_terms_differ(missing)


@pytest.mark.parametrize(
    ("han", "latin", "same"),
    [
        ("沈阳惠天热电股份有限公司", "Shenyang Huitian Thermal Power Co.,Ltd", True),
        ("新疆天润乳业股份有限公司", "Xinjiang Tianrun Dairy Co., Ltd.", True),
        ("新疆天润乳业股份有限公司", "Tianrun Industry Technology Co., Ltd.", False),
        ("新疆中泰化学股份有限公司", "Xinjiang Zhongtai Textile Co., Ltd.", False),
    ],
)
def test_scores_with_a_shared_trade_name(han: str, latin: str, same: bool) -> None:
    hit = SimpleMatcher([]).compare(Query(han, "Company"), Entity("t", "1", "Company", (Name(latin),)))
    assert hit is not None
    assert (hit.score >= 0.85) == same
