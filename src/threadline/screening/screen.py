"""Screen supplier rows: names against the lists, addresses for Xinjiang, products for high-priority sectors."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from threadline.matching.identifiers import row_identifiers
from threadline.matching.model import Hit, Query
from threadline.matching.simple import RELATED_CAP, RELATED_LIMIT
from threadline.risk.goods import GoodsIndex
from threadline.risk.region import RegionResult, locate
from threadline.risk.sector import SectorResult, classify
from threadline.screening.memo import Matcher
from threadline.screening.reader import InputRow, SkippedRow

HIT_LIMIT = 5
"""Most hits reported per row."""
RELATED_FLOOR = RELATED_CAP
"""Least score of a related hit reported: the matcher's cap for a related pair, which a pair that differs only by a
group or unit term gets (the XPCC's 第一师 and the Corps; 新疆中泰化学 and the 中泰 group in the brand table). Pairs the
matcher reads as related on weaker evidence score below it: a branch whose names align less well, a three-letter
acronym (which spells several organisations: "AAC Technologies" is no unit of "Ansar al-Charia"), a weak alias or
another country. Trace reports related parties from the same floor."""
RISK_ORDER = ("listed", "xinjiang", "sector", "clean")
"""Risk levels, highest first; a row's ``risk`` is the highest that applies."""
LOCATED_ROWS = 20_000
"""Rows whose region is remembered (per worker), as :data:`~threadline.screening.memo.MEMO_SIZE` for names."""


@dataclass(frozen=True, slots=True)
class ScreenResult:
    row: InputRow
    risk: str
    hits: tuple[Hit, ...]
    region: RegionResult
    sector: SectorResult
    related: tuple[Hit, ...] = ()
    """List entries the row's party is a unit or group member of, or the parent of (hits marked ``related``): not
    matches, so they leave ``risk`` as it is, and a reviewer sees them beside the hits."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row.row,
            "input": self.row.to_dict(),
            "risk": self.risk,
            "hits": [hit.to_dict() for hit in self.hits],
            "related": [hit.to_dict() for hit in self.related],
            "region": self.region.to_dict(),
            "sector": self.sector.to_dict(),
        }


class Encoded(NamedTuple):
    """A row's result as the JSON line ``threadline screen`` writes (:func:`record_line` of its
    :meth:`~ScreenResult.to_dict`), with its risk and whether it has related parties: what a worker sends back
    when the parent only writes lines (a string is pickled in a tenth of the time a result with its hits' entries
    takes, and the parent no longer encodes it)."""

    risk: str
    line: str
    related: bool = False


def flagged(risk: str, related: bool) -> bool:
    """Whether a row goes to the report's flagged rows: it has a risk, or a related listed party."""
    return risk != "clean" or related


def record_line(record: dict[str, Any]) -> str:
    """One row's line of ``threadline screen`` output."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def encoded(result: ScreenResult) -> Encoded:
    return Encoded(result.risk, record_line(result.to_dict()), bool(result.related))


def row_query(row: InputRow) -> Query:
    """What a row's name is matched as: its name, country and registration number (two rows with the same query
    get the same hits)."""
    return Query(row.name, country=row.country, identifiers=row_identifiers(row.registration_id))


def assess(
    row: InputRow,
    matcher: Matcher,
    threshold: float,
    limit: int = HIT_LIMIT,
    goods: GoodsIndex | None = None,
) -> ScreenResult:
    """Screen one row. Hits below ``threshold`` are not reported; ``goods`` checks the DOL goods list. The row's
    related parties (:func:`related_hits`) are reported apart from its hits and never make it ``listed``."""
    query = row_query(row)
    hits = tuple(hit for hit in matcher.match(query, limit=limit, threshold=threshold) if hit.relation != "related")
    related = related_hits(matcher, query, hits)
    region = _located(row.address, row.name, row.country, row.registration_id)
    sector = _classified(row.product, row.hs_code, row_country(row.country, region.in_xinjiang, region.signal), goods)
    risk = risk_level(bool(hits), region.in_xinjiang is True, sector.flagged is True)
    return ScreenResult(row, risk, hits, region, sector, related)


def related_hits(matcher: Matcher, query: Query, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The list entries the query's party is related to (:meth:`~threadline.matching.simple.SimpleMatcher.related`
    from :data:`RELATED_FLOOR`), but not those it matches outright (another name of the entry may be a hit)."""
    matched = {(hit.entity.source, hit.entity.entry_id) for hit in hits}
    found = matcher.related(query, limit=RELATED_LIMIT + len(matched), floor=RELATED_FLOOR)
    return tuple(hit for hit in found if (hit.entity.source, hit.entity.entry_id) not in matched)[:RELATED_LIMIT]


