"""The acronyms-brands slice of bench_pairs.py: short forms against full legal names, and their hard negatives.

Built so that what is measured is not what the matcher was given or what the tests check:
- acronym positives are mined from the embedded lists (an entry whose alias is an acronym of another of its names,
  "YMTC" for "Yangtze Memory Technologies Co., Ltd."), leaving out every acronym the brand table knows: they test
  the derivation, not a lookup;
- acronym negatives are the same acronyms against a *different* party whose name has the same initials, from the
  lists or the listed Chinese companies in ``cn_company_names`` (the case letters alone cannot settle);
- brand positives are the brand table's trade names against its legal names (Latin and Chinese), for brands the
  tests do not use (:data:`TEST_BRANDS`), with the Latin legal names re-written (upper case, "Company Limited");
- brand negatives are those trade names against another listed Chinese company of the same province whose
  English name shares the industry word (the legal name's last word before the legal form).
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from pathlib import Path

from pair_records import labelled_pair
from rapidfuzz import fuzz

from threadline.matching.acronyms import derive, is_acronym
from threadline.names.brands import brand_table, read_table
from threadline.names.normalize import fold
from threadline.service import default_store

SEED = 20261201
TEST_BRANDS = frozenset({"Hikvision", "XPCC", "Esquel", "Zhongtai", "Tianye", "CETC", "Dahua", "SenseTime"})
"""Brands whose rows tests/names/test_brands.py and tests/matching/test_shortforms.py use: kept out of the slice."""
_CODE = re.compile(r"cn_company_names (\d{6})")
_FORMS = re.compile(r",?\s*(co\.?,?\s*ltd\.?|company limited|limited|corporation)\s*$", re.IGNORECASE)


def _list_acronyms() -> list[tuple[str, str, str]]:
    """``(acronym, full name, entity key)`` from list entries that give both; table-known acronyms left out."""
    table = brand_table()
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for entity in default_store().entities:
        if entity.schema == "Person":
            continue
        values = [n.value.strip() for n in entity.names]
        for acronym in (v for v in values if is_acronym(v)):
            if table.resolve(acronym):
                continue
            for full in values:
                if full != acronym and acronym.lower() in derive(full):
                    found.setdefault((acronym, full.casefold()), (acronym, full, f"{entity.source}:{entity.entry_id}"))
    return sorted(found.values())


def _other_expansions(data: Path) -> dict[str, list[tuple[str, str]]]:
    """Acronym letters -> ``(name, entity key)`` of every list or listed-company name deriving them."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity in default_store().entities:
        if entity.schema != "Person":
            for name in entity.names:
                for letters in derive(name.value):
                    out[letters].append((name.value, f"{entity.source}:{entity.entry_id}"))
    with open(data / "cn_company_names" / "cn_company_name_pairs.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for letters in derive(row["name_en"]):
                out[letters].append((row["name_en"], f"cn:{row['code']}"))
    return out


def _alike(name: str, names: list[str]) -> bool:
    """Whether ``name`` is a spelling of one of ``names`` (the same party on another list is no negative)."""
    return any(fuzz.token_sort_ratio(fold(name), fold(n)) >= 80 for n in names)


def _industry(name_en: str) -> str:
    words = _FORMS.sub("", name_en).replace(",", " ").split()
    return words[-1].casefold() if words else ""


def acronyms_brands(data: Path) -> list[dict[str, object]]:
    rng = random.Random(SEED)
    pairs: list[dict[str, object]] = []
    # Acronyms from the lists, each entity once, and the same letters expanded otherwise.
    expansions = _other_expansions(data)
    seen_entities: set[str] = set()
    entities = {f"{e.source}:{e.entry_id}": e for e in default_store().entities}
    for i, (acronym, full, key) in enumerate(_list_acronyms()):
        if key in seen_entities:
            continue
        seen_entities.add(key)
        pairs.append(labelled_pair(f"acr-pos-{i}", acronym, full, True))
        own = [n.value for n in entities[key].names]
        others = [(n, k) for n, k in expansions.get(acronym.lower(), []) if k != key and not _alike(n, own)]
        if others:
            pairs.append(labelled_pair(f"acr-neg-{i}", acronym, rng.choice(sorted(others))[0], False))
    # Brands from the table, not the tests' brands.
    with open(data / "cn_company_names" / "cn_company_name_pairs.csv", encoding="utf-8") as handle:
        companies = [
            r
            for r in csv.DictReader(handle)
            if r["name_en"] and r["name_zh_full"] and "unavailable" not in r["name_zh_full"]
        ]
    by_code = {r["code"]: r for r in companies}
    rows = [r for r in read_table() if r.brand not in TEST_BRANDS]
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    codes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        codes[row.brand].update(_CODE.findall(row.source))
        if row.kind in ("legal", "alias", "former"):
            members[(row.brand, row.entity)].append(row.name)
    for row in (r for r in rows if r.kind == "brand"):
        names = [
            n
            for (brand, entity), ns in members.items()
            if brand == row.brand and row.entity in ("", entity)
            for n in ns
        ]
        for j, legal in enumerate(names):
            written = legal.upper() if j % 2 else _FORMS.sub(" Company Limited", legal)
            pairs.append(labelled_pair(f"brand-pos-{row.brand}-{row.name}-{j}", row.name, written, True))
        own = {by_code[c]["province"] for c in codes[row.brand] if c in by_code}
        industries = {_industry(by_code[c]["name_en"]) for c in codes[row.brand] if c in by_code}
        own_codes = codes[row.brand]
        peers = [
            r
            for r in companies
            if r["province"] in own and r["code"] not in own_codes and _industry(r["name_en"]) in industries
        ]
        if not peers:
            peers = [r for r in companies if r["province"] in own and r["code"] not in own_codes]
        if peers:
            peer = rng.choice(sorted(peers, key=lambda r: (r["code"], r["name_en"])))
            other = peer["name_en"] if row.script == "latin" else peer["name_zh_full"]
            pairs.append(labelled_pair(f"brand-neg-{row.brand}-{row.name}", row.name, other, False))
    return pairs
