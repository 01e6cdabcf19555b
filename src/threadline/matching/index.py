"""The matcher's candidate index on disk: built once per list version, then memory-mapped, never re-parsed.

Building the index means normalising every list name (``name_key``: folding, legal forms, transliteration, pinyin)
and deriving its block keys (``simple._block_keys``, the single source of index keys). That is seconds for the
embedded lists and minutes for a million-entity file, so it is done once per list version and written here.
Loading is mapping files: nothing is decoded until a query touches it.

One *segment* per list version (a snapshot list, an ``--ftm`` file), in a folder named by what it indexes (the
list's content hash, the index format and :func:`key_version`), holding raw little-endian arrays:

- records: the entity each name belongs to (``int32``), the name kind (``uint8``), and four string heaps (UTF-8
  blob + ``int64`` offsets): the name as written, its Latin key, that key with its words sorted (what token-sort
  similarity compares, with its length in characters, ``int32``), and the other ``NameKey`` fields the scorer
  reads; whether a word of the Latin key occurs twice (``uint8``);
- postings in CSR layout: the keys sorted by a 64-bit hash (``uint64``; the key text is kept too and compared on
  lookup, so a hash collision can never merge two keys), posting offsets (``int64``) and local record ids
  (``int32``);
- entities: each entity's JSON (``Entity.to_dict``) in one heap, decoded only for the hits a query returns.

A segment is written in a temporary folder and renamed into place, so a crash leaves no half-written segment;
``meta.json`` records the format, key version, content hash and every file's size and sha256. Opening checks format,
key version, content hash and sizes (cheap); :func:`verify_segment` re-hashes every file (``threadline index build``
does). A list update changes that list's content hash: only its segment is rebuilt, the others are reused as they
are, and queries merge the segments in list order, so record ids (and so ties) are the same as one in-memory index.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import importlib
import json
import mmap
import multiprocessing
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from itertools import chain, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import numpy.typing as npt

from threadline.model import Entity, Name, NameKind
from threadline.names.normalize import NameKey, name_key, tokens
from threadline.native import function_source
from threadline.settings import PACKAGE_DIR, RESOURCES_DIR

if TYPE_CHECKING:
    from threadline.matching.simple import _Record

FORMAT = 2
"""Bump when the layout of a segment changes (2: the sorted Latin keys, their lengths and the repeated-word flags)."""
KEY_SOURCES = (
    "names/normalize.py",
    "names/numerals.py",
    "names/uyghur.py",
    "names/burmese.py",
    "names/han.py",
    "names/glossary.py",
    "names/places.py",
    "names/brands.py",
    "matching/acronyms.py",
    "matching/index.py",
)
"""Code that derives NameKeys and block keys, whole files: a change to any of them makes every segment stale."""
KEY_FUNCTIONS = (
    ("threadline.matching.simple", "_block_keys"),
    ("threadline.matching.crossscript", "han_core"),
    ("threadline.matching.crossscript", "han_block_keys"),
    ("threadline.matching.shortforms", "index_keys"),
    ("threadline.matching.vectorised", "sorted_words"),
    ("threadline.matching.vectorised", "repeated_words"),
)
"""Key functions that live beside scoring code: only their own source counts, so a scoring change keeps the index."""
KEY_RESOURCES = ("glossary", "brands", "gazetteer")
KEY_PACKAGES = ("anyascii", "rigour", "pypinyin", "opencc", "threadline")
KINDS: tuple[NameKind, ...] = ("primary", "alias", "weak", "former", "native")
ARRAYS = {
    "record_entity": "<i4",
    "record_kind": "u1",
    "record_han": "u1",
    "record_repeated": "u1",
    "name_off": "<i8",
    "latin_off": "<i8",
    "sorted_off": "<i8",
    "sorted_len": "<i4",
    "fields_off": "<i8",
    "key_hash": "<u8",
    "key_off": "<i8",
    "post_off": "<i8",
    "post_ids": "<i4",
    "entity_off": "<i8",
}
BLOBS = ("name_blob", "latin_blob", "sorted_blob", "fields_blob", "key_blob", "entity_blob")
TEXTS = ("name_blob", "latin_blob", "sorted_blob", "fields_blob", "entity_blob")
"""The heaps with one item per record or entity, which the build's runs hand back (the key heap is the join's)."""
SEP = "\x1f"
"""Between the folded, core and distinctive forms and the removed parts of a name (folded text has no controls)."""
SCHEMA_MARK = b'"schema": "'
"""What precedes an entry's schema in its JSON (:meth:`Segment.schema`)."""
RECORD_CACHE = 1 << 16
ENTITY_CACHE = 1 << 14
RECENT_KEYS = 1 << 14
"""Block keys whose postings are remembered: supplier names share words, so most of a screened row's
keys were looked up for an earlier row; the postings are views of the mapped file, small to keep."""


class IndexStale(Exception):
    """A segment that must not be used: corrupt, or built from other content or another key version."""


