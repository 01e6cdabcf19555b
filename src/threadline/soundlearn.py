"""Learning the model of brands rendered by sound (:mod:`threadline.names.soundmodel`) from real name pairs.

Used by ``scripts/build_brand_sounds.py``, which writes the packaged table, and by ``scripts/build_calibration.py``,
which groups each training company's pairs with a model learned without that company (:func:`fold_models`): the
packaged model has seen every training company and passes their own brands more easily than a stranger's, so a
calibration read off it would promise too much.

Examples: each company's Chinese name is aligned with its own English name as the matcher aligns it; every run of
two to four unexplained characters next to each other is paired with every unexplained English word that may be a
brand (:func:`threadline.names.brandsound.brand_word`), and every freely rendered trade name the aligner did credit
(德赛 = "Desay") is one more. Most leftover pairs are no rendering at all (a missing industry term against a brand
of another meaning), so each example is read as a mixture: the word was written for the run's units with
probability ``λ``, or drawn by chance. EM (forward-backward over every division of the word's letters among the
run's units, each writing 0-3 letters) estimates the chunks' probabilities and ``λ`` together; a chunk never seen
with a unit keeps a share ``ALPHA / (count + ALPHA)`` of the unit, spread as chance writes letters.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from threadline.matching.crossscript import cross_align, unexplained_runs
from threadline.names.brandsound import MAX_SOUNDED, MIN_SOUNDED, brand_word, syllables
from threadline.names.glossary import is_held_out
from threadline.names.normalize import name_key
from threadline.names.soundmodel import MAX_CHUNK, SoundModel, run_units

ROUNDS = 25
ALPHA = 10.0
"""Pseudo-count of the chunks never seen with a unit, as chance writes them."""
KEEP = 0.5
"""Least expected count of a chunk kept in the table (the rest read as unseen)."""
START_SHARE = 0.3
"""The first guess of λ, the share of examples that are renderings."""
START_BOOST = 5.0
"""First guess: a chunk that begins the unit's own letters (``"k-"`` writes ``"k"``) weighs this much more."""
FOLDS = 2

Example = tuple[tuple[str, ...], str]
"""The units of a run of characters, and a word that may render them."""


def training_rows(data_dir: Path) -> list[dict[str, str]]:
    """The training part's rows of the listed companies' name pairs (held-out companies left out)."""
    text = (data_dir / "cn_company_names" / "cn_company_name_pairs.csv").read_text("utf-8")
    return [
        row
        for row in csv.DictReader(text.splitlines())
        if row["name_zh_full"] and "unavailable" not in row["name_zh_full"] and not is_held_out(row["code"])
    ]


def fold(code: str) -> int:
    """Which of :data:`FOLDS` parts a training company falls in (stable: a hash of its code)."""
    return int(hashlib.sha256(f"sound-fold:{code}".encode()).hexdigest(), 16) % FOLDS


def examples(rows: Iterable[dict[str, str]]) -> dict[str, list[Example]]:
    """Company code -> its examples, each once (a company filed under several names has the same leftovers)."""
    found: dict[str, dict[Example, None]] = defaultdict(dict)
    for row in rows:
        alignment = cross_align(name_key(row["name_zh_full"]), name_key(row["name_en"]), person=False)
        if alignment is None:
            continue
        own = found[row["code"]]
        words = [w for w in alignment.unexplained_latin if w.isascii() and w.isalpha() and brand_word(w)]
        for chars in unexplained_runs(alignment):
            if MIN_SOUNDED <= len(chars) <= MAX_SOUNDED:
                for word in words:
                    own[(run_units(syllables(chars))[0], word)] = None
        for piece in alignment.pieces:
            if piece.how == "rendering" and piece.latin.isascii() and piece.latin.isalpha():
                own[(run_units(syllables(piece.han))[0], piece.latin)] = None
    return {code: list(own) for code, own in found.items()}


@dataclass
class Estimate:
    """The model while it is estimated, as plain probabilities (words are short: no underflow)."""

    letters: dict[str, float]
    word_lengths: dict[int, float]
    chunk_lengths: list[float] = field(default_factory=lambda: [1.0 / (MAX_CHUNK + 1)] * (MAX_CHUNK + 1))
    table: dict[str, dict[str, float]] = field(default_factory=dict)
    rest: dict[str, float] = field(default_factory=dict)
    share: float = START_SHARE

    def prior(self, text: str) -> float:
        value = self.chunk_lengths[len(text)]
        for char in text:
            value *= self.letters.get(char, 1e-6)
        return value

    def chance(self, word: str) -> float:
        value = self.word_lengths.get(len(word), 1e-6)
        for char in word:
            value *= self.letters.get(char, 1e-6)
        return value

    def p(self, unit: str, text: str) -> float:
        seen = self.table.get(unit)
        if seen is None:
            return self.prior(text)
        return seen.get(text, 0.0) + self.rest[unit] * self.prior(text)

    def refit(self, expected: dict[str, dict[str, float]]) -> None:
        self.table, self.rest = {}, {}
        for unit, counts in expected.items():
            total = sum(counts.values(), 0.0) + ALPHA
            self.table[unit] = {text: count / total for text, count in counts.items()}
            self.rest[unit] = ALPHA / total

    def model(self) -> SoundModel:
        """As :mod:`threadline.names.soundmodel` reads it (after the rounding of :func:`table_text`)."""
        return SoundModel(
            {
                u: {t: math.log(_rounded(p)) for t, p in seen.items() if _rounded(p) > 0}
                for u, seen in self.table.items()
            },
            {u: math.log(_rounded(p)) for u, p in self.rest.items()},
            {c: math.log(_rounded(p)) for c, p in self.letters.items()},
            tuple(math.log(_rounded(p)) for p in self.chunk_lengths),
            {n: math.log(_rounded(p)) for n, p in self.word_lengths.items()},
        )


