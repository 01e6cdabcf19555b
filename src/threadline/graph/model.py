"""Value objects of the relation graph: where a fact came from, ownership shares as intervals, relations."""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPPLY_KINDS = ("supplies", "ships")
"""Relations along which goods move: supplier → buyer, shipper → consignee."""
CONTROL_KINDS = ("owns", "directs", "linked")
"""Relations of ownership and control: owner → owned, director → organisation, an FtM UnknownLink."""


@dataclass(frozen=True, slots=True)
class Source:
    """The file and row a relation was read from (row 1 = the first data row; FtM: the line)."""

    file: str
    row: int

    @property
    def label(self) -> str:
        return f"{self.file}:{self.row}"


@dataclass(frozen=True, slots=True, order=True)
class Share:
    """An ownership share in percent, known exactly (low == high) or only within bounds."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high <= 100:
            raise ValueError(f"a share must satisfy 0 <= low <= high <= 100, got {self.low}..{self.high}")

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __str__(self) -> str:
        return f"{_pct(self.low)}" if self.exact else f"{_pct(self.low)}–{_pct(self.high)}"


UNKNOWN_SHARE = Share(0.0, 100.0)


def _pct(value: float) -> str:
    return f"{value:g} %"


_NUMBER = r"(\d+(?:\.\d+)?)"


def parse_share(text: object) -> Share:
    """Read a share as files write it: ``55``, ``55%``, ``0.55`` (a fraction), ``30-80``, ``<50``, ``>=25``,
    ``majority``, ``minority``, ``unknown`` or empty (unknown: 0-100). Raises ``ValueError`` on anything
    else, with the fix."""
    if text is None:
        return UNKNOWN_SHARE
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
        return _exact(value * 100 if 0 < value < 1 else value, str(text))
    raw = str(text).strip()
    value_text = raw.lower().replace("％", "%").replace(" ", "").replace("percent", "%")
    if value_text in {"", "unknown", "?", "n/a", "na", "未知", "不详"}:
        return UNKNOWN_SHARE
    if value_text in {"majority", "控股", "多数"}:
        return Share(50.000001, 100.0)
    if value_text in {"minority", "少数"}:
        return Share(0.0, 49.999999)
    if (match := re.fullmatch(rf"{_NUMBER}%?", value_text)) is not None:
        value = float(match.group(1))
        return _exact(value * 100 if "%" not in value_text and 0 < value < 1 else value, raw)
    if (match := re.fullmatch(rf"{_NUMBER}%?(?:-|–|to|~|至){_NUMBER}%?", value_text)) is not None:
        low, high = float(match.group(1)), float(match.group(2))
        if low > high:
            raise ValueError(f"share {raw!r}: the lower bound is above the upper; write it like 30-80")
        return _checked(low, high, raw)
    if (match := re.fullmatch(rf"(<=|<|>=|>){_NUMBER}%?", value_text)) is not None:
        op, value = match.group(1), float(match.group(2))
        epsilon = 0.000001
        if op.startswith("<"):
            return _checked(0.0, value if op == "<=" else max(value - epsilon, 0.0), raw)
        return _checked(value if op == ">=" else min(value + epsilon, 100.0), 100.0, raw)
    raise ValueError(f"share {raw!r} is not a percentage; write 55, 55%, 30-80, <50, majority or unknown")


def _exact(value: float, raw: str) -> Share:
    return _checked(value, value, raw)


def _checked(low: float, high: float, raw: str) -> Share:
    if not 0 <= low <= high <= 100:
        raise ValueError(f"share {raw!r} is outside 0-100 %; write it in percent, like 55 or 55%")
    return Share(low, high)


@dataclass(frozen=True, slots=True)
class PartyRef:
    """A party as one row names it; rows naming the same party are resolved to one node later."""

    name: str
    address: str | None = None
    country: str | None = None
    key: str | None = None
    """An identifier the file gives (FtM id, a party id column): rows with the same key are the same party."""
    schema: str = "LegalEntity"


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str
    """``supplies``, ``ships`` (upstream = supplier/shipper, downstream = buyer/consignee), ``owns`` (upstream =
    owner), ``directs`` (upstream = director), ``linked``."""
    upstream: PartyRef
    downstream: PartyRef
    source: Source
    product: str | None = None
    hs_code: str | None = None
    tier: int | None = None
    """The supplier's tier as the file gives it (1 = direct supplier of the buyer at the top)."""
    quantity: str | None = None
    date: str | None = None
    share: Share | None = None
    controls: bool = False
