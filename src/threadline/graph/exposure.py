"""Every path from a root (a buyer at the top of the chain, or a party the user names) to a risk source.

Risk sources, each with its evidence:

- ``listed``: a party matched to a list entry (or marked a sanctions target by an FtM file);
- ``ownership``: a party blocked or possibly blocked by the OFAC 50 % rule, or owned or controlled (UK/EU tests)
  by listed parties (the arithmetic is in the ownership verdicts);
- ``related``: a unit or a group member of a listed party, not itself listed (新疆生产建设兵团第一师, a division of the
  XPCC: the matcher's ``related`` hits);
- ``xinjiang``: a party located in the Xinjiang Uyghur Autonomous Region;
- ``sector``: a party that supplies a product in a UFLPA high-priority sector (the input, not the buyer, is where
  the risk enters).

Paths follow the graph's edges (buyer → supplier, owned → owner ...). For each root, a breadth-first search finds
what it reaches; for each risky party reached, up to ``max_paths`` simple paths are listed, shortest first, found
by a depth-first search pruned to the parties that can reach the target. Gaps are reported per root: a supplier
at tier n with no suppliers recorded while the data goes deeper elsewhere ("tier n+1 unknown"), tiers skipped
between two hops, ownership cycles and supply cycles, and conflicting ownership records.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

import networkx as nx

from threadline.graph.build import Graph, TraceGraph
from threadline.graph.model import SUPPLY_KINDS, Relation
from threadline.risk.sector import SectorResult, classify

KIND_ORDER = ("listed", "ownership", "related", "xinjiang", "sector")


@dataclass(frozen=True, slots=True)
class RiskSource:
    kind: str
    evidence: str


@dataclass(slots=True)
class Exposure:
    root: str
    party: str
    kind: str
    paths: list[list[str]] = field(default_factory=list)
    """Each path as party ids, root first."""
    hops: list[list[Relation]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def find_roots(trace: TraceGraph) -> list[str]:
    """Buyers nobody buys from; with no supply relations at all, parties nothing points at."""
    graph = trace.graph
    supply_in: set[str] = set()
    supply_out: set[str] = set()
    for down, up, data in graph.edges(data=True):
        if data["relation"].kind in SUPPLY_KINDS:
            supply_out.add(down)
            supply_in.add(up)
    roots = [p for p in graph.nodes if p in supply_out and p not in supply_in]
    if roots:
        return roots
    return [p for p in graph.nodes if graph.in_degree(p) == 0 and graph.out_degree(p) > 0]


def risk_sources(trace: TraceGraph, ownership: dict[str, list[str]]) -> dict[str, list[RiskSource]]:
    """What makes each party risky. ``ownership``: party → the arithmetic of each verdict that blocks it."""
    risks: dict[str, list[RiskSource]] = {}
    for pid, party in trace.parties.items():
        for label in party.listing_labels():
            risks.setdefault(pid, []).append(RiskSource("listed", label))
        for line in ownership.get(pid, []):
            risks.setdefault(pid, []).append(RiskSource("ownership", line))
        for label in party.related_labels():
            risks.setdefault(pid, []).append(RiskSource("related", label))
        region = party.region
        if region is not None and region.in_xinjiang:
            place = region.place.label if region.place else "Xinjiang"
            risks.setdefault(pid, []).append(RiskSource("xinjiang", f"{place} ({region.signal}: {region.evidence})"))
    sectors: dict[tuple[str | None, str | None], SectorResult] = {}  # supply files repeat a few products
    for _, up, data in trace.graph.edges(data=True):
        relation: Relation = data["relation"]
        if relation.kind not in SUPPLY_KINDS or not (relation.product or relation.hs_code):
            continue
        what_key = (relation.product, relation.hs_code)
        sector = sectors.get(what_key) or sectors.setdefault(what_key, classify(relation.product, relation.hs_code))
        if sector.flagged:
            what = relation.product or f"HS {relation.hs_code}"
            why = f"{sector.signal}: {sector.evidence}; {relation.source.label}"
            text = f"supplies {what}: {', '.join(sector.sectors)} ({why})"
            risks.setdefault(up, []).append(RiskSource("sector", text))
    return risks


def _reach(graph: Graph, root: str) -> tuple[dict[str, int], dict[str, str]]:
    """Breadth-first from ``root``: each party's distance and the party it was first reached from."""
    depth = {root: 0}
    parent: dict[str, str] = {}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for nxt in graph.successors(node):
            if nxt not in depth:
                depth[nxt] = depth[node] + 1
                parent[nxt] = node
                queue.append(nxt)
    return depth, parent


