"""Evidence links in the database: kept beside the list entry they name, so every later screen and review shows
them with the hit. Storing the same mention of the same document again changes nothing."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, select

from threadline.evidence.attach import EvidenceIndex
from threadline.evidence.model import Link
from threadline.review.audit import record_action
from threadline.store.tables import evidence_links


def save_links(conn: Connection, links: Iterable[Link], user: str, now: str) -> tuple[int, int]:
    """Store ``links`` not stored before; returns (added, already known). One audit row per document."""
    added = known = 0
    per_document: dict[str, list[str]] = defaultdict(list)
    for link in links:
        sha = link.doc_sha256 or ""
        exists = conn.execute(
            select(evidence_links.c.id).where(
                evidence_links.c.doc_sha256 == sha,
                evidence_links.c.source == link.source,
                evidence_links.c.entry_id == link.entry_id,
                evidence_links.c.start == link.start,
            )
        ).first()
        if exists is not None:
            known += 1
            continue
        conn.execute(
            evidence_links.insert().values(
                source=link.source,
                entry_id=link.entry_id,
                kind=link.kind,
                doc_sha256=sha,
                start=link.start,
                file=link.file,
                title=link.title,
                date=link.date,
                score=link.score,
                link=json.dumps(link.to_dict(), ensure_ascii=False, sort_keys=True),
                added_at=now,
                username=user,
            )
        )
        added += 1
        per_document[f"{link.file} (sha256 {sha[:12]})"].append(f"{link.source}:{link.entry_id}")
    for document, entries in per_document.items():
        record_action(conn, user, "evidence-add", document, after={"links": entries}, at=now)
    return added, known


def load_index(conn: Connection) -> EvidenceIndex:
    """Every stored entity link, by ``(source, entry_id)``, best score first."""
    found: EvidenceIndex = defaultdict(list)
    query = select(evidence_links.c.link).where(evidence_links.c.kind == "entity")
    for (data,) in conn.execute(query):
        link = Link.from_dict(json.loads(data))
        found[link.key].append(link)
    for items in found.values():
        items.sort(key=lambda link: (-link.score, link.date or "", link.file, link.start))
    return dict(found)


def merge(*indexes: EvidenceIndex) -> EvidenceIndex:
    """One index from several (stored links and a links file), each mention once."""
    merged: dict[tuple[str, str], dict[tuple[str, str, int], Link]] = defaultdict(dict)
    for index in indexes:
        for key, links in index.items():
            for link in links:
                merged[key].setdefault((link.doc_sha256 or link.file, link.matched_name or "", link.start), link)
    return {
        key: sorted(links.values(), key=lambda link: (-link.score, link.date or "", link.file, link.start))
        for key, links in merged.items()
    }
