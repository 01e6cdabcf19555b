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

from threadline.names.cantonese import cantonese_readings, variants
from threadline.names.cantonese import table as cantonese_table
from threadline.names.han import pinyin_syllables, spells_pinyin
from threadline.names.korean import korean_readings, spellings
from threadline.names.korean import table as korean_table
from threadline.names.wadegiles import wade_giles, wade_giles_readings

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


def may_be_given_name(word: str) -> bool:
    """Whether a Latin word beside a Chinese name may be an English given name ("john", "carrie"): three letters or
    more, and neither pinyin (a syllable, or several written together) nor a syllable as Hong Kong, Taiwan or Korea
    writes one."""
    return len(word) >= 3 and word.isascii() and word.isalpha() and word not in _syllables() and not spells_pinyin(word)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every syllable spelling of every system: pinyin, Wade-Giles, Hong Kong's, Korean."""
    pinyin = pinyin_syllables()
    found = set(pinyin) | {w for syllable in pinyin for w in wade_giles(syllable)}
    found |= {v for spellings in cantonese_table().values() for s in spellings for v in variants(s)}
    found |= {s for readings in korean_table().values() for hangul in readings for s in spellings(hangul)}
    return frozenset(found)
