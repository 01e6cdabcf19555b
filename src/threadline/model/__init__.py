"""Value objects shared by every pipeline stage."""

from threadline.model.entity import (
    SCHEMATA,
    Address,
    Entity,
    Identifier,
    Name,
    NameKind,
)
from threadline.model.listing import ListVersion, LoadedList, Rule

__all__ = [
    "SCHEMATA",
    "Address",
    "Entity",
    "Identifier",
    "ListVersion",
    "LoadedList",
    "Name",
    "NameKind",
    "Rule",
]