@lru_cache(maxsize=LOCATED_ROWS)
def _located(address: str | None, name: str, country: str | None, uscc: str | None) -> RegionResult:
    """:func:`~threadline.risk.region.locate`, remembered for recent rows: a supplier file repeats a supplier's
    name and address on many rows (sites, years, shipments), and locating it again cost as much as matching a
    name the memo already knew. The result is immutable, so rows may share it."""
    return locate(address, name=name, country=country, uscc=uscc)


@lru_cache(maxsize=LOCATED_ROWS)
def _classified(
    product: str | None, hs_code: str | None, country: str | None, goods: GoodsIndex | None
) -> SectorResult:
    """:func:`~threadline.risk.sector.classify`, remembered for recent rows as :func:`_located`: supplier files
    repeat a few product lines (the bench file: 12 products, 113 with their countries, on 100,000 rows), and the
    DOL goods entries of the row's country were searched again on every row. The result is immutable."""
    return classify(product, hs_code, country=country, goods=goods)


def risk_level(listed: bool, in_xinjiang: bool, sector_flagged: bool) -> str:
    """The highest risk that applies (see :data:`RISK_ORDER`)."""
    if listed:
        return "listed"
    if in_xinjiang:
        return "xinjiang"
    return "sector" if sector_flagged else "clean"


def row_country(country: str | None, in_xinjiang: bool | None, region_signal: str | None) -> str | None:
    """The row's country, or China when the address places it in a Chinese province."""
    if country:
        return country
    in_china = in_xinjiang is True or region_signal == "other-province"
    return "cn" if in_china else None


@dataclass(slots=True)
class Summary:
    rows: int = 0
    by_risk: Counter[str] = field(default_factory=Counter)
    skipped: list[SkippedRow] = field(default_factory=list)
    related: int = 0
    """Rows with a related listed party (whatever their risk)."""

    def add(self, item: ScreenResult | Encoded | SkippedRow, risk: str | None = None) -> None:
        """Count one row; ``risk`` overrides the result's own (e.g. after reviewers dismissed its hits)."""
        self.rows += 1
        if isinstance(item, SkippedRow):
            self.skipped.append(item)
        else:
            self.by_risk[risk or item.risk] += 1
            self.related += bool(item.related)

    @property
    def skip_reasons(self) -> Counter[str]:
        return Counter(_reason_kind(s.reason) for s in self.skipped)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "screened": self.rows - len(self.skipped),
            "by_risk": {risk: self.by_risk.get(risk, 0) for risk in RISK_ORDER},
            "related": self.related,
            "skipped": len(self.skipped),
            "skipped_reasons": dict(self.skip_reasons),
        }


def _reason_kind(reason: str) -> str:
    return reason.split(" in column")[0].split(":")[0]


def screen(
    rows: Iterable[InputRow | SkippedRow], matcher: Matcher, threshold: float, goods: GoodsIndex | None = None
) -> Iterator[ScreenResult | SkippedRow]:
    """Screen a stream of rows lazily; skipped rows pass through so callers can report them."""
    for item in rows:
        yield item if isinstance(item, SkippedRow) else assess(item, matcher, threshold, goods=goods)
