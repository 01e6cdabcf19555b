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

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple, Protocol

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from threadline.matching.align import GENERIC_WEIGHT, Alignment, alignable_words, with_given_name
from threadline.matching.bound import SLACK, Reach, latin_share, leaves_only, prepare, reach
from threadline.matching.calibration import (
    CONFLICT,
    CONFLICT_SOUND,
    GROUPS,
    RENDERING,
    RENDERING_PINYIN,
    TRADE_NAME,
    calibrate,
)
from threadline.matching.crossscript import (
    branch_place,
    cross_align,
    evidence_group,
    han_block_keys,
    han_core,
    han_similarity,
    latin_branch_place,
    leftovers,
    personal_name,
    pinyin_rendering,
    sounding_brand,
    spoken_block_keys,
    trade_name,
)
from threadline.matching.filed import apart, filed, via_listing
from threadline.matching.identifiers import IdentifierIndex, with_identifiers
from threadline.matching.identifiers import adjust as identifier_adjust
from threadline.matching.index import CandidateIndex, Postings
from threadline.matching.latin_side import known_leaves_only, known_reach, work_out
from threadline.matching.latin_side import latin_share as known_latin_share
from threadline.matching.model import Hit, Query, list_side_adjustments, schemata_compatible
from threadline.matching.namework import NameWork, NameWorks
from threadline.matching.persons import (
    OTHER_GIVEN_NAME_CAP,
    consonant_similarity,
    other_given_name,
    person_similarity,
    similarity_bounds,
)
from threadline.matching.relatable import (
    group_positions,
    han_group_difference,
    han_readings,
    latin_group_difference,
    words_readings,
)
from threadline.matching.scripts import ScriptFlags, pick
from threadline.matching.shortforms import hit_reach as short_form_reach
from threadline.matching.shortforms import index_keys as short_form_keys
from threadline.matching.shortforms import query_keys as short_form_query_keys
from threadline.matching.shortforms import reading as short_form_reading
from threadline.matching.shortforms import short_form_hit
from threadline.matching.tokenset import may_reach_set
from threadline.matching.units import (
    NUMBERED_TERM,
    han_units_apart,
    is_group_word,
    latin_units_apart,
    numbered_units,
    strip_group_terms,
)
from threadline.matching.vectorised import (
    Ids,
    RecentTexts,
    SortedNames,
    among,
    flagged,
    held_weight,
    id_list,
    intersection,
    merged_ids,
    most_shared,
    repeated_words,
    sorted_words,
)
from threadline.model import Entity, Name
from threadline.names.abjad import arabic_skeletons, is_abjad, latin_skeletons
from threadline.names.brands import brand_table
from threadline.names.brandsound import may_sound_alike, spelled
from threadline.names.glossary import english_words, glossary
from threadline.names.han import pinyin_syllables, spells_pinyin
from threadline.names.listed import counterparts
from threadline.names.memo import Memo
from threadline.names.normalize import NameKey, distinctive_words, has_han, name_key, tokens
from threadline.names.places import is_place, latin_division_words
from threadline.names.romanisations import MAX_NAME, may_be_given_name
from threadline.names.transcribed import is_transcribed, latin_keys, lookup_keys, part_keys, sounds_alike
from threadline.settings import listed_hold_out

MIN_NAME_SIMILARITY = 0.70
SUBSET_SIMILARITY = 0.95
"""Token-set similarity from which a person's name holding the other's parts is scored part by part."""
MIN_SOUND = 3
"""Shortest sound key a transcribed part finds persons' names by ("VrkVn" for Erkin; "bm" of Obama is too common)."""
MAX_CROSS_CANDIDATES = 100
"""Most candidates aligned across scripts per query, those sharing the most index keys first."""
DECODE_AFTER = 64
"""Name look-ups after which every Latin key of a persisted index is decoded and kept (:meth:`SimpleMatcher.
_decode_keys`, about a tenth of a second and 150 MB at a million names): a query reads a couple of thousand
candidates' keys, a third of a microsecond each from the mapped file, a fifth of a median query's time against a
million names; a process that keeps asking wins that back within a few dozen queries, a one-off ``threadline match``
never gets there."""
MERGE_AFTER = 16
"""Name look-ups after which a persisted index's key tables are merged and searched once per name, rather than once
per segment (:meth:`~threadline.matching.index.Postings.prefetch`): merging the 1.8 million keys of a 1M list
takes 0.14 s, more than a one-off ``threadline match`` saves by it; screening merges them in ``warm``. From then on
which entries may be persons is also known for every name at once (:meth:`~threadline.matching.index.
CandidateIndex.person_flags`, 0.26 s at a million entities) instead of searched for in each query's candidates'
entries, a few thousand a Latin query (about 3 ms of it at a million); and the Latin keys are read from their
heaps decoded whole (:meth:`~threadline.matching.index.CandidateIndex.keep_texts`, 20-30 ms at a million)."""
CORPORATION = frozenset({"corporation", "corp"})
"""Legal-form words English names also use for a group (中国石油天然气集团 = "China National Petroleum Corporation")."""
RELATED_CAP = 0.75
"""The score of a pair that differs only in the group term (集团, "Group"): related, below the match threshold."""
RELATED_LIMIT = 3
"""Most related hits :meth:`SimpleMatcher.related` returns (as trace keeps per party)."""
RELATED_SEARCH = 10
"""Hits :meth:`SimpleMatcher.related` asks :meth:`SimpleMatcher.match` for, down to the cap: related hits rank
below the others there, so it asks for more than it returns."""
SPACING_ONLY = 0.95
"""The similarity of two company names at least :data:`MIN_NAME_SIMILARITY` alike that differ only in where words
are split ("Kuang-Chi Group" / "KUANGCHI GROUP"): the letters agree, the split is a matter of style."""
SINGLE_WORD = 0.90
"""Factor on two persons' names one of which is a single word, unless they are the same (:func:`_single_word`)."""
SHORT_NAME = 0.85
"""Factor on two names one of which is shorter than five letters, unless they are the same (:func:`_short_name`)."""
CONFLICT_CAP = 0.6
"""Score ceiling when both names keep a distinctive part the other does not explain (顺灏 vs "Jiutai"; 化学 vs
"nuclear"; 信邦 vs "Yibai"; 立 vs "Daqo"), unless the names share or render a trade name or the English leftover
may be a brand for two or more Chinese characters (see :func:`_cross_score`): two companies beside the same place
and industry."""
SOUND_CAP = 0.8
"""Score ceiling of a pair whose trade names differ and only sound alike (the ``conflict_sound`` group: 京蓝
jinglan / "Kingland"): a hit for a reviewer, below the match threshold. On the labelled pairs the group is mostly
right (its negatives are one company's few neighbours of the same place and industry), but a large list offers
each English name many Chinese names of its place and industry, and a consonant skeleton of three or four letters
matches some by chance: against the synthetic 1M list, 134 of the 100,000 rows of the supplier bench file were
listed on a sound alone, every one wrong ("Jointown" ~ 空港 konggang, "Giuseppe" ~ 贵绳 guisheng, "Capstone" ~ 集团
jituan), and against the embedded lists 4 rows (宁波鲍斯 baosi ~ "Ningbo Blin Machinery")."""
MAX_POSTINGS = 3_000
"""Tokens carried by more names than this ("china", "trading") do not open candidates on their own."""
HAN_CORES_KEPT = 1 << 16
"""List names whose Chinese core the matcher keeps (:meth:`SimpleMatcher._han_core_of`): about ten megabytes."""
ALIGNED_KEPT = 1 << 12
"""Cross-script pairs whose score the matcher keeps (:meth:`SimpleMatcher._aligned`): the last few rows'."""
SHARED_PAIRS_KEPT = 1 << 13
"""Pairs of common keys whose shared names the matcher keeps (:meth:`SimpleMatcher._shared_pair`): each at most
:data:`MAX_POSTINGS` ids, most far fewer."""


@dataclass(frozen=True, slots=True, init=False)
class _Record:
    entity: int
    name: Name
    key: NameKey

    def __init__(self, entity: int, name: Name, key: NameKey) -> None:
        # (one a compared name: set directly, as :class:`~threadline.names.normalize.NameKey` says why)
        object.__setattr__(self, "entity", entity)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "key", key)


MAX_INTERSECTED = 200_000
"""Longest posting list searched in for :func:`_shared_common` (a three-letter beginning such as "sha…" is carried
by 120,000 of a million synthetic names: searching it costs more than the pair is likely to give)."""


def _shared_common(
    key: NameKey, by_block: Mapping[str, Ids], shared: Callable[[str, str], npt.NDArray[np.int64]]
) -> list[npt.NDArray[np.int64]]:
    """The names that share two common keys of two different words of a Latin query, when they are few.

    A key carried by more than :data:`MAX_POSTINGS` names opens no candidates on its own, which at a million names
    misses "Shein, Alexander Aleksandrovich" for "Alexander Alexandrovich Sheikh": "alexander" and "she…" are both
    common, and the query's rarer keys ("sheikh") are not the entry's. Two of them together are rare. Each word
    stands for itself when common, else for its beginning (a word misspelt or spelt another way shares that).
    ``shared(first, second)``: the names carrying both keys when they are :data:`MAX_POSTINGS` or fewer, else none."""
    common: dict[str, str] = {}  # beginning -> the key standing for a word that has it
    for word in dict.fromkeys(key.latin.split()):
        if len(word) < 4 or not word.isascii():
            continue
        beginning = f"{word[:3]}…"
        choice = word if len(by_block.get(word, ())) > MAX_POSTINGS else beginning
        if MAX_POSTINGS < len(by_block.get(choice, ())) <= MAX_INTERSECTED and beginning not in common:
            common[beginning] = choice  # words with one beginning ("alexander", "alexandrovich") count once
    chosen = list(common.values())
    found = []
    for at, first in enumerate(chosen):
        for second in chosen[at + 1 :]:
            both = shared(first, second)
            if len(both):
                found.append(both)
    return found


def _block_keys(key: NameKey) -> set[str]:
    """The index keys of a list name (the single source of them, see :mod:`threadline.matching.index`)."""
    return _spelling_keys(key) | short_form_keys(key.original)  # acr:xpcc, ini:xpcc, brand:hikvision


def _query_keys(key: NameKey) -> set[str]:
    """The index keys a query looks up: its spelling keys as a list name's, and the short-form keys that link it
    to a list name (an acronym it is written with among list names' initials, and the other way round)."""
    return _spelling_keys(key) | _short_form_query_keys(key.original)


_short_form_query_keys = lru_cache(maxsize=4_096)(short_form_query_keys)
""":func:`~threadline.matching.shortforms.query_keys`, remembered: a query asks for its index keys and then for the
candidates carrying them (a name's acronyms and brands are not worked out twice)."""


def _spelling_keys(key: NameKey) -> set[str]:
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


def _name_rank(hit: Hit) -> int:
    """Where the hit's list name stands among its entry's names (the primary name first): of two names of one entry
    that score alike, the earlier speaks for it, whatever order the candidates came in (曙光信息产业 is "Dawning
    Information Industry" and "Shuguang Information Industry", both 1.00; which one explained the hit changed with
    the interpreter's hash seed)."""
    names = hit.entity.names
    return names.index(hit.matched_name) if hit.matched_name in names else len(names)


