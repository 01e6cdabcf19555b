"""A SYNTHETIC sanctions-style list of N entities, made from real name parts, with planted true matches.

Nothing here is a real listing. Names are recombined from real parts so that they look and collide like real ones:
Chinese companies from real place names, trade names (the short names of listed Chinese companies) and industry
terms (threadline's glossary), in characters and in their English rendering; other companies and persons from the
words and name parts of the embedded lists' entries. Of the Chinese companies, some are listed in English only,
some with their Chinese name too, as real lists do.

Planted queries are what a supplier file would hold for a listed entity, each with the entity it must find:
``han-latin`` (the Chinese name of a company listed in English only), ``typo`` (one letter changed), ``reorder``
(a person's family name first), ``exact`` (the listed name, in capitals, without punctuation), ``acronym`` (the
initials of a multi-word organisation name).

    .venv/bin/python benchmarks/synthetic_list.py N OUT_FOLDER    # writes list.ftm.json and planted.csv
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypinyin import lazy_pinyin

from threadline import settings
from threadline.settings import RESOURCES_DIR
from threadline.store import ListStore

PROVINCES = {
    "江苏": "Jiangsu", "浙江": "Zhejiang", "广东": "Guangdong", "山东": "Shandong", "河北": "Hebei", "新疆": "Xinjiang",
    "四川": "Sichuan", "湖南": "Hunan", "福建": "Fujian", "安徽": "Anhui", "上海": "Shanghai", "北京": "Beijing",
}  # fmt: skip
LEGAL = [("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd."), ("集团有限公司", "Group Co., Ltd.")]


class Parts:
    """Real name parts to recombine."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        pairs = settings.shared_data_dir() / "cn_company_names" / "cn_company_name_pairs.csv"
        with pairs.open(encoding="utf-8") as handle:
            shorts = [row["short_name"] for row in csv.DictReader(handle)]
        self.trades = sorted({s[:2] for s in shorts if len(s) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in s[:2])})
        terms = RESOURCES_DIR / "glossary" / "terms.csv"
        with terms.open(encoding="utf-8") as handle:
            rows = csv.DictReader(line for line in handle if not line.startswith("#"))
            self.terms = [(r["han"], r["english"]) for r in rows if len(r["han"]) >= 2 and r["english"]]
        store = ListStore.from_snapshot(RESOURCES_DIR / "snapshot", ["ofac-sdn", "uk", "us-bis"])
        self.families: list[str] = []
        self.givens: list[str] = []
        self.words: list[str] = []
        for entity in store.entities:
            name = entity.names[0].value
            if entity.schema == "Person" and "," in name:
                family, _, given = name.partition(",")
                self.families.append(family.strip().title())
                self.givens.append(given.strip().title())
            elif entity.schema != "Person":
                self.words += [w.strip(".,()").title() for w in name.split() if len(w) > 3 and w.isalpha()]

    def chinese_company(self) -> tuple[str, str]:
        place = self.rng.choice(list(PROVINCES))
        trade = self.rng.choice(self.trades)
        han_term, en_term = self.rng.choice(self.terms)
        han_legal, en_legal = self.rng.choice(LEGAL)
        english = f"{PROVINCES[place]} {''.join(lazy_pinyin(trade)).title()} {en_term.title()} {en_legal}"
        return f"{place}{trade}{han_term}{han_legal}", english

    def company(self) -> str:
        words = self.rng.sample(self.words, self.rng.choice((2, 3, 3, 4)))
        return " ".join(words) + self.rng.choice(("", " Ltd", " LLC", " Trading Co", " Group"))

    def person(self) -> str:
        return f"{self.rng.choice(self.families)}, {self.rng.choice(self.givens)}"


def _entity(ident: str, schema: str, names: list[str]) -> dict[str, Any]:
    props: dict[str, list[str]] = {"name": names[:1]}
    if len(names) > 1:
        props["alias"] = names[1:]
    return {"id": ident, "schema": schema, "properties": props, "datasets": ["synthetic"]}


def generate(n: int, seed: int = 5) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """``n`` entities and the planted queries (about one per 20 entities, at least 200)."""
    rng = random.Random(seed)
    parts = Parts(rng)
    entities: list[dict[str, Any]] = []
    chinese_only_in_english: list[tuple[str, str]] = []
    for i in range(n):
        ident = f"syn-{i:07d}"
        draw = rng.random()
        if draw < 0.45:
            han, english = parts.chinese_company()
            if draw < 0.30:
                entities.append(_entity(ident, "Company", [english]))
                chinese_only_in_english.append((ident, han))
            else:
                entities.append(_entity(ident, "Company", [english, han]))
        elif draw < 0.60:
            entities.append(_entity(ident, "Company", [parts.company()]))
        else:
            entities.append(_entity(ident, "Person", [parts.person()]))
    return entities, list(_planted(rng, entities, chinese_only_in_english, max(200, n // 20)))


def _planted(
    rng: random.Random, entities: list[dict[str, Any]], han_only: list[tuple[str, str]], count: int
) -> Iterator[dict[str, str]]:
    kinds = ["han-latin", "typo", "reorder", "exact", "acronym"]
    for k in range(count):
        kind = kinds[k % len(kinds)]
        if kind == "han-latin":
            ident, han = rng.choice(han_only)
            yield {"kind": kind, "query": han, "expected": ident}
            continue
        entity = rng.choice(entities)
        name = entity["properties"]["name"][0]
        person = entity["schema"] == "Person"
        if (kind == "reorder" and not person) or (kind == "acronym" and (person or len(_initials(name)) < 3)):
            kind = "exact"
        if kind == "typo":
            query = _typo(rng, name)
        elif kind == "reorder":
            family, _, given = name.partition(",")
            query = f"{given.strip()} {family.strip()}"
        elif kind == "acronym":
            query = _initials(name)
        else:
            query = "".join(ch for ch in name.upper() if ch.isalnum() or ch.isspace())
        yield {"kind": kind, "query": query, "expected": entity["id"]}


LEGAL_WORDS = {"co", "ltd", "llc", "inc", "company", "limited", "group", "corp", "corporation"}


def _initials(name: str) -> str:
    """ "Fujian Zhongtai Textile Co., Ltd." -> "FZT" (legal-form words are not part of an acronym)."""
    words = [w.strip(".,()") for w in name.split()]
    return "".join(w[0] for w in words if w[:1].isalpha() and w.lower() not in LEGAL_WORDS).upper()


def _typo(rng: random.Random, name: str) -> str:
    spots = [i for i, ch in enumerate(name) if ch.isalpha() and ch.isascii()]
    if not spots:
        return name
    i = rng.choice(spots[1:] or spots)
    letter = rng.choice("aeiounrstl")
    return name[:i] + (letter if letter != name[i].lower() else "x") + name[i + 1 :]


def write(n: int, folder: Path, seed: int = 5) -> tuple[Path, Path]:
    entities, planted = generate(n, seed)
    folder.mkdir(parents=True, exist_ok=True)
    listing, queries = folder / f"synthetic-{n}.ftm.json", folder / f"planted-{n}.csv"
    with listing.open("w", encoding="utf-8") as handle:
        for entity in entities:
            handle.write(json.dumps(entity, ensure_ascii=False) + "\n")
    with queries.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["kind", "query", "expected"])
        writer.writeheader()
        writer.writerows(planted)
    return listing, queries


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "out" / "synthetic"
    print(*write(size, out))
