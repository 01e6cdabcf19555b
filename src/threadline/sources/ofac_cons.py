"""OFAC Consolidated (non-SDN) list, from OFAC's ``sdnList`` XML (parsed safely with defusedxml).

Same structure as the SDN XML: ``sdnEntry`` with names, a.k.a.s (``category`` strong/weak), addresses, ids,
dates and places of birth, nationalities and programs. ``entry_id`` is the entry ``uid``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from threadline.exc import SourceError
from threadline.model import Address, Entity, Identifier, ListVersion, LoadedList, Name
from threadline.model.countries import to_iso2
from threadline.names.normalize import name_key
from threadline.sources.common import find_one, fingerprint, parse_date, parse_xml

SOURCE = "ofac-cons"
URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
_TYPES = {"individual": "Person", "vessel": "Vessel", "aircraft": "Aircraft"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(node: Any, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _items(node: Any, list_name: str) -> list[Any]:
    for child in node:
        if _local(child.tag) == list_name:
            return list(child)
    return []


def _full_name(node: Any) -> str:
    return " ".join(p for p in (_child(node, "firstName"), _child(node, "lastName")) if p)


def _entity(entry: Any) -> Entity:
    uid = _child(entry, "uid") or ""
    name = _full_name(entry)
    sdn_type = (_child(entry, "sdnType") or "").lower()
    schema = _TYPES.get(sdn_type) or ("Company" if name_key(name).removed else "Organization")
    names = [Name(name)]
    for aka in _items(entry, "akaList"):
        alias = _full_name(aka)
        if alias:
            weak = (_child(aka, "category") or "").lower() == "weak"
            kind = "weak" if weak else ("former" if (_child(aka, "type") or "").startswith("f.k.a") else "alias")
            names.append(Name(alias, kind))  # type: ignore[arg-type]
    addresses = []
    for item in _items(entry, "addressList"):
        parts = [
            _child(item, k)
            for k in ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country")
        ]
        full = ", ".join(p for p in parts if p)
        if full:
            addresses.append(Address(full, _child(item, "city"), to_iso2(_child(item, "country"))))
    identifiers = [
        Identifier(_child(i, "idType") or "id", _child(i, "idNumber") or "", to_iso2(_child(i, "idCountry")))
        for i in _items(entry, "idList")
        if _child(i, "idNumber")
    ]
    nationalities = [to_iso2(_child(n, "country")) for n in _items(entry, "nationalityList")]
    countries = dict.fromkeys([*nationalities, *(a.country for a in addresses)])
    births = [_child(b, "dateOfBirth") or "" for b in _items(entry, "dateOfBirthList")]
    remarks = _child(entry, "remarks")
    return Entity(
        source=SOURCE,
        entry_id=uid,
        schema=schema,
        names=tuple(names),
        countries=tuple(c for c in countries if c),
        addresses=tuple(addresses),
        identifiers=tuple(identifiers),
        birth_dates=tuple(parse_date(b) or b for b in births if b),
        birth_places=tuple(p for p in (_child(b, "placeOfBirth") for b in _items(entry, "placeOfBirthList")) if p),
        programs=tuple(p.text.strip() for p in _items(entry, "programList") if p.text and p.text.strip()),
        remarks=(remarks,) if remarks else (),
        source_url=URL.format(uid),
    )


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "*.xml")
    root = parse_xml(path)
    if _local(root.tag) != "sdnList":
        raise SourceError(f"{path}: root element is {_local(root.tag)!r}, not OFAC's 'sdnList'; wrong file?")
    info = next((c for c in root if _local(c.tag) == "publshInformation"), None)
    published = parse_date(_child(info, "Publish_Date")) if info is not None else None
    expected = _child(info, "Record_Count") if info is not None else None
    entities: list[Entity] = []
    skipped = 0
    for entry in root:
        if _local(entry.tag) != "sdnEntry":
            continue
        if not _child(entry, "uid") or not _full_name(entry):
            skipped += 1
            continue
        entities.append(_entity(entry))
    notes = []
    if expected and int(expected) != len(entities) + skipped:
        notes.append(f"file says Record_Count {expected} but holds {len(entities) + skipped} entries")
    if skipped:
        notes.append(f"{skipped} entries without uid or name skipped")
    version = ListVersion(
        SOURCE,
        "US OFAC Consolidated (non-SDN) list",
        published or "",
        len(entities),
        0,
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, entities)
