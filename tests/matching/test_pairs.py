from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from threadline.matching.pairs import PairScore, average_precision, quality
from threadline.service import score_pairs_file

PAIRS = [
    {
        "id": "x1",
        "left": {"schema": "Company", "properties": {"name": ["新疆中泰化学股份有限公司"], "country": ["cn"]}},
        "right": {"schema": "Company", "properties": {"name": ["Xinjiang Zhongtai Chemical Co., Ltd."]}},
        "label": True,
    },
    {
        "id": "x2",
        "left": {"schema": "Person", "properties": {"name": ["Chen Quanguo"]}},
        "right": {"schema": "Person", "properties": {"name": ["Chen Mingguo"]}},
        "label": False,
    },
    {
        "id": "x3",
        "left": {"schema": "Company", "properties": {"name": ["新疆天业（集团）有限公司"]}},
        "right": {"schema": "Company", "properties": {"name": ["Xinjiang Tianye Co., Ltd."]}},
        "label": False,
    },
]


def test_pairs_file_is_scored_and_measured(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    lines = [json.dumps(p, ensure_ascii=False) for p in PAIRS] + ["{oops", json.dumps({"id": "x4", "left": {}})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    result = score_pairs_file(path, out, threshold=0.85)
    scored = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [s["id"] for s in scored] == ["x1", "x2", "x3"]
    assert [s["match"] for s in scored] == [True, False, False]
    assert (result.quality.tp, result.quality.fp, result.quality.tn) == (1, 0, 2)
    assert len(result.skipped) == 2 and ":4:" in result.skipped[0] and "row 5" in result.skipped[1]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([(0.9, True), (0.8, False), (0.7, True)], (1 + 2 / 3) / 2),
        ([(0.9, True), (0.8, True)], 1.0),
    ],
)
def test_average_precision(scores: list[tuple[float, bool]], expected: float) -> None:
    items = [PairScore(str(i), s, s >= 0.85, label, "") for i, (s, label) in enumerate(scores)]
    assert average_precision(items) == pytest.approx(expected)
    assert quality(items).tp == sum(1 for s, label in scores if s >= 0.85 and label)


def test_a_pair_scored_zero_still_says_what_was_compared() -> None:
    from threadline.matching.pairs import NO_NAME_COMPARABLE, score_pair
    from threadline.matching.simple import SimpleMatcher

    record = {
        "id": "z",
        "left": {"schema": "Company", "properties": {"name": ["中航示范高温合金材料股份有限公司"]}},  # invented
        "right": {"schema": "Company", "properties": {"name": ["Shifan Superalloys Co.,Ltd."]}},
        "label": True,
    }
    scored = score_pair(SimpleMatcher([]), record, 1, 0.85)
    assert scored.explanation != NO_NAME_COMPARABLE and "示范=shifan" in scored.explanation, scored
    record["right"] = {"schema": "Company", "properties": {"name": ["Tungkong Inc."]}}  # nothing the aligner reads
    assert score_pair(SimpleMatcher([]), record, 1, 0.85).explanation == NO_NAME_COMPARABLE
