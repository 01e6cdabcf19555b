"""Acronyms of Latin organisation names: derive them, and recognise an acronym written for a full name.

Lists and supplier files write "XPCC" for "Xinjiang Production and Construction Corps" and "CETC" for "China
Electronics Technology Group Corporation". No spelling similarity links the two forms, so the acronym is derived:
the initials of the content words, function words ("and", "of") skipped, with and without the letters of a
trailing legal form ("Group Corporation" gives CET, CETG, CETC and CETGC; lists use any of them).

An acronym written *inside* a name ("XPCC Public Security Bureau") is expanded against the other name's words
before the two are compared, so the bureau matches "Xinjiang Production and Construction Corps Public Security
Bureau" and is only *related* to the Corps itself: the bureau's name says more than the Corps' name does.

Letters alone cannot tell two expansions with the same initials apart, so a derived acronym match scores just
above the match threshold and says so; an acronym the brand table knows for another name scores below it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from threadline.names.memo import Memo
from threadline.names.normalize import fold, is_legal_form

FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "de", "des", "du", "la", "le", "et"})
LEGAL_WORDS = frozenset(
    {
        "co",
        "company",
        "corp",
        "corporation",
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "llc",
        "plc",
        "group",
        "holding",
        "holdings",
        "jsc",
        "ojsc",
        "pjsc",
        "gmbh",
        "ag",
        "sa",
    }
)
"""Legal forms and group words: their letters are optional in an acronym (CETC and CET both stand for China
Electronics Technology Group Corporation), and they are ignored when the expanded names are compared."""
MIN_LETTERS = 2
MAX_LETTERS = 8
MIN_INDEXED = 3
"""Two-letter acronyms collide too often to open candidates; they still score when both names are compared."""
MAX_TAIL = 3
"""Trailing legal words whose letters may or may not appear (at most 2**3 variants per name)."""
_QUALIFIER = re.compile(
    r"\b(?:(?:and|including)\s+(?:its\s+)?(?:subsidiaries|subordinate|affiliates|affiliated)"
    r"|also known as|formerly known as|a k a|f k a)\b.*$"
)
_QUALIFIER_CASELESS = re.compile(_QUALIFIER.pattern, re.IGNORECASE)
_QUALIFIER_WORDS = ("subsidiaries", "subordinate", "affiliate", "known as", "a k a", "f k a")
"""A run of letters every match of :data:`_QUALIFIER` holds: a lower-case text holding none of them has no qualifier
to cut, and is not searched (most names; the search was a fifth of reading an acronym against a list name)."""
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}(?:[A-Za-z]\b)?")
_ASCII_APART = {code: " " for code in range(128) if not chr(code).isalnum()}
"""The ASCII characters :func:`_as_written` splits words at (all but letters and digits: ``_`` too), for
``str.translate``."""
_TOKEN = re.compile(r"[A-Za-z](?:\.?[A-Za-z])*\.?|[^\sA-Za-z]+")


def _undot(name: str) -> str:
    """Dotted abbreviations ("A.B.C.", "p.l.c.") as one word each: folding would split them into letters."""
    at = name.find(".")
    while at >= 0 and name[at + 2 : at + 3] != ".":  # a letter between two dots: none in "Co., Ltd."
        at = name.find(".", at + 1)
    if at < 0:
        return name
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)


@lru_cache(maxsize=100_000)
def _words(name: str) -> tuple[str, ...]:
    """Folded words of a Latin name without the list qualifier ("... and its subsidiaries")."""
    folded = fold(_undot(name))
    return tuple(_unqualified(folded).split())


def _unqualified(folded: str) -> str:
    """A folded name without its list qualifier."""
    return _QUALIFIER.sub("", folded) if any(word in folded for word in _QUALIFIER_WORDS) else folded


@lru_cache(maxsize=100_000)
def _first_letters(name: str) -> frozenset[str]:
    """The letters the words of ``name`` of two letters or more begin with: a run of its words spells only these
    (see :func:`_run_for`)."""
    return frozenset(w[0] for w in _words(name) if len(w) > 1)


def may_spell(short: str, full: str) -> bool:
    """Whether an acronym of ``short`` may spell a run of ``full``'s words: both names Latin, and one of its
    acronyms has only letters some word of ``full`` begins with. What :func:`expand` tests first, cheap enough to
    ask of every candidate before anything else is (most pairs a screened name meets end here). Whether both names
    are Latin is asked first: a Chinese name's tokens were looked for on every cross-script pair, to no end."""
    if not (short.isascii() and full.isascii()):
        return False
    tokens = acronym_tokens(short)
    if not tokens:
        return False
    initials = _first_letters(full)
    return any(initials.issuperset(letters) for letters in tokens)


