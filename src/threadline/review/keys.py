"""Which supplier record a result is about, and whether it changed: the keys decisions are filed under.

``record_key`` names the record across runs: the file's own supplier id when it has one (``record_id`` column),
else the normalised name and country. ``record_fingerprint`` changes whenever anything screened about the record
changes (name, address, country, product, HS code, registration number), which sends its decisions back to review.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

FINGERPRINT_FIELDS = ("name", "address", "country", "product", "hs_code", "registration_id")


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def record_label(record: dict[str, Any]) -> str:
    """The human-readable form of the key: ``id:V1234`` or ``name:acme textiles|cn``."""
    if record.get("record_id"):
        return f"id:{_fold(str(record['record_id']))}"
    return f"name:{_fold(str(record.get('name') or ''))}|{_fold(str(record.get('country') or ''))}"


def record_key(record: dict[str, Any]) -> str:
    return hashlib.sha256(record_label(record).encode("utf-8")).hexdigest()[:32]


def record_fingerprint(record: dict[str, Any]) -> str:
    data = {k: record.get(k) or None for k in FINGERPRINT_FIELDS}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def record_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The screened fields that differ between two versions of a record."""
    return {
        k: {"before": before.get(k) or None, "after": after.get(k) or None}
        for k in FINGERPRINT_FIELDS
        if (before.get(k) or None) != (after.get(k) or None)
    }
