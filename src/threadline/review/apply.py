"""Carry reviewers' decisions into a run's results: each hit says whether a decision applies to it, and a row whose
every hit was dismissed (``no_match``, still valid) no longer counts as ``listed``."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select

from threadline.review.keys import record_changes, record_fingerprint, record_key
from threadline.screening.screen import risk_level
from threadline.store.tables import decisions


class DecisionBook:
    """The current decision of every (record, entry), loaded once per run."""

    def __init__(self, conn: Connection) -> None:
        latest = (
            select(func.max(decisions.c.id))
            .group_by(decisions.c.record_key, decisions.c.source, decisions.c.entry_id)
            .scalar_subquery()
        )
        query = select(decisions).where(decisions.c.id.in_(latest))
        self._current = {(row.record_key, row.source, row.entry_id): row for row in conn.execute(query)}

    def __len__(self) -> int:
        return len(self._current)

    def annotate(self, result: dict[str, Any], entry_fps: dict[tuple[str, str], str]) -> dict[str, Any]:
        """``result`` with a ``review`` object on each hit that has a decision, and the row's risk recomputed."""
        if not self._current or not result["hits"]:
            return result
        record = result["input"]
        key, fp = record_key(record), record_fingerprint(record)
        hits = []
        dismissed = 0
        for hit in result["hits"]:
            row = self._current.get((key, hit["source"], hit["entry_id"]))
            if row is None:
                hits.append(hit)
                continue
            review: dict[str, Any] = {
                "decision": row.decision,
                "state": row.state,
                "reason": row.reason,
                "user": row.username,
                "decided_at": row.decided_at,
            }
            changed = []
            if row.record_fp != fp:
                changed.append("record: " + ", ".join(record_changes(json.loads(row.record), record)))
            if row.entry_fp != entry_fps.get((hit["source"], hit["entry_id"])):
                changed.append("list entry")
            if changed:
                review["status"] = "changed"
                review["changed"] = changed
            else:
                review["status"] = "pending" if row.state == "pending" else "decided"
                dismissed += row.decision == "no_match"
            hits.append({**hit, "review": review})
        listed = dismissed < len(hits)
        region, sector = result.get("region") or {}, result.get("sector") or {}
        risk = risk_level(listed, region.get("in_xinjiang") is True, sector.get("flagged") is True)
        return {**result, "hits": hits, "risk": risk}
