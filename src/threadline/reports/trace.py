"""Render a trace as one self-contained HTML file: each risky chain as a numbered flow from raw material to the
imported good (the order CBP's UFLPA guidance asks importers to document), ownership verdicts with their
arithmetic, gaps, merges and skipped rows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from threadline import __version__
from threadline.graph.trace import TraceResult
from threadline.reports.html import environment, write_atomic

MAX_CHAINS = 500


def _chain(result: TraceResult, path: list[str], hops: list[Any]) -> list[dict[str, Any]]:
    """Steps from the far end of the path (step 1: where the risk is) to the root (the last step)."""
    parties = result.trace.parties
    steps = []
    for index, pid in enumerate(reversed(path)):
        party = parties[pid]
        position = len(path) - 1 - index
        relation = hops[position - 1] if position > 0 else None
        steps.append(
            {
                "number": index + 1,
                "name": party.name,
                "names": [n for n in party.names if n != party.name],
                "address": party.address,
                "country": (party.country or "").upper(),
                "listed": party.listing_labels(),
                "related": party.related_labels(),
                "region": party.region.to_dict() if party.region and party.region.in_xinjiang else None,
                "relation": relation,
            }
        )
    return steps


def render_trace_report(result: TraceResult, inputs: list[Path], example: bool) -> str:
    parties = result.trace.parties
    chains: list[dict[str, Any]] = []
    for exposure in result.exposures:
        if len(chains) >= MAX_CHAINS:
            break
        chains.append(
            {
                "root": parties[exposure.root].name,
                "party": parties[exposure.party].name,
                "kind": exposure.kind,
                "evidence": exposure.evidence,
                "steps": _chain(result, exposure.paths[0], exposure.hops[0]),
                "other_paths": [[parties[p].name for p in path] for path in exposure.paths[1:]],
            }
        )
    template = environment().get_template("trace.html.j2")
    return template.render(
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        example=example,
        inputs=[(p.name, result.read.kinds.get(str(p), "")) for p in inputs],
        parties=len(parties),
        relations=len(result.trace.relations),
        roots=[parties[r].name for r in result.roots],
        chains=chains,
        chains_total=len(result.exposures),
        verdicts=[v.to_dict() for v in result.verdicts],
        gaps=[(parties[root].name, gap) for root, found in result.gaps.items() for gap in found],
        merges=result.trace.merges,
        notes=result.trace.notes,
        skipped=result.read.skipped,
    )


def write_trace_report(path: Path, result: TraceResult, inputs: list[Path], example: bool = False) -> None:
    write_atomic(path, render_trace_report(result, inputs, example))
