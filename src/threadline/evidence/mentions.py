"""Find candidate mentions of list entries in a text: every form of every name in one Aho-Corasick automaton,
a tolerant pass for slips, and Chinese organisation names scored by the cross-script matcher.

1. **Exact forms.** The document's projection (:func:`threadline.evidence.text.project`) is searched once for every
   form of every name (:mod:`threadline.evidence.names`); a hit counts only when it starts and ends on a word (or
   Chinese syllable) boundary. Latin forms must lie in Latin text, pinyin forms inside a run of Chinese
   characters. Names listed in characters are searched in the simplified text by a second, small automaton.
2. **Slips.** A word of five letters or more that no list name contains, but that is one edit (a dropped, doubled,
   changed or swapped letter) from a word that one does, is corrected and the words around it are searched again:
   "Min Aung Hliang" is found as "min aung hlaing". Only forms of two words or more, whose other words are written
   exactly, are found this way.
3. **Chinese organisation names.** Each run of characters ending in a legal form or an organisation word (有限公司,
   集团, 兵团, 公安局, 硅业 ...) is cut at every start up to :data:`MAX_ORG_CHARS` characters back and scored
   by the cross-script matcher (新疆生产建设兵团 -> "Xinjiang Production and Construction Corps"); the best
   start wins.

What is found here is a *candidate*: whether it becomes a link is decided in :mod:`threadline.evidence.link`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ahocorasick
from rapidfuzz.distance import OSA

from threadline.evidence.names import Form, all_forms
from threadline.evidence.text import Projection, han_text, project
from threadline.matching.model import Hit, Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name
from threadline.names.han import HAN as _HAN
from threadline.names.han import leading_province

MIN_SLIP_WORD = 5
"""Shortest word in which a slip is looked for ("Hliang"); shorter words have too many neighbours."""
SLIP_WINDOW = 5
"""Words searched again on each side of a corrected word."""
ORG_TERMS = (
    "股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司", "集团", "兵团", "公安局", "公安厅", "监狱",
    "硅业", "化工", "纺织", "棉业", "实业", "科技", "委员会", "政法委",
)  # fmt: skip
"""Words a Chinese organisation name ends with; a candidate name is cut back from each."""
MAX_ORG_CHARS = 22
BREAK_CHARS = frozenset("的了在和与及对被将把向从由是为称说据以等其该这那但而或即并也就都已于")
"""Characters that end the words before a name: a name is tried from just after each (and from the run's start)."""
BREAK_WORDS = ("下属", "旗下", "企业", "包括", "表示", "指出", "认为", "以及", "还有", "制裁", "清单", "名单")
MAX_STARTS = 6
"""Starts tried per organisation word, the nearest first: each is one call of the cross-script matcher."""
MIN_MATCHER_SCORE = 0.85
_HAN_OR_BRACKET = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff（）()]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of the document that may name a list entry."""

    start: int
    end: int
    text: str
    entity: Entity
    name: Name
    variant: str
    """How the list name was written to be found (see :class:`threadline.evidence.names.Form`); ``matcher`` for a
    Chinese organisation name scored by the cross-script matcher."""
    similarity: float = 1.0
    """1.0 for an exact form; less for a slip or a matcher score."""
    detail: str = ""


class MentionIndex:
    """Index the names of ``entities`` once; :meth:`find` the candidate mentions of a text."""

    def __init__(self, entities: Sequence[Entity], matcher: SimpleMatcher | None = None) -> None:
        self.entities = list(entities)
        self.matcher = matcher
        self.forms: list[Form] = []
        by_key: dict[str, list[int]] = defaultdict(list)
        han_keys: dict[str, list[int]] = defaultdict(list)
        for form in all_forms(self.entities):
            (han_keys if form.script == "han" else by_key)[form.key].append(len(self.forms))
            self.forms.append(form)
        self._automaton = _automaton(by_key)
        self._han_automaton = _automaton(han_keys)
        self.vocabulary = frozenset(
            word for k in by_key for word in k.split() if len(word) >= MIN_SLIP_WORD and word.isalpha()
        )
        deletes: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            for variant in _deletes(word):
                deletes[variant].append(word)
        self._deletes = dict(deletes)
        self._scored: dict[str, list[Hit]] = {}

    def find(self, text: str) -> list[Candidate]:
        """Every candidate mention in ``text``, in reading order."""
        projection = project(text)
        found = list(self._exact(text, projection))
        found += self._slips(text, projection)
        found += self._characters(text)
        if self.matcher is not None:
            found += self._organisations(text)
        unique = {(c.start, c.end, c.entity.source, c.entity.entry_id, c.name): c for c in found}
        return sorted(unique.values(), key=lambda c: (c.start, -c.end, -c.similarity))

    def _exact(self, text: str, projection: Projection) -> Iterator[Candidate]:
        searched = projection.text
        for last, ids in _iter(self._automaton, searched):
            start, end = last - len(self.forms[ids[0]].key) + 1, last + 1
            if start not in projection.boundaries or end not in projection.boundaries:
                continue
            in_han = start in projection.han
            for form_id in ids:
                form = self.forms[form_id]
                if (form.script == "pinyin") != in_han or (in_han and end - 1 not in projection.han):
                    continue
                left, right = projection.span(start, end)
                yield self._candidate(form, left, right, text)

    def _candidate(self, form: Form, start: int, end: int, text: str, similarity: float = 1.0, detail: str = ""
                   ) -> Candidate:  # fmt: skip
        entity = self.entities[form.entity]
        return Candidate(start, end, text[start:end], entity, form.name, form.variant, similarity, detail)

    def _characters(self, text: str) -> Iterator[Candidate]:
        for last, ids in _iter(self._han_automaton, han_text(text)):
            length = len(self.forms[ids[0]].key)
            for form_id in ids:
                yield self._candidate(self.forms[form_id], last - length + 1, last + 1, text)

    def corrections(self, word: str) -> list[str]:
        """List-name words one edit away from ``word`` (same first letter), closest first."""
        if word in self.vocabulary or len(word) < MIN_SLIP_WORD:
            return []
        near: set[str] = set()
        for variant in (word, *_deletes(word)):
            near.update(self._deletes.get(variant, ()))
            if variant in self.vocabulary:
                near.add(variant)
        return sorted(w for w in near if w[0] == word[0] and OSA.distance(w, word) == 1)

    def _slips(self, text: str, projection: Projection) -> Iterator[Candidate]:
        words = [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", projection.text)]
        words = [(s, e) for s, e in words if s not in projection.han]
        tokens = [projection.text[s:e] for s, e in words]
        for i, token in enumerate(tokens):
            for correction in self.corrections(token):
                low, high = max(0, i - SLIP_WINDOW), min(len(tokens), i + SLIP_WINDOW + 1)
                window = [correction if j == i else tokens[j] for j in range(low, high)]
                yield from self._window(text, projection, words, window, low, i, token, correction)

    def _window(
        self,
        text: str,
        projection: Projection,
        words: list[tuple[int, int]],
        window: list[str],
        low: int,
        slipped: int,
        token: str,
        correction: str,
    ) -> Iterator[Candidate]:
        joined = " ".join(window)
        starts = {len(" ".join(window[:k])) + (1 if k else 0): low + k for k in range(len(window))}
        ends = {len(" ".join(window[: k + 1])): low + k for k in range(len(window))}
        for last, ids in _iter(self._automaton, joined):
            form = self.forms[ids[0]]
            first_word, last_word = starts.get(last - len(form.key) + 1), ends.get(last + 1)
            if first_word is None or last_word is None or not first_word <= slipped <= last_word:
                continue
            if first_word == last_word:
                continue  # a single word found only after correcting it is too little to go on
            left, _ = projection.span(*words[first_word])
            _, right = projection.span(*words[last_word])
            similarity = 1.0 - 1.0 / max(len(form.key), 1)
            detail = f"{text[left:right]!r} read as {form.key!r} (one-letter slip: {token!r} ~ {correction!r})"
            for form_id in ids:
                if self.forms[form_id].script == "latin":
                    yield self._candidate(self.forms[form_id], left, right, text, similarity, detail)

    def _organisations(self, text: str) -> Iterator[Candidate]:
        assert self.matcher is not None
        simplified = han_text(text)
        seen: set[tuple[int, int]] = set()
        for term in ORG_TERMS:
            for found in re.finditer(re.escape(term), simplified):
                end = found.end()
                first = end
                while first > 0 and end - first < MAX_ORG_CHARS and _HAN_OR_BRACKET.match(simplified[first - 1]):
                    first -= 1
                if (first, end) in seen:
                    continue
                seen.add((first, end))
                yield from self._best_window(text, simplified, first, found.start(), end)

    def _best_window(self, text: str, simplified: str, first: int, term_start: int, end: int) -> Iterator[Candidate]:
        """Score every start between ``first`` and the organisation word; keep the best entries."""
        assert self.matcher is not None
        best: dict[tuple[str, str], tuple[float, int, Candidate]] = {}
        for start in _starts(simplified, first, term_start):
            span = simplified[start:end]
            if span not in self._scored:
                self._scored[span] = self.matcher.match(Query(span), limit=5, threshold=MIN_MATCHER_SCORE)
            for hit in self._scored[span]:
                if hit.entity.schema == "Person" or hit.relation:
                    continue
                ident = (hit.entity.source, hit.entity.entry_id)
                candidate = Candidate(start, end, text[start:end], hit.entity, hit.matched_name, "matcher",
                                      hit.score, hit.explanation)  # fmt: skip
                # Higher score first; at equal score the longer span (it explains more of the name).
                rank = (hit.score, end - start)
                if ident not in best or rank > best[ident][:2]:
                    best[ident] = (*rank, candidate)
        for _score, _length, candidate in best.values():
            yield candidate


def _starts(text: str, first: int, term_start: int) -> list[int]:
    """Where a name ending at ``term_start`` may begin: the run's start, after a break character or word, and at
    a province name; the nearest :data:`MAX_STARTS` leaving at least two characters before the word."""
    found = {first}
    for i in range(first, term_start):
        if text[i] in BREAK_CHARS:
            found.add(i + 1)
        for word in BREAK_WORDS:
            if text.startswith(word, i):
                found.add(i + len(word))
        if leading_province(text[i:term_start]):
            found.add(i)
    usable = sorted((s for s in found if s <= term_start - 2 and _HAN.match(text[s])), reverse=True)
    return usable[:MAX_STARTS]


def _iter(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
    """The automaton's matches in ``text``; none when it holds no names (e.g. no list gives names in Chinese)."""
    if automaton.kind != ahocorasick.AHOCORASICK:
        return iter(())
    found: Iterator[tuple[int, tuple[int, ...]]] = automaton.iter(text)
    return found


def _automaton(keys: dict[str, list[int]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key_text, ids in keys.items():
        automaton.add_word(key_text, tuple(ids))
    automaton.make_automaton()
    return automaton


def _deletes(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