def _shortest(parent: dict[str, str], target: str) -> list[str]:
    path = [target]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    return path[::-1]


def _can_reach(graph: Graph, target: str, within: dict[str, int]) -> set[str]:
    seen = {target}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        for prev in graph.predecessors(node):
            if prev in within and prev not in seen:
                seen.add(prev)
                queue.append(prev)
    return seen


def _paths(graph: Graph, root: str, target: str, allowed: set[str], limit: int, max_depth: int) -> list[list[str]]:
    """Up to ``limit`` simple paths, shortest first. The search only enters parties that can reach the target, so
    almost every branch ends in a path; the step budget only guards against dense cyclic graphs."""
    found: list[list[str]] = []
    stack: list[tuple[str, list[str]]] = [(root, [root])]
    budget = max(20_000, limit * 500)
    while stack and budget > 0 and len(found) < limit * 4:
        node, path = stack.pop()
        budget -= 1
        if node == target:
            found.append(path)
            continue
        if len(path) > max_depth:
            continue
        for nxt in sorted(set(graph.successors(node)), reverse=True):
            if nxt in allowed and nxt not in path:
                stack.append((nxt, [*path, nxt]))
    found.sort(key=len)
    return found[:limit]


def _hop_relations(graph: Graph, path: list[str]) -> list[Relation]:
    hops = []
    for a, b in pairwise(path):
        edges = graph.get_edge_data(a, b) or {}
        hops.append(next(iter(edges.values()))["relation"])
    return hops


def exposures(
    trace: TraceGraph, roots: list[str], risks: dict[str, list[RiskSource]], max_paths: int = 5, max_depth: int = 20
) -> Iterator[Exposure]:
    """One exposure per (root, risky party, kind), most serious kind first, then nearest first."""
    graph = trace.graph
    for root in roots:
        reach, parent = _reach(graph, root)
        found: list[Exposure] = []
        # Walk whichever is smaller: the parties this root reaches, or the risky parties of the whole graph.
        risky = [p for p in reach if p in risks] if len(reach) < len(risks) else [p for p in risks if p in reach]
        for party in risky:
            sources = risks[party]
            if max_paths > 1:
                paths = _paths(graph, root, party, _can_reach(graph, party, reach), max_paths, max_depth)
            else:
                paths = [_shortest(parent, party)]
            for kind in KIND_ORDER:
                evidence = [s.evidence for s in sources if s.kind == kind]
                if evidence:
                    found.append(
                        Exposure(root, party, kind, paths, [_hop_relations(graph, p) for p in paths], evidence)
                    )
        found.sort(key=lambda e: (KIND_ORDER.index(e.kind), reach[e.party], e.party))
        yield from found


def _out(graph: Graph, node: str) -> list[tuple[str, Relation]]:
    """The edges leaving ``node``: (the party it depends on, the relation that says so)."""
    return [(str(other), data["relation"]) for _, other, data in graph.out_edges(node, data=True)]


