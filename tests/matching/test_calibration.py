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


@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1))
def test_calibration_is_monotone_and_in_range(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert 0.0 <= calibrate(low) <= calibrate(high) <= 1.0
