"""US DHS UFLPA Entity List, from ``uflpa_entity_list.csv`` (one row per entity x section).

DHS publishes the list only as HTML tables, one per section of UFLPA 2(d)(2)(B): (i) producers in Xinjiang using
forced labour, (ii) entities working with the XUAR government on labour transfers, (v) entities sourcing from
Xinjiang or the XPCC. The same entity appears in several sections, sometimes spelt differently. Rows are merged
into one entity when their names share a key (case, punctuation, legal forms and "and subsidiaries" ignored);
every spelling is kept as a name. DHS gives no identifiers, so ``entry_id`` is a slug of the first listed name.
"""

from __future__ import annotations

from pathlib import Path

from threadline.exc import SourceError
from threadline.model import Entity, ListVersion, LoadedList, Name
from threadline.names.normalize import name_key
from threadline.sources.common import fingerprint, read_csv_dicts, require_file, slugify

SOURCE = "us-uflpa"
URL = "https://www.dhs.gov/uflpa-entity-list"
SCRAPE_DATE = "2026-07-09"
"""Date the DHS page was copied (PROVENANCE.md); the last change it shows is 2025-01-15."""


def _section(text: str) -> str:
    return text.replace("Section ", "UFLPA Sec. ").strip()


def _merge_key(name: str) -> str:
    return name_key(name).core.replace(" ", "")


def load(folder: Path) -> LoadedList:
    path = require_file(folder, "uflpa_entity_list.csv")
    groups: dict[str, dict[str, object]] = {}
    order: list[str] = []
    skipped = 0
    rows = 0
    for _line, row in read_csv_dicts(path):
        rows += 1
        name = row.get("name", "")
        if not name:
            skipped += 1
            continue
        key = _merge_key(name)
        if key not in groups:
            groups[key] = {"names": [], "sections": [], "dates": [], "aliases": []}
            order.append(key)
        group = groups[key]
        for value, bucket in ((name, "names"), (row.get("name_as_published", ""), "names")):
            if value and value not in group[bucket]:  # type: ignore[operator]
                group[bucket].append(value)  # type: ignore[attr-defined]
        group["sections"].append(_section(row.get("section", "")))  # type: ignore[attr-defined]
        group["dates"].append(row.get("date_added_iso", ""))  # type: ignore[attr-defined]
        for alias in (a.strip() for a in row.get("aliases", "").split(";")):
            if alias and alias not in group["aliases"]:  # type: ignore[operator]
                group["aliases"].append(alias)  # type: ignore[attr-defined]
    if not groups:
        raise SourceError(f"{path}: no UFLPA rows found; the file needs a 'name' column")
    entities = [_entity(groups[key]) for key in order]
    notes = [
        f"{rows} rows (entity x section) merged into {len(entities)} entities by name key; "
        "DHS states 144 entities after the 2025-01-15 update",
        "no official structured copy exists: assembled from two scrapes of the DHS page taken " + SCRAPE_DATE,
    ]
    if skipped:
        notes.append(f"{skipped} rows without a name skipped")
    version = ListVersion(
        SOURCE, "US DHS UFLPA Entity List", SCRAPE_DATE, len(entities), 0, (fingerprint(path),), tuple(notes)
    )
    return LoadedList(version, entities)


def _entity(group: dict[str, object]) -> Entity:
    names: list[str] = group["names"]  # type: ignore[assignment]
    aliases: list[str] = group["aliases"]  # type: ignore[assignment]
    sections: list[str] = group["sections"]  # type: ignore[assignment]
    dates = sorted(d for d in group["dates"] if d)  # type: ignore[attr-defined]
    primary = names[0]
    all_names = [Name(primary, "primary")]
    all_names += [Name(n, "alias") for n in names[1:]]
    all_names += [Name(a, "alias") for a in aliases if a not in names]
    covers = any("subsidiar" in n.lower() or "subordinate" in n.lower() for n in names)
    schema = "Company" if name_key(primary).removed else "Organization"
    extra = {"sections": "; ".join(dict.fromkeys(sections))}
    if covers:
        extra["covers_subsidiaries"] = "true"
    return Entity(
        source=SOURCE,
        entry_id=slugify(primary),
        schema=schema,
        names=tuple(all_names),
        countries=("cn",),
        programs=tuple(dict.fromkeys(sections)),
        listed_on=dates[0] if dates else None,
        source_url=URL,
        extra=extra,
    )
