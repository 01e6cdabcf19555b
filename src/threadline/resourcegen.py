"""Shared entry point of the generator scripts in ``scripts/`` that rebuild reference data from ../shared/data."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
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
