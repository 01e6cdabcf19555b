"""The Latin side of the cross-script bound (:func:`~threadline.matching.bound.reach`) for one Latin query against
all its Chinese candidates at once, so that a pair it rules out needs no :class:`~threadline.matching.bound.
HanVocabulary`.

A Latin company name meets up to a hundred Chinese candidates (75 on average for the 1M benchmark's queries that
have any), and seven pairs in ten are ruled out by the Latin side alone: its words cannot be explained well enough
by any of the name's spellings, phrases or initials. Working that out built each candidate's whole vocabulary (every
run's spellings sorted, tables of where each spelling is found) and searched each word's close spellings in it one
call at a time: at a million list entries about half of a Latin query's time went into the bound. Here the same
facts are taken from the runs of characters, which :class:`~threadline.matching.bound._SpanTable` remembers from
name to name, each word's close spellings are searched for in one ``cdist`` over the spellings of all the candidates
together, and the characters a word may explain are found by going over the name's runs once for that word, only for
the pairs the Latin side lets through. Each word's cost is reckoned as
:meth:`~threadline.matching.bound.HanVocabulary._word` reckons it, each character's credit as
:meth:`~threadline.matching.bound.HanVocabulary.coverage` gives it, and both are summed in the same order, so every
pair is given the very :class:`~threadline.matching.bound.Reach` that :func:`~threadline.matching.bound.reach` gives
it (``tests/matching/test_latin_side.py`` compares them on real names).

Names of :data:`~threadline.names.romanisations.MAX_NAME` characters or fewer are left out: they may also be read
the other ways persons' names are (Cantonese, Wade-Giles, Korean), which only the vocabulary lays out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from threadline.matching.align import INITIALS_CREDIT, MAX_SPAN, form_keys, joined_parts, phrase_form_keys
from threadline.matching.bound import (
    PARTIAL_CREDIT,
    SLACK,
    UNEXPLAINED,
    UNEXPLAINED_GENERIC,
    Reach,
    _may_be_close,
    _span_table,
    _SpanTable,
    _stem,
    char_readings,
    least_cost,
    meanings_of,
)
from threadline.names.glossary import dictionary, glossary
from threadline.names.normalize import GENERIC_WORDS
from threadline.names.places import is_place
from threadline.names.romanisations import MAX_NAME


@dataclass(slots=True)
class _Pair:
    """One Chinese name against the query's words: the Latin side, and what the Chinese side needs if it is asked."""

    han: str
    stems: tuple[str, ...]
    """The words' stems, as glossary phrases are compared with them."""
    near: list[dict[str, float]]
    """Per word, the name's spellings it may be a close spelling or rendering of, with the similarity."""
    exact: tuple[bool, ...]
    """Per word, whether a run of the name is spelled by it or has it as initials."""
    latin: float
    """1 - (the least cost the words can add up to) / (number of words): at least the Latin side's share."""
    hopeless: tuple[str, ...]
    trade: bool
    close: bool
    offers: _Offers
    """The query's :class:`_Offers`: the spellings of the name's runs that may matter, for the Chinese side."""
    reach: Reach | None = None
    """The whole bound, once asked for with the Latin side through."""
    covers: tuple[bool, ...] = ()
    """Per character, whether a word may explain it (with :attr:`reach`)."""
    free: tuple[float, ...] = ()
    """Per character, the credit it may have with no word (with :attr:`reach`)."""


_KNOWN: dict[tuple[str, tuple[str, ...]], _Pair] = {}
"""The pairs of the last query worked out (:func:`work_out`): replaced by the next one's."""


class _Lengths(NamedTuple):
    """The lengths a spelling of a Chinese run may have and still matter to a Latin query's words (see
    :func:`_wanted`): from ``low`` to ``high`` letters whatever its first letter, and per first letter its own
    range. A spelling outside them is neither one of the words nor close to one (:func:`_near`)."""

    low: int
    high: int
    by_first: dict[str, tuple[int, int]]
    first_high: int
    """The most letters any first letter's range allows."""
    every: bool
    """Whether a word is so long (``LONG_WORD`` letters or more) that most spellings of most runs are allowed:
    then all are taken as the span table keeps them (:func:`_spellings`)."""


