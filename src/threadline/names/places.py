"""Chinese place names (provinces, prefectures, counties) as company names begin with them, from the gazetteer.

Used to tell a company's place prefix (深圳, 沈阳) from its trade name (中泰, 惠天) once both are aligned.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from threadline.settings import RESOURCES_DIR

CHINA = RESOURCES_DIR / "gazetteer" / "china.csv"


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Full and short names of every division of China with two or more characters (新疆, 深圳市, 东城)."""
    with CHINA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    names = {row[column] for row in rows for column in ("name_zh", "short_zh")}
    return frozenset(name for name in names if len(name) >= 2)


def is_place(han: str) -> bool:
    """Whether ``han`` is the name of a division of China (with or without its 省/市/县 suffix)."""
    return han in place_names()
