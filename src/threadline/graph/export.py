"""Export the traced graph for other tools: GraphML (yEd, Gephi, Cytoscape) through networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from threadline.graph.build import Graph, TraceGraph
from threadline.graph.model import Relation


def to_graphml(trace: TraceGraph, path: Path) -> None:
    """Write parties (name, address, country, listed, in Xinjiang) and relations (kind, product, HS code, tier,
    share, source row) as GraphML."""
    out: Graph = nx.MultiDiGraph()
    for pid, party in trace.parties.items():
        region = party.region
        out.add_node(
            pid,
            name=party.name,
            names=" | ".join(party.names),
            address=party.address or "",
            country=party.country or "",
            listed="; ".join(party.listing_labels()),
            related="; ".join(party.related_labels()),
            in_xinjiang="" if region is None or region.in_xinjiang is None else str(region.in_xinjiang).lower(),
        )
    for down, up, data in trace.graph.edges(data=True):
        relation: Relation = data["relation"]
        out.add_edge(
            down,
            up,
            kind=relation.kind,
            product=relation.product or "",
            hs_code=relation.hs_code or "",
            tier="" if relation.tier is None else str(relation.tier),
            share="" if relation.share is None else str(relation.share),
            source=relation.source.label,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(out, path)
