"""The persisted index of the active lists (the snapshot's lists plus ``--ftm`` files): open it, or build what is
missing or stale and say so.

Each list is identified without parsing it, so a current index opens in milliseconds: a snapshot list by the sha256
its manifest records, an FtM file by the sha256 of its bytes (about 0.15 s for 200 MB, then remembered while the
file's size and modification time stay the same: :mod:`threadline.file_digest`). Only the lists whose
segment is missing or stale are loaded and indexed; the others are reused as they are.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadline import native, settings
from threadline.collector import paused
from threadline.file_digest import sha256_of
from threadline.matching.index import (
    CandidateIndex,
    EntityFeed,
    IndexStale,
    Segment,
    SegmentSource,
    build_segment,
    read_meta,
    verify_segment,
)
from threadline.model import Entity
from threadline.store import snapshot

FTM_SUFFIXES = {".json", ".ijson", ".jsonl"}
"""The files of an ``--ftm`` folder that are lists, as :func:`threadline.sources.ftm.load_ftm_folder` reads them."""
Report = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ListInput:
    """One list to index: its identity, a label for messages and how to load its entities when it must be built."""

    source: SegmentSource
    label: str
    load: Callable[[], tuple[Sequence[Entity] | EntityFeed, dict[str, Any]]]


def _snapshot_input(folder: Path, item: dict[str, Any]) -> ListInput:
    source = str(item["source"])

    def load() -> tuple[Sequence[Entity], dict[str, Any]]:
        entities = [r for r in snapshot.iter_records(folder, source) if isinstance(r, Entity)]
        return entities, {k: v for k, v in item.items() if k != "sha256"}

    # The list file's own hash, not the manifest's record of it: a file replaced by hand is still noticed.
    content = sha256_of(folder / f"{source}.jsonl.gz")
    return ListInput(SegmentSource(f"snapshot:{source}", content), source, load)


def _ftm_input(path: Path) -> ListInput:
    def load() -> tuple[EntityFeed, dict[str, Any]]:
        from threadline.sources.ftm import read_ftm_file

        read = read_ftm_file(path)  # the records are made entities by the build's workers
        return EntityFeed(read.records, read.entity, lambda made, skipped: read.version(made, skipped).to_dict()), {}

    resolved = path.resolve()
    return ListInput(SegmentSource(f"ftm:{resolved}", sha256_of(path)), path.name, load)


def active_inputs(ftm: Sequence[Path] = (), snapshot_dir: Path | None = None) -> list[ListInput]:
    """The lists ``default_store`` loads, in its order: the snapshot's, then each FtM file (folders: their files)."""
    folder = snapshot_dir or settings.snapshot_dir()
    inputs = [_snapshot_input(folder, item) for item in snapshot.read_manifest(folder)]
    for path in ftm:
        files = sorted(p for p in path.iterdir() if p.suffix in FTM_SUFFIXES) if path.is_dir() else [path]
        inputs.extend(_ftm_input(p) for p in files)
    return inputs


def _why_missing(root: Path, wanted: SegmentSource) -> str:
    """Why there is no current segment for a list: never built, the list changed, or the matching code did."""
    if not root.is_dir():
        return "not indexed yet"
    for _folder, meta in _segments(root):
        if meta.get("origin") == wanted.origin:
            if meta.get("content") != wanted.content:
                return "the list changed since it was indexed"
            return "the index was built by other matching code, glossary or format"
    return "not indexed yet"


def _prune(root: Path, keep: SegmentSource) -> None:
    """Remove the superseded segments of the same list (and unfinished ones left by a crash)."""
    for folder in root.iterdir():
        if folder.is_dir() and folder.name.startswith(".segment-") and time.time() - folder.stat().st_mtime > 3600:
            shutil.rmtree(folder, ignore_errors=True)
    for folder, meta in _segments(root):
        if folder.name != keep.segment_id() and meta.get("origin") == keep.origin:
            shutil.rmtree(folder, ignore_errors=True)


