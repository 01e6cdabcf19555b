"""A small real list (the UFLPA Entity List from the embedded snapshot), an update of it with a known diff, and a
supplier file that hits it: the review workflow's fixtures."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from threadline import service
from threadline.model import Entity, ListVersion, LoadedList, Name
from threadline.settings import RESOURCES_DIR
from threadline.store import ListStore
from threadline.store.snapshot import write_snapshot

REMOVED = "xinjiang-zhongtai-chemical-co-ltd"
CHANGED = "hoshine-silicon-industry-shanshan-co-ltd-and-subsidiaries"
ADDED = "acme-cotton-spinning-co-ltd"
"""An invented entry, added by the test's list update (no such listing exists)."""

SUPPLIERS = """supplier_id,supplier_name,address,country,product
V001,Xinjiang Zhongtai Chemical Co Ltd,"Urumqi, Xinjiang",China,PVC resin
V002,Hoshine Silicon Industry (Shanshan) Co Ltd,"Shanshan, Turpan",China,metallurgical silicon
V003,Huafu Fashion Co Ltd,"Huaibei, Anhui",China,dyed yarn
V004,Acme Cotton Spinning Co Ltd,"Nantong, Jiangsu",China,cotton yarn
V005,Nordic Knitwear AB,Boras,Sweden,knitted sweaters
V006,Bright Lamp Lighting Co Ltd,"Foshan, Guangdong",China,LED lamps
V007,Xinjiang Daqo New Energy Co Ltd,"Shihezi, Xinjiang",China,polysilicon
V008,Harbour Fish Processing Ltd,Tromso,Norway,frozen cod fillets
V009,Huafu Fashion Co Ltd,"Rua Augusta 100, Sao Paulo",Brazil,dresses
"""


def _uflpa() -> LoadedList:
    store = ListStore.from_snapshot(RESOURCES_DIR / "snapshot", ["us-uflpa"])
    return LoadedList(store.versions[0], list(store.entities), list(store.rules))


def updated(loaded: LoadedList) -> LoadedList:
    """The list after an update: one entry removed, one given a new alias, one added."""
    entities: list[Entity] = []
    for entity in loaded.entities:
        if entity.entry_id == REMOVED:
            continue
        if entity.entry_id == CHANGED:
            entity = dataclasses.replace(entity, names=(*entity.names, Name("Hoshine Silicon Shanshan", "alias")))
        entities.append(entity)
    added = Entity("us-uflpa", ADDED, "Company", (Name("Acme Cotton Spinning Co., Ltd."),), countries=("cn",))
    entities.append(added)
    version = dataclasses.replace(loaded.version, version="2026-12-01", entity_count=len(entities))
    return LoadedList(version, entities, loaded.rules)


@pytest.fixture
def snapshots(tmp_path: Path) -> tuple[Path, Path]:
    before = _uflpa()
    write_snapshot([before], tmp_path / "lists-v1")
    write_snapshot([updated(before)], tmp_path / "lists-v2")
    return tmp_path / "lists-v1", tmp_path / "lists-v2"


LOADED = (service.default_store, service.snapshot_rules, service.default_matcher, service.default_linker)
"""What the service keeps of the lists once loaded: forgotten when a test points threadline at other lists, and
after it (the snapshot's rules too, or a later unrecorded screening run would find this snapshot's rules)."""


@pytest.fixture
def use_lists(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point threadline at a snapshot folder (and forget lists loaded earlier in this process)."""

    def use(folder: Path) -> None:
        monkeypatch.setenv("THREADLINE_SNAPSHOT_DIR", str(folder))
        for cached in LOADED:
            cached.cache_clear()

    yield use
    for cached in LOADED:
        cached.cache_clear()


@pytest.fixture
def suppliers(tmp_path: Path) -> Path:
    path = tmp_path / "suppliers.csv"
    path.write_text(SUPPLIERS, "utf-8")
    return path


def version_of(store_versions: list[ListVersion], source: str) -> ListVersion:
    return next(v for v in store_versions if v.source == source)
