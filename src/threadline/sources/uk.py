"""UK Sanctions List (FCDO), from the 8-column summary export (JSON; the CSV beside it holds the same rows).

The export carries the primary name only: no aliases, addresses or birth dates (said in the notes).
``entry_id`` is the FCDO Unique ID (e.g. GHR0046).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from threadline.exc import SourceError
from threadline.model import Entity, Identifier, ListVersion, LoadedList, Name
from threadline.names.normalize import name_key
from threadline.sources.common import date_from_name, find_one, fingerprint, parse_date, read_json

SOURCE = "uk"
URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
_TYPES = {"individual": "Person", "ship": "Vessel"}


def _entity(row: dict[str, Any]) -> Entity:
    name = str(row["Name"]).strip()
    kind = str(row.get("Type") or "").strip().lower()
    schema = _TYPES.get(kind) or ("Company" if name_key(name).removed else "Organization")
    group = str(row.get("OFSI Group ID") or "").strip()
    extra = {
        k: str(row[v]).strip()
        for k, v in (("sanctions_imposed", "Sanctions Imposed"), ("designation_source", "Designation source"))
        if row.get(v)
    }
    return Entity(
        source=SOURCE,
        entry_id=str(row["Unique ID"]).strip(),
        schema=schema,
        names=(Name(name),),
        identifiers=(Identifier("OFSI Group ID", group),) if group else (),
        programs=(str(row["Regime Name"]).strip(),) if row.get("Regime Name") else (),
        listed_on=parse_date(row.get("Date Designated")),
        source_url=URL,
        extra=extra,
    )


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "uk_sanctions_list_*.json")
    rows = read_json(path, "the UK sanctions list JSON export")
    if not isinstance(rows, list):
        raise SourceError(f"{path}: expected a JSON array of rows; re-download the UK sanctions list export")
    entities: list[Entity] = []
    skipped: list[str] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not str(row.get("Name") or "").strip() or not row.get("Unique ID"):
            skipped.append(
                f"row {number} {row.get('Unique ID', '')}".strip() if isinstance(row, dict) else f"row {number}"
            )
            continue
        entities.append(_entity(row))
    notes = ["summary export: primary names only, no aliases, addresses or birth dates"]
    if skipped:
        notes.append(f"{len(skipped)} rows without a name or Unique ID skipped ({', '.join(skipped[:5])})")
    version = ListVersion(
        SOURCE,
        "UK Sanctions List (FCDO)",
        date_from_name(path) or "",
        len(entities),
        0,
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, entities)
