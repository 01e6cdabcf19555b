"""Queries and hits: the values that flow in and out of a matcher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from threadline.model import Entity, Identifier, Name

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
    identifiers: tuple[Identifier, ...] = ()
    """Registration numbers, USCC, LEI... given with the name: evidence for or against a name hit (see
    :mod:`threadline.matching.identifiers`); they adjust hits found by name and let an exact code find its entry."""


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


def list_side_adjustments(
    score: float, name: Name, query: Query, entity: Entity, features: list[tuple[str, float]], parts: list[str]
) -> float:
    """The adjustments every kind of hit takes from the list side: a weak alias x0.90, a country the query gives
    that the entry does not -0.05. Appends to ``features`` and ``parts``; returns the adjusted score."""
    if name.kind == "weak":
        score *= 0.90
        features.append(("weak_alias", 0.90))
        parts.append("weak alias x0.90")
    if query.country and entity.countries and query.country not in entity.countries:
        score -= 0.05
        features.append(("country_mismatch", -0.05))
        parts.append(f"country {query.country} not in entry's {', '.join(entity.countries)} -0.05")
    return score
