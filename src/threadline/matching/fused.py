"""Latin words written together that the aligner should read apart: "XIZANGTIANLUCO" (西藏天路), "Petrochina"
(中国石油), "Optotech" (光电技术), "Lionhead" (狮头).

A word is split only into pieces that this Chinese name explains, each a *block*: the pinyin of a run of its
characters written together ("xizang", "tianlu"), a translation of one of its spans from the glossary or the
general dictionary ("lion" for 狮, "head" for 头), or the first letters (four or more) of a one-word translation of
six or more letters of a term of two or more characters ("petro" of "petroleum" for 石油, "opto" of
"optoelectronics" for 光电; one character's meaning is too loose a reading to shorten: "tech" is not 术's
"technique" in "Techgroup"); a legal form may end the
word ("co"). The blocks must cover the whole word and read disjoint spans of the name. What comes back are the words
the aligner already knows (the run's pinyin, the translation's words), put in the order of the characters they read,
so the split word is aligned by the same evidence as if it had been written apart; a word the name cannot cover is
left as it is. Another company's fused brand rarely splits wholly into this name's readings.
"""

from __future__ import annotations

from typing import Final

from threadline.matching.align import MAX_SPAN, packaged_beginnings
from threadline.names.glossary import Glossary, dictionary, english_words, glossary, short_beginnings
from threadline.names.glossary import beginnings as key_beginnings
from threadline.names.han import readings, spells_pinyin
from threadline.names.memo import Once
from threadline.names.normalize import GENERIC_WORDS

MIN_FUSED = 6
"""Fewest letters of a word worth splitting: shorter ones are a syllable or two, which the aligner reads already."""
MIN_PREFIX = 4
"""Fewest first letters of a translation that stand for it ("tech", "opto"; not "bio" unless a translation itself)."""
MIN_ABBREVIATED = 6
"""Fewest letters of a translation that a piece may abbreviate: "technology", "petroleum"; not "steel"."""
MAX_GLOSSED_SPAN = 6
"""Longest span looked up in the glossary and the dictionary (高温合金 and longer terms)."""

LEGAL_ENDINGS = frozenset({"co", "ltd", "corp", "inc", "company", "limited", "corporation", "group"})
"""What may end a name written together ("XIZANGTIANLUCO"): read as the legal form, dropped."""

Block = tuple[int, int, tuple[str, ...], bool]
"""A piece of a fused word: the span it reads (start, characters), the words the aligner is given for it, and
whether it is pinyin."""

Vocabulary = tuple[dict[str, list[Block]], tuple[Block, ...]]
"""What a fused word may be made of for one name: its readings and translations by letter string, and the blocks of
one-word translations long enough to be abbreviated (looked for in each word, not spelled out in every length)."""


def vocabulary(han: str, within: str | None = None) -> Vocabulary:
    """Every letter string a piece of a fused word may be for ``han`` (a company's Chinese core), with the blocks it
    reads: pinyin runs of up to :data:`~threadline.matching.align.MAX_SPAN` characters (any reading of a single
    character) and translations of spans (joined); and the blocks whose one-word translation may be abbreviated.
    By the packaged tables (:func:`vocabulary_of`); ``within``: only what may serve to split that word, which is all
    :func:`split_word` asks for. Not remembered: a name's whole vocabulary was 13 kB, and one word's part is cheap
    to make again."""
    return vocabulary_of(han, glossary(), short_beginnings(), _packaged_prefixes(), within)


_PREFIXES: Final[Once[list[frozenset[str]]]] = Once()


def _packaged_prefixes() -> list[frozenset[str]]:
    """The runs of characters that begin a longer key of the packaged glossary, of the general dictionary and of the
    short beginnings (:func:`~threadline.names.glossary.beginnings`, each table's own set: the dictionary's is read
    with its parse, and merging them made a set of 35,000 runs): a span that is in none begins no key."""
    found = _PREFIXES.value
    if found is None:
        found = _PREFIXES.keep(
            [packaged_beginnings(), key_beginnings(dictionary()), key_beginnings(short_beginnings())]
        )
    return found


