"""Whether an English brand sounds like the pinyin of a Chinese trade name, by consonant skeletons.

Many Chinese companies chose an English brand that sounds like their trade name without spelling its pinyin:
京蓝 (jinglan) = "Kingland", 金花 (jinhua) = "Ginwa", 海目星 (haimuxing) = "Hymson", 宏创 (hongchuang) = "Hontron".
The aligner cannot credit such a word (it is neither pinyin nor a close spelling of it), so the pair keeps a part
unexplained on each side, exactly as two different companies of the same place and industry do. What sets the two
apart is the sound: both texts are reduced to a *skeleton*, the first letter and then the consonants, with the
letters pinyin and English write differently for the same or a near sound written one way (ng and n; j, q, zh, g, k
and c; x and s; ph and f), and doubled letters once. jinglan and "Kingland" are "cnln" and "cnlnd" (0.8), 勤上
qinshang and "Kingsun" both "cnsn", while 润欣 runxin against "Stonehill" differ in their first letter.

The measure is a signal for the calibration (see :mod:`threadline.matching.calibration`, group ``conflict_sound``),
not a match on its own. Among the training pairs that keep a part on each side (alignment score 0.5-0.8), the rule
as it stands (a brand word, a run of 2-4 characters, skeletons of three letters or more) puts 152 of 1,257 matches
in the group and 4 of 1,628 wrong candidates of the same place or industry (the index's hardest among them); on the
held-out pairs, 38 of 275 and 0 of 314. The skeleton rules were first chosen comparing whole leftovers (259 of
1,257 against 21 of 1,628 then).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, product

from rapidfuzz.distance import Levenshtein

from threadline.names.glossary import english_words
from threadline.names.han import pinyin_syllables, readings, spells_pinyin
from threadline.names.normalize import GENERIC_WORDS
from threadline.names.places import latin_place_words
from threadline.names.romanisations import other_readings

MIN_SOUNDED, MAX_SOUNDED = 2, 4
"""Runs of characters a brand may sound like: a trade name has two to four (one character's skeleton is too short
to say anything: "cn" for 金, 京, 景 ...)."""
MIN_SKELETON = 3
"""Fewest letters a skeleton compared needs."""
SOUND_SIMILARITY = 0.6
"""The least edit similarity of two skeletons (with the same first letter) taken as sounding alike."""
_SAME_SOUNDS = (
    ("ng", "n"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("x", "s"), ("q", "c"), ("k", "c"), ("g", "c"), ("ph", "f"),
    ("ck", "c"), ("z", "s"), ("v", "w"), ("tion", "son"), ("j", "c"),
)  # fmt: skip
"""Replaced in this order: digraphs before the letters they contain (ng before g). The palatal and velar sounds
(pinyin j, q, zh, g, k; English j, g, k, c) fall together, as brands render them: 京 jing = "King", 金 jin =
"Gin"."""
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=20_000)
def skeleton(text: str) -> str:
    """The first letter, then the consonants, of lower-case Latin ``text`` (pinyin written together, or an English
    word), with the same sound written one way: "jinglan" and "kingland" -> "cnln"."""
    for written, sound in _SAME_SOUNDS:
        text = text.replace(written, sound)
    if not text:
        return ""
    rest = _DOUBLED.sub(r"\1", _VOWELS.sub("", text[1:]))
    return text[0] + rest


def sound_similarity(spelled: str, word: str) -> float:
    """Edit similarity of the two texts' skeletons (:func:`skeleton_similarity`)."""
    return skeleton_similarity(skeleton(spelled), skeleton(word))


def skeleton_similarity(a: str, b: str) -> float:
    """Edit similarity of two skeletons, 0.0 unless they begin with the same letter (a brand keeps the first
    sound: "Yotrio" for 永强 yongqiang, not for 天域 tianyu) and each has :data:`MIN_SKELETON` letters: 生益
    shengyi and "Sunway" are "sn" and "snw", too little to tell a rendering from chance."""
    if len(a) < MIN_SKELETON or len(b) < MIN_SKELETON or a[0] != b[0]:
        return 0.0
    return Levenshtein.normalized_similarity(a, b)


