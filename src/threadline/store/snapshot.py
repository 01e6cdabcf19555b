"""The snapshot: a folder with ``manifest.json`` and one ``<source>.jsonl.gz`` per list.

Writing is atomic: the new snapshot is written beside the old one and swapped in with renames, so a failed
build or update leaves the previous snapshot in place. Output is deterministic (sorted records, gzip mtime 0),
so the same input files always give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from threadline.exc import SnapshotError
from threadline.model import Entity, ListVersion, LoadedList, Rule

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


def _records(loaded: LoadedList) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{"type": "entity", **e.to_dict()} for e in loaded.entities]
    rows.extend({"type": "rule", **r.to_dict()} for r in loaded.rules)
    rows.sort(key=lambda row: (row["type"], row["entry_id"]))
    return rows


def _gzip_lines(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            handle.write(b"\n")
    return buffer.getvalue()


def write_snapshot(lists: list[LoadedList], target: Path) -> None:
    """Write ``lists`` as the snapshot at ``target``, replacing any previous one atomically."""
    sources = [loaded.version.source for loaded in lists]
    if len(set(sources)) != len(sources):
        raise SnapshotError(f"duplicate list ids in one snapshot: {sources}")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        manifest_lists = []
        for loaded in lists:
            payload = _gzip_lines(_records(loaded))
            (staging / f"{loaded.version.source}.jsonl.gz").write_bytes(payload)
            manifest_lists.append({**loaded.version.to_dict(), "sha256": hashlib.sha256(payload).hexdigest()})
        manifest = {"format": FORMAT_VERSION, "lists": manifest_lists}
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def read_manifest(folder: Path) -> list[dict[str, Any]]:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SnapshotError(f"{path}: no list snapshot here; build one with `make snapshot`") from None
    except json.JSONDecodeError as error:
        raise SnapshotError(f"{path}: corrupt manifest ({error}); rebuild with `make snapshot`") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise SnapshotError(f"{path}: snapshot format {manifest.get('format')!r} is not {FORMAT_VERSION}; rebuild it")
    lists: list[dict[str, Any]] = manifest["lists"]
    return lists


def read_versions(folder: Path) -> list[ListVersion]:
    return [ListVersion.from_dict(item) for item in read_manifest(folder)]


def iter_records(folder: Path, source: str) -> Iterator[Entity | Rule]:
    """Stream one list's entities and rules from the snapshot."""
    path = folder / f"{source}.jsonl.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                kind = row.pop("type")
                yield Entity.from_dict(row) if kind == "entity" else Rule.from_dict(row)
    except FileNotFoundError:
        raise SnapshotError(f"{path}: list file missing from the snapshot; rebuild with `make snapshot`") from None
    except (OSError, json.JSONDecodeError, KeyError, ValueError) as error:
        raise SnapshotError(f"{path}: corrupt snapshot file ({error}); rebuild with `make snapshot`") from None
