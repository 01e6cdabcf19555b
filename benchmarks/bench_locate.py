"""Region detection quality and cost: ``threadline locate`` against a substring baseline, in the same job.

Slices:
- ``written``: ``benchmarks/data/locate_cases.csv``, addresses written for every prefecture and XPCC city in
  Chinese, pinyin, English, Uyghur-Latin, Uyghur Arabic script and Cyrillic, XPCC divisions and regiments, and
  look-alike addresses elsewhere (streets named after Xinjiang places, namesakes abroad, a normal school);
- ``szse``: the registered addresses of the 2,880 Shenzhen-listed companies (32 in Xinjiang by the exchange's
  province column);
- ``facilities``: the 2,544 China facilities of the Apple and Nike supplier lists (none in Xinjiang).

The baseline says "Xinjiang" when any name of the gazetteer occurs in the address as a case-insensitive substring,
which is what a keyword filter does. Precision and recall count ``in_xinjiang is True`` as a positive; "place ok"
is the share of true positives whose adcode is the expected place, inside it or containing it.

Usage: .venv/bin/python benchmarks/bench_locate.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from threadline import settings
from threadline.risk.gazetteer import CHINA_TABLE, XINJIANG_TABLE
from threadline.risk.region import locate

HERE = Path(__file__).parent


@dataclass
class Case:
    address: str
    expected: bool | None
    adcode: str
    kind: str


def written_cases() -> list[Case]:
    with (HERE / "data" / "locate_cases.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        expected = {"true": True, "false": False, "unknown": None}
        return [Case(r["address"], expected[r["expected"]], r["adcode"], r["kind"]) for r in rows]


def szse_cases(shared: Path) -> list[Case]:
    with (shared / "cn_company_names" / "szse_a_share_list_2025-12.csv").open(encoding="utf-8") as handle:
        return [Case(r["registered_address_zh"], r["province"] == "新疆", "", "szse") for r in csv.DictReader(handle)]


def facility_cases(shared: Path) -> list[Case]:
    with (shared / "supplier_lists" / "cn_facilities_screening_input.csv").open(encoding="utf-8") as handle:
        return [Case(r["address"], False, "", "facilities") for r in csv.DictReader(handle) if r["address"]]


def geonames_cases(shared: Path) -> list[Case]:
    """Populated places of Xinjiang from GeoNames (towns mostly, real names not written for this benchmark): the
    Latin name with ", China", and the Chinese name."""
    cases = []
    with (shared / "xinjiang_gazetteer" / "geonames_xinjiang_places.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cases.append(Case(f"{row['name']}, China", True, "", "geonames-latin"))
            zh = [n for n in row["names_zh"].split("|") if n and all("\u4e00" <= c <= "\u9fff" for c in n)]
            if zh:
                cases.append(Case(zh[0], True, "", "geonames-zh"))
    return cases


def elsewhere_cases() -> list[Case]:
    """Every prefecture and county of China outside Xinjiang (resources/gazetteer/china.csv), as a Chinese address
    and as a Latin one."""
    cases = []
    with CHINA_TABLE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            if row["adcode"].startswith("65") or row["level"] == "province":
                continue
            cases.append(Case(f"{row['name_zh']}人民路8号", False, "", "elsewhere-zh"))
            cases.append(Case(f"8 Renmin Road, {row['pinyin']}, China", False, "", "elsewhere-latin"))
    return cases


def baseline() -> Callable[[str], bool]:
    forms: list[str] = []
    with XINJIANG_TABLE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            for column in ("match_zh", "match_latin", "match_script"):
                forms += [f.casefold() for f in row[column].split("|") if f]

    def says_xinjiang(address: str) -> bool:
        folded = address.casefold()
        return any(form in folded for form in forms)

    return says_xinjiang


def _area(code: str) -> str:
    return code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code


def score(cases: list[Case], predict: Callable[[str], tuple[bool | None, str | None]]) -> dict[str, float]:
    tp = fp = fn = place_ok = 0
    start = time.perf_counter()
    for case in cases:
        found, adcode = predict(case.address)
        if found is True and case.expected is True:
            tp += 1
            want = case.adcode
            if not want or (
                adcode and (_area(adcode).startswith(_area(want)) or _area(want).startswith(_area(adcode)))
            ):
                place_ok += 1
        elif found is True:
            fp += 1
        elif case.expected is True:
            fn += 1
    seconds = time.perf_counter() - start
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "cases": len(cases),
        "positives": tp + fn,
        "precision": precision,
        "recall": recall,
        "place_ok": place_ok / tp if tp else 1.0,
        "false_alarms": fp,
        "per_second": len(cases) / seconds if seconds else 0.0,
    }


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else settings.shared_data_dir()
    written = written_cases()
    geonames = geonames_cases(shared)
    slices = {
        "written (all scripts)": written,
        "written, traps only": [c for c in written if c.kind.startswith("trap")],
        "szse registered": szse_cases(shared),
        "apple+nike facilities": facility_cases(shared),
        "geonames places, Latin + China (in-sample)": [c for c in geonames if c.kind == "geonames-latin"],
        "geonames places, Chinese (in-sample)": [c for c in geonames if c.kind == "geonames-zh"],
        "every other prefecture/county": elsewhere_cases(),
    }
    naive = baseline()

    def ours(address: str) -> tuple[bool | None, str | None]:
        result = locate(address)
        return result.in_xinjiang, result.adcode

    def theirs(address: str) -> tuple[bool | None, str | None]:
        return naive(address), None

    print("| slice | cases | positives | engine | precision | recall | place ok | false alarms | addresses/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, cases in slices.items():
        for engine, predict in (("threadline", ours), ("substring baseline", theirs)):
            s = score(cases, predict)
            place = f"{s['place_ok']:.3f}" if engine == "threadline" else "—"
            print(
                f"| {name} | {s['cases']:,} | {s['positives']} | {engine} | {s['precision']:.3f} | {s['recall']:.3f} "
                f"| {place} | {s['false_alarms']} | {s['per_second']:,.0f} |"
            )
    print("\nCost as the input grows (threadline, SZSE addresses repeated):")
    base = slices["szse registered"]
    for factor in (1, 2, 4):
        cases = base * factor
        begin = time.perf_counter()
        for case in cases:
            locate(case.address)
        print(f"  {len(cases):>6,} addresses: {time.perf_counter() - begin:.2f} s")
    for case in written + slices["every other prefecture/county"]:
        result = locate(case.address)
        if (result.in_xinjiang is True) != (case.expected is True):
            print(f"  wrong: {case.kind}: {case.address!r} expected {case.expected}, got {result.evidence!r}")


if __name__ == "__main__":
    main()
