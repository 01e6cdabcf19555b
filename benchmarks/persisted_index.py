"""The persisted candidate index on SYNTHETIC lists of 10k, 100k and 1M entities (``bench_index.py --persisted``).

Per size, with the embedded lists plus the synthetic list (``--ftm``), each in a fresh process where it matters:

- build: ``threadline index build --ftm LIST`` wall time (parsing the FtM file, normalising and keying every name on
  both cores, writing the segment); the snapshot's segments are built once beforehand and reused, as for a user;
- size of the list's segment on disk; resident memory (VmRSS) of a process that has opened the index and answered
  one query, and after answering every planted query;
- cold ``threadline match NAME --ftm LIST`` (a new process: imports, hashing the list file, mapping the index, one
  query), median of 3 runs with the file cache warm;
- single-name latency once loaded (p50, p99) over the planted queries and 300 real supplier names, and how much of
  the median is candidate generation (index look-ups and union) rather than scoring; measured after
  ``threadline.collector.settle()``, as a process that answers many queries would run;
- planted queries found in the top 10 at >= 0.70, and candidate recall against brute-force scoring, by kind: of the
  planted pairs that scoring the expected entry directly (``SimpleMatcher.compare``) puts at >= 0.70, the share the
  indexed ``match`` returns; for 100 Latin queries also every other entry a full rapidfuzz scan puts at raw
  similarity >= 0.70 and ``compare`` confirms at >= 0.70 (an entry's score never exceeds that similarity, except for
  acronym and brand hits, which the planted pairs cover);
- batches of 1k, 10k (and 100k) queries screened on two forked workers sharing the mapped index (``ParallelScreen``,
  as ``threadline screen`` does; reading the file and writing results are not included).

Writes ``index-growth.md`` (the table) and ``index-growth.png`` (the plot) to ``benchmarks/out/``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from threadline.collector import settle
from threadline.matching.model import Query
from threadline.matching.persisted import index_stats, open_index
from threadline.matching.simple import SimpleMatcher
from threadline.names.normalize import has_han, name_key
from threadline.risk.goods import GoodsIndex
from threadline.screening.parallel import ParallelScreen
from threadline.screening.reader import InputRow
from threadline.settings import snapshot_dir
from threadline.store import ListStore

ROOT = Path(__file__).parent
OUT = ROOT / "out"
BIN = Path(sys.executable).parent / "threadline"
FLOOR = 0.70
MATCH = 0.85
PER_KIND = 100
"""Planted queries used per kind (of one per 20 entities): latency and recall need hundreds, not 50,000."""
RSS_SCRIPT = """
import sys, json
from pathlib import Path
from threadline.lookup import active_matcher
from threadline.matching.model import Query
def rss():
    fields = dict(l.split(':', 1) for l in Path('/proc/self/status').read_text().splitlines())
    return int(fields['VmRSS'].split()[0]) / 1024
m = active_matcher((Path(sys.argv[1]),))
m.match(Query('Xinjiang Zhongtai Chemical'))
loaded = rss()
for q in json.loads(Path(sys.argv[2]).read_text()):
    m.match(Query(q), limit=10, threshold=0.70)
