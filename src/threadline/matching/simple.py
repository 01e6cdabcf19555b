"""The foundation matcher: normalised names, legal forms folded, rapidfuzz token-sort similarity.

It is deliberately simple and honest: the score is the name similarity with small, stated adjustments, and every
hit says which list name it matched, what was ignored and why the score moved. Candidates come from a token
index (whole words, 3-letter word prefixes, Han bigrams) so only plausible names are scored.

Score = token_sort_ratio(query core, list core) on the Latin keys (0..1), capped by the same similarity on the
distinctive words only (generic words such as "technology" or "international" removed: "TTM Technologies" is
not "TiMi Technologies"), then
  x 0.90 when both distinctive parts are a single word and differ (one word leaves little to go on),
  x 0.90 when the list name is a weak alias,
  - 0.05 when both sides give countries and none is shared,
  x 0.85 when either name is shorter than 5 letters and they are not identical (short names collide).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process

from threadline.matching.align import Alignment
from threadline.matching.calibration import calibrate
from threadline.matching.crossscript import (
    cross_align,
    evidence_group,
    han_block_keys,
    han_core,
    han_similarity,
    known_terms_differ,
    leftovers,
    trade_name,
)
from threadline.matching.model import Hit, Query, schemata_compatible
from threadline.model import Entity, Name
from threadline.names.normalize import NameKey, name_key, tokens

MIN_NAME_SIMILARITY = 0.70
MAX_CROSS_CANDIDATES = 100
"""Most candidates aligned across scripts per query, those sharing the most index keys first."""
GROUP_WORDS = frozenset({"group", "holding", "holdings"})
GROUP_TERMS = ("集团", "控股")
RELATED_CAP = 0.75
"""The score of a pair that differs only in the group term (集团, "Group"): related, below the match threshold."""
CONFLICT_CAP = 0.6
"""Score ceiling when both names keep a distinctive part the other does not explain (顺灏 vs "Jiutai"), unless they
share a trade name and one leftover is unknown to the glossary (with 惠天 = Huitian in common, 热 vs "thermal" is a
term the glossary lacks; 德赛电池 vs "Desay Lighting" are two known terms: two members of a group)."""
"""Score ceiling for a pair where one side is the group (集团, "Group") and the other is not."""
MAX_POSTINGS = 3_000
"""Tokens carried by more names than this ("china", "trading") do not open candidates on their own."""


@dataclass(frozen=True, slots=True)
class _Record:
    entity: int
    name: Name
    key: NameKey


def _block_keys(key: NameKey) -> set[str]:
    keys: set[str] = set()
    for form in {key.core, key.latin}:
        for token in tokens(form):
            keys.add(token)
            if len(token) >= 4 and token.isascii():
                keys.add(f"{token[:3]}…")
    words = key.latin.split()
    if key.latin.isascii():  # "zhong tai" is also indexed as "zhongtai", as a Chinese name is looked up
        keys.update(a + b for a, b in pairwise(words))
    han = han_core(key.original)
    if han:
        keys |= han_block_keys(han)
    return keys


class SimpleMatcher:
    """Index the names of ``entities`` once; answer :meth:`match` queries against them."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        self._records: list[_Record] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for entity_index, entity in enumerate(self.entities):
            if entity.extra.get("no_name"):
                continue  # known only by address (e.g. an OFAC add.csv row newer than sdn.csv)
            for name in entity.names:
                key = name_key(name.value)
                record_id = len(self._records)
                self._records.append(_Record(entity_index, name, key))
                for block in _block_keys(key):
                    postings[block].append(record_id)
        self._postings = dict(postings)
        self._latin = [record.key.latin for record in self._records]

    def compare(self, query: Query, entity: Entity) -> Hit | None:
        """Score one query against one entity directly (no candidate index), best name wins. For labelled pairs."""
        key = name_key(query.name)
        best: Hit | None = None
        for name in entity.names:
            record = _Record(0, name, name_key(name.value))
            if bool(han_core(key.original)) != bool(han_core(record.key.original)):
                hit = _cross_score(query, key, record, entity, floor=0.0)
            else:
                query_han, record_han = han_core(key.original), han_core(record.key.original)
                if query_han and record_han:
                    similarity = han_similarity(query_han, record_han)
                else:
                    similarity = fuzz.token_sort_ratio(key.latin, record.key.latin) / 100.0
                hit = _score(query, key, record, entity, similarity)
            if hit is not None and (best is None or hit.score > best.score):
                best = hit
        return best

    def _same_script(self, query: Query, key: NameKey, record_id: int, similarity: float) -> Hit:
        record = self._records[record_id]
        query_han, record_han = han_core(key.original), han_core(record.key.original)
        if query_han and record_han:
            similarity = han_similarity(query_han, record_han)
        return _score(query, key, record, self._entity(record_id), similarity)

    def cross_candidates(self, name: str, limit: int = MAX_CROSS_CANDIDATES) -> list[tuple[Entity, Name]]:
        """The names in the other script that a query would be aligned with (for calibration and diagnostics)."""
        key = name_key(name)
        query_han = bool(han_core(key.original))
        ids = [i for i in self._candidates(key) if bool(han_core(self._records[i].key.original)) != query_han]
        return [(self._entity(i), self._records[i].name) for i in self._most_shared(key, ids, limit)]

    def _most_shared(self, key: NameKey, record_ids: list[int], limit: int) -> list[int]:
        """The ``limit`` records sharing the rarest index keys with the query (alignment is the costly step).

        Each shared key weighs 1 / (names carrying it): "iflytek" (one name) outweighs "keda" (many)."""
        if len(record_ids) <= limit:
            return record_ids
        wanted = set(record_ids)
        shared: dict[int, float] = defaultdict(float)
        for block in _block_keys(key):
            ids = self._postings.get(block, [])
            if len(ids) <= MAX_POSTINGS:
                for i in ids:
                    if i in wanted:
                        shared[i] += 1.0 / len(ids)
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))  # ties by id: same on every run
        return [i for i, _n in ranked[:limit]]

    def _entity(self, record_id: int) -> Entity:
        return self.entities[self._records[record_id].entity]

    def _candidates(self, key: NameKey) -> list[int]:
        lists = [self._postings.get(block, []) for block in _block_keys(key)]
        selective = [ids for ids in lists if len(ids) <= MAX_POSTINGS]
        chosen = selective or [ids for ids in lists if ids]
        found: set[int] = set()
        for ids in chosen:
            found.update(ids)
        return sorted(found)

    def match(self, query: Query, limit: int = 10, threshold: float = 0.0) -> list[Hit]:
        """Hits at or above ``threshold``, best first, at most one per list entry."""
        key = name_key(query.name)
        if not key.core:
            return []
        candidates = self._candidates(key)
        if not candidates:
            return []
        query_han = bool(han_core(key.original))
        same = [i for i in candidates if bool(han_core(self._records[i].key.original)) == query_han]
        cross = [i for i in candidates if bool(han_core(self._records[i].key.original)) != query_han]
        scored = process.extract(
            key.latin,
            [self._latin[i] for i in same],
            scorer=fuzz.token_sort_ratio,
            processor=None,
            limit=None,
            score_cutoff=MIN_NAME_SIMILARITY * 100,
        )
        hits = [self._same_script(query, key, same[pos], sim / 100) for _c, sim, pos in scored]
        for record_id in self._most_shared(key, cross, MAX_CROSS_CANDIDATES):
            hit = _cross_score(query, key, self._records[record_id], self._entity(record_id))
            if hit is not None:
                hits.append(hit)
        best: dict[tuple[str, str], Hit] = {}
        for hit in hits:
            ident = (hit.entity.source, hit.entity.entry_id)
            if not schemata_compatible(query.schema, hit.entity.schema) or hit.score < threshold:
                continue
            if ident not in best or hit.score > best[ident].score:
                best[ident] = hit
        ranked = sorted(best.values(), key=lambda h: (-h.score, h.entity.source, h.entity.entry_id))
        return ranked[:limit]


