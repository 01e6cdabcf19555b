"""Screening runs in the database: a manifest, each row's result and each hit, written in batches.

A run is ``running`` until its last row is written and then ``complete`` in one final transaction; listings,
reviews and re-screens only see complete runs, so a crash half-way leaves nothing half-written in view (the
``running`` row stays, for ``threadline runs --all`` and the audit trail to explain).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from threadline.exc import ReviewError
from threadline.review.audit import now, record_action
from threadline.review.keys import record_fingerprint, record_key
from threadline.store.tables import hits, run_rows, runs

BATCH = 1_000


@dataclass(frozen=True, slots=True)
class StoredRun:
    id: str
    kind: str
    parent_id: str | None
    status: str
    user: str
    started_at: str
    finished_at: str | None
    input_path: str
    input_sha256: str
    manifest: dict[str, Any]
    summary: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "parent_id": self.parent_id,
            "status": self.status,
            "user": self.user,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "input_path": self.input_path,
            "input_sha256": self.input_sha256,
            "manifest": self.manifest,
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class StoredHit:
    id: int
    run_id: str
    row: int
    record_key: str
    record_fp: str
    source: str
    entry_id: str
    entry_fp: str
    name: str
    score: float
    explanation: str


def _run(row: Any) -> StoredRun:
    return StoredRun(
        row.id,
        row.kind,
        row.parent_id,
        row.status,
        row.username,
        row.started_at,
        row.finished_at,
        row.input_path,
        row.input_sha256,
        json.loads(row.manifest),
        json.loads(row.summary) if row.summary else None,
    )


def _hit(row: Any) -> StoredHit:
    return StoredHit(
        row.id,
        row.run_id,
        row.row,
        row.record_key,
        row.record_fp,
        row.source,
        row.entry_id,
        row.entry_fp,
        row.name,
        row.score,
        row.explanation,
    )


class RunWriter:
    """Write one run: :meth:`add` each row's result (with the fingerprint of each hit's entry), then :meth:`finish`.

    Rows are committed in batches of :data:`BATCH` so reviewers are not locked out during a long run."""

    def __init__(
        self,
        engine: Engine,
        *,
        kind: str,
        input_path: str,
        input_sha256: str,
        manifest: dict[str, Any],
        user: str,
        parent_id: str | None = None,
    ) -> None:
        self.engine = engine
        self.user = user
        self.id = uuid.uuid4().hex[:12]
        self._rows: list[dict[str, Any]] = []
        self._hits: list[dict[str, Any]] = []
        with engine.begin() as conn:
            conn.execute(
                runs.insert().values(
                    id=self.id,
                    kind=kind,
                    parent_id=parent_id,
                    status="running",
                    username=user,
                    started_at=manifest.get("started_at") or now(),
                    input_path=input_path,
                    input_sha256=input_sha256,
                    manifest=json.dumps(manifest, ensure_ascii=False, sort_keys=True),
                )
            )
            what = {"kind": kind, "input": input_path, "input_sha256": input_sha256, "parent": parent_id}
            record_action(conn, user, "run-start", f"run {self.id}", after=what)

    def add(self, result: dict[str, Any], entry_fps: dict[tuple[str, str], str]) -> None:
        """``result`` is one ``screen`` JSON record; ``entry_fps`` gives the fingerprint of each hit's entry."""
        record = result["input"]
        key, fp = record_key(record), record_fingerprint(record)
        self._rows.append(
            {
                "run_id": self.id,
                "row": result["row"],
                "record_key": key,
                "record_fp": fp,
                "risk": result["risk"],
                "result": json.dumps(result, ensure_ascii=False),
            }
        )
        for hit in result["hits"]:
            self._hits.append(
                {
                    "run_id": self.id,
                    "row": result["row"],
                    "record_key": key,
                    "record_fp": fp,
                    "source": hit["source"],
                    "entry_id": hit["entry_id"],
                    "entry_fp": entry_fps[(hit["source"], hit["entry_id"])],
                    "name": hit["name"],
                    "score": hit["score"],
                    "explanation": hit["explanation"],
                }
            )
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        with self.engine.begin() as conn:
            conn.execute(run_rows.insert(), self._rows)
            if self._hits:
                conn.execute(hits.insert(), self._hits)
        self._rows, self._hits = [], []

    def finish(self, summary: dict[str, Any]) -> str:
        self._flush()
        at = now()
        with self.engine.begin() as conn:
            conn.execute(
                update(runs)
                .where(runs.c.id == self.id)
                .values(status="complete", finished_at=at, summary=json.dumps(summary, sort_keys=True))
            )
            record_action(conn, self.user, "run-complete", f"run {self.id}", after=summary, at=at)
        return self.id

    def fail(self, reason: str) -> None:
        """Mark the run failed (its rows stay invisible) and say why in the audit trail."""
        at = now()
        with self.engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.id == self.id).values(status="failed", finished_at=at))
            record_action(conn, self.user, "run-failed", f"run {self.id}", after={"reason": reason}, at=at)


