"""How likely an English brand word renders Chinese characters by sound, by a model learned from real name pairs.

Chinese companies often choose an English brand that renders the trade name by its sound without spelling the
pinyin: 盈康 yingkang = "Inkon", 沃顿 wodun = "Vontron", 科士达 keshida = "Kstar", 万通 wantong = "Vantone". The
letters English uses for a pinyin sound follow habits (an initial w as v, a final -ing as -in or -y, a syllable
dropped or reduced to its first letter) that a fixed rule set covers badly. This model learns them: each syllable
is split into its initial and final (``"k-"``, ``"-ang"``), and each of those *units* writes a chunk of zero to
:data:`MAX_CHUNK` letters, with a probability per unit and chunk counted by ``scripts/build_brand_sounds.py`` (EM
over every monotone way the letters of each training company's English brand divide among the units of the
characters its Chinese name leaves unexplained; held-out companies never counted). A word's likelihood under the
model is compared with its likelihood by chance (its letters drawn at the frequencies of brand words), and the
log-ratio per letter is the similarity: how much better the characters explain the word than nothing does.

The table is ``resources/brands/sound_model.csv``: one row per (unit, chunk) seen, a ``*`` row per unit with the
share left for chunks never seen (each then weighs as chance would write it), and the chance model's letters
(``@letter``), chunk lengths (``@chunk``) and word lengths (``@word``).
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache

from threadline.settings import RESOURCES_DIR

TABLE = RESOURCES_DIR / "brands" / "sound_model.csv"
MAX_CHUNK = 3
"""Most letters one unit (an initial or a final) writes: "-ang" as "ang", "zh-" as "j" or as nothing."""
INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")
"""Pinyin initials, digraphs first. y and w are written as initials and kept so: English renders them (w as v)."""
UNSEEN = -30.0
"""Log-probability of a letter the chance model never saw (a digit, an accented letter left by the folding)."""


def units(syllable: str) -> tuple[str, ...]:
    """A pinyin syllable as its units: ``"kang"`` -> ``("k-", "-ang")``, ``"an"`` -> ``("-an",)``; a syllable
    of an initial alone (a reading pypinyin gives as ``"m"``, ``"ng"``) is that initial."""
    for initial in INITIALS:
        if syllable.startswith(initial):
            rest = syllable[len(initial) :]
            return (initial + "-", "-" + rest) if rest else (initial + "-",)
    return ("-" + syllable,) if syllable else ()


class SoundModel:
    """The learned table: log-probabilities of chunks given a unit, and of letters and lengths by chance."""

    def __init__(self, chunks: dict[str, dict[str, float]], unseen: dict[str, float], letters: dict[str, float],
                 chunk_lengths: tuple[float, ...], word_lengths: dict[int, float]) -> None:  # fmt: skip
        self.chunks = chunks
        """unit -> chunk -> log P(chunk | unit), for the chunks seen."""
        self.unseen = unseen
        """unit -> log of the share left to chunks never seen with it (0.0 for a unit never seen)."""
        self.letters = letters
        """letter -> log P(letter) by chance."""
        self.chunk_lengths = chunk_lengths
        """log P(a chunk has n letters), n = 0 .. MAX_CHUNK, for chunks never seen."""
        self.word_lengths = word_lengths
        """letters -> log P(a brand word has that many letters), by chance."""
        self._longest_word = max(word_lengths) if word_lengths else 0

    def letter(self, char: str) -> float:
        return self.letters.get(char, UNSEEN)

    def chunk(self, unit: str, text: str) -> float:
        """log P(``text`` | ``unit``): as counted, else the unit's unseen share times the chance of the text."""
        seen = self.chunks.get(unit)
        if seen is not None:
            found = seen.get(text)
            if found is not None:
                return found
        chance = self.chunk_lengths[len(text)]
        for char in text:
            chance += self.letter(char)
        return self.unseen.get(unit, 0.0) + chance

    def chance(self, word: str) -> float:
        """log P(``word``) by chance: its length, then each letter at its frequency."""
        total = self.word_lengths.get(len(word), self.word_lengths.get(self._longest_word, UNSEEN))
        for char in word:
            total += self.letter(char)
        return total

    def rendered(self, sequence: tuple[str, ...], word: str, floor: float = -math.inf) -> list[float]:
        """log P(``word`` | the first ``u`` units of ``sequence``) for each ``u`` (index ``u``; ``-inf`` where the
        units cannot write the word), by the best division of its letters among them (Viterbi): a division for
        every run that begins where ``sequence`` does, in one pass. Every unit's chunk costs a log-probability of
        0 or less, so once no division of any prefix of the word is above ``floor``, no longer run can be: the rest
        is left at ``-inf``."""
        n = len(word)
        neg = -math.inf
        chance = [0.0]  # chance[j]: log-probability of the word's first j letters by chance, for unseen chunks
        for char in word:
            chance.append(chance[-1] + self.letter(char))
        row = [0.0] + [neg] * n  # row[j]: best log-probability of the word's first j letters
        out = [row[n]]
        for unit in sequence:
            seen = self.chunks.get(unit, _NOTHING)
            rest = self.unseen.get(unit, 0.0)
            empty = self.chunk(unit, "")
            new = [row[0] + empty] + [neg] * n
            for j in range(1, n + 1):
                best = row[j] + empty
                for size in range(1, min(MAX_CHUNK, j) + 1):
                    before = row[j - size]
                    if before > neg:
                        cost = seen.get(word[j - size : j])
                        if cost is None:
                            cost = rest + self.chunk_lengths[size] + chance[j] - chance[j - size]
                        if before + cost > best:
                            best = before + cost
                new[j] = best
            row = new
            out.append(row[n])
            if max(row) < floor:
                out.extend([neg] * (len(sequence) + 1 - len(out)))
                break
        return out


