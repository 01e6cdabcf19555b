"""The Python API: what the CLI (and later the HTTP API) calls. One function per user action."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from threadline import settings
from threadline.evidence.attach import EvidenceIndex, attach, read_links
from threadline.exc import BadRowError, ConfigError
from threadline.lookup import active_matcher
from threadline.lookup import check_country as _check_country
from threadline.lookup import match_name as match_name  # the API's look-up; the CLI imports it from lookup (faster)
from threadline.matching.simple import RELATED_LIMIT, SimpleMatcher
from threadline.model import ListVersion, Rule
from threadline.review.api import RunRecorder, store_links, stored_evidence
from threadline.risk.goods import GoodsIndex
from threadline.risk.region import locate
from threadline.screening.encoding import detect_encoding
from threadline.screening.parallel import ParallelScreen, workers_for
from threadline.screening.reader import SkippedRow, open_rows
from threadline.screening.screen import (
    HIT_LIMIT,
    RELATED_FLOOR,
    RISK_ORDER,
    Encoded,
    ScreenResult,
    Summary,
    flagged,
    record_line,
)
from threadline.store import ListStore, snapshot
from threadline.store.evidence import merge as merge_evidence

if TYPE_CHECKING:  # imported where used: screening (the CLI's longest run) starts without them
    from threadline.evidence.link import Linker
    from threadline.evidence.run import EvidenceSummary
    from threadline.graph.trace import TraceResult
    from threadline.matching.pairs import Quality

BYTES_PER_ROW = 100
"""A rough size of one supplier row, to guess from the file size whether a second process pays off."""


@lru_cache(maxsize=4)
def default_store(ftm: tuple[Path, ...] = ()) -> ListStore:
    """The lists of the configured snapshot, plus any FollowTheMoney files or folders, loaded once per process."""
    store = ListStore.from_snapshot(settings.snapshot_dir())
    if ftm:
        from threadline.sources.ftm import load_ftm_file, load_ftm_folder
    for path in ftm:
        extra = ListStore.from_lists(load_ftm_folder(path) if path.is_dir() else [load_ftm_file(path)])
        store.versions.extend(extra.versions)
        store.entities.extend(extra.entities)
    return store


@lru_cache(maxsize=1)
def snapshot_rules() -> tuple[Rule, ...]:
    """The rules of the snapshot's lists (the DOL goods list, CBP's findings), in :func:`default_store`'s order,
    read without the entities of the lists that have none: a screening run that is not recorded needs nothing else
    from the store (the matcher reads the persisted index), and decoding the 36,000 entities was 3 s of its
    start-up."""
    if default_store.cache_info().currsize:
        return tuple(default_store().rules)  # loaded already (a database run, a report): nothing to read
    folder = settings.snapshot_dir()
    with_rules = [version.source for version in snapshot.read_versions(folder) if version.rule_count]
    return tuple(ListStore.from_snapshot(folder, with_rules).rules)


default_matcher = active_matcher
"""The matcher over the lists of :func:`default_store`, from the persisted candidate index (``threadline.lookup``)."""


def list_versions(data_dir: Path | None = None, ftm: tuple[Path, ...] = ()) -> list[ListVersion]:
    if data_dir is None:
        return list(default_store(ftm).versions)
    from threadline.sources import registry
    from threadline.sources.ftm import load_ftm_file, load_ftm_folder

    lists = registry.load_all(data_dir)
    for path in ftm:
        lists.extend(load_ftm_folder(path) if path.is_dir() else [load_ftm_file(path)])
    return [loaded.version for loaded in lists]


def build_snapshot(data_dir: Path, target: Path) -> list[ListVersion]:
    """Load every embeddable list from ``data_dir`` and write the snapshot at ``target`` atomically."""
    from threadline.sources import registry
    from threadline.store.snapshot import write_snapshot

    ids = [spec.id for spec in registry.SOURCES.values() if spec.embeddable]
    lists = registry.load_all(data_dir, ids)
    write_snapshot(lists, target)
    return [loaded.version for loaded in lists]


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
    from threadline.matching.pairs import PairScore, average_precision, quality, read_pairs, score_pair

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
        self,
        path: Path,
        overrides: dict[str, str],
        threshold: float | None = None,
        ftm: tuple[Path, ...] = (),
        workers: int | None = None,
    ) -> None:
        self.path = path
        self.workers = workers if workers is not None else settings.workers()
        self.ftm = ftm
        self.threshold = settings.match_threshold() if threshold is None else threshold
        self.source = open_rows(path, overrides)
        self.columns = self.source.columns
        self.encoding = self.source.encoding
        self.summary = Summary()
        self.flagged: list[dict[str, Any]] = []
        self.flagged_total = 0
        self.run_id: str | None = None
        self.lists: tuple[ListStore, SimpleMatcher] | None = None
        """Lists other than the configured ones (:meth:`use_lists_of_run`)."""
        self.lists_of_run: str | None = None
        self.evidence: EvidenceIndex = {}
        """Links of ``threadline evidence`` by list entry, shown with the hits: those stored in the database, plus
        a links file (:meth:`use_evidence`)."""

    def use_lists_of_run(self, run_id: str) -> str:
        """Screen against exactly the list versions an earlier run used (kept in the database); returns its id."""
        from threadline.review.api import lists_of_run

        found, store = lists_of_run(run_id)
        self.lists = (store, SimpleMatcher(store.entities))
        self.lists_of_run = found
        return found

    def _lists(self) -> tuple[ListStore, SimpleMatcher]:
        return self.lists or (default_store(self.ftm), default_matcher(self.ftm))

    def use_evidence(self, links: Path) -> None:
        """Attach the links of a ``threadline evidence`` output file to the hits of their list entries."""
        self.evidence = read_links(links)

    def _account(self, item: ScreenResult | SkippedRow, recorder: RunRecorder | None) -> dict[str, Any] | None:
        if isinstance(item, SkippedRow):
            self.summary.add(item)
            return None
        record = item.to_dict()
        if self.evidence:
            attach(record, self.evidence)
        if recorder is not None:
            record = recorder.add(item, record)
        self.summary.add(item, record["risk"])
        if flagged(record["risk"], bool(item.related)):
            self.flagged_total += 1
            if len(self.flagged) < 5_000:
                self.flagged.append(record)
        return record

    def _account_line(self, item: Encoded | SkippedRow, out: TextIO) -> None:
        """:meth:`_account` for a row's line as a worker encoded it (its record is read back only to be kept
        for the report)."""
        if isinstance(item, SkippedRow):
            self.summary.add(item)
            return
        self.summary.add(item, item.risk)
        if flagged(item.risk, item.related):
            self.flagged_total += 1
            if len(self.flagged) < 5_000:
                self.flagged.append(json.loads(item.line))
        out.write(item.line)

    def execute(self, out: TextIO, progress_console: Console | None = None, record: bool = True) -> Summary:
        """Stream one JSON line per screened row to ``out``; skipped rows are counted, not written. ``record``:
        keep the run in the database (manifest, rows, hits), with reviewers' decisions applied to its hits."""
        settings_used: dict[str, Any] = {
            "threshold": self.threshold,
            "limit": HIT_LIMIT,
            "related": {"floor": RELATED_FLOOR, "limit": RELATED_LIMIT},
            "columns": self.columns.describe(),
        }
        if self.lists is not None:
            settings_used["lists_of_run"] = self.lists_of_run
        recorder = None
        if record or self.lists is not None:
            store, matcher = self._lists()
            goods = GoodsIndex(store.rules)
            if record:
                recorder = RunRecorder.start(store, self.path, settings_used, self.lists is None)
        else:  # the snapshot's lists and any FtM files, not recorded: the snapshot's rules are all that is needed
            # besides the index (an FtM file has entities only). Loading the store as well decoded every entity of
            # the FtM files in the parent before the workers started: 1M entities, about 30 s on one core.
            matcher, goods = default_matcher(self.ftm), GoodsIndex(list(snapshot_rules()))
        self.evidence = merge_evidence(stored_evidence(), self.evidence)
        size = self.path.stat().st_size if self.path.is_file() else None
        workers = workers_for(self.workers, None if size is None else size // BYTES_PER_ROW)
        try:
            with ParallelScreen(matcher, self.threshold, goods, workers) as pool:
                self._stream(out, progress_console, pool, recorder)
        except BaseException as error:
            if recorder is not None:
                recorder.fail(error)
            raise
        if recorder is not None:
            self.run_id = recorder.finish(self.summary.to_dict())
        return self.summary

    def _stream(
        self,
        out: TextIO,
        progress_console: Console | None,
        pool: ParallelScreen,
        recorder: RunRecorder | None,
    ) -> None:
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
            if recorder is None and not self.evidence:  # nothing is added to a row's record: the workers encode it
                for line in pool.lines(self.source.rows):
                    self._account_line(line, out)
                    progress.advance(task)
                return
            for item in pool.screen(self.source.rows):
                record = self._account(item, recorder)
                if record is not None:
                    out.write(record_line(record))
                progress.advance(task)

    def skipped_preview(self, limit: int = 10) -> list[str]:
        lines = [f"{self.path}:row {s.row}: {s.reason}" for s in self.summary.skipped[:limit]]
        if len(self.summary.skipped) > limit:
            lines.append(f"... and {len(self.summary.skipped) - limit} more skipped rows")
        return lines

    def write_report(self, path: Path) -> None:
        from threadline.reports.html import write_screen_report

        write_screen_report(
            path,
            input_path=self.path,
            summary=self.summary.to_dict(),
            flagged=sorted(self.flagged, key=lambda r: (RISK_ORDER.index(r["risk"]), r["row"])),
            flagged_total=self.flagged_total,
            skipped=[{"row": s.row, "reason": s.reason} for s in self.summary.skipped],
            versions=list(self._lists()[0].versions),
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
    from threadline.graph.trace import run_trace

    floor = settings.match_threshold() if threshold is None else threshold
    return run_trace(paths, default_matcher(ftm), floor, roots, fuzzy, max_paths)


@lru_cache(maxsize=2)
def default_linker(ftm: tuple[Path, ...] = ()) -> Linker:
    """Every name form of every loaded list entry in one automaton, with the matcher for Chinese names."""
    from threadline.evidence.link import Linker
    from threadline.evidence.mentions import MentionIndex

    return Linker(MentionIndex(default_store(ftm).entities, default_matcher(ftm)))


def evidence_documents(
    paths: list[Path],
    out: TextIO,
    threshold: float | None = None,
    places: bool = True,
    ftm: tuple[Path, ...] = (),
    record: bool = True,
) -> EvidenceSummary:
    """``threadline evidence``: one JSON line per linked mention of every readable document; a document that cannot
    be read is reported in the summary's errors and the others still run. ``record``: keep the links in the
    database, beside their list entries, so screens and reviews show them with the hits."""
    if not paths:
        raise ConfigError("no documents; pass text, HTML or PDF files, e.g. threadline evidence report.pdf")
    from threadline.evidence.link import DEFAULT_THRESHOLD as DEFAULT_EVIDENCE_THRESHOLD
    from threadline.evidence.run import EvidenceSummary, link_documents

    summary = EvidenceSummary()
    linker = default_linker(ftm)
    floor = DEFAULT_EVIDENCE_THRESHOLD if threshold is None else threshold
    found = []
    for link in link_documents(paths, linker, summary, floor, places):
        out.write(json.dumps(link.to_dict(), ensure_ascii=False) + "\n")
        found.append(link)
    if record and found:
        summary.stored = store_links(found)
    return summary
