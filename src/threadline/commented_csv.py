"""The packaged reference tables are CSV files with ``#`` comment lines above the header (where the data came from,
which script made it): read them as rows."""

from __future__ import annotations

import csv
from pathlib import Path


def read_rows(path: Path) -> list[dict[str, str]]:
    """Every row of the table at ``path`` as a mapping of its header, the comment lines left out."""
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))
