"""A listed party and its parts, as frozen slotted dataclasses (hot records; no validation cost).

Round-trips to plain dicts (``to_dict`` / ``from_dict``) for the snapshot and JSON output.

Compiled with the matching code (``make native``): a scored pair or a parsed entry makes several of them, so each
sets its fields in compiled code (a frozen dataclass's generated ``__init__`` runs as Python: 2 µs an entity), and
pickles as a call of its constructor (``__reduce__``: a compiled frozen dataclass cannot be unpickled field by
field), as the screening workers and the parsed-table cache pickle them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMATA = ("Person", "Company", "Organization", "Vessel", "Aircraft", "LegalEntity")

NameKind = Literal["primary", "alias", "weak", "former", "native"]
"""``primary``: the list's main name; ``alias``: a strong a.k.a.; ``weak``: a weak/low-quality a.k.a. (OFAC and
UN mark these); ``former``: f.k.a.; ``native``: the name in its original script when the list gives it apart."""


@dataclass(frozen=True, slots=True, init=False)
class Name:
    value: str
    kind: NameKind

    def __init__(self, value: str, kind: NameKind = "primary") -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "kind", kind)

    def __reduce__(self) -> tuple[type[Name], tuple[str, NameKind]]:
        return Name, (self.value, self.kind)

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "kind": self.kind}


@dataclass(frozen=True, slots=True, init=False)
class Identifier:
    type: str
    value: str
    country: str | None

    def __init__(self, type: str, value: str, country: str | None = None) -> None:
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "country", country)

    def __reduce__(self) -> tuple[Callable[..., Identifier], tuple[str, str, str | None]]:
        return Identifier, (self.type, self.value, self.country)

    def to_dict(self) -> dict[str, str | None]:
        return {"type": self.type, "value": self.value, "country": self.country}


@dataclass(frozen=True, slots=True, init=False)
class Address:
    full: str
    city: str | None
    country: str | None

    def __init__(self, full: str, city: str | None = None, country: str | None = None) -> None:
        object.__setattr__(self, "full", full)
        object.__setattr__(self, "city", city)
        object.__setattr__(self, "country", country)

    def __reduce__(self) -> tuple[type[Address], tuple[str, str | None, str | None]]:
        return Address, (self.full, self.city, self.country)

    def to_dict(self) -> dict[str, str | None]:
        return {"full": self.full, "city": self.city, "country": self.country}


@dataclass(frozen=True, slots=True, init=False)
class Entity:
    """One entry of one list. ``(source, entry_id)`` is unique within a snapshot."""

    source: str
    entry_id: str
    schema: str
    names: tuple[Name, ...]
    countries: tuple[str, ...]
    addresses: tuple[Address, ...]
    identifiers: tuple[Identifier, ...]
    birth_dates: tuple[str, ...]
    birth_places: tuple[str, ...]
    programs: tuple[str, ...]
    listed_on: str | None
    remarks: tuple[str, ...]
    source_url: str | None
    extra: dict[str, str] = field(hash=False, compare=True)
    """List-specific facts with no common slot (e.g. UFLPA section, BIS licence requirement); a new dictionary when
    none is given."""

    def __init__(
        self,
        source: str,
        entry_id: str,
        schema: str,
        names: tuple[Name, ...],
        countries: tuple[str, ...] = (),
        addresses: tuple[Address, ...] = (),
        identifiers: tuple[Identifier, ...] = (),
        birth_dates: tuple[str, ...] = (),
        birth_places: tuple[str, ...] = (),
        programs: tuple[str, ...] = (),
        listed_on: str | None = None,
        remarks: tuple[str, ...] = (),
        source_url: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        if schema not in SCHEMATA:
            raise ValueError(f"{source}:{entry_id}: unknown schema {schema!r}; use one of {SCHEMATA}")
        if not names:
            raise ValueError(f"{source}:{entry_id}: an entity needs at least one name")
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "entry_id", entry_id)
        object.__setattr__(self, "schema", schema)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "countries", countries)
        object.__setattr__(self, "addresses", addresses)
        object.__setattr__(self, "identifiers", identifiers)
        object.__setattr__(self, "birth_dates", birth_dates)
        object.__setattr__(self, "birth_places", birth_places)
        object.__setattr__(self, "programs", programs)
        object.__setattr__(self, "listed_on", listed_on)
        object.__setattr__(self, "remarks", remarks)
        object.__setattr__(self, "source_url", source_url)
        object.__setattr__(self, "extra", {} if extra is None else extra)

    def __reduce__(self) -> tuple[type[Entity], tuple[Any, ...]]:
        return Entity, tuple(getattr(self, f.name) for f in fields(self))

    @property
    def caption(self) -> str:
        """The display name: the first primary name, else the first name."""
        for name in self.names:
            if name.kind == "primary":
                return name.value
        return self.names[0].value

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "entry_id": self.entry_id,
            "schema": self.schema,
            "names": [n.to_dict() for n in self.names],
        }
        optional: dict[str, Any] = {
            "countries": list(self.countries),
            "addresses": [a.to_dict() for a in self.addresses],
            "identifiers": [i.to_dict() for i in self.identifiers],
            "birth_dates": list(self.birth_dates),
            "birth_places": list(self.birth_places),
            "programs": list(self.programs),
            "listed_on": self.listed_on,
            "remarks": list(self.remarks),
            "source_url": self.source_url,
            "extra": dict(self.extra),
        }
        data.update({k: v for k, v in optional.items() if v})
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            source=data["source"],
            entry_id=data["entry_id"],
            schema=data["schema"],
            names=tuple(Name(n["value"], n["kind"]) for n in data["names"]),
            countries=tuple(data.get("countries", ())),
            addresses=tuple(Address(**a) for a in data.get("addresses", ())),
            identifiers=tuple(Identifier(**i) for i in data.get("identifiers", ())),
            birth_dates=tuple(data.get("birth_dates", ())),
            birth_places=tuple(data.get("birth_places", ())),
            programs=tuple(data.get("programs", ())),
            listed_on=data.get("listed_on"),
            remarks=tuple(data.get("remarks", ())),
            source_url=data.get("source_url"),
            extra=dict(data.get("extra", {})),
        )
