"""US CBP Withhold Release Orders and Findings, from the CSV export (one row per order).

Most orders name a producer: those become entities (Company/Organization; "Fishing Vessel: X" a Vessel named X),
with merchandise, industry, status and the order type in ``extra``. Orders that cover a whole region, country or
class of producers are :class:`~threadline.model.Rule` objects, never fake companies. A row is a rule when its
entity text matches :data:`RULE_PATTERN`: it starts with "All ...", says "produced in", names an autonomous
region, or names a class of sites ("Artisanal Small Mines", "... Diamond Fields").
"""

from __future__ import annotations

import re
from pathlib import Path

from threadline.model import Entity, ListVersion, LoadedList, Name, Rule
from threadline.model.countries import to_iso2
from threadline.names.normalize import name_key
from threadline.sources.common import find_one, fingerprint, read_csv_dicts, slugify

SOURCE = "us-cbp-wro"
URL = "https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings"
RULE_PATTERN = re.compile(r"^All\s|produced in|Autonomous Region|^Artisanal\s|Diamond Fields", re.IGNORECASE)
_VESSEL = re.compile(r"^Fishing Vessel:\s*(.+)$", re.IGNORECASE)
_OWNED_VESSELS = re.compile(r"^Fishing Vessels owned by\s+(.+)$", re.IGNORECASE)


def _goods(merchandise: str) -> tuple[str, ...]:
    parts = re.split(r",\s*|\s+and\s+", merchandise)
    return tuple(p.strip() for p in parts if p.strip() and p.strip().lower() not in {"downstream products"})


def _rule(row: dict[str, str], entry_id: str) -> Rule:
    country = to_iso2(row["country"])
    return Rule(
        source=SOURCE,
        entry_id=entry_id,
        kind="region",
        title=f"{row['wro_or_finding'] or 'Order'}: {row['entity']} — {row['merchandise']}",
        countries=(country,) if country else (),
        region=row["entity"],
        goods=_goods(row["merchandise"]),
        sector=row.get("industry") or None,
        labour=("forced",),
        status=row.get("status") or None,
        listed_on=row.get("effective_date") or None,
        remarks=tuple(r for r in (row.get("remarks"),) if r),
        source_url=URL,
    )


def _entity(row: dict[str, str], entry_id: str) -> Entity:
    name, schema = row["entity"], None
    vessel = _VESSEL.match(name)
    owned = _OWNED_VESSELS.match(name)
    if vessel:
        name, schema = vessel.group(1).strip(), "Vessel"
    elif owned:
        name = owned.group(1).strip()
    aliases = [a.strip() for a in row.get("aliases", "").split(";") if a.strip()]
    if schema is None:
        schema = "Company" if name_key(name).removed else "Organization"
    country = to_iso2(row["country"])
    extra = {k: row[k] for k in ("wro_or_finding", "industry", "merchandise", "status") if row.get(k)}
    if owned:
        extra["covers"] = "fishing vessels owned by this company"
    return Entity(
        source=SOURCE,
        entry_id=entry_id,
        schema=schema,
        names=(Name(name), *(Name(a, "alias") for a in aliases)),
        countries=(country,) if country else (),
        programs=(f"CBP {row.get('wro_or_finding') or 'WRO'}",),
        listed_on=row.get("effective_date") or None,
        remarks=tuple(r for r in (row.get("remarks"),) if r),
        source_url=URL,
        extra=extra,
    )


def load(folder: Path) -> LoadedList:
    path = find_one(folder, "cbp_wro_*.csv")
    entities: list[Entity] = []
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    skipped: list[int] = []
    dates: list[str] = []
    for line, row in read_csv_dicts(path):
        if not row.get("entity"):
            skipped.append(line)
            continue
        base = slugify(f"{row['entity'][:60]} {row.get('effective_date', '')}")
        seen[base] = seen.get(base, 0) + 1
        entry_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        dates.append(row.get("effective_date", ""))
        if RULE_PATTERN.search(row["entity"]):
            rules.append(_rule(row, entry_id))
        else:
            entities.append(_entity(row, entry_id))
    notes = [
        f"{len(rules)} orders cover a region, country or class of producers and are kept as rules, not parties",
        "third-party parse of the CBP CSV: calendar year, country code and press-release URL not carried",
    ]
    if skipped:
        notes.append(f"{len(skipped)} rows without an entity skipped (lines {', '.join(map(str, skipped[:5]))})")
    version_date = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
    version = ListVersion(
        SOURCE,
        "US CBP Withhold Release Orders and Findings",
        version_date.group(0) if version_date else max(dates, default=""),
        len(entities),
        len(rules),
        (fingerprint(path),),
        tuple(notes),
    )
    return LoadedList(version, entities, rules)
