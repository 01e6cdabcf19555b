"""Score labelled name pairs (FollowTheMoney-shaped, DESIGN.md §5) and measure precision, recall and F1."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadline.exc import BadRowError, InputFileError
from threadline.matching.identifiers import PAIR_FIELDS, query_identifiers
from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import SCHEMATA, Entity, Identifier, Name
from threadline.model.countries import to_iso2


@dataclass(frozen=True, slots=True, init=False)
class PairScore:
    id: str
    score: float
    match: bool
    label: bool | None
    explanation: str

    def __init__(self, id: str, score: float, match: bool, label: bool | None, explanation: str) -> None:
        # (one a pair: set directly, as :class:`~threadline.names.normalize.NameKey` says why)
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "match", match)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "explanation", explanation)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": round(self.score, 4), "match": self.match}


def _side(data: Any, row: int, side: str) -> tuple[str, list[str], list[str]]:
    if not isinstance(data, dict):
        raise BadRowError(row, f"{side!r} is not an object")
    schema = str(data.get("schema") or "LegalEntity")
    if schema not in SCHEMATA:
        schema = "LegalEntity"
    props = data.get("properties") or {}
    names = [str(n) for n in props.get("name", []) if str(n).strip()]
    if not names:
        raise BadRowError(row, f"{side!r} has no properties.name")
    countries = [c for c in (to_iso2(str(v)) for v in props.get("country", [])) if c]
    return schema, names, countries


def _identifiers(data: Any) -> tuple[Identifier, ...]:
    """The identifier properties of one side (``registrationNumber``, ``leiCode``...; see ``PAIR_FIELDS``)."""
    props = data.get("properties") if isinstance(data, dict) else None
    return query_identifiers(props, PAIR_FIELDS) if isinstance(props, dict) else ()


NO_NAME_COMPARABLE = "no name comparable"
"""The explanation of a pair whose names the matcher cannot compare at all (no hit for any of them)."""


def score_pair(matcher: SimpleMatcher, record: dict[str, Any], row: int, threshold: float) -> PairScore:
    l_schema, l_names, l_countries = _side(record.get("left"), row, "left")
    r_schema, r_names, r_countries = _side(record.get("right"), row, "right")
    left_ids, right_ids = _identifiers(record.get("left")), _identifiers(record.get("right"))
    right = Entity(
        "pair", "right", r_schema, tuple(Name(n) for n in r_names), countries=tuple(r_countries), identifiers=right_ids
    )
    best_score, best_text = 0.0, NO_NAME_COMPARABLE
    schema = l_schema if l_schema != "LegalEntity" else None
    for name in l_names:
        hit = matcher.compare(Query(name, schema, l_countries[0] if l_countries else None, left_ids), right)
        if hit is not None and (hit.score > best_score or best_text == NO_NAME_COMPARABLE):
            best_score, best_text = hit.score, hit.explanation  # a hit at 0 still says why (nothing aligned ...)
    label = record.get("label")
    return PairScore(
        str(record.get("id", row)),
        best_score,
        best_score >= threshold,
        label if isinstance(label, bool) else None,
        best_text,
    )


def read_pairs(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """``(line, record or None, raw line)`` for each non-empty line of a pairs file."""
    if not path.is_file():
        raise InputFileError(f"{path}: pairs file not found")
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    value = json.loads(line)
                except json.JSONDecodeError:
                    yield number, None, line
                    continue
                yield number, value if isinstance(value, dict) else None, line


@dataclass(frozen=True, slots=True)
class Quality:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def quality(scores: Iterable[PairScore]) -> Quality:
    tp = fp = fn = tn = 0
    for s in scores:
        if s.label is None:
            continue
        tp += s.match and s.label
        fp += s.match and not s.label
        fn += (not s.match) and s.label
        tn += (not s.match) and (not s.label)
    return Quality(tp, fp, fn, tn)


def average_precision(scores: Iterable[PairScore]) -> float:
    """Area under the precision-recall curve, ranking labelled pairs by score."""
    ranked = sorted((s for s in scores if s.label is not None), key=lambda s: -s.score)
    positives = sum(1 for s in ranked if s.label)
    if not positives:
        return 0.0
    hits = 0
    total = 0.0
    for rank, s in enumerate(ranked, start=1):
        if s.label:
            hits += 1
            total += hits / rank
    return total / positives
