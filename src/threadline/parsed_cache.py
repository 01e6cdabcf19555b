"""Reference tables parsed once per install, then read back from a pickle: what keeps a cold ``threadline match``
quick.

The general dictionary (85,000 Chinese words, 2.5 MB of CSV) took 0.3-0.4 s to parse on every cold start; read
back from a pickle it takes a quarter of that. The pickle lives in the index folder (``.cache/`` under
:func:`threadline.settings.index_dir`), named by a hash of the source file, of the module that parses it and of
the Python version, so an edited table, a changed parser or another interpreter each get a fresh parse. A cache
that cannot be read or written is ignored: the table is parsed as before and nothing fails.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from threadline import native
from threadline.cache_file import keep
from threadline.settings import index_dir

T = TypeVar("T")


def cache_path(source: Path, parse: Callable[[], T], helpers: Sequence[ModuleType] = ()) -> Path:
    """Where the parse of ``source`` by ``parse`` is kept. ``helpers``: other modules whose code shapes the parse
    (their source is hashed too)."""
    digest = hashlib.sha256(source.read_bytes())
    codes: list[Callable[[], T] | ModuleType] = [parse, *helpers]
    for code in codes:
        digest.update(native.source_file(code).read_bytes())
    # compiled and source modules pickle their classes' instances differently: each keeps its own parse
    digest.update(f"{parse.__module__}.{parse.__qualname__} {sys.version_info[:2]} {native.status()}".encode())
    return index_dir() / ".cache" / f"{source.stem}-{digest.hexdigest()[:24]}.pickle"


def parsed(source: Path, parse: Callable[[], T], helpers: Sequence[ModuleType] = ()) -> T:
    """``parse()`` (which reads ``source``), from the cache when an earlier run kept it."""
    path = cache_path(source, parse, helpers)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]  # written by _keep below, from parse()
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # unreadable or from an older layout: parse again and replace it
    value = parse()
    _keep(path, value)
    return value


def _keep(path: Path, value: object) -> None:
    """Write the parse (see :func:`threadline.cache_file.keep`) and drop the parses of older versions of the same
    source."""
    if not keep(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)):
        return
    stem = path.name.rsplit("-", 1)[0]
    for older in path.parent.glob(f"{stem}-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)