class SimpleMatcher:
    """Index the names of ``entities`` once; answer :meth:`match` queries against them."""

    def __init__(self, entities: Sequence[Entity], index: CandidateIndex | None = None) -> None:
        """``index``: the persisted index of these entities (:mod:`threadline.matching.index`), whose records,
        postings and entities are read from disk on demand instead of being computed here; ``entities`` is then
        ignored (pass ``()``) and :attr:`entities` decodes an entry only when a hit needs it."""
        self._asked = 0  # names whose keys were looked up: after MERGE_AFTER, the merged key table pays for itself
        self.entities: Sequence[Entity]
        self._records: Sequence[_Record]
        self._postings: Mapping[str, Sequence[int]]
        self._latin: Sequence[str]
        self._index = index
        self._sorted_latin: SortedNames | None = None
        """Each name's Latin key with its words sorted, once known: in memory from the start, persisted once
        :meth:`warm` has decoded the keys (a single look-up does not pay for all of them)."""
        self._maybe_person: bytes | None = None
        """One byte per name, 1 when its entry may be a person (a superset), when known (as ``_sorted_latin``)."""
        self._repeated = b""
        """One byte per name, 1 when a word of its Latin key occurs twice (a persisted index has them)."""
        self._works = NameWorks()
        """What matching each recent name key found before reading entries (:mod:`~threadline.matching.namework`)."""
        self._known_flags: ScriptFlags | None = None
        """Which names are Chinese, once known (:attr:`_script_flags`)."""
        self._known_identifiers: IdentifierIndex | None = None
        self._known_skeletons: dict[str, tuple[int, ...]] | None = None
        self._known_sounds: dict[str, tuple[int, ...]] | None = None
        """:attr:`_identifier_index`, :attr:`_person_skeletons`, :attr:`_person_sounds`, once built: lazily set
        attributes, not ``cached_property`` (compiled, a class has no ``__dict__`` for it to keep its value in, and
        the 0.5 s pass over every name ran again on every query)."""
        self._han_cores: dict[int, str] = {}
        """:meth:`_han_core_of` of recent candidates, by record id (up to :data:`HAN_CORES_KEPT`)."""
        self._aligned_pairs: dict[tuple[Query, int], Hit | None] = {}
        """:meth:`_aligned` of recent queries' pairs (up to :data:`ALIGNED_KEPT`)."""
        self._shared_pairs: Memo[tuple[str, str], npt.NDArray[np.int64]] = Memo(SHARED_PAIRS_KEPT)
        """:meth:`_shared_pair` of recent queries' pairs of common keys (up to :data:`SHARED_PAIRS_KEPT`)."""
        if index is not None:
            self.entities, self._records = index.entities, index.records
            self._postings = index.postings
            self._latin = RecentTexts(index.latin, index.sorted_latin, index.sorted_lengths)
            self._known_flags = ScriptFlags(index.han_flags)  # persisted: no record decoded for it
            self._repeated = index.repeated_flags
        else:
            self.entities = list(entities)
            records: list[_Record] = []
            postings: dict[str, list[int]] = defaultdict(list)
            for entity_index, entity in enumerate(self.entities):
                if entity.extra.get("no_name"):
                    continue  # known only by address (e.g. an OFAC add.csv row newer than sdn.csv)
                for name in entity.names:
                    key = name_key(name.value)
                    record_id = len(records)
                    records.append(_Record(entity_index, name, key))
                    for block in _block_keys(key):
                        postings[block].append(record_id)
            self._records = records
            self._postings = dict(postings)
            self._latin = [record.key.latin for record in records]
            self._sorted_latin = SortedNames(self._latin)
            self._maybe_person = bytes(self.entities[r.entity].schema == "Person" for r in records)
            self._repeated = repeated_words(self._latin)

    def compare(self, query: Query, entity: Entity) -> Hit | None:
        """Score one query against one entity directly (no candidate index), best name wins. For labelled pairs.
        The name of a Chinese listed company is also compared by its other filed names (:mod:`threadline.names.
        listed`)."""
        best = self._compare_name(query, entity)
        hold_out = listed_hold_out()  # read once: reading the environment is Python, and it was read for every call
        listed = counterparts(query.name, hold_out)
        if best is not None and best.relation == "related" and not filed(listed, entity.names):
            return best  # the name as given says another party of the group: a near name of it cannot undo that
        for listing in listed:
            hit = self._compare_name(replace(query, name=listing.name), entity)
            if hit is not None and (best is None or hit.score > best.score):
                best = via_listing(query, listing, hit)
        return None if best is None else apart(query, [best], hold_out)[0]

    def _compare_name(self, query: Query, entity: Entity) -> Hit | None:
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
            hit = _prefer_short_form(hit, short_form_hit(query, name, entity, RELATED_CAP))
            if hit is not None and (best is None or hit.score > best.score):
                best = hit
        return identifier_adjust(best, query, entity)

    def _same_script(self, query: Query, key: NameKey, record_id: int, similarity: float) -> Hit:
        record = self._records[record_id]
        return _score(query, key, record, self._entity(record_id), _same_similarity(key, record, similarity))

    def _best_same_script(
        self,
        query: Query,
        key: NameKey,
        kept: Sequence[tuple[int, float]],
        may_be_person: Callable[[int], bool],
        limit: int,
        threshold: float,
    ) -> list[Hit]:
        """The hits of the same-script candidates ``kept`` (``(record id, similarity)``) that may be among the
        ``limit`` returned, in ``kept`` order: :meth:`_same_script` for each, most promising first, until the rest
        are provably below the ``limit`` best entries' scores (:func:`_least_kept`; a tie is still scored).

        What a pair can score is known before its entry is read (:meth:`_same_reach`); reading and scoring every
        candidate at 0.70 or more, a few dozen a row against a million names, was the largest part of a Latin
        query once the candidates were found, and most rank below the tenth hit. A pair scored as companies' names
        are (neither side a person's) is bounded more tightly by the list name, before its entry is read
        (:func:`_company_reach`): nine in ten pairs the benchmark's queries scored were below the floor, mostly by
        their distinctive words. The hits returned are a subsequence of those scoring every one gives, so the
        ranking, ties included, is the same."""
        person = query.schema == "Person"
        latin_query = not han_core(key.original)
        # A Latin pair that may be compared part by part: bounded so for all of them at once (similarity_bounds).
        parted = [n for n, (i, _s) in enumerate(kept) if latin_query and (person or may_be_person(i))]
        bounds = dict(zip(parted, similarity_bounds(key.latin, [self._latin[kept[n][0]] for n in parted]), strict=True))
        reach_of = [self._same_reach(key, i, similarity, bounds.get(n, 0.0)) for n, (i, similarity) in enumerate(kept)]
        order = sorted(range(len(kept)), key=lambda n: -reach_of[n])  # stable: equal reaches in ``kept`` order
        found: dict[int, Hit] = {}
        floor = threshold
        for n in order:
            if reach_of[n] < floor:
                break  # this and every later one: below the entries already kept, whatever their entry says
            record_id, similarity = kept[n]
            # By the entry's schema, read alone; a name no person's entry has is scored as companies' names are.
            schema = self._schema(record_id) if person or may_be_person(record_id) else ""
            if latin_query:  # bounded by the Latin keys alone first: a pair below the floor is not decoded
                if person or schema == "Person":
                    if self._parted_below(key, record_id, bounds[n], floor):
                        continue  # compared part by part
                elif _latin_company_reach(key, self._latin[record_id], similarity) < floor:
                    continue  # compared as companies' names
            record = self._records[record_id]
            if _pair_reach(query, key, record, schema, _same_similarity(key, record, similarity)) < floor:
                continue  # below the floor whatever the rest of its entry says: the entry is not read
            hit = found[n] = self._same_script(query, key, record_id, similarity)
            if len(found) >= limit and hit.score > floor:  # only a hit above the floor can raise it
                floor = _least_kept(query, list(found.values()), limit, threshold)
        return [found[n] for n in sorted(found)]

    def _same_reach(self, key: NameKey, record_id: int, similarity: float, parts: float) -> float:
        """The most :meth:`_same_script` can score a pair, known from the names alone: :func:`_score` only lowers
        the similarity it is given (by characters for two Chinese names), except that names of the same letters
        spaced differently reach :data:`SPACING_ONLY` and a person's Latin name is scored part by part instead
        (:func:`~threadline.matching.persons.person_similarity`, at most ``parts``: ``0`` for a pair never compared
        so): the entry's schema decides that, so an entry that may be a person's reaches the higher of the two."""
        latin = self._latin[record_id]
        if spaced_alike(key.latin, latin):
            return 1.0
        query_han = han_core(key.original)
        if query_han:  # its same-script candidates are Chinese names
            record_han = self._han_core_of(record_id)
            return han_similarity(query_han, record_han) if record_han else 1.0
        return max(similarity, parts)

    def _parted_below(self, key: NameKey, record_id: int, parts: float, floor: float) -> bool:
        """Whether :func:`_person_reach` of a Latin query and a Latin list name is below ``floor``, known without the
        name's record: ``parts`` is at least their :func:`~threadline.matching.persons.person_similarity`, the
        comparison by consonants reads the name alone (only when ``parts`` is not enough), and the one-word and
        short name factors are taken as :func:`_person_reach` takes them; the weak alias factor, which needs the
        record, only lowers the score. A Latin query's names that may be persons' mostly fall below the floor so,
        and their records were decoded (a quarter of reading the same-script hits) only to find that out."""
        latin = self._latin[record_id]
        if _factored(parts, key.latin, latin) >= floor:
            return False
        by_consonants = consonant_similarity(key.original, key.latin, self._name_of(record_id), latin)
        return by_consonants is None or _factored(by_consonants[0], key.latin, latin) < floor

    def _han_may_reach(self, key: NameKey, record_id: int, threshold: float) -> bool:
        """Whether a Chinese query's Chinese candidate has a character similarity (:func:`han_similarity`, which
        :meth:`_same_script` scores it by) of at least ``threshold``. :func:`_score` only lowers that similarity
        for two Chinese names (the part-by-part comparison is for Latin persons' names), unless their pinyin keys
        differ only in spacing, which the caller checks: a pair below it is no hit, and its entry is not read. A
        Chinese query against a million names scores a few hundred candidates, most far below the threshold by
        characters, and reading their entries was a third of what it cost."""
        query_han, record_han = han_core(key.original), self._han_core_of(record_id)
        if not query_han or not record_han:
            return True  # not two Chinese names: scored as the caller's Latin pairs are, by reading the entry
        return han_similarity(query_han, record_han) >= threshold

    def _han_core_of(self, record_id: int) -> str:
        """:func:`~threadline.matching.crossscript.han_core` of a list name (:meth:`_name_of`): a Chinese query
        asks for the characters of a few hundred candidates to bound them, most of which are never scored; the
        Chinese queries of one province or trade meet many of the same, and so do Latin queries' cross-script
        candidates: remembered per record (all forgotten at once beyond :data:`HAN_CORES_KEPT`)."""
        found = self._han_cores.get(record_id)
        if found is None:
            if len(self._han_cores) >= HAN_CORES_KEPT:
                self._han_cores.clear()
            found = self._han_cores[record_id] = han_core(self._name_of(record_id))
        return found

    def _aligned(
        self, query: Query, key: NameKey, record_id: int, record: _Record | None = None, entity: Entity | None = None
    ) -> Hit | None:
        """:func:`_cross_score` of the query and a list name in the other script (``key``: the query's), remembered
        for the last few queries: screening a row asks for its hits (:meth:`match`), then for its related parties
        (:meth:`related`), and about three in five of the pairs the latter aligns the former had aligned already.
        The score depends on the query, the list name and its entry alone, so it is the same either way. ``record``
        and ``entity``: the name's, when the caller has decoded them."""
        pair = (query, record_id)
        if pair in self._aligned_pairs:
            return self._aligned_pairs[pair]
        if len(self._aligned_pairs) >= ALIGNED_KEPT:
            self._aligned_pairs.clear()
        record = self._records[record_id] if record is None else record
        found = _cross_score(query, key, record, self._entity(record_id) if entity is None else entity)
        self._aligned_pairs[pair] = found
        return found

    def _name_of(self, record_id: int) -> str:
        """A list name as written (its key's ``original``). A persisted index's name is read alone rather than its
        whole record decoded (its key's other forms, its kind): the bounds before scoring need no more, and
        decoding the records of the pairs they rule out was most of what they cost."""
        if self._index is None:
            return self._records[record_id].key.original
        segment, local = self._index.records.bases.locate(record_id)
        return self._index.segments[segment].name(local)

    def cross_candidates(self, name: str, limit: int = MAX_CROSS_CANDIDATES) -> list[tuple[Entity, Name]]:
        """The names in the other script that a query would be aligned with (for calibration and diagnostics)."""
        key = name_key(name)
        query_han = bool(han_core(key.original))
        ids = [i for i in self._candidates(key) if bool(han_core(self._records[i].key.original)) != query_han]
        return [(self._entity(i), self._records[i].name) for i in self._most_shared(key, ids, limit)]

    def _most_shared(self, key: NameKey, record_ids: Ids, limit: int, blocks: set[str] | None = None) -> list[int]:
        """The ``limit`` records sharing the rarest index keys with the query (alignment is the costly step).

        Each shared key weighs 1 / (names carrying it): "iflytek" (one name) outweighs "keda" (many); ties by id,
        the same on every run. ``blocks``: the query's index keys, when already derived."""
        if len(record_ids) <= limit:
            return id_list(record_ids)
        postings = [self._postings.get(block, ()) for block in (_query_keys(key) if blocks is None else blocks)]
        return most_shared(record_ids, [ids for ids in postings if len(ids) <= MAX_POSTINGS], limit)

    @property
    def _script_flags(self) -> ScriptFlags:
        """Which names are Chinese (in memory: computed once, on first use; persisted: read with the index)."""
        if self._known_flags is None:
            self._known_flags = ScriptFlags(bool(han_core(record.key.original)) for record in self._records)
        return self._known_flags

    def warm(self) -> None:
        """Build now what is otherwise built on the first query, so screening workers forked after this share it
        instead of each building its own. The term tables the pruning bound reads are loaded too, and the Latin
        keys of a persisted index are decoded once into a list: a screened row reads those of a couple of thousand
        candidates, and decoding them from the mapped file on every row cost more than all the rest of matching.
        So are their sorted words (token-sort scoring) and which entries may be persons (searched for in the
        entries' text, none decoded), and the dictionary's English words and the pinyin syllables (0.16 s)."""
        _ = self._script_flags
        reach("中国", ("china",))
        english_words(), pinyin_syllables()  # read when two names each keep a part (a brand, or pinyin?)
        self._decode_keys()
        if self._maybe_person is None and self._index is not None:
            self._maybe_person = self._index.person_flags()
        if isinstance(self._postings, Postings):
            self._postings.key_table()  # the segments' key tables merged, searched once per row
            self._asked = max(self._asked, MERGE_AFTER)

    def _decode_keys(self) -> None:
        """Every Latin key of a persisted index decoded, with its words sorted as persisted: from then on a query's
        candidates are scored without reading their keys from the mapped file (what ``warm`` does for screening
        workers, and a process does by itself after :data:`DECODE_AFTER` look-ups)."""
        if self._index is not None and self._sorted_latin is None:
            self._latin = self._index.latin.every()
            self._sorted_latin = SortedNames(self._index.sorted_latin.every(), presorted=True)

    @property
    def _identifier_index(self) -> IdentifierIndex:
        """Built on the first query that carries identifiers: most screening runs have none."""
        if self._known_identifiers is None:
            self._known_identifiers = IdentifierIndex(self.entities)
        return self._known_identifiers

    def _carrying(self, keys: frozenset[str], candidates: Ids) -> list[int]:
        """The candidates whose names have one of the short-form ``keys`` (``acr:xpcc``), in candidate order.

        Every name is indexed under its own short-form keys (:func:`_block_keys`), so their postings are exactly
        the names that have them: no candidate's short forms are derived again (that cost more per row than all
        the rest of matching: a Latin query has a couple of thousand candidates)."""
        found: set[int] = set()
        for key in keys:
            found.update(self._postings.get(key, ()))
        return among(candidates, found)  # mostly none: then the candidates are not gone over at all

    def _entity(self, record_id: int) -> Entity:
        """The entry of a list name. A persisted index's is found by the name's entry number alone, without
        decoding the name's record: a few thousand a row (persons' subsets, short forms) need the entry only."""
        if self._index is None:
            return self.entities[self._records[record_id].entity]
        records = self._index.records
        segment, local = records.bases.locate(record_id)
        entry = records.entity_bases.starts[segment] + int(self._index.segments[segment].record_entity[local])
        return self.entities[entry]

    def _schema(self, record_id: int) -> str:
        """The schema of a list name's entry (:meth:`_entity`'s), read from a persisted index without decoding the
        entry: the bounds before scoring need no more, and most of the entries they would read are never hits."""
        if self._index is None:
            return self._entity(record_id).schema
        records = self._index.records
        segment, local = records.bases.locate(record_id)
        return self._index.segments[segment].schema(int(self._index.segments[segment].record_entity[local]))

    def _list_name(self, record_id: int) -> Name:
        """A list name with its kind (a record's ``name``), read alone from a persisted index (see :meth:`_name_of`)."""
        if self._index is None:
            return self._records[record_id].name
        segment, local = self._index.records.bases.locate(record_id)
        found = self._index.segments[segment]
        return Name(found.name(local), found.kind(local))

    def _maybe_persons(self, ids: Ids) -> list[int]:
        """The ``ids`` whose entry may be a person: by the flags once known (in memory, or after ``warm``), else by
        searching only these entries in the persisted index (one cold ``threadline match``)."""
        if self._maybe_person is not None:
            return flagged(self._maybe_person, ids)
        if self._index is not None:
            return id_list(self._index.persons_among(ids))
        return id_list(ids)

    def _person_subsets(self, key: NameKey, same: Ids, seen: set[int]) -> list[tuple[int, float]]:
        """Persons' names one of which holds the other's parts (Vladimir Putin / Vladimir Vladimirovich Putin), as
        ``(record id, token-sort similarity 0..1)``: the token-sort pre-filter misses them, the part-by-part
        comparison (:mod:`~threadline.matching.persons`) scores them (:meth:`_match_name`, for queries that may be
        persons). Only for queries of two or more words: a single word is in too many names; and only against
        names whose entry may be a person (most are not: the costliest comparison of a Latin row was this one,
        against every candidate). ``seen``: the records already scored."""
        if len(key.latin.split()) < 2:
            return []
        people = self._may_hold(key.latin, self._maybe_persons(same))
        found = process.extract(
            key.latin,
            self._ordered(people),  # token-set similarity compares sets of words: their order does not matter
            scorer=fuzz.token_set_ratio,
            processor=None,
            limit=None,
            score_cutoff=SUBSET_SIMILARITY * 100,
        )
        held = []
        for _c, _sim, pos in found:
            if people[pos] in seen or self._schema(people[pos]) != "Person":
                continue
            held.append((people[pos], fuzz.token_sort_ratio(key.latin, self._latin[people[pos]]) / 100.0))
        return held

    def _may_hold(self, latin: str, people: list[int]) -> list[int]:
        """Of ``people``, those whose token-set similarity with ``latin`` may reach :data:`SUBSET_SIMILARITY` while
        their token-sort similarity did not reach :data:`MIN_NAME_SIMILARITY` (:meth:`_person_subsets` skips the
        names scored already). Two names with no word in common and none twice have the same token-set and
        token-sort similarity but for rounding (each name's set of words is all of its words, sorted alike), so those
        at 95 or more were scored already (from 70); of the names sharing a word, the lengths of their keys and of
        the query's words they hold rule most out (:func:`~threadline.matching.tokenset.may_reach_set`: only the
        names whose shared words are nearly all of one of the two names, or make up for a token-sort similarity
        below 70 between names of about the same length, may reach 95). Which query words a name holds is read
        from the words' postings (every word of a Latin key is one of its block keys); a name with a word twice is
        kept, and a query with a word twice or with Han characters in its Latin key is compared with every name. A
        median query against a million names met about 1,200 names that may be persons, 600 of them sharing a word
        with it: token-set similarity, the costliest comparison, ran against all of those; about a quarter are left.
        """
        words = latin.split()
        unique = sorted(set(words))
        if not people or len(unique) < len(words) or has_han(latin):
            return people
        at = np.asarray(people, dtype=np.int64)
        held = held_weight(at, [self._postings.get(word, ()) for word in unique], [len(w) + 1 for w in unique])
        keep = np.frombuffer(self._repeated, dtype=np.uint8)[at] != 0
        keep |= (held > 0) & may_reach_set(
            held, self._sorted_lengths()[at], len(" ".join(unique)), SUBSET_SIMILARITY * 100, MIN_NAME_SIMILARITY * 100
        )
        kept: list[int] = at[keep].tolist()
        return kept

    def _sorted_lengths(self) -> npt.NDArray[np.int64]:
        """Each name's Latin key with its words sorted: its length (in memory, or read with a persisted index)."""
        if self._sorted_latin is not None:
            return self._sorted_latin.lengths
        assert isinstance(self._latin, RecentTexts)  # a persisted index not warmed
        return self._latin.lengths

    def _ordered(self, ids: list[int]) -> list[str]:
        """The Latin keys of the names ``ids`` with their words sorted (what token-sort scoring read of them)."""
        if self._sorted_latin is not None:
            return pick(self._sorted_latin.texts, ids)
        if isinstance(self._latin, RecentTexts):  # a persisted index not warmed: kept decoded
            return self._latin.ordered(ids)
        return [sorted_words(text) for text in pick(self._latin, ids)]

    def _similar(self, latin: str, ids: Ids) -> list[tuple[int, float]]:
        """``(record id, token-sort similarity 0..100)`` of the ``ids`` whose Latin key is at least
        :data:`MIN_NAME_SIMILARITY` similar to ``latin``, best first, ties in ``ids`` order."""
        cutoff = MIN_NAME_SIMILARITY * 100
        if self._sorted_latin is not None:
            return self._sorted_latin.scores(latin, ids, cutoff)
        if isinstance(self._latin, RecentTexts):  # a persisted index not warmed: its candidates' keys, kept decoded
            return self._latin.scores(latin, ids, cutoff)
        ids = id_list(ids)
        found = process.extract(
            latin, pick(self._latin, ids), scorer=fuzz.token_sort_ratio, processor=None, limit=None, score_cutoff=cutoff
        )
        return [(ids[pos], sim) for _c, sim, pos in found]

    def _candidates(self, key: NameKey, blocks: set[str] | None = None) -> list[int]:
        """The records sharing an index key with the query (``blocks``: its keys, when already derived)."""
        return id_list(self._candidate_ids(key, blocks))

    def _candidate_ids(self, key: NameKey, blocks: set[str] | None = None) -> npt.NDArray[np.int64]:
        """:meth:`_candidates` as a sorted array, which :meth:`_match_name` keeps until the scoring: a Latin row has
        a couple of thousand candidates, and a list of them made into an array again at each step (split by script,
        scored, filtered to persons, ranked) cost more than those steps' numpy work."""
        blocks = _query_keys(key) if blocks is None else blocks
        self._asked += 1
        if self._asked == DECODE_AFTER:
            self._decode_keys()
        if isinstance(self._postings, Postings) and self._asked > MERGE_AFTER:
            self._postings.prefetch(list(blocks))  # all the keys searched for at once, in the merged key table
            if self._maybe_person is None and self._index is not None:
                self._maybe_person = self._index.person_flags()  # as the key table: once the process keeps asking
                self._index.keep_texts()  # and the Latin keys decoded whole, each then a slice
        by_block = {block: self._postings.get(block, ()) for block in blocks}
        selective = [ids for ids in by_block.values() if len(ids) <= MAX_POSTINGS]
        if not selective:  # every key is common: the names sharing any of them (costly, but nothing is missed)
            return merged_ids([ids for ids in by_block.values() if len(ids)])
        return merged_ids([*selective, *_shared_common(key, by_block, self._shared_pair)])

    def _shared_pair(self, first: str, second: str) -> npt.NDArray[np.int64]:
        """The names carrying both of two common keys, when they are :data:`MAX_POSTINGS` or fewer (else none),
        remembered per pair (all forgotten at once beyond :data:`SHARED_PAIRS_KEPT`): the rows of a supplier file
        repeat pairs of common words ("shenzhen" and "technology"), and searching one long posting list in
        another, a few thousand times in 2,000 rows, was a twentieth of a screening worker's CPU."""
        found = self._shared_pairs.table.get((first, second))
        if found is None:
            both = intersection(self._postings[first], self._postings[second])
            found = self._shared_pairs.keep((first, second), both if len(both) <= MAX_POSTINGS else both[:0])
        return found

    def match(self, query: Query, limit: int = 10, threshold: float = 0.0) -> list[Hit]:
        """Hits at or above ``threshold``, best first, at most one per list entry. The name of a Chinese listed
        company is also matched by its other filed names (航天信息 by "Aisino", see :mod:`threadline.names.listed`),
        and a list name another listed company filed is kept below it (:func:`~threadline.matching.filed.apart`)."""
        listed = counterparts(query.name)
        sounding = self._sounding(query, threshold)
        if not listed and not sounding:
            return [hit for hit in apart(query, self._match_name(query, limit, threshold)) if hit.score >= threshold]
        hits = self._match_name(query, limit, threshold) + sounding
        for listing in listed:
            # In its own script only: the name as given was compared with the list names of the other script
            # already. Aligning the Chinese name filed for an English query with every Latin list name found more
            # neighbours of the same city and trade (杭州天地数码科技 with "Hangzhou Hikvision Digital Technology")
            # than companies: 3 in 24 on the 2,000-row sample.
            found = self._match_name(replace(query, name=listing.name), limit, threshold, across=False)
            hits.extend(via_listing(query, listing, hit) for hit in found)
        best: dict[tuple[str, str], Hit] = {}
        for hit in apart(query, hits):  # the name as given first: on equal scores its own hit stays, and when
            ident = (hit.entity.source, hit.entity.entry_id)  # it says related, unless the exchange filed the name
            kept = best.get(ident)
            if kept is None or (
                hit.score > kept.score and (kept.relation != "related" or filed(listed, (hit.matched_name,)))
            ):
                best[ident] = hit
        shown = [hit for hit in best.values() if hit.score >= threshold]
        return sorted(shown, key=lambda h: (-h.score, h.entity.source, h.entity.entry_id))[:limit]

    def related(
        self, query: Query, limit: int = RELATED_LIMIT, floor: float = RELATED_CAP, prune: bool = True
    ) -> list[Hit]:
        """The hits marked ``related`` at ``floor`` or more, at most ``limit``, best first, one per list entry (its
        best): the entries the query's party is a unit or group member of, or the parent of, which :meth:`match`
        leaves out at a threshold above :data:`RELATED_CAP`. Found among the candidates of the name as given and of
        the names its exchange filed, as :meth:`match` finds them, but only the pairs that may be read as related
        are scored (:meth:`_related_name`): matching every name down to the cap cost a third as much again as
        matching it at the threshold, for the few that have a related hit. ``prune=False`` scores every candidate
        pair (the answer the pruned one must equal). An entry a name of which the query matches outright is the
        caller's to leave out (its hits at the threshold come from :meth:`match`)."""
        if query.schema == "Person":
            return []  # a person is never a unit of another party
        hits = self._related_name(query, floor, prune, across=True)
        for listing in counterparts(query.name):
            found = self._related_name(replace(query, name=listing.name), floor, prune, across=False)
            hits.extend(via_listing(query, listing, hit) for hit in found)
        best: dict[tuple[str, str], Hit] = {}
        for hit in apart(query, hits):
            ident = (hit.entity.source, hit.entity.entry_id)
            if hit.score >= floor and (ident not in best or hit.score > best[ident].score):
                best[ident] = hit
        return sorted(best.values(), key=lambda h: (-h.score, h.entity.source, h.entity.entry_id))[:limit]

    def _related_name(self, query: Query, floor: float, prune: bool, across: bool) -> list[Hit]:
        """The related hits of one name at ``floor`` or more: among its candidates (:meth:`_name_work`, which
        matching it at the threshold has just done), those the brand table or an acronym reads as related, those in
        its own script that differ from it only by group or unit terms and whose similarity may reach ``floor``
        (a pair scores at most that, or names spaced alike), and those in the other script that may be read as
        related (:meth:`CrossBound.may_relate`); ``across=False``: not the latter. ``prune=False``: every candidate
        is scored."""
        key = name_key(query.name)
        work = self._name_work(key, across) if key.core else None
        if work is None:
            return []
        hits: list[Hit] = []
        for record_id in work.carrying:
            found = short_form_reading(query.name, self._name_of(record_id), RELATED_CAP)
            if found is not None and (not prune or (found[3] == "related" and found[0] >= floor)):
                name, entity = self._list_name(record_id), self._entity(record_id)
                hits.extend(filter(None, [short_form_hit(query, name, entity, RELATED_CAP)]))
        han = han_core(key.original)
        for record_id, similarity in work.scored:
            if not prune or self._same_may_relate(key, han, record_id, similarity / 100, floor):
                hits.append(self._same_script(query, key, record_id, similarity / 100))
        nearest: list[int] = work.nearest.tolist() if across and work.nearest is not None else []
        bound = CrossBound(query, key)
        for record_id in nearest:
            written = self._name_of(record_id) if bound.reads_written and prune else ""
            if prune and not bound.may_relate(Spelling(written, self._latin[record_id]), floor):
                continue
            hit = self._aligned(query, key, record_id)
            hits.extend([hit] if hit is not None else [])
        return [
            hit
            for hit in hits
            if hit.relation == "related" and hit.score >= floor and schemata_compatible(query.schema, hit.entity.schema)
        ]

    def _same_may_relate(self, key: NameKey, han: str, record_id: int, similarity: float, floor: float) -> bool:
        """Whether a candidate in the query's own script may be a related hit at ``floor``: their score is at most
        their similarity (by characters for two Chinese names) unless the names are spaced alike, and they must
        differ only by group or unit terms (:func:`_score`)."""
        latin = self._latin[record_id]
        if han:
            other = self._han_core_of(record_id)
            if other and han_similarity(han, other) < floor and not spaced_alike(key.latin, latin):
                return False
            return han_group_difference(han, other) is not None
        if similarity < floor and not spaced_alike(key.latin, latin):
            return False
        return latin_group_difference(key.latin, latin) is not None

    def _sounding(self, query: Query, threshold: float) -> list[Hit]:
        """Persons' Latin names that a query shares no index key with but sounds like: written in Arabic script
        (:meth:`_by_consonants`), a short Chinese name read the Hong Kong, Taiwanese or Korean way
        (:meth:`_read_otherwise`), or a transcription in Chinese characters (艾尔肯·吐尼亚孜 finds "Erkin Tuniyaz", see
        :mod:`threadline.names.transcribed`), found by the sound key of a part, the same for both."""
        if query.schema not in (None, "Person"):
            return []
        if is_abjad(query.name):
            return self._by_consonants(query, threshold)
        spoken = spoken_block_keys(han_core(query.name)) if personal_name(query.name) else set()
        hits = self._read_otherwise(query, spoken, threshold) if spoken else []
        if not is_transcribed(query.name, query.schema == "Person"):
            return hits
        key = name_key(query.name)
        floor = max(threshold, MIN_NAME_SIMILARITY)
        for record_id in self._sounding_candidates(query.name):
            hit = _cross_score(query, key, self._records[record_id], self._entity(record_id), floor)
            if hit is not None and hit.score >= threshold and schemata_compatible(query.schema, hit.entity.schema):
                hits.append(hit)
        return hits

    def _sounding_candidates(self, name: str) -> list[int]:
        """The Latin persons' names a transcribed ``name`` is scored against: those sharing the sound key, or its
        consonants, of a part that says enough (:data:`MIN_SOUND`), at most :data:`MAX_CROSS_CANDIDATES`: those
        sharing the sound of the most parts first (a short part too: 艾力's "Vr" ranks Abdulla Ali above the names
        with an Abdullah alone), then those with as many words as the name has parts (a name's score is the mean over
        the longer of the two), then by id."""
        sounds = self._person_sounds
        parts = [{lookup for sound in keys for lookup in lookup_keys(sound)} for _han, keys in part_keys(name)]
        found = {
            i
            for lookups in parts
            for lookup in lookups
            if lookup.startswith("+") or len(lookup) >= MIN_SOUND
            for i in sounds.get(lookup, ())
        }
        shared: Counter[int] = Counter()
        for lookups in parts:
            sharing: set[int] = set().union(*(sounds.get(lookup, ()) for lookup in lookups))
            shared.update(found & sharing)
        latin, count = self._latin, len(parts)
        return sorted(found, key=lambda i: (-shared[i], abs(len(latin[i].split()) - count), i))[:MAX_CROSS_CANDIDATES]

    def _read_otherwise(self, query: Query, spoken: set[str], threshold: float) -> list[Hit]:
        """Persons' Latin names that spell a short Chinese query the Hong Kong, Taiwanese or Korean way (林郑月娥 finds
        "LAM CHENG, Yuet-ngor", 金铁三 "Kim Chol Sam", see :mod:`threadline.names.romanisations`): looked up by those
        spellings apart from the query's own keys, so that a company's candidates and their ranking stay as they
        were (a short company name would otherwise bring a few hundred spellings into it)."""
        key = name_key(query.name)
        postings = [ids for ids in (self._postings.get(b, ()) for b in sorted(spoken)) if 0 < len(ids) <= MAX_POSTINGS]
        if not postings:
            return []
        found = merged_ids(postings)
        latin, _han = self._script_flags.split_array(found, False)
        floor = max(threshold, MIN_NAME_SIMILARITY)
        ids = most_shared(latin, postings, MAX_CROSS_CANDIDATES)
        return self._persons_hits(
            query, ids, threshold, lambda record, entity: _cross_score(query, key, record, entity, floor)
        )

    def _by_consonants(self, query: Query, threshold: float) -> list[Hit]:
        """Persons' Latin names with the consonants of a query in Arabic script (محمد علي finds "Mohammed Ali", see
        :mod:`threadline.names.abjad`): the two share no index key either. Names sharing the most of the query's
        skeletons are scored, at most :data:`MAX_CROSS_CANDIDATES`; a skeleton carried by more than
        :data:`MAX_POSTINGS` names ("mhmd") only counts alongside the others."""
        key = name_key(query.name)
        skeletons = self._person_skeletons
        shared: Counter[int] = Counter()
        wanted = sorted(set(arabic_skeletons(query.name)), key=lambda s: (len(skeletons.get(s, ())), s))  # rarest first
        for at, skeleton in enumerate(wanted):
            found = skeletons.get(skeleton, ())
            if len(found) <= MAX_POSTINGS or at == 0:
                shared.update(found[:MAX_POSTINGS])
            else:
                shared.update(i for i in found if i in shared)
        ids = [record_id for record_id, _count in shared.most_common(MAX_CROSS_CANDIDATES)]
        return self._persons_hits(query, ids, threshold, lambda record, entity: _score(query, key, record, entity, 0.0))

    def _persons_hits(
        self, query: Query, ids: Sequence[int], threshold: float, score: Callable[[_Record, Entity], Hit | None]
    ) -> list[Hit]:
        """The hits at ``threshold`` or more that ``score`` gives the names ``ids`` whose entry is a person's (and
        may meet the query): the candidates of a query that only persons' names can match by sound."""
        hits = []
        for record_id in ids:
            entity = self._entity(record_id)
            if entity.schema != "Person" or not schemata_compatible(query.schema, entity.schema):
                continue
            hit = score(self._records[record_id], entity)
            if hit is not None and hit.score >= threshold:
                hits.append(hit)
        return hits

    @property
    def _person_skeletons(self) -> dict[str, tuple[int, ...]]:
        """Consonant skeleton of each word of the Latin names whose entry may be a person's -> those names. Built on
        the first query in Arabic script (a pass over every list name), as :attr:`_person_sounds`."""
        if self._known_skeletons is None:
            self._known_skeletons = self._skeletons_of_persons()
        return self._known_skeletons

    def _skeletons_of_persons(self) -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = defaultdict(list)
        for record_id in self._latin_persons():
            for skeleton in set(latin_skeletons(self._latin[record_id])):
                out[skeleton].append(record_id)
        return {skeleton: tuple(ids) for skeleton, ids in out.items()}

    def _latin_persons(self) -> list[int]:
        """The Latin-script list names whose entry may be a person's (a superset when only flags are known)."""
        flags = self._maybe_person
        if flags is None and self._index is not None:
            flags = self._index.person_flags()
        latin, _han = self._script_flags.split(list(range(len(self._latin))), False)
        if flags is not None:
            return [i for i in latin if flags[i]]
        return [i for i in latin if self._entity(i).schema == "Person"]

    @property
    def _person_sounds(self) -> dict[str, tuple[int, ...]]:
        """Sound keys of each word of the Latin names whose entry may be a person's, and their consonants
        (:func:`~threadline.names.transcribed.lookup_keys`) -> those names. Built on the first query written as a
        transcription (a pass over every list name)."""
        if self._known_sounds is None:
            self._known_sounds = self._sounds_of_persons()
        return self._known_sounds

    def _sounds_of_persons(self) -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = defaultdict(list)
        for record_id in self._latin_persons():
            sounds = {
                lookup
                for word in self._latin[record_id].split()
                for sound in latin_keys(word)  # as spelled and without an h (热依拉's "rVr" finds Rahile too)
                for lookup in lookup_keys(sound)
            }
            for sound in sounds:
                out[sound].append(record_id)
        return {sound: tuple(ids) for sound, ids in out.items()}

    def _name_work(self, key: NameKey, across: bool = True) -> NameWork | None:
        """What matching ``key`` finds before reading entries (:mod:`~threadline.matching.namework`), ``None`` when
        no list name shares an index key with it. Remembered per name key once which entries may be persons is
        known for every name (in memory, or after :meth:`warm`); before that it depends on which entries were
        searched, so it is worked out afresh. Filed under what it depends on besides the key's Latin forms: the
        Chinese core, the short-form keys (an acronym depends on the name's case) and whether the name reads as a
        transcription (its middle dot, its length: the bound lets those pairs through). ``across=False``: the names in
        the other script are not ranked (the work's ``nearest`` is ``None``) until the key is matched across scripts.
        """
        han = han_core(key.original)
        wanted = _short_form_query_keys(key.original)
        transcribed = (is_transcribed(key.original), is_transcribed(key.original, True)) if han else ()
        ident = (key.core, key.latin, han, wanted, transcribed)
        remember = self._maybe_person is not None
        if remember and (known := self._works.get(ident)) is not None and (known.nearest is not None or not across):
            return known
        blocks = _spelling_keys(key) | wanted
        candidates = self._candidate_ids(key, blocks)
        if not len(candidates):
            return None
        same, cross = self._script_flags.split_array(candidates, bool(han))
        scored = self._similar(key.latin, same)
        nearest = self._most_shared(key, cross, MAX_CROSS_CANDIDATES, blocks) if across else None
        work = NameWork(
            scored=scored,
            subsets=self._person_subsets(key, same, {i for i, _sim in scored}),
            nearest=None if nearest is None else np.asarray(nearest, dtype=np.int64),
            carrying=self._carrying(wanted, candidates) if wanted else [],
        )
        if remember:
            self._works.put(ident, work)
        return work

    def _match_name(self, query: Query, limit: int, threshold: float, across: bool = True) -> list[Hit]:
        """:meth:`match` for one name; ``across=False``: only against list names in its own script."""
        key = name_key(query.name)
        if not key.core:
            return []
        work = self._name_work(key, across)
        if work is None:
            return []
        query_han = bool(han_core(key.original))
        # A pair scores at most its similarity (for two Chinese names, by characters) unless a person's Latin name is
        # compared part by part (or an identifier raises it): below the threshold, its entry need not even be read.
        keep_all = bool(query.identifiers) or (query.schema == "Person" and not query_han)
        flags = self._maybe_person
        persons: set[int] = set()
        if flags is None and not query_han:  # a persisted index not warmed: search these few entries only
            persons = set(self._maybe_persons([i for i, _sim in work.scored]))
        kept = work.kept.get((keep_all, threshold)) if flags is not None else None
        if kept is None:
            kept = [
                (i, sim / 100)
                for i, sim in work.scored
                if keep_all
                or (self._han_may_reach(key, i, threshold) if query_han else sim / 100 >= threshold)
                or (not query_han and (flags[i] if flags is not None else i in persons))
                or spaced_alike(key.latin, self._latin[i])
            ]
            if flags is not None:
                work.kept[(keep_all, threshold)] = kept
        if query.identifiers:  # an identifier may raise any score: every pair is scored
            hits = [self._same_script(query, key, i, similarity) for i, similarity in kept]
        else:
            may_be_person = (lambda i: bool(flags[i])) if flags is not None else persons.__contains__
            hits = self._best_same_script(query, key, kept, may_be_person, limit, threshold)
        if query.schema in (None, "Person"):
            hits += [self._same_script(query, key, i, sort) for i, sort in work.subsets]
        nearest: list[int] = work.nearest.tolist() if across and work.nearest is not None else []
        hits += self._cross_hits(query, key, work, nearest, hits, limit, threshold)
        # An acronym's few letters link hundreds of names (SJC: ~750): those whose reading keeps them below the
        # entries already kept (as _cross_hits bounds its pairs) are neither read nor made hits.
        floor = -1.0 if query.identifiers else _least_kept(query, hits, limit, threshold)
        for record_id in work.carrying:  # brands and acronyms: no spelling similarity to go on
            written = self._name_of(record_id)
            found = short_form_reading(query.name, written, RELATED_CAP)
            if found is None or short_form_reach(found, written) < floor:
                continue  # neither the brand table nor an acronym links the names, or not enough: whatever the entry
            if query.schema == "Person" or self._schema(record_id) == "Person":
                continue  # short forms leave persons alone (short_form_hit): the entry is not read
            hit = short_form_hit(query, self._list_name(record_id), self._entity(record_id), RELATED_CAP)
            if hit is not None:
                hits.append(hit)
                if hit.score > floor >= threshold:  # only a hit above the floor can raise it
                    floor = _least_kept(query, hits, limit, threshold)
        if query.identifiers:
            hits = with_identifiers(query, hits, self._identifier_index, self.entities)
        best: dict[tuple[str, str], Hit] = {}
        for hit in hits:
            ident = (hit.entity.source, hit.entity.entry_id)
            if not schemata_compatible(query.schema, hit.entity.schema) or hit.score < threshold:
                continue
            held = best.get(ident)
            if held is None or (hit.score, -_name_rank(hit)) > (held.score, -_name_rank(held)):
                best[ident] = hit
        ranked = sorted(best.values(), key=lambda h: (-h.score, h.entity.source, h.entity.entry_id))
        return ranked[:limit]

    def _cross_hits(
        self,
        query: Query,
        key: NameKey,
        work: NameWork,
        nearest: list[int],
        found: list[Hit],
        limit: int,
        threshold: float,
    ) -> list[Hit]:
        """The hits of the names in the other script ``nearest``, beside those ``found`` in the query's own. A pair
        is aligned only when the bound lets it through (unless an identifier could raise its score), first for any
        entry, then for its entry's schema. Which pairs the first check lets through is remembered per query schema
        and least score wanted (the floor: the threshold until ``limit`` entries have a hit), while the floor stays
        where it started; a later query with the same key, schema and floor asks the bound only about those."""
        hits = list(found)
        floor = _least_kept(query, hits, limit, threshold)
        first, bounded = floor, not query.identifiers
        passing = work.passing.get((query.schema, floor)) if bounded else None
        if passing is None and bounded and han_core(key.original) and nearest:
            # Every candidate's words are bounded against the query's characters below: their close spellings are
            # searched for together (a Chinese query's hundred Latin candidates bring a few hundred new words).
            names = (_alignable(self._latin[i]) for i in nearest)
            prepare(han_core(key.original), names, spoken=_may_read_spoken(query, None))
        elif passing is None and bounded and nearest:
            # The same the other way: the query's words against all its Chinese candidates at once, so that the
            # pairs its words alone rule out (most of them) are bounded without a vocabulary each.
            work_out(alignable_words(key.latin), (self._han_core_of(i) for i in nearest))
        passed: list[int] = []
        complete = passing is None and bounded and len(nearest) > 0
        pair_bound = CrossBound(query, key)
        for record_id in nearest:
            if bounded:
                if passing is not None and floor == first:
                    reaches = record_id in passing
                else:  # by the name's two spellings: most pairs stop here, and their records are not decoded
                    written = self._name_of(record_id) if pair_bound.reads_written else ""
                    spelling = Spelling(written, self._latin[record_id])
                    reaches = pair_bound.may_reach(spelling, None, floor)
                    complete = complete and floor == first
                    if reaches:
                        passed.append(record_id)
                if not reaches:
                    continue  # provably below the threshold whatever the entry: not worth reading it, nor aligning
            record = self._records[record_id]
            entity = self._entity(record_id)
            if bounded and not pair_bound.may_reach(record.key, entity.schema, floor):
                continue  # nor for this entry (identifiers could still raise a score: then every pair is aligned)
            hit = self._aligned(query, key, record_id, record, entity)
            if hit is not None:
                hits.append(hit)
                floor = _least_kept(query, hits, limit, threshold)
        if complete:  # ``nearest`` is the work's own (``[]`` when only names in the query's script are wanted)
            work.passing[(query.schema, first)] = frozenset(passed)
        return hits[len(found) :]


