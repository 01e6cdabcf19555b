"""Names of non-Han persons written in Chinese characters, compared with their Latin spelling by sound.

Uyghur, Kazakh and foreign names are transcribed into Chinese syllable by syllable, the parts usually joined by a
middle dot: 艾尔肯·吐尼亚孜 is Erkin Tuniyaz, 雪克来提·扎克尔 Shohrat Zakir, 贝拉克·奥巴马 Barack Obama. Their pinyin
(ai er ken, tu ni ya zi) is not the Latin spelling, so pinyin alignment fails; but the consonants survive the
round trip in a predictable way. Each side is reduced to a *sound key*:

- consonants folded into classes that Chinese transcription does not tell apart or swaps: l and r (来 lai for
  "ra"), b and p, d and t, g, k, q (Latin), h and kh (克 ke for the h of Shohrat), the hissing sibilants s, sh,
  c, ch, x and pinyin q (雪 xue for "Sho", 沙 sha for "Sa", 山 shan for the san of Hasan), and the buzzing ones z,
  zh, j (扎 zha for "Za", 孜 zi for z, 江 jiang for -jan, 济 ji for the z of Mirziyoyev): Chinese keeps those two
  apart, and Azat (阿扎提) is not Asaad;
- every run of vowels one mark ``V`` (and y between vowels dropped: 亚 ya in Tuniyaz), repeats collapsed;
- a vowel at the very end dropped: transcription adds one after a final consonant (孜 zi for z, 提 ti for t).

艾尔肯 (aierken) and Erkin both give ``VrkVn``; 吐尼亚孜 (tuniyazi) and Tuniyaz ``dVnVj``. Parts are paired with
the Latin words in any order, each pair scored by the edit similarity of the keys, and the name's score is the mean
over the longer side (an unpaired part counts 0), capped at :data:`CEILING`: a sound-alike is never certain.

What Chinese transcription does to a Latin spelling, and the key allows for:

- it has no v, and writes v, p and f alike with f (夫 fu for the -ov of Jeenbekov 热恩别科夫, 甫 fu for the p of
  Tashpolat 塔西甫拉提, 福 fu for the f of Saifuddin 赛福鼎), so b, p, f and v are one class (a v written with w, 伊万
  for Ivan, is left out: rare in these names);
- it often leaves out an h the Latin spelling writes (热依拉 for Rahile, 买买提 for Mehmet, 艾山 for Hasan), so a
  Latin word is also keyed without its h (:func:`latin_keys`; an h of a digraph, sh or kh, stays);
- a Latin x before a consonant is the Uyghur Latin alphabet's kh (Toxti = Tokhti, 土赫提), not pinyin's x;
- w is a consonant before a vowel on both sides (外力 wai-li for Weli, so Abduweli is not Abdullah), and a vowel in
  "wu" (达吾提 da-wu-ti and Dawut) and before a consonant (Shawkat, 肖开提);
- a few name elements are written in a fixed way their sound does not explain (司马义 for Ismail): those are reference
  data, ``resources/transcribed/elements.csv``, keyed by the Latin spelling they stand for (:func:`elements`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from threadline.commented_csv import read_rows
from threadline.names.han import HAN, readings
from threadline.names.normalize import collapse_runs
from threadline.settings import RESOURCES_DIR

DOTS = "·•‧・･∙⋅"
"""Separators Chinese text puts between the parts of a transcribed name."""
CEILING = 0.95
MIN_TRANSCRIBED = 5
"""Han characters from which an undotted name is taken for a transcription: Chinese names have two to four."""
_DIGRAPHS = (("zh", "j"), ("ch", "s"), ("sh", "s"), ("kh", "k"), ("gh", "k"), ("ph", "b"), ("th", "d"), ("ck", "k"))
_LATIN_CLASSES = str.maketrans("lpbtgqhzxcjfv", "rbbdkkkjssjbb")
_PINYIN_CLASSES = str.maketrans("lpbtgqhzxcjfv", "rbbdkskjssjbb")
_VOWELS = re.compile(r"[aeiouy]+")
_GLIDE_W = re.compile(r"wu|w(?![aeioy])")
"""A w that is a vowel: "wu" (吾 for the u of Dawut, 吾尔开希 Wuer Kaixi) and a w before a consonant or at the end
(Shawkat). Before another vowel it is a consonant (外力 for Weli, 瓦 for the wa of Dawamat)."""
_KH_X = re.compile(r"x(?=[bcdfghjklmnpqrstvwxz])")
"""A Latin x before a consonant: the Uyghur Latin alphabet's kh (Toxti); pinyin's x comes before i or u only."""
ELEMENTS = RESOURCES_DIR / "transcribed" / "elements.csv"
_ELEMENT_LETTERS = re.compile(r"(?:[abdefhijklmoprstuvwyz]|n(?!g)|g)+")
"""Letters an element's Latin spelling may use: those that read the same in pinyin and in a Latin spelling."""