def _cross_score(
    query: Query, key: NameKey, record: _Record, entity: Entity, floor: float = MIN_NAME_SIMILARITY
) -> Hit | None:
    person = entity.schema == "Person" or query.schema == "Person"
    alignment = cross_align(key, record.key, person)
    if alignment is None or (not person and alignment.explained_han < 2):
        return None  # one character ("HUA" for 化) is no evidence for a company
    related = _group_difference(alignment)
    shared = "" if person else trade_name(alignment)
    group = evidence_group(alignment)
    if related is None and (alignment.score if person else calibrate(alignment.score, group)) < floor:
        return None
    label = "primary name" if record.name.kind == "primary" else f"{record.name.kind} name"
    parts = [
        f"name {query.name!r} ~ {label} {record.name.value!r} across scripts: {alignment.describe()}; "
        f"alignment score {alignment.score:.2f}"
    ]
    score = alignment.score if person else calibrate(alignment.score, group)
    if not person:
        parts[0] += f", calibrated {score:.2f}" + (f" (shared trade name {shared!r})" if shared else "")
    features: list[tuple[str, float]] = [("cross_script_alignment", alignment.score), ("calibrated", score)]
    leftover_han, leftover_words = leftovers(alignment)
    differ = bool(leftover_han and leftover_words) and (not shared or known_terms_differ(alignment))
    if not person and differ and score > CONFLICT_CAP:
        score = CONFLICT_CAP
        features.append(("conflicting_leftovers", CONFLICT_CAP))
        parts.append(
            f"each name has its own unmatched part ({leftover_han!r} vs {' '.join(leftover_words)!r}): "
            f"likely different parties, capped at {CONFLICT_CAP}"
        )
    relation = None
    if related is not None:
        relation = "related"
        score = RELATED_CAP
        features.append(("related", RELATED_CAP))
        parts.append(f"only one name says {related!r}: a group and its member are related, not the same party")
    if record.name.kind == "weak":
        score *= 0.90
        features.append(("weak_alias", 0.90))
        parts.append("weak alias x0.90")
    if query.country and entity.countries and query.country not in entity.countries:
        score -= 0.05
        features.append(("country_mismatch", -0.05))
        parts.append(f"country {query.country} not in entry's {', '.join(entity.countries)} -0.05")
    return Hit(entity, max(0.0, min(1.0, score)), record.name, "; ".join(parts), tuple(features), relation)


