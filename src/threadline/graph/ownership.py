"""Ownership rules over a graph of stakes: which parties count as blocked because of who owns or controls them.

Three modes, each answering a different question about the parties reachable from the listed (sanctioned) seeds:

``ofac-50``
    The US rule. Every party that is listed, or that has become blocked under this rule, is a blocked owner. A party
    is blocked when the stakes its blocked owners hold in it add up to half or more. What makes this different from
    effective ownership is that a blocked party's stakes are taken at face value, not scaled by how much of that party
    the seed holds: if the seed holds half of A and A holds half of B, A is blocked, so A's half of B counts whole and
    B is blocked too. The status of each party is worked out to a fixed point with a worklist; a status only moves
    up (not blocked, then possibly blocked, then blocked), so the work ends even when ownership runs in a circle.

``look-through``
    Effective ownership, for information and for the UK/EU "owned" test, which needs *more than* half. Shares are
    multiplied along each chain of stakes from a seed, the chains are added, and the holdings of several seeds are
    added too. Only simple paths are followed (a path never visits a party twice, so cycles are cut) and a path stops
    at another seed, whose own holdings are counted from that seed instead of twice. Paths are at most ``max_depth``
    stakes long.

``control``
    The UK/EU "controlled" test: a party is controlled when a seed, or a party that is itself controlled, holds a
    stake in it that carries control (a ``controls`` flag from the file) or more than half of it. Stakes are judged
    one at a time; holdings of different holders are not added up here.

Shares are intervals in percent (:class:`~threadline.graph.model.Share`): an exact 30 % is 30–30, an unknown share is
0–100, "majority" is just above 50 up to 100. Sums add the lower bounds and the upper bounds separately; products
multiply them; every result is capped at 100. Under ``ofac-50`` the upper bound is also limited by the other owners:
what the owners that are not blocked hold at the least cannot belong to a blocked owner. A verdict is *blocked* when
the lower bound passes the threshold, *possibly blocked* when only the upper bound does, and *not blocked* otherwise.
Comparisons allow 1e-9 of rounding, so 25 % + 25 % reaches 50 %.

If two stakes name the same owner and owned party, the one with the narrower interval is used (the caller reports
the conflict); ``controls`` is kept if either says so. A stake of a party in itself is ignored.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from math import prod

from threadline.graph.model import Share

LISTED = "listed"
BLOCKED = "blocked"
POSSIBLY_BLOCKED = "possibly_blocked"
NOT_BLOCKED = "not_blocked"

_RANK = {NOT_BLOCKED: 0, POSSIBLY_BLOCKED: 1, BLOCKED: 2, LISTED: 3}
_TOLERANCE = 1e-9
_CONTROL_THRESHOLD = 50.0


@dataclass(frozen=True, slots=True)
class Stake:
    """One fact: ``owner`` holds ``share`` of ``owned`` (and controls it, if ``controls``)."""

    owner: str
    owned: str
    share: Share
    controls: bool = False
    source: str = ""
    """Where the fact came from, e.g. ``ownership.csv:4``."""


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one blocked (or possibly blocked) owner adds to a verdict."""

    owner: str
    share: Share
    """The part of the party this owner contributes; for look-through, the effective share along ``via``."""
    owner_status: str
    """``listed`` (a seed), ``blocked`` or ``possibly_blocked``."""
    via: tuple[str, ...] = ()
    """The node ids from the seed to the party (look-through and control)."""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    party: str
    mode: str
    """``ofac-50``, ``look-through`` or ``control``."""
    verdict: str
    """``blocked``, ``possibly_blocked`` or ``not_blocked``."""
    aggregate: Share
    contributions: tuple[Contribution, ...]
    arithmetic: str
    """The sum in words, e.g. ``X (listed) 30 % + A (blocked) 25 % = 55 % >= 50 %: blocked``."""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict; a share is a number when exact, else ``{"min": low, "max": high}``."""
        owners = [
            {
                "owner": item.owner,
                "status": item.owner_status,
                "share": _share_json(item.share),
                "via": list(item.via),
                "sources": list(item.sources),
            }
            for item in self.contributions
        ]
        return {
            "party": self.party,
            "mode": self.mode,
            "verdict": self.verdict,
            "aggregate": _share_json(self.aggregate),
            "arithmetic": self.arithmetic,
            "owners": owners,
        }


@dataclass(frozen=True, slots=True)
class _Graph:
    owners: dict[str, list[Stake]] = field(default_factory=dict)
    """Owned party → the stakes held in it."""
    holdings: dict[str, list[Stake]] = field(default_factory=dict)
    """Owner → the stakes it holds."""

    @classmethod
    def build(cls, stakes: Iterable[Stake]) -> _Graph:
        graph = cls()
        for stake in _deduplicated(stakes):
            graph.owners.setdefault(stake.owned, []).append(stake)
            graph.holdings.setdefault(stake.owner, []).append(stake)
        return graph

    def owned_by(self, parties: Iterable[str]) -> list[str]:
        return [stake.owned for party in parties for stake in self.holdings.get(party, ())]


# --- OFAC 50 % rule -------------------------------------------------------------------------------------------------


def ofac_fifty_percent(stakes: Iterable[Stake], listed: Iterable[str], threshold: float = 50.0) -> dict[str, Verdict]:
    """Apply the OFAC 50 % rule to a fixed point; a verdict for every non-seed party with a (possibly) blocked owner."""
    graph = _Graph.build(stakes)
    seeds = frozenset(listed)
    status = dict.fromkeys(seeds, LISTED)
    work = deque(graph.owned_by(seeds))
    while work:
        party = work.popleft()
        if party in seeds:
            continue
        level = _judge(_ofac_aggregate(graph.owners[party], status), threshold, strict=False)
        if _RANK[level] > _RANK[status.get(party, NOT_BLOCKED)]:
            status[party] = level
            work.extend(graph.owned_by([party]))
    return {
        party: _ofac_verdict(party, held_in, status, threshold)
        for party, held_in in graph.owners.items()
        if party not in seeds and any(_is_holder(stake.owner, status) for stake in held_in)
    }


def _ofac_aggregate(held_in: Sequence[Stake], status: dict[str, str]) -> Share:
    blocked = [stake.share for stake in held_in if _is_blocked(stake.owner, status)]
    holders = [stake.share for stake in held_in if _is_holder(stake.owner, status)]
    others = [stake.share for stake in held_in if not _is_holder(stake.owner, status)]
    low = min(100.0, sum(share.low for share in blocked))
    high = min(100.0, sum(share.high for share in holders), 100.0 - sum(share.low for share in others))
    return Share(low, max(low, high))


def _ofac_verdict(party: str, held_in: Sequence[Stake], status: dict[str, str], threshold: float) -> Verdict:
    aggregate = _ofac_aggregate(held_in, status)
    verdict = _judge(aggregate, threshold, strict=False)
    contributions = tuple(
        Contribution(stake.owner, stake.share, status[stake.owner], sources=_sources([stake]))
        for stake in held_in
        if _is_holder(stake.owner, status)
    )
    terms = " + ".join(f"{item.owner} ({_words(item.owner_status)}) {item.share}" for item in contributions)
    others = [stake for stake in held_in if not _is_holder(stake.owner, status)]
    others_low = sum(stake.share.low for stake in others)
    if others_low > 0 and 100.0 - others_low < sum(item.share.high for item in contributions):
        held = ", ".join(f"{stake.owner} {stake.share}" for stake in others if stake.share.low > 0)
        terms += f" (others hold at least {_percent(others_low)}: {held})"
    arithmetic = f"{terms} = {_conclusion(aggregate, threshold, verdict, strict=False)}"
    return Verdict(party, "ofac-50", verdict, aggregate, contributions, arithmetic)


# --- Look-through (effective) ownership -----------------------------------------------------------------------------


def look_through(
    stakes: Iterable[Stake], listed: Iterable[str], threshold: float = 50.0, max_depth: int = 12
) -> dict[str, Verdict]:
    """Effective ownership of every party reachable from a seed: the sum over simple paths (cycles are cut, paths
    stop at other seeds, at most ``max_depth`` stakes) of the product of the shares, summed over seeds, capped at
    100 %. Blocked when the lower bound is *more than* ``threshold`` (the UK/EU owned test)."""
    graph = _Graph.build(stakes)
    seeds = tuple(dict.fromkeys(listed))
    found: dict[str, list[tuple[Contribution, str]]] = {}
    for seed in seeds:
        for path in _simple_paths(graph, (seed,), (), frozenset(seeds), max_depth):
            via = (seed, *(stake.owned for stake in path))
            share = Share(_chain(stake.share.low for stake in path), _chain(stake.share.high for stake in path))
            term = f"{' → '.join(via)}: {' × '.join(str(stake.share) for stake in path)}"
            if len(path) > 1:
                term += f" = {share}"
            found.setdefault(via[-1], []).append((Contribution(seed, share, LISTED, via, _sources(path)), term))
    return {party: _look_through_verdict(party, items, threshold) for party, items in found.items()}


def _simple_paths(
    graph: _Graph, nodes: tuple[str, ...], path: tuple[Stake, ...], seeds: frozenset[str], max_depth: int
) -> Iterable[tuple[Stake, ...]]:
    if len(path) >= max_depth:
        return
    for stake in graph.holdings.get(nodes[-1], ()):
        if stake.owned in nodes or stake.owned in seeds:
            continue
        longer = (*path, stake)
        yield longer
        yield from _simple_paths(graph, (*nodes, stake.owned), longer, seeds, max_depth)


def _chain(percents: Iterable[float]) -> float:
    return min(100.0, prod(value / 100.0 for value in percents) * 100.0)


def _look_through_verdict(party: str, items: Sequence[tuple[Contribution, str]], threshold: float) -> Verdict:
    contributions = tuple(item for item, _ in items)
    aggregate = Share(
        min(100.0, sum(item.share.low for item in contributions)),
        min(100.0, sum(item.share.high for item in contributions)),
    )
    verdict = _judge(aggregate, threshold, strict=True)
    paths = "; ".join(term for _, term in items)
    arithmetic = f"{paths}; total {_conclusion(aggregate, threshold, verdict, strict=True)}"
    return Verdict(party, "look-through", verdict, aggregate, contributions, arithmetic)


# --- Control ----------------------------------------------------------------------------------------------------------


def control(stakes: Iterable[Stake], listed: Iterable[str]) -> dict[str, Verdict]:
    """The UK/EU controlled test to a fixed point: a verdict for every non-seed party in which a seed or a (possibly)
    controlled party holds a stake."""
    graph = _Graph.build(stakes)
    seeds = frozenset(listed)
    status = dict.fromkeys(seeds, LISTED)
    chains: dict[str, tuple[str, ...]] = {seed: (seed,) for seed in seeds}
    deciding: dict[str, Stake] = {}
    work = deque(graph.owned_by(seeds))
    while work:
        party = work.popleft()
        if party in seeds:
            continue
        stake, level = _strongest_control(graph.owners[party], status)
        if stake is not None and _RANK[level] > _RANK[status.get(party, NOT_BLOCKED)]:
            status[party], deciding[party] = level, stake
            chains[party] = (*chains[stake.owner], party)
            work.extend(graph.owned_by([party]))
    verdicts: dict[str, Verdict] = {}
    for party, held_in in graph.owners.items():
        stake, _ = _strongest_control(held_in, status)
        if party not in seeds and stake is not None:
            decided = deciding.get(party, stake)
            verdicts[party] = _control_verdict(party, held_in, decided, status, chains)
    return verdicts


def _control_level(stake: Stake, status: dict[str, str]) -> str:
    if stake.controls or stake.share.low > _CONTROL_THRESHOLD + _TOLERANCE:
        by_stake = BLOCKED
    elif stake.share.high > _CONTROL_THRESHOLD + _TOLERANCE:
        by_stake = POSSIBLY_BLOCKED
    else:
        by_stake = NOT_BLOCKED
    by_holder = BLOCKED if _is_blocked(stake.owner, status) else POSSIBLY_BLOCKED
    return min(by_stake, by_holder, key=_RANK.__getitem__)


def _strongest_control(held_in: Sequence[Stake], status: dict[str, str]) -> tuple[Stake | None, str]:
    """The holder's stake that gives the strongest control, with its level; ``None`` when no holder is blocked."""
    candidates = [(stake, _control_level(stake, status)) for stake in held_in if _is_holder(stake.owner, status)]
    if not candidates:
        return None, NOT_BLOCKED
    return max(candidates, key=lambda pair: (_RANK[pair[1]], pair[0].controls, pair[0].share.low, pair[0].share.high))