def _begins_key(span: str, prefixes: list[frozenset[str]]) -> bool:
    """Whether ``span`` is in one of ``prefixes`` (compiled as a loop)."""
    return any(span in runs for runs in prefixes)


def vocabulary_of(
    han: str,
    terms: Glossary,
    beginnings: Glossary | None = None,
    prefixes: list[frozenset[str]] | None = None,
    within: str | None = None,
) -> Vocabulary:
    """:func:`vocabulary` with ``terms`` as the glossary (``scripts/build_shortforms.py`` reads names with the glossary
    before its short forms are added), and ``beginnings``, short forms that stand for a span only inside a word
    ("sino" for 中: :func:`~threadline.names.glossary.short_beginnings`), each giving the aligner the span's first
    translation ("sinosteel" = china steel) and none when the span has no translation. ``prefixes``: the runs of
    characters that begin a longer key of ``terms``, of the dictionary and of ``beginnings``, when known: the spans
    from a character are looked up only while they are such a run (a key of ``k + 1`` characters begins with one of
    ``k``), so the spans left out would find nothing.

    ``within``: only what may serve to split that word, the blocks whose letter string is part of it and the long
    translations whose first :data:`MIN_PREFIX` letters are (:func:`split_word` asks for nothing else of a
    vocabulary); a pinyin run that is not part of it is not extended. Of the 906 fused-word look-ups of the
    benchmark's pass, 18 could be spelled by the name's pieces at all, and laying out each name's whole vocabulary
    for them was 3-4 % of scoring the pairs (13 kB a name kept)."""
    found: dict[str, list[Block]] = {}
    long: list[Block] = []
    spelled = readings(han)
    general = dictionary()
    n = len(han)
    everything = within is None
    word = "" if within is None else within
    for start in range(n):
        for reading in spelled[start]:
            if everything or reading in word:
                found.setdefault(reading, []).append((start, 1, (reading,), True))
        run = spelled[start][0]
        for k in range(2, min(MAX_SPAN, n - start) + 1):
            if not (everything or run in word):
                break  # (a longer run begins with this one: not part of the word either)
            run += spelled[start + k - 1][0]
            if everything or run in word:
                found.setdefault(run, []).append((start, k, (run,), True))
        top = min(MAX_GLOSSED_SPAN, n - start)
        for k in range(1, top + 1):
            span = han[start : start + k]
            for table in (terms, general):
                for phrase in table.get(span, ()):
                    block = (start, k, phrase, False)
                    letters = "".join(phrase)
                    if everything or letters in word:
                        found.setdefault(letters, []).append(block)
                    if (
                        k >= 2
                        and len(phrase) == 1
                        and len(phrase[0]) >= MIN_ABBREVIATED
                        and (everything or phrase[0][:MIN_PREFIX] in word)
                    ):
                        long.append(block)
            if prefixes is not None and not _begins_key(span, prefixes):
                break
        if not beginnings:
            continue
        for k in range(1, top + 1):
            span = han[start : start + k]
            for form in beginnings.get(span, ()):
                letters = "".join(form)
                if not (everything or letters in word):
                    continue
                meaning = _first_meaning(span, terms, general)
                if meaning is not None:
                    found.setdefault(letters, []).append((start, k, meaning, False))
            if prefixes is not None and not _begins_key(span, prefixes):
                break
    return found, tuple(long)


def _first_meaning(span: str, terms: Glossary, general: Glossary) -> tuple[str, ...] | None:
    """The span's first rendering in ``terms``, else in ``general``, else ``None``."""
    for table in (terms, general):
        for phrase in table.get(span, ()):
            return phrase
    return None