@lru_cache(maxsize=20_000)
def brand_word(word: str) -> bool:
    """Whether ``word`` may be a brand that renders a trade name by sound: three letters or more, not a generic
    word ("technology"), not a Chinese place ("Shandong"), not pinyin ("xin", "keji") and not an English word the
    glossary or dictionary knows ("oriental"). A place or a pinyin word sounds like its own characters in any name
    that has them, and an English word says what it means; none of them says the company chose it for its sound."""
    if len(word) < 3 or word in GENERIC_WORDS or word in latin_place_words() or word in english_words():
        return False
    return word not in pinyin_syllables() and not spells_pinyin(word)


def sounds_alike(spelled: str, words: tuple[str, ...]) -> str:
    """The first of ``words`` that may be a brand (:func:`brand_word`) and sounds like the pinyin ``spelled`` (see
    :data:`SOUND_SIMILARITY`), else ``""``."""
    return next((w for w in words if brand_word(w) and sound_similarity(spelled, w) >= SOUND_SIMILARITY), "")


OTHER_SYSTEMS = ("cantonese", "wade-giles")
"""Other ways than pinyin a brand may render a trade name's sound: Hong Kong's spelling of the Cantonese reading
(德生 = "Tecsun", 捷荣 = "Chitwing", 香江 = "Heungkong") and Wade-Giles (东旭 = "Tunghsu")."""
OTHER_SIMILARITY = 0.75
"""The least edit similarity of a brand's skeleton to a run's read in :data:`OTHER_SYSTEMS`. Each character has
several such spellings, so a run has many skeletons and meets more brands by chance: on the training companies paired
as the benchmark pairs the held-out ones (own English name, six of the province, three of its industry), these readings
at :data:`SOUND_SIMILARITY` moved 70 matches and 20 wrong pairs into the sounding group, every wrong one at 0.6-0.67;
at 0.75, 47 matches and none."""
MAX_SPELLINGS = 64
"""Most spellings of a run read in one other system (a character may have five Hong Kong spellings)."""


@lru_cache(maxsize=20_000)
def other_spellings(han: str) -> frozenset[str]:
    """Every spelling of ``han`` (a run of :data:`MIN_SOUNDED` to :data:`MAX_SOUNDED` characters) in
    :data:`OTHER_SYSTEMS`, its syllables written together: 济民 -> "chimin", "jaiman" ..."""
    return frozenset(
        "".join(spelling)
        for system, readings in other_readings(han)
        if system in OTHER_SYSTEMS
        for spelling in islice(product(*readings), MAX_SPELLINGS)
    )


@lru_cache(maxsize=20_000)
def other_shapes(han: str) -> tuple[str, ...]:
    """The skeletons of ``han`` (a run of :data:`MIN_SOUNDED` to :data:`MAX_SOUNDED` characters) read in
    :data:`OTHER_SYSTEMS` (:func:`other_spellings`), each once, its pinyin skeleton left out."""
    pinyin = skeleton(spelled(han))
    shapes = {skeleton(spelling) for spelling in other_spellings(han)}
    return tuple(sorted(shape for shape in shapes if shape and shape != pinyin))


def may_be_spelled(word: str) -> bool:
    """Whether ``word`` may spell a trade name in :data:`OTHER_SYSTEMS`: three letters or more, not a generic word,
    a place or an English word the glossary or dictionary knows. Unlike :func:`brand_word` it may look like pinyin:
    "Chimin" (济民) and "Changyu" (张裕, Wade-Giles chi-min, chang-yu) do."""
    return len(word) >= 3 and not (word in GENERIC_WORDS or word in latin_place_words() or word in english_words())


def spelled_otherwise(han: str, words: tuple[str, ...]) -> str:
    """The first of ``words`` (:func:`may_be_spelled`) that is the run ``han`` as Hong Kong or Wade-Giles writes it
    (:func:`other_spellings`), else ``""``. A spelling, not a sound: on the training companies' own leftovers it named
    9 of 1,174 companies' runs, and 9 of 2.4 million pairs of one company's words and another's runs (0.0004 %, most
    of them the same group's companies: "Tunghsu Azure" and 东旭光电); of 2,085 training pairs of the benchmark's kind
    whose leftover words are pinyin, it marked 3 matches ("Chimin" 济民, "Changyu" 张裕) and no wrong pair."""
    return next((w for w in words if w in other_spellings(han) and may_be_spelled(w)), "")


