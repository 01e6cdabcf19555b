"""FollowTheMoney entity files (JSON lines, as OpenSanctions and yente publish them), read with followthemoney.

Accepts plain entity lines and delta lines (``{"op": "ADD", "entity": {...}}``; ``DEL`` ops are counted and
skipped). Only party schemata become entities: Person, Company, Organization, Vessel, Aircraft, LegalEntity and
their descendants (a PublicBody is an Organization); relations and other schemata (Ownership, Sanction, Address,
Payment ...) are counted in the notes. The source id is the dataset name when every entity of the file names the
same single dataset, else the file name without its suffixes.

OpenSanctions-derived data is CC BY-NC: load it at run time, never ship it in the package snapshot.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from followthemoney import model

from threadline.exc import SourceError
from threadline.model import Address, Entity, Identifier, ListVersion, LoadedList, Name, NameKind
from threadline.model.entity import SCHEMATA
from threadline.sources.common import fingerprint

_NAME_PROPS: tuple[tuple[str, NameKind], ...] = (
    ("name", "primary"),
    ("alias", "alias"),
    ("previousName", "former"),
    ("weakAlias", "weak"),
)
_ID_PROPS = ("idNumber", "registrationNumber", "taxNumber", "innCode", "ogrnCode", "leiCode", "imoNumber", "swiftBic")
_SUFFIXES = (".ftm.json", ".delta.json", ".ijson", ".jsonl", ".json")


def _schema(name: str) -> str | None:
    schema = model.get(name)
    if schema is None:
        return None
    for candidate in ("Person", "Vessel", "Aircraft", "Company", "Organization", "LegalEntity"):
        if schema.is_a(candidate):
            return candidate
    return None


def _entity(data: dict[str, Any], source: str) -> Entity | None:
    schema = _schema(str(data.get("schema", "")))
    if schema is None or schema not in SCHEMATA:
        return None
    proxy = model.get_proxy(data, cleaned=False)
    names: list[Name] = []
    seen: set[str] = set()
    for prop, kind in _NAME_PROPS:
        for value in proxy.get(prop, quiet=True):
            if value not in seen:
                seen.add(value)
                names.append(Name(value, "alias" if kind == "primary" and names else kind))
    if not names:
        return None
    countries = [*proxy.get("country", quiet=True), *proxy.get("nationality", quiet=True)]
    countries += proxy.get("jurisdiction", quiet=True)
    return Entity(
        source=source,
        entry_id=str(proxy.id),
        schema=schema,
        names=tuple(names),
        countries=tuple(dict.fromkeys(c.lower() for c in countries)),
        addresses=tuple(Address(a) for a in proxy.get("address", quiet=True)),
        identifiers=tuple(Identifier(p, v) for p in _ID_PROPS for v in proxy.get(p, quiet=True)),
        birth_dates=tuple(proxy.get("birthDate", quiet=True)),
        birth_places=tuple(proxy.get("birthPlace", quiet=True)),
        programs=tuple(proxy.get("program", quiet=True)),
        listed_on=next(iter(proxy.get("createdAt", quiet=True)), None),
        remarks=tuple(proxy.get("notes", quiet=True)),
        source_url=next(iter(proxy.get("sourceUrl", quiet=True)), None),
        extra={"topics": ", ".join(proxy.get("topics", quiet=True))} if proxy.get("topics", quiet=True) else {},
    )


def _stem(path: Path) -> str:
    name = path.name
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


class Skipped(NamedTuple):
    """Why a record of the file is no entity: its schema (not a party, or a party with no name), or the error
    followthemoney raised for it (``invalid (ValueError)``), which counts as a malformed line too."""

    reason: str
    invalid: bool


@dataclass(frozen=True, slots=True)
class FtmRecords:
    """An FtM file read as JSON, its records not yet made entities: :meth:`entity` makes one, so a build can make
    them in its workers (:class:`threadline.matching.index.EntityFeed`) rather than all on one core first."""

    path: Path
    source: str
    records: list[dict[str, Any]]
    bad: list[int]
    """The malformed lines' numbers."""
    skipped_ops: int

    def entity(self, data: dict[str, Any]) -> Entity | Skipped:
        """The entity of one record, or why there is none."""
        try:
            entity = _entity(data, self.source)
        except Exception as error:  # followthemoney raises several types for invalid entities
            return Skipped(f"invalid ({type(error).__name__})", True)
        return Skipped(str(data.get("schema")), False) if entity is None else entity

    def version(self, entities: int, skipped: Counter[Skipped]) -> ListVersion:
        """The list version, once ``entities`` were made and the other records ``skipped``."""
        other: Counter[str] = Counter()
        for why, count in skipped.items():
            other[why.reason] += count
        invalid = sum(count for why, count in skipped.items() if why.invalid)
        notes = []
        if other:
            notes.append("not parties, skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(other.items())))
        if self.bad or invalid:
            lines = [str(n) for n in self.bad][:5]
            notes.append(
                f"{len(self.bad) + invalid} malformed lines skipped" + (f" (lines {', '.join(lines)})" if lines else "")
            )
        if self.skipped_ops:
            notes.append(f"{self.skipped_ops} delta operations other than ADD skipped")
        dates = sorted(str(r.get("last_change") or r.get("last_seen") or "")[:10] for r in self.records)
        return ListVersion(
            self.source,
            f"FollowTheMoney file {self.path.name}",
            dates[-1] if dates and dates[-1] else "",
            entities,
            0,
            (fingerprint(self.path),),
            tuple(notes),
        )


def load_ftm_file(path: Path) -> LoadedList:
    """Load one FtM JSON lines file; bad lines are skipped and counted in the notes."""
    read = read_ftm_file(path)
    entities: list[Entity] = []
    skipped: Counter[Skipped] = Counter()
    for data in read.records:
        made = read.entity(data)
        if isinstance(made, Skipped):
            skipped[made] += 1
        else:
            entities.append(made)
    return LoadedList(read.version(len(entities), skipped), entities)


def read_ftm_file(path: Path) -> FtmRecords:
    """Read one FtM JSON lines file as records (:class:`FtmRecords`); bad lines are skipped and counted."""
    if not path.is_file():
        raise SourceError(f"{path}: FollowTheMoney file not found")
    records: list[dict[str, Any]] = []
    bad: list[int] = []
    skipped_ops = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                bad.append(number)
                continue
            if isinstance(data, dict) and "op" in data:
                if data.get("op") != "ADD" or not isinstance(data.get("entity"), dict):
                    skipped_ops += 1
                    continue
                data = data["entity"]
            if not isinstance(data, dict) or "schema" not in data or "id" not in data:
                bad.append(number)
                continue
            records.append(data)
    return FtmRecords(path, _source_id(path, records), records, bad, skipped_ops)


def _source_id(path: Path, records: list[dict[str, Any]]) -> str:
    """The one dataset every record names, else the file name."""
    datasets = {tuple(r.get("datasets") or ()) for r in records}
    if len(datasets) == 1:
        (only,) = datasets
        if len(only) == 1:
            return str(only[0])
    return _stem(path)


def load_ftm_folder(folder: Path) -> list[LoadedList]:
    """Every ``*.json``/``*.ijson``/``*.jsonl`` file in ``folder``, one list each."""
    paths = sorted(p for p in folder.iterdir() if p.suffix in {".json", ".ijson", ".jsonl"})
    if not paths:
        raise SourceError(f"{folder}: no FollowTheMoney files (*.json, *.ijson, *.jsonl) here")
    return [load_ftm_file(p) for p in paths]
