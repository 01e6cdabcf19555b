"""Shared entry point of the generator scripts in ``scripts/`` that rebuild reference data from ../shared/data."""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from threadline import settings


def run(out: Path, build: Callable[[Path], str]) -> None:
    """``python scripts/build_x.py [DATA_DIR]``: build the text from DATA_DIR (default ../shared/data), write it."""
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else settings.shared_data_dir()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build(data_dir), encoding="utf-8")
    print(f"wrote {out}")


def company_industries(data_dir: Path) -> dict[str, str]:
    """Listed company code -> industry, from the exchange tables in ``cn_company_names`` that carry one (tushare's
    classification where it has the company, else SZSE's). Generators and benchmarks use it to pair a company with
    a wrong one from the same province and industry: the hardest realistic negative."""
    folder = data_dir / "cn_company_names"
    out: dict[str, str] = {}
    for name, code, column in (
        ("szse_a_share_list_2025-12.csv", "a_code", "industry"),
        ("tushare_stock_basic_2021-01.csv", "symbol", "industry"),
    ):
        with (folder / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get(column):
                    out[row[code]] = row[column]
    return out


def table_text(comment: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A generated CSV table: ``comment`` lines (each prefixed "# "), the header, the rows."""
    out = io.StringIO()
    out.writelines(f"# {line}\n" for line in comment.splitlines())
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def by_simplified(readings: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Per-character readings keyed by traditional (or any) characters, folded to simplified Chinese as threadline
    folds names: the readings of every character that folds to the same one merged, in order, without repeats (發,
    髮 -> 发)."""
    from threadline.names.han import HAN, simplify

    merged: dict[str, list[str]] = defaultdict(list)
    for char, found in sorted(readings.items()):
        folded = simplify(char) if len(char) == 1 and HAN.match(char) else ""
        if len(folded) != 1:
            continue
        for reading in found:
            if reading not in merged[folded]:
                merged[folded].append(reading)
    return dict(merged)
