"""One name scored against one list entry that has a single name, as ``threadline pairs`` scores a labelled pair."""

from __future__ import annotations

from threadline.matching.model import Hit, Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name


def compare(name: str, list_name: str, schema: str | None, entry_schema: str) -> Hit | None:
    """The hit of the query ``name`` (of ``schema``, ``None`` for any) against an entry of ``entry_schema`` named
    ``list_name``, or ``None``."""
    return SimpleMatcher([]).compare(Query(name, schema), Entity("t", "1", entry_schema, (Name(list_name),)))
