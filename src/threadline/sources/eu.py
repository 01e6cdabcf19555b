"""EU consolidated financial sanctions, from a third-party aggregate of the official EU, UN and OFAC files.

Only records whose ``source`` includes "EU" are EU entries (UN and OFAC records have their own loaders).
``entry_id`` is the EU logicalId. The name is the first name alias of the EU record, in whatever language or
script it was given; all aliases are kept. No regime, address or listing date is carried (said in the notes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from threadline.model import Entity, Identifier, ListVersion, LoadedList, Name
from threadline.model.countries import to_iso2
from threadline.names.normalize import name_key
from threadline.sources.common import find_one, fingerprint, read_json_records

SOURCE = "eu"
URL = "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions"


def _identifiers(items: list[dict[str, Any]]) -> tuple[Identifier, ...]:
    out = []
    for item in items:
        number = str(item.get("number") or "").strip()
        if number:
            out.append(Identifier(str(item.get("type") or "id"), number, to_iso2(item.get("country"))))
    return tuple(out)


def _entity(item: dict[str, Any]) -> Entity:
    name = str(item["name"]).strip()
    is_company = bool(name_key(name).removed)
    schema = "Person" if item.get("type") == "individual" else ("Company" if is_company else "Organization")
    aliases = [a for a in dict.fromkeys(str(a).strip() for a in item.get("aliases") or []) if a and a != name]
    identifiers = _identifiers(item.get("identifiers") or [])
    return Entity(
        source=SOURCE,
        entry_id=str(item["source_id"]),
        schema=schema,
        names=(Name(name), *(Name(a, "alias") for a in aliases)),
        countries=tuple(dict.fromkeys(i.country for i in identifiers if i.country)),
        identifiers=identifiers,
        birth_dates=tuple(str(d) for d in item.get("birthdates") or []),
        source_url=URL,
        extra={"also_on": ", ".join(s for s in item.get("source", []) if s != "EU")} if len(item["source"]) > 1 else {},
    )


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "pakote_all_*.json")
    data, items = read_json_records(path, "entities", "the EU/UN/OFAC aggregate JSON")
    entities: list[Entity] = []
    skipped = 0
    for item in items:
        if "EU" not in (item.get("source") or []):
            continue
        if not str(item.get("name") or "").strip() or not item.get("source_id"):
            skipped += 1
            continue
        entities.append(_entity(item))
    generated = str(data.get("metadata", {}).get("generated", ""))[:10]
    notes = ["derived name/alias extract, not the official EU file: no regime, address or listing date"]
    if skipped:
        notes.append(f"{skipped} EU records without a name or id skipped")
    version = ListVersion(
        SOURCE,
        "EU consolidated financial sanctions (derived)",
        generated,
        len(entities),
        0,
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, entities)