class GapFinder:
    """Missing tiers, skipped tiers, cycles and conflicting ownership records, per root. What does not depend on
    the root (the deepest tier, the cycles) is worked out once."""

    def __init__(self, trace: TraceGraph) -> None:
        self.trace = trace
        tiers = [r.tier for r in trace.relations if r.tier is not None]
        self.deepest = max(tiers, default=0)
        self.has_tiers = bool(tiers)
        self.cycles = [c for c in nx.strongly_connected_components(trace.graph) if len(c) > 1]

    def gaps(self, root: str) -> list[str]:
        graph = self.trace.graph
        reach, _ = _reach(graph, root)
        name = {pid: self.trace.parties[pid].name for pid in reach}
        out: list[str] = []
        for down in reach:
            for up, relation in _out(graph, down):
                if relation.kind in SUPPLY_KINDS and relation.tier is not None:
                    out += self._tier_gaps(relation, up, name)
        if not self.has_tiers:
            out += _short_chains(self.trace, root, reach)
        for component in self.cycles:
            if component & reach.keys():
                members = sorted(component, key=lambda p: reach.get(p, 0))
                out.append("cycle: " + " → ".join(name[p] for p in [*members, members[0]]))
        out += _conflicts(self.trace, reach)
        return list(dict.fromkeys(out))

    def _tier_gaps(self, relation: Relation, up: str, name: dict[str, str]) -> list[str]:
        assert relation.tier is not None
        out = []
        suppliers = [(s, r) for s, r in _out(self.trace.graph, up) if r.kind in SUPPLY_KINDS]
        if not suppliers and relation.tier < self.deepest:
            what = f" for {relation.product}" if relation.product else ""
            where = relation.source.label
            out.append(f"tier {relation.tier + 1} unknown: no suppliers recorded for {name[up]}{what} ({where})")
        for supplier, nxt in suppliers:
            if nxt.tier is not None and nxt.tier > relation.tier + 1:
                out.append(
                    f"tiers {relation.tier + 1}-{nxt.tier - 1} missing between {name[up]} and {name[supplier]} "
                    f"({relation.source.label}, {nxt.source.label})"
                )
        return out


def gaps(trace: TraceGraph, root: str) -> list[str]:
    """The gaps of one root (see :class:`GapFinder`; use it directly for many roots)."""
    return GapFinder(trace).gaps(root)


def _short_chains(trace: TraceGraph, root: str, reach: dict[str, int]) -> list[str]:
    """Without tier columns: supply chains of this root that stop sooner than its longest one."""
    graph = trace.graph
    leaves = [
        pid
        for pid in reach
        if pid != root
        and any(data["relation"].kind in SUPPLY_KINDS for _, _, data in graph.in_edges(pid, data=True))
        and not any(r.kind in SUPPLY_KINDS for _, r in _out(graph, pid))
    ]
    deepest = max((reach[p] for p in leaves), default=0)
    return [
        f"chain stops at {trace.parties[p].name} (step {reach[p]}) while the longest chain goes {deepest} steps: "
        "its suppliers are unknown"
        for p in leaves
        if reach[p] < deepest
    ]


def _conflicts(trace: TraceGraph, reach: dict[str, int]) -> list[str]:
    graph = trace.graph
    name = {pid: p.name for pid, p in trace.parties.items()}
    out = []
    for owned in reach:
        stakes: dict[str, list[Relation]] = {}
        for owner, relation in _out(graph, owned):
            if relation.kind == "owns" and relation.share is not None:
                stakes.setdefault(owner, []).append(relation)
        for owner, records in stakes.items():
            shares = {str(r.share) for r in records}
            if len(shares) > 1:
                listed = ", ".join(f"{r.share} ({r.source.label})" for r in records)
                out.append(f"conflicting shares of {name[owner]} in {name[owned]}: {listed}")
        total = sum(min(r.share.low for r in records if r.share) for records in stakes.values())
        if total > 100 + 1e-9:
            out.append(
                f"owners of {name[owned]} hold {total:g} % together, more than 100 %: a record is wrong or stale"
            )
    return out
