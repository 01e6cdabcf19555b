"""Helpers every loader shares: file fingerprints, dates, slugs, safe XML, CSV reading."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET

from threadline.exc import SourceError


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(path: Path) -> tuple[str, str]:
    """``(file name, sha256)`` for a list file, for ``ListVersion.files``."""
    return (path.name, sha256_file(path))


def require_file(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise SourceError(f"{path}: list file not found; put the publisher's file there or pass another --data-dir")
    return path


def find_one(folder: Path, pattern: str) -> Path:
    """The single file in ``folder`` matching a glob (e.g. ``consolidated_*.xml``); newest name wins."""
    matches = sorted(folder.glob(pattern))
    if not matches:
        raise SourceError(f"{folder}: no file matching {pattern!r}; download the list into this folder")
    return matches[-1]


def date_from_name(path: Path) -> str | None:
    """The ``YYYY-MM-DD`` date embedded in a file name, if any."""
    found = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
    return found.group(1) if found else None


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%m/%d/%Y", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%d %B %Y")


def parse_date(value: str | None) -> str | None:
    """Parse the date forms lists use into ISO ``YYYY-MM-DD``; a bare year stays ``YYYY``; else ``None``.

    Slashed dates are read month first (US lists); dashed day-first dates are UK style (``06-07-2020``).
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text):
        return text
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def slugify(text: str) -> str:
    """A stable id from a listed name, for lists that have no identifiers of their own (e.g. UFLPA)."""
    slug = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")
    return slug[:80] or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def parse_xml(path: Path) -> Any:
    """Parse an XML list file safely (no entity expansion, no external DTDs); returns the root element."""
    try:
        return SafeET.parse(str(path)).getroot()
    except SafeET.ParseError as error:
        raise SourceError(f"{path}: malformed XML ({error}); re-download the file from the publisher") from None
    except Exception as error:  # defusedxml raises its own classes for forbidden constructs
        raise SourceError(f"{path}: unsafe or unreadable XML ({error}); re-download the file") from None


def read_json(path: Path, expected: str) -> Any:
    """Parse a JSON list file; ``expected`` says what it should be, for the error message."""
    try:
        return json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"{path}: not {expected} ({error}); re-download the file from the publisher") from None


def read_json_records(path: Path, key: str, expected: str) -> tuple[dict[str, Any], list[Any]]:
    """A JSON document ``{..., key: [records]}``: returns the document and its records."""
    data = read_json(path, expected)
    records = data.get(key) if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise SourceError(f"{path}: not {expected}: no {key!r} array at the top level; re-download the file")
    return data, records


def read_csv_dicts(path: Path, encoding: str = "utf-8-sig") -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` from a CSV file with a header row."""
    try:
        with path.open(encoding=encoding, newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                yield number, {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: not valid {encoding} ({error}); save the file as UTF-8") from None
