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


@dataclass(frozen=True, slots=True, init=False)
class Query:
    """A name to screen, with what else the caller knows of the party.

    Made once a screened name or a scored pair, and compiled: its fields are set in compiled code (a frozen
    dataclass's generated ``__init__`` runs as Python, 0.8 µs), and it pickles as a call of its constructor (a
    compiled frozen dataclass cannot be unpickled field by field)."""

    name: str
    schema: str | None
    country: str | None
    """ISO alpha-2, lower case."""
    identifiers: tuple[Identifier, ...]
    """Registration numbers, USCC, LEI... given with the name: evidence for or against a name hit (see
    :mod:`threadline.matching.identifiers`); they adjust hits found by name and let an exact code find its entry."""

    def __init__(
        self, name: str, schema: str | None = None, country: str | None = None, identifiers: tuple[Identifier, ...] = ()
    ) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "schema", schema)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "identifiers", identifiers)

    def __reduce__(self) -> tuple[type[Query], tuple[str, str | None, str | None, tuple[Identifier, ...]]]:
        return Query, (self.name, self.schema, self.country, self.identifiers)


@dataclass(frozen=True, slots=True, init=False)
class Hit:
    """An entry a query matched, and why. Compiled, made and pickled as :class:`Query` is."""

    entity: Entity
    score: float
    matched_name: Name
    explanation: str
    features: tuple[tuple[str, float], ...]
    """``(feature, value)`` pairs that made the score, in the order applied."""
    relation: str | None
    """``related`` when the names point to related but different parties (a group and its member)."""

    def __init__(
        self,
        entity: Entity,
        score: float,
        matched_name: Name,
        explanation: str,
        features: tuple[tuple[str, float], ...],
        relation: str | None = None,
    ) -> None:
        object.__setattr__(self, "entity", entity)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "matched_name", matched_name)
        object.__setattr__(self, "explanation", explanation)
        object.__setattr__(self, "features", features)
        object.__setattr__(self, "relation", relation)

    def __reduce__(self) -> tuple[type[Hit], tuple[Any, ...]]:
        return Hit, (self.entity, self.score, self.matched_name, self.explanation, self.features, self.relation)

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
