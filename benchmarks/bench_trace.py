"""Trace cost on generated supply chains: 200,000 parties and 1,000,000 relations at full size.

The graph is layered like real sourcing: 1,000 brands buy from garment makers, which buy from mills, spinners and
ginners (tiers 1-4), each party from several suppliers of the next tier, plus ownership stakes among the upper
tiers. One ginner in a hundred has a Xinjiang address; one party in two hundred of tiers 2-4 carries a sanctioned
owner, and one in twenty a minority or majority owner in the tier above. Sourcing is regional (a buyer's suppliers
and owners come from its neighbourhood of the next tier), so a brand reaches a few hundred parties upstream, as real
sourcing maps do, rather than a third of the graph. Names are generated and unique, so parties are merged by exact
name at every size (the matcher's fuzzy merge is skipped above 20,000 parties in real use, and names that differ
only in a number are its worst case) and list screening is off: this measures reading, resolving, locating,
ownership and exposure for every root, not name matching (see bench_screen.py for that). The graph is synthetic.

Reported: seconds per stage, peak memory, and how time grows with size (1/8, 1/4, 1/2 and the full graph).

Usage: .venv/bin/python benchmarks/bench_trace.py [--full-only]
"""

from __future__ import annotations

import contextlib
import csv
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import networkx as nx

from threadline.graph.build import TraceGraph, build_graph
from threadline.graph.exposure import RiskSource, exposures, find_roots, risk_sources
from threadline.graph.inputs import read_relations
from threadline.graph.trace import ownership_verdicts

OUT = Path(__file__).parent / "out" / "trace"
TIERS = (1_000, 20_000, 40_000, 60_000, 79_000)
FAN_OUT = (10, 12, 9, 7)
PRODUCTS = ("knitted T-shirts", "cotton fabric", "cotton yarn", "raw cotton")
HS = ("6109.10", "5208.12", "5205.12", "5201.00")


