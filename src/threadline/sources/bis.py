"""US Commerce BIS Entity List (15 CFR 744 Supp. 4), from a JSON parse of the eCFR text.

The list has no identifiers: ``entry_id`` is a slug of name and country, made unique with a counter when two
entries share both (counted in the notes). Several addresses are joined by "; and " in the source text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from threadline.model import Address, Entity, ListVersion, LoadedList, Name
from threadline.model.countries import to_iso2
from threadline.names.normalize import name_key
from threadline.sources.common import find_one, fingerprint, read_json_records, slugify

SOURCE = "us-bis"
URL = "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744"


def _addresses(text: str | None, country: str | None) -> tuple[Address, ...]:
    if not text:
        return ()
    parts = [p.strip(" .;") for p in re.split(r";\s*and\s+", text) if p.strip(" .;")]
    return tuple(Address(p, None, country) for p in parts)


def _entity(item: dict[str, Any], entry_id: str) -> Entity:
    name = str(item["name"]).strip()
    country = to_iso2(item.get("country"))
    aliases = [str(a).strip() for a in item.get("aliases") or [] if str(a).strip()]
    extra = {k: str(item[k]).strip() for k in ("status", "federal_register", "notes") if item.get(k)}
    if item.get("notes"):
        extra["license_requirement"] = extra.pop("notes")
    return Entity(
        source=SOURCE,
        entry_id=entry_id,
        schema="Company" if name_key(name).removed else "Organization",
        names=(Name(name), *(Name(a, "alias") for a in aliases)),
        countries=(country,) if country else (),
        addresses=_addresses(item.get("address"), country),
        listed_on=item.get("effective_date") or None,
        remarks=(str(item["federal_register"]).strip(),) if item.get("federal_register") else (),
        source_url=URL,
        extra=extra,
    )


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "bis_entity_list*.json")
    data, items = read_json_records(path, "entities", "a BIS entity list JSON")
    entities: list[Entity] = []
    seen: dict[str, int] = {}
    skipped = collisions = 0
    for item in items:
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            skipped += 1
            continue
        base = slugify(f"{item['name']} {item.get('country') or ''}")
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            collisions += 1
        entry_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        entities.append(_entity(item, entry_id))
    notes = [f"third-party parse of the eCFR text extracted {data.get('extracted')}; no official identifiers"]
    if collisions:
        notes.append(f"{collisions} entries share name and country with another; ids numbered -2, -3...")
    if skipped:
        notes.append(f"{skipped} entries without a name skipped")
    version = ListVersion(
        SOURCE,
        "US Commerce BIS Entity List",
        str(data.get("extracted") or ""),
        len(entities),
        0,
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, entities)
