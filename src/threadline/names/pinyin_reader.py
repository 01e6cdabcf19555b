"""pypinyin's reading of Chinese text, with each character's reading converted to a style once.

``pypinyin.pinyin`` builds a new converter on every call and converts the toned reading of every character of the
text to the style asked for (``zhōng`` -> ``zhong``), character by character, call after call: about half of what
reading a company name costs. The characters and their readings recur from name to name, so the reader here
remembers each conversion; how a text is segmented into words and which reading each character gets in context
are pypinyin's, unchanged. Its results are those of ``pypinyin.pinyin`` with the same arguments (and the defaults
``v_to_u=False``, ``neutral_tone_with_five=False``).

The words pypinyin cuts the text into recur as well (新疆, 股份, 科技): each word's readings are kept too, so a new
name costs its segmentation and its new words (the pair bench's 1,197 Chinese names are 7,405 words, 1,128
distinct; reading them all, 53 -> 43 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final

from pypinyin import Style
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin
from pypinyin.seg import mmseg

from threadline.names.memo import Memo

WORDS_KEPT = 1 << 15
"""Words of segmented text whose readings :class:`_RememberingConverter` keeps (a few hundred bytes each, about 10 MB
when full)."""


class _RememberingConverter(UltimateConverter):
    """pypinyin's converter for :func:`pypinyin.pinyin`, a character's converted reading kept per ``(character,
    toned reading, style, strict)``: the conversion depends on nothing else."""

    def __init__(self) -> None:
        super().__init__(v_to_u=False, neutral_tone_with_five=False)
        self._converted: dict[tuple[str, str, Any, bool], str] = {}
        self._words: dict[tuple[str, Style, bool, Callable[[str], str] | str, bool], tuple[tuple[str, ...], ...]] = {}
        """Each word's readings (:meth:`convert`), up to :data:`WORDS_KEPT`, then all forgotten at once."""

    def convert(
        self,
        words: str,
        style: Style,
        heteronym: bool,
        errors: Callable[[str], str] | str,
        strict: bool = True,
        **kwargs: Any,
    ) -> list[list[str]]:
        """pypinyin's readings of one word of the segmented text, kept per ``(word, style, heteronym, errors,
        strict)``: they depend on nothing else (pypinyin's phrase and character tables, which threadline never
        changes). A fresh list of lists each time, as pypinyin returns (its callers may change them)."""
        if kwargs:
            return list(super().convert(words, style, heteronym, errors, strict=strict, **kwargs))
        key = (words, style, heteronym, errors, strict)
        found = self._words.get(key)
        if found is None:
            if len(self._words) >= WORDS_KEPT:
                self._words.clear()
            converted = super().convert(words, style, heteronym, errors, strict=strict)
            found = self._words[key] = tuple(tuple(item) for item in converted)
        return [list(item) for item in found]

    def convert_style(self, han: str, orig_pinyin: str, style: Any, strict: bool, **kwargs: Any) -> str:
        if kwargs:  # (pypinyin passes none; anything else is converted as pypinyin would)
            return str(super().convert_style(han, orig_pinyin, style, strict, **kwargs))
        key = (han, orig_pinyin, style, strict)
        found = self._converted.get(key)
        if found is None:
            found = self._converted[key] = str(super().convert_style(han, orig_pinyin, style=style, strict=strict))
        return found


@lru_cache(maxsize=1)
def _converter() -> _RememberingConverter:
    return _RememberingConverter()


@lru_cache(maxsize=1)
def _reader() -> Pinyin:
    return Pinyin(_converter())


def pinyin(text: str, style: Style = Style.TONE, heteronym: bool = False, errors: str = "default") -> list[list[str]]:
    """What ``pypinyin.pinyin(text, style=style, heteronym=heteronym, errors=errors)`` returns.

    Text of Han characters alone (a Chinese name's core, what the matcher reads) is cut into words here
    (:func:`cut`) and each word converted as pypinyin converts it; other text goes through pypinyin whole."""
    words = _han_words(text)
    if words is None:
        return _reader().pinyin(text, style=style, heteronym=heteronym, errors=errors)
    converter = _converter()
    found: list[list[str]] = []
    for word in words:
        found.extend(converter.convert(word, style, heteronym, errors, strict=True))
    return found


_PLAIN: Final[Memo[str, tuple[str, ...]]] = Memo(WORDS_KEPT)
"""A word of Han text -> its characters' readings in context, toneless (:func:`plain_readings`)."""


