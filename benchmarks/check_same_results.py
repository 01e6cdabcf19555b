"""Check that a speed change leaves screening results exactly as they were: same rows, same hits, same scores.

`write` screens a supplier file in one process with the code as it is and writes one JSON line per row: the row
number, its risk, region and sector, and every hit with its list entry, matched name, explanation and the score at
full precision (the screen output rounds scores to 3 decimals, which would hide a small change). `compare` reads two
such files and reports every difference: a row missing, a hit added or lost, a score that moved by more than 1e-9,
an explanation that changed. Run `write` before the change, keep the file, run it again after, and compare.

`--reference` runs the matcher as it was before the speed changes: every cross-script candidate is aligned (it
replaces `simple.CrossBound.may_reach`, which `simple.cross_may_reach` asks, with "always"), every candidate's
short forms are derived again instead of read from the index postings (`SimpleMatcher._carrying`), and a row's
related parties are found by scoring every candidate pair (`SimpleMatcher.related` with `prune=False`). A row's
related parties are written and compared as its hits are. With it, the
same code gives the old results in the same job, which keeps the comparison fair while others change the matcher.
It needs the matcher run from source (`THREADLINE_NATIVE=0`; compiled classes cannot have methods replaced).
`check` does both in one process (the same code for certain), writes OUT_PREFIX.pruned.jsonl and
OUT_PREFIX.reference.jsonl and compares them.

Usage:
    .venv/bin/python benchmarks/check_same_results.py sample OUT.csv [N]   real rows: N supplier names, 10 % Chinese
    .venv/bin/python benchmarks/check_same_results.py write FILE.csv OUT.jsonl [THRESHOLD] [--reference]
    .venv/bin/python benchmarks/check_same_results.py compare BEFORE.jsonl AFTER.jsonl
    .venv/bin/python benchmarks/check_same_results.py check FILE.csv OUT_PREFIX [THRESHOLD]   both, one process
"""

from __future__ import annotations

import csv
import functools
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from threadline import settings
from threadline.risk.goods import GoodsIndex
from threadline.screening.memo import MatchMemo
from threadline.screening.reader import SkippedRow, open_rows
from threadline.screening.screen import assess
from threadline.service import default_matcher, default_store

TOLERANCE = 1e-9


def sample(out: Path, n: int) -> None:
    """``n`` real supplier rows: 90 % Latin-script (Apple, Nike, listed companies' English names), 10 % Chinese
    (listed companies' full Chinese names with their registered address), drawn with a fixed seed."""
    from bench_rescreen import base_rows

    rows = base_rows(20_000)
    han = [r for r in rows if any("\u4e00" <= c <= "\u9fff" for c in r["name"])]
    latin = [r for r in rows if r not in han]
    data = settings.shared_data_dir() / "cn_company_names" / "szse_a_share_list_2025-12.csv"
    with data.open(encoding="utf-8-sig") as handle:
        szse = [
            {"name": r["name_zh_full"], "address": r["registered_address_zh"], "country": "中国", "product": ""}
            for r in csv.DictReader(handle)
        ]
    rnd = random.Random(4)
    chosen = rnd.sample(latin, n - n // 10) + rnd.sample(han + szse, n // 10)
    rnd.shuffle(chosen)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "address", "country", "product"])
        writer.writeheader()
        writer.writerows(chosen)


def write(path: Path, out: Path, threshold: float, reference: bool = False) -> None:
    from threadline import native
    from threadline.matching import simple

    if reference and native.compiled():
        sys.exit(
            "check_same_results.py --reference swaps matcher methods, which compiled code (make native) cannot have "
            "replaced: run it with THREADLINE_NATIVE=0 (the results are the same, only slower)"
        )

    pruning, carrying = simple.CrossBound.may_reach, simple.SimpleMatcher._carrying
    related = simple.SimpleMatcher.related
    if reference:
        simple.CrossBound.may_reach = lambda *_args: True  # type: ignore[method-assign]
        simple.SimpleMatcher._carrying = _derive_each  # type: ignore[method-assign]
        simple.SimpleMatcher.related = functools.partialmethod(related, prune=False)  # type: ignore[method-assign,assignment]
    try:
        _write(path, out, threshold)
    finally:
        simple.CrossBound.may_reach = pruning  # type: ignore[method-assign]
        simple.SimpleMatcher._carrying = carrying  # type: ignore[method-assign]
        simple.SimpleMatcher.related = related  # type: ignore[method-assign]


