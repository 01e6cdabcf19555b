"""Persons' names in Latin letters, compared part by part.

A character-level similarity of the whole name (token-sort ratio) is fooled both ways by persons: two long Arabic
names that share four parts and differ in the tribal name ("... AL-RAWI" vs "... AL-TIKRITI") look 90 % alike, while
"Vladimir Putin" and "Vladimir Vladimirovich Putin" look only 67 % alike. Here each part of the shorter name is
paired with its closest part of the longer one (mostly Jaro-Winkler, which forgives endings: Schulze ~ Scholz), initials
pair with the parts they begin (N. ~ Nursultan), and then:

- the score is the mean closeness of the shorter name's parts, particles (al, bin, de, van) counting less;
- each further part only the longer name has (a middle name, a patronymic) takes off :data:`EXTRA_PART`;
- a part with no close counterpart (below :data:`CLOSE_PART`) caps the score just above its own closeness: one
  different given name or family name makes a different person (Chen Quanguo is not Chen Mingguo);
- the parts either side of "bin" must pair in order (Salman bin Muhammad is not Muhammad bin Salman);
- a name written as one word ("SergeiLavrov") is also compared with the other written without spaces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import permutations

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from threadline.names.abjad import ARABIC, CONSONANT_CAP, arabic_skeletons, is_abjad, latin_skeletons
from threadline.names.han import pinyin_syllables, spells_pinyin

PARTICLES = frozenset({"al", "el", "bin", "ibn", "ben", "bint", "de", "da", "do", "dos", "van", "der", "von", "del"})
PARTICLE_WEIGHT = 0.3
JARO_SHARE = 0.75
"""Weight of Jaro-Winkler in a part's closeness, the rest edit similarity: chosen on nomenklatura's name bench
(F1 0.806 at 0.75, against 0.800 with Jaro-Winkler alone; benchmarks/bench_pairs.py)."""
INITIAL_CLOSENESS = 0.9
"""Closeness of an initial and a part it begins ("j" ~ "joachim")."""
EXTRA_PART = 0.04
CLOSE_PART = 0.85
CAP_MARGIN = 0.1


def part_closeness(a: str, b: str) -> float:
    """How alike two parts of a name are, in [0, 1]."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_CLOSENESS if a[0] == b[0] else 0.0
    # Jaro-Winkler alone forgives a shared beginning too much (Luxford ~ Luxon 0.93): a quarter is edit similarity
    jaro = JaroWinkler.normalized_similarity(a, b)
    return JARO_SHARE * jaro + (1 - JARO_SHARE) * Levenshtein.normalized_similarity(a, b)


LINEAGE = frozenset({"bin", "ibn", "ben", "bint"})
LINEAGE_CAP = 0.7


def _lineage_conflict(first: list[str], second: list[str]) -> str:
    """"Salman bin Muhammad" is Muhammad's son, "Muhammad bin Salman" Salman's: the parts either side of "bin" must
    pair up in order. Returns what differs, or ``""``."""
    at_first = next((i for i, w in enumerate(first) if w in LINEAGE and 0 < i < len(first) - 1), None)
    at_second = next((i for i, w in enumerate(second) if w in LINEAGE and 0 < i < len(second) - 1), None)
    if at_first is None or at_second is None:
        return ""
    for offset in (-1, 1):
        a, b = first[at_first + offset], second[at_second + offset]
        if part_closeness(a, b) < CLOSE_PART:
            return f"{a!r} and {b!r} stand on the same side of {first[at_first]!r}"
    return ""


def person_similarity(a: str, b: str, compare: Callable[[str, str], float] = part_closeness) -> tuple[float, str]:
    """``(score, reason)`` for two folded Latin person names (words separated by spaces); ``compare`` rates two
    parts (``compare``: :func:`part_closeness`, or :func:`skeleton_closeness` for consonant skeletons)."""
    first, second = a.split(), b.split()
    if not first or not second:
        return 0.0, "empty name"
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    # closest first, ties by position: (-closeness, i, j) sorts so without a key function
    pairs = sorted([(-compare(s, t), i, j) for i, s in enumerate(short) for j, t in enumerate(long)])
    closeness: dict[int, float] = {}
    used: set[int] = set()
    for value, i, j in pairs:
        if i not in closeness and j not in used:
            closeness[i] = -value
            used.add(j)
    weights = [PARTICLE_WEIGHT if part in PARTICLES else 1.0 for part in short]
    score = sum((w * closeness.get(i, 0.0) for i, w in enumerate(weights)), 0.0) / sum(weights, 0.0)
    extra = [t for j, t in enumerate(long) if j not in used and t not in PARTICLES]
    score -= EXTRA_PART * len(extra)
    reason = f"parts paired, mean closeness {score + EXTRA_PART * len(extra):.2f}"
    if extra:
        reason += f"; only one name has {' '.join(extra)!r} -{EXTRA_PART * len(extra):.2f}"
    distinctive = [(closeness.get(i, 0.0), part) for i, part in enumerate(short) if part not in PARTICLES]
    weakest, part = min(distinctive, default=(1.0, ""))
    if weakest < CLOSE_PART and score > weakest + CAP_MARGIN:
        score = weakest + CAP_MARGIN
        reason += f"; {part!r} has no close counterpart ({weakest:.2f}): capped at {score:.2f}"
    lineage = _lineage_conflict(first, second)
    if lineage and score > LINEAGE_CAP:
        score = LINEAGE_CAP
        reason += f"; {lineage}: capped at {LINEAGE_CAP}"
    if len(first) == 1 or len(second) == 1:
        glued = Levenshtein.normalized_similarity("".join(first), "".join(second))
        if glued > score:
            score, reason = glued, f"compared without spaces: {glued:.2f}"
    return max(0.0, min(1.0, score)), reason


