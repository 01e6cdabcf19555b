"""The Python API: what the CLI (and later the HTTP API) calls. One function per user action."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from threadline import settings
from threadline.exc import BadRowError, ConfigError
from threadline.graph.trace import TraceResult, run_trace
from threadline.matching.model import Hit, Query
from threadline.matching.pairs import PairScore, Quality, average_precision, quality, read_pairs, score_pair
from threadline.matching.simple import SimpleMatcher
from threadline.model import SCHEMATA, ListVersion
from threadline.model.countries import to_iso2
from threadline.reports.html import write_screen_report
from threadline.risk.goods import GoodsIndex
from threadline.risk.region import locate
from threadline.screening.encoding import detect_encoding
from threadline.screening.reader import SkippedRow, open_rows
from threadline.screening.screen import RISK_ORDER, ScreenResult, Summary, screen
from threadline.sources import registry
from threadline.sources.ftm import load_ftm_file, load_ftm_folder
from threadline.store import ListStore
from threadline.store.snapshot import write_snapshot

DEFAULT_MATCH_FLOOR = 0.70


@lru_cache(maxsize=4)
def default_store(ftm: tuple[Path, ...] = ()) -> ListStore:
    """The lists of the configured snapshot, plus any FollowTheMoney files or folders, loaded once per process."""
    store = ListStore.from_snapshot(settings.snapshot_dir())
    for path in ftm:
        extra = ListStore.from_lists(load_ftm_folder(path) if path.is_dir() else [load_ftm_file(path)])
        store.versions.extend(extra.versions)
        store.entities.extend(extra.entities)
    return store


@lru_cache(maxsize=4)
def default_matcher(ftm: tuple[Path, ...] = ()) -> SimpleMatcher:
    return SimpleMatcher(default_store(ftm).entities)


def list_versions(data_dir: Path | None = None, ftm: tuple[Path, ...] = ()) -> list[ListVersion]:
    if data_dir is None:
        return list(default_store(ftm).versions)
    lists = registry.load_all(data_dir)
    for path in ftm:
        lists.extend(load_ftm_folder(path) if path.is_dir() else [load_ftm_file(path)])
    return [loaded.version for loaded in lists]


def build_snapshot(data_dir: Path, target: Path) -> list[ListVersion]:
    """Load every embeddable list from ``data_dir`` and write the snapshot at ``target`` atomically."""
    ids = [spec.id for spec in registry.SOURCES.values() if spec.embeddable]
    lists = registry.load_all(data_dir, ids)
    write_snapshot(lists, target)
    return [loaded.version for loaded in lists]


def _check_schema(schema: str | None) -> str | None:
    if schema is None:
        return None
    for known in SCHEMATA:
        if known.lower() == schema.lower():
            return known
    raise ConfigError(f"unknown schema {schema!r}; use one of {', '.join(SCHEMATA)}")


def _check_country(country: str | None) -> str | None:
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
    query = Query(name, _check_schema(schema), _check_country(country))
    floor = DEFAULT_MATCH_FLOOR if threshold is None else threshold
    return default_matcher(ftm).match(query, limit=limit, threshold=floor)


def locate_addresses(target: str, country: str | None = None) -> Iterator[dict[str, object]]:
    """``threadline locate``: ``target`` is an address, or the path of a text file with one address per line."""
    code = _check_country(country)
    path = Path(target)
    if path.is_file():
        encoding = detect_encoding(path)
        with path.open(encoding=encoding) as handle:
            lines = [line.strip() for line in handle]
        addresses: Iterable[str] = (line for line in lines if line)
    else:
        addresses = [target]
    for address in addresses:
        result = locate(address, country=code)
        yield {"input": address, **result.to_dict()}


@dataclass(slots=True)
class PairsResult:
    scored: int
    skipped: list[str]
    threshold: float
    quality: Quality
    average_precision: float


def score_pairs_file(path: Path, out: TextIO, threshold: float | None = None) -> PairsResult:
    """Score every pair of a labelled pairs file, writing ``{id, score, match}`` lines to ``out``."""
    limit = settings.match_threshold() if threshold is None else threshold
    matcher = SimpleMatcher([])
    scores: list[PairScore] = []
    skipped: list[str] = []
    for line, record, raw in read_pairs(path):
        if record is None:
            skipped.append(f"{path}:{line}: not a JSON object: {raw.strip()[:60]!r}")
            continue
        try:
            result = score_pair(matcher, record, line, limit)
        except BadRowError as error:
            skipped.append(f"{path}:{error}")
            continue
        scores.append(result)
        out.write(json.dumps(result.to_dict()) + "\n")
    return PairsResult(len(scores), skipped, limit, quality(scores), average_precision(scores))


class ScreenRun:
    """One screening of one file: open it (columns and encoding detected), stream results, summarise."""

    def __init__(
        self, path: Path, overrides: dict[str, str], threshold: float | None = None, ftm: tuple[Path, ...] = ()
    ) -> None:
        self.path = path
        self.ftm = ftm
        self.threshold = settings.match_threshold() if threshold is None else threshold
        self.source = open_rows(path, overrides)
        self.columns = self.source.columns
        self.encoding = self.source.encoding
        self.summary = Summary()
        self.flagged: list[dict[str, Any]] = []
        self.flagged_total = 0

    def _account(self, item: ScreenResult | SkippedRow) -> dict[str, Any] | None:
        self.summary.add(item)
        if isinstance(item, SkippedRow):
            return None
        record = item.to_dict()
        if item.risk != "clean":
            self.flagged_total += 1
            if len(self.flagged) < 5_000:
                self.flagged.append(record)
        return record

    def execute(self, out: TextIO, progress_console: Console | None = None) -> Summary:
        """Stream one JSON line per screened row to ``out``; skipped rows are counted, not written."""
        matcher = default_matcher(self.ftm)
        goods = GoodsIndex(default_store(self.ftm).rules)
        with Progress(
            TextColumn("screening"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=progress_console,
            transient=True,
            disable=progress_console is None,
        ) as progress:
            task = progress.add_task("rows", total=None)
            for item in screen(self.source.rows, matcher, self.threshold, goods):
                record = self._account(item)
                if record is not None:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                progress.advance(task)
        return self.summary

    def skipped_preview(self, limit: int = 10) -> list[str]:
        lines = [f"{self.path}:row {s.row}: {s.reason}" for s in self.summary.skipped[:limit]]
        if len(self.summary.skipped) > limit:
            lines.append(f"... and {len(self.summary.skipped) - limit} more skipped rows")
        return lines

    def write_report(self, path: Path) -> None:
        write_screen_report(
            path,
            input_path=self.path,
            summary=self.summary.to_dict(),
            flagged=sorted(self.flagged, key=lambda r: (RISK_ORDER.index(r["risk"]), r["row"])),
            flagged_total=self.flagged_total,
            skipped=[{"row": s.row, "reason": s.reason} for s in self.summary.skipped],
            versions=list(default_store(self.ftm).versions),
            threshold=self.threshold,
        )


EXAMPLE_TRACE_DIR = settings.RESOURCES_DIR / "examples" / "trace"


def example_trace_files() -> list[Path]:
    """The bundled illustrative supply and ownership files (``threadline trace --example``)."""
    return sorted(EXAMPLE_TRACE_DIR.glob("*.csv"))


def trace_files(
    paths: list[Path],
    roots: list[str] | None = None,
    threshold: float | None = None,
    fuzzy: bool = True,
    max_paths: int = 5,
    ftm: tuple[Path, ...] = (),
) -> TraceResult:
    """``threadline trace``: the graph, exposures, ownership verdicts and gaps of some relation files."""
    floor = settings.match_threshold() if threshold is None else threshold
    return run_trace(paths, default_matcher(ftm), floor, roots, fuzzy, max_paths)
