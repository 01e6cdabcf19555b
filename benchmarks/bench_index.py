"""How candidate retrieval and scoring scale with the list: SYNTHETIC lists of 10k, 100k (and 1M) entities.

Each size is made by ``synthetic_list.py`` (real name parts recombined, planted true matches) and loaded the way a
user loads a large FollowTheMoney file (``--ftm``). Reported per size: load and index build time, memory the index
adds, single-query latency (p50, p99) over the planted queries and 300 real supplier names, recall of the planted
entity in the top 10 at score >= 0.70 by kind, and, against a rapidfuzz brute-force scan of every list name with
the same similarity (the exhaustive answer, on 100 Latin queries), the speed ratio and candidate recall.

    .venv/bin/python benchmarks/bench_index.py [SIZES...]     (default: 10000 100000)
    .venv/bin/python benchmarks/bench_index.py --persisted [SIZES...]   (the persisted index: persisted_index.py)
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import baselines
from rapidfuzz import fuzz, process
from synthetic_list import write

from threadline import settings
from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher
from threadline.names.normalize import has_han, name_key
from threadline.sources.ftm import load_ftm_file

OUT = Path(__file__).parent / "out" / "synthetic"


def logic_v1_scan(listing: Path, queries: list[str], n: int, blocked_s: float, sample: int = 2_000) -> None:
    """Print nomenklatura's logic-v1 per-pair throughput on this list and what scanning all of it per query costs.

    logic-v1 has no candidate index of its own (yente puts Elasticsearch in front of it), so without one every query
    is compared with every entity. ``sample`` entities spread evenly over the list are shared out among 20 of the
    queries (each entity compared once, each query prepared once); the time to scan all ``n`` entities per query is
    extrapolated as ``n / pairs per second``, i.e. assuming the per-pair cost does not grow with the list.
    """
    stride = max(1, n // sample)
    with listing.open(encoding="utf-8") as handle:
        entities = [json.loads(line) for i, line in enumerate(handle) if i % stride == 0][:sample]
    picked = queries[:: max(1, len(queries) // 20)][:20]
    sides = [{"schema": "LegalEntity", "properties": {"name": [q]}} for q in picked]
    rate, _seconds, pairs = baselines.scan_throughput("logic-v1", sides, entities)
    scan_s = n / rate
    print(
        f"N={n:,}: logic-v1 {rate:,.0f} pairs/s on one core ({pairs:,} query-entity pairs, measured); scanning all "
        f"{n:,} entities per query would take {scan_s:.2f} s (extrapolated), {scan_s / blocked_s:,.0f}x "
        f"threadline's {1000 * blocked_s:.1f} ms per query",
        flush=True,
    )


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def real_names(limit: int = 300) -> list[str]:
    path = settings.shared_data_dir() / "supplier_lists" / "apple_supplier_list_2012-2022.csv"
    with path.open(encoding="utf-8") as handle:
        names = list(dict.fromkeys(row["supplier_name"] for row in csv.DictReader(handle) if row["supplier_name"]))
    return names[:limit]


def measure(n: int) -> dict[str, object]:
    started = time.perf_counter()
    listing, planted_path = write(n, OUT)
    generated = time.perf_counter() - started
    before = rss_mb()
    started = time.perf_counter()
    loaded = load_ftm_file(listing)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    matcher = SimpleMatcher(loaded.entities)
    build_s = time.perf_counter() - started
    memory = rss_mb() - before
    with planted_path.open(encoding="utf-8") as handle:
        planted = list(csv.DictReader(handle))
    latencies: list[float] = []
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in planted:
        tick = time.perf_counter()
        hits = matcher.match(Query(item["query"]), limit=10, threshold=0.70)
        latencies.append(time.perf_counter() - tick)
        found[item["kind"]][0] += any(h.entity.entry_id == item["expected"] for h in hits)
        found[item["kind"]][1] += 1
    reals = real_names()
    for name in reals:
        tick = time.perf_counter()
        matcher.match(Query(name), limit=10, threshold=0.70)
        latencies.append(time.perf_counter() - tick)
    latencies.sort()
    # The exhaustive baseline: every list name scored with the same similarity, on 100 Latin queries.
    latin = [q["query"] for q in planted if not has_han(q["query"])][:50] + reals[:50]
    choices = [name_key(nm.value).latin for e in loaded.entities for nm in e.names]
    owners = [e.entry_id for e in loaded.entities for _ in e.names]
    tick = time.perf_counter()
    brute = [
        process.extract(
            name_key(q).latin, choices, scorer=fuzz.token_sort_ratio, processor=None, limit=None, score_cutoff=85
        )
        for q in latin
    ]
    brute_s = (time.perf_counter() - tick) / len(latin)
    tick = time.perf_counter()
    blocked = [matcher.match(Query(q), limit=1000) for q in latin]
    blocked_s = (time.perf_counter() - tick) / len(latin)
    logic_v1_scan(listing, latin, n, blocked_s)
    wanted = got = 0
    for hits, exhaustive in zip(blocked, brute, strict=True):
        ids = {h.entity.entry_id for h in hits}
        for _choice, _score, index in exhaustive:
            wanted += 1
            got += owners[index] in ids
    return {
        "n": n,
        "names": len(choices),
        "generate_s": generated,
        "load_s": load_s,
        "build_s": build_s,
        "memory_mb": memory,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "recall": {kind: f"{a}/{b}" for kind, (a, b) in sorted(found.items())},
        "brute_ms": 1000 * brute_s,
        "blocked_ms": 1000 * blocked_s,
        "candidate_recall": got / wanted if wanted else 1.0,
        "candidate_pairs": wanted,
    }


def main() -> None:
    if sys.argv[1:2] == ["--persisted"]:  # the persisted, memory-mapped index: see persisted_index.py
        import persisted_index

        persisted_index.run([int(a) for a in sys.argv[2:]] or [10_000, 100_000], real_names())
        return
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    for n in sizes:
        r = measure(n)
        print(
            f"N={r['n']:,} ({r['names']:,} names): load {r['load_s']:.1f}s, index build {r['build_s']:.1f}s, "
            f"+{r['memory_mb']:.0f} MB; query p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms; "
            f"planted found in top 10: {r['recall']}; brute force {r['brute_ms']:.1f} ms/query vs "
            f"{r['blocked_ms']:.1f} ms ({r['brute_ms'] / r['blocked_ms']:.1f}x); candidate recall vs brute force "
            f"{r['candidate_recall']:.3f} of {r['candidate_pairs']} pairs",
            flush=True,
        )


if __name__ == "__main__":
    main()
