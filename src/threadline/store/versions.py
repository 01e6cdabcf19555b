"""List versions in the database: register what is loaded, keep every version, and diff any two.

A version's identity is its content: the sha256 over its entries' fingerprints (``entity_fingerprint``), so the
same list loaded twice is one version, and a re-parse that changes any entry is a new one. The metadata hash
(``meta_sha256``: the version's date, counts and source files) lets an unchanged list be recognised without
fingerprinting every entry again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, update

from threadline.model import Entity, ListVersion, Rule
from threadline.review.audit import record_action
from threadline.store.tables import entity_records, list_versions, version_members

CHUNK = 500


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entity_fingerprint(entity: Entity) -> str:
    """sha256 of the entry's canonical JSON: equal fingerprints mean nothing about the entry changed."""
    return hashlib.sha256(canonical_json(entity.to_dict()).encode("utf-8")).hexdigest()


def meta_hash(version: ListVersion) -> str:
    return hashlib.sha256(canonical_json(version.to_dict()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredVersion:
    id: int
    source: str
    title: str
    version: str
    content_sha256: str
    entity_count: int
    rule_count: int
    files: tuple[tuple[str, str], ...]
    loaded_at: str
    loaded_by: str
    active: bool
    notes: tuple[str, ...] = ()

    def to_list_version(self) -> ListVersion:
        return ListVersion(
            self.source, self.title, self.version, self.entity_count, self.rule_count, self.files, self.notes
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "version": self.version,
            "content_sha256": self.content_sha256,
            "entity_count": self.entity_count,
            "rule_count": self.rule_count,
            "files": [list(f) for f in self.files],
            "loaded_at": self.loaded_at,
            "loaded_by": self.loaded_by,
            "active": self.active,
        }


def _stored(row: Any) -> StoredVersion:
    return StoredVersion(
        id=row.id,
        source=row.source,
        title=row.title,
        version=row.version,
        content_sha256=row.content_sha256,
        entity_count=row.entity_count,
        rule_count=row.rule_count,
        files=tuple((str(a), str(b)) for a, b in json.loads(row.files)),
        loaded_at=row.loaded_at,
        loaded_by=row.loaded_by,
        active=bool(row.active),
        notes=tuple(json.loads(row.notes)),
    )


def register(
    conn: Connection,
    versions: Sequence[ListVersion],
    entities: Iterable[Entity],
    user: str,
    now: str,
    rules: Iterable[Rule] = (),
    activate: bool = True,
) -> dict[str, StoredVersion]:
    """Make ``versions`` the active ones (one per source), storing any not seen before (their entries and rules).
    Returns them by source.

    Runs inside the caller's transaction: when anything fails, no version changes. ``activate=False`` records
    without changing which versions are active (a re-run against an earlier run's lists)."""
    by_source: dict[str, list[Entity | Rule]] | None = None
    out: dict[str, StoredVersion] = {}
    for version in versions:
        meta = meta_hash(version)
        row = conn.execute(
            select(list_versions).where(list_versions.c.source == version.source, list_versions.c.meta_sha256 == meta)
        ).first()
        if row is None:
            if by_source is None:
                by_source = _group([*entities, *rules])
            row = _store_version(conn, version, meta, by_source.get(version.source, []), user, now)
        if activate and not row.active:
            _activate(conn, row, user, now)
        out[version.source] = _stored(conn.execute(select(list_versions).where(list_versions.c.id == row.id)).one())
    return out


def _group(items: Iterable[Entity | Rule]) -> dict[str, list[Entity | Rule]]:
    grouped: dict[str, list[Entity | Rule]] = {}
    for item in items:
        grouped.setdefault(item.source, []).append(item)
    return grouped


RULE_PREFIX = "rule:"
"""Rules (DOL goods, CBP orders) are version members too, under ``rule:<entry_id>``."""


def rule_fingerprint(rule: Rule) -> str:
    return hashlib.sha256(canonical_json({"rule": rule.to_dict()}).encode("utf-8")).hexdigest()


def _member(item: Entity | Rule) -> tuple[str, str]:
    if isinstance(item, Rule):
        return RULE_PREFIX + item.entry_id, rule_fingerprint(item)
    return item.entry_id, entity_fingerprint(item)


def _record_row(fp: str, item: Entity | Rule) -> dict[str, Any]:
    if isinstance(item, Rule):
        schema, name, data = "Rule", item.title, {"rule": item.to_dict()}
    else:
        schema, name, data = item.schema, item.names[0].value if item.names else "", item.to_dict()
    return {
        "fingerprint": fp,
        "source": item.source,
        "entry_id": item.entry_id,
        "schema": schema,
        "name": name,
        "data": canonical_json(data),
    }


def _store_version(
    conn: Connection, version: ListVersion, meta: str, items: list[Entity | Rule], user: str, now: str
) -> Any:
    prints = {member: (fp, item) for item in items for member, fp in [_member(item)]}
    content = hashlib.sha256(
        "\n".join(f"{entry_id}:{fp}" for entry_id, (fp, _e) in sorted(prints.items())).encode("utf-8")
    ).hexdigest()
    same = conn.execute(
        select(list_versions).where(list_versions.c.source == version.source, list_versions.c.content_sha256 == content)
    ).first()
    if same is not None:
        return same  # same entries, other metadata (e.g. a note): one version
    known: set[str] = set()
    fingerprints = [fp for fp, _e in prints.values()]
    for start in range(0, len(fingerprints), CHUNK):
        chunk = fingerprints[start : start + CHUNK]
        known.update(conn.scalars(select(entity_records.c.fingerprint).where(entity_records.c.fingerprint.in_(chunk))))
    new_records = [_record_row(fp, item) for fp, item in prints.values() if fp not in known]
    if new_records:
        conn.execute(entity_records.insert(), new_records)
    inserted = conn.execute(
        list_versions.insert().values(
            source=version.source,
            title=version.title,
            version=version.version,
            content_sha256=content,
            meta_sha256=meta,
            entity_count=version.entity_count,
            rule_count=version.rule_count,
            files=canonical_json([list(f) for f in version.files]),
            notes=canonical_json(list(version.notes)),
            loaded_at=now,
            loaded_by=user,
            active=False,
        )
    ).inserted_primary_key
    assert inserted is not None
    version_id = inserted[0]
    members = [
        {"version_id": version_id, "entry_id": entry_id, "fingerprint": fp} for entry_id, (fp, _e) in prints.items()
    ]
    if members:
        conn.execute(version_members.insert(), members)
    record_action(
        conn,
        user,
        "list-load",
        f"list {version.source} version {version.version} (#{version_id})",
        after={"entities": len(prints), "new_records": len(new_records), "content_sha256": content},
        at=now,
    )
    return conn.execute(select(list_versions).where(list_versions.c.id == version_id)).one()


def _activate(conn: Connection, row: Any, user: str, now: str) -> None:
    previous = conn.execute(
        select(list_versions.c.id, list_versions.c.version).where(
            list_versions.c.source == row.source, list_versions.c.active.is_(True)
        )
    ).first()
    conn.execute(update(list_versions).where(list_versions.c.source == row.source).values(active=False))
    conn.execute(update(list_versions).where(list_versions.c.id == row.id).values(active=True))
    record_action(
        conn,
        user,
        "list-activate",
        f"list {row.source}",
        before={"version_id": previous.id, "version": previous.version} if previous else None,
        after={"version_id": row.id, "version": row.version},
        at=now,
    )


def history(conn: Connection, source: str | None = None) -> list[StoredVersion]:
    query = select(list_versions).order_by(list_versions.c.source, list_versions.c.id)
    if source is not None:
        query = query.where(list_versions.c.source == source)
    return [_stored(row) for row in conn.execute(query)]


def get_version(conn: Connection, version_id: int) -> StoredVersion | None:
    row = conn.execute(select(list_versions).where(list_versions.c.id == version_id)).first()
    return None if row is None else _stored(row)


def members(conn: Connection, version_id: int) -> dict[str, str]:
    """entry_id → fingerprint of one version."""
    query = select(version_members.c.entry_id, version_members.c.fingerprint).where(
        version_members.c.version_id == version_id
    )
    return {entry_id: fp for entry_id, fp in conn.execute(query)}


def load_records(conn: Connection, fingerprints: Iterable[str]) -> dict[str, Entity | Rule]:
    wanted = sorted(set(fingerprints))
    out: dict[str, Entity | Rule] = {}
    for start in range(0, len(wanted), CHUNK):
        query = select(entity_records.c.fingerprint, entity_records.c.data).where(
            entity_records.c.fingerprint.in_(wanted[start : start + CHUNK])
        )
        for fp, data in conn.execute(query):
            record = json.loads(data)
            out[fp] = Rule.from_dict(record["rule"]) if "rule" in record else Entity.from_dict(record)
    return out


def load_version(conn: Connection, version_id: int) -> tuple[list[Entity], list[Rule]]:
    """The entries and rules of one stored version, as they were (to re-run an old screen, or to diff)."""
    prints = members(conn, version_id)
    records = load_records(conn, prints.values())
    items = [records[fp] for _member, fp in sorted(prints.items())]
    return [i for i in items if isinstance(i, Entity)], [i for i in items if isinstance(i, Rule)]


@dataclass(slots=True)
class Change:
    entry_id: str
    old: Entity
    new: Entity
    fields: dict[str, dict[str, Any]]
    """field → {"before", "after"} for every field that differs."""


@dataclass(slots=True)
class ListDiff:
    source: str
    old: StoredVersion | None
    new: StoredVersion
    added: list[Entity] = field(default_factory=list)
    removed: list[Entity] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    rules: dict[str, list[str]] = field(default_factory=dict)
    """Rule entry ids ``added``, ``removed`` and ``changed`` (DOL goods, CBP orders)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "from": None if self.old is None else {"id": self.old.id, "version": self.old.version},
            "to": {"id": self.new.id, "version": self.new.version},
            "added": [{"entry_id": e.entry_id, "name": _name(e)} for e in self.added],
            "removed": [{"entry_id": e.entry_id, "name": _name(e)} for e in self.removed],
            "changed": [{"entry_id": c.entry_id, "name": _name(c.new), "fields": c.fields} for c in self.changed],
            "rules": self.rules,
        }


def _name(entity: Entity) -> str:
    return entity.names[0].value if entity.names else ""


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    keys = sorted(set(old) | set(new))
    return {k: {"before": old.get(k), "after": new.get(k)} for k in keys if old.get(k) != new.get(k)}


def diff(conn: Connection, old_id: int | None, new_id: int) -> ListDiff:
    """Entries added, removed and changed (with each changed field) from version ``old_id`` to ``new_id``."""
    new = get_version(conn, new_id)
    if new is None:
        raise KeyError(new_id)
    old = get_version(conn, old_id) if old_id is not None else None
    before = members(conn, old_id) if old_id is not None else {}
    after = members(conn, new_id)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(e for e in set(before) & set(after) if before[e] != after[e])
    result = ListDiff(new.source, old, new)
    result.rules = {
        kind: [e.removeprefix(RULE_PREFIX) for e in ids if e.startswith(RULE_PREFIX)]
        for kind, ids in (("added", added), ("removed", removed), ("changed", changed))
    }
    added, removed, changed = ([e for e in ids if not e.startswith(RULE_PREFIX)] for ids in (added, removed, changed))
    wanted = [after[e] for e in added] + [before[e] for e in removed]
    records = load_records(conn, wanted + [fp for e in changed for fp in (before[e], after[e])])
    result.added = [_entity(records[after[e]]) for e in added]
    result.removed = [_entity(records[before[e]]) for e in removed]
    for entry_id in changed:
        a, b = _entity(records[before[entry_id]]), _entity(records[after[entry_id]])
        result.changed.append(Change(entry_id, a, b, field_changes(a.to_dict(), b.to_dict())))
    return result


def _entity(record: Entity | Rule) -> Entity:
    assert isinstance(record, Entity), record
    return record
