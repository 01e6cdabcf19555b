"""Screening on one core vs both: the same real rows through `threadline screen --workers 1` and `--workers 2`.

The rows are the China facilities of the Apple and Nike supplier lists and Nike's factories, repeated to about
6,000; each run is the installed program, `--no-record`, timed wall-clock; a one-row file measures start-up
(loading the lists, building the index), which both runs pay. The two outputs must be identical.

Usage: .venv/bin/python benchmarks/bench_workers.py [ROWS]
"""

from __future__ import annotations

import csv
import filecmp
import os
import subprocess
import sys
import time
from pathlib import Path

from threadline import settings

OUT = Path(__file__).parent / "out" / "workers"
BIN = Path(sys.executable).parent / "threadline"


def write_rows(path: Path, wanted: int) -> int:
    lists = settings.shared_data_dir() / "supplier_lists"
    with (lists / "cn_facilities_screening_input.csv").open(encoding="utf-8") as handle:
        china = [(r["facility_name"], r["address"], r["country"], r["product_type"]) for r in csv.DictReader(handle)]
    with (lists / "nike_manufacturing_map_2021-02.csv").open(encoding="utf-8-sig") as handle:
        nike = [
            (r["Factory Name"], r["Address"], r["Country/Region"], r["Product Type"]) for r in csv.DictReader(handle)
        ]
    rows = china + nike
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "address", "country", "product"])
        written = 0
        while written < wanted:
            writer.writerows(rows)
            written += len(rows)
    return written


def timed(path: Path, workers: int, out: Path) -> float:
    env = {**os.environ, "THREADLINE_DATABASE_URL": f"sqlite:///{OUT / 'bench.db'}"}
    args = [str(BIN), "screen", str(path), "--no-record", "--workers", str(workers), "--out", str(out)]
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 6_000
    OUT.mkdir(parents=True, exist_ok=True)
    rows = write_rows(OUT / "rows.csv", wanted)
    (OUT / "one.csv").write_text("name,country\nAcme Textiles Ltd,Vietnam\n", "utf-8")
    startup = timed(OUT / "one.csv", 1, OUT / "one.jsonl")
    one = timed(OUT / "rows.csv", 1, OUT / "w1.jsonl")
    two = timed(OUT / "rows.csv", 2, OUT / "w2.jsonl")
    same = filecmp.cmp(OUT / "w1.jsonl", OUT / "w2.jsonl", shallow=False)
    print(f"{rows:,} rows; start-up {startup:.1f} s; 1 worker {one:.1f} s; 2 workers {two:.1f} s; "
          f"screening alone {one - startup:.1f} s -> {two - startup:.1f} s "
          f"({(one - startup) / (two - startup):.2f}x); outputs identical: {same}")  # fmt: skip


if __name__ == "__main__":
    main()
