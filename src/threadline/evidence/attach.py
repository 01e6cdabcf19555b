"""Show evidence with a hit: read links from JSON lines and attach those of a hit's list entry to it.

A hit (``{"source", "entry_id", ...}``) whose entry has links gets ``"evidence"``: one item per link, best first,
each with the line a reviewer reads (``"text"``: "mentioned in <title>, <date>: <quote>") and where it comes from.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from threadline.evidence.model import Link, render
from threadline.exc import InputFileError

MAX_PER_HIT = 5
"""Links shown per hit, best score first; the rest stay in the links file."""

EvidenceIndex = dict[tuple[str, str], list[Link]]


def read_links(path: Path) -> EvidenceIndex:
    """The entity links of a ``threadline evidence`` output file, by ``(source, entry_id)``."""
    if not path.is_file():
        raise InputFileError(f"{path}: links file not found; create it with threadline evidence DOC... --out {path}")
    found: EvidenceIndex = defaultdict(list)
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                link = Link.from_dict(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                raise InputFileError(
                    f"{path}:{number}: not a threadline evidence link; pass the --out file of threadline evidence"
                ) from None
            if link.kind == "entity":
                found[link.key].append(link)
    for links in found.values():
        links.sort(key=lambda link: (-link.score, link.date or "", link.file, link.start))
    return dict(found)


def evidence_for(source: str, entry_id: str, index: EvidenceIndex) -> list[dict[str, Any]]:
    """The evidence items of one list entry (empty when it has none)."""
    return [
        {
            "text": render(link),
            "file": link.file,
            "title": link.title,
            "date": link.date,
            "page": link.page,
            "quote": link.quote,
            "mention": link.mention,
            "score": link.score,
            "doc_sha256": link.doc_sha256,
        }
        for link in index.get((source, entry_id), [])[:MAX_PER_HIT]
    ]


def attach(record: dict[str, Any], index: EvidenceIndex) -> dict[str, Any]:
    """Add ``"evidence"`` to each hit of a screening record whose entry has links (in place; returns it)."""
    for hit in record.get("hits", ()):
        items = evidence_for(str(hit.get("source")), str(hit.get("entry_id")), index)
        if items:
            hit["evidence"] = items
    return record