@lru_cache(maxsize=1)
def key_version() -> str:
    """A hash of everything the index's keys are derived from: the key code, the glossary and the libraries that
    transliterate, so an index built by other code is never used."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for relative in KEY_SOURCES:
        path = PACKAGE_DIR / relative
        digest.update(relative.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    for module, function in KEY_FUNCTIONS:
        digest.update(f"{module}.{function}".encode())
        digest.update(function_source(importlib.import_module(module), function).encode())
    for folder in KEY_RESOURCES:
        for path in sorted((RESOURCES_DIR / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(RESOURCES_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    for package in KEY_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True, slots=True)
class SegmentSource:
    """What one segment indexes, known without parsing it: ``origin`` names the list (``snapshot:ofac-sdn``,
    ``ftm:/path/file.json``), ``content`` is the sha256 of its bytes."""

    origin: str
    content: str

    def segment_id(self) -> str:
        text = f"{FORMAT}\n{key_version()}\n{self.origin}\n{self.content}"
        return hashlib.sha256(text.encode()).hexdigest()[:24]


def _heap(texts: Iterable[str]) -> tuple[bytes, npt.NDArray[np.int64]]:
    encoded = [t.encode("utf-8") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype="<i8")
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return b"".join(encoded), offsets


def _fields(key: NameKey) -> str:
    return SEP.join((key.folded, key.core, key.distinctive, *key.removed))


def name_forms(key: NameKey, block_keys: set[str]) -> Counter[str]:
    """Which name forms a name adds to the index (for ``threadline index stats``): its Latin key (as written, or
    transliterated from another script, or the pinyin of a Han name), and the derived keys that are none of the
    words, prefixes and joined word pairs of those forms: pinyin spans and glossary translations of Han names,
    acronyms and other derived keys of the rest. Counted per name form, not per distinct key."""
    return Counter(_form_labels(key, block_keys))


def _form_labels(key: NameKey, block_keys: set[str]) -> list[str]:
    """:func:`name_forms` as a list of labels, one per form (what a build adds up over a million names). Acronym
    and brand keys are told by their prefix alone: a word never holds a colon, so they are never a plain form."""
    from threadline.matching.crossscript import han_core
    from threadline.names.han import readings

    han = han_core(key.original)
    if han:
        labels = ["names: Han, indexed by characters and pinyin"]
    elif key.latin != key.core:
        labels = ["names: other scripts, transliterated to Latin"]
    else:
        labels = ["names: Latin, normalised"]
    plain = set(key.core.split())
    if key.latin != key.core:
        plain.update(key.latin.split())
    others: list[str] = []
    for block in block_keys:
        if block in plain or block.endswith("…"):
            continue
        if block.startswith(("acr:", "ini:")):
            labels.append("derived keys: acronyms")
        elif block.startswith("brand:"):
            labels.append("derived keys: brands")
        else:
            others.append(block)
    if not others:
        return labels
    if not key.core.isascii():  # Han bigrams (the tokens of a Latin core are its words, already in)
        plain.update(tokens(key.core))
    plain.update(a + b for a, b in pairwise(key.latin.split()))
    spans: set[str] = set()
    if han:
        spelled = [r[0] for r in readings(han)]
        spans = {"".join(spelled[i : i + k]) for k in (2, 3, 4) for i in range(len(spelled) - k + 1)}
    for block in others:
        if block in plain:
            continue
        if block in spans:
            labels.append("derived keys: pinyin spans")
        elif han:
            labels.append("derived keys: glossary translations")
        else:
            labels.append("derived keys: other")
    return labels


@dataclass(slots=True)
class _Part:
    """A run of entities indexed by one worker, already encoded (record ids local to the run): a few arrays and byte
    strings, cheap to hand back from a worker and to join, where lists of strings and ints cost the parent a
    pass over every posting."""

    record_entity: npt.NDArray[np.int32]
    record_kind: npt.NDArray[np.uint8]
    record_han: npt.NDArray[np.uint8]
    record_repeated: npt.NDArray[np.uint8]
    sorted_len: npt.NDArray[np.int32]
    texts: dict[str, tuple[bytes, npt.NDArray[np.int64]]]
    """Per blob of :data:`TEXTS`: its bytes and each item's length."""
    keys: list[str]
    """The run's block keys, in order of first use."""
    key_hashes: npt.NDArray[np.uint64]
    post_len: npt.NDArray[np.int64]
    """How many names carry each key (in :attr:`keys` order)."""
    post_ids: npt.NDArray[np.int32]
    """Their record ids, key after key, ascending within each key."""
    forms: Counter[str]
    entities: int
    """Entities of the run (:attr:`record_entity` counts from 0 in each run)."""
    skipped: Counter[Any]
    """Items of an :class:`EntityFeed` that are no entity, by why (what its ``entity`` said)."""


@dataclass(frozen=True, slots=True)
class EntityFeed:
    """A list's entries not yet made entities, made one by one where they are indexed: in the build's workers,
    each its own runs, rather than all on one core before the keying starts (parsing an FtM file with
    followthemoney was a third of a 1M list's build). ``entity`` gives an item's entity, or why it has none
    (anything hashable, counted); ``version`` the list version from the entities made and those counts."""

    items: Sequence[Any]
    entity: Callable[[Any], Any]
    version: Callable[[int, Counter[Any]], dict[str, Any]]


