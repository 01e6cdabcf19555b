"""``threadline trace``: read relation files, build and screen the graph, apply the ownership rules, list the
exposure of every root, and say what is missing. Output records follow DESIGN.md §5."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threadline.exc import ConfigError
from threadline.graph.build import TraceGraph, build_graph
from threadline.graph.exposure import Exposure, GapFinder, exposures, find_roots, risk_sources
from threadline.graph.inputs import ReadResult, read_relations
from threadline.graph.model import Relation
from threadline.graph.ownership import Stake, Verdict, control, look_through, ofac_fifty_percent
from threadline.matching.simple import SimpleMatcher
from threadline.names.normalize import name_key

SANCTIONS_SOURCES = {"ofac-sdn", "ofac-cons", "uk", "eu", "un"}
"""Lists whose parties' holdings block or freeze what they own or control (UFLPA, BIS and WROs do not)."""
OFAC_SOURCES = {"ofac-sdn"}


@dataclass(slots=True)
class TraceResult:
    read: ReadResult
    trace: TraceGraph
    roots: list[str]
    exposures: list[Exposure] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    gaps: dict[str, list[str]] = field(default_factory=dict)


def _seeds(trace: TraceGraph, sources: set[str], ftm_prefix: str | None) -> set[str]:
    """Parties listed on one of ``sources``, or marked sanctioned by an FtM file (with a dataset starting with
    ``ftm_prefix``, when given)."""
    seeds = set()
    for pid, party in trace.parties.items():
        by_list = any(hit.entity.source in sources for hit in party.hits)
        by_file = any(ftm_prefix is None or d.startswith(ftm_prefix) for d in party.listed_by)
        if by_list or by_file:
            seeds.add(pid)
    return seeds


def _stakes(trace: TraceGraph) -> list[Stake]:
    stakes = []
    for owned, owner, data in trace.graph.edges(data=True):
        relation: Relation = data["relation"]
        if relation.kind == "owns" and relation.share is not None:
            stakes.append(Stake(str(owner), str(owned), relation.share, relation.controls, relation.source.label))
    return stakes


def ownership_verdicts(trace: TraceGraph) -> list[Verdict]:
    stakes = _stakes(trace)
    if not stakes:
        return []
    ofac = ofac_fifty_percent(stakes, _seeds(trace, OFAC_SOURCES, "us_ofac"))
    sanctioned = _seeds(trace, SANCTIONS_SOURCES, None)
    return [*ofac.values(), *look_through(stakes, sanctioned).values(), *control(stakes, sanctioned).values()]


def _pick_roots(trace: TraceGraph, wanted: list[str] | None) -> list[str]:
    if not wanted:
        return find_roots(trace)
    chosen = []
    for text in wanted:
        key = name_key(text).folded
        found = [
            pid
            for pid, party in trace.parties.items()
            if text in {pid, *party.keys} or any(name_key(n).folded == key for n in party.names)
        ]
        if not found:
            names = ", ".join(p.name for p in list(trace.parties.values())[:5])
            raise ConfigError(f"--root {text!r}: no party of that name or id in the files (parties include {names})")
        chosen.extend(found)
    return list(dict.fromkeys(chosen))


def run_trace(
    paths: list[Path],
    matcher: SimpleMatcher | None,
    threshold: float,
    roots: list[str] | None = None,
    fuzzy: bool = True,
    max_paths: int = 5,
) -> TraceResult:
    read = read_relations(paths)
    if not read.relations:
        raise ConfigError(f"no usable relations in {', '.join(map(str, paths))}; {len(read.skipped)} rows skipped")
    trace = build_graph(read.relations, matcher, threshold, read.listed_by, fuzzy)
    verdicts = ownership_verdicts(trace)
    blocking: dict[str, list[str]] = {}
    for verdict in verdicts:
        if verdict.verdict != "not_blocked":
            blocking.setdefault(verdict.party, []).append(f"{verdict.mode}: {verdict.verdict}: {verdict.arithmetic}")
    chosen = _pick_roots(trace, roots)
    risks = risk_sources(trace, blocking)
    result = TraceResult(read, trace, chosen, verdicts=verdicts)
    result.exposures = list(exposures(trace, chosen, risks, max_paths=max_paths))
    finder = GapFinder(trace)
    result.gaps = {root: finder.gaps(root) for root in chosen}
    return result


def _hop(trace: TraceGraph, relation: Relation, down: str, up: str) -> dict[str, Any]:
    names = trace.parties
    data: dict[str, Any] = {
        "from": names[down].name,
        "to": names[up].name,
        "relation": relation.kind,
        "source": relation.source.label,
    }
    for key in ("product", "hs_code", "tier", "date"):
        value = getattr(relation, key)
        if value is not None:
            data[key] = value
    if relation.share is not None:
        data["share"] = str(relation.share)
    return data


def records(result: TraceResult) -> Iterator[dict[str, Any]]:
    """The JSON lines of DESIGN.md §5: exposures, ownership verdicts, gaps."""
    parties = result.trace.parties
    for exposure in result.exposures:
        yield {
            "root": parties[exposure.root].name,
            "party": parties[exposure.party].name,
            "kind": exposure.kind,
            "paths": [[parties[p].name for p in path] for path in exposure.paths],
            "evidence": exposure.evidence,
            "steps": [
                [_hop(result.trace, rel, a, b) for rel, a, b in zip(hops, path, path[1:], strict=False)]
                for hops, path in zip(exposure.hops, exposure.paths, strict=True)
            ],
            "address": parties[exposure.party].address,
        }
    for verdict in result.verdicts:
        data = verdict.to_dict()
        data["party"] = parties[verdict.party].name
        for owner in data.get("owners", []):  # type: ignore[attr-defined]
            if isinstance(owner, dict) and owner.get("owner") in parties:
                owner["owner"] = parties[owner["owner"]].name
        yield data
    for root, found in result.gaps.items():
        for gap in found:
            yield {"root": parties[root].name, "gap": gap}
