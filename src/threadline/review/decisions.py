"""Reviewers' decisions on hits: recorded with a reason, reapplied while nothing changed, and checked in four-eyes
mode.

A decision is filed under the supplier record (its key and fingerprint) and the list entry (source, entry id and
fingerprint). Decisions are only ever inserted: the newest for a record and entry is the current one, and every
earlier one stays in the table and in the audit trail. A later run's hit takes the current decision when both
fingerprints are unchanged; otherwise it comes back for review, saying what changed on which side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from threadline.exc import ReviewError
from threadline.review.audit import now, record_action
from threadline.review.keys import record_changes
from threadline.store.runs import StoredHit, row_result
from threadline.store.tables import decisions
from threadline.store.versions import field_changes, load_records

DECISIONS = ("match", "no_match", "unsure")


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    record_key: str
    record_fp: str
    source: str
    entry_id: str
    entry_fp: str
    decision: str
    state: str
    """``final``, or ``pending`` (a match waiting for a second reviewer in four-eyes mode)."""
    reason: str
    evidence: str | None
    user: str
    decided_at: str
    record: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision": self.decision,
            "state": self.state,
            "reason": self.reason,
            "evidence": self.evidence,
            "user": self.user,
            "decided_at": self.decided_at,
            "source": self.source,
            "entry_id": self.entry_id,
        }


def from_row(row: Any) -> Decision:
    return Decision(
        row.id,
        row.record_key,
        row.record_fp,
        row.source,
        row.entry_id,
        row.entry_fp,
        row.decision,
        row.state,
        row.reason,
        row.evidence,
        row.username,
        row.decided_at,
        json.loads(row.record),
    )


def current(conn: Connection, record_key: str, source: str, entry_id: str) -> Decision | None:
    """The newest decision on this record and entry, whatever the run."""
    query = (
        select(decisions)
        .where(decisions.c.record_key == record_key, decisions.c.source == source, decisions.c.entry_id == entry_id)
        .order_by(decisions.c.id.desc())
        .limit(1)
    )
    row = conn.execute(query).first()
    return None if row is None else from_row(row)


def history(conn: Connection, record_key: str, source: str, entry_id: str) -> list[Decision]:
    query = (
        select(decisions)
        .where(decisions.c.record_key == record_key, decisions.c.source == source, decisions.c.entry_id == entry_id)
        .order_by(decisions.c.id)
    )
    return [from_row(row) for row in conn.execute(query)]


UNCHECKED: Any = object()
"""``expected`` when the caller does not say which decision it was shown (no check for one made meanwhile)."""


def decide(
    conn: Connection,
    hit: StoredHit,
    decision: str,
    reason: str,
    user: str,
    *,
    evidence: str | None = None,
    four_eyes: bool = False,
    expected: Any = UNCHECKED,
) -> Decision:
    """Record ``user``'s decision on ``hit``. ``expected``: the id of the decision the reviewer was shown (None
    when there was none); when someone else decided in the meantime the call is refused, not silently overruled."""
    if decision not in DECISIONS:
        raise ReviewError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    if not reason.strip():
        raise ReviewError("a decision needs a reason; say why, e.g. --reason 'different company, same trade name'")
    before = current(conn, hit.record_key, hit.source, hit.entry_id)
    if expected is not UNCHECKED and (before.id if before else None) != expected:
        assert before is not None
        raise ReviewError(
            f"hit #{hit.id} was decided meanwhile by {before.user} at {before.decided_at} ({before.decision}); "
            "look at it again before deciding"
        )
    state = "pending" if four_eyes and decision == "match" else "final"
    return _insert(conn, hit, decision, state, reason, evidence, user, "decide", before)


def confirm(conn: Connection, hit: StoredHit, reason: str, user: str) -> Decision:
    """Four-eyes: a second reviewer confirms a pending match."""
    before = current(conn, hit.record_key, hit.source, hit.entry_id)
    if before is None or before.state != "pending":
        raise ReviewError(f"hit #{hit.id} has no match waiting for confirmation")
    if before.user == user:
        raise ReviewError(f"hit #{hit.id}: {user} proposed this match; a different reviewer must confirm it")
    text = reason.strip() or f"confirms the match proposed by {before.user}"
    return _insert(conn, hit, "match", "final", text, before.evidence, user, "confirm", before)


def _insert(
    conn: Connection,
    hit: StoredHit,
    decision: str,
    state: str,
    reason: str,
    evidence: str | None,
    user: str,
    action: str,
    before: Decision | None,
) -> Decision:
    record = row_result(conn, hit.run_id, hit.row)["input"]
    at = now()
    inserted = conn.execute(
        decisions.insert().values(
            record_key=hit.record_key,
            record_fp=hit.record_fp,
            source=hit.source,
            entry_id=hit.entry_id,
            entry_fp=hit.entry_fp,
            hit_id=hit.id,
            decision=decision,
            state=state,
            reason=reason.strip(),
            evidence=evidence,
            username=user,
            decided_at=at,
            record=json.dumps(record, ensure_ascii=False, sort_keys=True),
        )
    ).inserted_primary_key
    assert inserted is not None
    new_id = inserted[0]
    made = from_row(conn.execute(select(decisions).where(decisions.c.id == new_id)).one())
    subject = f"hit #{hit.id} (run {hit.run_id}, row {hit.row}): {record.get('name')!r} vs {hit.source}:{hit.entry_id}"
    record_action(conn, user, action, subject, before=before.to_dict() if before else None, after=made.to_dict(), at=at)
    return made


@dataclass(slots=True)
class HitStatus:
    """Where a hit stands: ``open`` (never decided), ``decided`` (a decision applies), ``pending`` (a match awaits
    confirmation) or ``changed`` (decided before, but the record or the entry changed since)."""

    status: str
    decision: Decision | None = None
    changed: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status}
        if self.decision is not None:
            data["decision"] = self.decision.to_dict()
        if self.changed:
            data["changed"] = self.changed
        return data


def status(conn: Connection, hit: StoredHit, record: dict[str, Any] | None = None) -> HitStatus:
    """Whether the current decision still applies to ``hit`` (``record``: the hit's input row, if at hand)."""
    made = current(conn, hit.record_key, hit.source, hit.entry_id)
    if made is None:
        return HitStatus("open")
    verdict, sides = standing(made, hit.record_fp, hit.entry_fp)
    changed: dict[str, Any] = {}
    if "record" in sides:
        now_record = record if record is not None else row_result(conn, hit.run_id, hit.row)["input"]
        changed["record"] = record_changes(made.record, now_record)
    if "entry" in sides:
        entries = load_records(conn, [made.entry_fp, hit.entry_fp])
        old, new = entries.get(made.entry_fp), entries.get(hit.entry_fp)
        changed["entry"] = field_changes(old.to_dict(), new.to_dict()) if old and new else {"entry": {}}
    return HitStatus(verdict, made, changed)


def standing(made: Decision, record_fp: str, entry_fp: str | None) -> tuple[str, list[str]]:
    """Whether ``made`` still applies to a hit with these fingerprints: ``decided`` or ``pending`` (a match awaiting
    confirmation) when neither side changed, else ``changed`` and which sides did (``record``, ``entry``)."""
    sides = [side for side, was, now in (("record", made.record_fp, record_fp), ("entry", made.entry_fp, entry_fp))
             if was != now]  # fmt: skip
    if sides:
        return "changed", sides
    return ("pending" if made.state == "pending" else "decided"), []