_BUILDING: Sequence[Any] = ()
"""The entities being indexed (or the items of an :class:`EntityFeed`), for forked workers (they inherit it instead
of receiving a pickled copy)."""
_MAKING: Callable[[Any], Any] | None = None
"""The feed's ``entity``, when the items are not entities yet."""
PARALLEL_FROM = 20_000
"""Entities from which the build is split over the cores (below, starting processes costs more than it saves)."""
RUNS_PER_WORKER = 4
"""Runs of entities per worker: a worker that gets less of a shared machine's time then takes fewer runs, rather
than making the others wait for its half."""


def _encoded(texts: Iterable[str]) -> tuple[bytes, npt.NDArray[np.int64]]:
    encoded = [t.encode("utf-8") for t in texts]
    return b"".join(encoded), np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))


def _index_run(start: int, stop: int) -> _Part:
    from threadline.matching.crossscript import han_core
    from threadline.matching.simple import _block_keys
    from threadline.matching.vectorised import repeated_words, sorted_words

    record_entity: list[int] = []
    record_kind: list[int] = []
    record_han: list[int] = []
    names: list[str] = []
    latins: list[str] = []
    fields: list[str] = []
    postings: dict[str, list[int]] = {}
    forms: Counter[str] = Counter()
    skipped: Counter[Any] = Counter()
    entities: list[Entity] = []
    kind_code = {kind: i for i, kind in enumerate(KINDS)}
    for item in range(start, stop):
        entity = _BUILDING[item] if _MAKING is None else _MAKING(_BUILDING[item])
        if not isinstance(entity, Entity):
            skipped[entity] += 1
            continue
        entity_index = len(entities)
        entities.append(entity)
        if entity.extra.get("no_name"):
            continue  # as SimpleMatcher: known only by address
        for name in entity.names:
            key = name_key(name.value)
            record_id = len(names)
            record_entity.append(entity_index)
            record_kind.append(kind_code[name.kind])
            record_han.append(1 if han_core(key.original) else 0)
            names.append(name.value)
            latins.append(key.latin)
            fields.append(_fields(key))
            blocks = _block_keys(key)
            forms.update(_form_labels(key, blocks))
            for block in blocks:
                postings.setdefault(block, []).append(record_id)
    written = (json.dumps(entity.to_dict(), ensure_ascii=False) for entity in entities)
    keys, lists = list(postings), list(postings.values())
    ordered = [sorted_words(latin) for latin in latins]
    return _Part(
        np.asarray(record_entity, dtype=np.int32),
        np.asarray(record_kind, dtype=np.uint8),
        np.asarray(record_han, dtype=np.uint8),
        np.frombuffer(repeated_words(latins), dtype=np.uint8),
        np.fromiter(map(len, ordered), dtype=np.int32, count=len(ordered)),
        {
            "name_blob": _encoded(names),
            "latin_blob": _encoded(latins),
            "sorted_blob": _encoded(ordered),
            "fields_blob": _encoded(fields),
            "entity_blob": _encoded(written),
        },
        keys,
        np.fromiter(map(key_hash, keys), dtype=np.uint64, count=len(keys)),
        np.fromiter(map(len, lists), dtype=np.int64, count=len(lists)),
        np.fromiter(chain.from_iterable(lists), dtype=np.int32, count=sum(map(len, lists))),
        forms,
        len(entities),
        skipped,
    )


