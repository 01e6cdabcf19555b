"""The only place that reads ``THREADLINE_*`` environment variables.

Every setting is documented in :data:`SETTINGS` (name, default, meaning); ``tests/test_settings.py`` fails when a
``THREADLINE_`` variable is read anywhere else or is not documented here.
"""

from __future__ import annotations

import getpass
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
        "THREADLINE_DATABASE_URL",
        "",
        "Where runs, decisions, list versions and the audit trail are kept: a SQLAlchemy URL such as "
        "sqlite:///path/threadline.db or postgresql+psycopg://user:password@host/dbname. Empty: a SQLite file "
        "threadline.db in the user's data folder ($XDG_DATA_HOME/threadline, by default ~/.local/share/threadline).",
    ),
    Setting(
        "THREADLINE_USER",
        "",
        "The name recorded as the user of runs, decisions and audit rows. Empty: the login name.",
    ),
    Setting(
        "THREADLINE_FOUR_EYES",
        "0",
        "1: a 'match' decision takes effect only when a second, different reviewer confirms it.",
    ),
    Setting(
        "THREADLINE_WORKERS",
        "",
        "Processes that screen rows in parallel. Empty: one per core, for inputs large enough to pay for them.",
    ),
    Setting(
        "THREADLINE_INDEX_DIR",
        "",
        "Folder of the persisted candidate index (one segment per list version, memory-mapped by match, screen "
        "and evidence; `threadline index build` refreshes it). Empty: an index folder beside the SQLite database "
        "(by default ~/.local/share/threadline/index).",
    ),
    Setting(
        "THREADLINE_LISTED_HOLD_OUT",
        "0",
        "1: leave the benchmarks' held-out companies out of the exchange-listing name table, so that a benchmark "
        "on them measures the matcher (benchmarks/bench_pairs.py sets it).",
    ),
    Setting(
        "THREADLINE_NATIVE",
        "1",
        "0: run the matching and name code from its Python source even where `make native` compiled it (mypyc). "
        "The results are the same, only slower. Compiled modules older than their source are never used.",
    ),
    Setting(
        "THREADLINE_MATCH_THRESHOLD",
        "0.85",
        "Score at or above which a hit counts as a match (0..1).",
    ),
)


_DEFAULTS: dict[str, str] = {}
for _setting in SETTINGS:
    _DEFAULTS.setdefault(_setting.name, _setting.default)
""":data:`SETTINGS`' defaults by name, looked up directly: some settings are read for every pair scored."""


def _get(name: str) -> str:
    default = _DEFAULTS.get(name)
    if default is None:
        raise KeyError(name)
    return os.environ.get(name, default).strip()


def native_enabled() -> bool:
    """Whether compiled modules may run (``THREADLINE_NATIVE``; see :mod:`threadline.native`)."""
    return _get("THREADLINE_NATIVE") != "0"


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


def database_url() -> str:
    value = _get("THREADLINE_DATABASE_URL")
    if value:
        return value
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'threadline' / 'threadline.db'}"


def index_dir() -> Path:
    value = _get("THREADLINE_INDEX_DIR")
    if value:
        return Path(value).expanduser()
    url = database_url()
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url.removeprefix("sqlite:///")).expanduser().parent / "index"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "threadline" / "index"


def user() -> str:
    value = _get("THREADLINE_USER")
    if value:
        return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _switch(name: str) -> bool:
    raw = _get(name).lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"", "0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} is not a switch; use 1 or 0")


def four_eyes() -> bool:
    return _switch("THREADLINE_FOUR_EYES")


def listed_hold_out() -> bool:
    return _switch("THREADLINE_LISTED_HOLD_OUT")


def workers() -> int | None:
    raw = _get("THREADLINE_WORKERS")
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"THREADLINE_WORKERS={raw!r} is not a count of processes; use 1, 2, ... or leave it empty")
    return int(raw)