def _control_verdict(
    party: str, held_in: Sequence[Stake], decided: Stake, status: dict[str, str], chains: dict[str, tuple[str, ...]]
) -> Verdict:
    verdict = _control_level(decided, status)
    holders = [decided, *(stake for stake in held_in if stake is not decided and _is_holder(stake.owner, status))]
    contributions = tuple(
        Contribution(stake.owner, stake.share, status[stake.owner], (*chains[stake.owner], party), _sources([stake]))
        for stake in holders
    )
    if decided.controls:
        reason = "with control"
    elif decided.share.low > _CONTROL_THRESHOLD + _TOLERANCE:
        reason = "more than 50 %"
    elif decided.share.high > _CONTROL_THRESHOLD + _TOLERANCE:
        reason = "possibly more than 50 %"
    else:
        reason = "50 % or less and no control"
    chain = " → ".join(contributions[0].via)
    holder = f"{decided.owner} ({_words(status[decided.owner])})"
    arithmetic = f"{chain}: {holder} holds {decided.share} of {party}, {reason}: {_words(verdict)}"
    return Verdict(party, "control", verdict, decided.share, contributions, arithmetic)


# --- Shared helpers ---------------------------------------------------------------------------------------------------


def _deduplicated(stakes: Iterable[Stake]) -> list[Stake]:
    chosen: dict[tuple[str, str], Stake] = {}
    for stake in stakes:
        if stake.owner == stake.owned:
            continue
        key = (stake.owner, stake.owned)
        kept = chosen.get(key)
        if kept is None:
            chosen[key] = stake
            continue
        narrower = stake if _width(stake.share) < _width(kept.share) else kept
        chosen[key] = replace(narrower, controls=kept.controls or stake.controls)
    return list(chosen.values())


