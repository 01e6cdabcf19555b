"""Match quality per slice on labelled pairs, written as DESIGN.md §5 pairs files and scored by `threadline pairs`.

Slices:
- han-latin-companies: held-out listed companies (never used for the glossary): Chinese full name vs official
  English name (positives), and vs the English name of another held-out company from the same province (negatives);
- name-bench: nomenklatura's 826-case Latin name bench;
- han-latin-persons: Chinese names of listed persons (EU list) vs their Latin names in two orders (positives) and
  vs another listed Chinese person's Latin name (negatives);
- related: parents vs subsidiaries, agencies vs their bureaus (all negatives).

Usage: .venv/bin/python benchmarks/bench_pairs.py [OUT_DIR]   (writes the pairs files and a results table)
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from pathlib import Path

from threadline import settings
from threadline.names.glossary import is_held_out
from threadline.names.han import HAN
from threadline.service import default_store, score_pairs_file

SEED = 20261122


def _pair(pid: str, left: str, right: str, label: bool, schema: str = "Company") -> dict[str, object]:
    return {
        "id": pid,
        "left": {"schema": schema, "properties": {"name": [left]}},
        "right": {"schema": schema, "properties": {"name": [right]}},
        "label": label,
    }


def han_latin_companies(data: Path) -> list[dict[str, object]]:
    text = (data / "cn_company_names" / "cn_company_name_pairs.csv").read_text("utf-8")
    rows = [
        r
        for r in csv.DictReader(text.splitlines())
        if r["name_zh_full"] and "unavailable" not in r["name_zh_full"] and is_held_out(r["code"])
    ]
    rng = random.Random(SEED)
    pairs = []
    for i, row in enumerate(rows):
        pairs.append(_pair(f"co-pos-{i}", row["name_zh_full"], row["name_en"], True))
        others = [r for r in rows if r["province"] == row["province"] and r["code"] != row["code"]]
        if others:
            other = rng.choice(others)
            pairs.append(_pair(f"co-neg-{i}", row["name_zh_full"], other["name_en"], False))
    return pairs


def han_latin_persons() -> list[dict[str, object]]:
    people = []
    for e in default_store().entities:
        if e.schema == "Person" and HAN.search(e.caption):
            latin = [n.value for n in e.names if n.value.isascii() and len(n.value.split()) >= 2]
            if latin:
                people.append((e.caption, latin[0]))
    rng = random.Random(SEED)
    pairs = []
    for i, (han, name) in enumerate(people):
        words = name.replace(",", " ").split()
        pairs.append(_pair(f"p-pos-{i}", han, name, True, "Person"))
        pairs.append(_pair(f"p-rev-{i}", han, " ".join(reversed(words)), True, "Person"))
        other = rng.choice([p for p in people if p[0] != han])
        pairs.append(_pair(f"p-neg-{i}", han, other[1], False, "Person"))
    return pairs


RELATED = [
    ("Xinjiang Production and Construction Corps", "Xinjiang Production and Construction Corps Public Security Bureau"),
    ("XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "XPCC Public Security Bureau"),
    ("新疆天业（集团）有限公司", "Xinjiang Tianye Co., Ltd."),
    ("新疆天业股份有限公司", "Xinjiang Tianye Group Co., Ltd."),
    ("Xinjiang Zhongtai Chemical Co. Ltd", "Xinjiang Zhongtai Group Co. Ltd"),
    ("Zijin Mining Group Co., Ltd", "Xinjiang Zijin Zinc Industry Co., Ltd"),
    ("Ninestar Corporation", "Zhuhai Ninestar Information Technology Co. Ltd"),
    ("Xinjiang Public Security Bureau", "Xinjiang Production and Construction Corps Public Security Bureau"),
]


def related() -> list[dict[str, object]]:
    return [_pair(f"rel-{i}", a, b, False) for i, (a, b) in enumerate(RELATED)]


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("benchmarks/out")
    out_dir.mkdir(parents=True, exist_ok=True)
    data = settings.shared_data_dir()
    bench = [json.loads(line) for line in (data / "nomenklatura-name-bench" / "cases.jsonl").read_text().splitlines()]
    slices = {
        "han-latin-companies": han_latin_companies(data),
        "name-bench": bench,
        "han-latin-persons": han_latin_persons(),
        "related": related(),
    }
    lines = ["| slice | pairs | precision | recall | F1 | average precision |", "|---|---|---|---|---|---|"]
    for name, pairs in slices.items():
        path = out_dir / f"{name}.jsonl"
        path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
        result = score_pairs_file(path, io.StringIO())
        q = result.quality
        ap = f"{result.average_precision:.3f}" if q.tp + q.fn else "n/a (no positives)"
        lines.append(f"| {name} | {result.scored} | {q.precision:.3f} | {q.recall:.3f} | {q.f1:.3f} | {ap} |")
    table = "\n".join(lines)
    print(table)
    (out_dir / "pairs_results.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
