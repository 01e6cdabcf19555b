"""Precision and recall of ``threadline evidence`` links on the invented fixture articles, per language.

    .venv/bin/python benchmarks/bench_evidence.py

The articles (tests/evidence/fixtures/) name real listed parties beside traps: a misspelt name that must link, a
different person with the same surname, campaigners, victims, journalists and unlisted politicians who must not, a
short acronym without context, and navigation boilerplate. ``gold.json`` holds every (mention, source, entry_id) a
careful reader links. A predicted link counts as correct when its mention text and entry are in the gold set.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from threadline.evidence.documents import read_document
from threadline.evidence.run import link_document
from threadline.service import default_linker

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "evidence" / "fixtures"


def main() -> None:
    gold = {name: spec for name, spec in json.loads((FIXTURES / "gold.json").read_text()).items() if "." in name}
    started = time.perf_counter()
    linker = default_linker()
    built = time.perf_counter() - started
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    errors: list[str] = []
    read_time = 0.0
    for name, spec in sorted(gold.items()):
        expected = {tuple(item) for item in spec["links"]}
        tick = time.perf_counter()
        links = link_document(read_document(FIXTURES / name), linker, places=False)
        read_time += time.perf_counter() - tick
        found = {(link.mention, link.source, link.entry_id) for link in links}
        tally = counts[spec["language"]]
        tally[0] += len(found & expected)
        tally[1] += len(found - expected)
        tally[2] += len(expected - found)
        errors += [f"  false link  {name}: {item}" for item in sorted(found - expected)]
        errors += [f"  missed      {name}: {item}" for item in sorted(expected - found)]
    print(f"index of every list name built in {built:.1f}s; {len(gold)} documents linked in {read_time:.2f}s")
    print(f"{'language':<10}{'links':>7}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for language, (tp, fp, fn) in sorted(counts.items()):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{language:<10}{tp + fp:>7}{tp:>5}{fp:>5}{fn:>5}{precision:>11.3f}{recall:>8.3f}")
    print("\n".join(errors) or "  no errors")


if __name__ == "__main__":
    sys.exit(main())
