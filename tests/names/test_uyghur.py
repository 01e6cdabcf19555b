from __future__ import annotations

import pytest

from threadline.names.normalize import latin
from threadline.names.uyghur import is_uyghur, romanize


@pytest.mark.parametrize(
    ("uyghur", "expected"),
    [
        ("ئەركىن تۇنىياز", "erkin tuniyaz"),
        ("شۆھرەت زاكىر", "shohret zakir"),  # زاكىر has no Uyghur-only letter: the name as a whole decides
        ("ئىلھام توختى", "ilham tokhti"),  # no Uyghur-only letter, but words begin with the hamza carrier
        ("نۇر بەكرى", "nur bekri"),
    ],
)
def test_uyghur_names_are_read_as_uyghur(uyghur: str, expected: str) -> None:
    assert is_uyghur(uyghur)
    assert latin(uyghur) == expected


def test_arabic_is_left_to_the_general_transliteration() -> None:
    assert not is_uyghur("محمد علي")
    assert romanize("محمد علي") == "محمد علي"
    assert romanize("Erkin") == "Erkin"
