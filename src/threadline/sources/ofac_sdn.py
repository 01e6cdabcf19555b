"""OFAC SDN list, legacy CSV trio: ``sdn.csv`` (entries), ``alt.csv`` (aliases), ``add.csv`` (addresses).

Headerless CSV, ``-0-`` means null, the file ends with the 0x1A end-of-file byte. Schema: ``individual`` ->
Person, ``vessel`` -> Vessel, ``aircraft`` -> Aircraft; OFAC leaves entities untyped (``-0-``): those become
Company when the name carries a legal form (CO., LTD, LLC, S.A., ...) and Organization otherwise.

The three files may be of different dates (here sdn.csv is from 2024-05, alt/add from 2026). Every row is kept:
an alias or address whose ``ent_num`` is not in sdn.csv becomes an entity of its own, named by its aliases (or
left out of matching when it has only an address), flagged in ``extra["only_in"]``, and counted in the notes.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from threadline.exc import SourceError
from threadline.model import Address, Entity, Identifier, ListVersion, LoadedList, Name, NameKind
from threadline.model.countries import to_iso2
from threadline.names.normalize import name_key
from threadline.sources.common import fingerprint, parse_date, require_file

SOURCE = "ofac-sdn"
URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
SDN_DATE = "2024-05-03"
"""sdn.csv carries no date; this is the publisher's date of the copy (see the folder's PROVENANCE.md)."""

_TYPES = {"individual": "Person", "vessel": "Vessel", "aircraft": "Aircraft"}
_ALT_KINDS: dict[str, NameKind] = {"aka": "alias", "fka": "former", "nka": "alias"}
_ID_RE = re.compile(
    r"^(Passport|National ID No\.|Cedula No\.|Tax ID No\.|Registration Number|Registration ID|"
    r"Unified Social Credit Code \(USCC\)|Company Number|Business Registration Number|IMO|"
    r"Identification Number|SSN|Vessel Registration Identification|Aircraft Manufacturer's Serial Number \(MSN\)|"
    r"Digital Currency Address - \w+|Email Address|Website|D-U-N-S Number|Branch Unit Number|"
    r"Legal Entity Number|Citizen's Card Number|Personal ID Card|NIT #|RFC|CURP|C\.U\.I\.T\.|RUC #|"
    r"Public Security and Immigration No\.|Kenyan ID No\.|Bosnian Personal ID No\.|Trade License No\.)"
    r"\s+(.+?)(?:\s+\(([^)]+)\))?$"
)


def _null(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-0-") else value


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    text = text.rstrip("\x1a\r\n")
    return [row for row in csv.reader(text.splitlines()) if row]


@dataclass(slots=True)
class _Remarks:
    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    aliases: list[Name] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)


def _parse_remarks(remarks: str) -> _Remarks:
    """Pick the structured facts out of the free-text Remarks field (the raw text is kept as well)."""
    out = _Remarks()
    for part in (p.strip().rstrip(".") for p in remarks.split(";")):
        part = re.sub(r"^alt\.\s+", "", part)
        if part.startswith("DOB "):
            out.birth_dates.append(parse_date(part[4:]) or part[4:])
        elif part.startswith("POB "):
            out.birth_places.append(part[4:])
        elif part.startswith(("nationality ", "Nationality ", "citizen ", "Citizen ")):
            code = to_iso2(part.split(" ", 1)[1])
            if code:
                out.countries.append(code)
        elif part.startswith(("a.k.a. ", "f.k.a. ")):
            kind: NameKind = "former" if part.startswith("f") else "alias"
            for alias in re.findall(r"'([^']+)'", part):
                out.aliases.append(Name(alias, kind))
        else:
            found = _ID_RE.match(part)
            if found:
                country = to_iso2(found.group(3)) if found.group(3) else None
                out.identifiers.append(Identifier(found.group(1), found.group(2).strip(), country))
    return out


def _schema(sdn_type: str | None, name: str) -> str:
    if sdn_type in _TYPES:
        return _TYPES[sdn_type]
    return "Company" if name_key(name).removed else "Organization"


def _alt_names(rows: list[list[str]]) -> dict[str, list[Name]]:
    names: dict[str, list[Name]] = defaultdict(list)
    for row in rows:
        if len(row) < 4 or not _null(row[3]):
            continue
        kind: NameKind = _ALT_KINDS.get((_null(row[2]) or "aka").lower().replace(".", ""), "alias")
        remark = (_null(row[4]) or "") if len(row) > 4 else ""
        names[row[0].strip()].append(Name(row[3].strip(), "weak" if "weak" in remark.lower() else kind))
    return names


def _addresses(rows: list[list[str]]) -> dict[str, list[Address]]:
    found: dict[str, list[Address]] = defaultdict(list)
    for row in rows:
        if len(row) < 5:
            continue
        parts = [p for p in (_null(row[2]), _null(row[3]), _null(row[4])) if p]
        if parts:
            found[row[0].strip()].append(Address(", ".join(parts), _null(row[3]), to_iso2(_null(row[4]))))
    return found


def _entity(row: list[str], aliases: list[Name], addresses: list[Address]) -> Entity:
    ent_num, name = row[0].strip(), row[1].strip()
    remarks_text = _null(row[11]) if len(row) > 11 else None
    facts = _parse_remarks(remarks_text or "")
    programs = tuple(p.strip() for p in (_null(row[3]) or "").split("] [") if p.strip())
    countries = dict.fromkeys([*facts.countries, *(a.country for a in addresses if a.country)])
    extra = {
        k: v
        for k, v in (
            ("title", _null(row[4])),
            ("call_sign", _null(row[5])),
            ("vessel_type", _null(row[6])),
            ("vessel_flag", _null(row[9])),
            ("vessel_owner", _null(row[10])),
        )
        if v
    }
    return Entity(
        source=SOURCE,
        entry_id=ent_num,
        schema=_schema(_null(row[2]), name),
        names=(Name(name, "primary"), *aliases, *facts.aliases),
        countries=tuple(c for c in countries if c),
        addresses=tuple(addresses),
        identifiers=tuple(facts.identifiers),
        birth_dates=tuple(facts.birth_dates),
        birth_places=tuple(facts.birth_places),
        programs=programs,
        remarks=(remarks_text,) if remarks_text else (),
        source_url=URL.format(ent_num),
        extra=extra,
    )


def _orphan(ent_num: str, aliases: list[Name], addresses: list[Address]) -> Entity:
    """An entry known only from the newer alt.csv/add.csv: its primary name is unknown here."""
    names = (
        (Name(aliases[0].value, "primary"), *aliases[1:])
        if aliases
        else (Name(f"OFAC SDN entry {ent_num}", "primary"),)
    )
    return Entity(
        source=SOURCE,
        entry_id=ent_num,
        schema="LegalEntity",
        names=names,
        countries=tuple(dict.fromkeys(a.country for a in addresses if a.country)),
        addresses=tuple(addresses),
        source_url=URL.format(ent_num),
        extra={"only_in": "alt.csv/add.csv (newer than sdn.csv)", **({} if aliases else {"no_name": "true"})},
    )


def load(folder: Path) -> LoadedList:
    sdn_path, alt_path, add_path = (require_file(folder, n) for n in ("sdn.csv", "alt.csv", "add.csv"))
    sdn_rows, alt_rows, add_rows = _rows(sdn_path), _rows(alt_path), _rows(add_path)
    aliases, addresses = _alt_names(alt_rows), _addresses(add_rows)
    entities: list[Entity] = []
    bad = 0
    for row in sdn_rows:
        if len(row) < 4 or not row[0].strip().isdigit() or not row[1].strip():
            bad += 1
            continue
        entities.append(_entity(row, aliases.get(row[0].strip(), []), addresses.get(row[0].strip(), [])))
    if not entities:
        raise SourceError(f"{sdn_path}: no SDN rows found; re-download sdn.csv from OFAC")
    known = {e.entry_id for e in entities}
    orphans = sorted((set(aliases) | set(addresses)) - known, key=int)
    entities.extend(_orphan(n, aliases.get(n, []), addresses.get(n, [])) for n in orphans)
    orphan_alts = sum(len(aliases[n]) for n in orphans if n in aliases)
    orphan_adds = sum(len(addresses[n]) for n in orphans if n in addresses)
    notes = [
        f"sdn.csv is dated {SDN_DATE}; alt.csv/add.csv are newer (ent_num up to "
        f"{max(map(int, orphans), default=0)}): {len(orphans):,} ent_nums appear only in alt.csv/add.csv "
        f"({orphan_alts:,} aliases, {orphan_adds:,} addresses), kept as entries without their primary name; "
        "entries delisted since may still be in sdn.csv. Re-download all three files together.",
    ]
    if bad:
        notes.append(f"{bad} sdn.csv rows skipped: no ent_num or name")
    version = ListVersion(
        source=SOURCE,
        title="US OFAC Specially Designated Nationals",
        version=SDN_DATE,
        entity_count=len(entities),
        files=tuple(fingerprint(p) for p in (sdn_path, alt_path, add_path)),
        notes=tuple(notes),
    )
    return LoadedList(version, entities)
