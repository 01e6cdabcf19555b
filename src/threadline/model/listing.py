"""What a loader returns: one list version with its entities, its rules and what was odd about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from threadline.model.entity import Entity


@dataclass(frozen=True, slots=True)
class Rule:
    """An order or listing that covers a region, a good or a whole class of producers rather than one party.

    Examples: the CBP WRO on "all cotton and tomatoes from the XUAR" (``kind="region"``); a DOL good x country
    pair such as "Polysilicon, China, forced labour" (``kind="goods"``). Rules are never matched as names.
    """

    source: str
    entry_id: str
    kind: str
    """``region`` (an order on a whole region), ``goods`` (a good x country listing)."""
    title: str
    countries: tuple[str, ...] = ()
    region: str | None = None
    goods: tuple[str, ...] = ()
    sector: str | None = None
    labour: tuple[str, ...] = ()
    """Which exploitation the rule names: ``forced``, ``child``, ``forced_child``, ``derived``."""
    status: str | None = None
    listed_on: str | None = None
    remarks: tuple[str, ...] = ()
    source_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "entry_id": self.entry_id,
            "kind": self.kind,
            "title": self.title,
        }
        optional: dict[str, Any] = {
            "countries": list(self.countries),
            "region": self.region,
            "goods": list(self.goods),
            "sector": self.sector,
            "labour": list(self.labour),
            "status": self.status,
            "listed_on": self.listed_on,
            "remarks": list(self.remarks),
            "source_url": self.source_url,
        }
        data.update({k: v for k, v in optional.items() if v})
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rule:
        return cls(
            source=data["source"],
            entry_id=data["entry_id"],
            kind=data["kind"],
            title=data["title"],
            countries=tuple(data.get("countries", ())),
            region=data.get("region"),
            goods=tuple(data.get("goods", ())),
            sector=data.get("sector"),
            labour=tuple(data.get("labour", ())),
            status=data.get("status"),
            listed_on=data.get("listed_on"),
            remarks=tuple(data.get("remarks", ())),
            source_url=data.get("source_url"),
        )


@dataclass(frozen=True, slots=True)
class ListVersion:
    """The metadata of one loaded list version (what ``threadline lists`` prints)."""

    source: str
    title: str
    version: str
    """The list's own date (ISO ``YYYY-MM-DD``) as best known from the file."""
    entity_count: int
    rule_count: int = 0
    files: tuple[tuple[str, str], ...] = ()
    """``(file name, sha256)`` of every file read."""
    notes: tuple[str, ...] = ()
    """Inconsistencies and caveats found while loading (mixed vintages, rows without a match...)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "version": self.version,
            "entity_count": self.entity_count,
            "rule_count": self.rule_count,
            "files": [list(f) for f in self.files],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ListVersion:
        return cls(
            source=data["source"],
            title=data["title"],
            version=data["version"],
            entity_count=int(data["entity_count"]),
            rule_count=int(data.get("rule_count", 0)),
            files=tuple((str(a), str(b)) for a, b in data.get("files", ())),
            notes=tuple(data.get("notes", ())),
        )


@dataclass(slots=True)
class LoadedList:
    """A loader's result. ``version.entity_count`` equals ``len(entities)``."""

    version: ListVersion
    entities: list[Entity] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
