"""Chinese place names (provinces, prefectures, counties) as company names begin with them, from the gazetteer.

Used to tell a company's place prefix (深圳, 沈阳) from its trade name (中泰, 惠天) once both are aligned.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from threadline.commented_csv import read_rows
from threadline.names.normalize import fold
from threadline.settings import RESOURCES_DIR

CHINA = RESOURCES_DIR / "gazetteer" / "china.csv"


@lru_cache(maxsize=1)
def _divisions() -> tuple[dict[str, str], ...]:
    """The rows of the gazetteer's table of China's divisions."""
    return tuple(read_rows(CHINA))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Full and short names of every division of China with two or more characters (新疆, 深圳市, 东城)."""
    names = {row[column] for row in _divisions() for column in ("name_zh", "short_zh")}
    return frozenset(name for name in names if len(name) >= 2)


def is_place(han: str) -> bool:
    """Whether ``han`` is the name of a division of China (with or without its 省/市/县 suffix)."""
    return han in place_names()


@lru_cache(maxsize=1)
def latin_place_words() -> frozenset[str]:
    """Provinces and prefectures of China as English names spell them, folded and written as one word ("henan",
    "ningbo", "innermongolia"). An English company name that keeps one of these unexplained names a place its
    Chinese counterpart does not have: "Henan Zhongfu Industrial" is not 珠海中富实业."""
    forms = {form for row in _divisions() if row["level"] != "county" for form in row["match_latin"].split("|")}
    return frozenset(key for key in (fold(form).replace(" ", "") for form in forms) if len(key) >= 4)


def names_latin_place(words: tuple[str, ...]) -> bool:
    """Whether some word, or two neighbouring words written together ("inner mongolia"), is a province or
    prefecture of China (:func:`latin_place_words`)."""
    places = latin_place_words()
    pairs = (a + b for a, b in pairwise(words))
    return any(w in places for w in words) or any(p in places for p in pairs)