BOUND_SLACK = 1e-9
"""Added to each of :func:`similarity_bounds`' bounds: the same sums taken another way can differ in the last bit."""


def similarity_bounds(name: str, others: Sequence[str]) -> list[float]:
    """For each of ``others``, a number never below :func:`person_similarity` of ``name`` and it (the score, not the
    reason), worked out for all of them at once: the closeness of every part of ``name`` to every part of the
    others in two ``cdist`` calls (Jaro-Winkler and edit similarity, weighed as :func:`part_closeness` weighs them;
    a one-letter part counted as close as can be), instead of one pair of calls per two parts and a reason
    formatted per pair. A Latin query meets dozens of names that may be persons' and are alike in their sorted
    letters; most are far apart part by part, and this says so before their entries are read.

    Why it is never below the score: each part of the shorter name is paired with one part of the longer, so its
    closeness is at most its best closeness to any of them, and the mean of those bests, particles weighed as
    there, is at least the mean of the pairs. What follows only lowers that mean (parts only one name has, a lineage
    the other way round) or caps it at the weakest distinctive part's closeness plus ``CAP_MARGIN``: when even that
    part's best is below ``CLOSE_PART``, the capped score is at most that best plus the margin. A name of one part is
    also compared without spaces, here as there."""
    first = name.split()
    found = [0.0] * len(others)
    split = [other.split() for other in others]
    starts: list[int] = []
    flat: list[str] = []
    for parts in split:
        if parts:
            starts.append(len(flat))
            flat.extend(parts)
    if not first or not flat:
        return found  # person_similarity gives an empty name 0
    jaro = process.cdist(first, flat, scorer=JaroWinkler.normalized_similarity, dtype=np.float64)
    edit = process.cdist(first, flat, scorer=Levenshtein.normalized_similarity, dtype=np.float64)
    close = JARO_SHARE * jaro + (1 - JARO_SHARE) * edit
    initials = np.fromiter((len(part) == 1 for part in flat), dtype=bool, count=len(flat))
    close[:, initials] = 1.0
    close[np.fromiter((len(part) == 1 for part in first), dtype=bool, count=len(first)), :] = 1.0
    best_of_first: list[list[float]] = np.maximum.reduceat(close, starts, axis=1).T.tolist()
    best_of_flat: list[float] = close.max(axis=0).tolist()
    at = 0
    for n, parts in enumerate(split):
        if not parts:
            continue
        start = starts[at]
        short, bests = (first, best_of_first[at]) if len(first) <= len(parts) else (parts, best_of_flat[start:])
        at += 1
        total = weights = 0.0
        weakest = 1.0
        for part, best in zip(short, bests, strict=False):
            weight = PARTICLE_WEIGHT if part in PARTICLES else 1.0
            total += weight * best
            weights += weight
            if part not in PARTICLES and best < weakest:
                weakest = best
        bound = total / weights
        if weakest < CLOSE_PART:
            bound = min(bound, weakest + CAP_MARGIN)
        if len(first) == 1 or len(parts) == 1:
            bound = max(bound, Levenshtein.normalized_similarity("".join(first), "".join(parts)))
        found[n] = min(1.0, bound) + BOUND_SLACK
    return found


OTHER_GIVEN_NAME_CAP = 0.6
"""Score ceiling for two Chinese names in pinyin whose given names are two different pinyin spellings."""