def _index_all(entities: Sequence[Entity] | EntityFeed, workers: int) -> list[_Part]:
    """Normalise and key every name (making the entities of a feed first, one by one), split over ``workers``
    forked processes for large lists; the runs come back in entity order, so :func:`_join` gives the record ids of
    a single pass."""
    global _BUILDING, _MAKING
    items = entities.items if isinstance(entities, EntityFeed) else entities
    _BUILDING, _MAKING = items, entities.entity if isinstance(entities, EntityFeed) else None
    try:
        if workers <= 1 or len(items) < PARALLEL_FROM:
            return [_index_run(0, len(items))]
        step = -(-len(items) // (workers * RUNS_PER_WORKER))
        runs = [(i, min(i + step, len(items))) for i in range(0, len(items), step)]
        # The entities are the parent's, shared with the workers page by page until written to. The collector of a
        # worker would walk (and so copy) every one of them: frozen, it leaves them alone.
        gc.freeze()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.starmap(_index_run, runs, chunksize=1)
    finally:
        gc.unfreeze()
        _BUILDING, _MAKING = (), None


@dataclass(slots=True)
class _Joined:
    """The segment's arrays and blobs, and what ``meta.json`` says of its keys."""

    arrays: dict[str, npt.NDArray[Any]]
    blobs: dict[str, bytes]
    keys: int
    largest: list[tuple[int, str]]
    forms: Counter[str]
    entities: int
    skipped: Counter[Any]


def _join(parts: Sequence[_Part]) -> _Joined:
    """The runs' parts as one segment, as a single pass over the entities would lay it out: records run after run
    (their entity numbers counted on from the runs before), keys sorted by hash (equal hashes by first use), each
    key's record ids ascending. Each run's postings are copied to their place in one step, not id by id."""
    first = np.cumsum([0, *(part.entities for part in parts)]).tolist()
    entity = [part.record_entity + np.int32(at) for part, at in zip(parts, first[:-1], strict=True)]
    arrays: dict[str, npt.NDArray[Any]] = {
        "record_entity": np.concatenate(entity),
        "record_kind": np.concatenate([part.record_kind for part in parts]),
        "record_han": np.concatenate([part.record_han for part in parts]),
        "record_repeated": np.concatenate([part.record_repeated for part in parts]),
        "sorted_len": np.concatenate([part.sorted_len for part in parts]),
    }
    blobs: dict[str, bytes] = {}
    for blob in TEXTS:
        blobs[blob] = b"".join(part.texts[blob][0] for part in parts)
        lengths = np.concatenate([part.texts[blob][1] for part in parts])
        offsets = np.zeros(len(lengths) + 1, dtype="<i8")
        np.cumsum(lengths, out=offsets[1:])
        arrays[blob.replace("_blob", "_off")] = offsets
    slot: dict[str, int] = {}
    for part in parts:
        for key in part.keys:
            slot.setdefault(key, len(slot))
    keys = list(slot)
    hashes = np.zeros(len(keys), dtype=np.uint64)
    counts = np.zeros(len(keys), dtype=np.int64)
    where = [np.fromiter(map(slot.__getitem__, part.keys), dtype=np.int64, count=len(part.keys)) for part in parts]
    for at, part in zip(where, parts, strict=True):
        hashes[at] = part.key_hashes
        counts[at] += part.post_len  # a run names each key once: no repeated index in ``at``
    order = np.argsort(hashes, kind="stable")
    post_off = np.zeros(len(keys) + 1, dtype="<i8")
    np.cumsum(counts[order], out=post_off[1:])
    free = np.empty(len(keys), dtype=np.int64)  # per key: where its next run's ids go
    free[order] = post_off[:-1]
    post_ids = np.empty(int(post_off[-1]), dtype="<i4")
    base = 0
    for at, part in zip(where, parts, strict=True):
        run_start = np.cumsum(part.post_len) - part.post_len  # where each key's ids start in the run's own list
        target = np.repeat(free[at] - run_start, part.post_len) + np.arange(len(part.post_ids))
        post_ids[target] = part.post_ids + base
        free[at] += part.post_len
        base += len(part.record_entity)
    key_blob, key_off = _heap(keys[i] for i in order.tolist())
    arrays |= {"key_hash": hashes[order], "key_off": key_off, "post_off": post_off, "post_ids": post_ids}
    blobs["key_blob"] = key_blob
    top = np.flatnonzero(counts >= np.partition(counts, -10)[-10]) if len(counts) > 10 else np.arange(len(counts))
    largest = sorted(((int(counts[i]), keys[i]) for i in top.tolist()), reverse=True)[:10]
    forms: Counter[str] = Counter()
    skipped: Counter[Any] = Counter()
    for part in parts:
        forms.update(part.forms)
        skipped.update(part.skipped)
    return _Joined(arrays, blobs, len(keys), largest, forms, first[-1], skipped)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def build_segment(
    entities: Sequence[Entity] | EntityFeed,
    root: Path,
    source: SegmentSource,
    version: dict[str, Any],
    workers: int | None = None,
) -> Path:
    """Index ``entities`` and write them as the segment of ``source`` under ``root``; returns its folder. A feed
    (:class:`EntityFeed`) gives its own version: ``version`` is then not used."""
    started = time.perf_counter()
    joined = _join(_index_all(entities, default_workers() if workers is None else workers))
    arrays, blobs, largest = joined.arrays, joined.blobs, joined.largest
    if isinstance(entities, EntityFeed):
        version = entities.version(joined.entities, joined.skipped)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "key_version": key_version(),
        "origin": source.origin,
        "content": source.content,
        "version": version,
        "entities": joined.entities,
        "names": len(arrays["record_entity"]),
        "keys": joined.keys,
        "postings": int(arrays["post_off"][-1]),
        "name_forms": dict(sorted(joined.forms.items())),
        "largest_postings": [[k, n] for n, k in largest],
        "build_s": 0.0,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".segment-", dir=root))
    try:
        files: dict[str, dict[str, Any]] = {}
        for file, array in arrays.items():
            files[file] = _write(staging / file, np.ascontiguousarray(array, dtype=ARRAYS[file]).tobytes())
        for file, blob in blobs.items():
            files[file] = _write(staging / file, blob)
        meta["files"] = files
        meta["build_s"] = round(time.perf_counter() - started, 3)
        (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", "utf-8")
        target = root / source.segment_id()
        try:
            os.rename(staging, target)
        except OSError:
            if not (target / "meta.json").is_file():
                raise
            shutil.rmtree(staging, ignore_errors=True)  # another process wrote the same segment first
        return target
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write(path: Path, data: bytes) -> dict[str, Any]:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def read_meta(folder: Path) -> dict[str, Any]:
    try:
        meta: dict[str, Any] = json.loads((folder / "meta.json").read_text("utf-8"))
    except FileNotFoundError:
        raise IndexStale(f"{folder}: no meta.json (not a finished segment)") from None
    except (OSError, ValueError) as error:
        raise IndexStale(f"{folder}: unreadable meta.json ({error})") from None
    return meta


def check_meta(meta: dict[str, Any], source: SegmentSource) -> None:
    """Raise :class:`IndexStale` saying why the segment described by ``meta`` is not the one ``source`` needs."""
    if meta.get("format") != FORMAT:
        raise IndexStale(f"index format {meta.get('format')!r}, this threadline reads {FORMAT}")
    if meta.get("key_version") != key_version():
        raise IndexStale(f"built by other matching code or glossary ({meta.get('key_version')} != {key_version()})")
    if meta.get("origin") != source.origin or meta.get("content") != source.content:
        raise IndexStale(f"built from other content ({meta.get('content', '')[:12]}, list now {source.content[:12]})")


def verify_segment(folder: Path) -> None:
    """Re-hash every file of a segment against ``meta.json``; raise :class:`IndexStale` on any difference."""
    meta = read_meta(folder)
    for name, expected in meta.get("files", {}).items():
        path = folder / name
        if not path.is_file():
            raise IndexStale(f"{path}: missing")
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 22):
                digest.update(chunk)
        if digest.hexdigest() != expected["sha256"]:
            raise IndexStale(f"{path}: content differs from what was written (corrupt)")


