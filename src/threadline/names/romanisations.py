"""The ways other than pinyin that a Chinese person's name is written in Latin letters, for the aligner and its bound.

Pinyin is how the mainland writes Mandarin. Hong Kong and Macau write names from their Cantonese reading
(:mod:`threadline.names.cantonese`: 李家超 = "Lee Ka-chiu"), Taiwan in Wade-Giles (:mod:`threadline.names.wadegiles`:
蔡 = "Tsai", 张 = "Chang"), and Korean names in characters are read in Korean (:mod:`threadline.names.korean`:
金铁三 = "Kim Chol Sam"). A name is read one way at a time: nobody writes one character of a name in pinyin and
the next in Cantonese.

Only short names are read these ways (:data:`MAX_NAME` characters): persons' names, in practice. Companies from
Hong Kong and Taiwan are often named the same way (大同 = "Tatung", 周大福 = "Chow Tai Fook"), but a company name's
ten-odd characters with several spellings each would multiply the aligner's and the bound's work; they are left to
pinyin, the glossary and the brand table for now.
"""

from __future__ import annotations

from functools import lru_cache

from threadline.names.cantonese import cantonese_readings
from threadline.names.korean import korean_readings
from threadline.names.wadegiles import wade_giles_readings

MAX_NAME = 4
"""Longest name read these ways: a person's, of two to four characters (林郑月娥)."""

Readings = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=50_000)
def other_readings(han: str) -> tuple[tuple[str, Readings], ...]:
    """``(system, readings per character)`` for each other way of writing the (simplified) name ``han``:
    "cantonese", "wade-giles" and "korean"; none for a name longer than :data:`MAX_NAME`."""
    if len(han) > MAX_NAME:
        return ()
    found: list[tuple[str, Readings]] = []
    spoken = cantonese_readings(han)
    if spoken is not None:
        found.append(("cantonese", spoken))
    found.append(("wade-giles", wade_giles_readings(han)))
    korean = korean_readings(han)
    if korean is not None:
        found.append(("korean", korean))
    return tuple(found)