def _other_brand(words: tuple[str, ...]) -> str:
    """A brand of the brand table among the words an English name keeps unexplained ("Hikvision" against
    杭州天地数码科技): the Chinese name does not have it, or its Chinese forms would have explained it, so the English
    name is another company's, not a brand of this one."""
    table = brand_table()
    return next((word for word in words if table.resolve(word)), "")


def _heard(key: NameKey, other: NameKey, key_person: bool, other_person: bool) -> tuple[float, str] | None:
    """A person's name transcribed into Chinese (艾尔肯·吐尼亚孜) against a Latin one (Erkin Tuniyaz), by sound
    (:mod:`threadline.names.transcribed`); ``None`` unless one of the two is such a name and the other Latin. An
    undotted one counts only when it is known to be a person's (``key_person``, ``other_person``): otherwise five
    characters are mostly a company's name, and a person entry met by a Chinese company name is common."""
    han, latin_key, han_person = (key, other, key_person) if has_han(key.original) else (other, key, other_person)
    if not has_han(han.original) or has_han(latin_key.original) or not latin_key.latin.isascii():
        return None
    if not is_transcribed(han.original, han_person):
        return None
    return sounds_alike(han.original, tuple(latin_key.latin.split()))


def _cross_score(
    query: Query, key: NameKey, record: _Record, entity: Entity, floor: float = MIN_NAME_SIMILARITY
) -> Hit | None:
    person = entity.schema == "Person" or query.schema == "Person"
    alignment = cross_align(key, record.key, person)
    han_name = key.original if han_core(key.original) else record.key.original
    given = with_given_name(alignment) if person and alignment is not None and personal_name(han_name) else None
    if given is not None and alignment is not None and given.score > alignment.score:
        alignment = given
    heard = _heard(key, record.key, query.schema == "Person", entity.schema == "Person") if person else None
    if heard is not None and (alignment is None or heard[0] > alignment.score):
        if heard[0] < floor:
            return None
        label = "primary name" if record.name.kind == "primary" else f"{record.name.kind} name"
        said = f"name {query.name!r} ~ {label} {record.name.value!r} across scripts: {heard[1]}"
        return Hit(entity, heard[0], record.name, said, (("transcribed_sound", heard[0]),))
    if alignment is None or (not person and alignment.explained_han < 2):
        return None  # one character ("HUA" for 化) is no evidence for a company
    latin_key = record.key if han_core(key.original) else key
    related = _group_difference(alignment, latin_key.removed)
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
    if not person and leftover_han and leftover_words:
        kept = f"each name keeps a part the other does not explain ({leftover_han!r} vs {' '.join(leftover_words)!r})"
        # Weighed by the calibration alone: a shared or rendered trade name, or an English brand that may stand for
        # the Chinese trade name (泛微 = "Weaver": two or more characters against words that are not pinyin). A lone
        # character (立 vs "Daqo"), a pinyin spelling ("Yibai") or two known terms point to another company.
        brand = _other_brand(leftover_words)
        unit = related is None and _other_unit(leftover_han, leftover_words)
        if unit:
            parts.append(f"{kept}: {unit}, likely different parties" + _capped(score))
            if score > CONFLICT_CAP:
                score = CONFLICT_CAP
                features.append(("other_unit", CONFLICT_CAP))
        elif group == CONFLICT_SOUND and not brand:
            word, run = sounding_brand(alignment)
            capped = score > SOUND_CAP
            said = f"a sound alone is no match, capped at {SOUND_CAP}" if capped else "weighs as calibrated"
            parts.append(f"{kept}, but {word!r} sounds like {run!r} ({spelled(run)}): {said}")
            if capped:
                score = SOUND_CAP
                features.append(("sound_only", SOUND_CAP))
        elif not brand and (
            group in (TRADE_NAME, RENDERING, RENDERING_PINYIN) or (group == CONFLICT and len(leftover_han) >= 2)
        ):
            parts.append(f"{kept}: weighs against, as calibrated")
        else:
            why = f" ({brand!r} is another company's brand in the brand table)" if brand else ""
            parts.append(f"{kept}: likely different parties{why}" + _capped(score))
            if score > CONFLICT_CAP:
                score = CONFLICT_CAP
                features.append(("conflicting_leftovers", CONFLICT_CAP))
    if not person and group == RENDERING_PINYIN:
        parts.append(
            f"{pinyin_rendering(alignment)!r} is pinyin itself, of other characters: more often another company's "
            "name than a rendering of this one's, as calibrated"
        )
    relation = None
    branch = ("", "") if person or related is not None else _branch(alignment)
    if related is not None:
        relation = "related"
        score = RELATED_CAP
        features.append(("related", RELATED_CAP))
        parts.append(
            f"only one name says {related!r}: a group and its member, or an agency and its unit, are related, "
            "not the same party"
        )
    elif branch[0]:
        relation = "related"
        score = min(score, RELATED_CAP)
        features.append(("related", RELATED_CAP))
        parts.append(
            f"only the {branch[1]} name has the place {branch[0]!r} after the name both share: the group's company "
            "there (a subsidiary or a branch), related, not the same party"
        )
    score = list_side_adjustments(score, record.name, query, entity, features, parts)
    return Hit(entity, max(0.0, min(1.0, score)), record.name, "; ".join(parts), tuple(features), relation)


