"""The audit trail: one row per action (who, when, what, before and after), appended and never changed.

The database itself refuses UPDATE and DELETE on the table (triggers created by the first migration), so the
guarantee does not rest on this module being the only writer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from threadline.store.tables import audit


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp with microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_action(
    conn: Connection,
    user: str,
    action: str,
    subject: str,
    before: Any = None,
    after: Any = None,
    at: str | None = None,
) -> None:
    """Append one audit row in the caller's transaction (so the action and its record commit together)."""
    conn.execute(
        audit.insert().values(
            at=at or now(), username=user, action=action, subject=subject, before=_dump(before), after=_dump(after)
        )
    )


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: str
    user: str
    action: str
    subject: str
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "user": self.user,
            "action": self.action,
            "subject": self.subject,
            "before": self.before,
            "after": self.after,
        }


def rows(conn: Connection, since: str | None = None, action: str | None = None) -> Iterator[AuditRow]:
    """Audit rows in the order they were written, optionally from ``since`` (ISO time) or of one ``action``."""
    query = select(audit).order_by(audit.c.id)
    if since:
        query = query.where(audit.c.at >= since)
    if action:
        query = query.where(audit.c.action == action)
    for row in conn.execute(query):
        yield AuditRow(
            row.id,
            row.at,
            row.username,
            row.action,
            row.subject,
            json.loads(row.before) if row.before is not None else None,
            json.loads(row.after) if row.after is not None else None,
        )