def _group_difference(alignment: Alignment) -> str | None:
    """The group term (集团, "Group") when it is all that one name has and the other lacks, else ``None``."""
    han_left = alignment.unexplained_han
    words_left = [w for w in alignment.unexplained_latin if w not in GROUP_WORDS]
    group_han = [t for t in GROUP_TERMS if t in han_left]
    group_words = sorted(set(alignment.unexplained_latin) & GROUP_WORDS)
    rest_han = han_left
    for term in group_han:
        rest_han = rest_han.replace(term, "")
    if (group_han or group_words) and not rest_han and not words_left:
        return ", ".join([*group_han, *group_words])
    return None


def _score(query: Query, key: NameKey, record: _Record, entity: Entity, similarity: float) -> Hit:
    features: list[tuple[str, float]] = [("name_similarity", similarity)]
    label = "primary name" if record.name.kind == "primary" else f"{record.name.kind} name"
    parts = [f"name {key.latin!r} ~ {label} {record.name.value!r}: token-sort similarity {similarity:.2f}"]
    other = record.key
    if (key.distinctive, other.distinctive) != (key.latin, other.latin):
        distinct = fuzz.token_sort_ratio(key.distinctive, other.distinctive) / 100.0
        if distinct < similarity:
            similarity = distinct
            features.append(("distinctive_similarity", distinct))
            parts.append(f"distinctive words {key.distinctive!r} ~ {other.distinctive!r}: {distinct:.2f}")
    if " " not in key.distinctive and " " not in other.distinctive and key.distinctive != other.distinctive:
        similarity *= 0.90
        features.append(("single_word", 0.90))
        parts.append("single distinctive word, not identical x0.90")
    ignored = sorted(set(key.removed) | set(record.key.removed))
    if ignored:
        parts.append(f"ignored legal forms/qualifiers {', '.join(repr(x) for x in ignored)}")
    if key.latin != key.core or record.key.latin != record.key.core:
        parts.append("compared after transliteration to Latin letters")
    score = similarity
    if record.name.kind == "weak":
        score *= 0.90
        features.append(("weak_alias", 0.90))
        parts.append("weak alias x0.90")
    if min(len(key.latin), len(record.key.latin)) < 5 and key.latin != record.key.latin:
        score *= 0.85
        features.append(("short_name", 0.85))
        parts.append("short name x0.85")
    if query.country and entity.countries:
        if query.country in entity.countries:
            parts.append(f"country {query.country} matches")
        else:
            score -= 0.05
            features.append(("country_mismatch", -0.05))
            parts.append(f"country {query.country} not in entry's {', '.join(entity.countries)} -0.05")
    score = max(0.0, min(1.0, score))
    return Hit(entity, score, record.name, "; ".join(parts), tuple(features))
