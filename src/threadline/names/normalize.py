"""Turn a name as written into comparison keys, and say what was removed on the way.

Pure functions only. The cross-script engine (Han segmentation, pinyin, glossary) builds on these.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from anyascii import anyascii
from rigour.names import remove_org_types

from threadline.names.burmese import romanize as romanize_burmese
from threadline.names.han import LEGAL_FORMS
from threadline.names.memo import Memo
from threadline.names.numerals import digitise
from threadline.names.uyghur import romanize as romanize_uyghur

# Qualifiers lists append to a name that are not part of it ("... and subsidiaries").
_QUALIFIERS = re.compile(
    r"\b(?:and|&|including)\s+(?:its\s+)?(?:subsidiaries|subordinate(?:\s+and\s+affiliated)?\s+entities"
    r"|affiliates|subordinates)\b.*$"
)
# Words that many unrelated company names share; they say little about which company is meant.
GENERIC_WORDS = frozenset(
    [
        "international",
        "technology",
        "technologies",
        "tech",
        "sci",
        "electronics",
        "electronic",
        "electrical",
        "electric",
        "holding",
        "holdings",
        "group",
        "industrial",
        "industries",
        "industry",
        "trading",
        "trade",
        "development",
        "manufacturing",
        "manufacture",
        "products",
        "product",
        "semiconductor",
        "global",
        "enterprise",
        "enterprises",
        "science",
        "sciences",
        "services",
        "service",
        "systems",
        "system",
        "solutions",
        "materials",
        "material",
        "precision",
        "import",
        "export",
        "imp",
        "exp",
        "new",
        "energy",
        "the",
        "of",
        "and",
        "corporation",
    ]
)
_TRAILING_FORMS = frozenset({"corporation", "corp", "company", "co", "incorporated", "inc", "limited", "ltd", "public"})
"""Legal-form words rigour's org-type removal keeps when alone ("Microsoft Corporation", "Toyota Motor Corp",
"Public Company"): taken off the end of a name, so "Microsoft Corp." and "Microsoft Corporation" compare as the same
name."""
_AMPERSAND_LETTERS = re.compile(r"\b([^\W\d_]{1,2})\s*&\s*([^\W\d_]{1,2})\b")
"""One or two letters on each side of an ampersand are one name ("AT&T", "H&M", "S&P"), not two words: folding
would make "AT&T" the words "at" and "t", and the first reads as a legal form (Ukrainian АТ)."""
_AND_LETTERS = re.compile(r"\b([a-z]{1,2}) and ([a-z]{1,2})\b")
"""The same name with the ampersand spelled out ("AT and T"), once folded."""
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NON_WORD = re.compile(r"[^\w\u1000-\u109f]+|_")
"""What separates words. The Myanmar block is kept whole: its vowel signs, medials and asat are combining marks, not
word characters, and a name read without them is unreadable (:mod:`threadline.names.burmese`)."""


_ASCII_SEPARATORS = {code: " " for code in range(128) if not chr(code).isalnum()}
"""What :data:`_NON_WORD` replaces in ASCII text (every character but a letter or a digit; ``_`` too), as a table
for ``str.translate``, which folds an ASCII name several times faster than the expression does."""


_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b")
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")


def fold(text: str) -> str:
    """NFKC, case-fold, punctuation to spaces, single spaces. Keeps every script as written. An apostrophe inside a
    word does not split it ("Qa'ida" and "Qaida", "Xi'an" and "Xian", "O'Brien" and "OBrien" are one word each),
    and a possessive "'s" is dropped ("People's Bank" = "People Bank", as a Chinese name's 人民 reads).

    >>> fold("  Xinjiang Zhongtai Chemical Co., Ltd. ")
    'xinjiang zhongtai chemical co ltd'
    >>> fold("Al-Qa'ida"), fold("People's Bank of China")
    ('al qaida', 'people bank of china')
    """
    if text.isascii():  # NFKC leaves ASCII as it is; its separators are every character but a letter or a digit
        text = text.casefold()
        if "'" in text:
            text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
        return " ".join(text.translate(_ASCII_SEPARATORS).split())
    text = unicodedata.normalize("NFKC", text).casefold()
    if "'" in text or "’" in text:
        text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    return " ".join(_NON_WORD.sub(" ", text).split())


def collapse_runs(text: str) -> str:
    """Each run of one character written once ("abdullah" -> "abdulah"): ``re.sub(r"(.)\\1+", r"\\1", text)``
    (a line break is no ``.``, so its runs stay), in compiled code; a template with a group reference is expanded
    by the ``re`` module's Python code on every call.

    >>> collapse_runs("mmhhammad")
    'mhamad'
    """
    out: list[str] = []
    previous = ""
    for char in text:
        if char != previous or char == "\n":
            out.append(char)
        previous = char
    return "".join(out)


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def _romanize_han(text: str) -> str:
    """Han characters -> space-separated syllables (anyascii gives ``ChenQuanGuo``)."""
    out: list[str] = []
    for char in text:
        found = _SYLLABLES.get(char)
        if found is None:
            if char.isascii() or not _HAN.match(char):
                out.append(char)
                continue
            found = _SYLLABLES[char] = f" {anyascii(char)} "
        out.append(found)
    return "".join(out)


_SYLLABLES: dict[str, str] = {}
"""A Han character -> its syllable with a space either side, as :func:`_romanize_han` writes it: worked out once per
character (at most the 28,000 or so characters :data:`_HAN` covers, about 3 MB)."""


def latin(text: str) -> str:
    """A Latin-script key for any script: transliterate, then fold. Han becomes syllables, Uyghur is read as Uyghur
    (:mod:`threadline.names.uyghur`) and Burmese as Myanmar names are spelled (:mod:`threadline.names.burmese`).

    >>> latin("Мин Аунг Хлайн"), latin("陈全国")
    ('min aung khlayn', 'chen quan guo')
    """
    text = unicodedata.normalize("NFKC", text)
    han = _latin_of_han(text)
    if han is not None:
        return han
    text = _romanize_han(text)
    if text.isascii():  # (a Chinese name, once its characters are syllables): no Uyghur, no Myanmar, nothing to do
        return fold(text)
    return fold(anyascii(romanize_burmese(romanize_uyghur(text))))


def _latin_of_han(text: str) -> str | None:
    """:func:`latin` of text of Han characters alone, from each character's folded syllable; ``None`` for other
    text. :func:`_romanize_han` writes each character's syllable with a space either side, so folding the whole
    (case, separators, an apostrophe inside a word: nothing reaches past those spaces) gives the characters'
    folded syllables joined by single spaces, and each character's is worked out once."""
    out: list[str] = []
    for char in text:
        found = _FOLDED_SYLLABLES.get(char)
        if found is None:
            if char.isascii() or not _HAN.match(char):
                return None
            found = _FOLDED_SYLLABLES[char] = fold(_romanize_han(char))
        if found:
            out.append(found)
    return " ".join(out)


_FOLDED_SYLLABLES: dict[str, str] = {}
"""A Han character -> ``fold(_romanize_han(character))`` (:func:`_latin_of_han`), at most one entry per character
:data:`_HAN` covers."""


@dataclass(frozen=True, slots=True, init=False)
class NameKey:
    """Comparison forms of one name."""

    original: str
    folded: str
    """``fold(original)``, all legal forms kept."""
    core: str
    """The folded name without legal forms and list qualifiers: what identifies the party."""
    latin: str
    """``core`` transliterated to Latin letters (same as ``core`` for Latin names)."""
    removed: tuple[str, ...]
    """What was taken off to make ``core`` (legal forms, qualifiers), for explanations."""
    distinctive: str
    """``latin`` without :data:`GENERIC_WORDS` ("technology", "international"...); ``latin`` if nothing is left."""

    def __init__(
        self, original: str, folded: str, core: str, latin: str, removed: tuple[str, ...], distinctive: str
    ) -> None:
        # (written out, not made by ``dataclass``: compiled, the generated ``__init__`` still runs as Python, which
        # sets each field through ``object.__setattr__``, about 0.12 µs a field; this one sets them directly)
        object.__setattr__(self, "original", original)
        object.__setattr__(self, "folded", folded)
        object.__setattr__(self, "core", core)
        object.__setattr__(self, "latin", latin)
        object.__setattr__(self, "removed", removed)
        object.__setattr__(self, "distinctive", distinctive)


def _strip_han_forms(folded: str) -> tuple[str, list[str]]:
    removed: list[str] = []
    if folded.isascii():  # every form is written in characters: a Latin name ends with none
        return folded, removed
    for form in LEGAL_FORMS:
        if folded.endswith(form) and len(folded) > len(form) + 1:
            removed.append(form)
            folded = folded[: -len(form)].strip()
            break
    return folded, removed


@lru_cache(maxsize=1024)
def is_legal_form(word: str) -> bool:
    """Whether rigour reads a word on its own as a legal form ("pt", "sa", "ag")."""
    return not remove_org_types(word, replacement=" ").strip()


def join_initials(folded: str) -> str:
    """Three or more letters written with dots or spaces between them as one word: "a b c company" (A.B.C.
    Company) -> "abc company", "l x c aviation" -> "lxc aviation". Two are joined only when they spell a legal form
    ("p t astra" from P.T. Astra -> "pt astra", "s a" -> "sa"): otherwise they are more often a person's initials
    ("J. C. Juncker") than an acronym. A lone initial ("john f kennedy") stays as it is."""
    out: list[str] = []
    run: list[str] = []
    for word in [*folded.split(), ""]:
        if len(word) == 1 and word.isalpha() and word.isascii():
            run.append(word)
            continue
        joined = len(run) > 2 or (len(run) == 2 and is_legal_form("".join(run)))
        out.extend(["".join(run)] if joined else run)
        run = []
        if word:
            out.append(word)
    return " ".join(out)


def _strip_latin_forms(folded: str) -> tuple[str, list[str]]:
    removed: list[str] = []
    folded = join_initials(folded)
    # (the pattern needs one of its words: most names have none, and looking for them is cheaper than searching)
    qualifier = _QUALIFIERS.search(folded) if "and" in folded or "&" in folded or "including" in folded else None
    if qualifier:
        removed.append(qualifier.group(0))
        folded = folded[: qualifier.start()].strip()
    if " and " in folded:  # (what _AND_LETTERS needs; searching for it costs more than the rest of this)
        folded = _AND_LETTERS.sub(r"\1\2", folded)
    if " and " in f" {folded} ":  # "Procter and Gamble" = "Procter & Gamble" (the ampersand folds to a space)
        folded = " ".join(word for word in folded.split() if word != "and") or folded
    stripped = " ".join(remove_org_types(folded, replacement=" ").split())
    if stripped and stripped != folded:
        kept = set(stripped.split())
        removed.extend(token for token in folded.split() if token not in kept)
        folded = stripped
    words = folded.split()
    if len(words) > 1 and words[0] == "the":
        removed.append(words.pop(0))
    while len(words) > 1 and words[-1] in _TRAILING_FORMS:
        removed.append(words.pop())
    return " ".join(words), removed


_NAME_KEYS: Final[Memo[str, NameKey]] = Memo(200_000)


def name_key(name: str) -> NameKey:
    """Build the comparison forms of a name. Never returns an empty ``core`` for a non-empty name.

    >>> name_key("Hoshine Silicon Industry (Shanshan) Co., Ltd and subsidiaries").core
    'hoshine silicon industry shanshan'
    """
    found = _NAME_KEYS.table.get(name)
    return _NAME_KEYS.keep(name, _name_key(name)) if found is None else found


def _name_key(name: str) -> NameKey:
    folded = fold(_AMPERSAND_LETTERS.sub(r"\1\2", name) if "&" in name else name)
    core, removed_han = _strip_han_forms(folded)
    core, removed_latin = _strip_latin_forms(core)
    if not core:  # the whole name was a legal form ("Company Limited"): keep it
        core, removed_han, removed_latin = folded, [], []
    latin_core = digitise(latin(core) if not core.isascii() else core)
    return NameKey(
        original=name,
        folded=folded,
        core=core,
        latin=latin_core,
        removed=tuple(removed_han + removed_latin),
        distinctive=distinctive_words(latin_core),
    )


def distinctive_words(latin_key: str) -> str:
    """A name's Latin key without its generic words (:data:`GENERIC_WORDS`), or the whole key when every word is
    generic: :class:`NameKey`'s ``distinctive``, which the matcher also takes from a list name's Latin key alone."""
    return " ".join(word for word in latin_key.split() if word not in GENERIC_WORDS) or latin_key


def tokens(key: str) -> list[str]:
    """Blocking tokens of a key: words, and for Han text its character bigrams."""
    out: list[str] = []
    for word in key.split():
        if has_han(word) and len(word) > 1:
            out.extend(word[i : i + 2] for i in range(len(word) - 1))
        else:
            out.append(word)
    return out