@lru_cache(maxsize=100_000)
def _as_written(name: str) -> tuple[str, ...]:
    """The words of ``name`` in their own case, one per word of :func:`_words` (for explanations)."""
    undotted = _undot(name)
    if undotted.isascii():  # NFKC leaves it as it is, and the qualifier is looked for in lower case
        if any(word in undotted.lower() for word in _QUALIFIER_WORDS):
            undotted = _QUALIFIER_CASELESS.sub("", undotted)
        return tuple(undotted.translate(_ASCII_APART).split())
    spaced = unicodedata.normalize("NFKC", _QUALIFIER_CASELESS.sub("", undotted))
    return tuple(re.sub(r"[^\w]+|_", " ", spaced).split())


def _content(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in FUNCTION_WORDS and not w.isdigit()]


@lru_cache(maxsize=100_000)
def derive(name: str) -> frozenset[str]:
    """The acronyms (lower case) a full Latin name may be written as; empty for one-word or non-Latin names.

    >>> sorted(derive("China Electronics Technology Group Corporation"))
    ['cet', 'cetc', 'cetg', 'cetgc']
    """
    if not name.isascii():
        return frozenset()
    return _initials([w for w in _content(_words(name)) if w.isalpha()])


def _initials(content: list[str]) -> frozenset[str]:
    """The acronyms of folded content words (letters only): :func:`derive` once the name is split into them.
    ``content`` is consumed (its trailing legal words are moved off it)."""
    tail: list[str] = []
    while content and content[-1] in LEGAL_WORDS and len(tail) < MAX_TAIL:
        tail.insert(0, content.pop())
    if len(content) < 2:
        return frozenset()
    head = "".join(w[0] for w in content)
    found = {head}
    for mask in range(1, 1 << len(tail)):
        found.add(head + "".join(t[0] for i, t in enumerate(tail) if mask >> i & 1))
    return frozenset(a for a in found if MIN_LETTERS <= len(a) <= MAX_LETTERS)


_ACRONYM_TOKENS: Final[Memo[str, tuple[str, ...]]] = Memo(100_000)


def acronym_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a name written as an acronym: 2-8 capital letters ("XPCC", "X.P.C.C."), lower-cased."""
    found = _ACRONYM_TOKENS.table.get(name)
    return _ACRONYM_TOKENS.keep(name, _acronym_tokens(name)) if found is None else found


def _acronym_tokens(name: str) -> tuple[str, ...]:
    out = []
    for token in _TOKEN.findall(name):
        letters = token.replace(".", "")
        if letters.isalpha() and letters.isascii() and letters.isupper() and MIN_LETTERS <= len(letters) <= MAX_LETTERS:
            out.append(letters.lower())
    return tuple(out)


def is_acronym(name: str) -> bool:
    """Whether the whole name is one acronym ("XPCC", "C.E.T.C.")."""
    tokens = _TOKEN.findall(name.strip())
    return len(tokens) == 1 and bool(acronym_tokens(name))


WRITTEN = "acr:"
"""Key prefix of an acronym a name is written with ("XPCC", or inside "XPCC Public Security Bureau")."""
SPELLED = "ini:"
"""Key prefix of the initials of a name's words ("Xinjiang Production and Construction Corps" spells XPCC)."""


@lru_cache(maxsize=100_000)
def _written(name: str) -> tuple[str, ...]:
    """The acronyms a name is written with, as index keys go: in a name not written all in capitals (where every
    word would look like one), unless the whole name is one acronym. A legal form beside other words is not the
    name's acronym ("Skyworks Solutions LLC"): looked up among list names' initials, "LLC" opened 1,301 "Limited
    Liability Company ..." names as candidates for every such row, none of them the party. A whole name is kept
    whatever it spells (the alias "ASC" is also a legal form somewhere)."""
    if is_acronym(name):
        return tuple(a for a in acronym_tokens(name) if len(a) >= MIN_INDEXED)
    own = acronym_tokens(name) if name != name.upper() else ()
    return tuple(a for a in own if len(a) >= MIN_INDEXED and a not in LEGAL_WORDS and not is_legal_form(a))


@lru_cache(maxsize=100_000)
def _spelled(name: str) -> frozenset[str]:
    """The acronyms the initials of a name spell, of the whole name and of its leading runs of words
    ("Xinjiang Production and Construction Corps Public Security Bureau" also spells XPCC, so "XPCC Public Security
    Bureau" finds it)."""
    if not name.isascii():
        return frozenset()
    words = _content(_words(name))
    # Each leading run is already folded content words: its acronyms come from its letter words directly, without
    # joining and folding it again (that was most of the index build), unless the run could read as a list
    # qualifier once its function words are gone ("including the subsidiaries"): then as derive reads it.
    refold = _QUALIFIER.search(" ".join(words)) is not None
    spelled: set[str] = set()
    for end in range(MIN_INDEXED, min(len(words), MAX_LETTERS) + 1):
        run = derive(" ".join(words[:end])) if refold else _initials([w for w in words[:end] if w.isalpha()])
        spelled.update(a for a in run if len(a) >= MIN_INDEXED)
    return frozenset(spelled)


def index_keys(name: str) -> frozenset[str]:
    """Candidate keys a list name is indexed under: ``acr:xpcc`` for an acronym it is written with, ``ini:xpcc``
    for the acronyms its initials spell. A query looks the two up the other way round (:func:`query_keys`)."""
    return frozenset({*(WRITTEN + a for a in _written(name)), *(SPELLED + a for a in _spelled(name))})


