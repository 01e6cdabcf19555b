"""The persisted candidate index: what is written reads back as the in-memory index, stale or corrupt segments are
rebuilt (never used), writes are atomic, an unchanged list's segment is reused, and matching gives the same hits."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.from_source import from_source
from threadline import settings
from threadline.matching import index as index_module
from threadline.matching.index import (
    CandidateIndex,
    EntityFeed,
    IndexStale,
    Latin,
    Postings,
    Segment,
    SegmentSource,
    build_segment,
)
from threadline.matching.model import Query
from threadline.matching.persisted import ListInput, active_inputs, index_stats, open_index, open_segments
from threadline.matching.simple import SimpleMatcher
from threadline.matching.vectorised import repeated_words, sorted_words
from threadline.model import Entity, Name
from threadline.store import ListStore

ENTITIES = [
    Entity("t", "1", "Person", (Name("CHEN, Quanguo"), Name("陈全国", "native")), countries=("cn",)),
    Entity("t", "2", "Organization", (Name("XINJIANG PRODUCTION AND CONSTRUCTION CORPS"), Name("XPCC", "alias"))),
    Entity(
        "t", "3", "Company", (Name("Xinjiang Zhongtai Chemical Co., Ltd."), Name("新疆中泰化学股份有限公司", "alias"))
    ),
    Entity("t", "4", "Company", (Name("Zala Aero Group"), Name("ZALA", "weak")), countries=("ru",)),
    Entity("t", "5", "Person", (Name("Мин Аунг Хлайн"), Name("Min Aung Hlaing", "alias")), programs=("BURMA",)),
    Entity("t", "6", "Company", (Name("Only An Address Ltd"),), extra={"no_name": "1"}),
    Entity("t", "7", "Company", (Name("Hangzhou Hikvision Digital Technology Co., Ltd."), Name("Hikvision", "alias"))),
]
QUERIES = [
    "Chen Quanguo",
    "陈全国",
    "XPCC",
    "新疆中泰化学",
    "Xinjiang Zhongtai",
    "ZALA",
    "Min Aung Hlaing",
    "HIKVISION",
]


def _input(entities: Sequence[Entity], label: str, content: str) -> ListInput:
    def load() -> tuple[Sequence[Entity], dict[str, Any]]:
        return entities, {"source": label}

    return ListInput(SegmentSource(f"test:{label}", content), label, load)


def _matcher(inputs: Sequence[ListInput], root: Path) -> SimpleMatcher:
    segments, _built = open_segments(inputs, root)
    return SimpleMatcher((), index=CandidateIndex(segments))


def _hits(matcher: SimpleMatcher, query: str) -> list[tuple[str, str, float, str, str]]:
    return [
        (h.entity.entry_id, h.matched_name.value, h.score, h.explanation, h.entity.schema)
        for h in matcher.match(Query(query), limit=20)
    ]


def test_a_written_segment_reads_back_as_the_in_memory_index(tmp_path: Path) -> None:
    memory = SimpleMatcher(ENTITIES)
    mapped = _matcher([_input(ENTITIES, "a", "c1")], tmp_path)
    assert list(mapped._records) == list(memory._records)
    assert list(mapped._latin) == list(memory._latin)
    assert list(mapped.entities) == list(memory.entities)
    assert sorted(mapped._postings) == sorted(memory._postings)
    assert all(list(mapped._postings[k]) == v for k, v in memory._postings.items())
    assert mapped._postings.get("no such key", ()) == ()


def test_a_name_and_its_entry_read_alone_are_its_records(tmp_path: Path) -> None:
    """The matcher reads a persisted name, its kind and its entry without decoding the name's record (the bounds
    before scoring, the short forms): the same as the record says, and as in memory, across two segments."""
    half = len(ENTITIES) // 2
    memory = SimpleMatcher(ENTITIES)
    mapped = _matcher([_input(ENTITIES[:half], "a", "c1"), _input(ENTITIES[half:], "b", "c2")], tmp_path)
    assert len(mapped._records) == len(memory._records) > 0
    for i in range(len(mapped._records)):
        record = mapped._records[i]
        assert mapped._name_of(i) == record.key.original == memory._name_of(i)
        assert mapped._list_name(i) == record.name == memory._list_name(i)
        assert mapped._entity(i) == mapped.entities[record.entity] == memory._entity(i)


def test_matching_through_the_index_gives_the_same_hits(tmp_path: Path) -> None:
    half = len(ENTITIES) // 2  # two segments: record and entity ids run on across them
    memory = SimpleMatcher(ENTITIES)
    mapped = _matcher([_input(ENTITIES[:half], "a", "c1"), _input(ENTITIES[half:], "b", "c2")], tmp_path)
    for query in QUERIES:
        assert _hits(mapped, query) == _hits(memory, query), query
    assert any(_hits(mapped, q) for q in QUERIES)


def test_a_changed_list_is_rebuilt_and_an_unchanged_one_reused(tmp_path: Path) -> None:
    first, second = _input(ENTITIES[:3], "a", "c1"), _input(ENTITIES[3:], "b", "c2")
    segments, built = open_segments([first, second], tmp_path)
    kept = segments[0].folder
    stamp = (kept / "meta.json").stat().st_mtime_ns
    changed = _input([*ENTITIES[3:], Entity("t", "9", "Company", (Name("Newly Listed Trading LLC"),))], "b", "c3")
    messages: list[str] = []
    segments, built = open_segments([first, changed], tmp_path, messages.append)
    assert [line.split(":")[0] for line in built] == ["b"]
    assert "the list changed since it was indexed" in messages[0]
    assert segments[0].folder == kept and (kept / "meta.json").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(s.folder.name for s in segments)  # old b pruned
    hits = SimpleMatcher((), index=CandidateIndex(segments)).match(Query("Newly Listed Trading"))
    assert hits and hits[0].entity.entry_id == "9"


@from_source
def test_a_segment_of_other_matching_code_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = SegmentSource("test:a", "c1")
    folder = build_segment(ENTITIES, tmp_path, source, {})
    monkeypatch.setattr(index_module, "key_version", lambda: "another-version")
    with pytest.raises(IndexStale, match="other matching code"):
        Segment(folder, source)


def test_a_truncated_file_is_detected_and_the_segment_rebuilt(tmp_path: Path) -> None:
    item = _input(ENTITIES, "a", "c1")
    (segment,), _built = open_segments([item], tmp_path)
    blob = segment.folder / "entity_blob"
    blob.write_bytes(blob.read_bytes()[:-10])
    with pytest.raises(IndexStale, match="truncated or corrupt"):
        Segment(segment.folder, item.source)
    messages: list[str] = []
    (again,), built = open_segments([item], tmp_path, messages.append)
    assert built and "unusable index" in messages[0]
    assert [e.entry_id for e in CandidateIndex([again]).entities] == [e.entry_id for e in ENTITIES]


def test_a_flipped_byte_is_found_by_verification(tmp_path: Path) -> None:
    item = _input(ENTITIES, "a", "c1")
    (segment,), _built = open_segments([item], tmp_path)
    path = segment.folder / "latin_blob"
    data = bytearray(path.read_bytes())
    data[0] ^= 0x20
    path.write_bytes(bytes(data))
    _segments, built = open_segments([item], tmp_path)  # sizes agree: a plain open cannot tell
    assert built == []
    messages: list[str] = []
    _segments, built = open_segments([item], tmp_path, messages.append, verify=True)
    assert built and "corrupt" in messages[0]


@from_source
def test_a_failed_write_leaves_no_segment_and_no_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real_write = index_module._write

    def failing(path: Path, data: bytes) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full")
        return real_write(path, data)

    monkeypatch.setattr(index_module, "_write", failing)
    with pytest.raises(OSError, match="disk full"):
        build_segment(ENTITIES, tmp_path, SegmentSource("test:a", "c1"), {})
    assert list(tmp_path.iterdir()) == []


def test_meta_records_the_version_counts_and_name_forms(tmp_path: Path) -> None:
    folder = build_segment(ENTITIES, tmp_path, SegmentSource("test:a", "c1"), {"source": "a"})
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert meta["version"] == {"source": "a"}
    assert meta["entities"] == len(ENTITIES)
    assert meta["names"] == sum(len(e.names) for e in ENTITIES if not e.extra.get("no_name"))
    forms = meta["name_forms"]
    assert forms["names: Han, indexed by characters and pinyin"] == 2
    assert forms["names: other scripts, transliterated to Latin"] == 1
    assert forms["derived keys: acronyms"] > 0


@from_source
def test_the_parallel_build_writes_the_same_segment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entities = ENTITIES * 3
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    one = build_segment(entities, tmp_path / "one", SegmentSource("test:a", "c1"), {}, workers=1)
    two = build_segment(entities, tmp_path / "two", SegmentSource("test:a", "c1"), {}, workers=2)
    for name in [*index_module.ARRAYS, *index_module.BLOBS]:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


@from_source
def test_a_feed_made_into_entities_by_the_workers_writes_the_segment_of_its_entities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Items made entities where they are keyed (one process or two) give the files of the entities themselves,
    entity numbers counted over the items that are none, and the version from what was made and skipped."""
    entities = ENTITIES * 3
    items: list[Entity | str] = [x for e in entities for x in (e, "not a party")]
    made: list[tuple[int, dict[str, int]]] = []

    def version(count: int, skipped: Any) -> dict[str, Any]:
        made.append((count, dict(skipped)))
        return {"source": "fed"}

    def feed() -> EntityFeed:
        return EntityFeed(items, lambda item: item, version)

    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    plain = build_segment(entities, tmp_path / "plain", SegmentSource("test:a", "c1"), {"source": "fed"}, workers=1)
    for workers in (1, 2):
        fed = build_segment(feed(), tmp_path / f"fed{workers}", SegmentSource("test:a", "c1"), {}, workers=workers)
        for name in [*index_module.ARRAYS, *index_module.BLOBS]:
            assert (plain / name).read_bytes() == (fed / name).read_bytes(), (workers, name)
        meta = json.loads((fed / "meta.json").read_text("utf-8"))
        assert (meta["entities"], meta["version"]) == (len(entities), {"source": "fed"})
    assert made == [(len(entities), {"not a party": len(entities)})] * 2


