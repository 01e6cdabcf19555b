"""Search forms of a text, each with a map back to the original offsets.

- :func:`project` folds any script to lower-case Latin letters and digits (diacritics dropped, Cyrillic and other
  scripts transliterated, punctuation to one space); each run of Chinese characters becomes its pinyin written
  together (陈全国 -> ``chenquanguo``) with the syllable boundaries kept, so a Latin list name can be found in
  Chinese text. Names and documents go through the same function, so they compare.
- :func:`han_text` is the text with traditional characters folded to simplified, for list names in characters.
- :func:`sentence_at` is the sentence around an offset (the quote kept with a link).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from threadline.names.han import HAN, readings, simplify

_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9\u0400-\u04ff])|[。！？!?]+[”’」』）)]*|\n\s*\n"
)
_ASCII_WORD = re.compile(r"[a-z0-9]+")
MAX_QUOTE = 400
"""A quote longer than this (a sentence that never ends, a table) is cut around the mention."""


@dataclass(frozen=True, slots=True)
class Projection:
    text: str
    """Folded Latin form of the document."""
    origin: tuple[int, ...]
    """For each character of ``text``, the offset of the original character it came from."""
    boundaries: frozenset[int]
    """Positions in ``text`` where a word or a Chinese syllable begins or ends."""
    han: frozenset[int]
    """Positions in ``text`` that spell the pinyin of a Chinese character."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the projected ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = anyascii(unicodedata.normalize("NFKC", char)).lower()
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def project(text: str) -> Projection:
    """The folded Latin form of ``text`` (see the module docstring)."""
    out: list[str] = []
    origin: list[int] = []
    boundaries: set[int] = {0}
    han: set[int] = set()

    def space(at: int) -> None:
        if out and out[-1] != " ":
            boundaries.add(len(out))
            out.append(" ")
            origin.append(at)
            boundaries.add(len(out))

    i = 0
    while i < len(text):
        if HAN.match(text[i]):
            j = i
            while j < len(text) and HAN.match(text[j]):
                j += 1
            space(i)
            run = simplify(text[i:j])
            syllables = [r[0] for r in readings(run)] if len(run) == j - i else list(run)
            for offset, syllable in enumerate(syllables):
                boundaries.add(len(out))
                for letter in _fold_char(syllable) or "x":
                    han.add(len(out))
                    out.append(letter)
                    origin.append(i + offset)
            boundaries.add(len(out))
            space(j - 1)
            i = j
            continue
        folded = _fold_char(text[i])
        if folded:
            for letter in folded:
                out.append(letter)
                origin.append(i)
        else:
            space(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    boundaries.add(len(out))
    return Projection("".join(out), tuple(origin), frozenset(boundaries), frozenset(han))


def key(name: str) -> str:
    """The search key of a name: its projection (``"ZHU, Hailun"`` -> ``"zhu hailun"``)."""
    if name.isascii():  # the same result, much faster: most list names are plain ASCII
        return " ".join(_ASCII_WORD.findall(name.lower()))
    return project(name).text.strip()


def han_text(text: str) -> str:
    """``text`` with traditional characters read as simplified, offsets unchanged."""
    if not HAN.search(text):
        return text
    simplified = simplify(text)
    return simplified if len(simplified) == len(text) else text


def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence holding ``[start, end)``: from the last sentence end before it to the next one."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - MAX_QUOTE), start):
        left = match.end()
    following = _SENTENCE_END.search(text, end)
    right = following.end() if following else len(text)
    left = max(left, start - MAX_QUOTE // 2) if end - left > MAX_QUOTE else left
    right = min(right, end + MAX_QUOTE // 2)
    return left, right


def quote(text: str, start: int, end: int) -> str:
    """The sentence around a mention, on one line."""
    left, right = sentence_at(text, start, end)
    return " ".join(text[left:right].split())
