"""Start a stored screening run: register the list versions in use and write the manifest that lets the run be
explained and repeated (input hash, list versions and their hashes, matcher version and settings, user, time)."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from threadline.model import Entity
from threadline.review.audit import now
from threadline.settings import RESOURCES_DIR
from threadline.sources.common import sha256_file
from threadline.store import ListStore
from threadline.store.runs import RunWriter
from threadline.store.versions import StoredVersion, entity_fingerprint, register

MATCHER_RESOURCES = ("glossary", "calibration", "transcribed")


def matcher_version() -> str:
    """The package version plus a hash of the curated reference data the matcher scores with (glossary,
    calibration, the fixed elements of transcribed names)."""
    digest = hashlib.sha256()
    for folder in MATCHER_RESOURCES:
        for path in sorted((RESOURCES_DIR / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(RESOURCES_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{metadata.version('threadline')}+{digest.hexdigest()[:12]}"


def lists_manifest(stored: dict[str, StoredVersion]) -> list[dict[str, Any]]:
    return [
        {
            "source": v.source,
            "version": v.version,
            "version_id": v.id,
            "content_sha256": v.content_sha256,
            "entity_count": v.entity_count,
            "files": [list(f) for f in v.files],
        }
        for v in sorted(stored.values(), key=lambda v: v.source)
    ]


class EntryPrints:
    """Fingerprints of the list entries hits point at, computed once per entry."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], str] = {}

    def of(self, entity: Entity) -> str:
        key = (entity.source, entity.entry_id)
        if key not in self._cache:
            self._cache[key] = entity_fingerprint(entity)
        return self._cache[key]


def begin_run(
    engine: Engine,
    store: ListStore,
    *,
    input_path: Path,
    settings: dict[str, Any],
    user: str,
    kind: str = "screen",
    parent_id: str | None = None,
    input_sha256: str | None = None,
    activate: bool = True,
) -> tuple[RunWriter, dict[str, StoredVersion]]:
    started = now()
    with engine.begin() as conn:
        stored = register(conn, store.versions, store.entities, user, started, store.rules, activate)
    sha = input_sha256 or sha256_file(input_path)
    manifest: dict[str, Any] = {
        "started_at": started,
        "user": user,
        "input": {"path": str(input_path), "sha256": sha},
        "lists": lists_manifest(stored),
        "matcher": {"version": matcher_version(), **settings},
    }
    writer = RunWriter(
        engine,
        kind=kind,
        input_path=str(input_path),
        input_sha256=sha,
        manifest=manifest,
        user=user,
        parent_id=parent_id,
    )
    return writer, stored
