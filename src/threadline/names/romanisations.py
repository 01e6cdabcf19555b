"""The ways other than pinyin that a Chinese person's name is written in Latin letters, for the aligner and its bound.

Pinyin is how the mainland writes Mandarin. Hong Kong and Macau write names from their Cantonese reading
(:mod:`threadline.names.cantonese`: 李家超 = "Lee Ka-chiu"), Taiwan in Wade-Giles (:mod:`threadline.names.wadegiles`:
蔡 = "Tsai", 张 = "Chang"). A name is read one way at a time: nobody writes one character of a name in pinyin and
the next in Cantonese.

Only short names are read these ways (:data:`MAX_NAME` characters): persons' names, in practice. Companies from
Hong Kong and Taiwan are often named the same way (大同 = "Tatung", 周大福 = "Chow Tai Fook"), but a company name's
ten-odd characters with several spellings each would multiply the aligner's and the bound's work; they are left to
pinyin, the glossary and the brand table for now.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, pinyin

from threadline.names.cantonese import cantonese_readings, char_spellings
from threadline.names.han import readings
from threadline.names.wadegiles import wade_giles, wade_giles_readings

MAX_NAME = 4
"""Longest name read these ways: a person's, of two to four characters (林郑月娥)."""

Readings = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=50_000)
def other_readings(han: str) -> tuple[tuple[str, Readings], ...]:
    """``(system, readings per character)`` for each other way of writing the (simplified) name ``han``: "cantonese"
    and "wade-giles"; none for a name longer than :data:`MAX_NAME`."""
    if len(han) > MAX_NAME:
        return ()
    found: list[tuple[str, Readings]] = []
    spoken = cantonese_readings(han)
    if spoken is not None:
        found.append(("cantonese", spoken))
    found.append(("wade-giles", wade_giles_readings(han)))
    return tuple(found)


@lru_cache(maxsize=20_000)
def other_spellings(char: str) -> frozenset[str]:
    """Every spelling of one character in the other systems, whatever its reading in context: its Hong Kong
    spellings and the Wade-Giles of each of its pinyin readings. A superset of what :func:`other_readings` can give
    it, for the bound."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    mandarin = set(found[0] if found else ()) | set(readings(char)[0])
    return frozenset(char_spellings(char)) | {w for r in mandarin for w in wade_giles(r)}