def _least_kept(query: Query, hits: Sequence[Hit], limit: int, threshold: float) -> float:
    """The score a further hit must reach to be returned beside ``hits``: ``threshold`` until ``limit`` entries
    have a hit at or above it, then the lowest of the ``limit`` best entries' scores. A pair provably below it
    changes nothing :meth:`SimpleMatcher.match` returns (scores only ever rise per entry, and a tie may still be
    ranked in by its entry id, so only pairs strictly below are left out): with a single query's ten hits found
    among names in its own script, most of the cross-script pairs need neither reading nor aligning. The hits are
    counted as :meth:`~SimpleMatcher.match` will return them, after the cap on another listed company's name
    (:func:`~threadline.matching.filed.apart`), the one step that lowers a score."""
    best: dict[tuple[str, str], float] = {}
    for hit in apart(query, hits):
        if hit.score >= threshold and schemata_compatible(query.schema, hit.entity.schema):
            ident = (hit.entity.source, hit.entity.entry_id)
            best[ident] = max(best.get(ident, hit.score), hit.score)
    if limit < 1 or len(best) < limit:
        return threshold
    return max(threshold, heapq.nlargest(limit, best.values())[-1])


_person_similarity = lru_cache(maxsize=4_096)(person_similarity)
""":func:`~threadline.matching.persons.person_similarity`, remembered: a pair is bounded by it before it is scored."""


