"""The review workflow's Python API (what the CLI, and later the HTTP API, call): stored runs, the review queue,
decisions, the audit trail, list history and diffs, and delta re-screening."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from threadline import settings
from threadline.evidence.attach import EvidenceIndex
from threadline.evidence.model import Link
from threadline.exc import ReviewError
from threadline.review import audit, decisions
from threadline.review.apply import DecisionBook
from threadline.review.recording import EntryPrints, begin_run
from threadline.review.rescreen import RescreenResult, rescreen
from threadline.screening.screen import ScreenResult
from threadline.store import ListStore
from threadline.store.db import connect
from threadline.store.evidence import load_index, save_links
from threadline.store.runs import RunWriter, StoredHit, StoredRun, get_hit, get_run, list_runs, row_result, run_hits
from threadline.store.versions import ListDiff, StoredVersion, diff, get_version, history, load_version, register


def engine() -> Engine:
    return connect(settings.database_url())


class RunRecorder:
    """Keeps one screening run in the database while it streams, with decisions applied to its hits."""

    def __init__(self, writer: RunWriter, book: DecisionBook) -> None:
        self.writer = writer
        self.book = book
        self.prints = EntryPrints()

    @classmethod
    def start(cls, store: ListStore, input_path: Path, used: dict[str, Any], activate: bool = True) -> RunRecorder:
        """``activate``: the lists are the current ones (not an earlier run's), so they become the active versions."""
        db = engine()
        user = settings.user()
        writer, _versions = begin_run(db, store, input_path=input_path, settings=used, user=user, activate=activate)
        with db.begin() as conn:
            book = DecisionBook(conn)
        return cls(writer, book)

    def add(self, item: ScreenResult, result: dict[str, Any]) -> dict[str, Any]:
        """Store one row (``result``: ``item`` as a JSON record, evidence attached); returns it with decisions."""
        fps = {(h.entity.source, h.entity.entry_id): self.prints.of(h.entity) for h in item.hits}
        record = self.book.annotate(result, fps)
        self.writer.add(record, fps)
        return record

    def finish(self, summary: dict[str, Any]) -> str:
        return self.writer.finish(summary)

    def fail(self, error: BaseException) -> None:
        self.writer.fail(f"{type(error).__name__}: {error}")


def runs(include_incomplete: bool = False) -> list[StoredRun]:
    with engine().begin() as conn:
        return list_runs(conn, include_incomplete)


def run(ident: str | None = None) -> StoredRun:
    with engine().begin() as conn:
        return get_run(conn, ident)


@dataclass(slots=True)
class QueueItem:
    hit: StoredHit
    record: dict[str, Any]
    result: dict[str, Any]
    status: decisions.HitStatus

    def to_dict(self) -> dict[str, Any]:
        return {
            "hit": self.hit.id,
            "run": self.hit.run_id,
            "row": self.hit.row,
            "input": self.record,
            "source": self.hit.source,
            "entry_id": self.hit.entry_id,
            "name": self.hit.name,
            "score": self.hit.score,
            "explanation": self.hit.explanation,
            "evidence": self.evidence(),
            **self.status.to_dict(),
        }

    def evidence(self) -> list[dict[str, Any]]:
        """The documents that mention this hit's list entry, as stored with the run's row."""
        for hit in self.result.get("hits", ()):
            if (hit["source"], hit["entry_id"]) == (self.hit.source, self.hit.entry_id):
                return list(hit.get("evidence", ()))
        return []


def queue(run_id: str | None = None, include_decided: bool = False) -> Iterator[QueueItem]:
    """The hits of a run (default: the latest) that need a reviewer: never decided, waiting for a second reviewer,
    or decided before but changed since. ``include_decided`` lists every hit."""
    db = engine()
    with db.begin() as conn:
        base = get_run(conn, run_id)
        found = run_hits(conn, base.id)
    for hit in found:
        with db.begin() as conn:
            result = row_result(conn, hit.run_id, hit.row)
            state = decisions.status(conn, hit, result["input"])
        if include_decided or state.status != "decided":
            yield QueueItem(hit, result["input"], result, state)


def decide(
    hit_id: int,
    decision: str,
    reason: str,
    *,
    evidence: str | None = None,
    user: str | None = None,
    expected: Any = decisions.UNCHECKED,
) -> decisions.Decision:
    with engine().begin() as conn:
        hit = get_hit(conn, hit_id)
        return decisions.decide(
            conn,
            hit,
            decision,
            reason,
            user or settings.user(),
            evidence=evidence,
            four_eyes=settings.four_eyes(),
            expected=expected,
        )


def confirm(hit_id: int, reason: str = "", user: str | None = None) -> decisions.Decision:
    with engine().begin() as conn:
        return decisions.confirm(conn, get_hit(conn, hit_id), reason, user or settings.user())


def hit_history(hit_id: int) -> list[decisions.Decision]:
    with engine().begin() as conn:
        hit = get_hit(conn, hit_id)
        return decisions.history(conn, hit.record_key, hit.source, hit.entry_id)


def audit_rows(since: str | None = None, action: str | None = None) -> Iterator[audit.AuditRow]:
    with engine().begin() as conn:
        yield from audit.rows(conn, since, action)


def register_lists(store: ListStore) -> dict[str, StoredVersion]:
    """Record the loaded list versions (new ones are stored, each source's becomes active)."""
    with engine().begin() as conn:
        return register(conn, store.versions, store.entities, settings.user(), audit.now(), store.rules)


def list_history(source: str | None = None) -> list[StoredVersion]:
    with engine().begin() as conn:
        return history(conn, source)


def list_diff(source: str, old_id: int | None = None, new_id: int | None = None) -> ListDiff:
    """The diff of one list between two stored versions (default: the previous and the active one)."""
    with engine().begin() as conn:
        versions = history(conn, source)
        if not versions:
            raise ReviewError(f"no stored versions of {source!r}; `threadline lists --history` shows what is stored")
        ids = [v.id for v in versions]
        active = next((v.id for v in versions if v.active), ids[-1])
        new = new_id if new_id is not None else active
        if new not in ids or (old_id is not None and old_id not in ids):
            raise ReviewError(f"{source}: version ids are {ids}; pick two of them")
        old = old_id if old_id is not None else max((i for i in ids if i < new), default=None)
        return diff(conn, old, new)


def store_links(links: list[Link]) -> int:
    """Keep evidence links in the database; returns how many were new."""
    with engine().begin() as conn:
        added, _known = save_links(conn, links, settings.user(), audit.now())
    return added


def stored_evidence() -> EvidenceIndex:
    with engine().begin() as conn:
        return load_index(conn)


def lists_of_run(ident: str) -> tuple[str, ListStore]:
    """The exact list versions (entries and rules) a stored run used, rebuilt from the database."""
    with engine().begin() as conn:
        found = get_run(conn, ident)
        store = ListStore()
        for item in found.manifest["lists"]:
            stored = get_version(conn, item["version_id"])
            if stored is None:
                raise ReviewError(f"run {found.id}: list version #{item['version_id']} is not in the database")
            entities, rules = load_version(conn, stored.id)
            store.versions.append(stored.to_list_version())
            store.entities.extend(entities)
            store.rules.extend(rules)
    return found.id, store


def rescreen_latest(store: ListStore, base: str | None = None) -> RescreenResult:
    return rescreen(engine(), store, user=settings.user(), base_id=base)
