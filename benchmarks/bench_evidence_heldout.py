"""``threadline evidence`` on held-out articles: written after the linking rules were finished, never tuned on.

    .venv/bin/python benchmarks/bench_evidence_heldout.py

benchmarks/data/evidence_heldout/ holds three invented articles (UK sanctions on Xinjiang officials, sanctions on
the Myanmar military's companies, a Chinese article on Xinjiang) naming real listed parties, two of them misspelt,
beside campaigners, survivors, researchers, journalists and politicians who must not be linked. ``gold.json`` gives,
per listed party, every list entry that is that party. Precision counts linked entries (an entry of a gold party is
right, any other is wrong); recall counts gold parties with at least one of their entries linked; "must-not"
counts links whose mention overlaps a name that must stay unlinked.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from threadline.evidence.documents import read_document
from threadline.evidence.run import link_document
from threadline.service import default_linker

DATA = Path(__file__).resolve().parent / "data" / "evidence_heldout"


def main() -> None:
    gold = {k: v for k, v in json.loads((DATA / "gold.json").read_text("utf-8")).items() if not k.startswith("_")}
    linker = default_linker()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # right, wrong, parties, found, must-not
    notes: list[str] = []
    for name, spec in sorted(gold.items()):
        document = read_document(DATA / name)
        links = link_document(document, linker, places=False)
        good = {tuple(entry): party for party, entries in spec["parties"].items() for entry in entries}
        linked = {(link.source, link.entry_id): link for link in links}
        row = tally[spec["language"]]
        for key, link in sorted(linked.items()):
            if key in good:
                row[0] += 1
            else:
                row[1] += 1
                notes.append(f"  wrong link   {name}: {link.mention!r} -> {key} {link.name!r} ({link.score:.2f})")
        for party, entries in spec["parties"].items():
            row[2] += 1
            if any(tuple(entry) in linked for entry in entries):
                row[3] += 1
            else:
                notes.append(f"  missed party {name}: {party}")
        for trap in spec["must_not"]:
            for start in _occurrences(document.text, trap):
                bad = [lk for lk in links if lk.start < start + len(trap) and start < lk.end]
                row[4] += len(bad)
                notes += [f"  must-not     {name}: {trap!r} linked to {(lk.source, lk.entry_id)}" for lk in bad]
    print(f"{'language':<10}{'links':>7}{'right':>7}{'wrong':>7}{'precision':>11}{'parties':>9}{'found':>7}{'recall':>8}"
          f"{'must-not':>10}")  # fmt: skip
    for language, (right, wrong, parties, found, must_not) in sorted(tally.items()):
        precision = right / (right + wrong) if right + wrong else 1.0
        print(f"{language:<10}{right + wrong:>7}{right:>7}{wrong:>7}{precision:>11.3f}{parties:>9}{found:>7}"
              f"{found / parties:>8.3f}{must_not:>10}")  # fmt: skip
    print("\n".join(notes) or "  no errors")


def _occurrences(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


if __name__ == "__main__":
    sys.exit(main())