def other_given_name(a: str, b: str) -> tuple[str, str] | None:
    """The two parts that tell two Chinese names in pinyin apart, when that is a given name of two or more syllables
    on both sides, two letters or more apart: "Chen Quanguo" and "Chen Quanhua" (全国, 全华) are two persons, though
    a shared beginning makes the parts look alike. A slip of one letter ("Hailin" for Hailun) is not this, nor the
    same letters split or ordered otherwise ("Quan Guo Chen"), nor a name with a part that is no pinyin. ``None``
    otherwise."""
    first, second = a.split(), b.split()
    if not (2 <= len(first) <= 3 and 2 <= len(second) <= 3):
        return None
    only_first, only_second = [w for w in first if w not in second], [w for w in second if w not in first]
    if len(only_first) != 1 or len(only_second) != 1:
        return None
    mine, theirs = only_first[0], only_second[0]
    if Levenshtein.distance(mine, theirs, score_cutoff=1) < 2 or not (spells_pinyin(mine) and spells_pinyin(theirs)):
        return None
    joined = {"".join(order) for order in permutations(first)}
    if any("".join(order) in joined for order in permutations(second)):
        return None
    if not all(w in pinyin_syllables() or spells_pinyin(w) for w in (*first, *second)):
        return None
    return mine, theirs


NEAR_LETTERS = frozenset(
    frozenset(pair)
    for pair in ("dz", "td", "tz", "ts", "kg", "jg", "sS", "Sj", "fb", "fw", "bp", "hk", "zS", "ck", "cs", "CS", "Cj")
)
"""Skeleton letters that Latin spellings of one Arabic letter mix up (ظ "z", "dh", "th"; ق "q", "k", "g"; ث "th",
"s"; ش "sh", French "ch"; Latin c for k or s): one for the other costs half a letter."""


_NEAR_OF: dict[str, str] = {}
for _x, _y in sorted((x, y) for pair in NEAR_LETTERS for x in pair for y in pair if x != y):
    _NEAR_OF[_x] = _NEAR_OF.get(_x, "") + _y
""":data:`NEAR_LETTERS` as each letter's near letters, looked up once per letter of the first skeleton."""


@lru_cache(maxsize=16_384)
def _near_letters(skeleton: str) -> frozenset[str]:
    """The letters near (:data:`NEAR_LETTERS`) to one of a skeleton's letters."""
    return frozenset("".join(_NEAR_OF.get(letter, "") for letter in skeleton))


@lru_cache(maxsize=65_536)
def skeleton_closeness(a: str, b: str) -> float:
    """How alike two consonant skeletons are: edit similarity where a near letter (:data:`NEAR_LETTERS`) costs half,
    and with no allowance for initials or shared beginnings ("l" is the whole of "Ali", not an initial). Remembered:
    a name's parts meet every part of the other name, and the same parts (mhmd, "Muhammad") recur from pair to
    pair; this dynamic program was 40 % of scoring the original-script slice. Costs are counted in half letters,
    as integers (a near letter 1, any other edit 2), and halved at the end: the same distance, exactly."""
    if a == b:
        return 1.0
    if _near_letters(b).isdisjoint(a):  # no near letters to pair: plain edit distance, the same integer
        return max(0.0, 1 - Levenshtein.distance(a, b) / max(len(a), len(b)))
    previous = list(range(0, 2 * len(b) + 1, 2))
    for i, x in enumerate(a, start=1):
        near = _NEAR_OF.get(x, "")
        left = 2 * i
        current = [left]
        for j, y in enumerate(b):
            here = previous[j] if x == y else previous[j] + (1 if y in near else 2)
            if previous[j + 1] + 2 < here:
                here = previous[j + 1] + 2
            if left + 2 < here:
                here = left + 2
            current.append(here)
            left = here
        previous = current
    return max(0.0, 1 - previous[-1] / 2 / max(len(a), len(b)))


def consonant_similarity(first: str, first_latin: str, second: str, second_latin: str) -> tuple[float, str] | None:
    """``(score, reason)`` for a person's name in Arabic script against one in Latin letters, by their consonant
    skeletons (:mod:`threadline.names.abjad`), at most :data:`~threadline.names.abjad.CONSONANT_CAP`; ``None``
    unless exactly one of the two names (originals, with their folded Latin keys) is written in Arabic script."""
    if is_abjad(first) and not ARABIC.search(second) and second_latin.isascii():
        arabic, latin = arabic_skeletons(first), latin_skeletons(second_latin)
    elif is_abjad(second) and not ARABIC.search(first) and first_latin.isascii():
        arabic, latin = arabic_skeletons(second), latin_skeletons(first_latin)
    else:
        return None
    if not arabic or not latin:
        return None
    score, reason = person_similarity(" ".join(arabic), " ".join(latin), skeleton_closeness)
    joined = skeleton_closeness("".join(arabic), "".join(latin))
    if joined > score and len(arabic) != len(latin):  # split and joined differently: Nur al-Din = "Noureddine"
        score, reason = joined, f"all parts written together: {joined:.2f}"
    shown = f"{' '.join(arabic)!r} ~ {' '.join(latin)!r}"
    said = f"compared by consonants, as Arabic script writes no short vowels ({shown})"
    if score > CONSONANT_CAP:
        return CONSONANT_CAP, f"{said}: {reason}; capped at {CONSONANT_CAP}"
    return score, f"{said}: {reason}"
