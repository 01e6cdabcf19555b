"""nomenklatura's matchers as baselines: score DESIGN.md §5 pairs records with ``logic-v1`` or ``logic-v2``.

The issues ask for every match-quality and speed figure to sit next to nomenklatura's matchers run in the same job
on the same pairs, so this module turns a pairs record (``left``/``right`` FollowTheMoney-shaped dicts) into two
entity proxies and asks a named nomenklatura algorithm for its score. nomenklatura is a benchmark-only dependency
(the ``bench`` extra, ``make bench-deps``): this module imports without it, and every function then raises
:class:`BaselineMissing` naming the install command, so a benchmark can say what is missing before it starts.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

INSTALL_HINT = "make bench-deps   (or: .venv/bin/pip install -c requirements.lock -e '.[bench]')"

# Neither logic-v1 nor logic-v2 carries a threshold of its own: yente's SCORE_THRESHOLD (the cut-off its /match
# endpoint uses to call a result a match) and the DEFAULT_THRESHOLD of nomenklatura's name_bench harness are both
# 0.70. That is the threshold a user of these matchers gets, so the baselines are reported at it.
NOMENKLATURA_THRESHOLD = 0.70
MATCHERS = ("logic-v1", "logic-v2")


class BaselineMissing(RuntimeError):
    """nomenklatura is not installed in this environment."""


try:
    from followthemoney import EntityProxy, model
    from nomenklatura.matching import get_algorithm
    from nomenklatura.matching.types import ScoringAlgorithm, ScoringConfig
except ImportError as error:
    _IMPORT_ERROR: ImportError | None = error
else:
    _IMPORT_ERROR = None

_ids = itertools.count()
_WARM_UP = (
    {"schema": "Company", "properties": {"name": ["Harbour Lantern Trading Co., Ltd."]}},
    {"schema": "Company", "properties": {"name": ["Harbor Lantern Trading Company Limited"]}},
)


def require() -> None:
    """Raise :class:`BaselineMissing` with the install command when nomenklatura cannot be imported."""
    if _IMPORT_ERROR is not None:
        raise BaselineMissing(f"nomenklatura is not installed ({_IMPORT_ERROR}); install it with: {INSTALL_HINT}")


@dataclass(frozen=True, slots=True)
class Baseline:
    """One nomenklatura algorithm with the configuration it runs with by default."""

    name: str
    algorithm: type[ScoringAlgorithm]
    config: ScoringConfig

    def compare(self, query: EntityProxy, result: EntityProxy) -> float:
        return float(self.algorithm.compare(query, result, self.config).score)


def baseline(name: str) -> Baseline:
    require()
    algorithm = get_algorithm(name)
    if algorithm is None:
        raise ValueError(f"nomenklatura has no matching algorithm named {name!r}")
    return Baseline(name, algorithm, algorithm.default_config())


def proxy(side: dict[str, Any]) -> EntityProxy:
    """An entity proxy for one side of a pairs record.

    Each proxy gets a fresh id: logic-v2 memoises name analysis per entity and hashes entities by id alone, so two
    sides sharing an id would be read with each other's names. Values are cleaned by followthemoney
    (``cleaned=False`` means "not yet cleaned"), as yente does with a query; an unknown schema falls back to
    LegalEntity, as ``threadline pairs`` does.
    """
    require()
    schema = str(side.get("schema") or "LegalEntity")
    if model.get(schema) is None:
        schema = "LegalEntity"
    properties = {k: [str(v) for v in vs] for k, vs in (side.get("properties") or {}).items() if isinstance(vs, list)}
    return model.get_proxy({"id": f"bench-{next(_ids)}", "schema": schema, "properties": properties}, cleaned=False)


def prepare(records: Iterable[dict[str, Any]]) -> list[tuple[EntityProxy, EntityProxy]]:
    """``(query, result)`` proxies per record: the left side is the query, as in ``threadline pairs``."""
    return [(proxy(r["left"]), proxy(r["right"])) for r in records]


def score_records(name: str, records: Sequence[dict[str, Any]]) -> list[float]:
    """The named algorithm's score for each record, in order."""
    matcher = baseline(name)
    return [matcher.compare(q, r) for q, r in prepare(records)]


def throughput(name: str, records: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """``(pairs per second, seconds)`` of the named algorithm on one core.

    The proxies are built before the clock starts (that is all the preparation nomenklatura's API allows: names are
    analysed inside ``compare``, memoised per entity), so the figure is ``compare`` alone and flatters the baseline
    slightly against a measurement that starts from the record.
    """
    return _timed(baseline(name), prepare(records))


def scan_throughput(
    name: str, queries: Sequence[dict[str, Any]], entities: Sequence[dict[str, Any]]
) -> tuple[float, float, int]:
    """``(pairs per second, seconds, pairs)`` of the named algorithm scanning list entities with queries.

    This is how nomenklatura would screen without a candidate index: one query against each list entry in turn. The
    entities are shared out among the queries (query ``i`` meets ``entities[i::len(queries)]``), so each entity is
    compared once, as in a scan of a list far larger than any memo, while each query is one proxy reused across its
    entities, as yente reuses it across candidates. All proxies are built before the clock.
    """
    query_proxies = [proxy(q) for q in queries]
    entity_proxies = [proxy(e) for e in entities]
    step = len(query_proxies)
    pairs = [(q, e) for i, q in enumerate(query_proxies) for e in entity_proxies[i::step]]
    rate, seconds = _timed(baseline(name), pairs)
    return rate, seconds, len(pairs)


def _timed(matcher: Baseline, pairs: Sequence[tuple[EntityProxy, EntityProxy]]) -> tuple[float, float]:
    # One untimed comparison of invented names first, so that loading rigour's reference tables is not counted.
    matcher.compare(proxy(_WARM_UP[0]), proxy(_WARM_UP[1]))
    started = time.perf_counter()
    for query, result in pairs:
        matcher.compare(query, result)
    seconds = time.perf_counter() - started
    return (len(pairs) / seconds if seconds else float("inf")), seconds