def _width(share: Share) -> float:
    return share.high - share.low


def _is_blocked(party: str, status: dict[str, str]) -> bool:
    return status.get(party) in (LISTED, BLOCKED)


def _is_holder(party: str, status: dict[str, str]) -> bool:
    return status.get(party) in (LISTED, BLOCKED, POSSIBLY_BLOCKED)


def _judge(aggregate: Share, threshold: float, strict: bool) -> str:
    if _reaches(aggregate.low, threshold, strict):
        return BLOCKED
    if _reaches(aggregate.high, threshold, strict):
        return POSSIBLY_BLOCKED
    return NOT_BLOCKED


def _reaches(value: float, threshold: float, strict: bool) -> bool:
    return value > threshold + _TOLERANCE if strict else value >= threshold - _TOLERANCE


def _conclusion(aggregate: Share, threshold: float, verdict: str, strict: bool) -> str:
    limit = _percent(threshold)
    if verdict == BLOCKED:
        return f"{aggregate} {'>' if strict else '>='} {limit}: blocked"
    if verdict == POSSIBLY_BLOCKED:
        return f"{aggregate} could be {'more than' if strict else 'at least'} {limit}: possibly blocked"
    return f"{aggregate} {'<=' if strict else '<'} {limit}: not blocked"


def _words(status: str) -> str:
    return status.replace("_", " ")


def _percent(value: float) -> str:
    return f"{value:g} %"


def _sources(stakes: Iterable[Stake]) -> tuple[str, ...]:
    return tuple(stake.source for stake in stakes if stake.source)


def _share_json(share: Share) -> float | dict[str, float]:
    return share.low if share.exact else {"min": share.low, "max": share.high}