def _window(suppliers: list[str], position: int, buyers: int, width: int = 40) -> list[str]:
    """The suppliers near a buyer's place in its tier: sourcing is regional, so neighbouring buyers share suppliers
    and a brand reaches hundreds of parties upstream, not the whole tier."""
    centre = position * len(suppliers) // buyers
    start = max(0, min(centre - width // 2, len(suppliers) - width))
    return suppliers[start : start + width]


def generate(scale: float, seed: int = 7) -> tuple[Path, Path, int]:
    rng = random.Random(seed)
    sizes = [max(1, int(n * scale)) for n in TIERS]
    names = [[f"T{t} Party {i:06d} Co" for i in range(size)] for t, size in enumerate(sizes)]
    OUT.mkdir(parents=True, exist_ok=True)
    supply, owners = OUT / f"supply-{scale}.csv", OUT / f"ownership-{scale}.csv"
    relations = 0
    with supply.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["buyer", "supplier", "supplier_address", "product", "hs_code", "tier"])
        for tier, fan in enumerate(FAN_OUT):
            # Every supplier has at least one buyer (a party nobody buys from would be a root of its own).
            first: dict[str, list[str]] = {buyer: [] for buyer in names[tier]}
            for n, supplier in enumerate(names[tier + 1]):
                first[names[tier][n * len(names[tier]) // len(names[tier + 1])]].append(supplier)
            for n_buyer, buyer in enumerate(names[tier]):
                nearby = _window(names[tier + 1], n_buyer, len(names[tier]))
                extra = rng.sample(nearby, max(0, min(fan, len(nearby)) - len(first[buyer])))
                for supplier in dict.fromkeys(first[buyer] + extra):
                    address = ""
                    if tier == 3:
                        address = "Aksu, Xinjiang, China" if rng.random() < 0.01 else "Industrial Park, Jiangsu, China"
                    writer.writerow([buyer, supplier, address, PRODUCTS[tier], HS[tier], tier + 1])
                    relations += 1
    with owners.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["owner", "owned", "share"])
        for tier in (2, 3, 4):
            for position, owned in enumerate(names[tier]):
                if rng.random() < 0.005:
                    writer.writerow(["Sanctioned Holding Ltd", owned, rng.choice(["60", "50", "30-80", "unknown"])])
                    relations += 1
                if rng.random() < 0.05:
                    writer.writerow(
                        [
                            rng.choice(_window(names[tier - 1], position, len(names[tier]))),
                            owned,
                            rng.choice(["25", "51", "10"]),
                        ]
                    )
                    relations += 1
    return supply, owners, relations


def baseline(trace: TraceGraph, roots: list[str], risks: dict[str, list[RiskSource]], sample: int = 3) -> float:
    """The obvious way with the same graph library: one networkx shortest-path search per (root, risky party).
    Timed on ``sample`` roots and scaled to all of them."""
    start = time.perf_counter()
    for root in roots[:sample]:
        for party in risks:
            with contextlib.suppress(nx.NetworkXNoPath):
                nx.shortest_path(trace.graph, root, party)
    return (time.perf_counter() - start) * len(roots) / min(sample, len(roots))


def run(scale: float) -> dict[str, float]:
    supply, owners, count = generate(scale)
    times: dict[str, float] = {"relations": count}
    start = time.perf_counter()
    read = read_relations([supply, owners])
    times["read"] = time.perf_counter() - start
    start = time.perf_counter()
    trace = build_graph(read.relations, None, 0.85, fuzzy=False)
    times["resolve + locate"] = time.perf_counter() - start
    times["parties"] = len(trace.parties)
    # The generated owner stands for a listed party: mark it as an FtM-style sanctions target.
    trace.parties["Sanctioned Holding Ltd"].listed_by = ("generated",)
    start = time.perf_counter()
    verdicts = ownership_verdicts(trace)
    times["ownership"] = time.perf_counter() - start
    start = time.perf_counter()
    blocking: dict[str, list[str]] = {}
    for verdict in verdicts:
        if verdict.verdict != "not_blocked":
            blocking.setdefault(verdict.party, []).append(verdict.arithmetic)
    roots = find_roots(trace)
    risks = risk_sources(trace, blocking)
    kinds = Counter(exposure.kind for exposure in exposures(trace, roots, risks, max_paths=1))
    found = sum(kinds.values())
    times["exposure (all roots)"] = time.perf_counter() - start
    times["roots"] = len(roots)
    times["baseline"] = baseline(trace, roots, risks)
    times["exposures"] = found
    for kind in ("listed", "ownership", "xinjiang", "sector"):
        times[f"n {kind}"] = kinds.get(kind, 0)
    stages = ("read", "resolve + locate", "ownership", "exposure (all roots)")
    times["total"] = sum(times[stage] for stage in stages)
    return times


HEADER = (
    "| scale | relations | parties | roots | exposures (ownership / xinjiang / sector) "
    "| read s | resolve+locate s | ownership s | exposure s | total s | peak RSS GiB | baseline exposure s | ratio |"
)


def row(scale: float, t: dict[str, float], rss: float) -> str:
    n = {key: f"{int(value):,}" for key, value in t.items()}
    return (
        f"| {scale:g} | {n['relations']} | {n['parties']} | {n['roots']} "
        f"| {n['exposures']} ({n['n ownership']} / {n['n xinjiang']} / {n['n sector']}) "
        f"| {t['read']:.1f} | {t['resolve + locate']:.1f} | {t['ownership']:.1f} | {t['exposure (all roots)']:.1f} "
        f"| {t['total']:.1f} | {rss:.2f} | {t['baseline']:.0f} | {t['baseline'] / t['exposure (all roots)']:.0f}x |"
    )


def main() -> None:
    scales = (1.0,) if "--full-only" in sys.argv else (0.125, 0.25, 0.5, 1.0)
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for scale in scales:
        t = run(scale)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
        print(row(scale, t, rss), flush=True)


if __name__ == "__main__":
    main()
