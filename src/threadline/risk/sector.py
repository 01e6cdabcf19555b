"""Does a product line fall in a UFLPA high-priority sector? By HS code first, then by the product words.

HS codes are read in any common form ("5201", "5201.00", "52.01", "520100") and matched on the longest
prefix listed for a sector (``resources/sectors/uflpa_hs.csv``, generated from the shared data). Product text is
matched on whole words, in English and Chinese, against a curated keyword table below.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from threadline.settings import RESOURCES_DIR

HS_TABLE = RESOURCES_DIR / "sectors" / "uflpa_hs.csv"

# Curated product words per sector (English matched as whole words, case-insensitive; Chinese as substrings).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "Apparel": (
        "apparel",
        "garment",
        "garments",
        "clothing",
        "t-shirt",
        "t-shirts",
        "knitwear",
        "服装",
        "成衣",
        "针织",
    ),
    "Cotton and cotton products": (
        "cotton",
        "yarn",
        "textile",
        "textiles",
        "fabric",
        "denim",
        "棉",
        "纱",
        "纺织",
        "面料",
    ),
    "Tomatoes and downstream products": ("tomato", "tomatoes", "ketchup", "tomato paste", "番茄", "西红柿"),
    "Silica-based products (incl. polysilicon)": (
        "polysilicon",
        "silicon",
        "silica",
        "quartzite",
        "solar cell",
        "solar cells",
        "solar module",
        "solar modules",
        "solar panel",
        "solar panels",
        "wafer",
        "wafers",
        "多晶硅",
        "工业硅",
        "硅",
        "光伏",
        "太阳能电池",
    ),
    "Aluminum": ("aluminum", "aluminium", "alumina", "bauxite", "铝"),
    "Polyvinyl chloride (PVC)": ("pvc", "polyvinyl chloride", "vinyl chloride", "聚氯乙烯"),
    "Seafood": ("seafood", "fish", "shrimp", "squid", "tuna", "水产", "海鲜", "鱼"),
    "Steel": ("steel", "iron", "钢", "铁"),
    "Copper": ("copper", "铜"),
    "Lithium": ("lithium", "li-ion", "lithium-ion", "锂"),
    "Caustic soda": ("caustic soda", "sodium hydroxide", "烧碱", "氢氧化钠"),
    "Red dates (jujubes)": ("red dates", "red date", "jujube", "jujubes", "红枣"),
}


@dataclass(frozen=True, slots=True)
class SectorResult:
    sectors: tuple[str, ...] = ()
    signal: str | None = None
    evidence: str | None = None
    hs_code: str | None = None
    problem: str | None = None
    """Set when an HS code was given but could not be read (the row is still screened)."""

    @property
    def flagged(self) -> bool:
        return bool(self.sectors)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "sectors": list(self.sectors),
            "signal": self.signal,
            "evidence": self.evidence,
            "hs_code": self.hs_code,
        }
        if self.problem:
            data["problem"] = self.problem
        return data


@lru_cache(maxsize=1)
def _hs_table() -> tuple[tuple[str, str], ...]:
    with HS_TABLE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        table = [(row["hs_prefix"], row["sector"]) for row in rows]
    return tuple(sorted(table, key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def _keyword_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for sector, words in KEYWORDS.items():
        latin = [re.escape(w) for w in words if w.isascii()]
        han = [re.escape(w) for w in words if not w.isascii()]
        parts = [rf"(?<![\w-])(?:{'|'.join(latin)})(?![\w-])"] if latin else []
        parts += han
        patterns.append((sector, re.compile("|".join(parts), re.IGNORECASE)))
    return tuple(patterns)


def normalize_hs(code: str) -> str | None:
    """Digits of an HS code (2 to 10 of them), or ``None`` when it is not one."""
    digits = re.sub(r"[\s.\-]", "", code)
    return digits if re.fullmatch(r"\d{2,10}", digits) else None


def _by_hs(digits: str) -> tuple[str, ...]:
    found = [sector for prefix, sector in _hs_table() if digits.startswith(prefix)]
    return tuple(dict.fromkeys(found))


def _by_text(product: str) -> tuple[tuple[str, ...], str | None]:
    sectors: list[str] = []
    evidence: list[str] = []
    for sector, pattern in _keyword_patterns():
        found = pattern.search(product)
        if found:
            sectors.append(sector)
            evidence.append(found.group(0))
    return tuple(sectors), ", ".join(evidence) or None


def classify(product: str | None, hs_code: str | None) -> SectorResult:
    """Sectors of one product line; the HS code wins when it maps to a sector."""
    problem = None
    if hs_code:
        digits = normalize_hs(hs_code)
        if digits is None:
            problem = f"HS code {hs_code!r} is not 2-10 digits; write it like 5201 or 5201.00"
        else:
            sectors = _by_hs(digits)
            if sectors:
                return SectorResult(sectors, "hs-code", hs_code, digits)
    if product:
        sectors, evidence = _by_text(product)
        if sectors:
            return SectorResult(sectors, "product-text", evidence, None, problem)
    return SectorResult(problem=problem, hs_code=normalize_hs(hs_code) if hs_code else None)