def _prefer_short_form(hit: Hit | None, short: Hit | None) -> Hit | None:
    """The brand table's or an acronym's reading of a pair: "related" overrides the spelling, else the higher."""
    if short is None:
        return hit
    return short if hit is None or short.relation == "related" or short.score > hit.score else hit


def cross_may_reach(query: Query, key: NameKey, other: NameKey, schema: str | None, threshold: float) -> bool:
    """Whether aligning the query with a name in the other script could give a hit :meth:`SimpleMatcher.match`
    keeps; ``False`` only when it provably cannot, so skipping the pair changes no result.

    Mirrors :func:`_cross_score`: the hit must be compatible with the query's schema; its score is the alignment
    score (persons) or its calibration (companies, a non-decreasing map within each group, so the bound's
    calibration in the most generous group the pair can fall in is an upper bound: not the trade-name group
    without a word that may be a trade name's pinyin, not the rendering group without a word close to a
    spelling), then only lowered (weak alias, country mismatch); it must reach both the threshold and
    :data:`MIN_NAME_SIMILARITY`. The exception is a pair that differs only by the group term, scored
    :data:`RELATED_CAP` whatever the alignment: possible unless the threshold is above that cap or a word other
    than "group" can be explained by nothing. ``schema``: the list entry's, or ``None`` to answer for any entry (a
    person's name or a company's) before reading it."""
    return CrossBound(query, key).may_reach(other, schema, threshold)