print(json.dumps({'loaded_mb': loaded, 'queried_mb': rss()}))
"""


def environment(work: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("THREADLINE_")}
    return {
        **keep,
        "THREADLINE_INDEX_DIR": str(work / "index"),
        "THREADLINE_DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
    }


def timed(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - started, done


def planted_rows(path: Path) -> list[dict[str, str]]:
    """The first :data:`PER_KIND` planted queries of each kind."""
    kept: dict[str, int] = defaultdict(int)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if kept[row["kind"]] < PER_KIND:
                kept[row["kind"]] += 1
                rows.append(row)
    return rows


def latencies(matcher: SimpleMatcher, queries: list[str]) -> dict[str, float]:
    total: list[float] = []
    candidates: list[float] = []
    for q in queries:
        tick = time.perf_counter()
        matcher._candidates(name_key(q))
        middle = time.perf_counter()
        matcher.match(Query(q), limit=10, threshold=FLOOR)
        total.append(time.perf_counter() - middle)
        candidates.append(middle - tick)
    total.sort()
    return {
        "p50_ms": 1000 * statistics.median(total),
        "p99_ms": 1000 * total[int(0.99 * (len(total) - 1))],
        "candidates_p50_ms": 1000 * statistics.median(candidates),
        "mean_ms": 1000 * statistics.fmean(total),
    }


def planted_recall(matcher: SimpleMatcher, planted: list[dict[str, str]], base: int) -> dict[str, Any]:
    """Top-10 recall of the planted entity, and candidate recall of the index against scoring that entry directly."""
    top10: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    versus: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in planted:
        entity = matcher.entities[base + int(item["expected"].removeprefix("syn-"))]
        assert entity.entry_id == item["expected"], (entity.entry_id, item["expected"])
        query = Query(item["query"])
        hits = matcher.match(query, limit=1000, threshold=FLOOR)
        found = {h.entity.entry_id for h in hits}
        top10[item["kind"]][0] += item["expected"] in {h.entity.entry_id for h in hits[:10]}
        top10[item["kind"]][1] += 1
        direct = matcher.compare(query, entity)
        if direct is not None and direct.score >= FLOOR:
            versus[item["kind"]][1] += 1
            versus[item["kind"]][0] += item["expected"] in found
    got = sum(a for a, _b in versus.values())
    wanted = sum(b for _a, b in versus.values())
    return {
        "top10": {k: f"{a}/{b}" for k, (a, b) in sorted(top10.items())},
        "versus_direct": {k: f"{a}/{b}" for k, (a, b) in sorted(versus.items())},
        "candidate_recall": got / wanted if wanted else 1.0,
        "candidate_pairs": wanted,
    }


def retrieval_recall(matcher: SimpleMatcher, planted: list[dict[str, str]], base: int) -> dict[str, Any]:
    """Of the planted pairs that scoring the expected entry directly puts at >= 0.70, the share whose entry the index
    hands to scoring: a record of it among the query's candidates in the query's script, or among the (at most 100)
    cross-script candidates that are aligned. This is the index's own recall; ``planted_recall`` also counts what
    the scoring in ``match`` then drops."""
    from threadline.matching.crossscript import han_core
    from threadline.matching.simple import MAX_CROSS_CANDIDATES

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in planted:
        entity_index = base + int(item["expected"].removeprefix("syn-"))
        entity = matcher.entities[entity_index]
        direct = matcher.compare(Query(item["query"]), entity)
        if direct is None or direct.score < FLOOR:
            continue
        key = name_key(item["query"])
        candidates = matcher._candidates(key)
        query_han = bool(han_core(key.original))
        same = [i for i in candidates if bool(han_core(matcher._records[i].key.original)) == query_han]
        cross = [i for i in candidates if bool(han_core(matcher._records[i].key.original)) != query_han]
        handed = set(same) | set(matcher._most_shared(key, cross, MAX_CROSS_CANDIDATES))
        counts[item["kind"]][1] += 1
        counts[item["kind"]][0] += any(matcher._records[i].entity == entity_index for i in handed)
    got, wanted = sum(a for a, _b in counts.values()), sum(b for _a, b in counts.values())
    return {
        "retrieved": {k: f"{a}/{b}" for k, (a, b) in sorted(counts.items())},
        "retrieval_recall": got / wanted if wanted else 1.0,
    }


def scan_recall(matcher: SimpleMatcher, queries: list[str]) -> dict[str, Any]:
    """Every entry a rapidfuzz scan of all names puts at raw similarity >= 0.70 and ``compare`` confirms at >= 0.70
    (and at >= 0.85, the match threshold): the share the index returns. Also the scan's time per query."""
    records = matcher._records
    latin = [matcher._latin[i] for i in range(len(records))]
    wanted = got = wanted_85 = got_85 = 0
    scan_s = 0.0
    for q in queries:
        tick = time.perf_counter()
        scanned = process.extract(
            name_key(q).latin, latin, scorer=fuzz.token_sort_ratio, processor=None, limit=None, score_cutoff=70
        )
        scan_s += time.perf_counter() - tick
        found = {(h.entity.source, h.entity.entry_id) for h in matcher.match(Query(q), limit=1000, threshold=FLOOR)}
        confirmed: set[tuple[str, str]] = set()
        strong: set[tuple[str, str]] = set()
        for entity_index in {records[i].entity for _c, _s, i in scanned}:
            entity = matcher.entities[entity_index]
            hit = matcher.compare(Query(q), entity)
            if hit is not None and hit.score >= FLOOR:
                confirmed.add((entity.source, entity.entry_id))
            if hit is not None and hit.score >= MATCH:
                strong.add((entity.source, entity.entry_id))
        wanted, got = wanted + len(confirmed), got + len(confirmed & found)
        wanted_85, got_85 = wanted_85 + len(strong), got_85 + len(strong & found)
    return {
        "scan_recall": got / wanted if wanted else 1.0,
        "scan_pairs": wanted,
        "scan_recall_85": got_85 / wanted_85 if wanted_85 else 1.0,
        "scan_pairs_85": wanted_85,
        "scan_ms": 1000 * scan_s / max(1, len(queries)),
    }


