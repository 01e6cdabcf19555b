"""Learning the model of brands rendered by sound (threadline.soundlearn)."""

from __future__ import annotations

import math

from threadline.names.soundmodel import similarity
from threadline.soundlearn import FOLDS, estimate, fold


def test_em_learns_how_brands_write_a_unit_and_reads_the_rest_as_chance() -> None:
    renderings = [
        (("w-", "-an", "t-", "-ong"), "vantone"),
        (("w-", "-an", "k-", "-e"), "vanke"),
        (("w-", "-ei"), "vei"),
    ]
    noise = [(("h-", "-ua"), "stonehill"), (("x-", "-in"), "pearl"), (("t-", "-ai"), "zebra")]
    model = estimate(renderings * 3 + noise).model()
    assert model.chunks["w-"]["v"] > model.chunk("w-", "w")  # learned: these brands write w as v
    assert similarity(model, ("w-", "-an", "t-", "-ong"), "vantone") > 0.0
    assert similarity(model, ("h-", "-ua"), "stonehill") < similarity(model, ("w-", "-an", "k-", "-e"), "vanke")


def test_the_estimate_reads_as_probabilities() -> None:
    learned = estimate([(("w-", "-an"), "van"), (("w-", "-an"), "wan"), (("k-", "-ang"), "kon")])
    assert 0.0 < learned.share < 1.0
    for unit, seen in learned.table.items():
        assert math.isclose(sum(seen.values(), 0.0) + learned.rest[unit], 1.0)
    assert math.isclose(sum(learned.chunk_lengths, 0.0), 1.0)


def test_folds_are_stable_and_both_used() -> None:
    codes = [f"{n:06d}" for n in range(200)]
    parts = [fold(code) for code in codes]
    assert parts == [fold(code) for code in codes]
    assert set(parts) == set(range(FOLDS))