def test_an_ftm_list_is_indexed_as_it_loads(tmp_path: Path) -> None:
    """The segment of an FtM file (its records made entities in the build) holds the entities and the version
    ``load_ftm_file`` gives, skipped records and malformed lines counted alike."""
    from threadline.sources.ftm import load_ftm_file

    path = tmp_path / "sample.ftm.json"
    lines = [
        {"id": "c1", "schema": "Company", "datasets": ["demo"], "properties": {"name": ["Acme Trading"]}},
        {"id": "a1", "schema": "Address", "datasets": ["demo"], "properties": {"full": ["1 Main St"]}},
        {"id": "p1", "schema": "Person", "datasets": ["demo"], "properties": {"name": ["Chen Quanguo", "陈全国"]}},
        {"id": "x1", "schema": "Company", "datasets": ["demo"], "properties": {}},
    ]
    path.write_text("\n".join([*map(json.dumps, lines), "{broken"]) + "\n", encoding="utf-8")
    loaded = load_ftm_file(path)
    (segment,), _built = open_segments(active_inputs((path,), settings.RESOURCES_DIR / "snapshot")[-1:], tmp_path)
    assert segment.meta["version"] == loaded.version.to_dict()
    assert [segment.entity(i) for i in range(segment.entities)] == list(loaded.entities)


