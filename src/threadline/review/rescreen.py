"""Delta re-screening: after a list update, screen again only what the list diff can affect.

For each list whose active version differs from the base run's, the diff gives the entries added, removed and
changed. A row's hits on removed or changed entries are dropped, and the row's name is matched against an index
of only the added and changed entries (a few dozen names, not the whole list), so the work grows with the diff,
not with the lists. Region and sector results do not depend on the name lists and are kept, except that a change
to a list of rules (DOL goods, CBP orders) re-derives every row's sector. The result is a new complete run (kind
``rescreen``) whose rows equal what a full screen would give, plus the hits that are new, changed or resolved.

A row's related parties (list entries it is a unit or group member of, reported apart from its hits) are carried
the same way: those on removed or changed entries dropped, the added and changed entries asked for more.

One limit, stated rather than hidden: a row keeps at most ``limit`` hits (and three related parties), so an entry
that a full screen would rank just below the fifth hit can stay out until another run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from threadline.matching.identifiers import row_identifiers
from threadline.matching.model import Query
from threadline.matching.simple import RELATED_LIMIT, SimpleMatcher
from threadline.model import Entity
from threadline.model.countries import to_iso2
from threadline.review.recording import EntryPrints, begin_run
from threadline.risk.goods import GoodsIndex
from threadline.risk.sector import classify
from threadline.screening.screen import HIT_LIMIT, RELATED_FLOOR, RISK_ORDER, risk_level, row_country
from threadline.store import ListStore
from threadline.store.runs import StoredRun, get_run, iter_rows, run_hits
from threadline.store.versions import ListDiff, diff, get_version


@dataclass(slots=True)
class RescreenResult:
    run_id: str
    base_id: str
    diffs: list[ListDiff]
    rows: int = 0
    rows_changed: int = 0
    new: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    resolved: list[dict[str, Any]] = field(default_factory=list)
    by_risk: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "base_run": self.base_id,
            "rows": self.rows,
            "rows_changed": self.rows_changed,
            "by_risk": {risk: self.by_risk.get(risk, 0) for risk in RISK_ORDER},
            "lists": [
                {
                    "source": d.source,
                    "from": d.old.version if d.old else None,
                    "to": d.new.version,
                    "added": len(d.added),
                    "removed": len(d.removed),
                    "changed": len(d.changed),
                }
                for d in self.diffs
            ],
            "hits": {"new": len(self.new), "changed": len(self.changed), "resolved": len(self.resolved)},
        }


def list_diffs(engine: Engine, base: StoredRun, active: dict[str, int]) -> list[ListDiff]:
    """The diff of every list whose version differs from the base run's (a list no longer loaded: all removed)."""
    old = {item["source"]: item["version_id"] for item in base.manifest["lists"]}
    with engine.begin() as conn:
        diffs = [diff(conn, old.get(source), vid) for source, vid in sorted(active.items()) if old.get(source) != vid]
        dropped = {source for source in old if source not in active}
        for source in sorted(dropped):  # a list no longer loaded: every entry of it is gone
            version = get_version(conn, old[source])
            assert version is not None
            gone = diff(conn, None, version.id)
            diffs.append(ListDiff(source, version, version, removed=gone.added))
    return diffs