class Segment:
    """One list version's index, memory-mapped."""

    def __init__(self, folder: Path, source: SegmentSource) -> None:
        self.folder = folder
        self.meta = read_meta(folder)
        check_meta(self.meta, source)
        files = self.meta.get("files", {})
        if set(files) != set(ARRAYS) | set(BLOBS):
            raise IndexStale(f"{folder}: meta.json lists other files than this format has")
        self._maps: dict[str, mmap.mmap | bytes] = {}
        for name, info in files.items():
            self._maps[name] = self._map(folder / name, int(info["size"]))
        self.records = len(self._maps["record_kind"])
        self.entities = int(self.meta["entities"])
        self.hashes = self._array("key_hash")
        self.post_ids = self._array("post_ids")
        self.record_entity = memoryview(self._maps["record_entity"]).cast("i")
        self.record_kind = self._maps["record_kind"]
        self.record_han = self._maps["record_han"]
        self.record_repeated = self._maps["record_repeated"]
        self.name_off = memoryview(self._maps["name_off"]).cast("q")
        self.latin_off = memoryview(self._maps["latin_off"]).cast("q")
        self.sorted_off = memoryview(self._maps["sorted_off"]).cast("q")
        self.fields_off = memoryview(self._maps["fields_off"]).cast("q")
        self.key_off = memoryview(self._maps["key_off"]).cast("q")
        self.post_off = memoryview(self._maps["post_off"]).cast("q")
        self.entity_off = memoryview(self._maps["entity_off"]).cast("q")
        if len(self.name_off) != self.records + 1 or len(self.entity_off) != self.entities + 1:
            raise IndexStale(f"{folder}: record or entity counts disagree with meta.json (corrupt)")
        if len(self.post_off) != len(self.hashes) + 1 or self.post_off[-1] != len(self.post_ids):
            raise IndexStale(f"{folder}: postings and key table disagree (corrupt)")

    @staticmethod
    def _map(path: Path, size: int) -> mmap.mmap | bytes:
        try:
            actual = path.stat().st_size
        except FileNotFoundError:
            raise IndexStale(f"{path}: missing") from None
        if actual != size:
            raise IndexStale(f"{path}: {actual} bytes, {size} written (truncated or corrupt)")
        if size == 0:
            return b""
        with path.open("rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def _array(self, name: str) -> npt.NDArray[Any]:
        return np.frombuffer(self._maps[name], dtype=ARRAYS[name])

    def _text(self, blob: str, offsets: memoryview, i: int) -> str:
        return self._maps[blob][offsets[i] : offsets[i + 1]].decode("utf-8")

    def name(self, i: int) -> str:
        return self._text("name_blob", self.name_off, i)

    def latin(self, i: int) -> str:
        return self._text("latin_blob", self.latin_off, i)

    def sorted_latin(self, i: int) -> str:
        return self._text("sorted_blob", self.sorted_off, i)

    def key(self, i: int) -> NameKey:
        folded, core, distinctive, *removed = self._text("fields_blob", self.fields_off, i).split(SEP)
        return NameKey(self.name(i), folded, core, self.latin(i), tuple(removed), distinctive)

    def kind(self, i: int) -> NameKind:
        return KINDS[self.record_kind[i]]

    def key_text(self, k: int) -> str:
        return self._text("key_blob", self.key_off, k)

    def entity(self, i: int) -> Entity:
        return Entity.from_dict(json.loads(self._text("entity_blob", self.entity_off, i)))

    def schema(self, i: int) -> str:
        """The schema of entity ``i``, read from its JSON without decoding the rest (a tenth of a microsecond, where
        decoding an entry costs ten or more). Each entry is written as ``json.dumps`` writes ``Entity.to_dict()``:
        its first keys are its source, entry number and schema, and no string in it holds an unescaped quote, so
        the first ``"schema": "`` of its text is that key's."""
        blob = self._maps["entity_blob"]
        start, stop = self.entity_off[i], self.entity_off[i + 1]
        at = blob.find(SCHEMA_MARK, start, stop)
        end = blob.find(b'"', at + len(SCHEMA_MARK), stop) if at >= 0 else -1
        if end < 0:
            return self.entity(i).schema
        return bytes(blob[at + len(SCHEMA_MARK) : end]).decode("utf-8")

    def persons_among(self, local: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """For each of some records, whether its entity's JSON holds the string ``"Person"`` (as
        :meth:`person_flags`, for a query's candidates only)."""
        entity = self._array("record_entity")[local]
        offsets = self._array("entity_off")
        starts, stops = offsets[entity].tolist(), offsets[entity + 1].tolist()
        blob = self._maps["entity_blob"]
        found = [blob.find(b'"Person"', start, stop) >= 0 for start, stop in zip(starts, stops, strict=True)]
        return np.array(found, dtype=bool)

    def person_flags(self) -> bytes:
        """One byte per record, 1 when its entity's JSON holds the string ``"Person"`` (see
        :meth:`CandidateIndex.person_flags`): the heap is searched, no entity is decoded."""
        flags = np.zeros(self.entities, dtype=np.uint8)
        found = [m.start() for m in re.finditer(rb'"Person"', self._maps["entity_blob"])]
        if found:
            flags[np.searchsorted(self._array("entity_off"), found, side="right") - 1] = 1
        return bytes(flags[self._array("record_entity")].tobytes())

    def lookup(self, key: str, hashed: int) -> npt.NDArray[np.int32] | None:
        """The local record ids of ``key``, or ``None``."""
        return self._lookup_from(key, hashed, int(np.searchsorted(self.hashes, np.uint64(hashed))))

    def ids_at(self, k: int, encoded: bytes) -> npt.NDArray[np.int32] | None:
        """The local record ids of position ``k`` of the key table when its key is ``encoded`` (UTF-8), else
        ``None`` (another key with the same hash)."""
        if self._maps["key_blob"][self.key_off[k] : self.key_off[k + 1]] != encoded:
            return None
        return self.post_ids[self.post_off[k] : self.post_off[k + 1]]

    def _lookup_from(self, key: str, hashed: int, k: int) -> npt.NDArray[np.int32] | None:
        """The record ids of ``key`` from position ``k`` of the key table, the first whose hash is not below it."""
        encoded = key.encode("utf-8")
        blob = self._maps["key_blob"]
        while k < len(self.hashes) and int(self.hashes[k]) == hashed:
            if blob[self.key_off[k] : self.key_off[k + 1]] == encoded:
                return self.post_ids[self.post_off[k] : self.post_off[k + 1]]
            k += 1
        return None


class IdList(Sequence[int]):
    """Record ids of one key across segments (global ids). Its length is known without reading the ids, so a key
    too common to open candidates costs nothing; the ids are read (and offset) only when asked for."""

    __slots__ = ("_array", "_parts", "_size")

    def __init__(self, parts: list[tuple[npt.NDArray[np.int32], int]]) -> None:
        self._parts = parts
        self._size = sum(len(ids) for ids, _base in parts)
        self._array: npt.NDArray[np.int64] | None = None

    @property
    def array(self) -> npt.NDArray[np.int64]:
        if self._array is None:
            arrays = [ids.astype(np.int64) + base for ids, base in self._parts]
            self._array = arrays[0] if len(arrays) == 1 else np.concatenate(arrays)
        return self._array

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: Any) -> Any:
        return self.array[i].tolist()

    def __iter__(self) -> Iterator[int]:
        return iter(self.array.tolist())


class _Bases:
    """Global id <-> (segment, local id), segments laid end to end in list order."""

    def __init__(self, sizes: Sequence[int]) -> None:
        self.starts = [0]
        for size in sizes:
            self.starts.append(self.starts[-1] + size)

    def locate(self, i: int) -> tuple[int, int]:
        if not 0 <= i < self.starts[-1]:
            raise IndexError(i)
        s = bisect.bisect_right(self.starts, i) - 1
        return s, i - self.starts[s]

    def split(
        self, at: npt.NDArray[np.int64]
    ) -> Iterator[tuple[int, npt.NDArray[np.intp], npt.NDArray[np.int64]]]:
        """:meth:`locate` for many global ids at once: ``(segment, positions in at, local ids)`` per segment met."""
        which = np.searchsorted(np.asarray(self.starts), at, side="right") - 1
        for s in sorted(set(which.tolist())):  # not np.unique: its first call imports numpy.ma (20-35 ms cold)
            rows = np.flatnonzero(which == s)
            yield s, rows, at[rows] - self.starts[s]

    def __len__(self) -> int:
        return self.starts[-1]


T = TypeVar("T")


class _Decoded(Sequence[T]):
    """A sequence over every segment whose items are decoded on first use, a bounded cache keeping recent ones."""

    def __init__(self, segments: Sequence[Segment], sizes: Sequence[int], cache: int) -> None:
        self.segments = segments
        self.bases = _Bases(sizes)
        self._cached = lru_cache(maxsize=cache)(self._decode)

    def _decode(self, i: int) -> T:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self.bases)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self._cached(j) for j in range(*i.indices(len(self)))]
        return self._cached(i)


