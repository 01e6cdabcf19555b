"""Burmese names written in the Myanmar script, romanised the way Myanmar names are spelled in Latin letters.

The lists spell the Myanmar military's officers and companies in Latin letters (Min Aung Hlaing, Soe Win, Myanma
Economic Holdings), by the usual romanisation of names, which follows the sound, not the letters: မင်းအောင်လှိုင်
is "Min Aung Hlaing". A letter-by-letter transliteration gives "mn'eanlhiun", which resembles nothing. :func:`romanize`
reads each syllable (an initial consonant, its medials, its vowel signs, a final consonant killed by asat, tone marks)
and spells it as names are spelled: medial ya/ra as y (မြ "Mya", ကျော် "Kyaw"), ha-htoe before the consonant (လှ
"Hla"), the rhymes as they sound (ိုင် "aing", ောင် "aung", ိန် "ein", ို "o", ော် "aw"), a creaky nasal with its
"t" (မြင့် "Myint", သန့် "Thant"). It is a reading for comparison, not a standard transcription.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INITIALS = {
    "က": "k", "ခ": "kh", "ဂ": "g", "ဃ": "g", "င": "ng", "စ": "s", "ဆ": "s", "ဇ": "z", "ဈ": "z", "ည": "ny", "ဋ": "t",
    "ဌ": "ht", "ဍ": "d", "ဎ": "d", "ဏ": "n", "တ": "t", "ထ": "ht", "ဒ": "d", "ဓ": "d", "န": "n", "ပ": "p", "ဖ": "ph",
    "ဗ": "b", "ဘ": "b", "မ": "m", "ယ": "y", "ရ": "y", "လ": "l", "ဝ": "w", "သ": "th", "ဟ": "h", "ဠ": "l", "အ": "",
    "ဿ": "th",
}  # fmt: skip
_INDEPENDENT = {"ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "u", "ဧ": "e", "ဩ": "aw", "ဪ": "aw"}
_FINALS = {
    "က": "k", "င": "ng", "စ": "c", "ည": "ny", "ဉ": "ny", "တ": "t", "ဋ": "t", "န": "n", "ဏ": "n", "ပ": "p", "မ": "m",
    "ယ": "y", "ဝ": "w", "လ": "n", "ဒ": "t", "ဂ": "k", "ဗ": "p", "ဘ": "p", "ဇ": "c", "သ": "t", "ရ": "n", "ဓ": "t",
    "ဆ": "c", "ခ": "k", "ဖ": "p", "ဿ": "t",
}  # fmt: skip
"""A consonant closing a syllable (asat, or stacked under the next): the sound class it gives the rhyme."""
_ASAT, _VIRAMA, _DOT, _VISARGA, _ANUSVARA = "\u103a", "\u1039", "\u1037", "\u1038", "\u1036"
_YA, _RA, _WA, _HA = "\u103b", "\u103c", "\u103d", "\u103e"
_E, _AA, _TALL_AA, _I, _II, _U, _UU, _AI = (
    "\u1031",
    "\u102c",
    "\u102b",
    "\u102d",
    "\u102e",
    "\u102f",
    "\u1030",
    "\u1032",
)
_RHYMES = {
    ("a", ""): "a", ("a", "k"): "et", ("a", "ng"): "in", ("a", "c"): "it", ("a", "ny"): "i", ("a", "t"): "at",
    ("a", "n"): "an", ("a", "p"): "at", ("a", "m"): "an", ("a", "y"): "e", ("a", "w"): "aw",
    ("o", ""): "o", ("o", "k"): "aik", ("o", "ng"): "aing", ("o", "n"): "on", ("o", "m"): "on",
    ("aw", ""): "aw", ("aw", "k"): "auk", ("aw", "ng"): "aung",
    ("i", ""): "i", ("i", "t"): "eik", ("i", "p"): "eik", ("i", "n"): "ein", ("i", "m"): "ein", ("i", "k"): "eik",
    ("u", ""): "u", ("u", "t"): "ok", ("u", "p"): "ok", ("u", "n"): "on", ("u", "m"): "on", ("u", "k"): "ok",
    ("e", ""): "ay", ("ai", ""): "e",
}  # fmt: skip
"""(vowel, final) -> how names spell the rhyme."""
_WORD = re.compile(r"[\u1000-\u109f]+")


@dataclass(slots=True)
class _Syllable:
    initial: str
    medials: str = ""
    vowels: str = ""
    final: str = ""
    creaky: bool = False


def romanize(text: str) -> str:
    """``text`` with its Myanmar-script words spelled in Latin letters, one word per syllable (မင်းအောင်လှိုင် -> "min
    aung hlaing"); other text unchanged."""
    if not _WORD.search(text):
        return text
    return re.sub(r"\s+", " ", _WORD.sub(lambda m: f" {_spell_word(m.group())} ", text)).strip()


def _spell_word(word: str) -> str:
    """The syllables of a word spelled apart; ဦး is the honorific "U" first and the name part "Oo" later (U Win
    Myint, Ye Win Oo)."""
    spelled = [_spell(s) for s in _syllables(word)]
    return " ".join(
        "oo" if at and part == "u" and s.initial == "ဦ" else part
        for at, (part, s) in enumerate(zip(spelled, _syllables(word), strict=True))
    )


def _syllables(word: str) -> list[_Syllable]:
    out: list[_Syllable] = []
    i = 0
    while i < len(word):
        ch = word[i]
        dotted = word[i + 1 : i + 2] == _DOT  # the dot below is stored before the asat: င့် is င, ့, ်
        after = word[i + 1 + dotted : i + 2 + dotted]
        if ch in _INITIALS and after in (_ASAT, _VIRAMA) and out:
            out[-1].final = out[-1].final or _FINALS.get(ch, "")  # a consonant killed closes the syllable before
            out[-1].creaky = out[-1].creaky or dotted
            i += 2 + dotted
            continue
        if ch in _INITIALS or ch in _INDEPENDENT:
            out.append(_Syllable(ch))
        elif out and ch in (_YA, _RA, _WA, _HA):
            out[-1].medials += ch
        elif out and ch in (_E, _AA, _TALL_AA, _I, _II, _U, _UU, _AI):
            out[-1].vowels += ch
        elif out and ch == _ANUSVARA:
            out[-1].final = out[-1].final or "m"
        elif out and ch == _DOT:
            out[-1].creaky = True
        i += 1
    return out


def _spell(s: _Syllable) -> str:
    if s.initial in _INDEPENDENT:
        return _INDEPENDENT[s.initial]
    onset = _onset(s.initial, s.medials)
    vowel = _vowel(s.vowels)
    final = s.final
    if _WA in s.medials and vowel == "a" and final in ("n", "m", "t", "p"):
        onset, vowel = onset.removesuffix("w"), "u"  # ထွန်း "Htun", ထွတ် "Htut"
    rhyme = _RHYMES.get((vowel, final)) or _RHYMES.get((vowel, "")) or "a"
    if _WA in s.medials and vowel == "u":
        rhyme = {"on": "un", "ok": "ut"}.get(rhyme, rhyme)
    if vowel == "e" and _WA in s.medials:
        rhyme = "e"  # ရွှေ "Shwe", ဆွေ "Swe"
    if s.creaky and final in ("n", "ng", "m"):
        rhyme += "t"  # မြင့် "Myint", သန့် "Thant"
    return onset + rhyme


def _onset(initial: str, medials: str) -> str:
    base = _INITIALS.get(initial, "")
    if (_HA in medials and initial in "ရယ") or (_HA in medials and _YA in medials and initial == "လ"):
        return "sh" + ("w" if _WA in medials else "")  # ရှ, ယှ, လျှ "sh"
    if _YA in medials or _RA in medials:
        base = {"k": "ky", "kh": "ch", "g": "gy", "l": "ly"}.get(base, base + "y")
    if _HA in medials:
        base = "h" + base  # လှ "hl", မှ "hm", နှ "hn"
    if _WA in medials:
        base += "w"
    return base


def _vowel(signs: str) -> str:
    if _E in signs:
        return "aw" if _AA in signs or _TALL_AA in signs else "e"
    if _I in signs and _U in signs:
        return "o"
    if _I in signs or _II in signs:
        return "i"
    if _U in signs or _UU in signs:
        return "u"
    if _AI in signs:
        return "ai"
    return "a"