LONG_WORD = 11
"""Letters from which a word allows spellings of 5 to 23 letters with its first letter and of 8 to 14 with any:
making the spellings one by one then costs more than taking every one from the span table, which keeps those of
the runs met again (the 218 Latin queries of the latency benchmark that bound Chinese candidates, by their longest
word: up to ten letters, 1.65 -> 1.23 s; eleven or more, 0.31 -> 0.34 s)."""


def _wanted(words: Sequence[str]) -> _Lengths:
    """Which spellings :func:`work_out` needs of its candidates' runs for ``words``: those a word may equal or be
    close to. Edit similarity from ``PARTIAL_CREDIT`` (one half) allows a spelling from half a word's length to
    twice it, and :func:`~threadline.matching.bound._may_be_close` wants the word's first letter unless the word has
    five letters or more and the spelling is within two of its length. The ranges are widened by a letter each way
    (a float rounding at the edge can never leave a spelling out) and merged per first letter; a spelling inside
    them that is neither equal nor close to a word changes nothing, as it did not when every spelling was made."""
    low, high = 1 << 30, -1
    by_first: dict[str, tuple[int, int]] = {}
    for word in words:
        size = len(word)
        if not size:
            continue
        if size >= 5:
            low, high = min(low, size - 3), max(high, size + 3)
        at_least, at_most = (size - 1) // 2, 2 * size + 1
        if word[0] in by_first:
            known = by_first[word[0]]
            at_least, at_most = min(known[0], at_least), max(known[1], at_most)
        by_first[word[0]] = (at_least, at_most)
    every = any(len(word) >= LONG_WORD for word in words)
    return _Lengths(low, high, by_first, max((most for _least, most in by_first.values()), default=-1), every)


def _spellings(run: str, lengths: _Lengths, table: _SpanTable) -> frozenset[str]:
    """The spellings of ``run`` (each reading of each character, one after the other: what
    :meth:`~threadline.matching.bound._SpanTable.spelled` makes of it) whose length ``lengths`` allows with their
    first letter. Made reading by reading, a prefix given up as soon as no allowed length can be reached from it:
    making every spelling of every run of a query's hundred candidates was about half of what :func:`work_out`
    cost, and most are too long or too short for any of the query's words. With a long word (``lengths.every``),
    every spelling (more than needed changes nothing: only the words and their close spellings are looked for)."""
    chars = [_readings(char) for char in run]
    n = len(chars)
    shortest, longest = [0] * (n + 1), [0] * (n + 1)
    for at in range(n - 1, -1, -1):
        shortest[at], longest[at] = shortest[at + 1] + chars[at][1], longest[at + 1] + chars[at][2]
    if shortest[0] > lengths.high and shortest[0] > lengths.first_high:
        return frozenset()  # too long for any word, whatever the first letter (most runs of four characters)
    if lengths.every:
        return table.spelled(run)[0]
    found: list[str] = []
    for first in chars[0][0]:
        low, high = lengths.low, lengths.high
        own = lengths.by_first.get(first[:1])
        if own is not None:
            low, high = min(low, own[0]), max(high, own[1])
        prefixes = [first]
        for at in range(1, n):
            least, most = low - longest[at + 1], high - shortest[at + 1]
            prefixes = [p + r for p in prefixes for r in chars[at][0] if least <= len(p) + len(r) <= most]
            if not prefixes:
                break
        found.extend(p for p in prefixes if low <= len(p) <= high)
    return frozenset(found)


@lru_cache(maxsize=1 << 14)
def _readings(char: str) -> tuple[tuple[str, ...], int, int]:
    """A character's readings (:func:`~threadline.matching.bound.char_readings`) with the fewest and most letters
    among them."""
    options = tuple(char_readings(char))
    sizes = [len(reading) for reading in options] or [0]
    return options, min(sizes), max(sizes)


NAMES_KEPT = 1 << 13
"""Chinese names whose every spelling :func:`_every_spelling` keeps (a few kilobytes each)."""