def split_word(han: str, word: str, terms: Glossary | None = None) -> tuple[str, ...]:
    """The words ``word`` stands for when it is written together from pieces of ``han`` (module doc), in the order
    of the characters they read; ``()`` when it is not (too short, a reading of one span as it is, or no cover).
    ``terms``: another glossary than the packaged one (read without remembering)."""
    if len(word) < MIN_FUSED or not word.isalpha() or word in english_words() or spells_pinyin(word):
        return ()
    spellings, long = vocabulary(han, word) if terms is None else vocabulary_of(han, terms, within=word)
    if word in spellings:
        return ()
    pieces = _with_abbreviations(word, spellings, long)
    cover = _cover(word, pieces, han)
    if not cover:
        return ()
    return tuple(w for block in sorted(cover) for w in block[2])


def _with_abbreviations(
    word: str, spellings: dict[str, list[Block]], long: tuple[Block, ...]
) -> dict[str, list[Block]]:
    """``spellings`` with the abbreviations of ``long``'s translations that occur in ``word`` ("petro" in
    "petrochina" for 石油's "petroleum"): their first :data:`MIN_PREFIX` or more letters, shorter than the word."""
    found: dict[str, list[Block]] = {}
    for block in long:
        whole = block[2][0]
        at = word.find(whole[:MIN_PREFIX])
        while at >= 0:
            end = at + MIN_PREFIX
            while True:
                found.setdefault(word[at:end], []).append(block)
                if end >= len(word) or end - at >= len(whole) - 1 or word[end] != whole[end - at]:
                    break
                end += 1
            at = word.find(whole[:MIN_PREFIX], at + 1)
    if not found:
        return spellings
    merged = dict(spellings)
    for piece, blocks in found.items():
        merged[piece] = [*merged.get(piece, []), *blocks]
    return merged


def _cover(word: str, pieces: dict[str, list[Block]], han: str) -> list[Block]:
    """The fewest blocks reading disjoint spans that spell ``word`` (a legal form may end it), at least one of them
    distinctive (:func:`_distinctive`: "Techand" is no technology company's name), else ``[]``."""
    ends = _ends(word, pieces)
    if not ends[0]:
        return []
    best: list[Block] = []

    def search(at: int, used: frozenset[int], taken: list[Block]) -> None:
        nonlocal best
        if best and len(taken) + 1 >= len(best):
            return
        for end in range(len(word), at, -1):
            piece = word[at:end]
            if end == len(word) and taken and piece in LEGAL_ENDINGS and any(_distinctive(b, han) for b in taken):
                best = list(taken)
                return
            if end < len(word) and not ends[end]:
                continue
            for block in pieces.get(piece, ()):
                span = frozenset(range(block[0], block[0] + block[1]))
                if used & span or (taken and not _follows(taken[-1], block)):
                    continue
                if end < len(word):
                    search(end, used | span, [*taken, block])
                elif taken and any(_distinctive(b, han) for b in (*taken, block)):
                    best = [*taken, block]
                    return

    search(0, frozenset(), [])
    return best


def _ends(word: str, pieces: dict[str, list[Block]]) -> list[bool]:
    """For each position of ``word``: whether the rest can be spelled by pieces at all (spans not yet checked)."""
    can = [False] * (len(word) + 1)
    can[len(word)] = True
    for at in range(len(word) - 1, -1, -1):
        can[at] = any(
            can[end] and (word[at:end] in pieces or (end == len(word) and word[at:end] in LEGAL_ENDINGS))
            for end in range(at + 2, len(word) + 1)
        )
    return can


def _follows(before: Block, block: Block) -> bool:
    """Whether ``block`` may come after ``before`` in a word: two pinyin pieces read one run of the name, in order
    ("xizang" + "tianlu" = 西藏天路); "jiangsu" does not read 江 and a later 塑 apart, nor "huizhou" 州 before 惠."""
    return not (before[3] and block[3]) or before[0] + before[1] == block[0]


def _distinctive(block: Block, han: str) -> bool:
    """Whether a block says more than a generic word: not when its words are generic ("technology", "group"), nor
    when its characters are a term the glossary renders by a generic word (技术 read as "technique" in "Techgroup")."""
    if all(w in GENERIC_WORDS for w in block[2]):
        return False
    terms = glossary().get(han[block[0] : block[0] + block[1]], ())
    return not any(all(w in GENERIC_WORDS for w in phrase) for phrase in terms)
