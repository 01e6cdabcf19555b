"""100,000 supplier names against every embedded list: `threadline screen` wall time, rows/s and memory.

The supplier file is built from real names (there are not 100,000 distinct real ones): every real supplier row once
(the Apple and Nike supplier lists and their China facilities, listed Chinese companies' English names, and the
Chinese full names of listed companies with their registered addresses), then copies of random real rows until the
file is long enough, each copy kept as it is (the same supplier at another site or in another year) or changed the
way supplier masters differ (upper case, another legal form, one letter wrong, a word dropped; for Chinese names
another legal form or the province left out). 10 % of the rows are Chinese names. The script says how many names
are distinct, because repeated names are answered from memory (:mod:`threadline.screening.memo`).

Each run is the installed `threadline screen FILE --no-record --workers N` in a subprocess, timed wall-clock, with
the memory of the process and its workers sampled from /proc every 0.2 s: peak PSS summed over the processes
(forked workers share the parent's pages; PSS splits shared pages among them, so the sum is the real footprint) and
the peak RSS of the largest process. A one-row file measures start-up (loading the lists and the index). Runs with 2
workers at 10k, 50k and 100k rows show whether memory stays flat as the input grows.

The baseline is rapidfuzz's brute force in the same job: `process.cdist` of supplier names against every list
name (token_sort_ratio after rapidfuzz's default processing, both cores), on a subset of the supplier names and
extrapolated linearly to all of them (cdist's cost is the same for every query row).

Usage: .venv/bin/python benchmarks/bench_screen_100k.py [--sizes 10000,50000,100000] [--one-worker ROWS]
       [--baseline-rows 1000]
The machine has 2 cores shared with other jobs: figures measured while others run are lower bounds on speed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from threadline import settings

OUT = Path(__file__).parent / "out" / "screen100k"
BIN = Path(sys.executable).parent / "threadline"
CHINESE_SHARE = 0.10
LEGAL_FORMS = ("Co., Ltd.", "Co.,Ltd", "Limited", "Ltd", "Inc.", "Corporation", "LLC", "GmbH", "")
HAN_FORMS = ("有限公司", "股份有限公司", "有限责任公司")
_LATIN_FORM = re.compile(
    r"[\s,]*(co\.?,?\s*ltd\.?|company limited|limited|ltd\.?|inc\.?|corp\.?|corporation|llc)\s*$", re.I
)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def real_rows() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Distinct real supplier rows: ``(Latin-script names, Chinese names)``."""
    from bench_rescreen import base_rows

    data = settings.shared_data_dir() / "cn_company_names"
    rows = base_rows(100_000)  # every distinct real row it knows (fewer than 100,000)
    rows += [
        {"name": r["name_zh_full"], "address": r["registered_address_zh"], "country": "中国", "product": ""}
        for r in _csv(data / "szse_a_share_list_2025-12.csv")
    ]
    seen: set[str] = set()
    latin: list[dict[str, str]] = []
    han: list[dict[str, str]] = []
    for row in rows:
        key = f"{row['name'].strip()}|{row['address'].strip()}"
        if row["name"].strip() and key not in seen:
            seen.add(key)
            (han if _HAN.search(row["name"]) else latin).append(row)
    return latin, han


def _latin_variant(name: str, rnd: random.Random) -> str:
    kind = rnd.randrange(5)
    if kind == 1:
        return name.upper()
    if kind == 2:
        return f"{_LATIN_FORM.sub('', name).strip()} {rnd.choice(LEGAL_FORMS)}".strip()
    words = name.split()
    if kind == 3:
        long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if long:
            i = rnd.choice(long)
            at = rnd.randrange(1, len(words[i]))
            words[i] = words[i][:at] + rnd.choice("aeioulnrst") + words[i][at + 1 :]
            return " ".join(words)
    if kind == 4 and len(words) >= 3:
        del words[rnd.randrange(1, len(words))]
        return " ".join(words)
    return name


def _han_variant(name: str, rnd: random.Random) -> str:
    kind = rnd.randrange(3)
    if kind == 1:
        for form in sorted(HAN_FORMS, key=len, reverse=True):
            if name.endswith(form):
                return name[: -len(form)] + rnd.choice(HAN_FORMS)
    if kind == 2:
        from threadline.names.han import leading_province

        province = leading_province(name)
        if province and len(name) > len(province) + 4:
            return name[len(province) :]
    return name


def build(n: int, path: Path, seed: int = 100) -> dict[str, int]:
    """Write ``n`` supplier rows to ``path`` (see the module docstring); returns what went in."""
    latin, han = real_rows()
    rnd = random.Random(seed)
    n_han = round(n * CHINESE_SHARE)
    picked: list[dict[str, str]] = []
    for pool, wanted, variant in ((latin, n - n_han, _latin_variant), (han, n_han, _han_variant)):
        chosen = rnd.sample(pool, min(wanted, len(pool)))
        while len(chosen) < wanted:
            row = dict(rnd.choice(pool))
            row["name"] = variant(row["name"], rnd)
            chosen.append(row)
        picked.extend(chosen)
    rnd.shuffle(picked)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "address", "country", "product"])
        writer.writeheader()
        writer.writerows(picked)
    return {
        "rows": n,
        "chinese_rows": n_han,
        "real_latin_rows": len(latin),
        "real_chinese_rows": len(han),
        "distinct_names": len({r["name"] for r in picked}),
    }