_NOTHING: dict[str, float] = {}


def similarity(model: SoundModel, sequence: tuple[str, ...], word: str) -> float:
    """Log-likelihood ratio per letter of ``word`` written for the units ``sequence`` against by chance: above 0,
    the characters explain the word better than its letters' frequencies do."""
    if not word:
        return -math.inf
    return (model.rendered(sequence, word)[-1] - model.chance(word)) / len(word)


def run_units(syllables: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The units of ``syllables`` in order, and after how many units each syllable ends."""
    flat: list[str] = []
    ends: list[int] = []
    for syllable in syllables:
        flat.extend(units(syllable))
        ends.append(len(flat))
    return tuple(flat), tuple(ends)


def read_table(path: str | None = None) -> SoundModel:
    """The model from its table (see the module's docstring); a row that does not parse is an error naming it."""
    chunks: dict[str, dict[str, float]] = {}
    unseen: dict[str, float] = {}
    letters: dict[str, float] = {}
    chunk_lengths = [UNSEEN] * (MAX_CHUNK + 1)
    word_lengths: dict[int, float] = {}
    source = path or str(TABLE)
    with open(source, encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for number, row in enumerate(rows, start=2):
            try:
                unit, latin, probability = row["unit"], row["latin"], float(row["probability"])
                if not 0.0 < probability <= 1.0:
                    raise ValueError(f"probability {probability} is not in (0, 1]")
                logp = math.log(probability)
                if unit == "@letter":
                    letters[latin] = logp
                elif unit == "@chunk":
                    chunk_lengths[int(latin)] = logp
                elif unit == "@word":
                    word_lengths[int(latin)] = logp
                elif latin == "*":
                    unseen[unit] = logp
                else:
                    chunks.setdefault(unit, {})[latin] = logp
            except (KeyError, TypeError, ValueError, IndexError) as error:
                raise ValueError(f"{source}: row {number} is not unit,latin,probability ({error}): {row}") from error
    return SoundModel(chunks, unseen, letters, tuple(chunk_lengths), word_lengths)


@lru_cache(maxsize=1)
def packaged() -> SoundModel:
    """The packaged model."""
    return read_table()


_INSTEAD: list[SoundModel] = []
"""Models put in place of the packaged one by :class:`Using`, the innermost last."""


def active() -> SoundModel:
    """The model the matcher reads: the packaged one, unless a generator put another in its place."""
    return _INSTEAD[-1] if _INSTEAD else packaged()


class Using:
    """``with Using(model):`` the matcher reads ``model`` instead of the packaged table. For
    ``scripts/build_calibration.py``, which reads each training company with a model that never saw it (see
    :func:`threadline.soundlearn.fold_models`)."""

    def __init__(self, model: SoundModel) -> None:
        self.model = model

    def __enter__(self) -> SoundModel:
        _INSTEAD.append(self.model)
        return self.model

    def __exit__(self, *_exc: object) -> None:
        _INSTEAD.pop()
