"""The only place that reads ``THREADLINE_*`` environment variables.

Every setting is documented in :data:`SETTINGS` (name, default, meaning); ``tests/test_settings.py`` fails when a
``THREADLINE_`` variable is read anywhere else or is not documented here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from threadline.exc import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "THREADLINE_SNAPSHOT_DIR",
        "",
        "Folder holding the list snapshot (manifest.json + one .jsonl.gz per list). Empty: the snapshot "
        "embedded in the package.",
    ),
    Setting(
        "THREADLINE_SHARED_DATA",
        "",
        "Folder of raw list files laid out like ../shared/data, used by the snapshot builder and the tests. "
        "Empty: ../shared/data beside the project checkout.",
    ),
    Setting(
        "THREADLINE_MATCH_THRESHOLD",
        "0.85",
        "Score at or above which a hit counts as a match (0..1).",
    ),
)


def _get(name: str) -> str:
    for setting in SETTINGS:
        if setting.name == name:
            return os.environ.get(name, setting.default).strip()
    raise KeyError(name)


def snapshot_dir() -> Path:
    value = _get("THREADLINE_SNAPSHOT_DIR")
    return Path(value).expanduser() if value else RESOURCES_DIR / "snapshot"


def shared_data_dir() -> Path:
    value = _get("THREADLINE_SHARED_DATA")
    if value:
        return Path(value).expanduser()
    # src/threadline -> src -> checkout -> its parent, where shared/ lives.
    return PACKAGE_DIR.parent.parent.parent / "shared" / "data"


def match_threshold() -> float:
    raw = _get("THREADLINE_MATCH_THRESHOLD")
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(
            f"THREADLINE_MATCH_THRESHOLD={raw!r} is not a number; use a value between 0 and 1, e.g. 0.85"
        ) from None
    if not 0.0 < value <= 1.0:
        raise ConfigError(f"THREADLINE_MATCH_THRESHOLD={raw!r} is out of range; use a value in (0, 1]")
    return value
