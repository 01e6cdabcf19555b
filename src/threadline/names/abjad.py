"""Persons' names in Arabic script against names in Latin letters, compared by their consonants.

Arabic script does not write short vowels: محمد علي is "mhmd ly" letter by letter, while the lists say "Mohammed
Ali", "Muhammad Ali" or "Mohamed Aly". A transliteration leaves the two far apart (0.18 by the parts' closeness), so
both names are reduced to a *skeleton* that either script writes the same way: the consonants, each written one way
(ق, ك and Latin q, k, c -> k; ش and "sh" -> one letter; ث and "th" -> t), without vowels, without the letters that
stand for long vowels (ا, و, ي inside a word; Latin y and w there), without the article (ال, "al-", "el-"), with
doubled letters written once and a word's final h dropped (فاطمة, "Fatimah"). عبد ("Abd", "Abdul") is joined with
the next word and الله with the one before, as Latin spellings do (عبد الله = "Abdullah", نصر الله = "Nasrallah").
محمد علي and "Mohammed Ali" are both "mhmd l".

A skeleton says less than a spelling, so a name compared this way is capped at :data:`CONSONANT_CAP`: enough to match,
and the explanation says how it was compared. Uyghur, written in the same script with every vowel, is read as Uyghur
instead (:mod:`threadline.names.uyghur`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from threadline.names.normalize import collapse_runs
from threadline.names.uyghur import is_uyghur

CONSONANT_CAP = 0.9
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_LETTERS = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
    "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "پ": "p", "چ": "C", "ژ": "z", "گ": "g", "ک": "k", "ی": "y",
}  # fmt: skip
"""Arabic and Persian consonant letters -> the skeleton's letter; alif, hamza, ayn, ta marbuta and alif maqsura
write none (vowels and sounds Latin spellings leave out)."""
_LATIN_DIGRAPHS = (("sh", "S"), ("ch", "C"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                   ("dj", "j"), ("ck", "k"), ("ou", "u"))  # fmt: skip
_LATIN_LETTERS = str.maketrans({"q": "k", "x": "k", "v": "w"})
"""Latin c stays c: it is k in "Faycal" and s in "Lounici"; ch is sh in French spellings ("Akkacha") and ch in
English ones. The skeletons' comparison takes both as near letters (``matching.persons.NEAR_LETTERS``)."""
ARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "ur", "ud", "ed", "er", "es"})
"""Latin spellings of the article, written apart ("al-Hassan", "as-Sayyid")."""
_VOWEL = re.compile("[aeiou]")
_ABD = re.compile(r"^ab(?:doul|dul|del|dal|dol|d)(?=.)")
_ALLAH = frozenset({"allah", "ullah", "ollah", "illah"})
"""The name of God after another word, written apart or joined (Nasr Allah, Nasrallah): joined here."""
_ABD_WORD = re.compile(r"^ab(?:doul|dul|del|dal|dol|d)$")
""""Abd", "Abdul", "Abdel"...: "servant of", written apart from the name it belongs to or joined with it."""


def is_abjad(text: str) -> bool:
    """Whether ``text`` is written in Arabic script without its vowels: Arabic, Persian, Urdu, not Uyghur."""
    return bool(ARABIC.search(text)) and not is_uyghur(text)


def _squeeze(skeleton: str) -> str:
    """Doubled letters once, the final h dropped; the first letter kept even when it stands for a vowel sound."""
    out = collapse_runs(skeleton)
    return out[:-1] if len(out) > 1 and out.endswith("h") else out


_JOINED_BEFORE_ARTICLE = frozenset({"عبد", "ابو", "أبو", "بو"})
"""Words often written joined to an article-led name that follows: عبدالله, أبوالفضل."""


def _inner(letters: str) -> str:
    """Long-vowel letters (w, y) dropped except at the start of a word, where they are consonants (Yusuf, Walid)."""
    return letters[:1] + letters[1:].replace("w", "").replace("y", "")


@lru_cache(maxsize=10_000)
def arabic_skeletons(text: str) -> tuple[str, ...]:
    """The consonant skeletons of the Arabic-script words of a name, article dropped, عبد joined to the next word."""
    found = [piece for word in _ARABIC_WORD.findall(unicodedata.normalize("NFKC", text)) for piece in _split(word)]
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in found]
    out: list[str] = []
    for i, word in enumerate(words):
        if (i and words[i - 1] == "عبد") or (i and found[i] == "الله"):
            continue
        whole = word + (words[i + 1] if word == "عبد" and i + 1 < len(words) else "")
        whole += "له" if i + 1 < len(found) and found[i + 1] == "الله" and word != "عبد" else ""
        letters = "".join(_LETTERS.get(ch, "") for ch in whole)
        if letters and letters[0] in "wy" and whole[0] not in "وي":
            letters = letters[1:]  # عيسى: the y after a silent ayn is the long vowel of "Isa", not a consonant
        if letters:
            out.append(_squeeze(_inner(letters)))
    return tuple(out)


def _split(word: str) -> list[str]:
    """A word written joined with an article inside it split in two: عبدالحليم -> عبد, الحليم (as "Abd al-Halim")."""
    at = word.find("ال", 2)
    if at > 0 and word[:at] in _JOINED_BEFORE_ARTICLE and len(word) - at > 3:
        return [word[:at], word[at:]]
    return [word]


@lru_cache(maxsize=100_000)
def latin_skeleton(word: str) -> str:
    """The consonant skeleton of one folded Latin word (mohammed -> "mhmd", abdullah -> "bdlh", yusuf -> "ysf")."""
    abd = _ABD.match(word)
    if abd:  # "abd" and the rest apart: "abdelhalim" must not read the "dh" of "abd" + "halim"
        return _squeeze("bd" + latin_skeleton(word[abd.end() :]))
    for digraph, letter in _LATIN_DIGRAPHS:
        word = word.replace(digraph, letter)
    word = word.translate(_LATIN_LETTERS)
    first, rest = word[:1], _VOWEL.sub("", word[1:])
    if first in "aeiou":
        first = ""
    return _squeeze(_inner(first + rest))


@lru_cache(maxsize=10_000)
def latin_skeletons(latin: str) -> tuple[str, ...]:
    """The skeletons of a folded Latin name's words, articles dropped, "abd" joined to the next word."""
    words = [w for w in latin.split() if w not in ARTICLES]
    out: list[str] = []
    for i, word in enumerate(words):
        if (i and _ABD_WORD.match(words[i - 1])) or (i and words[i] in _ALLAH):
            continue
        if _ABD_WORD.match(word) and i + 1 < len(words):
            skeleton = _squeeze("bd" + latin_skeleton(words[i + 1]))
        else:
            allah = i + 1 < len(words) and words[i + 1] in _ALLAH
            skeleton = _squeeze(latin_skeleton(word) + ("l" if allah else ""))
        if skeleton:
            out.append(skeleton)
    return tuple(out)
