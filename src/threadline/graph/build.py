"""Turn relations into a graph of resolved, screened parties.

Resolution: rows naming a party with the same key (an FtM id, a party-id column) are one party; so are rows whose
names are equal once normalised (case, punctuation, legal forms: "HUAFU FASHION CO LTD" = "Huafu Fashion Co.,
Ltd."), unless both give different countries. Then the matcher compares the remaining parties with each other, in
any script, and merges those scoring at or above ``MERGE_THRESHOLD`` (华孚时尚股份有限公司 = Huafu Fashion Co., Ltd.);
every such merge is recorded with its score, so a reviewer can undo it. Above ``FUZZY_LIMIT`` parties the fuzzy step
is skipped (and said), because comparing every party costs minutes per ten thousand.

Screening: every party is matched against the lists and located (Xinjiang or not) from its address and name. Hits
the matcher marks ``related`` (a unit or a member of a listed party's group: 新疆生产建设兵团第一师 and the XPCC,
held at :data:`~threadline.matching.simple.RELATED_CAP`, below the match threshold) are kept apart, so a chain can
still say which listed party it leads to.

The graph is a networkx ``MultiDiGraph`` whose edges point the way risk is traced, from a buyer to what it depends
on: buyer → supplier, consignee → shipper, owned → owner, organisation → director; each edge keeps its
:class:`~threadline.graph.model.Relation`, so every hop has its file and row. networkx gives the cycle search
(strongly connected components) and GraphML export; the traversal itself walks its adjacency directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeAlias

import networkx as nx

from threadline.graph.model import PartyRef, Relation
from threadline.matching.model import Hit, Query
from threadline.matching.simple import RELATED_CAP, SimpleMatcher
from threadline.model import Entity, Name
from threadline.names.normalize import name_key
from threadline.risk.region import RegionResult, locate

Graph: TypeAlias = "nx.MultiDiGraph[str]"
"""Party ids as nodes; each edge carries ``relation``."""

MERGE_THRESHOLD = 0.92
FUZZY_LIMIT = 20_000


@dataclass(slots=True)
class Party:
    id: str
    name: str
    names: list[str] = field(default_factory=list)
    address: str | None = None
    country: str | None = None
    schema: str = "LegalEntity"
    keys: set[str] = field(default_factory=set)
    hits: tuple[Hit, ...] = ()
    region: RegionResult | None = None
    listed_by: tuple[str, ...] = ()
    """Datasets of an FtM file that marks this party as a sanctions target."""
    related: tuple[Hit, ...] = ()
    """List entries this party is a unit or a group member of (hits marked ``related``), not itself listed."""

    @property
    def listed(self) -> bool:
        return bool(self.hits or self.listed_by)

    def listing_labels(self) -> list[str]:
        labels = [_hit_label(h) for h in self.hits]
        return labels + [f"FtM target ({', '.join(self.listed_by) or 'no dataset named'})" for _ in self.listed_by[:1]]

    def related_labels(self) -> list[str]:
        """The list entries the party is related to, unless it is listed itself (its own listing says more)."""
        return [] if self.listed else [f"related to {_hit_label(h)}" for h in self.related]


def _hit_label(hit: Hit) -> str:
    return f"{hit.entity.source} {hit.entity.entry_id} {hit.entity.caption} ({hit.score:.2f})"


@dataclass(slots=True)
class TraceGraph:
    parties: dict[str, Party]
    graph: Graph
    relations: list[Relation]
    merges: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _Resolver:
    def __init__(self) -> None:
        self.parties: dict[str, Party] = {}
        self._by_key: dict[str, str] = {}
        self._by_name: dict[str, list[str]] = {}

    def resolve(self, ref: PartyRef) -> str:
        found = self._by_key.get(ref.key) if ref.key else None
        core = name_key(ref.name).folded or ref.name.casefold()
        if found is None:
            found = next((pid for pid in self._by_name.get(core, []) if _same_country(self.parties[pid], ref)), None)
        if found is None:
            found = ref.name if ref.name not in self.parties else f"{ref.name} #{len(self.parties) + 1}"
            self.parties[found] = Party(found, ref.name, schema=ref.schema)
            self._by_name.setdefault(core, []).append(found)
        party = self.parties[found]
        if ref.name not in party.names:
            party.names.append(ref.name)
        party.address = party.address or ref.address
        party.country = party.country or ref.country
        if ref.key:
            party.keys.add(ref.key)
            self._by_key[ref.key] = found
        if party.schema == "LegalEntity" and ref.schema != "LegalEntity":
            party.schema = ref.schema
        return found


def _same_country(party: Party, ref: PartyRef) -> bool:
    return party.country is None or ref.country is None or party.country == ref.country


def _fuzzy_merge(parties: dict[str, Party], ids: dict[str, str], merges: list[str]) -> None:
    """Merge parties the matcher finds to be the same, recording each merge; ``ids`` maps old ids to survivors."""
    entities = [
        Entity(
            "trace",
            pid,
            _schema(p.schema),
            tuple(Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(p.names)),
        )
        for pid, p in parties.items()
    ]
    matcher = SimpleMatcher(entities)
    parent = {pid: pid for pid in parties}
    order = {pid: n for n, pid in enumerate(parties)}  # the first party seen keeps its id

    def root(pid: str) -> str:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    for pid, party in parties.items():
        for hit in matcher.match(Query(party.name, country=party.country), limit=5, threshold=MERGE_THRESHOLD):
            other = hit.entity.entry_id
            if (
                other == pid
                or hit.relation
                or not _same_country(parties[other], PartyRef(party.name, country=party.country))
            ):
                continue
            a, b = root(pid), root(other)
            if a != b:
                keep, drop = sorted((a, b), key=order.__getitem__)
                parent[drop] = keep
                merges.append(
                    f"{parties[drop].name!r} = {parties[keep].name!r} (score {hit.score:.2f}: {hit.explanation})"
                )
    for pid in list(parties):
        survivor = root(pid)
        if survivor != pid:
            target, gone = parties[survivor], parties.pop(pid)
            target.names.extend(n for n in gone.names if n not in target.names)
            target.keys |= gone.keys
            target.address = target.address or gone.address
            target.country = target.country or gone.country
    for old, new in ids.items():
        ids[old] = root(new)


def _schema(schema: str) -> str:
    return (
        schema
        if schema in {"Person", "Company", "Organization", "LegalEntity", "Vessel", "Aircraft"}
        else "LegalEntity"
    )


def _screen(matcher: SimpleMatcher, query: Query, threshold: float) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """The party's hits at ``threshold`` (the three best), and its related hits (at most three), which score
    :data:`RELATED_CAP` at most: the list is asked once, down to that cap when the threshold is above it."""
    found = matcher.match(query, limit=6, threshold=min(threshold, RELATED_CAP))
    hits = tuple(h for h in found if h.score >= threshold and h.relation != "related")[:3]
    related = tuple(h for h in found if h.relation == "related")[:3]
    return hits, related


def build_graph(
    relations: Iterable[Relation],
    matcher: SimpleMatcher | None,
    threshold: float,
    listed_by: dict[str, tuple[str, ...]] | None = None,
    fuzzy: bool = True,
) -> TraceGraph:
    """Resolve, screen and connect. ``matcher`` = ``None`` skips list screening (parties are only located)."""
    relations = list(relations)
    resolver = _Resolver()
    ends = [(resolver.resolve(r.downstream), resolver.resolve(r.upstream)) for r in relations]
    parties = resolver.parties
    merges: list[str] = []
    notes: list[str] = []
    ids = {pid: pid for pid in parties}
    if fuzzy and len(parties) <= FUZZY_LIMIT:
        _fuzzy_merge(parties, ids, merges)
    elif fuzzy:
        notes.append(f"{len(parties):,} parties: above {FUZZY_LIMIT:,}, only exact names and keys were merged")
    for party in parties.values():
        party.listed_by = tuple(ds for key in party.keys for ds in (listed_by or {}).get(key, ()))
        if matcher is not None:
            party.hits, party.related = _screen(matcher, Query(party.name, country=party.country), threshold)
        party.region = locate(party.address, name=party.name, country=party.country)
    graph: Graph = nx.MultiDiGraph()
    graph.add_nodes_from(parties)
    for relation, (down, up) in zip(relations, ends, strict=True):
        graph.add_edge(ids[down], ids[up], relation=relation)
    return TraceGraph(parties, graph, relations, merges, notes)
