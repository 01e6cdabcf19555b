"""Relations from FollowTheMoney entity files: Ownership, Directorship and UnknownLink, with the parties they join.

Parties keep their FtM id as key, so every relation naming the same id joins the same node. A party whose entity is
a sanctions target in the file (``target: true`` or the ``sanction`` topic) is marked ``listed_by`` with its
datasets. An ownership that ended (``endDate`` in the past) is skipped with a reason: the 50 % rule looks at who owns
the company now.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from followthemoney import model

from threadline.graph.model import PartyRef, Relation, Source, parse_share
from threadline.model.countries import to_iso2

_RELATIONS = {
    "Ownership": ("owns", "owner", "asset"),
    "Directorship": ("directs", "director", "organization"),
    "UnknownLink": ("linked", "subject", "object"),
}
_PARTY_SCHEMATA = ("Person", "Company", "Organization", "LegalEntity", "Vessel", "Aircraft")


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    out: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                out.append((number, {}))
                continue
            if isinstance(data, dict) and "entity" in data and "op" in data:
                data = data["entity"] if data.get("op") == "ADD" else {}
            out.append((number, data if isinstance(data, dict) else {}))
    return out


def _party_schema(name: str) -> str | None:
    schema = model.get(name)
    if schema is None:
        return None
    return next((s for s in _PARTY_SCHEMATA if schema.is_a(s)), None)


def read_ftm_relations(path: Path, relations: list[Relation], skipped: list[str]) -> dict[str, tuple[str, ...]]:
    """Append the file's relations; return FtM id → datasets for the parties the file marks as sanctioned."""
    records = _records(path)
    parties: dict[str, PartyRef] = {}
    listed: dict[str, tuple[str, ...]] = {}
    for _, data in records:
        schema = _party_schema(str(data.get("schema", "")))
        if schema is None or "id" not in data:
            continue
        proxy = model.get_proxy(data, cleaned=False)
        pid = str(proxy.id)
        countries = [code for c in proxy.get("country", quiet=True) if (code := to_iso2(c))]
        address = next(iter(proxy.get("address", quiet=True)), None)
        parties[pid] = PartyRef(proxy.caption, address, countries[0] if countries else None, pid, schema)
        if data.get("target") or "sanction" in proxy.get("topics", quiet=True):
            listed[pid] = tuple(data.get("datasets", ()))
    today = dt.date.today().isoformat()
    for number, data in records:
        where = f"{path}:{number}"
        if not data:
            skipped.append(f"{where}: not an FtM entity (a JSON object with schema and properties)")
            continue
        spec = _RELATIONS.get(str(data.get("schema")))
        if spec is None:
            continue
        kind, up_prop, down_prop = spec
        props = data.get("properties", {})
        ups, downs = props.get(up_prop, []), props.get(down_prop, [])
        if not ups or not downs:
            skipped.append(f"{where}: {data['schema']} without {up_prop} or {down_prop}")
            continue
        ended = [d for d in props.get("endDate", []) if d < today]
        if ended:
            skipped.append(f"{where}: {data['schema']} ended on {ended[0]}")
            continue
        up, down = (
            (parties.get(ups[0]) or PartyRef(ups[0], key=ups[0])),
            (parties.get(downs[0]) or PartyRef(downs[0], key=downs[0])),
        )
        share = None
        if kind == "owns":
            try:
                share = parse_share(next(iter(props.get("percentage", [])), None))
            except ValueError as error:
                skipped.append(f"{where}: {error}")
                continue
        relations.append(
            Relation(
                kind=kind,
                upstream=up,
                downstream=down,
                source=Source(path.name, number),
                product=", ".join(props.get("role", [])) or None,
                date=next(iter(props.get("startDate", [])), None),
                share=share,
            )
        )
    return listed
