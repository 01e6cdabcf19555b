"""Queries and hits: the values that flow in and out of a matcher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from threadline.model import Entity, Name

PERSON_SCHEMATA = frozenset({"Person"})
PARTY_SCHEMATA = frozenset({"Company", "Organization", "LegalEntity"})


def schemata_compatible(query_schema: str | None, entity_schema: str) -> bool:
    """A person never matches a company; an unknown query schema matches anything."""
    if query_schema is None or query_schema == entity_schema:
        return True
    if query_schema == "LegalEntity":
        return entity_schema in PARTY_SCHEMATA | PERSON_SCHEMATA
    return query_schema in PARTY_SCHEMATA and entity_schema in PARTY_SCHEMATA


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    schema: str | None = None
    country: str | None = None
    """ISO alpha-2, lower case."""


@dataclass(frozen=True, slots=True)
class Hit:
    entity: Entity
    score: float
    matched_name: Name
    explanation: str
    features: tuple[tuple[str, float], ...]
    """``(feature, value)`` pairs that made the score, in the order applied."""
    relation: str | None = None
    """``related`` when the names point to related but different parties (a group and its member)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.entity.source,
            "entry_id": self.entity.entry_id,
            "name": self.entity.caption,
            "matched_name": self.matched_name.value,
            "schema": self.entity.schema,
            "programs": list(self.entity.programs),
            "score": round(self.score, 3),
            "explanation": self.explanation,
            **({"relation": self.relation} if self.relation else {}),
        }
