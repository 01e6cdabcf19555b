"""Build the demo supplier file src/threadline/resources/demo/suppliers.csv from real published data.

Rows, all taken from files in ../shared/data (nothing invented except the way names are written):
- real facilities from the Apple and Nike supplier lists (deterministic sample);
- real Shenzhen-listed companies registered in Xinjiang, with their registered Chinese addresses;
- real listed parties (UFLPA, OFAC, UK, BIS) written the way supplier masters write them: upper case, legal forms
  dropped or abbreviated, persons in "given family" order, some in their Chinese names;
- a real unit of a listed party: the XPCC's First Division (the gazetteer's table of XPCC divisions) at its seat,
  which screening reports as related to the listed Corps, not as the Corps itself.

Usage: python scripts/build_demo_suppliers.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from threadline import settings
from threadline.names.normalize import name_key
from threadline.resourcegen import run

OUT = settings.RESOURCES_DIR / "demo" / "suppliers.csv"
HEADER = ["supplier_name", "address", "country", "product", "hs_code"]

# (list file, exact listed name, how the supplier master writes it, product, HS code)
LISTED = [
    ("uflpa", "Xinjiang Zhongtai Chemical Co. Ltd", "upper", "PVC resin", "3904.10"),
    (
        "uflpa",
        "Hoshine Silicon Industry (Shanshan) Co., Ltd and subsidiaries",
        "upper",
        "metallurgical silicon",
        "2804.69",
    ),
    ("uflpa", "Xinjiang Daqo New Energy Co., Ltd", "upper", "polysilicon", "2804.61"),
    ("uflpa", "Hetian Taida Apparel Co., Ltd", "abbrev", "knitted garments", "6109.10"),
    ("uflpa", "Hetian Haolin Hair Accessories Co. Ltd", "upper", "hair accessories", "6704.20"),
    ("uflpa", "Xinjiang East Hope Nonferrous Metals Co., Ltd", "upper", "primary aluminium", "7601.10"),
    ("uflpa", "Xinjiang GCL New Energy Material Technology, Co. Ltd", "abbrev", "polysilicon", "2804.61"),
    ("uflpa", "Ninestar Corporation", "upper", "printer cartridges", "8443.99"),
    ("uflpa", "Aksu Huafu Color Spinning Co., Ltd", "abbrev", "cotton yarn", "5205.12"),
    ("uflpa", "Zijin Mining Group Co., Ltd", "upper", "copper concentrate", "2603.00"),
    ("uflpa", "Lop County Meixin Hair Products Co., Ltd", "upper", "wigs", "6704.19"),
    ("ofac", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "as-is", "cotton", "5201.00"),
    ("ofac", "CHEN, Quanguo", "person", "", ""),
    ("ofac", "HLAING, Min Aung", "person", "", ""),
    ("ofac", "MYANMA ECONOMIC HOLDINGS PUBLIC COMPANY LIMITED", "upper", "", ""),
    ("ofac", "XINJIANG PUBLIC SECURITY BUREAU", "as-is", "", ""),
    ("uk", "Xinjiang Production and Construction Corps Public Security Bureau", "as-is", "", ""),
    ("bis", "Hangzhou Hikvision Digital Technology Co., Ltd.", "abbrev", "video surveillance cameras", "8525.89"),
    ("bis", "Changji Esquel Textile Co. Ltd.", "abbrev", "cotton fabric", "5208.12"),
]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _style(name: str, style: str) -> str:
    if style == "upper":
        return name_key(name).core.upper()
    if style == "abbrev":
        return f"{name_key(name).core.title()} Co Ltd"
    if style == "person":
        family, _, given = name.partition(", ")
        return f"{given} {family.title()}".upper()
    return name


def _listed_rows(data: Path) -> list[list[str]]:
    names: dict[str, set[str]] = {
        "uflpa": {r["name"] for r in csv.DictReader(_lines(data / "us-dhs-uflpa/uflpa_entity_list.csv"))},
        "ofac": {r[1] for r in csv.reader(_lines(data / "ofac-sdn/sdn.csv")) if len(r) > 1},
        "uk": {r["Name"] for r in csv.DictReader(_lines(data / "uk-sanctions-list/uk_sanctions_list_2026-01-10.csv"))},
    }
    bis = json.loads((data / "us-bis-entity-list/bis_entity_list_nsfreg_2026-07-09.json").read_text("utf-8"))
    names["bis"] = {e["name"] for e in bis["entities"]}
    rows = []
    for source, listed, style, product, hs in LISTED:
        if listed not in names[source]:
            raise SystemExit(f"{listed!r} is not on the {source} list any more; update LISTED in {__file__}")
        country = "Burma" if "HLAING" in listed or "MYANMA" in listed else "China"
        rows.append([_style(listed, style), "", country, product, hs])
    return rows


UNITS = [(1, "cotton", "5201.00")]
"""XPCC divisions by number, with the product and HS code of the row."""


def _unit_rows(data: Path) -> list[list[str]]:
    divisions: dict[int, dict[str, str]] = {}
    for row in csv.DictReader(_lines(data / "xinjiang_gazetteer/xpcc_divisions.csv")):
        if row["division_no"].isdigit():  # the division's current row first; historic codes after it
            divisions.setdefault(int(row["division_no"]), row)
    rows = []
    for number, product, hs in UNITS:
        division = divisions[number]
        name = f"新疆生产建设兵团{division['name_zh']}"  # as the Corps' units write their name
        rows.append([name, f"新疆{division['seat_city_zh']}", "中国", product, hs])
    return rows


def _chinese_rows(data: Path) -> list[list[str]]:
    rows = []
    for row in csv.DictReader(_lines(data / "cn_company_names/szse_a_share_list_2025-12.csv")):
        if row["province"] == "新疆":
            product = row["industry"].split(" ", 1)[-1]
            rows.append([row["name_zh_full"], row["registered_address_zh"], "中国", product, ""])
    return rows


def _facility_rows(data: Path) -> list[list[str]]:
    rows = []
    china = list(csv.DictReader(_lines(data / "supplier_lists/cn_facilities_screening_input.csv")))
    full = [r for r in china if r["address_level"] == "full"]
    for row in full[:: max(1, len(full) // 200)][:200]:
        rows.append([row["facility_name"], row["address"], row["country"], row["product_type"], ""])
    traps = [r for r in full if "changjiang" in r["address"].lower()][:5]
    rows.extend([r["facility_name"], r["address"], r["country"], r["product_type"], ""] for r in traps)
    nike = list(csv.DictReader(_lines(data / "supplier_lists/nike_manufacturing_map_2021-02.csv")))
    others = [r for r in nike if r["Country/Region"] != "China"]
    for row in others[:: max(1, len(others) // 40)][:40]:
        address = ", ".join(p for p in (row["Address"], row["City"], row["State"]) if p)
        rows.append([row["Factory Name"], address, row["Country/Region"], row["Product Type"].lower(), ""])
    return rows


def build(data: Path) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in [*_facility_rows(data), *_listed_rows(data), *_unit_rows(data), *_chinese_rows(data)]:
        writer.writerow(row)
    return out.getvalue()


def main() -> None:
    run(OUT, build)


if __name__ == "__main__":
    main()