def rescreen(
    engine: Engine,
    store: ListStore,
    *,
    user: str,
    base_id: str | None = None,
) -> RescreenResult:
    """Re-screen the base run (default: the latest complete run) against the lists now loaded, with the base run's
    threshold (a delta of that run; a different threshold needs a full screen)."""
    with engine.begin() as conn:
        base = get_run(conn, base_id)
        base_hits = {(h.row, h.source, h.entry_id): h.entry_fp for h in run_hits(conn, base.id)}
    threshold = float(base.manifest["matcher"]["threshold"])
    writer, stored = begin_run(
        engine,
        store,
        input_path=Path(base.input_path),
        input_sha256=base.input_sha256,
        settings={"threshold": threshold, "limit": HIT_LIMIT, "base_run": base.id},
        user=user,
        kind="rescreen",
        parent_id=base.id,
    )
    try:
        diffs = list_diffs(engine, base, {s: v.id for s, v in stored.items()})
        result = RescreenResult(writer.id, base.id, diffs)
        gone = {(d.source, e.entry_id) for d in diffs for e in d.removed} | {
            (d.source, c.entry_id) for d in diffs for c in d.changed
        }
        fresh: list[Entity] = [e for d in diffs for e in d.added] + [c.new for d in diffs for c in d.changed]
        matcher = SimpleMatcher(fresh) if fresh else None
        rules_changed = any(any(d.rules.values()) for d in diffs)
        goods = GoodsIndex(store.rules) if rules_changed else None
        prints = EntryPrints()
        for record in _rows(engine, base.id):
            row = record["row"]
            old_hits = record["hits"]
            kept = [h for h in old_hits if (h["source"], h["entry_id"]) not in gone]
            fps = {(h["source"], h["entry_id"]): base_hits[(row, h["source"], h["entry_id"])] for h in kept}
            added: list[dict[str, Any]] = []
            related = [h for h in record.get("related", ()) if (h["source"], h["entry_id"]) not in gone]
            if matcher is not None:
                query = Query(
                    record["input"]["name"],
                    country=to_iso2(record["input"].get("country") or ""),
                    identifiers=row_identifiers(record["input"].get("registration_id")),
                )
                for hit in matcher.match(query, limit=HIT_LIMIT, threshold=threshold):
                    if hit.relation != "related":  # a related hit is no match (see screening.screen.assess)
                        added.append(hit.to_dict())
                        fps[(hit.entity.source, hit.entity.entry_id)] = prints.of(hit.entity)
                related += [hit.to_dict() for hit in matcher.related(query, limit=RELATED_LIMIT, floor=RELATED_FLOOR)]
            hits = _ranked(kept + added, HIT_LIMIT)
            matched = {(h["source"], h["entry_id"]) for h in hits}
            related = _ranked([h for h in related if (h["source"], h["entry_id"]) not in matched], RELATED_LIMIT)
            new_record = dict(record, hits=hits, related=related)
            if goods is not None:
                new_record["sector"] = _sector(record, goods)
            new_record["risk"] = risk_level(
                bool(hits), new_record["region"].get("in_xinjiang") is True, new_record["sector"].get("flagged") is True
            )
            result.rows_changed += _compare(result, record, new_record, gone)
            writer.add(new_record, fps)
            result.rows += 1
            result.by_risk[new_record["risk"]] = result.by_risk.get(new_record["risk"], 0) + 1
        writer.finish(result.summary())
    except BaseException as error:
        writer.fail(f"{type(error).__name__}: {error}")
        raise
    return result


def _ranked(hits: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The ``limit`` best of some hits' records, one per list entry, as the matcher ranks hits."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for hit in sorted(hits, key=lambda h: (-h["score"], h["source"], h["entry_id"])):
        best.setdefault((hit["source"], hit["entry_id"]), hit)
    return list(best.values())[:limit]


def _rows(engine: Engine, run_id: str) -> Iterator[dict[str, Any]]:
    for _key, _fp, record in iter_rows(engine, run_id):
        yield record


def _sector(record: dict[str, Any], goods: GoodsIndex) -> dict[str, Any]:
    data = record["input"]
    region = record["region"]
    country = row_country(to_iso2(data.get("country") or ""), region.get("in_xinjiang"), region.get("signal"))
    return classify(data.get("product"), data.get("hs_code"), country=country, goods=goods).to_dict()


def _compare(result: RescreenResult, old: dict[str, Any], new: dict[str, Any], gone: set[tuple[str, str]]) -> bool:
    """Record the row's new, changed and resolved hits; True when there was any."""
    counts = len(result.new) + len(result.changed) + len(result.resolved)
    before = {(h["source"], h["entry_id"]): h for h in old["hits"]}
    after = {(h["source"], h["entry_id"]): h for h in new["hits"]}
    base = {"row": new["row"], "name": new["input"]["name"]}
    for ident, hit in after.items():
        if ident not in before:
            result.new.append({**base, "hit": hit})
        elif ident in gone or before[ident]["score"] != hit["score"]:
            result.changed.append({**base, "hit": hit, "before": before[ident]})
    for ident, hit in before.items():
        if ident not in after:
            result.resolved.append({**base, "hit": hit})
    return len(result.new) + len(result.changed) + len(result.resolved) > counts