@pytest.fixture(scope="module")
def small_lists() -> tuple[list[ListInput], ListStore]:
    """Four embedded lists (about 9,600 names): real names in Latin, Cyrillic, Arabic and Chinese script."""
    wanted = ["uk", "un", "us-bis", "us-uflpa"]
    inputs = [item for item in active_inputs((), settings.RESOURCES_DIR / "snapshot") if item.label in wanted]
    return inputs, ListStore.from_snapshot(settings.RESOURCES_DIR / "snapshot", wanted)


CHINESE = [
    "杭州海康威视数字技术股份有限公司",
    "新疆中泰化学股份有限公司",
    "浪潮集团",
    "科大讯飞",
    "浙江大华技术",
    "中国电子科技集团",
]
"""Chinese names of companies these lists name in English, so the cross-script path is compared too."""


def _real_queries(store: ListStore, count: int = 300) -> list[str]:
    """Every k-th list name, as written, in capitals without punctuation, or cut to its first two words; the lists'
    own Chinese names, and :data:`CHINESE`."""
    names = [n.value for e in store.entities for n in e.names]
    han = [name for name in names if any("\u4e00" <= c <= "\u9fff" for c in name)]
    step = max(1, len(names) // count)
    queries = []
    for i, name in enumerate(names[::step][:count]):
        if i % 3 == 1:
            name = "".join(c for c in name.upper() if c.isalnum() or c.isspace())
        elif i % 3 == 2:
            name = " ".join(name.split()[:2])
        queries.append(name)
    return queries + han + CHINESE


def test_real_queries_get_the_same_hits_and_scores_from_both_indexes(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    inputs, store = small_lists
    memory = SimpleMatcher(store.entities)
    mapped = _matcher(inputs, tmp_path)
    queries = _real_queries(store)
    assert len(queries) >= 300
    hits = 0
    for query in queries:
        expected = _hits(memory, query)
        assert _hits(mapped, query) == expected, query
        hits += len(expected)
    assert hits > len(queries)


def test_open_index_builds_once_then_maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    source = settings.RESOURCES_DIR / "snapshot"
    manifest = json.loads((source / "manifest.json").read_text("utf-8"))
    manifest["lists"] = [item for item in manifest["lists"] if item["source"] in ("us-uflpa", "us-cbp-wro")]
    (snapshot / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    for item in manifest["lists"]:
        shutil.copy(source / f"{item['source']}.jsonl.gz", snapshot)
    monkeypatch.setenv("THREADLINE_SNAPSHOT_DIR", str(snapshot))
    messages: list[str] = []
    first = open_index(root=tmp_path / "index", report=messages.append)
    assert len(messages) == 2 and "2 of 2 lists" in messages[0]
    second = open_index(root=tmp_path / "index", report=messages.append)
    assert len(messages) == 2  # nothing more to say: mapped as it is
    stats = index_stats(second)
    assert stats["entities"] == sum(item["entity_count"] for item in manifest["lists"]) == len(first.entities)
    assert [item["list"] for item in stats["lists"]] == ["us-uflpa", "us-cbp-wro"]


def test_keys_looked_up_together_are_those_looked_up_one_by_one(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    inputs, store = small_lists
    segments, _built = open_segments(inputs, tmp_path)
    keys = [*sorted(SimpleMatcher(store.entities)._postings)[::40], "no such key", "acr:zzzzzzz"]
    alone, together = Postings(segments), Postings(segments)
    together.prefetch(keys)
    for key in keys:
        assert list(together.get(key, ())) == list(alone.get(key, ())), key
    assert sum(len(together.get(key, ())) for key in keys) > len(keys)
    hashes, segment, position = together.key_table()  # what prefetch searches: every segment's keys, sorted
    assert len(hashes) == sum(len(s.hashes) for s in segments) and bool((hashes[:-1] <= hashes[1:]).all())
    rows = zip(hashes.tolist(), segment.tolist(), position.tolist(), strict=True)
    assert all(segments[s].hashes[k] == h for h, s, k in rows)
    assert len(set(segment.tolist())) > 1


def test_person_flags_mark_every_person_and_few_others(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    inputs, _store = small_lists
    index = CandidateIndex(open_segments(inputs, tmp_path)[0])
    flags = index.person_flags()
    schemas = [index.entities[index.records[i].entity].schema for i in range(len(index.records))]
    persons = [schema == "Person" for schema in schemas]
    assert len(flags) == len(persons) and any(persons) and not all(persons)
    assert all(flags[i] for i, person in enumerate(persons) if person)
    assert sum(flags) - sum(persons) <= len(persons) // 100
    some = list(range(0, len(flags), 7))  # a query's candidates: only their entries are searched
    assert index.persons_among(some).tolist() == [i for i in some if flags[i]]
    assert index.persons_among([]).tolist() == []


@pytest.mark.parametrize("threshold", [0.6, 0.85])
def test_a_warmed_matcher_gives_the_hits_of_a_cold_one(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore], threshold: float
) -> None:
    """Warming adds each name's sorted words and the person flags: token-sort scoring over arrays, person-only
    comparisons and entries read only where a hit is possible. A cold matcher does each the plain way, until it has
    looked up ``MERGE_AFTER`` names and reads the person flags whole."""
    inputs, store = small_lists
    cold = _matcher(inputs, tmp_path)
    warm = _matcher(inputs, tmp_path)
    warm.warm()
    t = threshold
    hits = 0
    for name in [*_real_queries(store, 200), "Vladimir Putin", "PUTIN Vladimir Vladimirovich", "Kim Jong Un"]:
        expected = [(h.entity.entry_id, h.matched_name, h.score, h.explanation) for h in cold.match(Query(name), 20, t)]
        got = [(h.entity.entry_id, h.matched_name, h.score, h.explanation) for h in warm.match(Query(name), 20, t)]
        assert got == expected, name
        hits += len(expected)
    assert hits > 100
    assert cold._maybe_person == warm._maybe_person  # the cold one's, read whole once it had kept asking


def test_latin_keys_taken_together_are_those_read_one_by_one(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    inputs, _store = small_lists
    segments, _built = open_segments(inputs, tmp_path)
    latin = CandidateIndex(segments).latin
    ids = [*range(0, len(latin), 37), len(latin) - 1, 0, 5, 5]  # every segment, out of order, repeated
    assert len(segments) == 4 and segments[0].records < len(latin) - 1
    assert latin.take(ids) == [latin[i] for i in ids]
    one_by_one = [latin[i] for i in ids]
    whole = CandidateIndex(segments)
    whole.keep_texts()
    assert whole.latin.take(ids) == one_by_one  # slices of each heap decoded whole
    assert whole.sorted_latin.take(ids) == [sorted_words(text) for text in one_by_one]
    assert all(text is not None for text in whole.latin._whole.values())


def test_a_heap_not_in_ascii_is_still_read_key_by_key_when_kept_whole(tmp_path: Path) -> None:
    """Its byte offsets are not those of its characters: each text is decoded alone, as before (the names as
    written, 陈全国 and Мин Аунг Хлайн among them, read as :class:`Latin` reads a heap)."""
    segments, _built = open_segments([_input(ENTITIES, "t", "c1")], tmp_path)
    names = Latin(segments, "name")
    ids = list(range(len(names)))[::-1]
    expected = [segments[0].name(i) for i in ids]
    names.keep_whole()
    assert names.take(ids) == expected and names._whole == {0: None}
def test_the_sorted_keys_their_lengths_and_repeated_words_are_those_of_the_latin_keys(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    """What token-sort scoring and the persons' subsets read of a name without decoding its Latin key."""
    inputs, _store = small_lists
    segments, _built = open_segments(inputs, tmp_path)
    index = CandidateIndex(segments)
    ids = list(range(len(index.latin)))
    keys = index.latin.take(ids)
    ordered = [sorted_words(key) for key in keys]
    assert index.sorted_latin.take(ids) == ordered == [index.sorted_latin[i] for i in ids]
    assert index.sorted_lengths.tolist() == [len(text) for text in ordered]
    assert index.repeated_flags == repeated_words(keys)
    assert 0 < sum(index.repeated_flags) < len(keys) and any(o != k for o, k in zip(ordered, keys, strict=True))


@pytest.mark.parametrize("limit", [1, 3])
def test_a_few_best_hits_are_the_head_of_all_hits(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore], limit: int
) -> None:
    """Once ``limit`` entries have a hit, pairs that cannot beat the last of them are neither read nor aligned:
    what is returned is still the head of the full ranking, scores and explanations included."""
    inputs, store = small_lists
    matcher = _matcher(inputs, tmp_path)
    full = 0
    for name in _real_queries(store, 150):
        every = [(h.entity.entry_id, h.score, h.explanation) for h in matcher.match(Query(name), 10_000, 0.5)]
        head = [(h.entity.entry_id, h.score, h.explanation) for h in matcher.match(Query(name), limit, 0.5)]
        assert head == every[:limit], name
        full += len(every) > limit
    assert full > 20  # enough queries where the limit cut something


def test_an_entrys_schema_read_alone_is_its_schema(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    """The bounds before scoring read an entry's schema from its JSON without decoding it: the same as decoded,
    for every entry of the small lists, and for entries whose other strings hold the text that precedes it."""
    tricky = [
        Entity("t", 'x", "schema": "Person', "Company", (Name('A "schema": "Person" Ltd'),)),
        Entity('s"schema": "Person"', "2", "Vessel", (Name("Ocean"),), extra={"schema": "Person"}),
        Entity("t", "3", "Person", (Name("Chen Quanguo"),), remarks=('"schema": "Company"',)),
    ]
    inputs, _store = small_lists
    small, odd = open_segments(inputs, tmp_path / "small")[0], open_segments([_input(tricky, "t", "c1")], tmp_path)[0]
    for segments in (small, odd):
        index = CandidateIndex(segments)
        for segment in segments:
            assert [segment.schema(i) for i in range(segment.entities)] == [
                segment.entity(i).schema for i in range(segment.entities)
            ]
        matcher = SimpleMatcher((), index=index)
        assert all(matcher._schema(i) == matcher._entity(i).schema for i in range(len(index.records)))


def test_every_key_split_whole_is_every_key_read_alone(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    """``Latin.every`` splits an ASCII heap whole: the keys read one by one, in record order, over every segment;
    a heap that is not ASCII (the names as written) is read key by key."""
    inputs, _store = small_lists
    segments, _built = open_segments(inputs, tmp_path / "small")
    index = CandidateIndex(segments)
    for heap in (index.latin, index.sorted_latin):
        assert heap.every() == [heap[i] for i in range(len(heap))]
    written, _built = open_segments([_input(ENTITIES, "t", "c1")], tmp_path)
    names = Latin(written, "name")
    assert names.every() == [written[0].name(i) for i in range(len(names))]
    assert any(not name.isascii() for name in names.every())


def test_a_matcher_that_keeps_asking_decodes_every_key_and_gives_the_same_hits(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    """After ``DECODE_AFTER`` look-ups every Latin key is decoded and scored as a warmed matcher scores them: the
    hits before and after are those of a matcher that never decodes them (its look-ups counted back each time)."""
    from threadline.matching.simple import DECODE_AFTER

    inputs, store = small_lists
    asking = _matcher(inputs, tmp_path)
    plain = _matcher(inputs, tmp_path)
    names = _real_queries(store, DECODE_AFTER + 20)
    assert len(names) > DECODE_AFTER
    for name in names:
        plain._asked = 1  # never reaches DECODE_AFTER (nor MERGE_AFTER)
        expected = [(h.entity.entry_id, h.matched_name, h.score, h.explanation) for h in plain.match(Query(name), 20)]
        got = [(h.entity.entry_id, h.matched_name, h.score, h.explanation) for h in asking.match(Query(name), 20)]
        assert got == expected, name
    assert plain._sorted_latin is None and asking._sorted_latin is not None
    assert asking._latin == [plain._latin[i] for i in range(len(plain._latin))]


def test_an_entry_decoded_by_the_index_is_the_entity_it_wrote(
    tmp_path: Path, small_lists: tuple[list[ListInput], ListStore]
) -> None:
    """An entry read back from its JSON is the entity written, field for field and by hash, for every entry of the
    small lists and for one with every field set; the index's entries and records decode to the same."""
    from dataclasses import fields

    from threadline.model import Address, Identifier

    full = Entity(
        "t", "9", "Company", (Name("Full Ltd"), Name("全", "native")), countries=("cn", "hk"),
        addresses=(Address("1 Road", "Urumqi", "cn"),), identifiers=(Identifier("uscc", "9165", "cn"),),
        birth_dates=("1970",), birth_places=("Kashgar",), programs=("UFLPA",), listed_on="2024-01-01",
        remarks=("note",), source_url="https://example.org", extra={"section": "2"},
    )  # fmt: skip
    inputs, store = small_lists
    entities = [*store.entities, full]
    assert len(entities) > 100
    for entity in entities:
        data = json.loads(json.dumps(entity.to_dict(), ensure_ascii=False))
        decoded = Entity.from_dict(data)
        assert decoded == entity
        assert [getattr(decoded, f.name) for f in fields(Entity)] == [getattr(entity, f.name) for f in fields(Entity)]
        assert hash(decoded) == hash(entity)
    index = CandidateIndex(open_segments(inputs, tmp_path)[0])
    assert list(index.entities) == [Entity.from_dict(e.to_dict()) for e in index.entities]
    records = [index.records[i] for i in range(len(index.records))]
    assert all(type(r.name) is Name and r.name == Name(r.name.value, r.name.kind) for r in records)
