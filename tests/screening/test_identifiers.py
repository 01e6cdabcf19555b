from __future__ import annotations

from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Identifier, Name
from threadline.screening.reader import InputRow
from threadline.screening.screen import assess

USCC = "91110117663725176G"
OTHER_USCC = "91222401MA0Y31E659"
LISTED = Entity(
    "test",
    "1",
    "Company",
    (Name("Xinjiang Zhongtai Chemical Co., Ltd."),),
    countries=("cn",),
    identifiers=(Identifier("Unified Social Credit Code (USCC)", USCC),),
)


def _row(name: str, registration_id: str | None) -> InputRow:
    return InputRow(1, name, None, "cn", "CN", None, None, registration_id=registration_id)


def test_screening_uses_the_registration_column_as_evidence() -> None:
    matcher = SimpleMatcher([LISTED])
    same = assess(_row("Xinjiang Zhongtai Chemical", USCC), matcher, 0.85)
    other = assess(_row("Xinjiang Zhongtai Chemical", OTHER_USCC), matcher, 0.85)
    none = assess(_row("Xinjiang Zhongtai Chemical", None), matcher, 0.85)
    assert same.hits and "USCC" in same.hits[0].explanation
    assert none.hits
    assert not other.hits  # both codes valid and different: below the threshold, for review at a lower one
