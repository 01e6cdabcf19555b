"""An in-memory store of list versions, their entities and rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from threadline.model import Entity, ListVersion, LoadedList, Rule
from threadline.store import snapshot


@dataclass(slots=True)
class ListStore:
    versions: list[ListVersion] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    @classmethod
    def from_lists(cls, lists: Iterable[LoadedList]) -> ListStore:
        store = cls()
        for loaded in lists:
            store.versions.append(loaded.version)
            store.entities.extend(loaded.entities)
            store.rules.extend(loaded.rules)
        return store

    @classmethod
    def from_snapshot(cls, folder: Path, sources: Iterable[str] | None = None) -> ListStore:
        wanted = set(sources) if sources is not None else None
        store = cls()
        for version in snapshot.read_versions(folder):
            if wanted is not None and version.source not in wanted:
                continue
            store.versions.append(version)
            for record in snapshot.iter_records(folder, version.source):
                if isinstance(record, Entity):
                    store.entities.append(record)
                else:
                    store.rules.append(record)
        return store
