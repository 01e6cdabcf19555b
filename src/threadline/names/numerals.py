"""Small numbers written as English words or as digits are one name.

Lists and supplier masters write the same party both ways: "Brigade Forty-Four" and "Brigade 44", "First
International Bank" and "1st International Bank", "Three Percenters" and "3 Percenters". A Latin key writes every
number word from zero to ninety-nine in digits, ordinals with their suffix: "44", "1st". Digits are the form to
keep, not words: two names that differ by a number ("Snow Storm 1" and "Snow Storm 2", often a series that lists
treat as one) then differ by one character, as they do when written with digits.

The glossary and the general dictionary write their English terms the same way (第一师 = "1st division"), so the
aligner meets the same words on both sides. The table is built here rather than with text2num or num2words: the
rule is two dozen words, and num2words loads its fifty languages on import (about 40 ms, measured), which a cold
``threadline match`` would pay.
"""

from __future__ import annotations

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TEN_ORDINALS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]

CARDINALS = {word: number for number, word in enumerate(_UNITS)}
TENS = {word: 20 + 10 * i for i, word in enumerate(_TENS)}
ORDINALS = {word: number for number, word in enumerate(_UNIT_ORDINALS)} | {
    word: 20 + 10 * i for i, word in enumerate(_TEN_ORDINALS)
}
_NUMBER_WORDS = frozenset(CARDINALS) | frozenset(TENS) | frozenset(ORDINALS)


def ordinal(number: int) -> str:
    """A number with its English ordinal suffix.

    >>> ordinal(1), ordinal(12), ordinal(22), ordinal(43)
    ('1st', '12th', '22nd', '43rd')
    """
    suffix = "th" if 10 <= number % 100 <= 19 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _unit(word: str) -> int | None:
    """A word that can follow a tens word ("four" or "4" after "forty"), as its value 1..9."""
    number = CARDINALS.get(word, int(word) if word.isdigit() and len(word) == 1 else None)
    return number if number is not None and 1 <= number <= 9 else None


def digitise(folded: str) -> str:
    """Number words of a folded name as digits; a name without any is returned unchanged.

    >>> digitise("brigade forty four"), digitise("brigade forty 4"), digitise("first international bank")
    ('brigade 44', 'brigade 44', '1st international bank')
    >>> digitise("twenty first century"), digitise("capital one"), digitise("hundred flowers")
    ('21st century', 'capital 1', 'hundred flowers')
    """
    words = folded.split()
    if not _NUMBER_WORDS.intersection(words):
        return folded
    out: list[str] = []
    at = 0
    while at < len(words):
        word, after = words[at], words[at + 1] if at + 1 < len(words) else ""
        at += 1
        if word in TENS:
            if (unit := _unit(after)) is not None:
                out.append(str(TENS[word] + unit))
                at += 1
            elif after in ORDINALS and 1 <= ORDINALS[after] <= 9:
                out.append(ordinal(TENS[word] + ORDINALS[after]))
                at += 1
            else:
                out.append(str(TENS[word]))
        elif word in CARDINALS:
            out.append(str(CARDINALS[word]))
        elif word in ORDINALS:
            out.append(ordinal(ORDINALS[word]))
        else:
            out.append(word)
    return " ".join(out)
