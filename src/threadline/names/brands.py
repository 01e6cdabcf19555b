"""The curated brand table: trade names and legal names of listed and Xinjiang-relevant parties.

"Hikvision", "海康威视" and "杭州海康威视数字技术股份有限公司" share no spelling a matcher could use, yet a supplier
file may hold any of them. ``resources/brands/brands.csv`` records which names belong together, one row per name,
with the source of each fact. A name belongs to one *entity* (a legal person) of a *brand* (a group); a brand form
with no entity ("Esquel") stands for the whole group. Two names of one entity are the same party; names of two
entities of one brand (Xinjiang Zhongtai Chemical and its parent Xinjiang Zhongtai Group) are related parties.

Names are looked up by their comparison core (legal form removed, case and punctuation folded; Chinese names also
folded to simplified characters), so "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD" finds its row.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from threadline.names.han import han_only, simplify, strip_legal_form
from threadline.names.memo import Memo, Once
from threadline.names.normalize import fold, has_han
from threadline.settings import RESOURCES_DIR

_ACRONYM_NOTE = re.compile(r"\(\s*[A-Z]{2,8}\s*\)")
"""An acronym in brackets beside the full name ("... Corps (XPCC)"): the same name, written twice."""
_QUALIFIER = re.compile(
    r"\b(?:(?:and|including) (?:its )?(?:subsidiaries|subordinate|affiliates|affiliated)|also known as)\b.*$"
)
_LEGAL_TAIL = frozenset(
    {"co", "ltd", "limited", "company", "corp", "corporation", "inc", "incorporated", "llc", "plc", "sa", "ag", "gmbh"}
)
"""Legal forms dropped from the end of a Latin name before lookup ("Group" and "Holdings" stay: they name another
company of the group)."""
BRANDS = RESOURCES_DIR / "brands" / "brands.csv"
KINDS = frozenset({"brand", "legal", "former", "alias"})
SCRIPTS = frozenset({"latin", "han"})


@dataclass(frozen=True, slots=True)
class BrandName:
    """One row of the table."""

    brand: str
    entity: str
    """The legal entity's English legal name; ``""`` when the name stands for the whole brand."""
    name: str
    kind: str
    script: str
    lists: tuple[str, ...]
    source: str


_LOOKUP_KEYS: Final[Memo[str, str]] = Memo(100_000)


def lookup_key(name: str) -> str:
    """The form a name is looked up by: the Han core for Chinese names, else the folded words without trailing legal
    forms, list qualifiers ("and subsidiaries") or a bracketed acronym, written together."""
    found = _LOOKUP_KEYS.table.get(name)
    return _LOOKUP_KEYS.keep(name, _lookup_key(name)) if found is None else found


def _lookup_key(name: str) -> str:
    if has_han(name):
        core, _form = strip_legal_form(simplify(han_only(name)))
        return core
    if name != name.upper():  # in an all-capitals name a bracketed word is a word: "(SHANSHAN)"
        name = _ACRONYM_NOTE.sub(" ", name)
    words = _QUALIFIER.sub("", fold(name)).split()
    while len(words) > 1 and words[-1] in _LEGAL_TAIL:
        words.pop()
    return "".join(words)


def read_table(path: Path | None = None) -> list[BrandName]:
    """Every row of a brand table (comment lines start with ``#``); ``ValueError`` naming the row when one is
    malformed, so a bad edit fails the tests rather than matching wrongly."""
    rows: list[BrandName] = []
    with open(path or BRANDS, encoding="utf-8") as handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        for number, row in enumerate(reader, start=2):
            brand, entity, name = (row.get("brand") or "").strip(), (row.get("entity") or "").strip(), row["name"]
            kind, script = (row.get("kind") or "").strip(), (row.get("script") or "").strip()
            if not brand or not name.strip():
                raise ValueError(f"brand table row {number}: brand and name are required")
            if kind not in KINDS or script not in SCRIPTS:
                raise ValueError(f"brand table row {number}: kind {kind!r} / script {script!r} not one of the known")
            if (script == "han") != has_han(name):
                raise ValueError(f"brand table row {number}: {name!r} is not written in {script}")
            if kind != "brand" and not entity:
                raise ValueError(f"brand table row {number}: a {kind} name needs its entity")
            if not (row.get("source") or "").strip():
                raise ValueError(f"brand table row {number}: every fact needs a source")
            lists = tuple((row.get("lists") or "").split())
            rows.append(BrandName(brand, entity, name.strip(), kind, script, lists, row["source"].strip()))
    return rows


@dataclass(frozen=True, slots=True)
class BrandTable:
    by_key: Mapping[str, tuple[BrandName, ...]]
    """Lookup key -> the rows written that way (one name may be written alike by two rows of one entity)."""
    members: Mapping[str, tuple[BrandName, ...]]
    """Brand -> all its rows."""

    def resolve(self, name: str) -> tuple[BrandName, ...]:
        """The rows a name is (after folding); empty when the table does not know it."""
        return self.by_key.get(lookup_key(name), ())

    def legal_name(self, brand: str, entity: str) -> str:
        """The Latin legal name of an entity, for explanations (the entity key itself is one)."""
        return entity or brand


def build(rows: list[BrandName]) -> BrandTable:
    """Index rows; ``ValueError`` when one written form would name two brands or two entities. A brand form may
    fold to an entity's legal name ("Yitu" and "YITU Limited"): the name then stands for both."""
    by_key: dict[str, list[BrandName]] = defaultdict(list)
    members: dict[str, list[BrandName]] = defaultdict(list)
    for row in rows:
        key = lookup_key(row.name)
        if not key:
            raise ValueError(f"brand table: {row.name!r} has nothing left to look up by")
        for other in by_key[key]:
            if other.brand != row.brand or (other.entity and row.entity and other.entity != row.entity):
                raise ValueError(
                    f"brand table: {row.name!r} names both {other.entity or other.brand!r} and "
                    f"{row.entity or row.brand!r}"
                )
        by_key[key].append(row)
        members[row.brand].append(row)
    return BrandTable({k: tuple(v) for k, v in by_key.items()}, {k: tuple(v) for k, v in members.items()})


_BRAND_TABLE: Final[Once[BrandTable]] = Once()


def brand_table() -> BrandTable:
    """The packaged table."""
    found = _BRAND_TABLE.value
    return _BRAND_TABLE.keep(_brand_table()) if found is None else found


def _brand_table() -> BrandTable:
    return build(read_table())


def index_keys(name: str) -> frozenset[str]:
    """``brand:`` candidate keys of a name the table knows: a brand query then finds the listed legal names."""
    return frozenset(f"brand:{row.brand.casefold()}" for row in brand_table().resolve(name))
