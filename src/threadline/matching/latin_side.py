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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from threadline.matching.align import INITIALS_CREDIT, MAX_SPAN, MIN_PART, form_keys, joined_parts, phrase_form_keys
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
    least_cost,
    meanings_of,
    runs,
)
from threadline.names.glossary import dictionary, glossary
from threadline.names.normalize import GENERIC_WORDS
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
    reach: Reach | None = None
    """The whole bound, once asked for with the Latin side through."""


_KNOWN: dict[tuple[str, tuple[str, ...]], _Pair] = {}
"""The pairs of the last query worked out (:func:`work_out`): replaced by the next one's."""


class _Offers(NamedTuple):
    """What one Chinese name offers a Latin query's words, whatever the query: the spellings, trade-name spellings
    and initials of all its runs (:meth:`~threadline.matching.bound._SpanTable.window`, start by start) and its
    phrases (:meth:`~threadline.matching.bound._SpanTable.phrase_text`)."""

    spellings: frozenset[str]
    trade: frozenset[str]
    initials: frozenset[str]
    phrases: str


NAMES_KEPT = 1 << 13
"""Chinese names whose :class:`_Offers` are kept (a few kilobytes each). Queries of one trade and place meet the
same candidates: 1,200 rows screened against a million names asked for 36,230 names, 21,009 of them distinct."""


@lru_cache(maxsize=NAMES_KEPT)
def _offers(table: _SpanTable, han: str) -> _Offers:
    """:class:`_Offers` of ``han``, remembered per name: :func:`work_out` worked them out again for every query
    that met the name, and that was most of what it cost."""
    windows = [table.window(han[i : i + MAX_SPAN]) for i in range(len(han))]
    empty: frozenset[str] = frozenset()
    return _Offers(
        empty.union(*[w[0] for w in windows]),
        empty.union(*[w[1] for w in windows]),
        empty.union(*[w[2] for w in windows]),
        table.phrase_text(han),
    )


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


def work_out(words: tuple[str, ...], hans: Iterable[str]) -> None:
    """Work out the Latin side of ``words`` (as :func:`~threadline.matching.align.alignable_words` gives them)
    against each Chinese name core of ``hans`` longer than ``MAX_NAME``, for :func:`known_reach` to answer from.
    Changes no bound, only how it is worked out."""
    _KNOWN.clear()
    names = [han for han in dict.fromkeys(hans) if len(han) > MAX_NAME]
    if not words or not names:
        return
    table = _span_table((glossary(), dictionary()))
    gathered = [(han, _offers(table, han)) for han in names]
    near = _near(words, tuple(frozenset().union(*(offers.spellings for _h, offers in gathered))))
    nearby = [frozenset(close) for close in near]
    stems = tuple(_stem(word) for word in words)
    forms = tuple(form_keys(word) for word in words)
    long_words = any(len(word) >= 2 * MIN_PART for word in words)  # the least a joined word may be
    lettered_words = any(2 <= len(word) <= MAX_SPAN for word in words)  # initials are of two to four characters
    for han, offers in gathered:
        spellings, phrases = offers.spellings, offers.phrases
        initials = offers.initials if lettered_words else frozenset()
        cost = 0.0
        unexplained: list[str] = []
        trade = close = False
        own: list[dict[str, float]] = []
        exact: list[bool] = []
        own_forms = table.forms(han) if any(forms) else frozenset()
        own_phrases = table.phrase_set(han) if long_words else frozenset()
        for at, word in enumerate(words):
            in_phrase = stems[at] in phrases or any(key in own_forms for key in forms[at])
            in_phrase = in_phrase or bool(joined_parts(word, own_phrases))
            shared = nearby[at] & spellings
            own.append({spelling: near[at][spelling] for spelling in shared})
            spelled, lettered = word in spellings, word in initials
            exact.append(spelled or lettered)
            if not shared and not in_phrase and not spelled and not lettered:
                cost += (UNEXPLAINED_GENERIC if word in GENERIC_WORDS else UNEXPLAINED).cost
                unexplained.append(word)
                continue
            cost += least_cost(word, spelled or in_phrase, lettered, max(own[at].values()) if shared else 0.0)
            trade = trade or (spelled and word in offers.trade)
            close = close or bool(shared)
        latin = 1.0 - cost / len(words)
        _KNOWN[han, words] = _Pair(han, stems, own, tuple(exact), latin, tuple(unexplained), trade, close)


def _chinese_side(pair: _Pair, words: tuple[str, ...]) -> Reach:
    """The whole bound of a pair whose Latin side is through: each character's most credit from the spans the words
    may explain (a spelling 1, initials ``INITIALS_CREDIT``, a close spelling its similarity, a phrase beginning
    with the word's stem, of the word's form or joined in it 1) or from none (``free``), as :meth:`~threadline.
    matching.bound.HanVocabulary.coverage` and :func:`~threadline.matching.bound.reach` reckon it."""
    table = _span_table((glossary(), dictionary()))
    meant, free = meanings_of(pair.han, table)
    found = runs(pair.han, table)
    credit = list(free)
    covers = [False] * len(pair.han)
    for word, stemmed, close, exact in zip(words, pair.stems, pair.near, pair.exact, strict=True):
        if word in pair.hopeless:
            continue  # nothing explains it: no span, not even a phrase it begins
        for i, k, spelled, _trade, initials in found if exact or close else ():
            given = 1.0 if word in spelled else INITIALS_CREDIT if word in initials else 0.0
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