def is_transcribed(name: str, person: bool = False) -> bool:
    """Whether a name is a non-Han name written in Chinese characters: parts joined by a middle dot or, for a name
    known to be a person's (``person``), more Han characters than a Chinese person's name has. Without the dot and
    that knowledge, five characters are most often a company's name (新疆中泰化学)."""
    if any(dot in name for dot in DOTS):
        return HAN.search(name) is not None
    return person and len(HAN.findall(name)) >= MIN_TRANSCRIBED


def sound_key(spelled: str, pinyin: bool, silent_h: bool = False) -> str:
    """The sound key of a Latin word or of the joined pinyin of a transcribed part (see the module docstring); with
    ``silent_h``, of a Latin word without its h (one not in a digraph)."""
    text = "".join(ch for ch in spelled.lower() if "a" <= ch <= "z")
    text = text.replace("ng", "n") if pinyin else _KH_X.sub("k", text)
    for digraph, sound in _DIGRAPHS:
        text = text.replace(digraph, sound)
    if silent_h and not pinyin:
        text = text.replace("h", "")
    text = text.translate(_PINYIN_CLASSES if pinyin else _LATIN_CLASSES)
    text = _VOWELS.sub("V", _GLIDE_W.sub("u", text))
    collapsed = collapse_runs(text)
    return collapsed[:-1] if len(collapsed) > 1 and collapsed.endswith("V") else collapsed


@lru_cache(maxsize=10_000)
def latin_keys(word: str) -> tuple[str, ...]:
    """The sound keys of a Latin word: as spelled, and without its h when that differs (Rahile ``rVkVr`` and
    ``rVr``, which 热依拉 gives), since Chinese transcription often leaves the h out."""
    keys = (sound_key(word, pinyin=False), sound_key(word, pinyin=False, silent_h=True))
    return keys[:1] if keys[0] == keys[1] else keys


def read_elements(path: Path) -> tuple[tuple[str, str], ...]:
    """``(characters, Latin spelling)`` of each name element in the table at ``path`` (``elements.csv``), longest
    first; a row that is not Chinese characters and a Latin spelling :func:`sound_key` reads alike either way is an
    error naming the file, row and value."""
    found = []
    for number, row in enumerate(read_rows(path), start=1):
        han, latin = (row.get("han") or "").strip(), (row.get("latin") or "").strip()
        if not han or len(HAN.findall(han)) != len(han) or not _ELEMENT_LETTERS.fullmatch(latin):
            raise ValueError(
                f"{path}: row {number} after the header: {han!r}, {latin!r}: give the element in Chinese characters "
                "and its Latin spelling in lower-case letters that read alike in pinyin (no c, q, x or ng)"
            )
        found.append((han, latin))
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=1)
def elements() -> tuple[tuple[str, str], ...]:
    """The packaged name elements Chinese writes in a fixed way (:data:`ELEMENTS`, see :func:`read_elements`)."""
    return read_elements(ELEMENTS)


def spelled_part(han: str) -> tuple[str, ...]:
    """A transcribed part spelled for :func:`sound_key` (``pinyin=True``): its pinyin, and, when it begins with a
    fixed element, also spelled with the Latin that element stands for (司马义江 -> "simayijiang", "ismailjiang"): the
    pinyin stays, since a list may spell the name by it (Simayi)."""
    pinyin = "".join(r[0] for r in readings(han))
    for element, latin in elements():
        if han.startswith(element):
            return pinyin, latin + "".join(r[0] for r in readings(han[len(element) :]))
    return (pinyin,)