class Spelled(Protocol):
    """What :meth:`CrossBound.may_reach` reads of a list name: a :class:`~threadline.names.normalize.NameKey`, or
    only its two spellings (:class:`Spelling`)."""

    @property
    def original(self) -> str: ...

    @property
    def latin(self) -> str: ...


class Spelling(NamedTuple):
    """A list name as written and its Latin key, read without decoding the rest of its record."""

    original: str
    latin: str


class CrossBound:
    """:func:`cross_may_reach` for one query against the names in the other script it meets. What depends on the
    query alone is worked out once, not for each of its hundred candidates: its Chinese core or its words, whether
    it reads as a transcription, and, for a Chinese query, which words may sound like a brand of its characters
    (remembered per word: the candidates share most of theirs). The same answers, pair by pair."""

    def __init__(self, query: Query, key: NameKey) -> None:
        self.query = query
        self.key = key
        self.han = han_core(key.original)
        self.words = () if self.han else _alignable(key.latin)
        self.reads_written = not self.han
        """Whether :meth:`may_reach` reads the other name as written (its ``original``): only for a Latin query,
        whose candidate's characters are bounded. A Chinese query's Latin candidates are bounded by their Latin
        keys alone, so their names need not be read for it (a hundred a Chinese row)."""
        self._transcribed: dict[bool, bool] = {}
        self._sounding: dict[str, bool] = {}

    def may_reach(self, other: Spelled, schema: str | None, threshold: float, grouped: bool = True) -> bool:
        """Whether aligning the query with ``other`` could give a hit (see :func:`cross_may_reach`); ``grouped=False``:
        a hit by its score alone, not the group reading's :data:`RELATED_CAP` (for :meth:`may_relate`)."""
        query = self.query
        if schema is not None and not schemata_compatible(query.schema, schema):
            return False
        han, words = (self.han, _alignable(other.latin)) if self.han else (han_core(other.original), self.words)
        if not han or not words:
            return True  # not a pair the aligner scores: let cross_align decide
        person = query.schema == "Person" or schema == "Person"
        if (person or (schema is None and query.schema is None)) and self._is_transcribed(other, person):
            return True  # compared by sound (艾尔肯·吐尼亚孜 ~ Erkin Tuniyaz), which the alignment bound does not cover
        floor = max(threshold, MIN_NAME_SIMILARITY)
        spoken = _may_read_spoken(query, schema)
        if self.han and (threshold > RELATED_CAP or not grouped) and self._ruled_out(han, words, floor, spoken):
            return False
        latin = None if self.han else known_latin_share(han, words)
        # A Latin side below the least score any group's calibration takes to the floor (the sounding-brand group
        # too) gives the same answer whether a word may sound like a brand or not: not read (most pairs).
        sounding = (latin is None or max(0.0, latin) + SLACK >= lowest_reaching(floor)) and self._may_sound(han, words)
        bound = _reach(han, words, lowest_reaching(floor, sounding), spoken)
        company = _calibrated(bound.score, bound.trade_name, bound.rendering)
        if sounding:
            company = max(company, sound_calibrated(bound.score))
        if bound.explainable_han < 2:
            company = 0.0  # a company pair needs two characters explained (_cross_score gives no hit otherwise)
        person_best = bound.score
        if len(han) <= MAX_NAME and spoken and any(may_be_given_name(w) for w in words):
            # a given name at half (with_given_name, only for a name short enough to be a person's)
            person_best = min(1.0, person_best + GENERIC_WEIGHT / len(words))
        # persons' names are not calibrated
        best = person_best if person else company if schema is not None else max(person_best, company)
        if best >= floor:
            return True
        return grouped and threshold <= RELATED_CAP and all(is_group_word(w, words) for w in bound.hopeless)

    @staticmethod
    def _ruled_out(han: str, words: tuple[str, ...], floor: float, spoken: bool) -> bool:
        """Whether the Latin side alone (:func:`~threadline.matching.bound.latin_share`) keeps every score
        :meth:`may_reach` could find for the pair below ``floor``: then it answers ``False`` without the rest (which
        words may sound like a brand, the Chinese side, the calibration groups). A Chinese query's hundred Latin
        candidates are mostly ruled out so (about three in four on the 100,000-row bench file's Chinese rows).

        Why the answer is the same: the bound's score is at most ``most`` below, whichever way :func:`reach` ends;
        below :func:`lowest_reaching` with every group (the least of its values), no calibration in any group
        reaches ``floor``, and a person's score is the bound itself, or, for a name short enough to be a person's,
        at most ``GENERIC_WEIGHT / len(words)`` more (a given name at half). The caller asks only above
        ``RELATED_CAP``, where a pair that differs by a group word is no hit either."""
        most = max(0.0, latin_share(han, words, spoken)) + SLACK
        if not most < lowest_reaching(floor):
            return False
        return not (len(han) <= MAX_NAME and spoken) or most + GENERIC_WEIGHT / len(words) < floor

    def may_relate(self, other: Spelled, floor: float) -> bool:
        """Whether aligning the query with ``other`` could give a hit marked related at ``floor`` or more
        (:func:`_cross_score`), for any entry. Either a name has a branch's place (:mod:`~threadline.matching.
        relatable`), the other name may be left with nothing of its own (:meth:`_may_branch`) and the pair may
        score ``floor`` as calibrated (:meth:`may_reach` without the group reading); or a name has a group or unit
        term, ``floor`` is at most :data:`RELATED_CAP` (the score of that reading, whatever the alignment) and what
        every alignment leaves unexplained (:func:`~threadline.matching.bound.leaves_only`) may be group words and
        terms alone."""
        han, words = (self.han, _alignable(other.latin)) if self.han else (han_core(other.original), self.words)
        if not han or not words:
            return True  # not a pair the aligner scores: let cross_align decide
        chinese, latin = han_readings(han), words_readings(words)
        if not (chinese.group or latin.group or chinese.branch or latin.branch):
            return False
        spoken = _may_read_spoken(self.query, None)
        if (
            (chinese.branch or latin.branch)
            and self.may_reach(other, None, floor, False)  # most pairs stop here, by the Latin side alone
            and self._may_branch(han, words, chinese.branch, latin.branch, spoken)
        ):
            return True
        if not (chinese.group or latin.group) or floor > RELATED_CAP:
            return False
        known = None if self.han else known_reach(han, words, 2.0)  # a Latin query's: the Latin side alone, at once
        if known is not None and not all(is_group_word(word, words) for word in known.hopeless):
            return False  # a word nothing explains is no group word: without building the candidate's vocabulary

        def group_word(word: str) -> bool:
            return is_group_word(word, words)

        grouped = group_positions(han)
        found = None if self.han else known_leaves_only(han, words, group_word, grouped)  # without a vocabulary
        return found if found is not None else leaves_only(han, words, group_word, grouped, spoken)

    def _may_branch(self, han: str, words: tuple[str, ...], in_han: bool, in_words: bool, spoken: bool) -> bool:
        """Whether a place one name adds can be a branch's: :func:`~threadline.matching.crossscript.branch_place`
        wants every Latin word explained (none that nothing can explain), :func:`~threadline.matching.crossscript.
        latin_branch_place` every character (none that no word may explain and no name may leave out)."""
        if in_han:
            known = None if self.han else known_reach(han, words, 2.0)
            if known is not None and not known.hopeless:
                return True
            if known is None and leaves_only(han, words, lambda _word: False, frozenset(range(len(han))), spoken):
                return True
        if not in_words:
            return False
        found = None if self.han else known_leaves_only(han, words, lambda _word: True, frozenset())
        return found if found is not None else leaves_only(han, words, lambda _word: True, frozenset(), spoken)

    def _is_transcribed(self, other: Spelled, person: bool) -> bool:
        """:func:`~threadline.names.transcribed.is_transcribed` of the pair's Chinese name."""
        if not self.han:
            return _transcribed(other.original, person)
        found = self._transcribed.get(person)
        if found is None:
            found = self._transcribed[person] = is_transcribed(self.key.original, person)
        return found

    def _may_sound(self, han: str, words: tuple[str, ...]) -> bool:
        """:func:`_may_sound`, per word for a Chinese query (whose ``han`` is the same for every pair)."""
        if not self.han:
            return _may_sound(han, words)
        sounding = self._sounding
        for word in words:
            found = sounding.get(word)
            if found is None:
                found = sounding[word] = may_sound_alike(han, word)
            if found:
                return True
        return False


