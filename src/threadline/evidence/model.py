"""Value objects of the evidence pipeline: a read document, a mention found in it, and a link to a list entry.

Links are plain frozen records that round-trip through JSON lines (``to_dict`` / ``from_dict``), so a store can
keep them beside the list entry they point to.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

PLACE_SOURCE = "xinjiang-gazetteer"
"""The ``source`` of a place mention: ``entry_id`` is then the place's adcode."""


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one document and what is known about it."""

    file: str
    text: str
    sha256: str
    """Of the file's bytes, as read."""
    kind: str
    """``text``, ``html`` or ``pdf``."""
    title: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD) when the document gives one."""
    page_starts: tuple[int, ...] = ()
    """For PDFs: the offset in ``text`` where each page begins (page 1 first)."""

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or ``None`` for documents without pages."""
        if not self.page_starts:
            return None
        return bisect_right(self.page_starts, offset)


@dataclass(frozen=True, slots=True)
class Link:
    """A mention in a document linked to a list entry (or, with ``kind="place"``, to a Xinjiang place)."""

    file: str
    mention: str
    """The text as written in the document."""
    start: int
    end: int
    """Character offsets of the mention in the document's extracted text."""
    source: str
    entry_id: str
    name: str
    """The entry's display name."""
    score: float
    reason: str
    quote: str
    """The sentence around the mention."""
    kind: str = "entity"
    """``entity`` (a list entry) or ``place`` (a Xinjiang place from the gazetteer)."""
    schema: str | None = None
    matched_name: str | None = None
    """The list name (alias) the mention was found by."""
    page: int | None = None
    title: str | None = None
    date: str | None = None
    doc_sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "entry_id": self.entry_id,
            "name": self.name,
            "score": round(self.score, 3),
            "kind": self.kind,
            "schema": self.schema,
            "matched_name": self.matched_name,
            "reason": self.reason,
            "quote": self.quote,
            "page": self.page,
            "title": self.title,
            "date": self.date,
            "doc_sha256": self.doc_sha256,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(
            file=str(data["file"]),
            mention=str(data["mention"]),
            start=int(data["start"]),
            end=int(data["end"]),
            source=str(data["source"]),
            entry_id=str(data["entry_id"]),
            name=str(data["name"]),
            score=float(data["score"]),
            reason=str(data.get("reason") or ""),
            quote=str(data.get("quote") or data["mention"]),
            kind=str(data.get("kind") or "entity"),
            schema=data.get("schema"),
            matched_name=data.get("matched_name"),
            page=data.get("page"),
            title=data.get("title"),
            date=data.get("date"),
            doc_sha256=data.get("doc_sha256"),
        )

    @property
    def key(self) -> tuple[str, str]:
        """``(source, entry_id)``: the list entry this link is evidence for."""
        return (self.source, self.entry_id)


def render(link: Link | dict[str, Any]) -> str:
    """One line a reviewer reads beside a hit: ``mentioned in <title>, <date>: <quote>``.

    The file name stands in for a missing title, "undated" for a missing date, and the page is added for PDFs."""
    data = link.to_dict() if isinstance(link, Link) else link
    where = data.get("title") or data.get("file") or "a document"
    if data.get("page"):
        where = f"{where} (p. {data['page']})"
    return f"mentioned in {where}, {data.get('date') or 'undated'}: {data.get('quote') or data.get('mention')}"