def plain_readings(text: str) -> list[str]:
    """Each character's toneless reading in context, one a character: ``[r[0] for r in pinyin(text,
    style=Style.NORMAL, errors="ignore")]``, the readings :func:`threadline.names.han.readings` starts from. For
    Han text alone each word's readings are kept as they are used, without the fresh lists :func:`pinyin` must
    return nor a key of its arguments (a ``Style`` hashes in Python) for every word of every new name."""
    words = _han_words(text)
    if words is None:
        return [r[0] for r in pinyin(text, style=Style.NORMAL, heteronym=False, errors="ignore")]
    found: list[str] = []
    for word in words:
        kept = _PLAIN.table.get(word)
        found.extend(_PLAIN.keep(word, _plain_word(word)) if kept is None else kept)
    return found


def _plain_word(word: str) -> tuple[str, ...]:
    """The toneless readings of one word of Han text, as pypinyin's converter gives them (``convert(word,
    Style.NORMAL, heteronym=False, errors="ignore")``, each reading's first), read from its tables here.

    The converter (Python: a deep copy of the phrase's readings, hooks, then each character's style conversion)
    was most of what a new word cost. For these arguments it takes the first toned reading of each character, from
    the phrase table when the word is a phrase and else from the character table, and converts it with
    :meth:`_RememberingConverter.convert_style`; so does this, each ``(character, toned reading)`` converted once.
    A word with a character the character table lacks (pypinyin drops it) or a phrase whose readings do not
    number its characters goes to the converter itself."""
    phrase = PHRASES_DICT.get(word)
    toned: list[str] = []
    if phrase is not None:
        toned = [str(item[0]) for item in phrase]
    else:
        for char in word:
            entry = PINYIN_DICT.get(ord(char))
            if entry is None:
                break
            toned.append(entry.split(",", 1)[0])
    if len(toned) != len(word):
        return tuple(r[0] for r in _converter().convert(word, Style.NORMAL, False, "ignore", strict=True))
    out: list[str] = []
    for char, reading in zip(word, toned, strict=True):
        key = char + reading
        plain = _PLAIN_SYLLABLES.get(key)
        if plain is None:
            plain = _PLAIN_SYLLABLES[key] = _converter().convert_style(char, reading, Style.NORMAL, True)
        out.append(plain)
    return tuple(out)


_PLAIN_SYLLABLES: dict[str, str] = {}
"""A character followed by one of its toned readings (``中zhōng``) -> that reading without its tone, as
:meth:`_RememberingConverter.convert_style` gives it for :data:`Style.NORMAL` (a few thousand entries at most: the
characters' readings, not the words')."""


def _han_words(text: str) -> list[str] | None:
    """The words pypinyin would cut ``text`` into (:func:`cut`) when it is Han characters alone and pypinyin's
    tables are laid out as this module reads them, else ``None`` (the caller asks pypinyin itself)."""
    prefixes = phrase_prefixes()
    if prefixes is None or not PHRASES_DICT or not RE_HANS.fullmatch(text):
        return None
    return cut(text, prefixes)


def phrase_prefixes() -> set[str] | None:
    """The set of every beginning of a phrase that pypinyin's segmenter holds (``mmseg.seg``), or ``None`` if it is
    not kept as this version of pypinyin keeps it."""
    prefixes = getattr(mmseg.seg._prefix_set, "_set", None)
    return prefixes if isinstance(prefixes, set) and getattr(mmseg.seg, "_no_non_phrases", False) is True else None


def cut(text: str, prefixes: set[str]) -> list[str]:
    """The words pypinyin's segmenter cuts a run of Han characters into (``pypinyin.seg.mmseg.Seg.cut`` with
    ``no_non_phrases``, which ``pypinyin.pinyin`` uses): from the left, the longest phrase of its phrase table
    read while the text is still a beginning of some phrase, else one character.

    The same algorithm on the same tables, compiled: pypinyin's own is a Python generator, and cutting a new name
    was most of what reading its pinyin cost once each word's readings are remembered."""
    words: list[str] = []
    remain = text
    while remain:
        valid = 0  # the length of the longest phrase read so far
        stopped = False
        for index in range(len(remain)):
            word = remain[: index + 1]
            if word not in prefixes:
                stopped = True
                break
            if word in PHRASES_DICT:
                valid = index + 1
        if valid:
            words.append(remain[:valid])
            remain = remain[valid:]
        elif stopped:
            words.append(remain[0])
            remain = remain[1:]
        else:  # all of it begins a phrase but none of it is one (else ``valid`` would be its length)
            words.extend(remain)
            remain = ""
    return words