_alignable = lru_cache(maxsize=1 << 16)(alignable_words)
""":func:`~threadline.matching.align.alignable_words`, remembered: a Chinese query's candidates are asked about
twice or three times (prepared, bounded for any entry, then for the entry's schema), and met again by later queries."""
_transcribed = lru_cache(maxsize=1 << 14)(is_transcribed)
""":func:`~threadline.names.transcribed.is_transcribed`, remembered for the Chinese candidates of Latin queries."""


@lru_cache(maxsize=4_096)
def _calibrated(score: float, trade_name: bool, rendering: bool) -> float:
    """The highest calibration of ``score`` over the groups a pair may fall in: not the trade-name group without a
    word that may be a trade name, nor the rendering group without one close to a spelling (remembered: the same
    bounds come back for many pairs). The sounding-brand group is left to the caller (see :func:`_may_sound`)."""
    ruled_out = {CONFLICT_SOUND} | ({TRADE_NAME} if not trade_name else set())
    ruled_out |= {RENDERING, RENDERING_PINYIN} if not rendering else set()
    return max(calibrate(score, group) for group in GROUPS if group not in ruled_out)


def sound_calibrated(score: float) -> float:
    """The most an alignment score reaches in the sounding-brand group: its calibration, at most :data:`SOUND_CAP`
    (:func:`_cross_score` caps a pair that only sounds alike), so that the candidate bound leaves such pairs out at
    a threshold above the cap."""
    return min(SOUND_CAP, calibrate(score, CONFLICT_SOUND))


@lru_cache(maxsize=4_096)
def _may_sound(han: str, words: tuple[str, ...]) -> bool:
    """Whether the pair may fall in the sounding-brand group: some word may be a brand that sounds like a run of
    the Chinese name (:func:`~threadline.names.brandsound.may_sound_alike`). Most Latin names have no word that may
    be a brand at all (places, pinyin, dictionary words), and then the name's runs are not read. When it cannot,
    the bound leaves the group out, also from the least score worth bounding further (:func:`lowest_reaching`):
    with it, that score fell from 0.65 to 0.54 at the 0.85 threshold, and a 1M-name list's queries took a fifth
    longer."""
    return any(may_sound_alike(han, w) for w in words)


def _may_read_spoken(query: Query, schema: str | None) -> bool:
    """Whether the pair may be aligned as a person's name, which the aligner also reads the Hong Kong way (see
    :func:`~threadline.matching.align.align`): the bound must then allow those spellings. ``schema`` ``None``: any
    entry the query may meet."""
    if schema is None:
        return schemata_compatible(query.schema, "Person")
    return query.schema == "Person" or schema == "Person"


@lru_cache(maxsize=1_024)
def _reach(han: str, words: tuple[str, ...], enough: float, spoken: bool) -> Reach:
    """:func:`~threadline.matching.bound.reach`, remembered for the pairs of the last few queries: the matcher asks
    twice about a pair, before reading its entry and with the entry's schema."""
    known = known_reach(han, words, enough)  # worked out for all of a Latin query's candidates at once
    return known if known is not None else reach(han, words, enough=enough, spoken=spoken)


@lru_cache(maxsize=64)
def lowest_reaching(floor: float, sounding: bool = True) -> float:
    """A score below the least alignment score that can reach ``floor``: as a person's score (itself) or calibrated
    in any group (:func:`calibrate` is non-decreasing in each, so bisection finds where it first reaches ``floor``;
    the result errs low by a margin, so no pair that could reach ``floor`` is ever below it). ``sounding=False``:
    for a pair that cannot fall in the sounding-brand group (:func:`_may_sound`)."""
    groups = GROUPS if sounding else tuple(group for group in GROUPS if group != CONFLICT_SOUND)

    def reaches(score: float) -> bool:
        return (
            max(sound_calibrated(score) if group == CONFLICT_SOUND else calibrate(score, group) for group in groups)
            >= floor
        )

    if reaches(0.0):
        return 0.0
    if not reaches(1.0):
        return floor - 1e-9
    low, high = 0.0, 1.0  # reaches(low) is false, reaches(high) true
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (low, middle) if reaches(middle) else (middle, high)
    return min(floor, low) - 1e-9


def _group_difference(alignment: Alignment, latin_removed: Sequence[str] = ()) -> str | None:
    """The group or unit terms (集团, "Group", 公安局, "Public Security Bureau") when they are all that one name has
    and the other lacks, else ``None``. A 集团 the English name renders as the "Corporation" normalising took off
    its end is not lacking (中泰集团 = "Zhongtai Corporation")."""
    han_left = alignment.unexplained_han
    if CORPORATION & set(latin_removed):
        han_left = han_left.replace("集团", "", 1)
    unexplained = alignment.unexplained_latin
    words_left = [w for w in unexplained if not is_group_word(w, unexplained)]
    rest_han, group_han = strip_group_terms(han_left)
    group_words = sorted({w for w in unexplained if is_group_word(w, unexplained)})
    if NUMBERED_TERM.search(han_left) and numbered_units(unexplained):
        return None  # 第一师 against "2nd Division": two units, not one and its part
    if (group_han or group_words) and not rest_han and not words_left:
        return ", ".join([*group_han, *group_words])
    return None


def _wordlike(word: str) -> bool:
    """A word that can set two names apart: not a number (digits, which number words become in a key, or Roman
    numerals: series and funds, "Partners V" and "Partners VI", "Snow Storm 1" and "2", which lists treat as
    variants as often as not), nor a letter or two."""
    return len(word) >= 3 and word.isalpha() and not set(word) <= set("ivxlcdm")


CRAFT_SCHEMATA = frozenset({"Vessel", "Airplane"})
OTHER_KIND = 0.6
"""Factor for a name with a company's legal form against a vessel or an aircraft ("Dover Corporation" is not the
tanker DOVER): a query of unknown schema may be either, but its legal form says which."""
APART = 0.5
"""Edit similarity below which two words have nothing in common ("xinbang" and "yibai", "gas" and "oil")."""


def words_apart(key: NameKey, other: NameKey) -> tuple[str, str] | None:
    """The distinctive words each of two Latin-script names has and the other lacks, when both have some and none
    of them resembles any of the other's: "Guizhou Xinbang Pharmaceutical" and "Guizhou Yibai Pharmaceutical" share
    a place and a trade but are two companies, as are "Saudi Arabian Gas" and "Saudi Arabian Oil". A slip ("Hon Hai"
    / "Hon Wai"), a word only one name has ("Banco Santander Chile") or a number is not this. ``None`` otherwise,
    and for Chinese names (compared by characters, see :func:`han_similarity`)."""
    if han_core(key.original) or han_core(other.original):
        return None
    mine, theirs = set(key.distinctive.split()), set(other.distinctive.split())
    only_mine, only_theirs = {w for w in mine - theirs if _wordlike(w)}, {w for w in theirs - mine if _wordlike(w)}
    if not only_mine or not only_theirs or not mine & theirs:
        return None
    if any(Levenshtein.normalized_similarity(a, b) >= APART for a in only_mine for b in only_theirs):
        return None
    return " ".join(sorted(only_mine)), " ".join(sorted(only_theirs))


PINYIN_APART_CAP = 0.75
"""Score ceiling for two company names whose one differing word is pinyin on both sides, of other syllables."""


def pinyin_apart(key: NameKey, other: NameKey) -> tuple[str, str] | None:
    """The one distinctive word each of two Latin company names has and the other lacks, when both read as pinyin
    (of different syllables, being different): "Xinjiang Tianye" and "Xinjiang Tianyi", "Aksu Huafu" and "Aksu
    Huafeng" are two Chinese companies (天业, 天翼) however few letters differ, since Chinese trade names are two or
    three syllables from a few hundred. Only for names that share a Chinese place's name, so are Chinese
    companies' (not "Bank of China" / "Bank of Chima", "State Grid of China" / "of Chile", where the
    words are English and one a slip); a slip that is no pinyin ("Zhongtia", "Hosine") is not this either.
    ``None`` otherwise."""
    if han_core(key.original) or han_core(other.original):
        return None
    only_mine = set(key.distinctive.split()) - set(other.distinctive.split())
    only_theirs = set(other.distinctive.split()) - set(key.distinctive.split())
    if len(only_mine) != 1 or len(only_theirs) != 1:
        return None
    mine, theirs = next(iter(only_mine)), next(iter(only_theirs))
    places = _chinese_place_words()
    shared = set(key.latin.split()) & set(other.latin.split())
    if not places.isdisjoint(shared) and spells_pinyin(mine) and spells_pinyin(theirs):
        return mine, theirs
    return None


@lru_cache(maxsize=1)
def _chinese_place_words() -> frozenset[str]:
    """Chinese places' names as one Latin word: every division's pinyin or English form (counties too: "awati") and
    the glossary's renderings of places ("aksu", "kashgar", "urumqi")."""
    gazetteer = {
        phrase[0] for han, phrases in glossary().items() if is_place(han) for phrase in phrases if len(phrase) == 1
    }
    return latin_division_words() | gazetteer


SLIP_LENGTH = 5
"""Letters a distinctive word needs before one letter more, less, changed or swapped reads as a slip of the pen."""


def slipped(word: str, other: str) -> bool:
    """Whether two distinctive words are one letter apart (added, dropped, changed, or two neighbours swapped) and
    long enough for that to be a slip ("wallmart" / "walmart", "citygroup" / "citigroup", "appel" / "apple")
    rather than another name: a company's one distinctive word is otherwise taken x0.90 when not identical."""
    return min(len(word), len(other)) >= SLIP_LENGTH and OSA.distance(word, other, score_cutoff=1) <= 1


def spaced_alike(latin: str, other: str) -> bool:
    """Whether two different Latin keys have the same letters, split into words differently."""
    return latin != other and latin.replace(" ", "") == other.replace(" ", "")


