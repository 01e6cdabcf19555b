"""Xinjiang places named in a document, found with the gazetteer of :mod:`threadline.risk.gazetteer`.

A strong name (the region, a prefecture, a city, an XPCC division or regiment, a full county name) always counts;
a weak one (a county's short name, a township; many are also places or words elsewhere) counts only when the same
document names a Xinjiang place by a strong name too. Street names (新疆路, "Kashgar Road") are left out by the
gazetteer itself.
"""

from __future__ import annotations

from threadline.evidence.model import PLACE_SOURCE, Document, Link
from threadline.evidence.text import quote
from threadline.risk.gazetteer import find, xinjiang_table

STRONG_SCORE = 0.95
WEAK_SCORE = 0.85


def place_links(document: Document) -> list[Link]:
    mentions = find(document.text, xinjiang_table())
    anchored = any(m.strong for m in mentions)
    links: list[Link] = []
    for m in mentions:
        if not m.strong and not anchored:
            continue
        strength = "strong" if m.strong else "weak (the document also names a Xinjiang place by a strong name)"
        reason = f"Xinjiang {m.place.level.replace('_', ' ')} {m.place.label} [{m.place.adcode}], {strength} name"
        links.append(
            Link(
                file=document.file,
                mention=m.text,
                start=m.start,
                end=m.start + len(m.text),
                source=PLACE_SOURCE,
                entry_id=m.place.adcode,
                name=m.place.label,
                score=STRONG_SCORE if m.strong else WEAK_SCORE,
                reason=reason,
                quote=quote(document.text, m.start, m.start + len(m.text)),
                kind="place",
                page=document.page_of(m.start),
                title=document.title,
                date=document.date,
                doc_sha256=document.sha256,
            )
        )
    return links