class Records(_Decoded["_Record"]):
    """The matcher's records, decoded on first use (a bounded cache keeps the recently used ones)."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        super().__init__(segments, [s.records for s in segments], RECORD_CACHE)
        self.entity_bases = _Bases([s.entities for s in segments])

    def _decode(self, i: int) -> _Record:
        from threadline.matching.simple import _Record

        s, local = self.bases.locate(i)
        segment = self.segments[s]
        entity = self.entity_bases.starts[s] + segment.record_entity[local]
        kind = segment.kind(local)
        return _Record(entity, Name(segment.name(local), kind), segment.key(local))


class Latin(Sequence[str]):
    """The Latin key of every record (what the same-script similarity is computed on); ``heap="sorted"``: the same
    with its words sorted (what token-sort similarity compares)."""

    def __init__(self, segments: Sequence[Segment], heap: str = "latin") -> None:
        self.segments = segments
        self.bases = _Bases([s.records for s in segments])
        self._blob, self._offsets = f"{heap}_blob", f"{heap}_off"
        self._whole: dict[int, str | None] | None = None
        """Per segment, its heap decoded whole (:meth:`keep_whole`), ``None`` when not ASCII; ``None``: not kept."""

    def keep_whole(self) -> None:
        """From now on, decode each segment's heap whole on its first :meth:`take` and keep it: a key is then a slice
        of it (a third of the time of decoding the key from the mapped bytes), for a process that keeps asking (a
        million names' Latin keys are 29 MB, decoded in 20-30 ms, which a one-off ``threadline match`` does not
        win back). A heap that is not ASCII is read key by key as before (its byte offsets are not those of its
        characters)."""
        if self._whole is None:
            self._whole = {}

    def _whole_text(self, s: int) -> str | None:
        if self._whole is None:
            return None
        if s not in self._whole:
            blob = self.segments[s]._maps[self._blob]
            text = str(memoryview(blob), "utf-8")
            self._whole[s] = text if len(text) == len(blob) else None
        return self._whole[s]

    def __len__(self) -> int:
        return len(self.bases)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        s, local = self.bases.locate(i)
        segment = self.segments[s]
        return segment.sorted_latin(local) if self._blob == "sorted_blob" else segment.latin(local)

    def every(self) -> list[str]:
        """``list(self)``: every key, in record order. A segment whose heap is ASCII and holds no line break is split
        whole: a line break put before each key's offset, the heap decoded once and split on it (a million names'
        keys in a tenth of a second, where slicing them one by one took a third of a second); any other heap is
        read as :meth:`take` reads it."""
        out: list[str] = []
        for s, segment in enumerate(self.segments):
            blob = segment._maps[self._blob]
            offsets = segment._array(self._offsets)
            whole = segment.records > 0 and int(offsets[0]) == 0 and len(blob) == int(offsets[-1])
            if whole and blob.find(b"\n") < 0:
                raw = np.frombuffer(blob, dtype=np.uint8)
                text = str(np.insert(raw, offsets[1:-1], np.uint8(10)).tobytes(), "utf-8")
                if len(text) == len(raw) + len(offsets) - 2:  # ASCII: its characters are its bytes
                    keys = text.split("\n")
                    if len(keys) == segment.records:
                        out.extend(keys)
                        continue
            out.extend(self.take(np.arange(self.bases.starts[s], self.bases.starts[s + 1], dtype=np.int64)))
        return out

    def take(self, ids: Sequence[int] | npt.NDArray[np.int64]) -> list[str]:
        """``[self[i] for i in ids]``, the offsets of all of them read at once per segment: a query's candidates are
        a couple of thousand names, and locating and slicing each one in Python cost a single query more than
        scoring its same-script candidates did (a screening run decodes every key once instead: ``warm``)."""
        at = np.asarray(ids, dtype=np.int64)
        out: list[str] = [""] * len(at)
        for s, rows, local in self.bases.split(at):
            segment = self.segments[s]
            offsets = segment._array(self._offsets)
            blob = segment._maps[self._blob]
            starts, stops = offsets[local].tolist(), offsets[local + 1].tolist()
            whole = self._whole_text(s)
            if whole is not None:
                for row, start, stop in zip(rows.tolist(), starts, stops, strict=True):
                    out[row] = whole[start:stop]
                continue
            for row, start, stop in zip(rows.tolist(), starts, stops, strict=True):
                out[row] = blob[start:stop].decode("utf-8")
        return out


class Entities(_Decoded[Entity]):
    """Every indexed entity, decoded from its JSON when first asked for (the hits of a query)."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        super().__init__(segments, [s.entities for s in segments], ENTITY_CACHE)

    def _decode(self, i: int) -> Entity:
        s, local = self.bases.locate(i)
        return self.segments[s].entity(local)


