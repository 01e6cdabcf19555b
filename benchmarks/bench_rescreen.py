"""Delta re-screening against a full run: a 20,000-supplier base, a list update of a few dozen entries.

The base is built from real names: the China facilities of the Apple and Nike supplier lists, Nike's factories,
Apple's suppliers, and listed Chinese companies' English names (with 2,000 of their Chinese names, 10 %). The list
update is made for the benchmark from the real embedded snapshot: in the BIS Entity List, 12 entries are removed,
12 get a new alias, and 12 entries are added whose names are base suppliers (as if those suppliers were designated
that day), so the diff has known effects.

It times (1) the full screen of the base on the real lists, stored, (2) `rescreen` after the update, and (3) a
full screen on the updated lists, then checks that (2) and (3) give the same hits on every row.

Usage: .venv/bin/python benchmarks/bench_rescreen.py [N]   (default N = 20000; writes to benchmarks/out/rescreen)
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

from threadline import service, settings
from threadline.model import Entity, LoadedList, Name
from threadline.review import api
from threadline.store import ListStore
from threadline.store.runs import iter_rows
from threadline.store.snapshot import write_snapshot

OUT = Path(__file__).parent / "out" / "rescreen"
DATA = settings.shared_data_dir()


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def base_rows(n: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for r in _csv(DATA / "supplier_lists" / "cn_facilities_screening_input.csv"):
        rows.append(
            {"name": r["facility_name"], "address": r["address"], "country": r["country"], "product": r["product_type"]}
        )
    for r in _csv(DATA / "supplier_lists" / "nike_manufacturing_map_2021-02.csv"):
        rows.append(
            {
                "name": r["Factory Name"],
                "address": r["Address"],
                "country": r["Country/Region"],
                "product": r["Product Type"],
            }
        )
    for r in _csv(DATA / "supplier_lists" / "apple_supplier_list_2012-2022.csv"):
        rows.append(
            {"name": r["supplier_name"], "address": r["supplier_address"], "country": r["country"], "product": ""}
        )
    pairs = _csv(DATA / "cn_company_names" / "cn_company_name_pairs.csv")
    for r in pairs:
        rows.append({"name": r["name_en"], "address": r["province"], "country": "China", "product": ""})
    for r in _csv(DATA / "cn_company_names" / "sse_main_board_list_2025-12.csv"):
        rows.append({"name": r["name_en"], "address": "", "country": "China", "product": ""})
    chinese = [
        {"name": r["name_zh_full"], "address": r["registered_address_zh"], "country": "中国", "product": ""}
        for r in pairs
    ]
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        key = (row["name"].strip().lower(), row["address"].strip().lower())
        if row["name"].strip() and key not in seen:
            seen.add(key)
            unique.append(row)
    latin = unique[: int(n * 0.9)]
    return latin + chinese[: n - len(latin)]


def write_base(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["supplier_id", "supplier_name", "address", "country", "product"])
        for i, row in enumerate(rows):
            writer.writerow([f"S{i:06d}", row["name"], row["address"], row["country"], row["product"]])


def updated_lists(rows: list[dict[str, str]], rng: random.Random) -> list[LoadedList]:
    store = ListStore.from_snapshot(settings.RESOURCES_DIR / "snapshot")
    lists = []
    for version in store.versions:
        entities = [e for e in store.entities if e.source == version.source]
        rules = [r for r in store.rules if r.source == version.source]
        if version.source == "us-bis":
            picked = rng.sample(range(len(entities)), 24)
            removed, changed = set(picked[:12]), set(picked[12:])
            kept = []
            for i, e in enumerate(entities):
                if i in removed:
                    continue
                if i in changed:
                    e = dataclasses.replace(e, names=(*e.names, Name(f"{e.names[0].value} (new alias)", "alias")))
                kept.append(e)
            for j, row in enumerate(rng.sample(rows[:5000], 12)):
                kept.append(Entity("us-bis", f"bench-added-{j}", "Company", (Name(row["name"]),)))
            entities = kept
            version = dataclasses.replace(version, version="2026-12-01", entity_count=len(entities))
        lists.append(LoadedList(version, entities, rules))
    return lists


def use(folder: Path) -> None:
    os.environ["THREADLINE_SNAPSHOT_DIR"] = str(folder)
    service.default_store.cache_clear()
    service.default_matcher.cache_clear()


def full_screen(path: Path, record: bool) -> tuple[float, str | None, dict[str, list[tuple[str, str, float]]]]:
    start = time.perf_counter()
    run = service.ScreenRun(path, {})
    out = io.StringIO()
    run.execute(out, record=record)
    seconds = time.perf_counter() - start
    hits = {}
    for line in out.getvalue().splitlines():
        row = json.loads(line)
        hits[row["input"]["record_id"]] = [(h["source"], h["entry_id"], h["score"]) for h in row["hits"]]
    return seconds, run.run_id, hits


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    os.environ["THREADLINE_DATABASE_URL"] = f"sqlite:///{OUT / 'bench.db'}"
    rng = random.Random(11)
    rows = base_rows(n)
    base = OUT / "suppliers.csv"
    write_base(rows, base)
    write_snapshot(updated_lists(rows, rng), OUT / "lists-v2")
    use(settings.RESOURCES_DIR / "snapshot")
    full_s, _run_id, _hits = full_screen(base, record=True)
    print(f"base: {len(rows):,} suppliers; full screen, stored: {full_s:.1f} s", flush=True)

    use(OUT / "lists-v2")
    start = time.perf_counter()
    result = api.rescreen_latest(service.default_store())
    delta_s = time.perf_counter() - start
    print(f"rescreen: {delta_s:.1f} s; {json.dumps(result.summary(), ensure_ascii=False)}", flush=True)

    full2_s, _none, expected = full_screen(base, record=False)
    delta = {
        r["input"]["record_id"]: [(h["source"], h["entry_id"], h["score"]) for h in r["hits"]]
        for _k, _f, r in iter_rows(api.engine(), result.run_id)
    }
    differ = [k for k in expected if expected[k] != delta.get(k)]
    print(f"full screen on the updated lists (not stored): {full2_s:.1f} s")
    print(f"rescreen / full screen: {delta_s / full2_s:.3f} ({full2_s / delta_s:.0f}x faster)")
    print(
        f"rows whose hits differ between rescreen and the full screen: {len(differ)} of {len(expected):,} {differ[:5]}"
    )


if __name__ == "__main__":
    main()
