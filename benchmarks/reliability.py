"""Calibration of a matcher's scores: expected calibration error and a reliability table over equal-width bins.

The cross-script issue asks that a score mean something: a hit at 0.9 should be right about 90 % of the time on the
evaluation data. Binning labelled pairs by score and comparing each bin's mean score with the share of true matches
in it shows where that holds; the expected calibration error (ECE) is the pair-weighted mean gap over the bins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    count: int
    mean_score: float
    match_rate: float


def reliability(scored: Iterable[tuple[float, bool]], bins: int = 10) -> list[Bin]:
    """One :class:`Bin` per non-empty equal-width score bin; a score of exactly 1.0 falls in the top bin."""
    totals = [[0, 0.0, 0] for _ in range(bins)]
    for score, label in scored:
        slot = totals[min(int(score * bins), bins - 1)]
        slot[0] += 1
        slot[1] += score
        slot[2] += label
    return [Bin(i / bins, (i + 1) / bins, int(n), s / n, m / n) for i, (n, s, m) in enumerate(totals) if n]


def expected_calibration_error(table: list[Bin]) -> float:
    """Pair-weighted mean of ``|mean score - observed match rate|`` over the bins."""
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.mean_score - b.match_rate) for b in table) / total if total else 0.0


def best_recall_at_precision(scored: Iterable[tuple[float, bool]], precision: float) -> tuple[float, float] | None:
    """``(recall, threshold)``: the most recall any threshold gives while the pairs scored at or above it are right
    at least ``precision`` of the time (the issue's operating point, recall at precision 0.95); ``(0.0, 1.0)`` when
    no threshold does, ``None`` without positives. Pairs with equal scores pass or fail together."""
    ordered = sorted(scored, key=lambda pair: -pair[0])
    positives = sum(label for _score, label in ordered)
    if not positives:
        return None
    best = (0.0, 1.0)
    found = wrong = 0
    for at, (score, label) in enumerate(ordered):
        found += label
        wrong += not label
        last_of_score = at + 1 == len(ordered) or ordered[at + 1][0] != score
        if last_of_score and found / (found + wrong) >= precision and found / positives > best[0]:
            best = (found / positives, score)
    return best


def markdown(table: list[Bin]) -> list[str]:
    """The reliability table as markdown lines."""
    lines = ["| bin | pairs | mean score | observed match rate | gap |", "|---|---|---|---|---|"]
    for b in table:
        lines.append(
            f"| {b.low:.1f}-{b.high:.1f} | {b.count} | {b.mean_score:.3f} | {b.match_rate:.3f} "
            f"| {b.match_rate - b.mean_score:+.3f} |"
        )
    return lines
