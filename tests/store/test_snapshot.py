from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadline import settings
from threadline.exc import SnapshotError
from threadline.model import Entity, Identifier, ListVersion, LoadedList, Name, Rule
from threadline.sources.common import fingerprint
from threadline.store import ListStore
from threadline.store.snapshot import read_manifest, write_snapshot


def _loaded(source: str = "test", n: int = 2) -> LoadedList:
    entities = [
        Entity(
            source,
            str(i),
            "Company",
            (Name(f"Company {i}"), Name(f"公司{i}", "native")),
            countries=("cn",),
            identifiers=(Identifier("USCC", f"91650000{i:010d}"),),
            extra={"section": "x"},
        )
        for i in range(n)
    ]
    rules = [Rule(source, "r1", "region", "All of somewhere", countries=("cn",), goods=("cotton",))]
    return LoadedList(ListVersion(source, "Test list", "2026-01-01", n, 1), entities, rules)


def test_snapshot_round_trips_entities_and_rules(tmp_path: Path) -> None:
    loaded = _loaded()
    write_snapshot([loaded], tmp_path / "snap")
    store = ListStore.from_snapshot(tmp_path / "snap")
    assert store.entities == loaded.entities
    assert store.rules == loaded.rules
    assert store.versions == [loaded.version]


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    write_snapshot([_loaded()], tmp_path / "a")
    write_snapshot([_loaded()], tmp_path / "b")
    assert (tmp_path / "a" / "test.jsonl.gz").read_bytes() == (tmp_path / "b" / "test.jsonl.gz").read_bytes()


def test_failed_write_leaves_the_previous_snapshot_in_place(tmp_path: Path) -> None:
    target = tmp_path / "snap"
    write_snapshot([_loaded(n=3)], target)
    with pytest.raises(SnapshotError, match="duplicate"):
        write_snapshot([_loaded(), _loaded()], target)
    assert ListStore.from_snapshot(target).versions[0].entity_count == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snap"]


def test_missing_snapshot_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="make snapshot"):
        ListStore.from_snapshot(tmp_path)


def test_corrupt_list_file_is_reported(tmp_path: Path) -> None:
    write_snapshot([_loaded()], tmp_path / "snap")
    (tmp_path / "snap" / "test.jsonl.gz").write_bytes(b"garbage")
    with pytest.raises(SnapshotError, match="corrupt"):
        ListStore.from_snapshot(tmp_path / "snap")


def test_embedded_snapshot_is_not_stale(shared_data: Path, tmp_path: Path) -> None:
    """The packaged snapshot was built from exactly the files now in ../shared/data, by the current loaders."""
    embedded = settings.RESOURCES_DIR / "snapshot"
    manifest = read_manifest(embedded)
    from threadline.service import build_snapshot
    from threadline.sources import registry

    for item in manifest:
        folder = shared_data / registry.get(item["source"]).folder
        current = [list(fingerprint(folder / name)) for name, _ in item["files"]]
        assert current == item["files"], f"{item['source']}: source files changed; run `make snapshot`"
    build_snapshot(shared_data, tmp_path / "fresh")
    fresh = json.loads((tmp_path / "fresh" / "manifest.json").read_text("utf-8"))["lists"]
    assert [(i["source"], i["sha256"]) for i in fresh] == [(i["source"], i["sha256"]) for i in manifest], (
        "the loaders now produce a different snapshot; run `make snapshot` and commit it"
    )
