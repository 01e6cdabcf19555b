"""Chinese names read the Hong Kong way: Cantonese romanisations of characters (李家超 = "Lee Ka-chiu").

Hong Kong and Macau residents' names, and many of their companies', are written in Latin letters from the Cantonese
reading of the characters, by the Hong Kong Government Cantonese Romanisation, not by Mandarin pinyin: 林郑月娥 is
"Lam Cheng Yuet-ngor", 邓炳强 "Tang Ping-keung", 曾国卫 "Tsang Kwok-wai". Pinyin explains none of these words, so a
Chinese-character name and its Hong Kong spelling would never meet.

The readings per character come from ``resources/cantonese/readings.csv`` (``scripts/build_cantonese.py``), folded to
simplified characters. :func:`variants` adds the spellings the table leaves out: the romanisation writes Cantonese's
unaspirated b, d, g as p, t, k (炳 bing = "Ping", 德 dak = "Tak", 家 ga = "Ka"), and j or z as ch or ts (张 jeung =
"Cheung", 曾 jang = "Tsang"), and a final "oh" or "or" is also written "o" (何 "Ho").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from threadline.commented_csv import read_rows
from threadline.names.memo import Memo
from threadline.settings import RESOURCES_DIR

CANTONESE = RESOURCES_DIR / "cantonese" / "readings.csv"

_INITIALS = (("gw", ("kw",)), ("b", ("p",)), ("d", ("t",)), ("g", ("k",)), ("j", ("ch", "ts")), ("z", ("ch", "ts")))
"""Initials the table may give as Jyutping writes them, and how Hong Kong's romanisation writes them instead."""
_AFFRICATES = (("ch", ("ts",)), ("ts", ("ch",)))
"""The two ways the romanisation writes one affricate (陈 "Chan", 曾 "Tsang"; 蔡 "Choi" or "Tsoi")."""


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """Simplified character -> its spellings as the resource lists them."""
    return {row["han"]: tuple(row["spellings"].split()) for row in read_rows(CANTONESE)}


_VARIANTS: Final[Memo[str, tuple[str, ...]]] = Memo(20_000)


def variants(spelling: str) -> tuple[str, ...]:
    """``spelling`` and the other ways Hong Kong writes the same syllable (bing -> bing, ping; jeung -> jeung, cheung,
    tseung; ngor -> ngor, ngo), the given spelling first."""
    found = _VARIANTS.table.get(spelling)
    return _VARIANTS.keep(spelling, _variants(spelling)) if found is None else found


def _variants(spelling: str) -> tuple[str, ...]:
    found = [spelling]
    for given, written in (*_INITIALS, *_AFFRICATES):
        if spelling.startswith(given) and len(spelling) > len(given):
            found += [w + spelling[len(given) :] for w in written]
            break
    for ending in ("oh", "or"):
        if spelling.endswith(ending) and len(spelling) > len(ending):
            found += [f[: -len(ending)] + "o" for f in list(found)]
            break
    return tuple(dict.fromkeys(found))


def char_spellings(char: str) -> tuple[str, ...]:
    """Every Hong Kong spelling of one (simplified) character, ``()`` when the table has none."""
    return tuple(dict.fromkeys(v for spelling in table().get(char, ()) for v in variants(spelling)))


@lru_cache(maxsize=50_000)
def cantonese_readings(han: str) -> tuple[tuple[str, ...], ...] | None:
    """Per character of a (simplified) name, its Hong Kong spellings, in the shape of
    :func:`threadline.names.han.readings`; ``None`` when the table knows none of the characters. A character it does
    not know reads as itself, as ``readings`` does for one pypinyin does not know."""
    found = tuple(char_spellings(c) or (c,) for c in han)
    if all(spellings == (c,) for spellings, c in zip(found, han, strict=True)):
        return None
    return found
