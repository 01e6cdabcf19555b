"""List versions in the database: identity by content, rules stored beside entries, diffs of both."""

from __future__ import annotations

import dataclasses

from threadline.review.audit import now
from threadline.settings import RESOURCES_DIR
from threadline.store import ListStore, db
from threadline.store.versions import diff, entity_fingerprint, history, load_version, register


def _dol() -> ListStore:
    return ListStore.from_snapshot(RESOURCES_DIR / "snapshot", ["us-dol-goods", "us-cbp-wro"])


def test_rules_are_stored_with_their_version_and_a_changed_rule_is_a_new_version(database_url: str) -> None:
    engine = db.connect(database_url)
    store = _dol()
    with engine.begin() as conn:
        first = register(conn, store.versions, store.entities, "alice", now(), store.rules)
        entities, rules = load_version(conn, first["us-dol-goods"].id)
    assert entities == []
    assert sorted(r.entry_id for r in rules) == sorted(r.entry_id for r in store.rules if r.source == "us-dol-goods")

    polysilicon = next(r for r in store.rules if r.source == "us-dol-goods" and "Polysilicon" in r.goods)
    changed = dataclasses.replace(polysilicon, labour=("forced", "child"))
    rules2 = [changed if r is polysilicon else r for r in store.rules]
    versions2 = [dataclasses.replace(v, notes=("edition 2", *v.notes)) for v in store.versions]
    with engine.begin() as conn:
        second = register(conn, versions2, store.entities, "alice", now(), rules2)
        assert second["us-dol-goods"].id != first["us-dol-goods"].id
        assert second["us-cbp-wro"].id == first["us-cbp-wro"].id  # a new note alone is not a new version
        found = diff(conn, first["us-dol-goods"].id, second["us-dol-goods"].id)
        assert found.rules == {"added": [], "removed": [], "changed": [polysilicon.entry_id]}
        assert (found.added, found.removed, found.changed) == ([], [], [])
        assert [v.active for v in history(conn, "us-dol-goods")] == [False, True]


def test_registering_the_same_lists_twice_stores_them_once(database_url: str) -> None:
    engine = db.connect(database_url)
    store = _dol()
    with engine.begin() as conn:
        a = register(conn, store.versions, store.entities, "alice", now(), store.rules)
        b = register(conn, store.versions, store.entities, "bob", now(), store.rules)
        assert {k: v.id for k, v in a.items()} == {k: v.id for k, v in b.items()}
        assert len(history(conn)) == 2


def test_an_entry_fingerprint_changes_with_any_field() -> None:
    entity = next(e for e in _dol().entities)
    assert entity_fingerprint(entity) == entity_fingerprint(dataclasses.replace(entity))
    assert entity_fingerprint(entity) != entity_fingerprint(dataclasses.replace(entity, programs=("X",)))
