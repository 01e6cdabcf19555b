"""Screening speed: threadline's blocked matcher vs a rapidfuzz brute-force scan over every list name.

Both score with the same function (token-sort similarity of the Latin keys), so the brute force is the exhaustive
answer: the benchmark reports the speed ratio and how many brute-force hits at >= 0.85 raw similarity the blocked
matcher also retrieves (candidate recall).
"""

from __future__ import annotations

import csv
import sys
import time

from rapidfuzz import fuzz, process

from threadline import settings
from threadline.matching.model import Query
from threadline.matching.simple import MIN_NAME_SIMILARITY, SimpleMatcher
from threadline.names.normalize import name_key
from threadline.service import default_store


def supplier_names(limit: int) -> list[str]:
    path = settings.shared_data_dir() / "supplier_lists" / "apple_supplier_list_2012-2022.csv"
    with path.open(encoding="utf-8") as handle:
        names = list(dict.fromkeys(row["supplier_name"] for row in csv.DictReader(handle) if row["supplier_name"]))
    return names[:limit]


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    queries = supplier_names(limit)
    store = default_store()
    t0 = time.perf_counter()
    matcher = SimpleMatcher(store.entities)
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    blocked = [matcher.match(Query(q), limit=1000) for q in queries]
    blocked_time = time.perf_counter() - t0

    choices = [name_key(n.value).latin for e in store.entities if not e.extra.get("no_name") for n in e.names]
    owners = [(e.source, e.entry_id) for e in store.entities if not e.extra.get("no_name") for _ in e.names]
    t0 = time.perf_counter()
    brute = [
        process.extract(
            name_key(q).latin,
            choices,
            scorer=fuzz.token_sort_ratio,
            processor=None,
            limit=None,
            score_cutoff=85,
        )
        for q in queries
    ]
    brute_time = time.perf_counter() - t0

    wanted = found = 0
    for hits, exhaustive in zip(blocked, brute, strict=True):
        got = {(h.entity.source, h.entity.entry_id) for h in hits}
        for _choice, _score, index in exhaustive:
            wanted += 1
            found += owners[index] in got
    print(f"list names: {len(choices):,}; queries: {len(queries):,}; index build {build:.2f}s")
    print(f"blocked matcher: {blocked_time:.2f}s ({len(queries) / blocked_time:,.0f} names/s)")
    print(f"brute force:     {brute_time:.2f}s ({len(queries) / brute_time:,.0f} names/s)")
    print(f"speed-up: {brute_time / blocked_time:.1f}x")
    recall = found / wanted if wanted else 1.0
    print(
        f"candidate recall vs brute force at raw similarity >= 0.85 (floor {MIN_NAME_SIMILARITY}): "
        f"{found}/{wanted} = {recall:.3f}"
    )


if __name__ == "__main__":
    main()
