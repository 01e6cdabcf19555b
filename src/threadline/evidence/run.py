"""Evidence for a batch of documents: read each, link its mentions, report unreadable files without losing the
others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from threadline.evidence.documents import read_document
from threadline.evidence.link import DEFAULT_THRESHOLD, Linker
from threadline.evidence.model import Document, Link
from threadline.evidence.places import place_links
from threadline.exc import InputFileError


@dataclass(slots=True)
class EvidenceSummary:
    documents: int = 0
    links: int = 0
    places: int = 0
    errors: list[str] = field(default_factory=list)
    """One line per document that could not be read: the file and the fix."""
    stored: int = 0
    """Links new to the database (the others were stored by an earlier run on the same document)."""


def link_document(document: Document, linker: Linker, threshold: float = DEFAULT_THRESHOLD,
                  places: bool = True) -> list[Link]:  # fmt: skip
    """Entity links and (with ``places``) Xinjiang place mentions of one document, in reading order."""
    links = linker.link(document, threshold)
    if places:
        links += [p for p in place_links(document) if p.score >= threshold]
    return sorted(links, key=lambda link: (link.start, link.kind, -link.score, link.source, link.entry_id))


def link_documents(
    paths: Iterable[Path], linker: Linker, summary: EvidenceSummary, threshold: float = DEFAULT_THRESHOLD,
    places: bool = True,
) -> Iterator[Link]:  # fmt: skip
    """Links of every readable document, streamed; a file that cannot be read is noted in ``summary``."""
    for path in paths:
        try:
            document = read_document(path)
        except InputFileError as error:
            summary.errors.append(str(error))
            continue
        summary.documents += 1
        for link in link_document(document, linker, threshold, places):
            if link.kind == "place":
                summary.places += 1
            else:
                summary.links += 1
            yield link