@lru_cache(maxsize=10_000)
def part_keys(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(characters, sound keys)`` of each part of a transcribed name: the key of its pinyin, and of its spelling
    with a fixed element when it has one (:func:`spelled_part`)."""
    parts = [p for p in re.split("[" + DOTS + r"\s]+", name) if HAN.search(p)]
    out = []
    for part in parts:
        han = "".join(HAN.findall(part))
        keys = tuple(dict.fromkeys(sound_key(spelled, pinyin=True) for spelled in spelled_part(han)))
        out.append((han, keys))
    return tuple(out)


CONSONANT_WEIGHT = 0.9
"""Weight of the consonants-only comparison (:func:`key_similarity`)."""
MIN_CONSONANTS = 3
"""Fewest letters a consonants-only key needs to be compared at all ("sm" of 司马义 says too little)."""


def consonants(key: str) -> str:
    """A sound key without the vowel marks after its first letter: 伊力哈木 (yilihamu) ``VrVkVm`` -> ``Vrkm``."""
    return key[:1] + key[1:].replace("V", "")


def lookup_keys(key: str) -> tuple[str, ...]:
    """The keys a sound key finds names by: itself and, when it has :data:`MIN_CONSONANTS` letters, its consonants
    (marked "+"), as :func:`key_similarity` weighs them: 雪克来提 (``sVkVrVd``) and Shohret (``sVkrVd``) share
    ``+skrd``."""
    skeleton = consonants(key)
    return (key, "+" + skeleton) if len(skeleton) >= MIN_CONSONANTS else (key,)


def key_similarity(pinyin_key: str, latin_key: str) -> float:
    """Edit similarity of two sound keys, or :data:`CONSONANT_WEIGHT` times that of their consonants when higher:
    Chinese transcription puts a vowel between consonants the Latin spelling writes together (伊力哈木 for Ilham,
    ``VrVkVm`` against ``VrkVm``; 土赫提 for Tohti), so the consonants say more than the vowel marks. Measured on the
    gazetteer's Xinjiang places against their Uyghur Latin names (163 pairs, and 162 with another place's name):
    at 0.8, 64 pairs -> 73 pass and 1 wrong one either way; at 0.9, 38 -> 60 and none wrong."""
    full = Levenshtein.normalized_similarity(pinyin_key, latin_key)
    mine, theirs = consonants(pinyin_key), consonants(latin_key)
    if min(len(mine), len(theirs)) < MIN_CONSONANTS:
        return full
    return max(full, CONSONANT_WEIGHT * Levenshtein.normalized_similarity(mine, theirs))


WEAKEST_MARGIN = 0.1
SILENT_H_WEIGHT = 0.95
"""Weight of a Latin word's key without its h (:func:`latin_keys`): that Chinese left an h out is likely, not certain,
and every h left out makes more names sound alike (Salahuddin and 苏里坦, Sultan)."""


def heard_similarity(pinyin_key: str, latin: tuple[str, ...]) -> float:
    """:func:`key_similarity` of a transcribed part's key and a Latin word's keys (:func:`latin_keys`), the key
    without the h weighed by :data:`SILENT_H_WEIGHT`."""
    best = key_similarity(pinyin_key, latin[0])
    for key in latin[1:]:
        best = max(best, SILENT_H_WEIGHT * key_similarity(pinyin_key, key))
    return best


def sounds_alike(han_name: str, latin_words: tuple[str, ...]) -> tuple[float, str] | None:
    """``(score, reason)`` for a transcribed Han name of a person against the words of a Latin name, ``None`` when
    the Han name is not a transcription (see :func:`is_transcribed`)."""
    if not is_transcribed(han_name, person=True) or not latin_words:
        return None
    parts = part_keys(han_name)
    words = [(w, latin_keys(w)) for w in latin_words]
    pairs = sorted(
        (
            (max(heard_similarity(pk, theirs) for pk in mine), i, j)
            for i, (_h, mine) in enumerate(parts)
            for j, (_w, theirs) in enumerate(words)
            if mine[0] and theirs[0]
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    paired: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for value, i, j in pairs:
        if i not in paired and j not in used:
            paired[i] = (j, value)
            used.add(j)
    spelled = [spelled_part(h) for h, _k in parts]  # as pinyin, and with its fixed elements (the last spelling)
    wholes = {sound_key("".join(s[0] for s in spelled), pinyin=True), sound_key("".join(s[-1] for s in spelled), True)}
    joined = max(heard_similarity(whole, latin_keys("".join(latin_words))) for whole in wholes)
    if len(parts) == len(words):  # the parts pair one to one: a whole compared across them says nothing more
        joined = 0.0
    each = sum((value for _j, value in paired.values()), 0.0) / max(len(parts), len(words))
    if paired:  # every part must sound alike: the weakest pair bounds the name
        each = min(each, min(value for _j, value in paired.values()) + WEAKEST_MARGIN)
    if joined > each:
        score = min(CEILING, joined)
        reason = f"sounds alike as a whole ({''.join(h for h, _k in parts)} ~ {' '.join(latin_words)}: {joined:.2f})"
    else:
        score = min(CEILING, each)
        said = ", ".join(f"{parts[i][0]}~{words[j][0]} {value:.2f}" for i, (j, value) in sorted(paired.items()))
        reason = f"a transcribed name compared by sound: {said}"
    return score, reason
