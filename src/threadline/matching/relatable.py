"""Which pairs of names can the matcher read as *related* (a group and its member, an agency and its unit)?

The matcher marks a pair related in three ways, each needing something of the names themselves:

- two names of one script that differ only by group or unit terms (新疆生产建设兵团 / 新疆生产建设兵团公安局, "Xinjiang
  Guannong" / "Xinjiang Guannong Group"): :func:`latin_group_difference`, :func:`han_group_difference`;
- a Chinese and a Latin name whose alignment leaves only such terms unexplained, or a place after the name both
  share (新疆中泰化学阜康能源 / "Xinjiang Zhongtai Chemical": the group's Fukang company): one of the two names has a
  group term or word, or a place where a branch names it (:func:`cross_readings`);
- the brand table or an acronym (:mod:`threadline.matching.shortforms`), asked of the pair directly.

Screening asks for related hits only where one may exist (:meth:`~threadline.matching.simple.SimpleMatcher.related`):
these tests are what a pair needs before it can be related, not proof that it is; each name's part is remembered.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from threadline.matching.crossscript import branch_place_name, latin_branch_place_word
from threadline.matching.units import GROUP_TERMS, NUMBERED_TERM, is_group_word, latin_units_apart, strip_group_terms
from threadline.names.places import places_end


def latin_group_difference(latin: str, other: str) -> str | None:
    """The group or unit words ("group", "public security bureau") when they are all that one Latin name key has
    and the other lacks ("xinjiang guannong group" and "xinjiang guannong"), else ``None``."""
    mine, theirs = set(latin.split()), set(other.split())
    differ = mine ^ theirs
    if not differ or not all(is_group_word(w, mine | theirs) for w in differ):
        return None  # most pairs: a word that is no group word tells them apart
    if not any(not is_group_word(w, mine | theirs) for w in mine & theirs):
        return None  # nothing but group words in common ("Group" and "Holding Group")
    if latin_units_apart(latin.split(), other.split()):
        return None  # "1st Division" and "2nd Division": two units, not one and its part
    return " ".join(sorted(differ))


def han_group_difference(mine: str, theirs: str) -> str | None:
    """The group or unit terms (集团, 公安局) when they are all that tells two Chinese cores apart (新疆生产建设兵团
    and 新疆生产建设兵团公安局), else ``None``."""
    if not mine or not theirs or mine == theirs:
        return None
    longer, shorter = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)
    rest_longer, found_longer = strip_group_terms(longer)
    rest_shorter, found_shorter = strip_group_terms(shorter)
    extra = [term for term in found_longer if term not in found_shorter]
    if rest_longer != rest_shorter or not extra or not set(found_shorter) <= set(found_longer):
        return None
    return ", ".join(extra)


class Readings(NamedTuple):
    """What one name, or a pair, has that a related reading across scripts needs (:func:`cross_readings`)."""

    group: bool
    """A group or unit term or word: the alignment may leave only such terms unexplained."""
    branch: bool
    """A city's or county's name where a branch's place stands."""


def cross_readings(han: str, words: tuple[str, ...]) -> Readings:
    """What a Chinese core and the Latin words aligned with it (:func:`~threadline.matching.align.alignable_words`)
    have that a related reading across scripts needs: a group term (:func:`~threadline.matching.simple.
    _group_difference` finds only those unexplained) or a branch's place (:func:`~threadline.matching.crossscript.
    branch_place`, :func:`~threadline.matching.crossscript.latin_branch_place`). Neither: no alignment of the two
    is related."""
    mine, theirs = han_readings(han), words_readings(words)
    return Readings(mine.group or theirs.group, mine.branch or theirs.branch)


@lru_cache(maxsize=1 << 16)
def han_readings(han: str) -> Readings:
    """A Chinese core's part of :func:`cross_readings`: a group term; a city's or county's name after the places
    the name begins with (where :func:`~threadline.matching.crossscript.branch_place` looks for one)."""
    branch = any(branch_place_name(han[at : at + k]) for at in range(places_end(han), len(han)) for k in (4, 3, 2))
    return Readings(bool(strip_group_terms(han)[1]), branch)


@lru_cache(maxsize=1 << 16)
def words_readings(words: tuple[str, ...]) -> Readings:
    """The Latin words' part: a group or unit word; a word that names a city or county and no province."""
    return Readings(
        any(is_group_word(word, words) for word in words), any(latin_branch_place_word(word) for word in words)
    )


@lru_cache(maxsize=1 << 16)
def group_positions(han: str) -> frozenset[int]:
    """The positions of the characters of ``han`` that belong to a group or unit term (any occurrence of one):
    all a related reading across scripts may leave unexplained on the Chinese side."""
    found: set[int] = set()
    for match in NUMBERED_TERM.finditer(han):
        found.update(range(match.start(), match.end()))
    for term in GROUP_TERMS:
        at = han.find(term)
        while at >= 0:
            found.update(range(at, at + len(term)))
            at = han.find(term, at + 1)
    return frozenset(found)
