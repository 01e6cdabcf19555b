"""Uyghur written in its Arabic-based script, romanised the way Uyghur names are spelled in Latin letters.

Uyghur names reach the lists in Latin letters (Erkin Tuniyaz, Shohrat Zakir, Ilham Tohti), but documents, company
registers and supplier records from the Uyghur Region write them in the Uyghur Arabic script (ئەركىن تۇنىياز). Unlike
Arabic, that script writes every vowel, so a letter-by-letter reading gives the name back, if it is Uyghur's reading:
a general transliteration reads ى as Arabic's alif maqsura ("a") where Uyghur means i, and drops the hamza that only
carries a word's first vowel. :func:`romanize` reads a text that shows itself Uyghur (:func:`is_uyghur`) by the
Uyghur Latin alphabet (ULY), written without diacritics (ö = o, ü = u, ë = e), with x written "kh" as English
spellings do (Tokhti); other text is left as it is.
"""

from __future__ import annotations

import re

UYGHUR_ONLY = frozenset("\u06d5\u06c7\u06c6\u06c8\u06d0\u06cb\u06ad")
"""ە ۇ ۆ ۈ ې ۋ ڭ: the vowel letters and ng that Arabic and Persian do not have. A word with one is Uyghur."""
LETTERS = {
    "\u0626": "",  # ئ: carries a vowel that begins a syllable
    "\u0627": "a",
    "\u06d5": "e",
    "\u0628": "b",
    "\u067e": "p",
    "\u062a": "t",
    "\u062c": "j",
    "\u0686": "ch",
    "\u062e": "kh",
    "\u062f": "d",
    "\u0631": "r",
    "\u0632": "z",
    "\u0698": "zh",
    "\u0633": "s",
    "\u0634": "sh",
    "\u063a": "gh",
    "\u0641": "f",
    "\u0642": "q",
    "\u0643": "k",
    "\u06af": "g",
    "\u06ad": "ng",
    "\u0644": "l",
    "\u0645": "m",
    "\u0646": "n",
    "\u06be": "h",
    "\u0647": "h",
    "\u0648": "o",
    "\u06c7": "u",
    "\u06c6": "o",
    "\u06c8": "u",
    "\u06cb": "w",
    "\u06d0": "e",
    "\u0649": "i",
    "\u064a": "y",
    "\u06cc": "y",
}
"""Uyghur Arabic-script letter -> its Latin spelling (ULY without diacritics)."""
_WORD = re.compile(r"[\u0600-\u06ff]+")


def is_uyghur(text: str) -> bool:
    """Whether Arabic-script ``text`` is Uyghur: it has a letter only Uyghur (and its neighbours) uses, or a word
    that begins with the hamza-carrier ئ, as every Uyghur word beginning with a vowel does (Arabic does not)."""
    return any(ch in UYGHUR_ONLY for ch in text) or any(word.startswith("\u0626") for word in _WORD.findall(text))


def romanize(text: str) -> str:
    """``text`` with its Arabic-script words in Latin letters when the text is Uyghur (ئەركىن تۇنىياز -> "erkin
    tuniyaz"): a name's words are read one way. Arabic, Persian and other text is returned unchanged."""
    if not _WORD.search(text) or not is_uyghur(text):
        return text
    return _WORD.sub(lambda m: "".join(LETTERS.get(ch, ch) for ch in m.group()), text)
