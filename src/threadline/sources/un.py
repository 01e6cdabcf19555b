"""UN Security Council Consolidated List, from the official XML (parsed safely with defusedxml).

``entry_id`` is the REFERENCE_NUMBER (e.g. ``QDi.001``). Names join FIRST..FOURTH_NAME; the name in original script
is kept as a ``native`` name; alias QUALITY "Low" becomes a ``weak`` alias.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from threadline.exc import SourceError
from threadline.model import Address, Entity, Identifier, ListVersion, LoadedList, Name
from threadline.model.countries import to_iso2
from threadline.names.normalize import name_key
from threadline.sources.common import find_one, fingerprint, parse_xml

SOURCE = "un"
URL = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list"


def _text(node: Any, tag: str) -> str | None:
    child = node.find(tag)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def _values(node: Any, tag: str) -> list[str]:
    return [
        v.text.strip() for parent in node.findall(tag) for v in parent.findall("VALUE") if v.text and v.text.strip()
    ]


def _names(node: Any, is_person: bool) -> list[Name]:
    parts = [_text(node, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    names = [Name(" ".join(p for p in parts if p))]
    native = _text(node, "NAME_ORIGINAL_SCRIPT")
    if native:
        names.append(Name(native, "native"))
    for alias in node.findall("INDIVIDUAL_ALIAS" if is_person else "ENTITY_ALIAS"):
        value = _text(alias, "ALIAS_NAME")
        if value:
            weak = (_text(alias, "QUALITY") or "").lower() == "low"
            names.append(Name(value, "weak" if weak else "alias"))
    return names


def _addresses(node: Any, tag: str) -> list[Address]:
    out = []
    for item in node.findall(tag):
        parts = [_text(item, k) for k in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
        full = ", ".join(p for p in parts if p)
        if full:
            out.append(Address(full, _text(item, "CITY"), to_iso2(_text(item, "COUNTRY"))))
    return out


def _entity(node: Any, is_person: bool) -> Entity:
    names = _names(node, is_person)
    addresses = _addresses(node, "INDIVIDUAL_ADDRESS" if is_person else "ENTITY_ADDRESS")
    nationalities = [to_iso2(v) for v in _values(node, "NATIONALITY")]
    identifiers = [
        Identifier(
            _text(d, "TYPE_OF_DOCUMENT") or "document", _text(d, "NUMBER") or "", to_iso2(_text(d, "ISSUING_COUNTRY"))
        )
        for d in node.findall("INDIVIDUAL_DOCUMENT")
        if _text(d, "NUMBER")
    ]
    births = [
        _text(b, "DATE") or _text(b, "YEAR") or "-".join(p for p in (_text(b, "FROM_YEAR"), _text(b, "TO_YEAR")) if p)
        for b in node.findall("INDIVIDUAL_DATE_OF_BIRTH")
    ]
    places = [
        ", ".join(p for p in (_text(b, k) for k in ("CITY", "STATE_PROVINCE", "COUNTRY")) if p)
        for b in node.findall("INDIVIDUAL_PLACE_OF_BIRTH")
    ]
    schema = "Person" if is_person else ("Company" if name_key(names[0].value).removed else "Organization")
    remarks = _text(node, "COMMENTS1")
    return Entity(
        source=SOURCE,
        entry_id=_text(node, "REFERENCE_NUMBER") or _text(node, "DATAID") or "",
        schema=schema,
        names=tuple(names),
        countries=tuple(c for c in dict.fromkeys([*nationalities, *(a.country for a in addresses)]) if c),
        addresses=tuple(addresses),
        identifiers=tuple(identifiers),
        birth_dates=tuple(b for b in births if b),
        birth_places=tuple(p for p in places if p),
        programs=tuple(p for p in (_text(node, "UN_LIST_TYPE"),) if p),
        listed_on=_text(node, "LISTED_ON"),
        remarks=(remarks,) if remarks else (),
        source_url=URL,
        extra={"designation": "; ".join(_values(node, "DESIGNATION"))} if _values(node, "DESIGNATION") else {},
    )


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "consolidated_*.xml")
    root = parse_xml(path)
    if root.tag != "CONSOLIDATED_LIST":
        raise SourceError(f"{path}: root element is {root.tag!r}, not the UN 'CONSOLIDATED_LIST'; wrong file?")
    entities: list[Entity] = []
    skipped = 0
    for tag, is_person in (("INDIVIDUALS/INDIVIDUAL", True), ("ENTITIES/ENTITY", False)):
        for node in root.findall(tag):
            if not (_text(node, "FIRST_NAME") or _text(node, "NAME_ORIGINAL_SCRIPT")) or not _text(
                node, "REFERENCE_NUMBER"
            ):
                skipped += 1
                continue
            entities.append(_entity(node, is_person))
    notes = [f"{skipped} entries without a name or reference number skipped"] if skipped else []
    version = ListVersion(
        SOURCE,
        "UN Security Council consolidated list",
        str(root.get("dateGenerated", ""))[:10],
        len(entities),
        0,
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, entities)
