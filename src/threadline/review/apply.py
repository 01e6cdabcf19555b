"""Carry reviewers' decisions into a run's results: each hit says whether a decision applies to it, and a row whose
every hit was dismissed (``no_match``, still valid) no longer counts as ``listed``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from threadline.review.decisions import from_row, standing
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
        self._current = {(row.record_key, row.source, row.entry_id): from_row(row) for row in conn.execute(query)}

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
            made = self._current.get((key, hit["source"], hit["entry_id"]))
            if made is None:
                hits.append(hit)
                continue
            verdict, sides = standing(made, fp, entry_fps.get((hit["source"], hit["entry_id"])))
            review: dict[str, Any] = {
                "decision": made.decision,
                "state": made.state,
                "reason": made.reason,
                "user": made.user,
                "decided_at": made.decided_at,
                "status": verdict,
            }
            if sides:
                review["changed"] = [
                    "record: " + ", ".join(record_changes(made.record, record)) if side == "record" else "list entry"
                    for side in sides
                ]
            dismissed += verdict == "decided" and made.decision == "no_match"
            hits.append({**hit, "review": review})
        listed = dismissed < len(hits)
        region, sector = result.get("region") or {}, result.get("sector") or {}
        risk = risk_level(listed, region.get("in_xinjiang") is True, sector.get("flagged") is True)
        return {**result, "hits": hits, "risk": risk}