def _derive_each(matcher: Any, keys: frozenset[str], candidates: Any) -> list[int]:
    """The short-form filter as it was: each candidate's short forms derived from its name (``candidates``: a list
    or, as the matcher now passes them, an array of record ids)."""
    from threadline.matching.shortforms import index_keys
    from threadline.matching.vectorised import id_list

    return [i for i in id_list(candidates) if keys & index_keys(matcher._records[i].name.value)]


def _write(path: Path, out: Path, threshold: float) -> None:
    plain = default_matcher()
    plain.warm()  # as `threadline screen` does before it forks
    matcher = MatchMemo(plain)  # as each screening worker does
    goods = GoodsIndex(default_store().rules)
    started = time.perf_counter()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for item in open_rows(path).rows:
            if isinstance(item, SkippedRow):
                continue
            result = assess(item, matcher, threshold, goods=goods)
            record: dict[str, Any] = result.to_dict()
            for field, hits in (("hits", result.hits), ("related", result.related)):
                record[field] = [
                    {**hit.to_dict(), "score": hit.score, "features": [list(f) for f in hit.features]} for hit in hits
                ]
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"{count} rows screened in {time.perf_counter() - started:.1f} s -> {out}")


def _read(path: Path) -> dict[int, dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return {record["row"]: record for record in map(json.loads, handle)}


def differences(before: dict[int, dict[str, Any]], after: dict[int, dict[str, Any]]) -> list[str]:
    """Every way ``after`` differs from ``before``; empty when the results are the same."""
    found: list[str] = []
    for row in sorted(set(before) | set(after)):
        if row not in after or row not in before:
            found.append(f"row {row}: only {'before' if row in before else 'after'}")
            continue
        old, new = before[row], after[row]
        for field in ("input", "risk", "region", "sector"):
            if old[field] != new[field]:
                found.append(f"row {row}: {field} {old[field]!r} -> {new[field]!r}")
        kinds = ("hits", "related") if "related" in old and "related" in new else ("hits",)  # files written before
        for kind in kinds:
            found.extend(_hit_differences(row, old["input"]["name"], kind, old[kind], new[kind]))
    return found


def _hit_differences(
    row: int, name: str, kind: str, before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> list[str]:
    """How a row's hits (or related parties) differ: other list entries, or a score, explanation... changed."""
    old_hits = [(h["source"], h["entry_id"]) for h in before]
    new_hits = [(h["source"], h["entry_id"]) for h in after]
    if old_hits != new_hits:
        return [f"row {row} {name!r}: {kind} {old_hits} -> {new_hits}"]
    found = []
    for a, b in zip(before, after, strict=True):
        if abs(a["score"] - b["score"]) > TOLERANCE:
            found.append(f"row {row}: {kind} {a['entry_id']} score {a['score']!r} -> {b['score']!r}")
        for field in ("matched_name", "explanation", "features", "relation"):
            if a.get(field) != b.get(field):
                found.append(f"row {row}: {kind} {a['entry_id']} {field} {a.get(field)!r} -> {b.get(field)!r}")
    return found


def compare(before_path: Path, after_path: Path) -> int:
    before, after = _read(before_path), _read(after_path)
    found = differences(before, after)
    hits = sum(len(r["hits"]) for r in before.values())
    related = sum(len(r.get("related", ())) for r in before.values())
    for line in found[:50]:
        print(line)
    print(
        f"{len(before)} rows, {hits} hits and {related} related parties before, {len(after)} rows after: "
        f"{len(found)} differences"
    )
    return 1 if found else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["sample"] and len(argv) in (2, 3):
        sample(Path(argv[1]), int(argv[2]) if len(argv) == 3 else 2_000)
        return 0
    reference = "--reference" in argv
    argv = [a for a in argv if a != "--reference"]
    if argv[:1] == ["write"] and len(argv) in (3, 4):
        threshold = float(argv[3]) if len(argv) == 4 else settings.match_threshold()
        write(Path(argv[1]), Path(argv[2]), threshold, reference)
        return 0
    if argv[:1] == ["check"] and len(argv) in (3, 4):
        threshold = float(argv[3]) if len(argv) == 4 else settings.match_threshold()
        pruned, unpruned = Path(argv[2] + ".pruned.jsonl"), Path(argv[2] + ".reference.jsonl")
        write(Path(argv[1]), pruned, threshold)
        write(Path(argv[1]), unpruned, threshold, reference=True)
        return compare(unpruned, pruned)
    if argv[:1] == ["compare"] and len(argv) == 3:
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
