"""Read a document into text: plain text (any common encoding), HTML (boilerplate removed by trafilatura, title
and date from its metadata) and PDF (the text layer, page by page, with the offset where each page starts).

Every failure is an :class:`~threadline.exc.InputFileError` naming the file and the fix; the caller skips that
document and goes on with the others.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from threadline.evidence.model import Document
from threadline.exc import InputFileError
from threadline.screening.encoding import detect_encoding

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
PAGE_BREAK = "\n\n"
"""Put between the pages of a PDF (sentences never run across it)."""
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_ZH_DATE = re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
DATE_LOOKAHEAD = 600
"""A plain-text document's date is looked for in its first characters only (the dateline)."""


def read_document(path: Path) -> Document:
    """Read one document; the format is told by its first bytes (``%PDF``, an HTML tag) or its suffix."""
    if not path.exists():
        raise InputFileError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder; pass the documents inside it (e.g. {path}/*)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputFileError(f"{path}: cannot read ({error.strerror}); check its permissions") from None
    if not data.strip():
        raise InputFileError(f"{path}: the file is empty; pass a text, HTML or PDF document")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF"):
        return _read_pdf(path, digest)
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data[:1024]):
        return _read_html(path, data, digest)
    return _read_text(path, digest)


def _read_text(path: Path, digest: str) -> Document:
    encoding = detect_encoding(path)
    try:
        text = path.read_text(encoding=encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputFileError(f"{path}: not readable as {encoding} text; save it as UTF-8 and try again") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head = text.lstrip()[:DATE_LOOKAHEAD]
    first = head.split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 200 else None
    return Document(str(path), text, digest, "text", title, find_date(head))


def _read_html(path: Path, data: bytes, digest: str) -> Document:
    import trafilatura  # imported here: it loads lxml and a date parser, which plain text does not need

    html = data.decode(_html_encoding(path, data), errors="replace")
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    body = str(getattr(extracted, "text", "") or "") if extracted is not None else ""
    if not body.strip():
        raise InputFileError(f"{path}: no article text found in the HTML; save the article page itself, not an index")
    title = _clean(getattr(extracted, "title", None))
    date = _clean(getattr(extracted, "date", None))
    text = body if title is None or body.lstrip().startswith(title) else f"{title}\n\n{body}"
    return Document(str(path), text, digest, "html", title, date[:10] if date else find_date(text[:DATE_LOOKAHEAD]))


def _html_encoding(path: Path, data: bytes) -> str:
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        return "gb18030" if name in {"gbk", "gb2312", "gb18030"} else name
    return detect_encoding(path)


def _read_pdf(path: Path, digest: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputFileError(f"{path}: the PDF is password-protected; save an unprotected copy and try again")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        metadata = reader.metadata
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise InputFileError(f"{path}: not a readable PDF ({error}); re-save or re-export it as PDF") from None
    if not any(pages):
        raise InputFileError(f"{path}: the PDF has no text layer (a scan?); run OCR on it first, e.g. ocrmypdf")
    starts: list[int] = []
    text = ""
    for page in pages:
        starts.append(len(text) + (len(PAGE_BREAK) if text else 0))
        text = f"{text}{PAGE_BREAK}{page}" if text else page
    starts[0] = 0
    title = _clean(metadata.title) if metadata is not None else None
    date = _pdf_date(metadata.creation_date if metadata is not None else None)
    return Document(str(path), text, digest, "pdf", title, date or find_date(text[:DATE_LOOKAHEAD]), tuple(starts))


def _pdf_date(value: Any) -> str | None:
    return value.date().isoformat() if isinstance(value, datetime) else None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def find_date(text: str) -> str | None:
    """The first date written in ``text`` as ISO ``YYYY-MM-DD`` (2024-03-12, 12 March 2024, March 12, 2024,
    2024年3月12日), or ``None``."""
    found: list[tuple[int, str]] = []
    for match in _ISO_DATE.finditer(text):
        found.append((match.start(), _iso(match.group(1), match.group(2), match.group(3))))
    for match in _ZH_DATE.finditer(text):
        found.append((match.start(), _iso(match.group(1), match.group(2), match.group(3))))
    for match in _DAY_MONTH.finditer(text):
        found.append((match.start(), _iso(match.group(3), _month(match.group(2)), match.group(1))))
    for match in _MONTH_DAY.finditer(text):
        found.append((match.start(), _iso(match.group(3), _month(match.group(1)), match.group(2))))
    valid = sorted((pos, iso) for pos, iso in found if iso)
    return valid[0][1] if valid else None


def _month(name: str) -> str:
    months = _MONTHS.split("|")
    index = months.index(name.lower())
    return str(index + 1 if index < 12 else [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][index - 12])


def _iso(year: str, month: str, day: str) -> str:
    try:
        return datetime(int(year), int(month), int(day)).date().isoformat()
    except ValueError:
        return ""
