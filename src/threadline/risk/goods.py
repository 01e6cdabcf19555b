"""Which entries of the US DOL List of Goods Produced by Child Labor or Forced Labor does a product line touch?

The list names goods per country (``Cotton — China``: child and forced labour), loaded as ``goods`` rules by
:mod:`threadline.sources.dol_goods`. A product line touches an entry when the row's country is the entry's country
and the product words name the good (its own name, or the synonyms and Chinese words in
``resources/sectors/dol_goods_terms.csv``) or the HS code falls under the prefixes mapped there. The HS prefixes
are mapped by threadline, not by DOL, and the result says so.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from threadline.model import Rule
from threadline.settings import RESOURCES_DIR

TERMS_TABLE = RESOURCES_DIR / "sectors" / "dol_goods_terms.csv"
HS_MAPPING_NOTE = "HS codes mapped to DOL goods by threadline; DOL names goods, not tariff codes"


@dataclass(frozen=True, slots=True)
class GoodsListing:
    good: str
    country: str
    labour: tuple[str, ...]
    entry_id: str
    source: str
    signal: str
    """``hs-code`` or ``product-text``."""
    evidence: str

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "good": self.good,
            "country": self.country,
            "labour": list(self.labour),
            "source": self.source,
            "entry_id": self.entry_id,
            "signal": self.signal,
            "evidence": self.evidence,
        }
        if self.signal == "hs-code":
            data["mapping"] = HS_MAPPING_NOTE
        return data


@dataclass(frozen=True, slots=True)
class _Terms:
    hs_prefixes: tuple[str, ...]
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def curated_terms() -> dict[str, _Terms]:
    with TERMS_TABLE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            row["good"]: _Terms(
                tuple(p for p in row["hs_prefixes"].split("|") if p),
                tuple(w for w in (row["words_en"] + "|" + row["words_zh"]).split("|") if w),
            )
            for row in rows
        }


def own_words(good: str) -> tuple[str, ...]:
    """The good's own name as product words: "Bricks (clay)" -> bricks, brick; "Brazil Nuts/Chestnuts" -> ..."""
    bare = re.sub(r"\s*\(.*?\)", "", good).strip().lower()
    words: list[str] = []
    for name in bare.split("/"):
        name = name.strip()
        if not name:
            continue
        words.append(name)
        if name.endswith("s") and not name.endswith("ss") and len(name) > 4:
            words.append(name[:-1])
    return tuple(dict.fromkeys(words))


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    latin = sorted({re.escape(w) for w in words if w.isascii()}, key=len, reverse=True)
    han = sorted({re.escape(w) for w in words if not w.isascii()}, key=len, reverse=True)
    parts = [rf"(?<![\w-])(?:{'|'.join(latin)})(?![\w-])"] if latin else []
    if han:
        parts.append("|".join(han))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@dataclass(frozen=True, slots=True)
class _Entry:
    rule: Rule
    pattern: re.Pattern[str] | None
    hs_prefixes: tuple[str, ...]


class GoodsIndex:
    """The DOL goods rules by country, ready to be checked against product lines."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        terms = curated_terms()
        self._by_country: dict[str, list[_Entry]] = {}
        for rule in rules:
            if rule.kind != "goods" or not rule.goods:
                continue
            good = rule.goods[0]
            curated = terms.get(good, _Terms((), ()))
            entry = _Entry(rule, _pattern(own_words(good) + curated.words), curated.hs_prefixes)
            for country in rule.countries:
                self._by_country.setdefault(country, []).append(entry)

    def find(self, product: str | None, hs_digits: Iterable[str], country: str | None) -> list[GoodsListing]:
        codes = tuple(hs_digits)
        if not country or not (product or codes):
            return []  # nothing to go on: no entry of the country can be met (most supplier rows give neither)
        found: list[GoodsListing] = []
        for entry in self._by_country.get(country, []):
            rule = entry.rule
            code = next((c for c in codes if any(c.startswith(p) for p in entry.hs_prefixes)), None)
            words = entry.pattern.search(product) if product and entry.pattern else None
            if code is not None:
                signal, evidence = "hs-code", code
            elif words is not None:
                signal, evidence = "product-text", words.group(0)
            else:
                continue
            found.append(
                GoodsListing(rule.goods[0], country, rule.labour, rule.entry_id, rule.source, signal, evidence)
            )
        return found