class Postings(Mapping[str, Sequence[int]]):
    """Block key -> global record ids, merged over the segments (each looked up by hash, then by text)."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = segments
        self.bases = _Bases([s.records for s in segments]).starts
        self._recent: dict[str, IdList | None] = {}
        self._table: tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]] | None = None

    def key_table(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Every segment's key hashes in one sorted array, with the segment and the position in its key table of
        each: ``(hashes, segment, position)``, equal hashes in segment order. A query's keys are then searched for
        once, not once per segment: with nine segments, the per-segment searches and their small numpy calls were
        most of what looking up a row's keys cost. Built on first use (or by ``SimpleMatcher.warm``, so forked
        workers share it), a few megabytes for the embedded lists."""
        if self._table is None:
            hashes = np.concatenate([np.empty(0, dtype=np.uint64), *(s.hashes for s in self.segments)])
            sizes = [len(s.hashes) for s in self.segments]
            segment = np.repeat(np.arange(len(self.segments), dtype=np.int64), sizes)
            position = np.concatenate([np.empty(0, dtype=np.int64), *(np.arange(n, dtype=np.int64) for n in sizes)])
            order = np.argsort(hashes, kind="stable")  # stable: equal hashes stay in segment order
            self._table = hashes[order], segment[order], position[order]
        return self._table

    def _find(self, key: str) -> IdList | None:
        if key in self._recent:
            return self._recent[key]
        hashed = key_hash(key)
        parts: list[tuple[npt.NDArray[np.int32], int]] = []
        for base, segment in zip(self.bases, self.segments, strict=False):
            ids = segment.lookup(key, hashed)
            if ids is not None:
                parts.append((ids, base))
        found = IdList(parts) if parts else None
        if len(self._recent) >= RECENT_KEYS:  # the keys of recent queries (candidates, then ranking, ask twice)
            self._recent.clear()
        self._recent[key] = found
        return found

    def prefetch(self, keys: Sequence[str]) -> None:
        """Look up every one of ``keys`` not looked up recently, all at once in the merged key table
        (:meth:`key_table`), so the :meth:`get` that follow answer from memory: the keys of one query, searched for
        together."""
        todo = [key for key in dict.fromkeys(keys) if key not in self._recent]
        if not todo:
            return
        if len(self._recent) + len(todo) > RECENT_KEYS:
            self._recent.clear()
        hashed = np.fromiter((key_hash(key) for key in todo), dtype=np.uint64, count=len(todo))
        hashes, segment, position = self.key_table()
        first, stop = np.searchsorted(hashes, hashed, side="left"), np.searchsorted(hashes, hashed, side="right")
        present = np.flatnonzero(stop > first)
        parts: list[list[tuple[npt.NDArray[np.int32], int]]] = [[] for _ in todo]
        for n, low, high in zip(present.tolist(), first[present].tolist(), stop[present].tolist(), strict=True):
            encoded = todo[n].encode("utf-8")  # the text decides: a hash collision never merges two keys
            for s, k in zip(segment[low:high].tolist(), position[low:high].tolist(), strict=True):
                ids = self.segments[s].ids_at(k, encoded)
                if ids is not None:
                    parts[n].append((ids, self.bases[s]))
        for key, found in zip(todo, parts, strict=True):
            self._recent[key] = IdList(found) if found else None

    def __getitem__(self, key: str) -> Sequence[int]:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._find(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for segment in self.segments:
            for k in range(len(segment.hashes)):
                text = segment.key_text(k)
                if text not in seen:
                    seen.add(text)
                    yield text

    def __len__(self) -> int:
        return sum(1 for _ in self)


class CandidateIndex:
    """The segments of the active lists, merged: what :class:`~threadline.matching.simple.SimpleMatcher` reads."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = list(segments)
        self.records = Records(self.segments)
        self.latin = Latin(self.segments)
        self.sorted_latin = Latin(self.segments, "sorted")
        self.entities = Entities(self.segments)
        self.postings = Postings(self.segments)

    @property
    def han_flags(self) -> bytes:
        """One byte per record: 1 when the name is Chinese (has a Han core), as the matcher splits candidates."""
        return b"".join(bytes(s.record_han) for s in self.segments)

    def keep_texts(self) -> None:
        """Keep the Latin keys' heaps decoded whole once read (:meth:`Latin.keep_whole`): for a process that keeps
        asking (``SimpleMatcher``, after ``MERGE_AFTER`` look-ups, and ``warm``)."""
        self.latin.keep_whole()
        self.sorted_latin.keep_whole()

    @property
    def repeated_flags(self) -> bytes:
        """One byte per record: 1 when a word of its Latin key occurs twice (``vectorised.repeated_words``)."""
        return b"".join(bytes(s.record_repeated) for s in self.segments)

    @property
    def sorted_lengths(self) -> npt.NDArray[np.int64]:
        """Each record's Latin key with its words sorted: its length in characters (of :attr:`sorted_latin`)."""
        return np.concatenate([np.empty(0, dtype=np.int64), *(s._array("sorted_len") for s in self.segments)])

    def person_flags(self) -> bytes:
        """One byte per record: 1 when its entry may be a person, known without decoding any entry: its JSON holds
        the string "Person" (every person's does, as its schema; a name or remark may put it in a few others). The
        matcher leaves person-only comparisons out for the rest; the few extra only cost a comparison each."""
        return b"".join(s.person_flags() for s in self.segments)

    def persons_among(self, ids: Sequence[int] | npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The ``ids`` (global record ids, ascending) whose entry may be a person, as :meth:`person_flags` says,
        searching only their entries: a single query against a million names, before any ``warm``, needs a few
        hundred of them, not a pass over the whole heap (0.26 s at a million entities, measured)."""
        at = np.asarray(ids, dtype=np.int64)
        if not len(at):
            return at
        keep = np.zeros(len(at), dtype=bool)
        for s, rows, local in self.records.bases.split(at):
            keep[rows] = self.segments[s].persons_among(local)
        return at[keep]