def list_runs(conn: Connection, include_incomplete: bool = False) -> list[StoredRun]:
    query = select(runs).order_by(runs.c.started_at, runs.c.id)
    if not include_incomplete:
        query = query.where(runs.c.status == "complete")
    return [_run(row) for row in conn.execute(query)]


def get_run(conn: Connection, ident: str | None = None) -> StoredRun:
    """The complete run ``ident`` (a unique prefix will do), or the latest complete run when ``ident`` is None."""
    query = select(runs).where(runs.c.status == "complete")
    if ident is None:
        row = conn.execute(query.order_by(runs.c.finished_at.desc(), runs.c.id.desc()).limit(1)).first()
        if row is None:
            raise ReviewError("no complete screening run yet; run `threadline screen FILE` first")
        return _run(row)
    found = conn.execute(query.where(runs.c.id.startswith(ident, autoescape=True))).all()
    if len(found) != 1:
        what = "no complete run" if not found else f"{len(found)} runs"
        raise ReviewError(f"{what} with id {ident!r}; `threadline runs` lists them")
    return _run(found[0])


def iter_rows(engine: Engine, run_id: str, page: int = BATCH) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(record key, record fingerprint, result) of each row of a run, in row order, read a page per transaction
    (so a long read never holds the database while the caller writes)."""
    last = -1
    while True:
        query = (
            select(run_rows.c.row, run_rows.c.record_key, run_rows.c.record_fp, run_rows.c.result)
            .where(run_rows.c.run_id == run_id, run_rows.c.row > last)
            .order_by(run_rows.c.row)
            .limit(page)
        )
        with engine.begin() as conn:
            batch = conn.execute(query).all()
        if not batch:
            return
        for _row, key, fp, result in batch:
            yield key, fp, json.loads(result)
        last = batch[-1][0]


def row_result(conn: Connection, run_id: str, row: int) -> dict[str, Any]:
    result = conn.scalar(select(run_rows.c.result).where(run_rows.c.run_id == run_id, run_rows.c.row == row))
    if result is None:
        raise ReviewError(f"run {run_id} has no row {row}")
    data: dict[str, Any] = json.loads(result)
    return data


def run_hits(conn: Connection, run_id: str) -> list[StoredHit]:
    query = select(hits).where(hits.c.run_id == run_id).order_by(hits.c.row, hits.c.score.desc(), hits.c.id)
    return [_hit(row) for row in conn.execute(query)]


def get_hit(conn: Connection, hit_id: int) -> StoredHit:
    query = select(hits).join(runs, runs.c.id == hits.c.run_id).where(hits.c.id == hit_id, runs.c.status == "complete")
    row = conn.execute(query).first()
    if row is None:
        raise ReviewError(f"no hit #{hit_id}; `threadline review --list` shows the hits of the latest run")
    return _hit(row)