def _rounded(p: float) -> float:
    return float(f"{p:.6g}")


def expect(model: Estimate, sequence: tuple[str, ...], word: str, into: dict[str, dict[str, float]]) -> float:
    """Add one example's expected chunk counts, weighted by the chance it is a rendering; return that chance."""
    n, m = len(word), len(sequence)
    forward = [[0.0] * (n + 1) for _ in range(m + 1)]
    forward[0][0] = 1.0
    for u, unit in enumerate(sequence, start=1):
        for j in range(n + 1):
            forward[u][j] = sum(
                (forward[u - 1][j - size] * model.p(unit, word[j - size : j]) for size in range(min(MAX_CHUNK, j) + 1)),
                0.0,
            )
    backward = [[0.0] * (n + 1) for _ in range(m + 1)]
    backward[m][n] = 1.0
    for u in range(m - 1, -1, -1):
        unit = sequence[u]
        for j in range(n + 1):
            backward[u][j] = sum(
                (
                    model.p(unit, word[j : j + size]) * backward[u + 1][j + size]
                    for size in range(min(MAX_CHUNK, n - j) + 1)
                ),
                0.0,
            )
    rendered = forward[m][n]
    if rendered <= 0.0:
        return 0.0
    weight = model.share * rendered / (model.share * rendered + (1 - model.share) * model.chance(word))
    for u, unit in enumerate(sequence, start=1):
        for j in range(n + 1):
            for size in range(min(MAX_CHUNK, j) + 1):
                text = word[j - size : j]
                mass = forward[u - 1][j - size] * model.p(unit, text) * backward[u][j] / rendered
                if mass > 1e-9:
                    counts = into.setdefault(unit, {})
                    counts[text] = counts.get(text, 0.0) + weight * mass
    return weight


def estimate(found: list[Example]) -> Estimate:
    """EM from the examples (see the module's docstring); chance's letters and word lengths are those of the
    examples' words."""
    letter_counts = Counter(char for _units, word in found for char in word)
    letters_total = sum(letter_counts.values())
    length_counts = Counter(len(word) for _units, word in found)
    model = Estimate(
        {char: count / letters_total for char, count in letter_counts.items()},
        {size: count / len(found) for size, count in length_counts.items()},
    )
    start: dict[str, dict[str, float]] = {}
    for sequence, _word in found:
        for unit in sequence:
            own, counts = unit.strip("-"), start.setdefault(unit, {})
            for size in range(MAX_CHUNK + 1):
                counts[own[:size]] = counts.get(own[:size], 0.0) + (START_BOOST if size else 1.0)
    model.refit(start)
    for _round in range(ROUNDS):
        expected: dict[str, dict[str, float]] = {}
        weights = [expect(model, sequence, word, expected) for sequence, word in found]
        model.share = sum(weights, 0.0) / len(weights)
        lengths = [1.0] * (MAX_CHUNK + 1)  # one chunk of each length seen, so none is impossible
        for counts in expected.values():
            for text, count in counts.items():
                lengths[len(text)] += count
        model.chunk_lengths = [length / sum(lengths, 0.0) for length in lengths]
        model.refit({u: {t: c for t, c in counts.items() if c >= KEEP} for u, counts in expected.items()})
    return model


def fold_models(data_dir: Path) -> list[SoundModel]:
    """One model per fold of the training companies, each learned from the other folds' companies only."""
    by_code = examples(training_rows(data_dir))
    return [
        estimate([e for code, found in by_code.items() if fold(code) != part for e in found]).model()
        for part in range(FOLDS)
    ]


def table_text(data_dir: Path) -> str:
    """The packaged table (``resources/brands/sound_model.csv``), learned from every training company."""
    found = [e for examples_of in examples(training_rows(data_dir)).values() for e in examples_of]
    model = estimate(found)
    out = io.StringIO()
    out.write(
        "# Generated by scripts/build_brand_sounds.py (EM on the training pairs' leftovers, threadline.soundlearn);"
        " do not edit.\n"
        f"# {len(found)} examples; share read as renderings {model.share:.3f}.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["unit", "latin", "probability"])
    for char, p in sorted(model.letters.items()):
        writer.writerow(["@letter", char, f"{p:.6g}"])
    for size, p in enumerate(model.chunk_lengths):
        writer.writerow(["@chunk", size, f"{p:.6g}"])
    for size, p in sorted(model.word_lengths.items()):
        writer.writerow(["@word", size, f"{p:.6g}"])
    for unit in sorted(model.table):
        writer.writerow([unit, "*", f"{model.rest[unit]:.6g}"])
        for text, p in sorted(model.table[unit].items(), key=lambda item: (-item[1], item[0])):
            if _rounded(p) > 0:
                writer.writerow([unit, text, f"{p:.6g}"])
    return out.getvalue()
