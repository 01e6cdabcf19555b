from __future__ import annotations

import pytest

from threadline.names.burmese import romanize
from threadline.names.normalize import fold, latin


@pytest.mark.parametrize(
    ("burmese", "expected"),
    [
        ("မင်းအောင်လှိုင်", "min aung hlaing"),  # ha-htoe before the consonant, ိုင် "aing", ောင် "aung"
        ("ဦးဝင်းမြင့်", "u win myint"),  # honorific U first; medial ra as y; a creaky nasal keeps its t
        ("ရဲဝင်းဦး", "ye win oo"),  # ဦး later in a name is "Oo"
        ("သန်းရွှေ", "than shwe"),  # ရှ "sh"
        ("ထွန်းထွန်းနောင်", "htun htun naung"),  # medial wa with a final: "un"
        ("ကျော်စွာလင်း", "kyaw swa lin"),
        ("သိန်းစိန်", "thein sein"),
        ("နေပြည်တော်", "nay pyi taw"),
    ],
)
def test_names_are_spelled_as_myanmar_names_are(burmese: str, expected: str) -> None:
    assert romanize(burmese) == expected


def test_the_marks_survive_folding_and_other_text_is_left_alone() -> None:
    assert fold("မင်းအောင်လှိုင်") == "မင်းအောင်လှိုင်"  # vowel signs and asat are combining marks
    assert latin("Senior General မင်းအောင်လှိုင်") == "senior general min aung hlaing"
    assert romanize("Min Aung Hlaing") == "Min Aung Hlaing"