def sounds_like_run(han: str, words: tuple[str, ...]) -> str:
    """The first of ``words`` that may be a brand (:func:`brand_word`) and sounds like the run of characters ``han``:
    its pinyin at :data:`SOUND_SIMILARITY`, a reading of :data:`OTHER_SYSTEMS` at :data:`OTHER_SIMILARITY`, or a word
    spelling it so (:func:`spelled_otherwise`, which may look like pinyin); else ``""``."""
    found = sounds_alike(spelled(han), words) or spelled_otherwise(han, words)
    if found:
        return found
    shapes = other_shapes(han)
    return next(
        (
            w
            for w in words
            if brand_word(w) and any(skeleton_similarity(shape, skeleton(w)) >= OTHER_SIMILARITY for shape in shapes)
        ),
        "",
    )


def heard_as(han: str, word: str) -> str:
    """How ``han`` was read when ``word`` sounded like it (:func:`sounds_like_run`), for an explanation: its pinyin
    when that sounds alike, else the other system's spelling nearest the word ("taksang" for 德生 / "Tecsun")."""
    pinyin = spelled(han)
    if sounds_alike(pinyin, (word,)):
        return pinyin
    shape = skeleton(word)
    spellings = sorted(other_spellings(han))
    return max(spellings, key=lambda s: skeleton_similarity(skeleton(s), shape), default=pinyin)


def spelled(han: str) -> str:
    """The pinyin of ``han`` written together, each character read on its own (as the candidate bound reads it,
    so that both agree on every run: :func:`may_sound_alike`)."""
    return "".join(readings(char)[0][0] for char in han)


@lru_cache(maxsize=2_048)
def _run_skeletons(han: str) -> dict[str, tuple[str, ...]]:
    """First letter -> the skeletons of every run of :data:`MIN_SOUNDED` to :data:`MAX_SOUNDED` characters of
    ``han``, in pinyin and in :data:`OTHER_SYSTEMS` (:func:`other_shapes`; compared at the lower
    :data:`SOUND_SIMILARITY`, so the bound admits whatever :func:`sounds_like_run` finds)."""
    found: dict[str, list[str]] = {}
    for i in range(len(han)):
        for k in range(MIN_SOUNDED, min(MAX_SOUNDED, len(han) - i) + 1):
            run = han[i : i + k]
            for shape in (skeleton(spelled(run)), *other_shapes(run)):
                if shape:
                    found.setdefault(shape[0], []).append(shape)
    return {first: tuple(dict.fromkeys(shapes)) for first, shapes in found.items()}


@lru_cache(maxsize=1 << 16)
def _brand_shape(word: str) -> str:
    """The :func:`skeleton` of ``word`` when it may be a brand (:func:`brand_word`), else ``""``, remembered: a
    Chinese query asks :func:`may_sound_alike` about each word of its hundred Latin candidates, and the next query
    about most of the same words again (a function of the word alone, with the packaged tables)."""
    return skeleton(word) if brand_word(word) else ""


def may_sound_alike(han: str, word: str) -> bool:
    """Whether ``word`` may be a brand that sounds like some run of :data:`MIN_SOUNDED` to :data:`MAX_SOUNDED`
    characters of ``han``: true whenever the word sounds like a run the alignment leaves unexplained
    (``crossscript.sounding_brand``), or is its Hong Kong or Wade-Giles spelling (:func:`spelled_otherwise`), so the
    candidate bound may rule the calibration's ``conflict_sound`` group out when it is false."""
    shape = _brand_shape(word)
    if shape and any(
        skeleton_similarity(shape, other) >= SOUND_SIMILARITY for other in _run_skeletons(han).get(shape[0], ())
    ):
        return True
    return _maybe_spelled(word) and word in _run_spellings(han)


@lru_cache(maxsize=1 << 16)
def _maybe_spelled(word: str) -> bool:
    """:func:`may_be_spelled`, remembered as :func:`_brand_shape` is."""
    return may_be_spelled(word)


@lru_cache(maxsize=2_048)
def _run_spellings(han: str) -> frozenset[str]:
    """:func:`other_spellings` of every run of :data:`MIN_SOUNDED` to :data:`MAX_SOUNDED` characters of ``han``."""
    return frozenset(
        spelling
        for i in range(len(han))
        for k in range(MIN_SOUNDED, min(MAX_SOUNDED, len(han) - i) + 1)
        for spelling in other_spellings(han[i : i + k])
    )
