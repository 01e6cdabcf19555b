"""One name against the active lists (``threadline match``), importing only what that needs.

``threadline.service`` imports every part of threadline (readers, reports, the database); a single look-up needs
the matcher and the persisted index only, which is what keeps a cold ``threadline match`` near a second even on a
million-entity list: the index is mapped, not rebuilt, and entries are decoded only for the hits.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from threadline.exc import ConfigError
from threadline.matching.model import Hit, Query
from threadline.matching.persisted import open_index
from threadline.matching.simple import SimpleMatcher
from threadline.model import SCHEMATA
from threadline.model.countries import to_iso2

DEFAULT_MATCH_FLOOR = 0.70


@lru_cache(maxsize=4)
def active_matcher(ftm: tuple[Path, ...] = ()) -> SimpleMatcher:
    """The matcher over the snapshot's lists plus ``ftm``, read from the persisted index (built and kept when it
    is missing or stale, said once on stderr)."""
    return SimpleMatcher((), index=open_index(ftm))


def check_schema(schema: str | None) -> str | None:
    if schema is None:
        return None
    for known in SCHEMATA:
        if known.lower() == schema.lower():
            return known
    raise ConfigError(f"unknown schema {schema!r}; use one of {', '.join(SCHEMATA)}")


def check_country(country: str | None) -> str | None:
    if country is None:
        return None
    code = to_iso2(country)
    if code is None:
        raise ConfigError(f"unknown country {country!r}; use a country name or ISO 3166 alpha-2 code, e.g. CN")
    return code


def match_name(
    name: str,
    *,
    schema: str | None = None,
    country: str | None = None,
    limit: int = 10,
    threshold: float | None = None,
    ftm: tuple[Path, ...] = (),
) -> list[Hit]:
    if not name.strip():
        raise ConfigError("empty name; pass the name to look up, e.g. threadline match 'Hoshine Silicon'")
    query = Query(name, check_schema(schema), check_country(country))
    floor = DEFAULT_MATCH_FLOOR if threshold is None else threshold
    return active_matcher(ftm).match(query, limit=limit, threshold=floor)
