"""An upper bound on the cross-script alignment score, cheap enough to compute before aligning.

Aligning a Chinese name with a Latin one (:func:`threadline.matching.align.align`, a dynamic program in Python) is
the costliest step of screening: a Chinese query is aligned with up to 100 candidates, and almost none of them come
near the reporting floor. The alignment score is the lower of the two sides' explained shares, so it is at most the
Latin side's, 1 - (what the words leave unexplained) / (number of words), and at most the Chinese side's. A word can
only be explained by one of the aligner's steps, and each step draws on what the Chinese name offers:

- exact pinyin: the word is the spelling of a span of one to ``MAX_SPAN`` characters. The aligner reads the name
  in context (重庆 = chongqing), a pypinyin call per name; the bound takes every reading each character has
  (:func:`char_readings`), which includes the one read in any context and is a look-up per character;
- a glossary or dictionary phrase of some span of the name: the phrase, written as one string, is a run of words
  written together ("petro chemical" = "petrochemical"), so the word, plural folded, is a piece of that string; or
  the word alone, of four letters or more, has the phrase's Snowball stem (:func:`~threadline.matching.align.
  word_form`: "oriental" for "orient") or, of seven or more, its root (:func:`~threadline.matching.align.
  word_family`: "tourist" for "tourism", credited 1 here); or it is two phrases of the name written together
  (:func:`~threadline.matching.align.joined_parts`: "goldwind"), wherever they are in the name;
- pinyin initials: the word is the initials of a span as long as the word ("hy" for 海越), credited
  ``INITIALS_CREDIT``;
- a close spelling (persons) or a free rendering (companies): credited by its edit similarity with a span's
  spelling, only from ``min(CLOSE_SPELLING, CLOSE_RENDERING)`` up, and only where the aligner's length and first
  letter rules allow one or the other (:func:`_may_be_close`);
- otherwise the word stays unexplained and costs 1 (half for a generic word such as "technology").

Each word's least possible cost is summed, so no alignment can explain more; the words' order does not enter, so
the bound holds for persons' names tried in every order and for a place moved to the front. The same goes for the
Chinese side: each character's most credit from the spans the words may explain (or none at all, for a character
the English name may leave out: 市, a leading province; half for a generic term such as 科技), summed, bounds the
Chinese side's explained share. The step conditions the aligner adds on top that are not mirrored here (a span's
length, not a place) are left out: they could only lower the score.

This module must know every kind of step the aligner may take. A new source of word meanings in ``align.py`` has to
be added to :class:`HanVocabulary` too, or the bound may skip a pair the aligner would have credited;
``tests/matching/test_bound.py`` compares the bound with the aligner on real name pairs to catch that.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from threadline.matching.align import (
    CLOSE_RENDERING,
    CLOSE_SPELLING,
    GENERIC_WEIGHT,
    INITIALS_CREDIT,
    MAX_SPAN,
    MIN_PART,
    OPTIONAL_CHARS,
    form_keys,
    joined_key,
    joined_parts,
    phrase_form_keys,
    phrase_key,
    span_spellings,
    stem,
)
from threadline.matching.fused import split_word
from threadline.names.glossary import Glossary, beginnings, dictionary, glossary
from threadline.names.han import leading_province, readings
from threadline.names.normalize import GENERIC_WORDS
from threadline.names.places import division_parts, is_place
from threadline.names.romanisations import MAX_NAME, other_readings

PARTIAL_CREDIT = min(CLOSE_SPELLING, CLOSE_RENDERING)
"""The least edit similarity the aligner credits a spelling that is not exact with."""
SLACK = 1e-9
"""Added to every bound, so a rounding difference in summing the same costs can never make it too low."""
WORDS_REMEMBERED = 1_000
"""Word costs kept per Chinese name; the memo starts over beyond this, so memory stays flat on long inputs."""


class Reach(NamedTuple):
    """How far an alignment of a pair can go. A named tuple: one is made for every pair bounded (a hundred per
    Chinese query), and a frozen dataclass took twice as long to make."""

    score: float
    """At least the alignment score of the pair, whatever the alignment."""
    hopeless: tuple[str, ...]
    """Latin words that no step can explain: every alignment leaves them unexplained."""
    trade_name: bool = True
    """Whether a word may be the exact pinyin of two or more characters that are not a place: a shared trade name
    (:func:`~threadline.matching.crossscript.trade_name`), without which the pair is not calibrated as one."""
    rendering: bool = True
    """Whether a word may be a close spelling or free rendering of a span (the calibration's rendering group)."""
    explainable_han: int = 0
    """How many characters some word may explain (a company pair needs two, see ``simple._cross_score``)."""


Span = tuple[int, int, float]
"""``(start, length, credit)``: characters a word may explain, and the most credit it may give them."""


class WordReach(NamedTuple):
    """What one Latin word can do in any alignment with one Chinese name."""

    cost: float
    """The least it can add to the Latin side's unexplained share."""
    explainable: bool
    """Whether any step can explain it at all."""
    trade: bool
    """Whether it may be the exact pinyin of a trade name (two or more characters, not a place)."""
    close: bool
    """Whether it may be a close spelling or a rendering of a span (edit similarity from ``PARTIAL_CREDIT``)."""
    near: tuple[tuple[str, float], ...]
    """Those spellings, with the similarity."""


UNEXPLAINED = WordReach(1.0, False, False, False, ())
"""The reach of a word no step can explain (:meth:`HanVocabulary._word` without a spelling, initials, close
spelling or phrase for it): it costs the whole word, its least cost as reckoned there."""
UNEXPLAINED_GENERIC = WordReach(min(GENERIC_WEIGHT, 1.0), False, False, False, ())
"""The same for a generic word ("technology"), which costs only ``GENERIC_WEIGHT`` left unexplained."""


class Coverage(NamedTuple):
    """Which characters of one Chinese name one Latin word may explain: worked out only when the Latin side does
    not already rule the pair out (one pair in ten), once per word. A common word may begin dozens of glossary
    phrases, and going over their spans for every pair was most of what the bound cost."""

    credit: tuple[float, ...]
    """Per character, the most credit a span the word may explain gives it (0 where none reaches)."""
    covers: tuple[bool, ...]
    """Per character, whether such a span reaches it."""


class _SpanTable:
    """What a run of characters offers the aligner, whatever name it is part of, remembered per run: its spellings
    (every reading of each character, :func:`char_readings`), whether they may spell a trade name, its pinyin
    initials, and the glossary and dictionary phrases it means. A Latin query meets about a hundred Chinese
    candidates, each needing a :class:`HanVocabulary` of its own, and their runs recur from name to name (福建,
    交通, 集团): working each run out again for every name was most of what bounding those pairs cost."""

    def __init__(self, meanings: Sequence[Glossary]) -> None:
        self.meanings = tuple(meanings)
        self.longest = max((len(term) for table in self.meanings for term in table), default=0)
        """The longest run any table has a phrase for: longer runs are not looked up."""
        self.begins: frozenset[str] = frozenset().union(*(beginnings(table) for table in self.meanings))
        """Every run that begins a longer term: a run that begins none is the last one from its start that may have
        a phrase (most runs of three characters or more begin no term, and were looked up all the same)."""
        self.spelled = lru_cache(maxsize=1 << 16)(self._spelled)
        self.phrases = lru_cache(maxsize=1 << 16)(self._phrases)
        self.phrase_facts = lru_cache(maxsize=1 << 14)(self._phrase_facts)

    def _spelled(self, span: str) -> tuple[frozenset[str], bool, frozenset[str]]:
        """The run's spellings, whether they may be a trade name's (two or more characters, not a place), and its
        initials (two or more characters): each reading of the last character after each spelling (initials) of
        the run before it, which a vocabulary has just asked for (so the readings' product is never formed again)."""
        last = char_readings(span[-1])
        if len(span) < 2:
            return last, False, frozenset()
        before, _trade, before_initials = self.spelled(span[:-1])
        if len(span) == 2:
            before_initials = frozenset(reading[:1] for reading in before)
        spelled = frozenset(head + reading for head in before for reading in last)
        initials = frozenset(head + reading[:1] for head in before_initials for reading in last)
        return spelled, not is_place(span), initials

    def _phrase_facts(self, han: str) -> tuple[str, frozenset[str], frozenset[str]]:
        """:meth:`phrase_text`, :meth:`forms` and :meth:`phrase_set` of ``han``, made together and remembered per
        name as ``phrase_facts``: a new Chinese name's vocabulary asks for all three, and a Latin query for those of
        each of its Chinese candidates (making each from the text again split it twice)."""
        found: list[str] = []
        phrases, begins, n = self.phrases, self.begins, len(han)
        for i in range(n):
            for k in range(1, min(n - i, self.longest) + 1):
                span = han[i : i + k]
                found.extend(phrases(span)[0])
                if span not in begins:
                    break
        text = "\0".join(found)
        if not text:
            return text, frozenset(), frozenset()
        return text, frozenset(k for phrase in found for k in phrase_form_keys(phrase)), frozenset(found)

    def phrase_text(self, han: str) -> str:
        """Every phrase of every run of ``han`` (as :meth:`meant_from` finds them, start by start) in one string,
        ``\\0`` between them: a word's stem is a piece of one of them when it is a piece of this string."""
        return self.phrase_facts(han)[0]

    def phrase_set(self, han: str) -> frozenset[str]:
        """Every phrase :meth:`phrase_text` holds, as a set: the two a joined word may be."""
        return self.phrase_facts(han)[2]

    def forms(self, han: str) -> frozenset[str]:
        """The :func:`~threadline.matching.align.phrase_form_keys` of every phrase :meth:`phrase_text` holds."""
        return self.phrase_facts(han)[1]

    def meant_from(self, han: str, i: int) -> Iterator[tuple[int, tuple[str, ...], bool]]:
        """``(length, phrases, generic)`` of the runs of ``han`` from character ``i`` (shortest first) that may have
        a phrase, as :meth:`phrases` gives them: up to the first that begins no longer term."""
        for k in range(1, min(len(han) - i, self.longest) + 1):
            span = han[i : i + k]
            yield k, *self.phrases(span)
            if span not in self.begins:
                return

    def _phrases(self, span: str) -> tuple[tuple[str, ...], bool]:
        """The phrases the run means, each written as one string (:func:`~threadline.matching.align.joined_key`),
        table after table, and whether a table has it only as generic words (科技: "technology")."""
        keys: list[str] = []
        generic = False
        for table in self.meanings:
            renderings = table.get(span, ())
            keys.extend(joined_key(phrase) for phrase in renderings)
            if len(span) >= 2 and renderings and all(w in GENERIC_WORDS for p in renderings for w in phrase_key(p)):
                generic = True
        return tuple(keys), generic


_SPAN_TABLES: list[_SpanTable] = []


def _span_table(meanings: Sequence[Glossary]) -> _SpanTable:
    """The :class:`_SpanTable` of these tables (the same objects: the glossary and dictionary are loaded once), kept
    for the life of the process; a few at most (tests build vocabularies with other tables)."""
    for table in _SPAN_TABLES:
        if len(table.meanings) == len(meanings) and all(a is b for a, b in zip(table.meanings, meanings, strict=True)):
            return table
    if len(_SPAN_TABLES) >= 4:
        _SPAN_TABLES.pop(0)
    _SPAN_TABLES.append(_SpanTable(meanings))
    return _SPAN_TABLES[-1]


def _where(runs: Iterable[tuple[int, int, Iterable[str]]]) -> dict[str, list[tuple[int, int]]]:
    """Each text (a spelling, initials, a phrase) -> the runs ``(start, length)`` that give it, in the runs' order."""
    found: dict[str, list[tuple[int, int]]] = {}
    for i, k, texts in runs:
        for text in texts:
            found.setdefault(text, []).append((i, k))
    return found


Run = tuple[int, int, frozenset[str], bool, frozenset[str]]
"""``(start, length, spellings, trade name, initials)`` of a run of characters (:meth:`_SpanTable.spelled`)."""


def runs(han: str, table: _SpanTable) -> list[Run]:
    """Every run of up to ``MAX_SPAN`` characters of ``han``, start by start, shortest first."""
    n = len(han)
    return [(i, k, *table.spelled(han[i : i + k])) for i in range(n) for k in range(1, min(MAX_SPAN, n - i) + 1)]


def meanings_of(han: str, table: _SpanTable) -> tuple[list[tuple[int, int, tuple[str, ...]]], tuple[float, ...]]:
    """``(start, length, phrases)`` of every run of ``han`` a glossary or dictionary phrase means, and the credit
    each character may have with no word: optional (an administrative suffix, a leading province) 1, inside a
    generic term left out (科技) half."""
    meant: list[tuple[int, int, tuple[str, ...]]] = []
    free = [0.0] * len(han)
    divisions = division_parts(han)
    for i in range(len(han)):
        for k, phrases, generic in table.meant_from(han, i):
            if phrases:
                meant.append((i, k, phrases))
            if generic:
                for c in range(i, i + k):
                    free[c] = max(free[c], 1.0 - GENERIC_WEIGHT)
        if (han[i] in OPTIONAL_CHARS and i > 0) or i in divisions:
            free[i] = 1.0
    province = leading_province(han)
    if province and len(province) < len(han):
        free[: len(province)] = [1.0] * len(province)
    return meant, tuple(free)


class HanVocabulary:
    """Everything the aligner could explain a Latin word with, for one Chinese name (its core, legal form removed),
    and which characters each could account for."""

    def __init__(self, han: str, meanings: Sequence[Glossary], spoken: bool = False) -> None:
        """``spoken``: the name may also be read the other ways the aligner reads persons' names (Hong Kong's
        Cantonese, Wade-Giles, Korean: :mod:`threadline.names.romanisations`); their spellings of each span are the
        very ones the aligner tries (:func:`~threadline.matching.align.span_spellings` of the same readings), so
        they are added as they are, not as every combination of every character's spellings."""
        self.han = han
        table = _span_table(meanings)
        self._runs = runs(han, table)
        """``(start, length, spellings, trade name, initials)`` of every run of up to ``MAX_SPAN`` characters."""
        self._meant, free = meanings_of(han, table)
        """``(start, length, phrases)`` of every run a glossary or dictionary phrase means."""
        for _system, name_readings in other_readings(han) if spoken else ():
            self._runs += [
                (i, k, frozenset(span_spellings(name_readings, i, k)), False, frozenset())
                for i in range(len(han))
                for k in range(1, min(MAX_SPAN, len(han) - i) + 1)
            ]  # a person's spellings: not a trade name's, and persons are not read by initials
        self.spellings: frozenset[str] = frozenset().union(*(spelled for _i, _k, spelled, _t, _n in self._runs))
        self.trade_spellings: frozenset[str] = frozenset().union(*(s for _i, _k, s, trade, _n in self._runs if trade))
        self.initials: frozenset[str] = frozenset().union(*(letters for _i, _k, _s, _t, letters in self._runs))
        self.free = free
        self._phrases = sorted({phrase for _i, _k, phrases in self._meant for phrase in phrases})
        self._phrase_text = "\0".join(self._phrases)
        """Every phrase in one string: a word of a run that spells a phrase is a piece of it (not always the
        first piece: "chemical" in "petrochemical")."""
        self._forms = table.forms(han)
        """The phrases' :func:`~threadline.matching.align.phrase_form_keys`: a word of another form or of the same
        root explains one alone."""
        self._phrase_set = table.phrase_set(han)
        """The phrases as a set: a word joining two of them explains them (:func:`~threadline.matching.align.
        joined_parts`)."""
        self._heads = frozenset(phrase[:MIN_PART] for phrase in self._phrase_set if len(phrase) >= MIN_PART)
        """Their first ``MIN_PART`` letters: a word that begins with none of them joins no two phrases (most
        words), and its cuts are not looked up."""
        self._choices = sorted(self.spellings)
        self._words: dict[str, WordReach] = {}
        self._coverage: dict[str, Coverage] = {}
        self._spelling_at: dict[str, list[tuple[int, int]]] | None = None
        self._initials_at: dict[str, list[tuple[int, int]]] | None = None
        self._phrase_at: dict[str, list[tuple[int, int]]] | None = None
        self._form_of: dict[str, list[str]] | None = None
        self._first_of: dict[str, list[str]] | None = None

    # Where each spelling, initials and phrase is found in the name: only for the words whose coverage is worked out
    # (the pairs the Latin side does not rule out), so built on first use. A Latin query bounds a hundred Chinese
    # candidates, most ruled out by their words alone: laying out these tables for each name cost more than that.

    # Set on first use rather than cached_property: a compiled class (threadline.native) has no __dict__ for one to
    # keep its value in, and would work the table out again on every use.

    @property
    def _by_spelling(self) -> dict[str, list[tuple[int, int]]]:
        if self._spelling_at is None:
            self._spelling_at = _where((i, k, spelled) for i, k, spelled, _trade, _letters in self._runs)
        return self._spelling_at

    @property
    def _by_initials(self) -> dict[str, list[tuple[int, int]]]:
        if self._initials_at is None:
            self._initials_at = _where((i, k, initials) for i, k, _spelled, _trade, initials in self._runs)
        return self._initials_at

    @property
    def _by_phrase(self) -> dict[str, list[tuple[int, int]]]:
        if self._phrase_at is None:
            self._phrase_at = _where(self._meant)
        return self._phrase_at

    @property
    def _by_form(self) -> dict[str, list[str]]:
        if self._form_of is None:
            found: dict[str, list[str]] = {}
            for phrase in self._phrases:
                for key in phrase_form_keys(phrase):
                    found.setdefault(key, []).append(phrase)
            self._form_of = found
        return self._form_of

    @property
    def _by_first(self) -> dict[str, list[str]]:
        if self._first_of is None:
            found: dict[str, list[str]] = {}
            for spelling in self._choices:
                found.setdefault(spelling[:1], []).append(spelling)
            self._first_of = found
        return self._first_of

    def word(self, word: str) -> WordReach:
        """What ``word`` can do against this name (remembered per word)."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) >= WORDS_REMEMBERED:
                self._words.clear()
                self._coverage.clear()
            found = self._words[word] = self._word(word, self._close(word))
        return found

    def prepare(self, words: Iterable[str]) -> None:
        """Work out now what each of ``words`` not yet known can do against this name, their close spellings
        searched for in one ``cdist`` call (:meth:`_close_many`). A Chinese query meets about a hundred Latin
        candidates, most of whose words are new to it: searched for one at a time, the words' close spellings were
        most of what bounding those pairs cost. The same :class:`WordReach` as :meth:`word` would give each."""
        new = [word for word in dict.fromkeys(words) if word not in self._words]
        if not new:
            return
        if len(self._words) + len(new) > WORDS_REMEMBERED:
            self._words.clear()
            self._coverage.clear()
        for word, close in zip(new, self._close_many(new), strict=True):
            self._words[word] = self._word(word, close)

    def coverage(self, word: str) -> Coverage:
        """The characters ``word`` may explain and the most credit it may give each (remembered per word)."""
        found = self._coverage.get(word)
        if found is None:
            credit = [0.0] * len(self.han)
            covers = [False] * len(self.han)
            for i, k, given in self.spans(word):
                for c in range(i, i + k):
                    covers[c] = True
                    if given > credit[c]:
                        credit[c] = given
            found = self._coverage[word] = Coverage(tuple(credit), tuple(covers))
        return found

    def spans(self, word: str) -> list[Span]:
        """The spans of the name ``word`` may explain, with the most credit it may give them."""
        spans: list[Span] = [(i, k, 1.0) for i, k in self._by_spelling.get(word, ())]
        spans += [(i, k, INITIALS_CREDIT) for i, k in self._by_initials.get(word, ())]
        spans += [
            (i, k, similarity) for spelling, similarity in self.word(word).near for i, k in self._by_spelling[spelling]
        ]
        spans += [
            (i, k, 1.0)
            for key in _form_keys(word)
            for phrase in self._by_form.get(key, ())
            for i, k in self._by_phrase[phrase]
        ]
        for pair in self._joined(word):
            spans += [(i, k, 1.0) for phrase in pair for i, k in self._by_phrase[phrase]]
        return spans + self._phrase_spans(_stem(word))

    def _close(self, word: str) -> list[tuple[str, float]]:
        """The spellings of spans ``word`` may be a close spelling or a rendering of (:func:`_may_be_close`, edit
        similarity from ``PARTIAL_CREDIT``), with the similarity. A word of three or four letters can only be a
        rendering of a spelling with its first letter, so only those are compared; one of two letters is neither."""
        if len(word) < 3:
            return []
        pool = self._choices if len(word) >= 5 else self._by_first.get(word[0], [])
        found = process.extract(
            word, pool, scorer=Levenshtein.normalized_similarity, score_cutoff=PARTIAL_CREDIT, limit=None
        )
        if not found:
            return []  # most words: no spelling of the name comes near
        return [(spelling, similarity) for spelling, similarity, _ in found if _may_be_close(spelling, word)]

    def _close_many(self, words: Sequence[str]) -> list[list[tuple[str, float]]]:
        """:meth:`_close` of each of ``words``, the same lists in the same order, from one ``cdist`` of the words
        against every spelling. A word of three or four letters is compared with every spelling too, not only those
        with its first letter (the pool :meth:`_close` searches): :func:`_may_be_close` drops the others anyway.
        ``extract`` lists a word's spellings best first, ties in pool order, and a pool keeps the spellings'
        order, so sorting each word's by similarity, stably, from spelling order gives the same order."""
        found: list[list[tuple[str, float]]] = [[] for _ in words]
        asked = [at for at, word in enumerate(words) if len(word) >= 3]
        if not asked or not self._choices:
            return found
        scores = process.cdist(
            [words[at] for at in asked],
            self._choices,
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=PARTIAL_CREDIT,
            dtype=np.float64,
        )
        rows, columns = np.nonzero(scores >= PARTIAL_CREDIT)  # row by row, spellings in order within each
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            word, spelling = words[asked[row]], self._choices[column]
            if _may_be_close(spelling, word):
                found[asked[row]].append((spelling, float(scores[row, column])))
        return [sorted(near, key=lambda pair: -pair[1]) if len(near) > 1 else near for near in found]

    def _word(self, word: str, near: Sequence[tuple[str, float]]) -> WordReach:
        """What ``word`` can do, given its close spellings ``near`` (:meth:`_close`). Most words of a Latin
        candidate can do nothing against a Chinese name (no spelling, initials, close spelling or phrase): those
        are answered first, with the reach the full reckoning below gives such a word."""
        stemmed = _stem(word)
        in_phrase = stemmed in self._phrase_text or any(key in self._forms for key in _form_keys(word))
        in_phrase = in_phrase or bool(self._joined(word))
        if not near and not in_phrase and word not in self.spellings and word not in self.initials:
            return UNEXPLAINED_GENERIC if word in GENERIC_WORDS else UNEXPLAINED
        close = tuple(near)
        best_close = max(similarity for _s, similarity in close) if close else 0.0
        cost = least_cost(word, word in self.spellings or in_phrase, word in self.initials, best_close)
        # Any span at all, without listing them: a close spelling is a span's, and so is a phrase it is a piece of
        # (a phrase it begins is one: every phrase is in the one string ``in_phrase`` searched).
        explainable = word in self.spellings or word in self.initials or bool(close) or in_phrase
        return WordReach(cost, explainable, word in self.trade_spellings, bool(close), close)

    def _joined(self, word: str) -> list[tuple[str, str]]:
        """:func:`~threadline.matching.align.joined_parts` of ``word`` and the name's phrases: its first part is a
        phrase, so the word begins with a phrase's first ``MIN_PART`` letters, or it has none."""
        return joined_parts(word, self._phrase_set) if word[:MIN_PART] in self._heads else []

    def _phrase_spans(self, stemmed: str) -> list[Span]:
        """Spans with a glossary or dictionary phrase that a run of words starting with this one may spell: the
        phrase, written as one string, begins with the word."""
        spans: list[Span] = []
        at = bisect_left(self._phrases, stemmed)
        while at < len(self._phrases) and self._phrases[at].startswith(stemmed):
            spans += [(i, k, 1.0) for i, k in self._by_phrase[self._phrases[at]]]
            at += 1
        return spans


def least_cost(word: str, spelled_or_meant: bool, initials: bool, best_close: float) -> float:
    """The least a Latin word can add to the Latin side's unexplained share: nothing when it is a span's spelling or
    begins a phrase of the name; else the cheapest of leaving it out (half for a generic word), its best close
    spelling's shortfall and, when it is a span's initials, their shortfall. Shared by :class:`HanVocabulary` and
    :mod:`threadline.matching.latin_side`, which must reckon every pair the same."""
    if spelled_or_meant:
        return 0.0
    costs = [GENERIC_WEIGHT if word in GENERIC_WORDS else 1.0, 1.0 - best_close]
    if initials:
        costs.append(1.0 - INITIALS_CREDIT)
    return min(costs)


def _may_be_close(spelled: str, word: str) -> bool:
    """Whether the aligner may credit ``word`` as a close spelling of ``spelled`` (persons: five letters or more and
    a length within two, or four letters, the same first letter and a length within one) or as a free rendering of
    it (companies: same first letter, three letters or more, and not the exact beginning or end of the spelling). Its
    other conditions (span length, places, the four-letter word being no pinyin) are left out."""
    close_pinyin = len(word) >= 5 and abs(len(spelled) - len(word)) <= 2
    close_pinyin = close_pinyin or (len(word) == 4 and word[0] == spelled[0] and abs(len(spelled) - 4) <= 1)
    rendering = len(word) >= 3 and word[0] == spelled[0] and not spelled.startswith(word) and not spelled.endswith(word)
    return close_pinyin or rendering


_form_keys = lru_cache(maxsize=1 << 16)(form_keys)
""":func:`~threadline.matching.align.form_keys`, remembered as :data:`_stem` is: every new Chinese query asks for
those of a couple of hundred words, most of them met before."""
_stem = lru_cache(maxsize=1 << 16)(stem)
""":func:`~threadline.matching.align.stem`, remembered: a Chinese query's candidates bring a couple of hundred words,
most of them met before in other list names."""


@lru_cache(maxsize=20_000)
def char_readings(char: str) -> frozenset[str]:
    """Every toneless reading of one character (行: hang, xing), with the one :func:`~threadline.names.han.
    readings` gives it alone; a character pypinyin does not know reads as itself, as in ``readings``. A superset of
    its reading in any context (checked on every span of thousands of real names in ``tests/matching/
    test_bound.py``)."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(found[0] if found else ()) | {r for r in readings(char)[0]}


def prepare(han: str, names: Iterable[Sequence[str]], spoken: bool = False) -> None:
    """Work out at once what the words of all ``names`` (each as :func:`~threadline.matching.align.alignable_words`
    gives them) can do against ``han``, before :func:`reach` is asked about each pair: for a Chinese query and its
    Latin candidates (see :meth:`HanVocabulary.prepare`). Changes no bound, only when it is worked out."""
    if han:
        vocabulary(han, spoken).prepare(word for words in names for word in words)


@lru_cache(maxsize=128)
def vocabulary(han: str, spoken: bool = False) -> HanVocabulary:
    """The vocabulary of a Chinese name core, with the glossary and the general dictionary (both, whichever the
    aligner uses for the pair: a larger vocabulary only loosens the bound). The most recent 128 are kept, with at
    most :data:`WORDS_REMEMBERED` words each: a Chinese query needs its own only while it is screened, a Chinese
    list name is met again by many Latin queries. A name too long to be a person's is read only by pinyin however
    ``spoken``: both ask for one vocabulary, with one memo of word reaches (a query's schema-less pairs are bounded
    as spoken, then those it lets through as its candidates' entries are, mostly companies')."""
    if spoken and len(han) > MAX_NAME:
        return vocabulary(han, False)
    return HanVocabulary(han, (glossary(), dictionary()), spoken)


def latin_share(han: str, words: Sequence[str], spoken: bool = False) -> float:
    """The Latin side's bound of the pair, ``1 - (the words' least costs) / (number of words)``, summed as
    :func:`reach` sums it (the same float): what :func:`reach` returns, plus ``SLACK``, when it rules the pair out by
    this side, and never less than what it returns otherwise (``max(0, this) + SLACK`` bounds both), without the
    rest of what :func:`reach` gathers. ``han`` and ``words`` must not be empty."""
    vocab = vocabulary(han, spoken)
    if _fused(han, words, vocab):
        return 1.0  # read apart, the word becomes several the bound does not know (see :func:`reach`)
    cost = 0.0
    for word in words:
        cost += vocab.word(word).cost
    return 1.0 - cost / len(words)


def leaves_only(
    han: str, words: Sequence[str], word_ok: Callable[[str], bool], chars_ok: frozenset[int], spoken: bool = False
) -> bool:
    """Whether what every alignment of ``han`` with the Latin ``words`` leaves unexplained may be nothing but words
    ``word_ok`` accepts and characters at the positions ``chars_ok``: a word no step can explain (:func:`reach`'s
    ``hopeless``) must be accepted, and so must a character no word may explain and no name may leave out (one
    :func:`reach` counts in no word's coverage and gives no credit of its own). The words are asked first."""
    vocab = vocabulary(han, spoken)
    if _fused(han, words, vocab):
        return True  # a word written together may explain characters the bound does not see (see :func:`reach`)
    if not all(word_ok(word) for word in words if not vocab.word(word).explainable):
        return False
    left = [i for i, free in enumerate(vocab.free) if not free and i not in chars_ok]
    if not left:
        return True
    covered = [vocab.coverage(word).covers for word in words]
    return all(any(c[i] for c in covered) for i in left)


def _fused(han: str, words: Sequence[str], vocab: HanVocabulary) -> tuple[str, ...]:
    """The words the vocabulary does not explain in full that the aligner may read apart as pieces of ``han``
    (:func:`~threadline.matching.fused.split_word`: "sansteel" = 三 steel): no bound of this module holds for a pair
    with one, so the pair is bounded by 1. A word the vocabulary explains at no cost ("goldwind", 金风 joined) is
    bounded as it is. Not known to :mod:`~threadline.matching.latin_side`'s bounds of a Latin query (see
    benchmarks/README.md, session 26)."""
    return tuple(word for word in words if vocab.word(word).cost > 0 and split_word(han, word))


def reach(han: str, words: Sequence[str], enough: float = 0.0, spoken: bool = False) -> Reach:
    """The most an alignment of ``han`` with the Latin ``words`` (as :func:`~threadline.matching.align.
    alignable_words` gives them) can score: the lower of the two sides' bounds. When the Latin side's bound is
    already below ``enough`` (the least score that would matter to the caller), the Chinese side is not worked
    out: the bound returned is the Latin side's, and every character counts as explainable."""
    if not han or not words:
        return Reach(0.0, tuple(words))
    vocab = vocabulary(han, spoken)
    fused = _fused(han, words, vocab)
    if fused:  # read apart by the aligner (:mod:`~threadline.matching.fused`): bounded by nothing but 1
        hopeless = tuple(w for w in words if w not in fused and not vocab.word(w).explainable)
        return Reach(1.0, hopeless, True, True, len(han))
    # One pass over the words (a Chinese query meets a hundred Latin names, most ruled out by this side alone, so
    # this loop runs tens of thousands of times per thousand rows); the costs are added in the words' order, from
    # 0, as ``sum`` adds them.
    cost = 0.0
    unexplained: list[str] = []
    trade = close = False
    for word in words:
        each = vocab.word(word)
        cost += each.cost
        trade, close = trade or each.trade, close or each.close
        if not each.explainable:
            unexplained.append(word)
    latin = 1.0 - cost / len(words)
    hopeless = tuple(unexplained)
    if latin + SLACK < enough:
        return Reach(max(0.0, latin) + SLACK, hopeless, trade, close, len(han))
    covered = [vocab.coverage(word) for word in words]
    credit = [max(given) for given in zip(vocab.free, *(c.credit for c in covered), strict=True)]
    explained = sum(any(reached) for reached in zip(*(c.covers for c in covered), strict=True))
    chinese = 1.0 - sum((1.0 - c for c in credit), 0.0) / len(han)
    score = max(0.0, min(latin, chinese))
    return Reach(min(1.0, score + SLACK), hopeless, trade, close, explained)
