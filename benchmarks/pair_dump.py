"""Every bench_pairs slice's pairs scored, one line each, for checking that a change leaves scores as they were.

Usage: THREADLINE_LISTED_HOLD_OUT=1 .venv/bin/python benchmarks/pair_dump.py OUT.tsv

Each line: slice, pair number and the :class:`~threadline.matching.pairs.PairScore` as ``repr`` (score,
relation, explanation), so two runs compare byte for byte (``cmp A.tsv B.tsv``): two trees (``PYTHONPATH``), or
the compiled code against its source (``THREADLINE_NATIVE=0``). No baseline is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench_pairs import all_slices

from threadline import settings
from threadline.exc import BadRowError
from threadline.matching.pairs import score_pair
from threadline.matching.simple import SimpleMatcher


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    matcher, threshold = SimpleMatcher([]), settings.match_threshold()
    with Path(sys.argv[1]).open("w", encoding="utf-8") as out:
        for name, records in all_slices(settings.shared_data_dir()).items():
            for row, record in enumerate(records, start=1):
                try:
                    scored = repr(score_pair(matcher, record, row, threshold))
                except BadRowError as error:
                    scored = f"skipped: {error}"
                out.write(f"{name}\t{row}\t{scored}\n")


if __name__ == "__main__":
    main()
