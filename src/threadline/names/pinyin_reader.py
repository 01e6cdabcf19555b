"""pypinyin's reading of Chinese text, with each character's reading converted to a style once.

``pypinyin.pinyin`` builds a new converter on every call and converts the toned reading of every character of the
text to the style asked for (``zhōng`` -> ``zhong``), character by character, call after call: about half of what
reading a company name costs. The characters and their readings recur from name to name, so the reader here
remembers each conversion; how a text is segmented into words and which reading each character gets in context
are pypinyin's, unchanged. Its results are those of ``pypinyin.pinyin`` with the same arguments (and the defaults
``v_to_u=False``, ``neutral_tone_with_five=False``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pypinyin import Style
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin


class _RememberingConverter(UltimateConverter):
    """pypinyin's converter for :func:`pypinyin.pinyin`, a character's converted reading kept per ``(character,
    toned reading, style, strict)``: the conversion depends on nothing else."""

    def __init__(self) -> None:
        super().__init__(v_to_u=False, neutral_tone_with_five=False)
        self._converted: dict[tuple[str, str, Any, bool], str] = {}

    def convert_style(self, han: str, orig_pinyin: str, style: Any, strict: bool, **kwargs: Any) -> str:
        if kwargs:  # (pypinyin passes none; anything else is converted as pypinyin would)
            return str(super().convert_style(han, orig_pinyin, style, strict, **kwargs))
        key = (han, orig_pinyin, style, strict)
        found = self._converted.get(key)
        if found is None:
            found = self._converted[key] = str(super().convert_style(han, orig_pinyin, style=style, strict=strict))
        return found


@lru_cache(maxsize=1)
def _reader() -> Pinyin:
    return Pinyin(_RememberingConverter())


def pinyin(text: str, style: Style = Style.TONE, heteronym: bool = False, errors: str = "default") -> list[list[str]]:
    """What ``pypinyin.pinyin(text, style=style, heteronym=heteronym, errors=errors)`` returns."""
    return _reader().pinyin(text, style=style, heteronym=heteronym, errors=errors)
