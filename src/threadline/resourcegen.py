"""Shared entry point of the generator scripts in ``scripts/`` that rebuild reference data from ../shared/data."""

from __future__ import annotations

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
