"""Build the embedded default snapshot (src/threadline/resources/snapshot) from ../shared/data.

Usage: python scripts/build_snapshot.py [DATA_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from threadline import settings
from threadline.service import build_snapshot


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else settings.shared_data_dir()
    target = settings.RESOURCES_DIR / "snapshot"
    for v in build_snapshot(data_dir, target):
        print(f"{v.source:14} {v.version:12} {v.entity_count:>7,} entities {v.rule_count:>5,} rules")
    size = sum(p.stat().st_size for p in target.iterdir())
    print(f"snapshot: {target} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
