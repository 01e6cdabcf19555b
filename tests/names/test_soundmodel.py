"""The learned model of brands rendered by sound (threadline.names.soundmodel)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from threadline.names.soundmodel import SoundModel, Using, active, packaged, read_table, run_units, similarity, units


@pytest.mark.parametrize(
    ("syllable", "expected"),
    [
        ("kang", ("k-", "-ang")),
        ("zhong", ("zh-", "-ong")),
        ("shi", ("sh-", "-i")),
        ("an", ("-an",)),
        ("wan", ("w-", "-an")),
        ("m", ("m-",)),
    ],
)
def test_units(syllable: str, expected: tuple[str, ...]) -> None:
    assert units(syllable) == expected


def test_run_units_says_where_each_syllable_ends() -> None:
    assert run_units(("wan", "tong")) == (("w-", "-an", "t-", "-ong"), (2, 4))
    assert run_units(("ai", "yi")) == (("-ai", "y-", "-i"), (1, 3))


def _toy() -> SoundModel:
    """w- writes "v" or "w", -an "an", chance knows a-z equally; chunks of any length as likely."""
    letters = {chr(c): math.log(1 / 26) for c in range(ord("a"), ord("z") + 1)}
    chunks = {"w-": {"v": math.log(0.6), "w": math.log(0.3)}, "-an": {"an": math.log(0.9)}}
    unseen = {"w-": math.log(0.1), "-an": math.log(0.1)}
    return SoundModel(chunks, unseen, letters, (math.log(0.25),) * 4, {n: math.log(0.1) for n in range(1, 11)})


def test_a_rendering_scores_above_chance_and_another_word_below() -> None:
    model = _toy()
    assert similarity(model, ("w-", "-an"), "van") > similarity(model, ("w-", "-an"), "wan") > 0.0
    assert similarity(model, ("w-", "-an"), "kix") < 0.0
    assert similarity(model, ("w-", "-an"), "") == -math.inf


def test_one_pass_reads_every_run_that_begins_where_the_units_do() -> None:
    model = _toy()
    scores = model.rendered(("w-", "-an", "w-", "-an"), "van")
    assert scores[2] == pytest.approx(model.rendered(("w-", "-an"), "van")[-1])
    assert scores[4] == pytest.approx(model.rendered(("w-", "-an", "w-", "-an"), "van")[-1])
    assert scores[0] == -math.inf  # no unit writes nothing but three letters


def test_using_puts_another_model_in_place_of_the_packaged_one() -> None:
    toy = _toy()
    assert active() is packaged()
    with Using(toy):
        assert active() is toy
    assert active() is packaged()


def test_the_packaged_table_reads(tmp_path: Path) -> None:
    model = packaged()
    assert model.chunks["w-"]["v"] > math.log(0.05)  # English writes pinyin w as v often enough to learn it
    assert model.chunks["k-"]["k"] > model.chunk("k-", "x")


@pytest.mark.parametrize(
    "row",
    ["w-,v,abc", "w-,v,0", "w-,v,1.5", "@chunk,x,0.5"],
)
def test_a_bad_row_is_an_error_that_names_it(tmp_path: Path, row: str) -> None:
    path = tmp_path / "model.csv"
    path.write_text(f"# comment\nunit,latin,probability\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2"):
        read_table(str(path))


def test_a_floor_stops_the_pass_without_changing_what_it_reaches() -> None:
    model = packaged()
    units = run_units(("ying", "kang", "ke", "ji"))[0]
    full = model.rendered(units, "inkon")
    for floor in (-40.0, -20.0, -12.0, full[4]):
        cut = model.rendered(units, "inkon", floor)
        assert len(cut) == len(full)
        assert all(c == f for c, f in zip(cut, full, strict=True) if f >= floor)