def _segments(root: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each finished segment folder under ``root`` with its metadata (unreadable ones are skipped)."""
    for folder in root.iterdir():
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            yield folder, read_meta(folder)
        except IndexStale:
            continue


def _current(folder: Path, item: ListInput, verify: bool) -> tuple[Segment | None, str]:
    """The segment in ``folder`` if it can be used, else ``None`` and why not."""
    if not folder.is_dir():
        return None, _why_missing(folder.parent, item.source)
    try:
        if verify:
            verify_segment(folder)
        return Segment(folder, item.source), ""
    except IndexStale as error:
        shutil.rmtree(folder, ignore_errors=True)
        return None, f"unusable index ({error})"


def open_segments(
    inputs: Sequence[ListInput], root: Path, report: Report | None = None, verify: bool = False
) -> tuple[list[Segment], list[str]]:
    """The segment of every input, built where missing, stale or corrupt (said once, in one line, before building).
    Returns them and what was built. ``verify``: also re-hash every file of the segments found."""
    found = [_current(root / item.source.segment_id(), item, verify) for item in inputs]
    todo = [(item, why) for item, (segment, why) in zip(inputs, found, strict=True) if segment is None]
    if todo and report is not None:
        reasons: dict[str, list[str]] = {}
        for item, why in todo:
            reasons.setdefault(why, []).append(item.label)
        said = "; ".join(f"{', '.join(labels)}: {why}" for why, labels in reasons.items())
        report(f"index: building the candidate index of {len(todo)} of {len(inputs)} lists ({said})")
    segments: list[Segment] = []
    built: list[str] = []
    for item, (segment, why) in zip(inputs, found, strict=True):
        if segment is None:
            started = time.perf_counter()
            with paused():  # millions of objects that live until the segment is written: nothing to collect
                entities, version = item.load()
                target = build_segment(entities, root, item.source, version)
            _prune(root, item.source)
            segment = Segment(target, item.source)
            made = segment.entities
            built.append(f"{item.label}: {made:,} entities in {time.perf_counter() - started:.1f} s ({why})")
        segments.append(segment)
    return segments, built


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_index(
    ftm: Sequence[Path] = (),
    root: Path | None = None,
    report: Report | None = _stderr,
    verify: bool = False,
) -> CandidateIndex:
    """The candidate index of the active lists, from ``root`` (default: ``THREADLINE_INDEX_DIR``), built and
    persisted where needed; ``report`` hears about every list that had to be indexed."""
    folder = root or settings.index_dir()
    started = time.perf_counter()
    segments, built = open_segments(active_inputs(ftm), folder, report, verify)
    if built and report is not None:
        report(f"index: built in {time.perf_counter() - started:.1f} s, kept in {folder}")
    return CandidateIndex(segments)


def segment_stats(segment: Segment) -> dict[str, Any]:
    """What ``threadline index stats`` shows for one list: sizes, build time, name forms, the largest postings."""
    meta = segment.meta
    version = meta.get("version") or {}
    return {
        "list": version.get("source") or meta["origin"],
        "version": version.get("version", ""),
        "segment": segment.folder.name,
        "bytes": sum(int(f["size"]) for f in meta["files"].values()),
        "build_s": meta["build_s"],
        "built_at": meta["built_at"],
        "entities": meta["entities"],
        "names": meta["names"],
        "keys": meta["keys"],
        "postings": meta["postings"],
        "name_forms": meta["name_forms"],
        "largest_postings": meta["largest_postings"],
    }


def index_stats(index: CandidateIndex) -> dict[str, Any]:
    """The whole index's figures (sums over its lists; the largest postings of any one list), and whether the
    matching code that reads it runs compiled (:func:`threadline.native.status`)."""
    lists = [segment_stats(s) for s in index.segments]
    forms: dict[str, int] = {}
    for item in lists:
        for kind, count in item["name_forms"].items():
            forms[kind] = forms.get(kind, 0) + int(count)
    # Each list keeps its own ten largest; a key's size over all lists is looked up in the merged postings.
    keys = {str(key) for item in lists for key, _n in item["largest_postings"]}
    sizes = {k: len(index.postings.get(k, ())) for k in keys}
    largest = [[k, n] for k, n in sorted(sizes.items(), key=lambda item: (-item[1], item[0]))[:10]]
    totals = {k: sum(int(item[k]) for item in lists) for k in ("bytes", "entities", "names", "keys", "postings")}
    return {
        "folder": str(index.segments[0].folder.parent) if index.segments else "",
        **totals,
        "build_s": round(sum((float(item["build_s"]) for item in lists), 0.0), 3),
        "name_forms": dict(sorted(forms.items())),
        "largest_postings": largest,
        "lists": lists,
        "matching_code": native.status(),
    }
