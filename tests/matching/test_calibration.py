from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from threadline.matching.calibration import calibrate, isotonic


def test_isotonic_fit_is_monotone_and_pools_violations() -> None:
    points = [(0.1, False), (0.2, True), (0.3, False), (0.9, True), (0.95, True)]
    fit = isotonic(points)
    probabilities = [p for _s, p in fit]
    assert probabilities == sorted(probabilities)
    assert fit[-1][1] == 1.0


def test_isotonic_fit_gives_one_probability_to_one_score() -> None:
    """Tied scores are pooled before anything else: sorted wrong-first, three misses and three matches at 0.75 must
    not become a block of misses below a block of matches."""
    points = [(0.5, False), (0.75, False), (0.75, False), (0.75, True), (0.75, True), (0.75, True), (0.75, False)]
    points += [(0.9, True)]
    fit = isotonic(points)
    assert fit == [(0.5, 0.0), (0.75, 0.5), (0.9, 1.0)]


def test_isotonic_fit_weighs_points() -> None:
    points = [(0.6, True), (0.6, False), (0.6, False), (0.8, True)]
    assert isotonic(points, [1.0, 0.5, 0.5, 1.0]) == [(0.6, 0.5), (0.8, 1.0)]
    assert isotonic(points) == [(0.6, 0.3333), (0.8, 1.0)]


@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1))
def test_calibration_is_monotone_and_in_range(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert 0.0 <= calibrate(low) <= calibrate(high) <= 1.0
