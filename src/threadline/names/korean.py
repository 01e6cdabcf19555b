"""Chinese characters read in Korean, and Korean syllables spelled in Latin letters (金铁三 = 김철삼 = "Kim Chol Sam").

Korean names are written in Chinese characters (hanja) in Chinese documents, and spelled in Latin letters by one of
two systems, or by custom: the South's Revised Romanization (김철삼 = "Gim Cheol Sam"), McCune-Reischauer, which the
North uses and the sanctions lists mostly follow ("Kim Chol Sam", its breves and apostrophes dropped), and the
spellings families keep (이 = "Lee", "Yi" or, in the North, "Ri"; 박 = "Park" or "Pak"). :func:`spellings` gives a
syllable's usual spellings in all of them.

The reading of each character comes from ``resources/korean/readings.csv`` (``scripts/build_korean.py``, from the
Unicode Han Database). A syllable is spelled from its letters (jamo) alone, without the sound changes between
syllables: a name's syllables are written apart ("Chol Sam", "Kim Jong Un") in the spellings the lists use.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from threadline.commented_csv import read_rows
from threadline.settings import RESOURCES_DIR

KOREAN = RESOURCES_DIR / "korean" / "readings.csv"

_INITIALS = (
    ("g", "k"), ("kk",), ("n",), ("d", "t"), ("tt",), ("r", "l", "n", ""), ("m",), ("b", "p"), ("pp",), ("s", "sh"),
    ("ss",), ("",), ("j", "ch"), ("jj", "tch"), ("ch",), ("k",), ("t",), ("p",), ("h",),
)  # fmt: skip
"""The 19 initial letters in Unicode order, each with its spellings (RR first, then McCune-Reischauer folded)."""
_VOWELS = (
    ("a",), ("ae",), ("ya",), ("yae",), ("eo", "o", "u"), ("e",), ("yeo", "yo"), ("ye",), ("o",), ("wa",), ("wae",),
    ("oe", "oi"), ("yo",), ("u", "oo"), ("wo",), ("we",), ("wi",), ("yu",), ("eu", "u"), ("ui", "ei"), ("i", "ee"),
)  # fmt: skip
"""The 21 vowels in Unicode order (ㅓ is "eo" or, McCune-Reischauer's ŏ folded, "o": 철 "Cheol" or "Chol")."""
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
)  # fmt: skip
"""The 28 finals (none first) as they sound at the end of a syllable."""
_SURNAMES = {
    "이": ("lee", "yi", "ri", "rhee"), "리": ("ri", "lee", "yi"), "박": ("park", "pak", "bak"),
    "최": ("choi", "choe"), "정": ("jung", "jeong", "chong", "jong"), "김": ("kim", "gim"),
    "류": ("ryu", "yu", "yoo", "lyu"), "유": ("yu", "yoo"), "노": ("roh", "no"), "로": ("ro", "roh", "no"),
    "임": ("lim", "im"), "림": ("rim", "lim", "im"), "신": ("shin", "sin"), "조": ("cho", "jo"), "강": ("kang", "gang"),
    "권": ("kwon", "gwon"), "곽": ("kwak", "gwak"), "구": ("koo", "ku", "gu"), "우": ("woo", "u"), "오": ("oh", "o"),
    "한": ("han",), "문": ("moon", "mun"), "양": ("yang",), "량": ("ryang", "yang"), "윤": ("yoon", "yun"),
}  # fmt: skip
"""Family spellings that the syllable's letters alone do not give (이 "Lee", 박 "Park"), beside the systematic ones."""
_FIRST, _LAST = 0xAC00, 0xD7A3


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """Simplified character -> its Korean readings (Hangul syllables)."""
    return {row["han"]: tuple(row["hangul"].split()) for row in read_rows(KOREAN)}


@lru_cache(maxsize=4_096)
def spellings(syllable: str) -> tuple[str, ...]:
    """The usual Latin spellings of one Hangul syllable (철 -> cheol, chol, chul), the family spellings first for a
    syllable that is a common family name."""
    code = ord(syllable) - _FIRST
    if not 0 <= code <= _LAST - _FIRST:
        return ()
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    found = [a + b + _FINALS[final] for a, b in product(_INITIALS[initial], _VOWELS[vowel])]
    return tuple(dict.fromkeys((*_SURNAMES.get(syllable, ()), *found)))


def char_spellings(char: str) -> tuple[str, ...]:
    """Every Latin spelling of every Korean reading of one (simplified) character, ``()`` when it has none."""
    return tuple(dict.fromkeys(s for hangul in table().get(char, ()) for s in spellings(hangul)))


@lru_cache(maxsize=50_000)
def korean_readings(han: str) -> tuple[tuple[str, ...], ...] | None:
    """Per character of a (simplified) name, its Korean spellings, in the shape of :func:`threadline.names.han.
    readings`; ``None`` unless every character has a Korean reading (a name read in Korean is read whole)."""
    found = tuple(char_spellings(c) for c in han)
    return found if all(found) else None
