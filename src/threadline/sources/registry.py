"""The registry of list formats: source id -> where its files live and which function loads them.

A loader is ``load(folder: Path) -> LoadedList``: it reads the files of one list from ``folder`` (a folder laid
out like ``../shared/data/<folder>``), and raises :class:`~threadline.exc.SourceError` naming the file, row and
value when the file is unusable. A bad *row* is reported in ``ListVersion.notes`` and skipped; it never stops
the rest of the list.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from threadline.exc import SourceError
from threadline.model import LoadedList

Loader = Callable[[Path], LoadedList]


@dataclass(frozen=True, slots=True)
class SourceSpec:
    id: str
    title: str
    folder: str
    """Sub-folder of the data directory holding this list's files."""
    loader: str
    """``module:function`` of the loader, imported on first use so start-up stays fast."""
    embeddable: bool = True
    """False for data whose licence forbids shipping it in the package (tests only)."""

    def load(self, data_dir: Path) -> LoadedList:
        module_name, _, func_name = self.loader.partition(":")
        func: Loader = getattr(importlib.import_module(module_name), func_name)
        folder = data_dir / self.folder
        if not folder.is_dir():
            raise SourceError(f"{folder}: folder for list {self.id!r} not found; check --data-dir")
        return func(folder)


SOURCES: dict[str, SourceSpec] = {
    spec.id: spec
    for spec in (
        SourceSpec(
            "ofac-sdn", "US OFAC Specially Designated Nationals", "ofac-sdn", "threadline.sources.ofac_sdn:load"
        ),
        SourceSpec(
            "ofac-cons",
            "US OFAC Consolidated (non-SDN) list",
            "ofac-consolidated-non-sdn",
            "threadline.sources.ofac_cons:load",
        ),
        SourceSpec("uk", "UK Sanctions List (FCDO)", "uk-sanctions-list", "threadline.sources.uk:load"),
        SourceSpec(
            "eu",
            "EU consolidated financial sanctions (derived)",
            "eu-consolidated-derived",
            "threadline.sources.eu:load",
        ),
        SourceSpec("un", "UN Security Council consolidated list", "un-sc-consolidated", "threadline.sources.un:load"),
        SourceSpec("us-uflpa", "US DHS UFLPA Entity List", "us-dhs-uflpa", "threadline.sources.uflpa:load"),
        SourceSpec("us-bis", "US Commerce BIS Entity List", "us-bis-entity-list", "threadline.sources.bis:load"),
        SourceSpec(
            "us-cbp-wro", "US CBP Withhold Release Orders and Findings", "us-cbp-wro", "threadline.sources.cbp_wro:load"
        ),
        SourceSpec(
            "us-dol-goods",
            "US DOL List of Goods Produced by Child Labor or Forced Labor",
            "us-dol-tvpra-goods",
            "threadline.sources.dol_goods:load",
        ),
    )
}
"""The official lists, in display order. FollowTheMoney files are loaded by :mod:`threadline.sources.ftm`;
their source id is the dataset name."""


def get(source_id: str) -> SourceSpec:
    try:
        return SOURCES[source_id]
    except KeyError:
        known = ", ".join(SOURCES)
        raise SourceError(f"unknown list {source_id!r}; use one of: {known}") from None


def load_all(data_dir: Path, ids: list[str] | None = None) -> list[LoadedList]:
    """Load every registered list (or ``ids``) from ``data_dir``. Any failure aborts: callers keep old data."""
    return [get(source_id).load(data_dir) for source_id in (ids or list(SOURCES))]