def batch_seconds(matcher: SimpleMatcher, names: list[str], size: int) -> float:
    rows = [InputRow(i + 1, names[i % len(names)], None, None, None, None, None) for i in range(size)]
    goods = GoodsIndex(ListStore.from_snapshot(snapshot_dir()).rules)
    tick = time.perf_counter()
    with ParallelScreen(matcher, 0.85, goods, 2) as pool:
        for _result in pool.screen(rows):
            pass
    return time.perf_counter() - tick


def measure(n: int, listing: Path, planted_path: Path, real: list[str], batches: list[int]) -> dict[str, Any]:
    work = OUT / "persisted"
    work.mkdir(parents=True, exist_ok=True)
    env = environment(work)
    subprocess.run([str(BIN), "index", "build"], capture_output=True, env=env, check=True)  # the snapshot's
    for folder in (work / "index").iterdir():  # a list's segment from an earlier run would be reused: drop it
        meta = folder / "meta.json"
        if meta.is_file() and json.loads(meta.read_text("utf-8"))["origin"] == f"ftm:{listing.resolve()}":
            shutil.rmtree(folder)
    build_s, _done = timed([str(BIN), "index", "build", "--ftm", str(listing)], env)
    planted = planted_rows(planted_path)
    queries = [p["query"] for p in planted] + real
    cold = []
    for q in ("Xinjiang Zhongtai Chemical", "新疆中泰化学股份有限公司", planted[1]["query"]):
        seconds, done = timed([str(BIN), "match", q, "--ftm", str(listing), "--json"], env)
        assert "index:" not in done.stderr, done.stderr  # current: mapped, not rebuilt
        cold.append(seconds)
    (work / "queries.json").write_text(json.dumps(queries[::3]), "utf-8")
    _s, done = timed([sys.executable, "-c", RSS_SCRIPT, str(listing), str(work / "queries.json")], env)
    rss = json.loads(done.stdout)
    os.environ.update({k: env[k] for k in ("THREADLINE_INDEX_DIR", "THREADLINE_DATABASE_URL")})
    tick = time.perf_counter()
    index = open_index((listing,), report=None)  # hashing the list files, checking and mapping the segments
    open_s = time.perf_counter() - tick
    stats = index_stats(index)
    segment = next(s for s in stats["lists"] if s["list"] not in {"ofac-sdn", "ofac-cons", "uk", "eu", "un"} and
                   s["entities"] == n)  # fmt: skip
    matcher = SimpleMatcher((), index=index)
    base = stats["entities"] - n
    settle()  # as a process that will answer queries for a while (threadline.collector): no full collections in them
    timing = latencies(matcher, queries)
    recall = planted_recall(matcher, planted, base) | retrieval_recall(matcher, planted, base)
    latin = [q for q in queries if not has_han(q)]
    scan = scan_recall(matcher, latin[:: max(1, len(latin) // 60)][:60])
    batch = {size: batch_seconds(matcher, queries, size) for size in batches}
    return {
        "n": n,
        "names": segment["names"],
        "keys": segment["keys"],
        "build_s": build_s,
        "segment_build_s": segment["build_s"],
        "bytes": segment["bytes"],
        "cold_s": statistics.median(cold),
        "open_s": open_s,
        **rss,
        **timing,
        **recall,
        **scan,
        "batches": batch,
    }


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| entities | names | keys | build s | size on disk | RSS loaded | RSS after queries | cold match s | "
        "p50 ms | p99 ms | candidates p50 ms | candidate recall vs direct scoring | vs full scan >= 0.70 | "
        "vs full scan >= 0.85 | batches (s) |\n" + "|---" * 15 + "|\n"
    )
    body = ""
    for r in rows:
        batches = ", ".join(f"{k:,}: {v:.1f}" for k, v in r["batches"].items())
        body += (
            f"| {r['n']:,} | {r['names']:,} | {r['keys']:,} | {r['build_s']:.1f} | {r['bytes'] / 2**20:,.0f} MB | "
            f"{r['loaded_mb']:,.0f} MB | {r['queried_mb']:,.0f} MB | {r['cold_s']:.2f} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['candidates_p50_ms']:.2f} | {r['candidate_recall']:.3f} "
            f"({r['candidate_pairs']:,} pairs) | {r['scan_recall']:.3f} ({r['scan_pairs']:,}) | "
            f"{r['scan_recall_85']:.3f} ({r['scan_pairs_85']:,}) | {batches} |\n"
        )
    return head + body


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["n"] for r in rows]
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label in (("build_s", "build (s)"), ("cold_s", "cold match (s)"), ("p50_ms", "p50 (ms)"),
                       ("p99_ms", "p99 (ms)")):  # fmt: skip
        left.plot(sizes, [r[key] for r in rows], marker="o", label=label)
    left.plot(sizes, [r["queried_mb"] / 1024 for r in rows], marker="s", label="RSS (GB)")
    left.plot(sizes, [r["bytes"] / 2**30 for r in rows], marker="s", label="size on disk (GB)")
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("list entities (synthetic)")
    left.set_title("growth with the list")
    left.legend(fontsize=8)
    for r in rows:
        batch = sorted(r["batches"].items())
        right.plot([k for k, _v in batch], [v for _k, v in batch], marker="o", label=f"{r['n']:,} entities")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("queries in the batch (2 workers)")
    right.set_ylabel("seconds")
    right.set_title("growth with the batch")
    right.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=120)


def run(sizes: list[int], real: list[str]) -> None:
    rows = []
    for n in sizes:
        listing = OUT / "synthetic" / f"synthetic-{n}.ftm.json"
        planted = OUT / "synthetic" / f"planted-{n}.csv"
        if not listing.is_file() or not planted.is_file():
            from synthetic_list import write

            listing, planted = write(n, OUT / "synthetic")
        batches = [int(b) for b in os.environ.get("BENCH_BATCHES", "300,1000").split(",")]
        row = measure(n, listing, planted, real, batches)
        print(json.dumps(row), flush=True)
        rows.append(row)
        (OUT / "index-growth.md").write_text(table(rows), "utf-8")
        plot(rows, OUT / "index-growth.png")
    print(table(rows))
