"""Read HS codes as supplier files write them, and describe them from the HS 2022 nomenclature.

Accepted: ``5205``, ``5205.12``, ``520512``, ``52.05``, ``HS 5205.12.10``, ``HTS: 5205.12.1000``, ``5205 12 10``
(one code in groups), ``5201; 5205`` and ``5201 5205`` (two codes), national tariff lines of 8 or 10 digits (read
on their first six). A code of odd length has usually lost its leading zero in a spreadsheet (``70200`` for
``070200``): it is read with the zero put back, and the result says so.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from threadline.settings import RESOURCES_DIR

HS_TABLE = RESOURCES_DIR / "sectors" / "hs2022.csv"

_LABEL = re.compile(r"^\s*(?:hs|hts|htsus|hscode|hs code|hts code|tariff(?: code)?|code|cn)\s*[:#.]?\s*", re.IGNORECASE)
_PARTS = re.compile(r"[,;/|、，；\n]+")


@dataclass(frozen=True, slots=True)
class HsCode:
    written: str
    digits: str
    description: str | None
    """The description of the longest HS 2022 code that starts it (subheading, heading or chapter)."""
    described_as: str | None
    """That code (``520512`` for ``5205.12.10``)."""
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"code": self.digits, "hs2022": self.described_as, "description": self.description}
        if self.note:
            data["note"] = self.note
        return data


@lru_cache(maxsize=1)
def nomenclature() -> dict[str, str]:
    """HS 2022 chapters, headings and subheadings with their descriptions."""
    with HS_TABLE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["hscode"]: row["description"] for row in rows}


def parse(text: str) -> tuple[list[HsCode], list[str]]:
    """The codes in ``text`` and, for each part that is not a code, a problem naming it and the fix."""
    codes: list[HsCode] = []
    problems: list[str] = []
    for part in _PARTS.split(text):
        part = _LABEL.sub("", part).strip()
        if not part:
            continue
        tokens = part.split()
        groups = tokens if len(tokens) > 1 and all(len(_digits(t)) >= 4 for t in tokens) else [part]
        for group in groups:
            code = _read(group)
            if code is None:
                problems.append(f"HS code {group!r} is not 2-10 digits; write it like 5205, 5205.12 or 5205.12.10")
            else:
                codes.append(code)
                if code.described_as is None or len(code.described_as) < min(4, len(code.digits)):
                    problems.append(f"HS code {group!r}: heading {code.digits[:4]} does not exist in HS 2022")
    return codes, problems


def _digits(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text)


def _read(group: str) -> HsCode | None:
    digits = _digits(group)
    if not re.fullmatch(r"\d{2,10}", digits):
        return None
    note = None
    if len(digits) % 2 == 1:
        note = f"read {digits} as 0{digits}: a leading zero was lost (spreadsheets drop it)"
        digits = "0" + digits
    table = nomenclature()
    described_as = next((digits[:n] for n in (6, 4, 2) if len(digits) >= n and digits[:n] in table), None)
    description = table[described_as] if described_as else None
    return HsCode(group, digits, description, described_as, note)
