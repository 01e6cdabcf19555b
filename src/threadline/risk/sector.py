"""Does a product line fall in a UFLPA high-priority sector, or touch a DOL goods-list entry for its country?

UFLPA sectors: by HS code first (any common form, see :mod:`threadline.risk.hs`), matched on the longest prefix
listed for a sector in ``resources/sectors/uflpa_hs.csv`` (generated from the shared data; that sector-to-HS table
is compiled for threadline, not published by CBP or DHS, and every HS-based result says "mapped by threadline"),
then by product words in English and Chinese from the curated table below. DOL goods: :mod:`threadline.risk.goods`.

``flagged`` (a UFLPA high-priority sector) is ``None`` (unknown) when the row has neither a product nor an HS
code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from threadline.risk.goods import GoodsIndex, GoodsListing
from threadline.risk.hs import HsCode, parse
from threadline.settings import RESOURCES_DIR

HS_TABLE = RESOURCES_DIR / "sectors" / "uflpa_hs.csv"
UFLPA_MAPPING_NOTE = "mapped by threadline: the UFLPA sector-to-HS table is not an official CBP/DHS list"

# Curated product words per sector (English matched as whole words, case-insensitive; Chinese as substrings, so
# every Chinese word has two characters or more: 棉 alone would fire on 棉被 and 铁 on 铁路).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "Apparel": ("apparel", "garment", "garments", "clothing", "t-shirt", "t-shirts", "knitwear", "overcoats", "coats",
                "jackets", "anoraks", "wind-jackets", "suits", "ensembles", "trousers", "shorts", "dresses", "skirts",
                "shirts", "blouses", "jerseys", "pullovers", "cardigans", "sweaters", "sweatshirts", "hoodies",
                "underwear", "underpants", "briefs", "pyjamas", "nightdresses", "brassieres", "hosiery", "socks",
                "tracksuits", "swimwear", "babies' garments", "服装", "成衣", "针织服装", "衬衫", "T恤", "外套", "夹克",
                "裤子", "长裤", "连衣裙", "裙子", "毛衣", "卫衣", "内衣", "袜子", "西装", "童装"),
    "Cotton and cotton products": ("cotton", "denim", "棉花", "棉纱", "棉布", "纯棉", "全棉", "棉纺", "棉织", "棉制",
                                   "皮棉", "籽棉", "棉线", "棉纤维"),
    "Tomatoes and downstream products": ("tomato", "tomatoes", "ketchup", "tomato paste", "番茄", "西红柿"),
    "Silica-based products (incl. polysilicon)": ("polysilicon", "polycrystalline silicon", "silicon",
                                                  "silicon metal", "metallurgical silicon", "quartzite", "quartz",
                                                  "silicon dioxide", "solar cell", "solar cells", "solar module",
                                                  "solar modules", "solar panel", "solar panels", "photovoltaic",
                                                  "silicon wafer", "silicon wafers", "多晶硅", "工业硅", "金属硅",
                                                  "单晶硅", "硅片", "硅料", "光伏", "太阳能电池", "石英岩"),
    "Aluminum": ("aluminum", "aluminium", "alumina", "bauxite", "铝锭", "电解铝", "原铝", "铝材", "铝合金", "氧化铝",
                 "铝箔", "铝板", "铝型材", "铝土矿"),
    "Polyvinyl chloride (PVC)": ("pvc", "polyvinyl chloride", "vinyl chloride", "聚氯乙烯", "氯乙烯", "PVC"),
    "Seafood": ("seafood", "fish", "shrimp", "shrimps", "prawns", "squid", "tuna", "pollock", "cod", "salmon",
                "trout", "herrings", "sardines", "mackerel", "anchovies", "eels", "crustaceans", "molluscs", "crabs",
                "lobsters", "oysters", "mussels", "scallops", "octopus", "cuttle fish", "clams", "sea cucumbers",
                "水产", "海鲜", "鱿鱼", "冷冻鱼", "鱼片", "鱼糜", "虾仁", "对虾", "金枪鱼", "鳕鱼", "三文鱼", "海参",
                "扇贝"),
    "Steel": ("steel", "pig iron", "cast iron", "iron ore", "钢材", "钢铁", "不锈钢", "钢板", "钢管", "钢丝", "钢卷",
              "型钢", "生铁", "铁矿"),
    "Copper": ("copper", "铜材", "铜线", "铜管", "电解铜", "精炼铜", "铜箔", "铜矿", "铜杆"),
    "Lithium": ("lithium", "li-ion", "lithium-ion", "锂电池", "碳酸锂", "氢氧化锂", "锂离子", "锂矿", "锂盐"),
    "Caustic soda": ("caustic soda", "sodium hydroxide", "烧碱", "氢氧化钠", "片碱"),
    "Red dates (jujubes)": ("red dates", "red date", "jujube", "jujubes", "红枣", "骏枣", "灰枣"),
}  # fmt: skip
# A word right after one of these is excluded, not named: "other than of cotton", "excluding steel".
_NEGATION = re.compile(r"(?:other than|excluding|except|not|无|非|不含)\s*(?:of\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SectorSignal:
    signal: str
    """``hs-code`` or ``product-text``."""
    evidence: str
    sectors: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"signal": self.signal, "evidence": self.evidence, "sectors": list(self.sectors)}
        if self.signal == "hs-code":
            data["mapping"] = UFLPA_MAPPING_NOTE
        return data


@dataclass(frozen=True, slots=True)
class SectorResult:
    sectors: tuple[str, ...] = ()
    signals: tuple[SectorSignal, ...] = ()
    hs: tuple[HsCode, ...] = ()
    dol_goods: tuple[GoodsListing, ...] = ()
    problem: str | None = None
    """Set when an HS code was given but could not be read (the row is still screened)."""
    known: bool = True
    """``False`` when the row had neither a product nor an HS code: nothing to tell by."""

    @property
    def flagged(self) -> bool:
        """In a UFLPA high-priority sector. DOL goods entries are reported beside it but do not flag the row on their
        own: the DOL list covers whole industries of a country (electronics from China), which would flag most
        supplier files and hide the rows that matter."""
        return bool(self.sectors)

    @property
    def signal(self) -> str | None:
        return self.signals[0].signal if self.signals else None

    @property
    def evidence(self) -> str | None:
        return self.signals[0].evidence if self.signals else None

    @property
    def hs_code(self) -> str | None:
        return self.hs[0].digits if self.hs else None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "flagged": self.flagged if self.known else None,
            "sectors": list(self.sectors),
            "signal": self.signal,
            "evidence": self.evidence,
            "hs_code": self.hs_code,
            "hs": [code.to_dict() for code in self.hs],
            "signals": [s.to_dict() for s in self.signals],
            "dol_goods": [g.to_dict() for g in self.dol_goods],
        }
        if any(s.signal == "hs-code" for s in self.signals):
            data["mapping"] = UFLPA_MAPPING_NOTE
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
        latin = sorted((re.escape(w) for w in words if w.isascii()), key=len, reverse=True)
        han = [re.escape(w) for w in words if not w.isascii()]
        parts = [rf"(?<![\w-])(?:{'|'.join(latin)})(?![\w-])"] if latin else []
        parts += han
        patterns.append((sector, re.compile("|".join(parts), re.IGNORECASE)))
    return tuple(patterns)


def sectors_for_hs(digits: str) -> tuple[str, ...]:
    found = [sector for prefix, sector in _hs_table() if digits.startswith(prefix)]
    return tuple(dict.fromkeys(found))


def _by_text(product: str) -> SectorSignal | None:
    sectors: list[str] = []
    evidence: list[str] = []
    for sector, pattern in _keyword_patterns():
        found = next((m for m in pattern.finditer(product) if not _NEGATION.search(product[: m.start()])), None)
        if found:
            sectors.append(sector)
            evidence.append(found.group(0))
    if not sectors:
        return None
    return SectorSignal("product-text", ", ".join(dict.fromkeys(evidence)), tuple(sectors))


def classify(
    product: str | None, hs_code: str | None, *, country: str | None = None, goods: GoodsIndex | None = None
) -> SectorResult:
    """UFLPA sectors and DOL goods entries of one product line (``country``: ISO alpha-2, for the DOL list)."""
    codes: list[HsCode] = []
    problems: list[str] = []
    if hs_code:
        codes, problems = parse(hs_code)
    signals: list[SectorSignal] = []
    for code in codes:
        found = sectors_for_hs(code.digits)
        if found:
            signals.append(SectorSignal("hs-code", code.written, found))
    text_signal = _by_text(product) if product else None
    if text_signal is not None:
        signals.append(text_signal)
    sectors = tuple(dict.fromkeys(sector for signal in signals for sector in signal.sectors))
    listings = tuple(goods.find(product, [c.digits for c in codes], country)) if goods else ()
    return SectorResult(
        sectors=sectors,
        signals=tuple(signals),
        hs=tuple(codes),
        dol_goods=listings,
        problem="; ".join(problems) or None,
        known=bool(product or hs_code),
    )