@dataclass
class Memory:
    pss_mb: float = 0.0
    """Peak of the summed PSS of the process and its workers."""
    rss_mb: float = 0.0
    """Peak RSS of the largest single process."""


def _tree(root: int) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                todo.extend(int(c) for c in children)
        except OSError:
            continue
    return pids


def _kb(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _sample(root: int, memory: Memory, stop: threading.Event) -> None:
    while not stop.wait(0.2):
        pids = _tree(root)
        pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
        rss = max((_kb(f"/proc/{p}/status", "VmRSS:") for p in pids), default=0)
        memory.pss_mb = max(memory.pss_mb, pss / 1024)
        memory.rss_mb = max(memory.rss_mb, rss / 1024)


def screen(path: Path, workers: int, out: Path) -> tuple[float, Memory]:
    """Wall seconds and peak memory of one `threadline screen` run."""
    env = {**os.environ, "THREADLINE_DATABASE_URL": f"sqlite:///{OUT / 'bench.db'}"}
    args = [str(BIN), "screen", str(path), "--no-record", "--workers", str(workers), "--out", str(out)]
    memory, stop = Memory(), threading.Event()
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = threading.Thread(target=_sample, args=(process.pid, memory, stop), daemon=True)
    sampler.start()
    _out, err = process.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {err.decode(errors='replace')[-2000:]}")
    return elapsed, memory


def baseline(path: Path, rows: int) -> tuple[float, int, int]:
    """Seconds for rapidfuzz's brute force over ``rows`` supplier names, and the list names it scanned."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    from threadline.service import default_store

    names = [n.value for e in default_store().entities for n in e.names]
    with path.open(encoding="utf-8") as handle:
        queries = [r["name"] for r, _ in zip(csv.DictReader(handle), range(rows), strict=False)]
    choices = [utils.default_process(n) for n in names]
    start = time.perf_counter()
    for at in range(0, len(queries), 250):  # 250 x 90k scores in uint8: 22 MB at a time
        chunk = [utils.default_process(q) for q in queries[at : at + 250]]
        scores = process.cdist(chunk, choices, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=2)
        _best = scores.max(axis=1)
    return time.perf_counter() - start, len(queries), len(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--one-worker", type=int, default=100_000, help="rows screened with one worker too")
    parser.add_argument("--baseline-rows", type=int, default=1_000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    files = {}
    for n in sorted(set(sizes) | {args.one_worker}):
        files[n] = OUT / f"suppliers_{n}.csv"
        print(json.dumps({"built": str(files[n]), **build(n, files[n])}), flush=True)
    one_row = OUT / "one.csv"
    one_row.write_text("name,country\nAcme Textiles Ltd,Vietnam\n", "utf-8")
    startup, start_memory = screen(one_row, 1, OUT / "one.jsonl")
    print(f"start-up (one row): {startup:.1f} s, peak PSS {start_memory.pss_mb:.0f} MB", flush=True)
    results = {}
    for n in sorted(set(sizes)):
        wall, memory = screen(files[n], 2, OUT / f"w2_{n}.jsonl")
        results[(n, 2)] = wall
        print(f"{n:,} rows, 2 workers: {wall:.1f} s wall, {n / wall:,.0f} rows/s "
              f"({n / max(wall - startup, 1e-9):,.0f} rows/s after start-up); peak PSS {memory.pss_mb:.0f} MB, "
              f"largest process RSS {memory.rss_mb:.0f} MB", flush=True)  # fmt: skip
    n = args.one_worker
    if n:
        wall, memory = screen(files[n], 1, OUT / f"w1_{n}.jsonl")
        print(f"{n:,} rows, 1 worker: {wall:.1f} s wall, {n / wall:,.0f} rows/s; peak PSS {memory.pss_mb:.0f} MB",
              flush=True)  # fmt: skip
        if (n, 2) in results:
            same = (OUT / f"w1_{n}.jsonl").read_bytes() == (OUT / f"w2_{n}.jsonl").read_bytes()
            alone = (wall - startup) / (results[(n, 2)] - startup)
            print(f"2 workers vs 1: {wall / results[(n, 2)]:.2f}x faster; screening alone {alone:.2f}x; "
                  f"outputs identical: {same}")  # fmt: skip
    largest = max(sizes)
    seconds, queries, names = baseline(files[largest], args.baseline_rows)
    projected = seconds * largest / queries
    print(f"baseline: rapidfuzz cdist, {queries:,} supplier names x {names:,} list names in {seconds:.1f} s "
          f"(2 cores) -> {projected:,.0f} s for {largest:,} names, extrapolated linearly; "
          f"threadline 2 workers is {projected / results[(largest, 2)]:.1f}x faster")  # fmt: skip


if __name__ == "__main__":
    main()