@lru_cache(maxsize=NAMES_KEPT)
def _every_spelling(table: _SpanTable, han: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every spelling of every run of ``han``, and those of the runs that may spell a trade name, remembered per
    name: a query with a long word needs them all (:data:`LONG_WORD`), and queries of one trade and place meet
    many of the same names."""
    n = len(han)
    found = [table.spelled(han[i : i + k])[:2] for i in range(n) for k in range(1, min(MAX_SPAN, n - i) + 1)]
    empty: frozenset[str] = frozenset()
    return empty.union(*[s for s, _t in found]), empty.union(*[s for s, trade in found if trade])


class _Offers:
    """What the Chinese names of one query offer its words, run by run: each run's spellings that may matter
    (:func:`_spellings`), whether they may spell a trade name (two or more characters, not a place, as
    :meth:`~threadline.matching.bound._SpanTable.spelled` has it), and each character's initials. Runs recur from
    name to name (福建, 集团): each is worked out once per query."""

    def __init__(self, words: tuple[str, ...], table: _SpanTable) -> None:
        self.lengths = _wanted(words)
        self.table = table
        self.runs: dict[str, tuple[frozenset[str], bool]] = {}
        self.firsts: dict[str, frozenset[str]] = {}

    def name(self, han: str) -> tuple[frozenset[str], frozenset[str]]:
        """The spellings of every run of ``han`` that may matter, and those that may spell a trade name."""
        if self.lengths.every:
            return _every_spelling(self.table, han)
        spellings: set[str] = set()
        trade: set[str] = set()
        n = len(han)
        runs = self.runs
        for i in range(n):
            for k in range(1, min(MAX_SPAN, n - i) + 1):
                run = han[i : i + k]
                found = runs.get(run)
                if found is None:
                    self._from(han[i : i + min(MAX_SPAN, n - i)])
                    found = runs[run]
                if found[0]:
                    spellings.update(found[0])
                    if found[1]:
                        trade.update(found[0])
        return frozenset(spellings), frozenset(trade)

    def run(self, run: str) -> tuple[frozenset[str], bool]:
        """The spellings of ``run`` that may matter (:func:`_spellings`) and whether they may spell a trade name."""
        known = self.runs.get(run)
        if known is None:
            self._from(run)
            known = self.runs[run]
        return known

    def _from(self, text: str) -> None:
        """Work out (as :meth:`run`) every run that begins ``text`` and is not known yet, the shortest first, in one
        pass: each spelling of a run is one of the run one character shorter with a reading after it, so the
        spellings of the shorter runs are the prefixes the longer ones grow from. As in :func:`_spellings`, a
        spelling is kept when its length is allowed with its first letter, and a prefix is given up once it is
        longer than that allows (a reading adds letters, never takes any away): the same spellings as
        :func:`_spellings` makes for each run, which started over for each length from the same character."""
        runs, lengths = self.runs, self.lengths
        if lengths.every:
            for k in range(1, len(text) + 1):
                if text[:k] not in runs:
                    runs[text[:k]] = (_spellings(text[:k], lengths, self.table), k >= 2 and not is_place(text[:k]))
            return
        found: list[list[str]] = [[] for _ in text]
        for first in _readings(text[0])[0]:
            low, high = lengths.low, lengths.high
            own = lengths.by_first.get(first[:1])
            if own is not None:
                low, high = min(low, own[0]), max(high, own[1])
            prefixes = [first] if len(first) <= high else []
            for at in range(len(text)):
                if at:
                    prefixes = [p + r for p in prefixes for r in _readings(text[at])[0] if len(p) + len(r) <= high]
                if not prefixes:
                    break
                found[at].extend(p for p in prefixes if len(p) >= low)
        for at, spellings in enumerate(found):
            run = text[: at + 1]
            if run not in runs:
                runs[run] = (frozenset(spellings), at >= 1 and not is_place(run))

    def lettered(self, han: str, word: str) -> bool:
        """Whether ``word`` is the initials of a run of ``han`` (two to ``MAX_SPAN`` characters: each letter the
        first of one of its character's readings)."""
        size = len(word)
        return 2 <= size <= MAX_SPAN and any(self.initials_at(han, i, size, word) for i in range(len(han) - size + 1))

    def initials_at(self, han: str, i: int, k: int, word: str) -> bool:
        """Whether ``word`` is the initials of the run of ``k`` characters of ``han`` from ``i`` (two or more)."""
        if k < 2 or len(word) != k:
            return False
        return all(word[j] in self._firsts(han[i + j]) for j in range(k))

    def _firsts(self, char: str) -> frozenset[str]:
        found = self.firsts.get(char)
        if found is None:
            found = self.firsts[char] = frozenset(reading[:1] for reading in char_readings(char))
        return found


def _near(words: Sequence[str], spellings: Sequence[str]) -> list[dict[str, float]]:
    """For each word, the ``spellings`` it may be a close spelling or rendering of (edit similarity from
    ``PARTIAL_CREDIT`` and :func:`~threadline.matching.bound._may_be_close`), with the similarity; none for a word
    of fewer than three letters (as :meth:`~threadline.matching.bound.HanVocabulary._close_many`)."""
    found: list[dict[str, float]] = [{} for _ in words]
    asked = [at for at, word in enumerate(words) if len(word) >= 3]
    if not asked or not spellings:
        return found
    scores = process.cdist(
        [words[at] for at in asked],
        spellings,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=PARTIAL_CREDIT,
        dtype=np.float64,
    )
    rows, columns = np.nonzero(scores >= PARTIAL_CREDIT)
    for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
        word, spelling = words[asked[row]], spellings[column]
        if _may_be_close(spelling, word):
            found[asked[row]][spelling] = float(scores[row, column])
    return found


_NONE_CLOSE: dict[str, float] = {}
"""A word's close spellings in a name that has none (most pairs): one dict for them all, never written to."""


def work_out(words: tuple[str, ...], hans: Iterable[str]) -> None:
    """Work out the Latin side of ``words`` (as :func:`~threadline.matching.align.alignable_words` gives them)
    against each Chinese name core of ``hans`` longer than ``MAX_NAME``, for :func:`known_reach` to answer from.
    Changes no bound, only how it is worked out."""
    _KNOWN.clear()
    names = [han for han in dict.fromkeys(hans) if len(han) > MAX_NAME]
    if not words or not names:
        return
    table = _span_table((glossary(), dictionary()))
    offers = _Offers(words, table)
    gathered = [(han, *offers.name(han)) for han in names]
    near = _near(words, tuple(frozenset().union(*(spellings for _h, spellings, _t in gathered))))
    nearby = [frozenset(close) for close in near]
    stems = tuple(_stem(word) for word in words)
    forms = tuple(form_keys(word) for word in words)
    lettered_words = any(2 <= len(word) <= MAX_SPAN for word in words)  # initials are of two to four characters
    for han, spellings, trade_spellings in gathered:
        phrases, own_forms, own_phrases = table.phrase_facts(han)
        cost = 0.0
        unexplained: list[str] = []
        trade = close = False
        own: list[dict[str, float]] = []
        exact: list[bool] = []
        for at, word in enumerate(words):
            shared = nearby[at] & spellings
            own.append({spelling: near[at][spelling] for spelling in shared} if shared else _NONE_CLOSE)
            spelled, lettered = word in spellings, lettered_words and offers.lettered(han, word)
            exact.append(spelled or lettered)
            # a word a run spells is explained whatever the phrases say: they are looked at only for the others
            in_phrase = not spelled and (
                stems[at] in phrases
                or any(key in own_forms for key in forms[at])
                or bool(joined_parts(word, own_phrases))
            )
            if not shared and not in_phrase and not spelled and not lettered:
                cost += (UNEXPLAINED_GENERIC if word in GENERIC_WORDS else UNEXPLAINED).cost
                unexplained.append(word)
                continue
            cost += least_cost(word, spelled or in_phrase, lettered, max(own[at].values()) if shared else 0.0)
            trade = trade or (spelled and word in trade_spellings)
            close = close or bool(shared)
        latin = 1.0 - cost / len(words)
        _KNOWN[han, words] = _Pair(han, stems, own, tuple(exact), latin, tuple(unexplained), trade, close, offers)


def _chinese_side(pair: _Pair, words: tuple[str, ...]) -> Reach:
    """The whole bound of a pair whose Latin side is through: each character's most credit from the spans the words
    may explain (a spelling 1, initials ``INITIALS_CREDIT``, a close spelling its similarity, a phrase beginning
    with the word's stem, of the word's form or joined in it 1) or from none (``free``), as :meth:`~threadline.
    matching.bound.HanVocabulary.coverage` and :func:`~threadline.matching.bound.reach` reckon it."""
    table = _span_table((glossary(), dictionary()))
    meant, free = meanings_of(pair.han, table)
    han, n, offers = pair.han, len(pair.han), pair.offers
    # Each run's spellings as work_out kept them: every one a word may equal or be close to (the only ones asked
    # about below), without making the others.
    found = [(i, k, offers.run(han[i : i + k])[0]) for i in range(n) for k in range(1, min(MAX_SPAN, n - i) + 1)]
    credit = list(free)
    covers = [False] * n
    for word, stemmed, close, exact in zip(words, pair.stems, pair.near, pair.exact, strict=True):
        if word in pair.hopeless:
            continue  # nothing explains it: no span, not even a phrase it begins
        for i, k, spelled in found if exact or close else ():
            given = 1.0 if word in spelled else INITIALS_CREDIT if offers.initials_at(han, i, k, word) else 0.0
            reached = given > 0.0
            for spelling in close.keys() & spelled if close else ():
                given, reached = max(given, close[spelling]), True
            if reached:
                for c in range(i, i + k):
                    covers[c] = True
                    credit[c] = max(credit[c], given)
        keys = frozenset(form_keys(word))
        parts = {part for two in joined_parts(word, table.phrase_set(pair.han)) for part in two}
        for i, k, phrases in meant:
            if any(
                phrase.startswith(stemmed) or not keys.isdisjoint(phrase_form_keys(phrase)) or phrase in parts
                for phrase in phrases
            ):
                for c in range(i, i + k):
                    covers[c] = True
                    credit[c] = 1.0
    chinese = 1.0 - sum((1.0 - c for c in credit), 0.0) / len(pair.han)
    score = max(0.0, min(pair.latin, chinese))
    pair.covers, pair.free = tuple(covers), free
    return Reach(min(1.0, score + SLACK), pair.hopeless, pair.trade, pair.close, sum(covers))


def latin_share(han: str, words: tuple[str, ...]) -> float | None:
    """The Latin side's share of a pair :func:`work_out` worked out (``1 - least cost / words``: its bound is at
    most this, :data:`~threadline.matching.bound.SLACK` added, unless below 0), else ``None``."""
    pair = _KNOWN.get((han, words))
    return None if pair is None else pair.latin


def known_reach(han: str, words: tuple[str, ...], enough: float) -> Reach | None:
    """What :func:`~threadline.matching.bound.reach` gives the pair with this ``enough``, when :func:`work_out` has
    worked the pair out; else ``None``."""
    pair = _KNOWN.get((han, words))
    if pair is None:
        return None
    if pair.latin + SLACK < enough:
        return Reach(max(0.0, pair.latin) + SLACK, pair.hopeless, pair.trade, pair.close, len(han))
    if pair.reach is None:
        pair.reach = _chinese_side(pair, words)
    return pair.reach


def known_leaves_only(
    han: str, words: tuple[str, ...], word_ok: Callable[[str], bool], chars_ok: frozenset[int]
) -> bool | None:
    """What :func:`~threadline.matching.bound.leaves_only` answers for the pair, when :func:`work_out` has worked it
    out; else ``None``. The words nothing can explain are the pair's ``hopeless`` ones, and the characters some
    word may explain are those :func:`_chinese_side` marks while bounding the pair (the spans of
    :meth:`~threadline.matching.bound.HanVocabulary.spans`, gathered the same way), so the answer is the same
    without the name's vocabulary: screening asks this of a Latin row's Chinese candidates that may be related, and
    building a vocabulary for each was a tenth of what a row cost."""
    pair = _KNOWN.get((han, words))
    if pair is None:
        return None
    if not all(word_ok(word) for word in pair.hopeless):
        return False
    if pair.reach is None:
        pair.reach = _chinese_side(pair, words)
    return all(pair.covers[i] for i, free in enumerate(pair.free) if not free and i not in chars_ok)