def query_keys(name: str) -> frozenset[str]:
    """The keys a query looks up: its written acronyms among the initials of list names (XPCC finds "Xinjiang
    Production and Construction Corps"), and its own initials among the acronyms list names are written with. Two
    full names that merely share initials ("Samsung SDI Company" and "Shanghai Steel Corporation") are not looked
    up: no acronym links them, and at a million list names each three letters open thousands of candidates."""
    return frozenset({*(SPELLED + a for a in _written(name)), *(WRITTEN + a for a in _spelled(name))})


@dataclass(frozen=True, slots=True)
class Expansion:
    """How an acronym in one name reads against the other name's words."""

    acronym: str
    """As written, upper case."""
    expansion: str
    """The other name's words it stands for."""
    outcome: str
    """``same``: nothing else differs; ``related``: one name is the other plus more words (an agency and its
    bureau); ``different``: other words differ too."""
    extra: tuple[str, ...] = ()
    """The words only one side has (for ``related`` and ``different``)."""


def _run_for(letters: str, words: Sequence[str]) -> tuple[int, int] | None:
    """``(start, end)`` of a run of ``words`` whose initials spell ``letters``: at least two content words, legal
    words optional at the run's end (CETC and CET both read "China Electronics Technology Group Corporation"),
    one-letter words never; the longest such run from the earliest start."""
    for start, first in enumerate(words):
        if first in FUNCTION_WORDS or first[0] != letters[0] or len(first) < 2:
            continue
        pos, end, best, content = 0, start, None, 0
        while end < len(words) and pos <= len(letters):
            word = words[end]
            end += 1
            if word in FUNCTION_WORDS:
                continue
            if pos < len(letters) and word[0] == letters[pos] and len(word) > 1:
                pos += 1
                content += word not in LEGAL_WORDS
                if pos == len(letters) and content >= 2:  # "BD plc" is no expansion of BP
                    best = end
            elif word in LEGAL_WORDS and pos == len(letters):
                best = end  # "Group" left out of CETC
            else:
                break
        if best is not None:
            return start, best
    return None


def _significant(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in FUNCTION_WORDS and w not in LEGAL_WORDS]


@lru_cache(maxsize=100_000)
def _spelled_run(letters: str, full: str) -> tuple[tuple[str, ...], tuple[str, ...], int, int] | None:
    """The words of ``full`` an acronym is read against and their written forms, and ``(start, end)`` of the run of
    them ``letters`` spells (:func:`_run_for`); ``None`` when none does. Remembered: it depends on the letters and
    the full name only, and the same few ("LLC" read against every "Limited Liability Company ...") come back for
    many pairs (58,394 searches for 3,307 distinct on 3,000 screened rows)."""
    words = _words(full)
    written = _as_written(full)
    if len(written) != len(words):
        written = words
    if letters in words:  # "... Corps (XPCC)": the acronym written beside its expansion is not one of its words
        kept = [at for at, word in enumerate(words) if word != letters]
        words, written = tuple(words[at] for at in kept), tuple(written[at] for at in kept)
    run = _run_for(letters, words)
    return None if run is None else (words, written, *run)


def expand(short: str, full: str) -> Expansion | None:
    """Read the acronym(s) of ``short`` against the words of ``full``; ``None`` when no acronym of ``short``
    spells a run of ``full``'s words. Both names Latin."""
    if not (short.isascii() and full.isascii()) or not acronym_tokens(short):
        return None
    all_words = _words(full)
    initials = _first_letters(full)
    # A letter no word of two letters or more begins with: no run spells it (see _run_for). Tested first, before
    # either name is split further: most pairs the matcher asks about end here.
    spelled = [letters for letters in acronym_tokens(short) if initials.issuperset(letters)]
    if not spelled:
        return None
    short_words = _words(short)
    for letters in spelled:
        if letters in short_words and all_words[:1] == (letters,) and len(all_words) > 1:
            continue  # both lead with the acronym ("XPCC" vs "XPCC Public Security Bureau"): compare as names
        found = _spelled_run(letters, full)
        if found is None:
            continue
        full_words, written, start, end = found
        expanded = [w for w in short_words if w != letters]
        at = short_words.index(letters) if letters in short_words else 0
        expanded[at:at] = full_words[start:end]
        mine = _significant(expanded)
        theirs = _significant(full_words)
        only_mine = [w for w in mine if w not in theirs]
        only_theirs = [w for w in theirs if w not in mine]
        if not only_mine and not only_theirs:
            outcome = "same"
        elif not only_mine or not only_theirs:
            outcome = "related"
        else:
            outcome = "different"
        text = " ".join(written[start:end])
        return Expansion(letters.upper(), text, outcome, tuple(only_mine + only_theirs))
    return None


def significant(text: str) -> list[str]:
    """The words of a Latin name that say which party it is (function words and legal forms dropped)."""
    return _significant(_words(text))