def _score(query: Query, key: NameKey, record: _Record, entity: Entity, similarity: float) -> Hit:
    features: list[tuple[str, float]] = [("name_similarity", similarity)]
    label = "primary name" if record.name.kind == "primary" else f"{record.name.kind} name"
    parts = [f"name {key.latin!r} ~ {label} {record.name.value!r}: token-sort similarity {similarity:.2f}"]
    other = record.key
    person = query.schema == "Person" or entity.schema == "Person"
    if person and not han_core(key.original) and not han_core(other.original):
        similarity, reason = _person_similarity(key.latin, other.latin)
        features = [("person_parts", similarity)]
        by_consonants = consonant_similarity(key.original, key.latin, other.original, other.latin)
        if by_consonants is not None and by_consonants[0] > similarity:
            similarity, reason = by_consonants
            features = [("person_consonants", similarity)]
        parts = [f"name {key.latin!r} ~ {label} {record.name.value!r}: {reason}"]
        given = other_given_name(key.latin, other.latin)
        if given and similarity > OTHER_GIVEN_NAME_CAP:
            similarity = OTHER_GIVEN_NAME_CAP
            features.append(("other_given_name", OTHER_GIVEN_NAME_CAP))
            parts.append(
                f"{given[0]!r} and {given[1]!r} are two pinyin given names, not a slip: another person, capped at "
                f"{OTHER_GIVEN_NAME_CAP}"
            )
        if _single_word(key.latin, other.latin):
            # "Marian" is not the alias "Marine", nor "Green Field Agri" the alias "GREEN": one word is little to go on
            similarity *= SINGLE_WORD
            features.append(("single_word", SINGLE_WORD))
            parts.append(f"a single word, not identical x{SINGLE_WORD:.2f}")
    elif similarity >= MIN_NAME_SIMILARITY and spaced_alike(key.latin, other.latin):
        similarity = max(similarity, SPACING_ONLY)  # "kuang chi group" = "kuangchi group", "j p morgan" = "jp morgan"
        features.append(("spacing_only", similarity))
        parts.append(f"the same letters written together or apart: {similarity:.2f}")
    else:
        similarity, distinct, slip = _distinct_words(key, other, similarity)
        if distinct is not None:
            features.append(("distinctive_similarity", distinct))
            parts.append(f"distinctive words {key.distinctive!r} ~ {other.distinctive!r}: {distinct:.2f}")
        if slip:
            parts.append(f"{key.distinctive!r} and {other.distinctive!r} are one letter apart: a slip")
        elif slip is not None:
            features.append(("single_word", 0.90))
            parts.append("single distinctive word, not identical x0.90")
        for found, cap, feature, why in (
            (words_apart(key, other), CONFLICT_CAP, "conflicting_words", "each name has a word the other lacks"),
            (pinyin_apart(key, other), PINYIN_APART_CAP, "pinyin_apart", "pinyin of different syllables, the trade "
             "names of two Chinese companies more often than a slip"),
            (_units_apart(key, other), CONFLICT_CAP, "other_unit", "each name is a unit of another number"),
        ):  # fmt: skip
            if found and similarity > cap:
                similarity = cap
                features.append((feature, cap))
                parts.append(f"{why} ({found[0]!r} vs {found[1]!r}): likely different parties, capped at {cap}")
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
    if _short_name(key.latin, record.key.latin):
        score *= SHORT_NAME
        features.append(("short_name", SHORT_NAME))
        parts.append(f"short name x{SHORT_NAME:.2f}")
    form = next((r for r in key.removed if " " not in r), None)
    if form is not None and entity.schema in CRAFT_SCHEMATA:
        score *= OTHER_KIND
        features.append(("company_name_vs_craft", OTHER_KIND))
        kind = entity.schema.lower()
        parts.append(f"the name has a company's legal form ({form!r}), the entry is a {kind} x{OTHER_KIND}")
    if query.country and entity.countries:
        if query.country in entity.countries:
            parts.append(f"country {query.country} matches")
        else:
            score -= 0.05
            features.append(("country_mismatch", -0.05))
            parts.append(f"country {query.country} not in entry's {', '.join(entity.countries)} -0.05")
    relation = None
    group = None if person else _latin_group_difference(key, other) or _han_group_difference(key, other)
    if group is not None:
        relation, score = "related", min(score, RELATED_CAP)
        features.append(("related", RELATED_CAP))
        parts.append(
            f"only one name says {group!r}: a group and its member, or an agency and its unit, are related, "
            "not the same party"
        )
    score = max(0.0, min(1.0, score))
    return Hit(entity, score, record.name, "; ".join(parts), tuple(features), relation)


def _distinct_words(key: NameKey, other: NameKey, similarity: float) -> tuple[float, float | None, bool | None]:
    """A company pair's ``similarity`` (:func:`_score`) capped by that of their distinctive words, then x0.90 when
    each has one distinctive word and they differ, unless by a slip: ``(similarity, the distinctive words' when it
    capped, else None, whether the one word each is a slip, None when not one word each)``."""
    return _distinct(key.latin, key.distinctive, other.latin, other.distinctive, similarity)


def _distinct(
    latin: str, distinctive: str, other_latin: str, other_distinctive: str, similarity: float
) -> tuple[float, float | None, bool | None]:
    """:func:`_distinct_words` of two names' Latin keys and distinctive words."""
    distinct = None
    if (distinctive, other_distinctive) != (latin, other_latin):
        found = fuzz.token_sort_ratio(distinctive, other_distinctive) / 100.0
        if found < similarity:
            similarity = distinct = found
    slip = None
    if " " not in distinctive and " " not in other_distinctive and distinctive != other_distinctive:
        slip = slipped(distinctive, other_distinctive)
        if not slip:
            similarity *= 0.90
    return similarity, distinct, slip


def _latin_company_reach(key: NameKey, latin: str, similarity: float) -> float:
    """At least :func:`_company_reach` of a Latin query and a Latin list name, known from the name's Latin key
    ``latin`` alone (its distinctive words are a function of it): the weak alias factor, which needs the name's
    record, only lowers the score. A Latin query's same-script candidates are mostly companies' names, nine in ten
    below the floor by their distinctive words; their records were decoded only to find that out."""
    if similarity >= MIN_NAME_SIMILARITY and spaced_alike(key.latin, latin):
        return 1.0
    score = _distinct(key.latin, key.distinctive, latin, distinctive_words(latin), similarity)[0]
    return score * SHORT_NAME if _short_name(key.latin, latin) else score


def _pair_reach(query: Query, key: NameKey, record: _Record, schema: str, similarity: float) -> float:
    """The most :func:`_score` gives the pair when the entry's schema is ``schema``, known without the rest of the
    entry: :func:`_person_reach` where :func:`_score` compares persons' names part by part, else
    :func:`_company_reach`."""
    person = query.schema == "Person" or schema == "Person"
    if person and not han_core(key.original) and not han_core(record.key.original):
        return _person_reach(key, record)
    return _company_reach(key, record, similarity)


def _person_reach(key: NameKey, record: _Record) -> float:
    """The most :func:`_score` gives a pair it compares as persons' names (part by part, or by consonants for a
    name in Arabic script), known from the list name alone: the better of the two comparisons, then the one-word,
    weak alias and short name factors, as :func:`_score` works them out; the rest (another pinyin given name, the
    entry's schema and countries) only lowers that, and multiplying or capping a lower number never gives a higher
    one. Most persons' names a Latin query meets reach the floor by token-sort similarity but not part by part."""
    other = record.key
    similarity = _person_similarity(key.latin, other.latin)[0]
    by_consonants = consonant_similarity(key.original, key.latin, other.original, other.latin)
    if by_consonants is not None and by_consonants[0] > similarity:
        similarity = by_consonants[0]
    if _single_word(key.latin, other.latin):
        similarity *= SINGLE_WORD
    return _alias_and_length(key, record, similarity)


def _factored(similarity: float, latin: str, other: str) -> float:
    """``similarity`` of two persons' Latin keys with :func:`_person_reach`'s single-word and short name factors, in
    its order (the weak alias factor left out)."""
    if _single_word(latin, other):
        similarity *= SINGLE_WORD
    return similarity * SHORT_NAME if _short_name(latin, other) else similarity


def _single_word(latin: str, other: str) -> bool:
    """Whether one of two persons' Latin keys is a single word and they differ (:data:`SINGLE_WORD`)."""
    return (" " not in latin or " " not in other) and latin != other


def _short_name(latin: str, other: str) -> bool:
    """Whether one of two Latin keys is shorter than five letters and they differ (:data:`SHORT_NAME`)."""
    return min(len(latin), len(other)) < 5 and latin != other


def _company_reach(key: NameKey, record: _Record, similarity: float) -> float:
    """The most :func:`_score` gives a pair scored as companies' names are (neither the query nor the entry a
    person, or one of the two names Chinese), known from the list name alone: the similarity capped by the
    distinctive words, the one-word factor, and the weak alias and short name factors, as :func:`_score` works
    them out; the rest of it (the caps of words, pinyin or units apart, the entry's schema and countries, a related
    unit) only lowers that, and multiplying or capping a lower number never gives a higher one. Names spaced alike
    reach 1."""
    other = record.key
    if similarity >= MIN_NAME_SIMILARITY and spaced_alike(key.latin, other.latin):
        return 1.0
    return _alias_and_length(key, record, _distinct_words(key, other, similarity)[0])


def _alias_and_length(key: NameKey, record: _Record, score: float) -> float:
    """``score`` with :func:`_score`'s weak alias (x0.90) and short name (x0.85) factors, for the bounds above."""
    if record.name.kind == "weak":
        score *= 0.90
    return score * SHORT_NAME if _short_name(key.latin, record.key.latin) else score


def _same_similarity(key: NameKey, record: _Record, similarity: float) -> float:
    """The similarity :meth:`SimpleMatcher._same_script` scores a pair by: by characters for two Chinese names."""
    query_han, record_han = han_core(key.original), han_core(record.key.original)
    return han_similarity(query_han, record_han) if query_han and record_han else similarity


def _han_group_difference(key: NameKey, other: NameKey) -> str | None:
    """:func:`~threadline.matching.relatable.han_group_difference` of two names' Chinese cores."""
    return han_group_difference(han_core(key.original), han_core(other.original))


def _branch(alignment: Alignment) -> tuple[str, str]:
    """``(place, "Chinese" or "English")``: the place one name adds after the name both share
    (:func:`branch_place`, :func:`latin_branch_place`), else ``("", "")``."""
    place = branch_place(alignment)
    if place:
        return place, "Chinese"
    place = latin_branch_place(alignment)
    return (place, "English") if place else ("", "")


def _capped(score: float) -> str:
    return f", capped at {CONFLICT_CAP}" if score > CONFLICT_CAP else ""


def _other_unit(leftover_han: str, leftover_words: Sequence[str]) -> str:
    """Why the leftovers of a pair across scripts name two bodies, when one side's leftover is a group or unit
    term only and the other's is something else (新疆维吾尔自治区政法委员会 / "... Party Committee" keep 政法 and
    "party": the political-legal commission is not the party committee), else ``""``."""
    if all(is_group_word(word, leftover_words) for word in leftover_words):
        return f"{' '.join(leftover_words)!r} names a unit the Chinese name does not"
    if not strip_group_terms(leftover_han)[0]:
        return f"{leftover_han!r} names a unit the English name does not"
    return ""


def _units_apart(key: NameKey, other: NameKey) -> tuple[str, str] | None:
    """The numbered units (第一师 and 第二师, "1st Division" and "2nd Division") that tell two names of one
    script apart (:mod:`threadline.matching.units`), else ``None``."""
    mine, theirs = han_core(key.original), han_core(other.original)
    if mine and theirs:
        return han_units_apart(mine, theirs)
    return latin_units_apart(key.latin.split(), other.latin.split())


def _latin_group_difference(key: NameKey, other: NameKey) -> str | None:
    """:func:`~threadline.matching.relatable.latin_group_difference` of two Latin-script names ("Xinjiang Guannong
    Group" and "Xinjiang Guannong"): as :func:`_group_difference` for a Chinese name against a Latin one."""
    if han_core(key.original) or han_core(other.original):
        return None
    return latin_group_difference(key.latin, other.latin)
